import { describe, expect, test } from '@jest/globals'
import { decideVerdict } from '../../src/decide/verdict.js'
import { renderSummary } from '../../src/report/summary.js'
import {
  analysisRun,
  dryRun,
  failedVerify,
  hugeFailure,
  maliciousVerify,
  MALICIOUS,
  passedVerify,
  trafficRun
} from './fixtures.js'
import { mermaidBlocks, parseMermaidBlock } from './mermaid-parser.js'
import { renderToDom } from './render-html.js'

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')

/** Rows of the table that follows the heading whose text contains `heading`. */
function tableAfter(doc: Document, heading: string): string[][] {
  const h = [...doc.querySelectorAll('h3, h4')].find((e) => e.textContent?.includes(heading))
  let el = h?.nextElementSibling
  while (el && el.tagName !== 'TABLE') el = el.nextElementSibling
  if (!el) throw new Error(`no table after ${heading}`)
  return [...el.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? ''))
}

describe('renderSummary: layout', () => {
  test('verdict first, then the cause, next step, causes, action, target table, run-level checks', () => {
    const md = renderSummary(failedVerify())
    expect(md.split('\n')[0]).toBe('## ❌ deploy-guard verify: failed')
    const order = [
      '## ❌',
      '**Cause:** deployment/api: CrashLoopBackOff, exit code 1 (2 pods)',
      '**Next:** roll back: <code>kubectl rollout undo deployment/api -n production</code>',
      '**Causes**',
      '- ❌ deployment/api: CrashLoopBackOff',
      '**Action taken:** rolled back',
      '### <code>deployment/api</code>',
      '### Run-level checks',
      '### Details of failures'
    ]
    const positions = order.map((s) => md.indexOf(s))
    expect(positions.every((p) => p >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })

  test('a passed run: what passed in one line, the checklist collapsed, no failure section', () => {
    const md = renderSummary(passedVerify())
    expect(md.startsWith('## ✅ deploy-guard verify: passed\n\n**Result:** 7 checks passed\n')).toBe(true)
    expect(md).not.toContain('Details of failures')
    const doc = renderToDom(md)
    const collapsed = [...doc.querySelectorAll('details')]
    expect(collapsed.map((d) => d.querySelector('summary')?.textContent)).toEqual([
      '✅ deployment/api in production: 6 checks passed',
      '✅ Run-level checks: 1 check passed'
    ])
    expect(collapsed.every((d) => !d.hasAttribute('open'))).toBe(true)
    const table = collapsed[0]!.querySelector('table')!
    const rows = [...table.querySelectorAll('tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')
    )
    expect(rows[0]).toEqual(['Check', 'Expected', 'Actual', 'Status'])
    expect(rows[2]).toEqual(['Pod count', '4', '4', '✅ passed'])
    expect(rows.at(-1)).toEqual(['HPA', 'not configured', '—', '➖ skipped'])
    expect(md).toContain('<code>registry.example.com/api:v1.2.3</code>')
  })

  test('failed rows carry their reason; details are collapsible with fenced log tails', () => {
    const doc = renderToDom(renderSummary(failedVerify()))
    const rows = tableAfter(doc, 'deployment/api')
    expect(rows.find((r) => r[0] === 'All pods Running')?.[3]).toBe(
      '❌ failed2 pods are in CrashLoopBackOff (container api exits with code 1).'
    )
    // A second row with the same cause names it instead of repeating its own sentence.
    expect(rows.find((r) => r[0] === 'No Warning events')?.[3]).toBe('❌ failedsame cause: CrashLoopBackOff')
    const summaries = [...doc.querySelectorAll('details > summary')].map((s) => s.textContent)
    expect(summaries).toContain('❌ deployment/api · All pods Running (2)')
    // The log contains ``` itself; the fence must hold it whole.
    const logs = [...doc.querySelectorAll('details pre code')].map((c) => c.textContent)
    expect(logs).toContain(
      `${'starting api v1.2.3'}\nloading config from /etc/api/config.yaml\nError: connect ECONNREFUSED 10.0.0.12:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)\n\`\`\`\nexit 1\n`
    )
    expect(doc.body.textContent).toContain('Waiting: CrashLoopBackOff')
  })

  test('causes list failed causes before inconclusive ones, one line each, whatever the row order', () => {
    const result = failedVerify()
    // An inconclusive target row first, a failed run-level row last, a failed metric in between.
    result.targets[0]!.checks[2]!.status = 'inconclusive'
    result.targets[0]!.checks[5]!.status = 'passed'
    result.analysis = analysisRun().analysis
    const decision = decideVerdict(result)
    expect(decision.reasons).toEqual([
      'Smoke GET /health: GET https://api.example.com/health returned 503 after 10 tries.',
      'error-rate = 0.021 > max 0.005 in 3 of 5 measurements (failureLimit 0)',
      'deployment/api: All pods Running: 2 pods are in CrashLoopBackOff (container api exits with code 1).',
      'Argo CD application api: Argo CD reports Degraded.',
      'saturation: no data in 2 of 3 measurements (inconclusiveLimit 1)'
    ])
    const doc = renderToDom(renderSummary({ ...result, ...decision }))
    const listed = [...([...doc.querySelectorAll('ul')][0]?.querySelectorAll(':scope > li') ?? [])].map(
      (li) => li.textContent
    )
    expect(listed).toEqual([
      '❌ Smoke GET /health: GET https://api.example.com/health returned 503 after 10 tries.',
      '❌ error-rate 3 % > max 0.5 % since 10:00 UTC (3 of 5 measurements)',
      '⚠️ deployment/api: CrashLoopBackOff, exit code 1 (2 pods) — last log: exit 1',
      '⚠️ Argo CD application api: Argo CD reports Degraded.',
      '⚠️ saturation: no data in 2 of 3 measurements (inconclusiveLimit 1)'
    ])
  })

  test('dry run banner says what would have happened', () => {
    const md = renderSummary(dryRun())
    expect(md).toContain('> 🧪 **Dry run** — would have rolled back. Nothing was changed.')
    expect(md).toContain('**Action taken:** none (dry run; would have rolled back)')
    expect(md.indexOf('Dry run')).toBeLessThan(md.indexOf('- ❌ deployment/api'))
  })

  test('a dry run that changes nothing says the step would have failed', () => {
    const md = renderSummary({ ...failedVerify(), dryRun: true, action: 'none' })
    expect(md).toContain('> 🧪 **Dry run** — would have failed this step (verdict failed). Nothing was changed.')
  })

  test('custom title', () => {
    expect(renderSummary(passedVerify(), { title: 'api <prod>' }).split('\n')[0]).toBe('## ✅ api &lt;prod&gt;: passed')
  })
})

describe('renderSummary: outside strings are inert', () => {
  const md = renderSummary(maliciousVerify())
  const doc = renderToDom(md)

  test('no injected elements', () => {
    // Raw markup may appear only inside fenced code, where it is text.
    const outsideFences = md.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '')
    expect(outsideFences).not.toContain('<script>')
    expect(outsideFences).not.toContain('</td>')
    expect(doc.querySelectorAll('script, img, h1')).toHaveLength(0)
    // The only links are GFM autolinks of plain https URLs in our fixture's reasons.
    for (const a of doc.querySelectorAll('a')) expect(a.getAttribute('href')).toBe(a.textContent)
    expect([...doc.querySelectorAll('a')].every((a) => a.getAttribute('href')?.startsWith('https://'))).toBe(true)
    // Only our own <details> blocks exist: the verdict's reasons, then one per failing check with new evidence.
    expect(doc.querySelectorAll('details')).toHaveLength(4)
    const reasons = [...doc.querySelectorAll('details')][0]!.querySelectorAll('li')
    expect([...reasons].map((li) => li.textContent)).toEqual([
      `${MALICIOUS} and a|b`,
      '- not a list # not a heading',
      '1. not ordered'
    ])
  })

  test('every table row keeps exactly four cells and the hostile text verbatim', () => {
    const rows = tableAfter(doc, 'deployment/')
    expect(rows.every((r) => r.length === 4)).toBe(true)
    expect(rows[1]?.[0]).toBe(`Rollout ${MALICIOUS}`)
    expect(rows[1]?.[1]).toBe('a|b')
    expect(rows[1]?.[2]).toBe('line1line2 `tick` **bold** [link](javascript:alert(1))')
  })

  test('headings, reasons and detail summaries show the text literally', () => {
    expect(doc.querySelector('h3')?.textContent).toBe(`deployment/${MALICIOUS} in a|b`)
    const reasons = [...doc.querySelectorAll('ul')][0]?.querySelectorAll(':scope > li')
    expect([...(reasons ?? [])].map((li) => li.textContent)).toEqual([
      `❌ deployment/${MALICIOUS}: CrashLoopBackOff, exit code 1 (2 pods) — last log: exit 1 — 3 rows: Rollout ${MALICIOUS} · All pods Running · No Warning events`,
      '❌ Smoke GET /health: GET https://api.example.com/health returned 503 after 10 tries.',
      '⚠️ Argo CD application api: Argo CD reports Degraded.'
    ])
    expect([...doc.querySelectorAll('summary')].map((s) => s.textContent)).toContain(
      `❌ deployment/${MALICIOUS} · Rollout ${MALICIOUS} (1)`
    )
    expect(doc.body.textContent).toContain(`l|abel: ${MALICIOUS}  # heading`)
    expect([...doc.querySelectorAll('pre code')].map((c) => c.textContent)).toContain(
      'log with ``` fence\n</details><script>x</script>\n'
    )
  })
})

describe('renderSummary: analysis', () => {
  const md = renderSummary(analysisRun())
  const doc = renderToDom(md)

  test('overview table in the units people read, then each metric with query, condition, outcome, graph link', () => {
    const overview = tableAfter(doc, 'Analysis')
    expect(overview[0]).toEqual(['Metric', 'Condition', 'Last value', 'Status'])
    expect(overview[1]).toEqual([
      'error-rate',
      '≤ 0.5 % (max)',
      '3 %',
      '❌ failederror-rate = 0.021 > max 0.005 in 3 of 5 measurements (failureLimit 0)'
    ])
    expect(overview[2]?.[1]).toBe('≤ baseline 200 ms +10 % = 220 ms')
    // A pass says nothing its value and count do not: no raw-number sentence.
    expect(overview[2]?.[3]).toBe('✅ passed')
    expect(overview[4]?.[3]).toMatch(/^⚠️ inconclusive \(dry run\)/)
    const queries = [...doc.querySelectorAll('pre code.language-promql')].map((c) => c.textContent)
    expect(queries).toContain(
      'sum(rate(http_requests_total{status=~"5..",version="v1.2.4"}[1m])) / sum(rate(http_requests_total{version="v1.2.4"}[1m]))\n'
    )
    const a = doc.querySelector('a')
    expect(a?.getAttribute('href')).toBe(
      'https://prometheus.example.com/graph?g0.expr=sum(rate(x%7Ba%3D%22b%22%7D[1m]))&g0.tab=0'
    )
    expect(md).toContain('**Condition:** ≤ 0.5 % (max)')
  })

  test('values table beside the chart, with no-data, error and warnings visible', () => {
    const rows = tableAfter(doc, 'error-rate')
    expect(rows[0]).toEqual(['Time (UTC)', 'Value', 'Phase', 'Note'])
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['10:00:00', '0.1 %', '✅ successful'],
      ['10:00:30', '0.51 %', '❌ failed'],
      ['10:01:00', '2.1 %', '❌ failed'],
      ['10:01:30', '—', '➖ no data'],
      ['10:02:00', '3 %', '❌ failed']
    ])
    expect(md).toContain(
      '_1 of 5 measurements had no value (no data or error) and are not plotted; the table lists them._'
    )
    const queue = tableAfter(doc, 'queue-depth')
    expect(queue[1]?.slice(2)).toEqual(['❗ error', 'HTTP 503'])
    expect(queue[2]?.[3]).toBe('warning: PromQL info: metric might not be a counter')
    expect(md).toContain('_No chart: fewer than 2 measurements had a value._')
  })

  test('every Mermaid chart in the summary parses', async () => {
    const blocks = mermaidBlocks(md)
    expect(blocks).toHaveLength(2) // error-rate and latency; saturation and queue-depth have < 2 values
    for (const block of blocks) await expect(parseMermaidBlock(block)).resolves.toBeDefined()
    // Latency in ms: the y axis says so, values and threshold are scaled alike.
    expect(blocks[1]).toContain('y-axis "ms"')
    expect(blocks[1]).toContain('line "baseline +10 %" [220, 220, 220, 220]')
    expect(blocks[1]).toContain(`title "latency-p95 'quoted'"`)
  })
})

