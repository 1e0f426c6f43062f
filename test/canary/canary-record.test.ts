/**
 * A canary run's record (docs/record.schema.json is strict): every field of the canary report —
 * a paused, resumed hotfix run with a judged step — validates, and an unknown field does not.
 */
import { describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import type { CanaryReport } from '../../src/model/canary.js'
import type { RunResult } from '../../src/model/result.js'
import { RECORD_SCHEMA_VERSION } from '../../src/report/record.js'
import { validate } from '../report/json-schema.js'

const schema = JSON.parse(await readFile('docs/record.schema.json', 'utf8')) as Record<string, unknown>

const canary: CanaryReport = {
  router: 'gatewayHTTPRoute',
  namespace: 'shop',
  stable: 'api',
  canary: 'api-canary',
  plannedSteps: 3,
  created: true,
  resumedAt: 2,
  state: 'paused',
  nextStep: 3,
  writes: ['paused: the routing state is saved on api-canary (annotation deploy-guard.io/canary-state)'],
  steps: [
    {
      number: 2,
      replicas: 1,
      effectiveWeight: 25,
      pause: 1000,
      manual: true,
      holds: 2,
      health: 'passed',
      analysis: 'passed',
      judge: {
        outcome: 'pass',
        score: 100,
        reason: 'all metrics pass',
        metrics: [
          {
            metric: 'error-rate',
            verdict: 'pass',
            critical: true,
            canary: { n: 10, median: 0.01 },
            baseline: { n: 10, median: null },
            pValue: 0.4,
            effectSize: null
          }
        ]
      },
      decision: 'pause',
      reason: 'step 2 of 3 passed; paused for approval',
      startedAt: '2025-03-04T10:00:00.000Z',
      finishedAt: '2025-03-04T10:00:01.000Z'
    }
  ]
}

const record = (report: unknown): unknown => {
  const result: RunResult = {
    command: 'canary',
    startedAt: '2025-03-04T10:00:00.000Z',
    finishedAt: '2025-03-04T10:00:02.000Z',
    verdict: 'passed',
    action: 'paused',
    reasons: ['step 2 of 3 passed; paused for approval'],
    dryRun: false,
    targets: [],
    checks: [],
    canary: report as CanaryReport
  }
  return { schemaVersion: RECORD_SCHEMA_VERSION, ...result }
}

describe('the canary part of the record', () => {
  it('validates with every field filled', () => {
    expect(validate(schema, record(canary))).toEqual([])
  })
  it('refuses a field the schema does not document', () => {
    expect(validate(schema, record({ ...canary, extra: 1 })).length).toBeGreaterThan(0)
  })
})
