/**
 * The Deployment surface against the loopback GitHub API (test/harness/github-api.ts), in process:
 * the statuses a run leaves, the replace-at-finish of the record, the job's own Deployment, the previous
 * Deployment made current after a rollback, and every API fault as one warning with the fix.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import type { DeployGuardConfig, RecordsConfig } from '../../src/config/types.js'
import { createGitHubClient } from '../../src/github/client.js'
import { deploymentSurface } from '../../src/github/deployment-surface.js'
import type { CommandName, RunResult } from '../../src/model/result.js'
import type { RunSurface, SurfaceContext } from '../../src/report/surfaces.js'
import { startFakeGitHub, type FakeDeployment, type FakeGitHub, type Fault } from '../harness/github-api.js'
import { result, rolledBack } from '../records/results.js'

const SHA = '0123456789abcdef0123456789abcdef01234567'
let github: FakeGitHub
let logs: string[]
let warnings: string[]

beforeAll(async () => {
  github = await startFakeGitHub()
})
afterAll(async () => {
  await github.close()
})
beforeEach(() => {
  github.clearFaults()
  github.requests.splice(0)
  github.deployments().splice(0)
  logs = []
  warnings = []
})

function context(
  records: Partial<RecordsConfig> = {},
  token = github.actionsToken,
  command: CommandName = 'verify'
): SurfaceContext {
  const config = {
    targets: [{ kind: 'Deployment', name: 'api', namespace: 'production' }],
    variables: {},
    dryRun: false,
    records: { commentOnPr: 'auto', deploymentStatus: 'auto', notifyOn: [], environment: 'production', ...records }
  } as unknown as DeployGuardConfig
  return {
    config,
    command,
    env: {
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_SHA: SHA,
      GITHUB_RUN_ID: '4242',
      GITHUB_ACTOR: 'octocat',
      GITHUB_EVENT_NAME: 'push'
    },
    githubToken: token,
    log: (line) => logs.push(line),
    warn: (message) => warnings.push(message),
    signal: new AbortController().signal
  }
}

const fast = (ctx: SurfaceContext) =>
  createGitHubClient({
    token: ctx.githubToken,
    baseUrl: github.url,
    retry: { baseDelayMs: 1, timeoutMs: 2000 },
    sleep: async () => undefined,
    log: ctx.log
  })

function surface(records: Partial<RecordsConfig> = {}, token?: string): RunSurface {
  const s = deploymentSurface(context(records, token), { createClient: fast })
  if (!s) throw new Error('expected a surface')
  return s
}

async function runThrough(run: RunResult, records: Partial<RecordsConfig> = {}, token?: string): Promise<void> {
  const s = surface(records, token)
  await s.start?.(new Date(run.startedAt))
  await s.finish(run, '')
}

const states = (d: FakeDeployment | undefined): string[] => (d?.statuses ?? []).map((s) => s.state)
const statusPosts = (): Array<{ id: string; state: string }> =>
  github.requests
    .filter((r) => r.route === 'create-deployment-status')
    .map((r) => ({ id: /deployments\/(\d+)/.exec(r.path)![1]!, state: JSON.parse(r.body).state as string }))

function seedGood(sha: string, app: string, state = 'success'): FakeDeployment {
  return github.addDeployment({
    sha,
    environment: 'production',
    creator: { login: 'github-actions', type: 'Bot' },
    createdAt: new Date(Date.now() - 86_400_000),
    payload: {
      tool: 'deploy-guard',
      schemaVersion: 1,
      phase: 'final',
      targets: [{ target: 'deployment/api', namespace: 'production', images: { app, sidecar: 'envoy:1.30' } }]
    },
    statuses: [{ state }]
  })
}

describe('the GitHub Deployment surface', () => {
  it('a passed run: in_progress at start, then one Deployment with the record and success', async () => {
    await runThrough(result(), { environmentUrl: 'https://shop.example' })
    const all = github.deployments()
    expect(all).toHaveLength(1)
    const [final] = all
    expect(states(final)).toEqual(['success'])
    expect(final!.statuses[0]).toMatchObject({
      log_url: 'https://github.example/acme/shop/actions/runs/4242',
      environment_url: 'https://shop.example'
    })
    expect(final!.payload).toMatchObject({ tool: 'deploy-guard', phase: 'final', verdict: 'passed', sha: SHA })
    const created = github.requests.filter((r) => r.route === 'create-deployment').map((r) => JSON.parse(r.body))
    expect(created).toHaveLength(2)
    for (const body of created)
      expect(body).toMatchObject({
        ref: SHA,
        task: 'deploy',
        environment: 'production',
        required_contexts: [],
        auto_merge: false,
        transient_environment: false
      })
    expect(created[0].payload).toMatchObject({ phase: 'started' })
    // The run's statuses in order: the start one in progress, then replaced by the final one.
    const posts = statusPosts()
    expect(posts.map((p) => p.state)).toEqual(['in_progress', 'success', 'inactive'])
    expect(posts[0]!.id).not.toBe(posts[1]!.id)
    expect(github.requests.filter((r) => r.route === 'delete-deployment')).toHaveLength(1)
    expect(warnings).toEqual([])
  })

  it('inconclusive is a failure, with the verdict in the description', async () => {
    await runThrough(result({ verdict: 'inconclusive', reasons: ['error-rate: no data'] }))
    const [final] = github.deployments()
    expect(states(final)).toEqual(['failure'])
    expect(final!.statuses[0]!.description).toMatch(/^verify inconclusive/)
    expect(final!.statuses[0]!.description.length).toBeLessThanOrEqual(140)
  })

  it('after a rollback: failure on ours, then the previous good Deployment (the restored images) is success again', async () => {
    const older = seedGood('1'.repeat(40), 'registry.example.com:5000/api:v1.2.1', 'inactive')
    const previous = seedGood('2'.repeat(40), 'registry.example.com:5000/api:v1.2.2')
    await runThrough(rolledBack())
    const ours = github.deployments().find((d) => d.sha === SHA)!
    expect(states(ours)).toEqual(['failure'])
    expect(ours.statuses[0]!.description).toMatch(/^verify failed, rolled back — /)
    expect(states(previous).at(-1)).toBe('success')
    expect(states(previous)).toEqual(['success', 'success'])
    expect(states(older)).toEqual(['inactive'])
    const posts = statusPosts()
    expect(posts.at(-1)).toEqual({ id: String(previous.id), state: 'success' })
    expect(
      JSON.parse(github.requests.filter((r) => r.route === 'create-deployment-status').at(-1)!.body)
    ).toMatchObject({
      auto_inactive: true
    })
    expect(logs.join('\n')).toMatch(
      new RegExp(`Deployment ${previous.id} \\(222222222222\\) of 'production' is current again`)
    )
  })

  it('prefers the earlier Deployment whose recorded images are the restored ones', async () => {
    const restoredOne = seedGood('3'.repeat(40), 'registry.example.com:5000/api:v1.2.2', 'inactive')
    const newer = seedGood('4'.repeat(40), 'registry.example.com:5000/api:v9', 'success')
    await runThrough(rolledBack())
    expect(states(restoredOne)).toEqual(['inactive', 'success'])
    // auto_inactive: the one that was current is no longer.
    expect(states(newer)).toEqual(['success', 'inactive'])
  })

  it('does not mark anything current when the restored version is unhealthy', async () => {
    const previous = seedGood('2'.repeat(40), 'registry.example.com:5000/api:v1.2.2')
    await runThrough(rolledBack({ state: 'rolled-back-unhealthy', restoredVerdict: 'failed' }))
    expect(states(previous)).toEqual(['success'])
    expect(states(github.deployments().find((d) => d.sha === SHA))).toEqual(['failure'])
  })

  it('a job with `environment:` gets no second Deployment: its own is updated', async () => {
    const job = github.addDeployment({
      sha: SHA,
      environment: 'production',
      ref: 'main',
      creator: { login: 'github-actions[bot]', type: 'Bot' },
      createdAt: new Date(Date.now() - 60_000),
      statuses: [{ state: 'queued' }, { state: 'in_progress' }]
    })
    await runThrough(result())
    expect(github.deployments()).toHaveLength(1)
    expect(github.requests.filter((r) => r.route === 'create-deployment')).toHaveLength(0)
    expect(states(job)).toEqual(['queued', 'in_progress', 'in_progress', 'success'])
    expect(logs.join('\n')).toMatch(/updating the Deployment GitHub created for it .*deployment: false/)
  })

  it('a start that failed does not stop the finish: the Deployment is created then', async () => {
    github.fail('create-deployment', { kind: 'server-error' }, 4)
    const s = surface()
    await s.start?.(new Date())
    expect(warnings.join('\n')).toMatch(/could not create a Deployment for environment 'production': HTTP 500/)
    await s.finish(result(), '')
    const [final] = github.deployments()
    expect(states(final)).toEqual(['success'])
  })

  it('when the final record cannot be created, the status still lands on the start Deployment', async () => {
    const s = surface()
    await s.start?.(new Date())
    github.fail('create-deployment', { kind: 'accepted' })
    await s.finish(result({ verdict: 'failed', reasons: ['boom'] }), '')
    const [only] = github.deployments()
    expect(states(only)).toEqual(['in_progress', 'failure'])
    expect(warnings.join('\n')).toMatch(/no Deployment was created \(Auto-merged/)
  })

  it.each<[string, Fault, RegExp]>([
    ['401', { kind: 'unauthorized' }, /HTTP 401 Bad credentials — the `github-token` input is invalid/],
    [
      '403',
      { kind: 'integration' },
      /HTTP 403 Resource not accessible by integration — add `permissions: deployments: write`/
    ],
    ['404', { kind: 'not-found' }, /HTTP 404 Not Found — check GITHUB_REPOSITORY .*`permissions: deployments: write`/],
    [
      '422',
      { kind: 'unprocessable', message: 'No ref found for: 0123' },
      /HTTP 422 No ref found for: 0123 — GitHub refused/
    ],
    ['500', { kind: 'server-error' }, /HTTP 500 Server Error \(after 4 attempts\) — GitHub had an error/]
  ])('a %s is a warning with the fix, never a throw, never the token', async (_name, fault, expected) => {
    github.fail('*', fault, Infinity)
    await runThrough(result())
    expect(warnings.length).toBeGreaterThan(0)
    expect(warnings.join('\n')).toMatch(expected)
    expect(warnings.join('\n') + logs.join('\n')).not.toContain(github.actionsToken)
  })

  it('waits out a rate limit and records anyway', async () => {
    github.fail('create-deployment', { kind: 'secondary-rate-limit', retryAfterSeconds: 1 })
    await runThrough(result())
    expect(warnings).toEqual([])
    expect(logs.join('\n')).toMatch(
      /GitHub answered 403 to POST \/repos\/\{owner\}\/\{repo\}\/deployments; retrying in 1 s/
    )
    expect(states(github.deployments()[0])).toEqual(['success'])
  })

  it('a manual rollback creates no Deployment; the one that recorded the restored images is current again', async () => {
    const restoredOne = seedGood('5'.repeat(40), 'registry.example.com:5000/api:v1.2.2', 'inactive')
    const current = seedGood('6'.repeat(40), 'registry.example.com:5000/api:v1.2.3', 'success')
    const s = deploymentSurface(context({}, github.actionsToken, 'rollback'), { createClient: fast })!
    await s.start?.(new Date())
    await s.finish({ ...rolledBack(), command: 'rollback' }, '')
    expect(github.requests.filter((r) => r.route === 'create-deployment')).toHaveLength(0)
    expect(states(restoredOne)).toEqual(['inactive', 'success'])
    expect(states(current)).toEqual(['success', 'inactive'])
    expect(warnings).toEqual([])
  })

  it('a manual rollback marks nothing current when no Deployment recorded the restored images', async () => {
    const current = seedGood('7'.repeat(40), 'registry.example.com:5000/api:v1.2.3', 'success')
    const s = deploymentSurface(context({}, github.actionsToken, 'rollback'), { createClient: fast })!
    await s.finish({ ...rolledBack(), command: 'rollback' }, '')
    expect(states(current)).toEqual(['success'])
    expect(logs.join('\n')).toMatch(/no earlier successful Deployment of 'production' records the restored images/)
  })

  it('applies only when wanted', () => {
    expect(deploymentSurface(context({}, github.actionsToken, 'snapshot'))).toBeUndefined()
    expect(deploymentSurface(context({ deploymentStatus: false }))).toBeUndefined()
    expect(deploymentSurface(context({ environment: undefined }))).toBeUndefined()
    expect(warnings).toEqual([])
    expect(deploymentSurface(context({ environment: undefined, deploymentStatus: true }))).toBeUndefined()
    expect(deploymentSurface(context({}, ''))).toBeUndefined()
    expect(warnings).toHaveLength(1)
    expect(deploymentSurface(context({ deploymentStatus: true }, ''))).toBeUndefined()
    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toMatch(/`environment` is empty/)
    expect(warnings[1]).toMatch(/`github-token` input is empty/)
  })
})