describe('renderSummary: traffic gate', () => {
  const md = renderSummary(trafficRun())
  const doc = renderToDom(md)

  test('without minTraffic there is no traffic section', () => {
    expect(renderSummary(analysisRun())).not.toContain('Traffic gate')
  })

  test('query as sent, floor, tally, and a table of every tick', () => {
    const heading = [...doc.querySelectorAll('h4')].map((h) => h.textContent)
    // After the overview, before the per-metric sections.
    expect(heading[0]).toBe('🚦 Traffic gate (minTraffic)')
    expect(md).toContain('**Floor:** traffic ≥ 1 (summed over series)')
    expect(md).toContain(
      '**Gate:** Traffic was at or above the floor at 3 of 5 ticks; below it or without data at 1; the traffic query failed at 1.'
    )
    const queries = [...doc.querySelectorAll('pre code.language-promql')].map((c) => c.textContent)
    expect(queries[0]).toBe('sum(rate(http_requests_total{version="v1.2.4"}[1m]))\n')
    const rows = tableAfter(doc, 'Traffic gate')
    expect(rows[0]).toEqual(['Time (UTC)', 'Traffic', 'Phase', 'Note'])
    expect(rows.slice(1)).toEqual([
      ['10:00:00', '0.4', '➖ no data', 'traffic 0.4 < minTraffic 1'],
      ['10:00:30', '2.5', '✅ successful', 'traffic 2.5 >= minTraffic 1'],
      ['10:01:00', '3', '✅ successful', 'traffic 3 >= minTraffic 1'],
      ['10:01:30', '—', '❗ error', 'minTraffic query failed: HTTP 503'],
      ['10:02:00', '3.25', '✅ successful', 'traffic 3.25 >= minTraffic 1']
    ])
  })

  test('its chart (totals against the floor) parses like every other', async () => {
    const blocks = mermaidBlocks(md)
    expect(blocks).toHaveLength(3)
    const chart = blocks.find((b) => b.includes('minTraffic gate'))
    expect(chart).toContain('line "minTraffic" [1, 1, 1, 1]')
    expect(chart).toContain('line "value" [0.4, 2.5, 3, 3.25]')
    for (const block of blocks) await expect(parseMermaidBlock(block)).resolves.toBeDefined()
  })

  test('a hostile query stays inside its fence; tight budgets keep query and floor, drop the table', () => {
    const result = trafficRun()
    result.analysis!.traffic!.query = 'sum(x) ```\n</details><script>alert(1)</script>'
    const hostile = renderToDom(renderSummary(result))
    expect(hostile.querySelectorAll('script')).toHaveLength(0)
    const small = renderSummary(trafficRun(), { maxBytes: 4_000 })
    expect(Buffer.byteLength(small)).toBeLessThanOrEqual(4_000)
    expect(small).toContain('**Floor:** traffic ≥ 1')
    expect(small).not.toContain('| Time (UTC) | Traffic |')
  })

  test('no tick measured: says so, no table', () => {
    const result = trafficRun()
    result.analysis!.traffic!.measurements = []
    const text = renderSummary(result)
    expect(text).toContain('**Gate:** No tick was measured.')
    expect(text).not.toContain('| Time (UTC) | Traffic |')
  })
})

