/**
 * GitHub Deployments end to end (issue 9, acceptance 2 and the Deployment side of 4): the bundle runs
 * `verify` (and `snapshot`) against the sandbox cluster as the runner runs it, with GITHUB_API_URL
 * pointing at the loopback GitHub API (test/harness/github-api.ts), which keeps Deployments and their
 * statuses by GitHub's rules and fails on request.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import { startFakeGitHub, type FakeDeployment, type FakeGitHub, type Fault } from '../harness/github-api.js'
import { runAction, type ActionRun } from './run-action.js'
import { deployment, tempDir, type TempDir } from './fixtures.js'
import { deployGood, setImage, templateImage } from './rollback-fixtures.js'

const TIME_SCALE = 20
const RUN_URL = 'https://github.example/acme/shop/actions/runs/4242'
const PAYLOAD_MAX_BYTES = 60_000

let sandbox: Sandbox
let github: FakeGitHub
let dir: TempDir

beforeAll(async () => {
  sandbox = await startSandbox({ timeScale: TIME_SCALE })
  github = await startFakeGitHub()
  dir = await tempDir()
})

afterAll(async () => {
  await github?.close()
  await sandbox?.stop()
  await dir?.remove()
})

beforeEach(() => {
  github.clearFaults()
  github.requests.splice(0)
})

const config = `
verify:
  timeout: 30s
  failFastAfter: 1s
  pollInterval: 200ms
`

interface RunOptions {
  command?: 'verify' | 'snapshot'
  namespace: string
  sha: string
  environment: string
  inputs?: Record<string, string>
}

let runs = 0

async function runWithGitHub(options: RunOptions): Promise<ActionRun> {
  const name = `cfg-${++runs}`
  const configPath = await dir.write(`${name}.yml`, config)
  const eventPath = await dir.write(
    `${name}-event.json`,
    JSON.stringify({ ref: 'refs/heads/main', after: options.sha })
  )
  return runAction(
    {
      command: options.command ?? 'verify',
      target: 'deployment/api',
      namespace: options.namespace,
      config: configPath,
      kubeconfig: sandbox.kubeconfig,
      environment: options.environment,
      'github-token': github.actionsToken,
      'comment-on-pr': 'false',
      ...options.inputs
    },
    {
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_REPOSITORY: `${github.owner}/${github.repo}`,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_SHA: options.sha,
      GITHUB_RUN_ID: '4242',
      GITHUB_ACTOR: 'octocat'
    }
  )
}

const ofEnvironment = (environment: string): FakeDeployment[] =>
  github.deployments().filter((d) => d.environment === environment)
const states = (d: FakeDeployment | undefined): string[] => (d?.statuses ?? []).map((s) => s.state)
const postedStates = (): string[] =>
  github.requests.filter((r) => r.route === 'create-deployment-status').map((r) => JSON.parse(r.body).state as string)

function expectTokenNeverPrinted(run: ActionRun): void {
  expect(run.everything).not.toContain(github.actionsToken)
  for (const d of github.deployments()) {
    expect(JSON.stringify(d)).not.toContain(github.actionsToken)
  }
}

const sha = (digit: string): string => digit.repeat(40)

describe('GitHub Deployments, end to end', () => {
  it('a healthy deploy: in_progress while checking, then success, with the record in the payload', async () => {
    const ns = 'dep-pass'
    await deployGood(sandbox, 'Deployment', ns, 'api', deployment(ns, 'api', 'registry/api:v1', { replicas: 2 }))
    const run = await runWithGitHub({
      namespace: ns,
      sha: sha('a'),
      environment: 'staging',
      inputs: { 'environment-url': 'https://staging.shop.example' }
    })
    expect(run.outputs.verdict).toBe('passed')
    expect(run.exitCode).toBe(0)
    expect(postedStates()).toEqual(['in_progress', 'success', 'inactive'])

    const [final] = ofEnvironment('staging')
    expect(ofEnvironment('staging')).toHaveLength(1)
    expect(final).toMatchObject({ sha: sha('a'), ref: sha('a'), task: 'deploy', transient_environment: false })
    expect(states(final)).toEqual(['success'])
    expect(final!.statuses[0]).toMatchObject({ log_url: RUN_URL, environment_url: 'https://staging.shop.example' })
    expect(final!.statuses[0]!.description).toMatch(/^verify passed/)
    const raw = JSON.stringify(final!.payload)
    expect(Buffer.byteLength(raw)).toBeLessThanOrEqual(PAYLOAD_MAX_BYTES)
    expect(JSON.parse(raw)).toMatchObject({
      tool: 'deploy-guard',
      phase: 'final',
      verdict: 'passed',
      action: 'none',
      run: RUN_URL,
      targets: [{ target: 'deployment/api', namespace: ns, revision: '1', images: { app: 'registry/api:v1' } }]
    })
    expect(run.stdout).toMatch(/Deployment \d+ \(staging\) is in progress/)
    expect(run.stdout).toMatch(/Deployment \d+ \(staging\) is success, with the run’s record in its payload/)
    expectTokenNeverPrinted(run)
  }, 120_000)

  it('a crash-looping deploy: failure on ours, rolled back, the previous Deployment success again', async () => {
    const ns = 'dep-rollback'
    await deployGood(sandbox, 'Deployment', ns, 'api', deployment(ns, 'api', 'registry/api:v1', { replicas: 2 }))
    // The good version's own run: snapshot, then verify records v1 as a success for `production`.
    const snapshot = await runWithGitHub({
      command: 'snapshot',
      namespace: ns,
      sha: sha('1'),
      environment: 'production',
      inputs: { 'deployment-status': 'false' }
    })
    expect(snapshot.outputs.verdict).toBe('passed')
    const good = await runWithGitHub({ namespace: ns, sha: sha('1'), environment: 'production' })
    expect(good.outputs.verdict).toBe('passed')
    const previous = ofEnvironment('production').find((d) => d.sha === sha('1'))!
    expect(states(previous)).toEqual(['success'])

    github.requests.splice(0)
    await setImage(sandbox, 'Deployment', ns, 'api', 'app', 'registry/api:v2-crashloop')
    const bad = await runWithGitHub({ namespace: ns, sha: sha('2'), environment: 'production' })
    expect(bad.outputs).toMatchObject({ verdict: 'failed', action: 'rolled-back' })
    expect(templateImage(sandbox, 'Deployment', ns, 'api')).toBe('registry/api:v1')

    const ours = ofEnvironment('production').filter((d) => d.sha === sha('2'))
    expect(ours).toHaveLength(1)
    expect(states(ours[0])).toEqual(['failure'])
    expect(ours[0]!.statuses[0]!.description).toMatch(/^verify failed, rolled back — /)
    expect(ours[0]!.statuses[0]!.description.length).toBeLessThanOrEqual(140)
    expect(ours[0]!.payload).toMatchObject({
      verdict: 'failed',
      action: 'rolled-back',
      targets: [
        {
          images: { app: 'registry/api:v2-crashloop' },
          previous: { revision: '1', images: { app: 'registry/api:v1' } }
        }
      ],
      rollback: { decision: 'rollback', targets: [{ target: 'deployment/api', state: 'rolled-back', from: 2, to: 1 }] }
    })
    // The old version is live again, and GitHub shows it: a new success on the previous Deployment.
    expect(states(previous)).toEqual(['success', 'success'])
    expect(previous.statuses.at(-1)!.log_url).toBe(RUN_URL)
    const posted = postedStates()
    expect(posted.indexOf('failure')).toBeLessThan(posted.lastIndexOf('success'))
    expect(bad.stdout).toMatch(
      new RegExp(`Deployment ${previous.id} \\(111111111111\\) of 'production' is current again after the rollback`)
    )
  }, 180_000)

  it('a job with `environment:` gets no second Deployment: GitHub’s own is updated', async () => {
    const ns = 'dep-job'
    await deployGood(sandbox, 'Deployment', ns, 'api', deployment(ns, 'api', 'registry/api:v1', { replicas: 1 }))
    const job = github.addDeployment({
      sha: sha('c'),
      ref: 'main',
      environment: 'qa',
      creator: { login: 'github-actions[bot]', type: 'Bot' },
      createdAt: new Date(Date.now() - 90_000),
      statuses: [{ state: 'queued' }, { state: 'in_progress' }]
    })
    const run = await runWithGitHub({ namespace: ns, sha: sha('c'), environment: 'qa' })
    expect(run.outputs.verdict).toBe('passed')
    expect(ofEnvironment('qa')).toHaveLength(1)
    expect(github.requests.filter((r) => r.route === 'create-deployment')).toHaveLength(0)
    expect(states(job)).toEqual(['queued', 'in_progress', 'in_progress', 'success'])
    expect(run.stdout).toMatch(/updating the Deployment GitHub created for it \(\d+\) instead of creating another/)
  }, 120_000)

  it.each<[string, Fault, RegExp]>([
    ['401', { kind: 'unauthorized' }, /HTTP 401 Bad credentials — the `github-token` input is invalid or expired/],
    [
      '403 integration',
      { kind: 'integration' },
      /HTTP 403 Resource not accessible by integration — add `permissions: deployments: write` to the job/
    ],
    ['404', { kind: 'not-found' }, /HTTP 404 Not Found — check GITHUB_REPOSITORY/],
    ['422', { kind: 'unprocessable', message: 'No ref found for: aaaa' }, /HTTP 422 No ref found for: aaaa/],
    ['500', { kind: 'server-error' }, /HTTP 500 Server Error \(after 4 attempts\) — GitHub had an error/]
  ])(
    'a %s from GitHub is a warning with the fix; the verdict stands; the token is never printed',
    async (name, fault, warning) => {
      const ns = `dep-fault-${runs}`
      await deployGood(sandbox, 'Deployment', ns, 'api', deployment(ns, 'api', 'registry/api:v1', { replicas: 1 }))
      github.fail('create-deployment', fault, Infinity)
      const run = await runWithGitHub({ namespace: ns, sha: sha('d'), environment: `fault-${name.split(' ')[0]}` })
      expect(run.outputs.verdict).toBe('passed')
      expect(run.exitCode).toBe(0)
      expect(run.stdout).toMatch(
        /^::warning::deploy-guard could not create (a Deployment|the Deployment record) for environment /m
      )
      expect(run.stdout).toMatch(warning)
      expectTokenNeverPrinted(run)
    },
    120_000
  )

  it('waits out a rate limit (retry-after) and records the Deployment anyway', async () => {
    const ns = 'dep-rate'
    await deployGood(sandbox, 'Deployment', ns, 'api', deployment(ns, 'api', 'registry/api:v1', { replicas: 1 }))
    github.fail('create-deployment-status', { kind: 'secondary-rate-limit', retryAfterSeconds: 1 })
    const run = await runWithGitHub({ namespace: ns, sha: sha('e'), environment: 'rate' })
    expect(run.outputs.verdict).toBe('passed')
    expect(run.stdout).toMatch(/GitHub answered 403 to POST .*statuses; retrying in 1 s/)
    expect(run.stdout).not.toMatch(/::warning::deploy-guard could not/)
    expect(states(ofEnvironment('rate')[0])).toEqual(['success'])
  }, 120_000)
})
