import { describe, expect, test } from '@jest/globals'
import { BUDGETS } from '../../src/report/budget.js'
import { renderDetails } from '../../src/report/sections/details.js'
import { renderSummary } from '../../src/report/summary.js'
import { CRASH_LOG, failedVerify, sharedPodFailure } from './fixtures.js'
import { renderToDom } from './render-html.js'

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')
const count = (text: string, part: string): number => text.split(part).length - 1
const FIRST_LOG_LINE = CRASH_LOG.split('\n')[0]!

/** `<details>` blocks of the rendered summary by their summary text, with their body text. */
function blocks(md: string): Map<string, string> {
  const doc = renderToDom(md)
  return new Map(
    [...doc.querySelectorAll('details')].map((d) => [
      d.querySelector('summary')?.textContent ?? '',
      d.textContent?.replace(d.querySelector('summary')?.textContent ?? '', '') ?? ''
    ])
  )
}

describe('Details of failures: shared pod evidence is shown once per target', () => {
  const md = renderSummary(sharedPodFailure())
  const byRow = blocks(md)

  test('each pod log tail appears once, under the first row that has it', () => {
    // Pods 0 and 1 are shared by three rows, pod 2 appears only under restarts.
    expect(count(md, FIRST_LOG_LINE)).toBe(3)
    const rollout = byRow.get('❌ deployment/api · Rollout complete (2)')
    expect(rollout).toContain('api-7d9f8c6b5-00000')
    expect(rollout).toContain(FIRST_LOG_LINE)
  })

  test('a row with nothing new gets no block; a row with something new refers to the rest', () => {
    // All pods Running has only the rollout row's pods: the headline groups it under that cause.
    expect(byRow.has('❌ deployment/api · All pods Running (2)')).toBe(false)
    const restarts = byRow.get('❌ deployment/api · Restarts since deploy (3)') ?? ''
    expect(restarts).toContain(
      'Same evidence as under ❌ Rollout complete above: api-7d9f8c6b5-00001, api-7d9f8c6b5-00000.'
    )
    expect(restarts).toContain('api-7d9f8c6b5-00002')
    expect(count(restarts, FIRST_LOG_LINE)).toBe(1)
    // Rows with evidence of their own are untouched.
    expect(count(byRow.get('❌ deployment/api · No Warning events (2)') ?? '', 'Warning BackOff')).toBe(2)
  })

  test('evidence is not shared across targets: each target shows its own pods', () => {
    const result = sharedPodFailure()
    const other = structuredClone(result.targets[0]!)
    other.ref = { ...other.ref, namespace: 'staging' }
    result.targets.push(other)
    const twice = renderSummary(result)
    expect(count(twice, FIRST_LOG_LINE)).toBe(6)
  })

  test('failed rows come before inconclusive ones, like the reasons', () => {
    const result = failedVerify()
    result.targets[0]!.checks[2]!.status = 'inconclusive'
    result.checks[1]!.details = [{ title: 'app api', facts: [{ label: 'health', value: 'Degraded' }] }]
    const summaries = [...renderToDom(renderSummary(result)).querySelectorAll('details > summary')].map(
      (s) => s.textContent
    )
    expect(summaries).toEqual([
      'The verdict’s 2 reasons, row by row',
      '❌ deployment/api · No Warning events (3)',
      '⚠️ deployment/api · All pods Running (2)',
      '⚠️ Argo CD application api (1)'
    ])
  })

  test('a pod the first row left out (item cap) is shown in full by the next row that has it', () => {
    const capped = { ...BUDGETS[2]!, maxDetailItems: 1 }
    const { text, complete } = renderDetails(sharedPodFailure(), capped, 1_000_000)
    expect(complete).toBe(true)
    // Rollout shows pod 0 only; pods-running refers to pod 0 (its first item); restarts shows pod 1.
    const sections = text.split('<details')
    expect(sections[1]).toContain('**api-7d9f8c6b5-00000**')
    expect(sections[2]).toContain('Same evidence as under ❌ Rollout complete above:_ api-7d9f8c6b5-00000.')
    expect(sections[3]).toContain('**api-7d9f8c6b5-00001**')
    expect(count(text, FIRST_LOG_LINE)).toBe(2)
  })

  test('thousands of shared pods stay bounded and balanced under every limit', () => {
    const result = sharedPodFailure()
    const checks = result.targets[0]!.checks
    const pods = Array.from({ length: 3000 }, (_v, i) => ({
      title: `pod api-${i}`,
      facts: [{ label: 'Waiting', value: 'CrashLoopBackOff' }],
      text: Array.from({ length: 200 }, (_w, j) => `line ${j} of pod ${i}`).join('\n')
    }))
    checks[0]!.details = pods
    checks[2]!.details = pods
    checks[3]!.details = [...pods].reverse()
    for (const maxBytes of [1_000_000, 200_000, 50_000, 8_000]) {
      const md = renderSummary(result, { maxBytes })
      expect(bytes(md)).toBeLessThanOrEqual(maxBytes)
      expect(md.match(/<details/g)?.length ?? 0).toBe(md.match(/<\/details>/g)?.length ?? 0)
      // A reference line names at most 20 items and counts the rest.
      for (const line of md.split('\n').filter((l) => l.startsWith('_Same evidence'))) {
        expect(count(line, 'pod api-')).toBeLessThanOrEqual(20)
      }
    }
    const full = renderSummary(result)
    expect(full).toMatch(
      /^_Same evidence as under ❌ Rollout complete above:_ pod api-0, .*, pod api-19 and 80 more\.$/m
    )
    // Every log is rendered at most once although three rows carry it.
    expect(count(full, 'line 199 of pod 7\n')).toBeLessThanOrEqual(1)
  })
})
