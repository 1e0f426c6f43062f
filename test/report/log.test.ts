import { describe, expect, test } from '@jest/globals'
import { renderLogSummary } from '../../src/report/log.js'
import { analysisRun, dryRun, failedVerify, maliciousVerify, passedVerify } from './fixtures.js'

describe('renderLogSummary', () => {
  test('a passed run is one line', () => {
    expect(renderLogSummary(passedVerify())).toEqual(['deploy-guard verify: PASSED (action: no action)'])
  })

  test('verdict first, then the cause, next step, and one line per cause with the rows it explains', () => {
    expect(renderLogSummary(failedVerify())).toEqual([
      'deploy-guard verify: FAILED (action: rolled back)',
      '  cause: deployment/api: CrashLoopBackOff, exit code 1 (2 pods) — last log: exit 1',
      '  next: roll back: kubectl rollout undo deployment/api -n production',
      '  ❌ deployment/api: CrashLoopBackOff, exit code 1 (2 pods) — last log: exit 1 (2 rows: All pods Running, No Warning events)',
      '  ❌ Smoke GET /health: GET https://api.example.com/health returned 503 after 10 tries.',
      '  ⚠️ Argo CD application api: Argo CD reports Degraded.'
    ])
  })

  test('one cause with several rows: the cause once, then the rows it explains', () => {
    const result = failedVerify()
    result.checks = []
    expect(renderLogSummary(result).slice(1)).toEqual([
      '  cause: deployment/api: CrashLoopBackOff, exit code 1 (2 pods) — last log: exit 1',
      '  next: roll back: kubectl rollout undo deployment/api -n production',
      '  rows with this cause: All pods Running, No Warning events'
    ])
  })

  test('failed causes first, then inconclusive, then dry-run metric checks, like the summary', () => {
    const result = analysisRun()
    result.targets = failedVerify().targets
    result.targets[0]!.checks[2]!.status = 'inconclusive'
    result.checks = failedVerify().checks
    expect(renderLogSummary(result).map((l) => l.slice(0, 60).split(':')[0])).toEqual([
      'deploy-guard analyze',
      '  cause',
      '  next',
      '  ❌ deployment/api',
      '  ❌ Smoke GET /health',
      '  ❌ error-rate 3 % > max 0.5 % since 10',
      '  ⚠️ Argo CD application api',
      '  ⚠️ saturation',
      '  ⚠️ metric queue-depth (dry run)'
    ])
  })

  test('metric checks, dry-run ones marked', () => {
    const lines = renderLogSummary(analysisRun())
    expect(lines[0]).toBe('deploy-guard analyze: FAILED (action: no action)')
    expect(lines).toContain(
      '  ⚠️ metric queue-depth (dry run): inconclusive — queue-depth: 1 query error (errorLimit 0)'
    )
    expect(lines).toEqual([
      'deploy-guard analyze: FAILED (action: no action)',
      '  cause: error-rate 3 % > max 0.5 % since 10:00 UTC (3 of 5 measurements)',
      '  ❌ error-rate 3 % > max 0.5 % since 10:00 UTC (3 of 5 measurements)',
      '  ⚠️ saturation: no data in 2 of 3 measurements (inconclusiveLimit 1)',
      '  ⚠️ metric queue-depth (dry run): inconclusive — queue-depth: 1 query error (errorLimit 0)'
    ])
  })

  test('dry run is marked', () => {
    expect(renderLogSummary(dryRun())[0]).toBe(
      'deploy-guard verify: FAILED [dry run] (action: none (dry run; would have rolled back))'
    )
  })

  test('no line contains a newline, so values cannot emit workflow commands', () => {
    const result = maliciousVerify()
    result.targets[0]!.checks[0]!.reason = 'x\n::error::injected\r\n::add-mask::y'
    for (const line of renderLogSummary(result)) expect(line).not.toMatch(/[\r\n]/)
  })
})
