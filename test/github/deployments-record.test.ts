/** What goes into a GitHub Deployment: payload (bounded, parseable), status per verdict, description, job recognition. */
import { describe, expect, it } from '@jest/globals'
import {
  DESCRIPTION_MAX_CHARS,
  PAYLOAD_MAX_BYTES,
  description,
  finalPayload,
  finalState,
  payloadBytes,
  readPayload,
  restoredImages,
  restoredPrevious,
  startPayload
} from '../../src/github/deployment-record.js'
import { isJobDeployment, type DeploymentSummary, type JobContext } from '../../src/github/deployments.js'
import { landedRollback, result, rolledBack, target } from '../records/results.js'

const run = { environment: 'production', sha: 'a'.repeat(40), runUrl: 'https://github.com/o/r/actions/runs/9' }

describe('the Deployment payload', () => {
  it('records verdict, versions old → new, the snapshot and the rollback, and parses back', () => {
    const payload = finalPayload(
      {
        ...rolledBack(),
        snapshots: [
          {
            ref: { kind: 'Deployment', name: 'api', namespace: 'production' },
            revision: 2,
            templateHash: 'abc123',
            images: { app: 'registry.example.com:5000/api:v1.2.2' },
            restarts: [],
            takenAt: '2026-01-02T03:00:00Z'
          }
        ]
      },
      run
    )
    const parsed = readPayload(JSON.parse(JSON.stringify(payload)))
    expect(parsed).toMatchObject({
      tool: 'deploy-guard',
      schemaVersion: 1,
      phase: 'final',
      command: 'verify',
      verdict: 'failed',
      action: 'rolled-back',
      environment: 'production',
      sha: run.sha,
      run: run.runUrl,
      targets: [
        {
          target: 'deployment/api',
          namespace: 'production',
          revision: '3',
          images: { app: 'registry.example.com:5000/api:v1.2.3' },
          previous: { revision: '2', images: { app: 'registry.example.com:5000/api:v1.2.2' } },
          snapshot: { revision: 2, templateHash: 'abc123', source: 'snapshot' }
        }
      ],
      rollback: { decision: 'rollback', targets: [{ target: 'deployment/api', state: 'rolled-back', from: 3, to: 2 }] }
    })
  })

  it('falls back to the revision verify saw live before the rollout when no snapshot was taken', () => {
    const payload = finalPayload(
      result({ targets: [{ ...target(), preRollout: { revision: 2, templateHash: 'h2' } }] }),
      run
    )
    expect(payload.targets[0]!.snapshot).toEqual({ revision: 2, templateHash: 'h2', source: 'pre-rollout' })
  })

  it('stays under the size bound with many targets and huge strings, says what it left out, and stays JSON', () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({
      ...target(`api-${i}`, `registry/api:${'x'.repeat(5000)}`),
      ref: { kind: 'Deployment', name: `api-${i}`, namespace: 'production' }
    }))
    const payload = finalPayload(result({ targets: many, reasons: ['r'.repeat(2_000_000)] }), run)
    expect(payloadBytes(payload)).toBeLessThanOrEqual(PAYLOAD_MAX_BYTES)
    expect(payload.targets.length).toBeGreaterThan(0)
    expect(payload.targets.length).toBeLessThan(3000)
    expect(payload.trimmed).toMatch(new RegExp(`${3000 - payload.targets.length} of 3000 targets omitted`))
    expect(payload.reasons![0]!.length).toBeLessThanOrEqual(300)
    expect(readPayload(JSON.stringify(payload))?.targets).toHaveLength(payload.targets.length)
  })

  it('the start payload names the targets and the run, with no verdict yet', () => {
    const payload = startPayload(
      'verify',
      [{ kind: 'Deployment', name: 'api', namespace: 'shop' }],
      run,
      new Date('2026-01-02T03:04:00Z')
    )
    expect(payload).toMatchObject({
      phase: 'started',
      startedAt: '2026-01-02T03:04:00.000Z',
      targets: [{ target: 'deployment/api' }]
    })
    expect(payload.verdict).toBeUndefined()
  })

  it('someone else’s payload is not ours', () => {
    expect(readPayload({})).toBeUndefined()
    expect(readPayload('not json')).toBeUndefined()
    expect(readPayload({ tool: 'other', targets: [] })).toBeUndefined()
  })
})

