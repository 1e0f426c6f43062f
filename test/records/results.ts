/** RunResults for the records tests: a deploy of `deployment/api` from v1.2.2 to v1.2.3, and variations. */
import type { RunResult, TargetResult } from '../../src/model/result.js'
import type { TargetRollbackReport } from '../../src/model/rollback.js'

export function target(
  name = 'api',
  image = `registry.example.com:5000/${name}:v1.2.3`,
  previousImage = `registry.example.com:5000/${name}:v1.2.2`
): TargetResult {
  return {
    ref: { kind: 'Deployment', name, namespace: 'production' },
    revision: '3',
    images: { app: image, sidecar: 'envoy:1.30' },
    previous: { revision: '2', images: { app: previousImage, sidecar: 'envoy:1.30' } },
    checks: []
  }
}

export function result(overrides: Partial<RunResult> = {}): RunResult {
  return {
    command: 'verify',
    startedAt: '2026-01-02T03:04:00Z',
    finishedAt: '2026-01-02T03:05:00Z',
    verdict: 'passed',
    action: 'none',
    reasons: [],
    dryRun: false,
    targets: [target()],
    checks: [],
    ...overrides
  }
}

export function landedRollback(overrides: Partial<TargetRollbackReport> = {}): TargetRollbackReport {
  return {
    ref: { kind: 'Deployment', name: 'api', namespace: 'production' },
    state: 'rolled-back',
    summary: 'rolled back to revision 2',
    manual: [],
    method: 'kubectl',
    fromRevision: 3,
    toRevision: 2,
    notes: [],
    dryRun: false,
    restoredVerdict: 'passed',
    restored: { ...target('api', 'registry.example.com:5000/api:v1.2.2'), revision: '4' },
    ...overrides
  }
}

/** A failed verify whose rollback landed on deployment/api. */
export function rolledBack(overrides: Partial<TargetRollbackReport> = {}): RunResult {
  return result({
    verdict: 'failed',
    action: 'rolled-back',
    reasons: ['deployment/api: container app CrashLoopBackOff (exit code 1)'],
    rollback: {
      decision: 'rollback',
      reason: 'the verdict is failed and rollback.onFailure is on',
      targets: [landedRollback(overrides)]
    }
  })
}
