/** The rollback's outputs, log lines and failure annotation. */
import { describe, expect, test } from '@jest/globals'
import type { RollbackState } from '../../src/model/rollback.js'
import { verdictAnnotation } from '../../src/report/annotation.js'
import { failureResult } from '../../src/report/failure-result.js'
import { renderLogSummary } from '../../src/report/log.js'
import { OUTPUT_MAX_BYTES, buildOutputs } from '../../src/report/outputs.js'
import type { RollbackOutputRow } from '../../src/report/rollback-outputs.js'
import { MALICIOUS, failedVerify, manualRollback, passedVerify, rolledBackVerify, targetRollback } from './fixtures.js'

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')
const db = { kind: 'StatefulSet', name: 'db', namespace: 'production' }

describe('rollback outputs', () => {
  const cases: Array<[RollbackState, string, string, string, string]> = [
    // state, action, from, to, restored-verdict
    ['rolled-back', 'rolled-back', '2', '1', 'passed'],
    ['rolled-back-unhealthy', 'rolled-back', '2', '1', 'failed'],
    ['rolled-back-unverified', 'rolled-back', '2', '1', 'inconclusive'],
    ['dry-run', 'none', '', '', ''],
    ['refused', 'none', '', '', ''],
    ['not-started', 'none', '', '', ''],
    ['failed', 'none', '', '', ''],
    ['unknown', 'none', '', '', '']
  ]
  test.each(cases)('one target, %s: action %s, from %j, to %j, restored %j', (state, action, from, to, restored) => {
    const out = buildOutputs(rolledBackVerify(state), 'r.json')
    expect(out.action).toBe(action)
    expect(out['rolled-back-from']).toBe(from)
    expect(out['rolled-back-to']).toBe(to)
    expect(out['restored-verdict']).toBe(restored)
    const rows = JSON.parse(out.rollback) as RollbackOutputRow[]
    expect(rows.map((r) => [r.target, r.state])).toEqual([['deployment/api', state]])
  })

  test('a rollback row: the report without the restored checks’ evidence', () => {
    const [row] = JSON.parse(
      buildOutputs(rolledBackVerify('rolled-back-unhealthy'), 'r.json').rollback
    ) as RollbackOutputRow[]
    expect(row).toMatchObject({
      target: 'deployment/api',
      namespace: 'production',
      method: 'kubectl',
      state: 'rolled-back-unhealthy',
      fromRevision: 2,
      toRevision: 1,
      restoredRevision: '3',
      restoredVerdict: 'failed',
      manual: [
        'kubectl rollout status deployment/api -n production',
        'kubectl rollout history deployment/api -n production'
      ],
      message: 'rolled back',
      dryRun: false
    })
    expect(row?.restoredChecks.find((c) => c.id === 'pods-running')).toEqual({
      id: 'pods-running',
      title: 'All pods Running',
      expected: '4 Running',
      actual: '3 Running, 1 CrashLoopBackOff',
      status: 'failed',
      reason: '1 pod is in CrashLoopBackOff (container api exits with code 1).'
    })
    expect(JSON.stringify(row)).not.toContain('details')
  })

  test('dry run: action stays none, the row carries the patch it would send', () => {
    const result = rolledBackVerify('dry-run')
    const out = buildOutputs(result, 'r.json')
    expect(out.action).toBe('none')
    const [row] = JSON.parse(out.rollback) as RollbackOutputRow[]
    expect(row?.change).toEqual(result.rollback!.targets[0]!.change)
    expect(row?.dryRun).toBe(true)
    expect(out.summary).toBe(
      '[dry run] deploy-guard verify failed — deployment/api: CrashLoopBackOff, exit code 1 (2 pods) — last log: exit 1 (+2 more causes); next: would roll back deployment/api to revision 1 (dry run) — to do it by hand: kubectl rollout undo deployment/api -n production --to-revision=1; action: none (dry run; would have rolled back)'
    )
  })

  test('several targets: JSON objects keyed by target, only those that landed; the worst restored verdict', () => {
    const result = rolledBackVerify('rolled-back')
    result.rollback!.targets.push(
      { ...targetRollback('rolled-back-unverified', db), fromRevision: 6, toRevision: 5 },
      targetRollback('refused', { kind: 'Deployment', name: 'web', namespace: 'production' })
    )
    const out = buildOutputs(result, 'r.json')
    expect(JSON.parse(out['rolled-back-from'])).toEqual({ 'deployment/api': '2', 'statefulset/db': '6' })
    expect(JSON.parse(out['rolled-back-to'])).toEqual({ 'deployment/api': '1', 'statefulset/db': '5' })
    expect(out['restored-verdict']).toBe('inconclusive')
    expect(out.action).toBe('rolled-back')
    expect((JSON.parse(out.rollback) as RollbackOutputRow[]).map((r) => r.state)).toEqual([
      'rolled-back',
      'rolled-back-unverified',
      'refused'
    ])
  })

  test('several targets, none landed: every rollback output is empty but rollback', () => {
    const result = rolledBackVerify('failed')
    result.rollback!.targets.push(targetRollback('refused', db))
    const out = buildOutputs(result, 'r.json')
    expect([out['rolled-back-from'], out['rolled-back-to'], out['restored-verdict'], out.action]).toEqual([
      '',
      '',
      '',
      'none'
    ])
    expect(JSON.parse(out.rollback)).toHaveLength(2)
  })

  test('two targets with one kind/name in different namespaces are keyed by namespace', () => {
    const result = rolledBackVerify('rolled-back')
    result.rollback!.targets.push(
      targetRollback('rolled-back', { kind: 'Deployment', name: 'api', namespace: 'staging' })
    )
    expect(JSON.parse(buildOutputs(result, 'r.json')['rolled-back-to'])).toEqual({
      'production/deployment/api': '1',
      'staging/deployment/api': '1'
    })
  })

  test('a run without a rollback, a config error and a failure result write every output', () => {
    for (const result of [passedVerify(), failureResult('verify', new Date('2025-01-01T00:00:00Z'), ['config: bad'])]) {
      const out = buildOutputs(result, '')
      expect(out['rolled-back-from']).toBe('')
      expect(out['rolled-back-to']).toBe('')
      expect(out['restored-verdict']).toBe('')
      expect(out.rollback).toBe('[]')
      expect(out.action).toBe('none')
    }
  })

  test('a 2 MB note and a thousand targets stay within the caps, valid JSON', () => {
    const result = rolledBackVerify('rolled-back')
    result.rollback!.targets = Array.from({ length: 1000 }, (_v, i) => {
      const t = targetRollback('rolled-back', {
        kind: 'Deployment',
        name: `service-with-a-long-name-${i}`,
        namespace: 'production'
      })
      t.notes = i === 0 ? ['n'.repeat(2_000_000)] : t.notes
      return t
    })
    const out = buildOutputs(result, 'r.json')
    expect(bytes(out.rollback)).toBeLessThanOrEqual(OUTPUT_MAX_BYTES.rollback)
    const rows = JSON.parse(out.rollback) as RollbackOutputRow[]
    expect(rows.at(-1)?.target).toBe('omitted')
    expect(rows[0]!.notes[0]!.length).toBeLessThanOrEqual(4000)
    for (const name of ['rolled-back-from', 'rolled-back-to'] as const) {
      expect(bytes(out[name])).toBeLessThanOrEqual(OUTPUT_MAX_BYTES[name])
      const parsed = JSON.parse(out[name]) as Record<string, string>
      expect(parsed['…']).toMatch(/^\d+ more; see the rollback output$/)
    }
  })

  test('the summary output names the rollback', () => {
    expect(buildOutputs(rolledBackVerify('rolled-back'), 'r.json').summary).toBe(
      'deploy-guard verify failed — deployment/api: CrashLoopBackOff, exit code 1 (2 pods) — last log: exit 1 (+2 more causes); next: rolled back deployment/api to revision 1 (restored version healthy); action: rolled back'
    )
  })
})

