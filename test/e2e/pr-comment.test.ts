/**
 * The sticky PR comment end to end (issue 9, acceptance 1, 3 and 4): the bundle runs `verify` against
 * the sandbox cluster as the runner runs it, with GITHUB_EVENT_PATH payloads and GITHUB_API_URL pointing
 * at the loopback GitHub API (test/harness/github-api.ts), which behaves like GitHub (authors, ids,
 * installation tokens, the body limit) and fails on request.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import { startFakeGitHub, type FakeGitHub, type Fault } from '../harness/github-api.js'
import { runAction, type ActionRun } from './run-action.js'
import { apply, deployment, tempDir, type TempDir } from './fixtures.js'

const TIME_SCALE = 20
const SHA = '0123456789abcdef0123456789abcdef01234567'
const MAX_COMMENT_CHARS = 65_536

let sandbox: Sandbox
let github: FakeGitHub
let dir: TempDir

beforeAll(async () => {
  sandbox = await startSandbox({ timeScale: TIME_SCALE })
  github = await startFakeGitHub()
  dir = await tempDir()
  apply(sandbox, deployment('shop', 'api', 'registry/api:v1.2.3', { replicas: 2 }))
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
  timeout: 60s
  failFastAfter: 1s
  pollInterval: 200ms
`

interface RunOptions {
  event?: string
  payload?: object
  token?: string
  inputs?: Record<string, string>
  namespace?: string
  target?: string
}

async function verifyWithGitHub(options: RunOptions = {}): Promise<ActionRun> {
  const name = `cfg-${Math.random().toString(36).slice(2)}`
  const configPath = await dir.write(`${name}.yml`, config)
  const event = options.event ?? 'pull_request'
  const payload = options.payload ?? { pull_request: { number: 7, head: { sha: SHA } } }
  const eventPath = await dir.write(`${name}-event.json`, JSON.stringify(payload))
  return runAction(
    {
      command: 'verify',
      target: options.target ?? 'deployment/api',
      namespace: options.namespace ?? 'shop',
      config: configPath,
      kubeconfig: sandbox.kubeconfig,
      environment: 'production',
      'github-token': options.token ?? github.actionsToken,
      ...options.inputs
    },
    {
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_REPOSITORY: `${github.owner}/${github.repo}`,
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_SHA: SHA,
      GITHUB_RUN_ID: '4242',
      GITHUB_ACTOR: 'octocat'
    }
  )
}

const markerOf = (body: string): string => body.split('\n')[0]!

/** The token reached nothing but the Authorization header of requests to the fake. */
function expectTokenNeverPrinted(run: ActionRun, token = github.actionsToken): void {
  expect(run.everything).not.toContain(token)
  for (const comment of github.comments()) expect(comment.body).not.toContain(token)
  for (const request of github.requests) expect(request.path + request.body).not.toContain(token)
}