describe('renderSummary: size cap', () => {
  const huge = hugeFailure()

  test('5,000 pods of details and 20,000 events stay under the default cap, verdict and tables kept', () => {
    const md = renderSummary(huge)
    expect(bytes(md)).toBeLessThanOrEqual(1_000_000)
    expect(md.split('\n')[0]).toBe('## ❌ deploy-guard verify: failed')
    expect(md).toContain('**Cause:** deployment/api: CrashLoopBackOff, exit code 1 (5000 pods)')
    expect(md).toContain('| All pods Running | 4 Running |')
    expect(md).toContain('### Run-level checks')
    // Log tails and detail lists are cut before anything else goes.
    expect(md).toContain('### Details of failures')
    expect(md).toMatch(/more details omitted/)
    expect(md).toMatch(/earlier lines omitted|earlier characters omitted/)
  })

  test.each([200_000, 50_000, 20_000, 8_000, 4_000])(
    'maxBytes %d is honoured and the output still renders',
    (maxBytes) => {
      const md = renderSummary(huge, { maxBytes })
      expect(bytes(md)).toBeLessThanOrEqual(maxBytes)
      expect(md.startsWith('## ❌ deploy-guard verify: failed')).toBe(true)
      expect(md).toContain('All pods Running')
      // Markup stays balanced: every <details> is closed.
      expect(md.match(/<details/g)?.length ?? 0).toBe(md.match(/<\/details>/g)?.length ?? 0)
    }
  )

  test('details shrink, then are dropped with a note, as the limit tightens', () => {
    const outcomes = [40_000, 12_000, 6_000, 3_500].map((maxBytes) => renderSummary(huge, { maxBytes }))
    expect(outcomes[0]).toMatch(/earlier lines omitted/)
    // The verdict's reasons are one collapsed block of the core; evidence blocks are the ones that go.
    const dropped = outcomes.filter((md) => (md.match(/<details/g)?.length ?? 0) === 1)
    expect(dropped.length).toBeGreaterThan(0)
    for (const md of dropped) expect(md).toContain('Details were left out to stay under the size limit')
    for (const md of outcomes) expect(md).toContain('| All pods Running |')
  })

  test('long check tables are capped with a row count, failed rows first', () => {
    const result = passedVerify()
    result.checks = Array.from({ length: 3000 }, (_v, i) => ({
      id: `smoke:${i}`,
      title: `Smoke ${i}`,
      expected: 'HTTP 200',
      actual: i === 2999 ? 'HTTP 500' : 'HTTP 200',
      status: i === 2999 ? ('failed' as const) : ('passed' as const),
      reason: i === 2999 ? 'last one failed' : undefined
    }))
    const md = renderSummary(result, { maxBytes: 30_000 })
    expect(bytes(md)).toBeLessThanOrEqual(30_000)
    expect(md).toMatch(/_… [\d,]+ more rows omitted/)
    expect(md).toContain('| Smoke 2999 |')
  })

  test('even absurd limits and absurd reasons hold', () => {
    const result = hugeFailure()
    result.reasons = Array.from({ length: 10_000 }, (_v, i) => `reason ${i} ${'ü'.repeat(500)}`)
    for (const maxBytes of [3_000, 500, 80]) {
      expect(bytes(renderSummary(result, { maxBytes }))).toBeLessThanOrEqual(maxBytes)
    }
  })

  test('a small result is not degraded', () => {
    const md = renderSummary(failedVerify())
    expect(md).not.toContain('omitted')
  })
})
