/** The rollback on the job summary: headline per state, both verdicts, commands, change, restored checks. */
import { describe, expect, test } from '@jest/globals'
import type { RollbackState } from '../../src/model/rollback.js'
import { BUDGETS, type Budget } from '../../src/report/budget.js'
import { rollbackHeadline } from '../../src/report/sections/rollback.js'
import { renderSummary } from '../../src/report/summary.js'
import {
  MALICIOUS,
  failedVerify,
  manualRollback,
  passedVerify,
  rolledBackVerify,
  targetRollback,
  undoPatch
} from './fixtures.js'
import { renderToDom } from './render-html.js'

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')
const fullest = BUDGETS[0] as Budget

/** The text of the paragraphs between the Rollback heading and the next heading. */
function rollbackSection(doc: Document): Element[] {
  const heading = [...doc.querySelectorAll('h3')].find((h) => h.textContent?.includes('Rollback'))
  if (!heading) throw new Error('no Rollback heading')
  const out: Element[] = []
  for (let el = heading.nextElementSibling; el && !/^H[1-3]$/.test(el.tagName); el = el.nextElementSibling) out.push(el)
  return out
}

describe('rollback section: one headline per state, cause first', () => {
  const cases: Array<[RollbackState, string]> = [
    [
      'rolled-back',
      'Rolled back deployment/api in production from revision 2 to revision 1 (now revision 3) — restored version healthy ✅'
    ],
    [
      'rolled-back-unhealthy',
      'Rollback half done: deployment/api in production was set back from revision 2 to revision 1 (now revision 3), but the restored version failed ❌ — run: kubectl rollout status deployment/api -n production'
    ],
    [
      'rolled-back-unverified',
      'Rolled back, not verified: deployment/api in production was rolled back from revision 2 to revision 1, but the restored version was not verified before the run ended ⚠️ — run: kubectl rollout status deployment/api -n production'
    ],
    [
      'dry-run',
      'Dry run: would roll back deployment/api in production from revision 2 to revision 1 (patch below); nothing was changed'
    ],
    [
      'refused',
      'Not rolled back: the failing revision 2 is the one that was running before the deploy (the deploy changed nothing): nothing older is rolled back to; nothing was changed'
    ],
    ['not-started', 'Not rolled back: deployment/api in production was not rolled back; nothing was changed'],
    [
      'failed',
      'Rollback failed: the rollback of deployment/api in production from revision 2 to revision 1 failed: 422 Unprocessable Entity; nothing was changed ❌ — run: kubectl rollout undo deployment/api -n production --to-revision=1'
    ],
    [
      'unknown',
      'Rollback unconfirmed: the rollback of deployment/api in production from revision 2 to revision 1 was sent but not confirmed: socket hang up; it may or may not have landed — check the history before undoing by hand ❔ — run: kubectl rollout history deployment/api -n production'
    ]
  ]

  test.each(cases)('%s', (state, headline) => {
    const md = renderSummary(rolledBackVerify(state))
    const doc = renderToDom(md)
    const [first] = rollbackSection(doc)
    expect(first?.textContent).toBe(headline)
    // Right after the verdict: before the first target's checklist.
    expect(md.indexOf('### ↩️ Rollback')).toBeGreaterThan(md.indexOf('**Action taken:**'))
    expect(md.indexOf('### ↩️ Rollback')).toBeLessThan(md.indexOf('### <code>deployment/api</code>'))
  })

  test('both verdicts, the table, the notes; the change and the restored checks collapsed', () => {
    const doc = renderToDom(renderSummary(rolledBackVerify('rolled-back')))
    const section = rollbackSection(doc)
    const text = section.map((e) => e.textContent).join('\n')
    expect(text).toContain('Deploy: ❌ failed · Restored version: ✅ passed')
    const table = section.find((e) => e.tagName === 'TABLE')!
    const rows = [...table.querySelectorAll('tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => c.textContent)
    )
    expect(rows).toEqual([
      ['Target', 'Method', 'Revision', 'State', 'Restored version', 'Result'],
      ['deployment/api in production', 'kubectl', '2 → 1 (now 3)', '✅ rolled-back', '✅ passed', 'rolled back']
    ])
    expect(text).toContain('no snapshot was taken: the recorded revision is the one live before the rollout began')
    const details = section.filter((e) => e.tagName === 'DETAILS')
    expect(details.map((d) => d.querySelector('summary')?.textContent)).toEqual([
      'Patch sent to deployment/api (json)',
      '✅ Restored version of deployment/api (revision 3): 7 checks, none failed'
    ])
    expect(details.every((d) => !d.hasAttribute('open'))).toBe(true)
    // The patch, pretty-printed JSON, exactly.
    const patch = JSON.parse(details[0]!.querySelector('pre code')!.textContent!) as unknown
    expect(patch).toEqual(undoPatch())
    // The restored checks use the verify checklist's rows.
    const restoredRows = [...details[1]!.querySelectorAll('tr')].map((tr) => tr.querySelector('td')?.textContent)
    expect(restoredRows).toContain('Pod count')
    // No commands to run when the rollback is done.
    expect(section.some((e) => e.tagName === 'PRE' && !e.closest('details'))).toBe(false)
  })

  test('a half-done rollback: the commands in a code block, the restored checks open', () => {
    const doc = renderToDom(renderSummary(rolledBackVerify('rolled-back-unhealthy')))
    const section = rollbackSection(doc)
    expect(section.map((e) => e.textContent).join('\n')).toContain('Deploy: ❌ failed · Restored version: ❌ failed')
    const code = section.find((e) => e.tagName === 'PRE')?.textContent
    expect(code).toBe(
      'kubectl rollout status deployment/api -n production\nkubectl rollout history deployment/api -n production\n'
    )
    const restored = section.filter((e) => e.tagName === 'DETAILS')[1]!
    expect(restored.hasAttribute('open')).toBe(true)
    expect(restored.textContent).toContain('1 pod is in CrashLoopBackOff')
  })

  test('dry run: the patch is shown open, nothing is claimed done', () => {
    const md = renderSummary(rolledBackVerify('dry-run'))
    const doc = renderToDom(md)
    const section = rollbackSection(doc)
    const details = section.find((e) => e.tagName === 'DETAILS')!
    expect(details.hasAttribute('open')).toBe(true)
    expect(details.querySelector('summary')?.textContent).toBe('Patch that would be sent to deployment/api (json)')
    expect(JSON.parse(details.querySelector('pre code')!.textContent!)).toEqual(undoPatch())
    expect(md).toContain('**Action taken:** none (dry run; would have rolled back)')
    expect(md).toContain('would have rolled back. Nothing was changed.')
    expect(section.map((e) => e.textContent).join('\n')).toContain('Restored version: — (dry run: nothing was changed)')
  })

  test('a long patch is cut to a few KB with a note', () => {
    const result = rolledBackVerify('dry-run')
    result.rollback!.targets[0]!.change = { kind: 'patch', patchType: 'json', body: { env: 'x'.repeat(50_000) } }
    const md = renderSummary(result)
    const code = renderToDom(md).querySelector('details pre code')!.textContent!
    expect(code.length).toBeLessThanOrEqual(4_001)
    expect(code).toMatch(/more characters omitted/)
    expect(md).toContain('the JSON record (output `report`) has it whole')
  })

  test('a manual rollback says who rolled back what, from which revision to which, and why', () => {
    const doc = renderToDom(renderSummary(manualRollback()))
    const text = rollbackSection(doc).map((e) => e.textContent)
    expect(text[0]).toBe('Manual rollback requested by octocat — why: checkout errors after v1.2.4, see INC-42')
    expect(text[1]).toBe(
      'Rolled back deployment/api in production from revision 3 to revision 2 (now revision 4) — restored version healthy ✅'
    )
    // No deploy was judged: only the restored version has a verdict.
    expect(text[2]).toBe('Restored version: ✅ passed')
  })

  test('a failed run whose policy did not roll back says why; a passed run without a rollback has no section', () => {
    const declined = failedVerify()
    declined.action = 'none'
    declined.rollback = { decision: 'none', reason: 'rollback.onFailure is off', targets: [] }
    const text = rollbackSection(renderToDom(renderSummary(declined))).map((e) => e.textContent)
    expect(text).toEqual(['Not rolled back: rollback.onFailure is off'])
    const passed = passedVerify()
    passed.rollback = { decision: 'none', reason: 'the verdict is passed', targets: [] }
    expect(renderSummary(passed)).not.toContain('Rollback')
  })

  test('several targets: one headline each, the worst restored verdict, commands per target', () => {
    const result = rolledBackVerify('rolled-back')
    const db = { kind: 'StatefulSet', name: 'db', namespace: 'production' }
    result.rollback!.targets.push(targetRollback('rolled-back-unhealthy', db))
    const doc = renderToDom(renderSummary(result))
    const section = rollbackSection(doc)
    const items = [...section[0]!.querySelectorAll('li')].map((li) => li.textContent)
    expect(items).toHaveLength(2)
    expect(items[0]).toMatch(/^Rolled back deployment\/api/)
    expect(items[1]).toMatch(/^Rollback half done: statefulset\/db/)
    expect(section[1]?.textContent).toBe('Deploy: ❌ failed · Restored version: ❌ failed')
    expect(section.find((e) => e.tagName === 'PRE')?.textContent).toMatch(
      /^# statefulset\/db in production\nkubectl rollout status/
    )
  })
})

describe('rollback section: hostile text and size', () => {
  test('hostile message, notes, summary, requestedBy and names are escaped', () => {
    const result = rolledBackVerify('rolled-back-unhealthy')
    const t = result.rollback!.targets[0]!
    t.ref = { kind: 'Deployment', name: MALICIOUS, namespace: 'a|b' }
    t.message = `${MALICIOUS} | **bold** \`tick\``
    t.summary = `${MALICIOUS}\n# heading`
    t.notes = [`${MALICIOUS}`, '- not a list\n## not a heading']
    t.manual = ['echo ``` done', '</details><script>x</script>']
    result.rollback!.requestedBy = MALICIOUS
    const md = renderSummary(result)
    const doc = renderToDom(md)
    expect(doc.querySelectorAll('script')).toHaveLength(0)
    expect(doc.querySelectorAll('h1, h4')).toHaveLength(0)
    const section = rollbackSection(doc)
    const table = section.find((e) => e.tagName === 'TABLE')!
    for (const tr of table.querySelectorAll('tr')) expect(tr.children).toHaveLength(6)
    expect(table.textContent).toContain(`${MALICIOUS} | **bold** \`tick\``)
    expect(section.map((e) => e.textContent).join('\n')).toContain(MALICIOUS)
    // The commands stay whole inside their fence.
    expect(section.find((e) => e.tagName === 'PRE')?.textContent).toContain(
      'echo ``` done\n</details><script>x</script>'
    )
  })

  test('a 2 MB note keeps the summary within its cap, the rollback section kept', () => {
    const result = rolledBackVerify('rolled-back')
    result.rollback!.targets[0]!.notes = ['n'.repeat(2_000_000), 'second note']
    result.rollback!.targets[0]!.message = 'm'.repeat(2_000_000)
    for (const maxBytes of [1_000_000, 20_000, 6_000]) {
      const md = renderSummary(result, { maxBytes })
      expect(bytes(md)).toBeLessThanOrEqual(maxBytes)
      expect(md).toContain('### ↩️ Rollback')
      expect(md).toContain('**Rolled back** <code>deployment/api</code>')
    }
  })

  test('hundreds of targets stay within the cap, rows that need attention first', () => {
    const result = rolledBackVerify('rolled-back')
    result.rollback!.targets = Array.from({ length: 400 }, (_v, i) =>
      targetRollback(i === 399 ? 'failed' : 'rolled-back', {
        kind: 'Deployment',
        name: `svc-${i}`,
        namespace: 'production'
      })
    )
    const md = renderSummary(result, { maxBytes: 60_000 })
    expect(bytes(md)).toBeLessThanOrEqual(60_000)
    expect(md).toContain('**Rollback failed**')
    expect(md).toMatch(/more targets omitted/)
  })

  test('the headline alone is small even for a huge summary string', () => {
    const t = targetRollback('failed')
    t.summary = 'x'.repeat(100_000)
    expect(rollbackHeadline(t, fullest).length).toBeLessThan(10_000)
  })
})
