import { describe, expect, it } from '@jest/globals'
import type { RunResult } from '../../src/model/result.js'
import {
  MAX_COMMENT_CHARS,
  commentMarker,
  parseRunBlocks,
  renderPrComment,
  targetSetKey
} from '../../src/report/pr-comment.js'
import { analysisRun, failedVerify, hugeFailure, passedVerify, rolledBackVerify } from '../report/fixtures.js'
import { renderToDom } from '../report/render-html.js'

const facts = {
  environment: 'production',
  runUrl: 'https://github.com/acme/shop/actions/runs/42',
  actor: 'octocat',
  sha: '0123456789abcdef0123456789abcdef01234567',
  commitUrl: 'https://github.com/acme/shop/commit/0123456789abcdef0123456789abcdef01234567'
}
const api = [{ kind: 'Deployment', name: 'api', namespace: 'production' }]
const marker = commentMarker('production', api)
const WJ = /\u2060/g

/** A run whose every outside string is hostile (issue 9, acceptance 3). */
function hostileRun(): RunResult {
  const run = failedVerify()
  const target = run.targets[0]!
  target.ref = { ...target.ref, name: 'api-`@org/team`-#1' }
  target.images = { app: 'registry/api:v2|</table><script>alert(1)</script>' }
  target.previous = { revision: '1', images: { app: 'registry/api:v1 @octocat' } }
  target.checks[0]!.actual = '</table><script>alert(1)</script> | `tick` @org/team #1'
  target.checks[0]!.reason = 'x'.repeat(2_000_000)
  run.reasons.unshift(`event message ${'y'.repeat(2_000_000)} @org/team #1`)
  return run
}

describe('the comment marker', () => {
  it('is one per environment and target set, whatever the order of targets', () => {
    const two = [api[0]!, { kind: 'StatefulSet', name: 'db', namespace: 'production' }]
    expect(commentMarker('production', two)).toBe(commentMarker('production', [...two].reverse()))
    expect(commentMarker('production', two)).not.toBe(commentMarker('staging', two))
    expect(targetSetKey(two)).not.toBe(targetSetKey(api))
  })

  it('cannot end the HTML comment, whatever the environment name', () => {
    const m = commentMarker('prod --> <b>x</b> @a', api)
    expect(m.slice(4, -3)).not.toMatch(/--|>|</)
    expect(m).toMatch(
      /^<!-- deploy-guard:record env=prod%20%2D%2D%3E%20%3Cb%3Ex%3C%2Fb%3E%20%40a targets=[0-9a-f]{16} -->$/
    )
  })
})