describe('the sticky PR comment, end to end', () => {
  it('creates the comment on the first run, updates it on the second, and leaves a stranger’s marker alone', async () => {
    const first = await verifyWithGitHub({ payload: { pull_request: { number: 7, head: { sha: SHA } } } })
    expect(first.outputs.verdict).toBe('passed')
    const [created] = github.comments(7)
    expect(created?.user.login).toBe('github-actions[bot]')
    expect(created!.body).toMatch(/^<!-- deploy-guard:record env=production targets=[0-9a-f]{16} -->\n/)
    expect(created!.body).toContain('<code>deployment/api</code>')
    expect(created!.body).toContain('https://github.example/acme/shop/actions/runs/4242')
    expect(first.stdout).toMatch(/created the PR comment on #7/)
    expectTokenNeverPrinted(first)

    // Someone quotes our marker in a comment of their own: it must never be edited or taken for ours.
    github.requests.splice(0)
    const stranger = github.addComment(7, { login: 'mallory', type: 'User' }, `${markerOf(created!.body)}\nnot yours`)
    const second = await verifyWithGitHub()
    expect(second.outputs.verdict).toBe('passed')
    const comments = github.comments(7)
    expect(comments).toHaveLength(2)
    expect(comments.find((c) => c.id === stranger.id)?.body).toBe(`${markerOf(created!.body)}\nnot yours`)
    const ours = comments.find((c) => c.id === created!.id)!
    expect(ours.body).toContain('**Earlier runs**')
    expect(ours.body.match(/kind=current/g)).toHaveLength(1)
    expect(ours.body.match(/kind=earlier/g)).toHaveLength(1)
    expect(second.stdout).toMatch(/updated the PR comment on #7/)
    expect(github.requests.filter((r) => r.route === 'create-comment')).toHaveLength(0)
  })

  it('finds the PR of a pushed commit (merged) and comments there', async () => {
    github.setCommitPulls(SHA, [
      { number: 3, state: 'closed', merged_at: null },
      { number: 11, state: 'closed', merged_at: '2025-03-04T09:00:00Z', merge_commit_sha: SHA }
    ])
    const run = await verifyWithGitHub({ event: 'push', payload: { ref: 'refs/heads/main', after: SHA } })
    expect(run.outputs.verdict).toBe('passed')
    expect(github.comments(11)).toHaveLength(1)
    expect(github.comments(3)).toHaveLength(0)
    expect(github.requests.some((r) => r.path.startsWith(`/repos/acme/shop/commits/${SHA}/pulls`))).toBe(true)
  })

  it('posts nothing when the run has no PR, and says so in the log', async () => {
    github.setCommitPulls(SHA, [])
    const before = github.comments().length
    const run = await verifyWithGitHub({ event: 'workflow_dispatch', payload: { inputs: {} } })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(
      /no pull request for this run \(commit 0123456789ab \(workflow_dispatch event\) belongs to no open or merged pull request\); no PR comment posted/
    )
    expect(github.comments()).toHaveLength(before)
    expect(github.requests.filter((r) => r.route === 'create-comment' || r.route === 'update-comment')).toHaveLength(0)
  })

  it('pr-number wins over the event', async () => {
    const run = await verifyWithGitHub({ inputs: { 'pr-number': '19' } })
    expect(run.outputs.verdict).toBe('passed')
    expect(github.comments(19)).toHaveLength(1)
  })

  it.each<[string, Fault, RegExp]>([
    ['401', { kind: 'unauthorized' }, /HTTP 401 Bad credentials — the `github-token` input is invalid or expired/],
    [
      '403 integration',
      { kind: 'integration' },
      /HTTP 403 Resource not accessible by integration — add `permissions: pull-requests: write` to the job/
    ],
    ['404', { kind: 'not-found' }, /HTTP 404 Not Found — check the repository and the PR number/],
    ['422', { kind: 'unprocessable' }, /HTTP 422 Validation Failed — GitHub refused the request/],
    ['500', { kind: 'server-error' }, /HTTP 500 Server Error \(after 4 attempts\) — GitHub had an error/]
  ])(
    'a %s from GitHub is a warning with the fix; the verdict stands',
    async (_name, fault, warning) => {
      github.fail('create-comment', fault, Infinity)
      const run = await verifyWithGitHub({
        payload: { pull_request: { number: 30 + Math.floor(Math.random() * 1000), head: { sha: SHA } } }
      })
      expect(run.outputs.verdict).toBe('passed')
      expect(run.exitCode).toBe(0)
      expect(run.stdout).toMatch(/^::warning::deploy-guard could not comment on PR #\d+: /m)
      expect(run.stdout).toMatch(warning)
      expectTokenNeverPrinted(run)
    },
    60_000
  )

  it('waits out a secondary rate limit (retry-after) and a used-up limit (x-ratelimit-reset), then comments', async () => {
    github.fail('list-comments', { kind: 'secondary-rate-limit', retryAfterSeconds: 1 })
    github.fail('create-comment', { kind: 'rate-limit-reset', resetInSeconds: 1 })
    const run = await verifyWithGitHub({ payload: { pull_request: { number: 50, head: { sha: SHA } } } })
    expect(run.outputs.verdict).toBe('passed')
    expect(github.comments(50)).toHaveLength(1)
    expect(run.stdout).toMatch(/GitHub answered 403 to GET \/repos\/acme\/shop\/issues\/50\/comments; retrying in 1 s/)
    expect(run.stdout).not.toMatch(/::warning::deploy-guard could not/)
  })

  it('a slow GitHub still gets the comment', async () => {
    github.fail('*', { kind: 'slow', delayMs: 1500 }, 3)
    const run = await verifyWithGitHub({ payload: { pull_request: { number: 51, head: { sha: SHA } } } })
    expect(run.outputs.verdict).toBe('passed')
    expect(github.comments(51)).toHaveLength(1)
  })

  it('renders hostile content escaped, pings nobody, within 65,536 characters', async () => {
    const run = await verifyWithGitHub({
      payload: {
        pull_request: { number: 60, head: { sha: SHA }, title: '</table><script>alert(1)</script> @org/team #1' },
        head_commit: { message: 'm'.repeat(2_000_000) }
      },
      inputs: { environment: 'prod </table><script>alert(1)</script> @org/team #1 | `x`' }
    })
    const [comment] = github.comments(60)
    expect(run.exitCode === 0 || run.exitCode === 1).toBe(true)
    expect(comment).toBeDefined()
    expect(comment!.body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
    expect(comment!.body).not.toMatch(/<script/i)
    expect(comment!.body).not.toMatch(/(^|[^\p{L}\p{N}_])(@org|#1\b)/u)
    expect(comment!.body).toContain('@\u2060org/team')
  })
})
