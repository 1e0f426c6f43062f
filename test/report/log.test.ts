import { describe, expect, test } from '@jest/globals'
import { renderLogSummary } from '../../src/report/log.js'
import { analysisRun, dryRun, failedVerify, maliciousVerify, passedVerify } from './fixtures.js'

describe('renderLogSummary', () => {
  test('a passed run is one line', () => {
    expect(renderLogSummary(passedVerify())).toEqual(['deploy-guard verify: PASSED (action: no action)'])
  })

  test('verdict first, then one line per failed or inconclusive check with its reason', () => {
    expect(renderLogSummary(failedVerify())).toEqual([
      'deploy-guard verify: FAILED (action: rolled back)',
      '  ❌ deployment/api All pods Running: failed — 2 pods are in CrashLoopBackOff (container api exits with code 1).',
      '  ❌ deployment/api No Warning events: failed — 3 Warning events since the deploy (BackOff).',
      '  ❌ Smoke GET /health: failed — GET https://api.example.com/health returned 503 after 10 tries.',
      '  ⚠️ Argo CD application api: inconclusive — Argo CD reports Degraded.'
    ])
  })

  test('failed rows first, then inconclusive, then dry-run metric checks, like the summary reasons', () => {
    const result = analysisRun()
    result.targets = failedVerify().targets
    result.targets[0]!.checks[2]!.status = 'inconclusive'
    result.checks = failedVerify().checks
    expect(renderLogSummary(result).map((l) => l.slice(0, 60).split(':')[0])).toEqual([
      'deploy-guard analyze',
      '  ❌ deployment/api No Warning events',
      '  ❌ Smoke GET /health',
      '  ❌ metric error-rate',
      '  ⚠️ deployment/api All pods Running',
      '  ⚠️ Argo CD application api',
      '  ⚠️ metric saturation',
      '  ⚠️ metric queue-depth (dry run)'
    ])
  })

  test('metric checks, dry-run ones marked', () => {
    const lines = renderLogSummary(analysisRun())
    expect(lines[0]).toBe('deploy-guard analyze: FAILED (action: no action)')
    expect(lines).toContain(
      '  ⚠️ metric queue-depth (dry run): inconclusive — queue-depth: 1 query error (errorLimit 0)'
    )
    expect(lines).toHaveLength(4)
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