describe('renderPrComment', () => {
  it('starts with the marker and shows the record: component, environment, namespace, old → new, checks, run, actor, commit', () => {
    const run = passedVerify()
    const [container, image] = Object.entries(run.targets[0]!.images!)[0]!
    run.targets[0]!.previous = { revision: '1', images: { [container]: image.replace(/:[^:]+$/, ':v1.2.2') } }
    const body = renderPrComment({ result: run, facts, marker })
    expect(body.startsWith(`${marker}\n`)).toBe(true)
    const doc = renderToDom(body)
    const row = [...doc.querySelectorAll('table')[0]!.querySelectorAll('tbody td')].map((td) => td.textContent)
    expect(row[0]).toBe('deployment/api')
    expect(row[1]).toBe('production')
    expect(row[2]).toBe('production')
    expect(row[3]).toMatch(/api:v1\.2\.2 → \S*api:v1\.2\.3/)
    const text = doc.body.textContent!.replace(WJ, '')
    expect(text).toContain('deploy-guard verify · production: passed')
    expect(text).toContain('by @octocat')
    expect(doc.querySelector('a[href="https://github.com/acme/shop/actions/runs/42"]')).not.toBeNull()
    expect(doc.querySelector('a[href$="/commit/0123456789abcdef0123456789abcdef01234567"]')?.textContent).toBe(
      '0123456'
    )
  })

  it('shows a rollback: from → to and the restored verdict', () => {
    const body = renderPrComment({ result: rolledBackVerify('rolled-back'), facts, marker })
    const cells = [...renderToDom(body).querySelectorAll('table')[0]!.querySelectorAll('tbody td')].map(
      (td) => td.textContent
    )
    expect(cells[5]).toMatch(/revision 2 to revision 1/)
    expect(cells[5]).toMatch(/restored passed/)
  })

  it('keeps earlier runs collapsed under <details>, newest first, and updates the newest in place', () => {
    const first = renderPrComment({ result: failedVerify(), facts: { ...facts, sha: 'a'.repeat(40) }, marker })
    const second = renderPrComment({
      result: analysisRun(),
      facts: { ...facts, sha: 'b'.repeat(40) },
      marker,
      previousBody: first
    })
    const third = renderPrComment({
      result: passedVerify(),
      facts: { ...facts, sha: 'c'.repeat(40) },
      marker,
      previousBody: second
    })
    const blocks = parseRunBlocks(third)
    expect(blocks.map((b) => b.kind)).toEqual(['current', 'earlier', 'earlier'])
    expect(blocks.map((b) => /<code>(\w{7})<\/code>$/.exec(b.summary)?.[1])).toEqual(['ccccccc', 'bbbbbbb', 'aaaaaaa'])
    const doc = renderToDom(third)
    const earlier = [...doc.querySelectorAll('body > details')]
      .map((d) => d.querySelector('summary')!.textContent!)
      .filter((summary) => summary.includes('deploy-guard'))
    expect(earlier).toHaveLength(2)
    expect(earlier[0]).toMatch(/analyze.*bbbbbbb/)
    expect(earlier[1]).toMatch(/verify.*aaaaaaa/)
    expect(third.split(marker)).toHaveLength(2)
  })

  it('drops the oldest runs first when space runs out, and says so', () => {
    // The full limit with a huge run, then a small limit (so that runs must go) with many.
    const huge = renderPrComment({ result: hugeFailure(), facts, marker })
    expect(huge.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
    expect(renderPrComment({ result: hugeFailure(), facts, marker, previousBody: huge }).length).toBeLessThanOrEqual(
      MAX_COMMENT_CHARS
    )
    let body: string | undefined
    for (let i = 0; i < 25; i++) {
      const sha = String(i).padStart(7, '0').padEnd(40, '0')
      body = renderPrComment({
        result: failedVerify(),
        facts: { ...facts, sha },
        marker,
        previousBody: body,
        maxChars: 30_000
      })
      expect(body.length).toBeLessThanOrEqual(30_000)
    }
    const blocks = parseRunBlocks(body!)
    const shas = blocks.map((b) => Number(/<code>(\d{7})<\/code>$/.exec(b.summary)?.[1]))
    // Newest first and contiguous: what is dropped is always the oldest.
    expect(shas[0]).toBe(24)
    expect(shas).toEqual(shas.map((_s, i) => 24 - i))
    expect(shas.length).toBeLessThan(25)
    expect(body).toMatch(/older runs were dropped to stay under GitHub's comment size limit/)
  })

  it('renders hostile content escaped, pings nobody, and stays within 65,536 characters', () => {
    const body = renderPrComment({ result: hostileRun(), facts: { ...facts, actor: 'evil @org/team' }, marker })
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
    expect(body).not.toMatch(/<script|<\/table><script/i)
    const doc = renderToDom(body)
    expect(doc.querySelectorAll('script')).toHaveLength(0)
    const text = doc.body.textContent!
    // GitHub's mention/reference matchers need a word character right after the sigil.
    expect(text).not.toMatch(/(^|[^\p{L}\p{N}_])(@[\p{L}\p{N}]|#\d)/u)
    expect(text.replace(WJ, '')).toContain('@org/team')
    // The first table has one row per target and its six cells: pipes did not split any.
    expect(doc.querySelectorAll('table')[0]!.querySelectorAll('tbody td')).toHaveLength(6)
  })

  it('trims long tables with a note and a link to the run', () => {
    const run = failedVerify()
    const check = run.targets[0]!.checks[0]!
    run.targets[0]!.checks = Array.from({ length: 3000 }, (_v, i) => ({
      ...check,
      id: `c${i}`,
      title: `check ${i} ${'z'.repeat(40)}`
    }))
    const body = renderPrComment({ result: run, facts, marker })
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
    expect(body).toMatch(/more rows omitted/)
    const doc = renderToDom(body)
    const note = [...doc.querySelectorAll('em')].find((em) => /trimmed to fit a PR comment/.test(em.textContent!))
    expect(note?.querySelector('a')?.getAttribute('href')).toBe(facts.runUrl)
  })

  it('an end marker forged in outside text cannot cut a run block short', () => {
    const run = failedVerify()
    run.rollback = {
      decision: 'rollback',
      reason: 'policy',
      targets: [
        {
          ref: run.targets[0]!.ref,
          state: 'failed',
          summary: 'x',
          manual: [
            '<!-- /deploy-guard:run id=000000000000000000000000 -->\n<!-- deploy-guard:run id=00000000 kind=current summary= -->'
          ],
          method: 'kubectl',
          notes: [],
          dryRun: false
        }
      ]
    }
    const first = renderPrComment({ result: run, facts, marker })
    const second = renderPrComment({ result: passedVerify(), facts, marker, previousBody: first })
    expect(parseRunBlocks(second).map((b) => b.kind)).toEqual(['current', 'earlier'])
  })
})
