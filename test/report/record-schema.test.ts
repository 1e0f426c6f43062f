import { describe, expect, test } from '@jest/globals'
import { readFile, readdir, rm, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunResult } from '../../src/model/result.js'
import { withCaveats } from '../../src/report/caveats.js'
import { RECORD_SCHEMA_VERSION, writeRecord } from '../../src/report/record.js'
import {
  analysisRun,
  dryRun,
  hugeFailure,
  manualRollback,
  maliciousVerify,
  passedVerify,
  rolledBackVerify,
  sharedPodFailure,
  trafficRun
} from './fixtures.js'
import { validate } from './json-schema.js'

const schema = JSON.parse(await readFile('docs/record.schema.json', 'utf8')) as Record<string, unknown>

/** A result with every optional field of the model filled, so a field the schema misses fails. */
function everyField(): RunResult {
  const result = withCaveats(rolledBackVerify('rolled-back'))
  const target = result.targets[0]!
  target.ref.apiVersion = 'apps/v1'
  target.previous = { revision: '7', images: { api: 'registry.example.com/api:v1.2.3' } }
  target.rolloutStartedAt = '2025-03-04T10:00:00.000Z'
  target.judged = { generation: 8, templateHash: 'abc' }
  target.preRollout = { revision: 7, templateHash: 'def' }
  result.checks.push({
    id: 'smoke:ok',
    title: 'Smoke ok',
    expected: '200',
    actual: '200',
    status: 'passed',
    caveat: 'x'
  })
  result.analysis = trafficRun().analysis
  result.analysis!.checks[0]!.judged = { judged: 1, due: 1, planned: 6, required: 4 }
  result.rollback!.requestedBy = 'octocat'
  result.rollback!.targets.push({
    ...result.rollback!.targets[0]!,
    state: 'dry-run',
    change: { kind: 'command', command: 'helm rollback api 3' },
    restoredVerdict: 'passed'
  })
  result.snapshots = [
    {
      ref: target.ref,
      revision: 7,
      templateHash: 'def',
      images: { api: 'registry.example.com/api:v1.2.3' },
      replicas: 4,
      restarts: [{ pod: 'api-1', uid: 'u1', containers: { api: 0 } }],
      restartsOmitted: false,
      argocd: { application: 'api', namespace: 'argocd', syncedRevision: 'abc123' },
      helm: { release: 'api', namespace: 'production', revision: 3 },
      takenAt: '2025-03-04T09:59:00.000Z',
      runUrl: 'https://github.com/o/r/actions/runs/1'
    }
  ]
  return result
}

async function recordOf(result: RunResult): Promise<unknown> {
  const dir = await mkdtemp(join(tmpdir(), 'dg-record-'))
  try {
    return JSON.parse(await readFile(await writeRecord(result, dir), 'utf8'))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

describe('docs/record.schema.json describes the JSON record', () => {
  test('its schemaVersion is the one records are written with', () => {
    expect((schema.properties as Record<string, { const: number }>).schemaVersion.const).toBe(RECORD_SCHEMA_VERSION)
  })

  const fixtures: Array<[string, () => RunResult]> = [
    ['passed verify', passedVerify],
    ['analysis', analysisRun],
    ['traffic gate', trafficRun],
    ['dry run', dryRun],
    ['shared pod failure', sharedPodFailure],
    ['hostile text', maliciousVerify],
    ['manual rollback', manualRollback],
    ['rolled back, unhealthy', () => rolledBackVerify('rolled-back-unhealthy')],
    ['every optional field', everyField],
    ['5,000 pods', hugeFailure]
  ]
  test.each(fixtures)('a written record validates: %s', async (_name, make) => {
    expect(validate(schema, await recordOf(make()))).toEqual([])
  })

  test('records the bundle wrote (test/report/records) validate', async () => {
    const files = (await readdir('test/report/records')).filter((f) => f.endsWith('.json'))
    expect(files.length).toBeGreaterThanOrEqual(3)
    for (const file of files) {
      const record = JSON.parse(await readFile(join('test/report/records', file), 'utf8'))
      expect([file, validate(schema, record)]).toEqual([file, []])
    }
  })

  test('the schema rejects what the record never holds', () => {
    const record = { schemaVersion: RECORD_SCHEMA_VERSION, ...passedVerify() } as Record<string, unknown>
    expect(validate(schema, { ...record, verdict: 'green' })).toEqual([
      '$.verdict: "green" is not one of ["passed","failed","inconclusive"]'
    ])
    expect(validate(schema, { ...record, unknownField: 1 })).toEqual(['$.unknownField: not allowed'])
    const { targets: _t, ...missing } = record
    expect(validate(schema, missing)).toEqual(['$: missing required targets'])
    expect(validate(schema, { ...record, schemaVersion: 2 })).toEqual(['$.schemaVersion: expected 1'])
  })
})