describe('rollback log lines', () => {
  test('after the verdict line and the cause: one line per target with its state and summary, then the commands', () => {
    const lines = renderLogSummary(rolledBackVerify('rolled-back-unhealthy'))
    expect(lines.slice(0, 5)).toEqual([
      'deploy-guard verify: FAILED (action: rolled back)',
      '  cause: deployment/api: CrashLoopBackOff, exit code 1 (2 pods) — last log: exit 1',
      '  ❌ rollback deployment/api: rolled-back-unhealthy — deployment/api in production was rolled back from revision 2 to revision 1, but the restored version is failed: the rollback is half done',
      '      run: kubectl rollout status deployment/api -n production',
      '      run: kubectl rollout history deployment/api -n production'
    ])
    expect(lines[5]).toMatch(/^ {2}❌ deployment\/api: CrashLoopBackOff/)
  })

  test('a dry run says it would have rolled back; a declined rollback says why', () => {
    expect(renderLogSummary(rolledBackVerify('dry-run')).slice(0, 3)).toEqual([
      'deploy-guard verify: FAILED [dry run] (action: none (dry run; would have rolled back))',
      '  cause: deployment/api: CrashLoopBackOff, exit code 1 (2 pods) — last log: exit 1',
      '  🧪 rollback deployment/api: dry-run — dry run: would roll deployment/api back from revision 2 to revision 1; nothing was changed'
    ])
    const declined = failedVerify()
    declined.action = 'none'
    declined.rollback = { decision: 'none', reason: 'rollback.onFailure is off', targets: [] }
    expect(renderLogSummary(declined).slice(0, 4)).toEqual([
      'deploy-guard verify: FAILED (action: no action)',
      '  cause: deployment/api: CrashLoopBackOff, exit code 1 (2 pods) — last log: exit 1',
      '  next: roll back (not rolled back: rollback.onFailure is off): kubectl rollout undo deployment/api -n production',
      '  ↩️ rollback: not rolled back — rollback.onFailure is off'
    ])
  })

  test('a manual rollback names who asked and why', () => {
    expect(renderLogSummary(manualRollback()).slice(0, 2)).toEqual([
      'deploy-guard rollback: PASSED (action: rolled back)',
      '  ↩️ manual rollback requested by octocat: checkout errors after v1.2.4, see INC-42'
    ])
  })

  test('hostile text cannot break a line or form a runner command; long text is cut', () => {
    const result = rolledBackVerify('failed')
    const t = result.rollback!.targets[0]!
    t.summary = `x\n::error::injected\r\n::add-mask::y ##[group]z ${MALICIOUS}`
    t.manual = ['::set-output name=a::b', 'y'.repeat(100_000)]
    const lines = renderLogSummary(result)
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/)
      expect(line).not.toMatch(/^\s*::/)
      expect(line).not.toContain('##[')
      expect(line.length).toBeLessThan(3000)
    }
  })
})