describe('status and description', () => {
  it.each([
    ['passed', 'success'],
    ['failed', 'failure'],
    ['inconclusive', 'failure']
  ] as const)('%s → %s', (verdict, state) => {
    expect(finalState(result({ verdict }))).toBe(state)
  })

  it('a description is one line of at most 140 characters, control characters removed', () => {
    const text = description(`failed — ${'\u001b[31m'}red\nline ${'y'.repeat(300)}`)
    expect(text.length).toBeLessThanOrEqual(DESCRIPTION_MAX_CHARS)
    expect(text).toMatch(/^failed — red line y+…$/)
    expect(description('😀'.repeat(100)).length).toBeLessThanOrEqual(DESCRIPTION_MAX_CHARS)
  })

  it('the previous Deployment becomes current only when the old version is live and not judged unhealthy', () => {
    expect(restoredPrevious(rolledBack())).toBe(true)
    expect(restoredPrevious(rolledBack({ state: 'rolled-back-unverified' }))).toBe(true)
    expect(restoredPrevious(rolledBack({ state: 'rolled-back-unhealthy' }))).toBe(false)
    expect(restoredPrevious(rolledBack({ state: 'failed' }))).toBe(false)
    expect(restoredPrevious(result({ verdict: 'failed' }))).toBe(false)
  })

  it('knows the restored images (from the restored checks, else the previous revision)', () => {
    expect(restoredImages(rolledBack()).get('deployment/api')).toMatchObject({
      app: 'registry.example.com:5000/api:v1.2.2'
    })
    const noRestored = rolledBack({ restored: undefined, toRevision: 2 })
    expect(restoredImages(noRestored).get('deployment/api')).toMatchObject({
      app: 'registry.example.com:5000/api:v1.2.2'
    })
    expect(
      restoredImages({
        ...noRestored,
        rollback: { ...noRestored.rollback!, targets: [landedRollback({ restored: undefined, toRevision: 7 })] }
      }).size
    ).toBe(0)
  })
})

describe('recognising the Deployment GitHub created for an environment job', () => {
  const now = Date.parse('2026-01-02T03:10:00Z')
  const job: JobContext = { shas: [run.sha], runId: '9', actors: ['octocat'], now, maxAgeMs: 6 * 3600_000 }
  const deployment = (over: Partial<DeploymentSummary> = {}): DeploymentSummary => ({
    id: 1,
    sha: run.sha,
    ref: 'main',
    task: 'deploy',
    environment: 'production',
    createdAt: '2026-01-02T03:05:00Z',
    creator: 'github-actions[bot]',
    payload: {},
    ...over
  })
  const status = (state: string, logUrl = '') => ({ state, logUrl, createdAt: '2026-01-02T03:05:00Z' })

  it.each<[string, boolean, DeploymentSummary, ReturnType<typeof status>[]]>([
    [
      'a status links to this run',
      true,
      deployment({ creator: 'someone' }),
      [status('in_progress', 'https://github.com/o/r/actions/runs/9/job/77')]
    ],
    [
      'a status links to another run',
      false,
      deployment(),
      [status('in_progress', 'https://github.com/o/r/actions/runs/8/job/1')]
    ],
    ['recent, active, by the Actions bot, empty payload', true, deployment(), [status('in_progress')]],
    ['recent, queued, by the actor', true, deployment({ creator: 'OctoCat' }), [status('queued')]],
    ['no status yet', true, deployment(), []],
    ['another commit', false, deployment({ sha: 'b'.repeat(40) }), [status('in_progress')]],
    ['already finished', false, deployment(), [status('success')]],
    ['too old', false, deployment({ createdAt: '2025-12-31T00:00:00Z' }), [status('in_progress')]],
    ['by someone else', false, deployment({ creator: 'mallory' }), [status('in_progress')]],
    [
      'ours (a deploy-guard payload)',
      false,
      deployment({ payload: { tool: 'deploy-guard', targets: [] } }),
      [status('in_progress')]
    ],
    ['another tool’s payload', false, deployment({ payload: { app: 'x' } }), [status('in_progress')]]
  ])('%s → %s', (_name, expected, d, statuses) => {
    expect(isJobDeployment(d, statuses, job)).toBe(expected)
  })
})