describe('failure annotation', () => {
  test('a failed deploy that was rolled back: the cause, then the rollback as the next step', () => {
    expect(verdictAnnotation(rolledBackVerify('rolled-back'))).toBe(
      'deploy-guard verify: failed — deployment/api: CrashLoopBackOff, exit code 1 (2 pods) — last log: exit 1 (+2 more causes); next: rolled back deployment/api to revision 1 (restored version healthy)'
    )
    expect(verdictAnnotation(rolledBackVerify('rolled-back-unhealthy'))).toMatch(
      /; next: rolled back deployment\/api to revision 1, but the restored version is failed \(rollback half done\) — to finish or check it by hand: kubectl rollout status deployment\/api -n production$/
    )
  })

  test('without a rollback: the cause and the command to roll back', () => {
    const result = failedVerify()
    delete result.rollback
    expect(verdictAnnotation(result)).toBe(
      'deploy-guard verify: failed — deployment/api: CrashLoopBackOff, exit code 1 (2 pods) — last log: exit 1 (+2 more causes); next: roll back: kubectl rollout undo deployment/api -n production'
    )
  })

  test('not rolled back: the reason is in the annotation', () => {
    expect(verdictAnnotation(rolledBackVerify('refused'))).toMatch(
      /; next: deployment\/api not rolled back: the failing revision 2 is the one that was running before the deploy/
    )
  })
})
