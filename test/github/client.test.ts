import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createGitHubClient, retryDelay, DEFAULT_GITHUB_RETRY } from '../../src/github/client.js'
import { GitHubApiError, describeGitHubFailure } from '../../src/github/errors.js'
import { startFakeGitHub, type FakeGitHub } from '../harness/github-api.js'

let fake: FakeGitHub
beforeAll(async () => {
  fake = await startFakeGitHub()
})
afterAll(async () => {
  await fake.close()
})
beforeEach(() => {
  fake.clearFaults()
  fake.requests.splice(0)
})

/** A client whose waits are recorded and skipped, so retry-after and resets are asserted, not slept. */
async function client(
  token = fake.actionsToken,
  retry: Partial<typeof DEFAULT_GITHUB_RETRY> = {},
  signal?: AbortSignal
) {
  const waits: number[] = []
  const log: string[] = []
  const octokit = await createGitHubClient({
    token,
    baseUrl: fake.url,
    signal,
    retry: { timeoutMs: 2000, ...retry },
    sleep: async (ms) => {
      waits.push(ms)
    },
    log: (line) => log.push(line)
  })
  return { octokit, waits, log }
}

const listComments = (octokit: Awaited<ReturnType<typeof client>>['octokit']) =>
  octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner: fake.owner,
    repo: fake.repo,
    issue_number: 1
  })

async function failure(promise: Promise<unknown>): Promise<GitHubApiError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof GitHubApiError) return error
    throw error
  }
  throw new Error('expected a GitHubApiError')
}

describe('the GitHub client', () => {
  it('retries a 500 with backoff and then answers', async () => {
    fake.fail('list-comments', { kind: 'server-error' }, 2)
    const { octokit, waits, log } = await client()
    const { data } = await listComments(octokit)
    expect(data).toEqual([])
    expect(waits).toEqual([1000, 2000])
    expect(log[0]).toMatch(/GitHub answered 500 to GET \/repos\/\{owner\}.*retrying in 1 s \(attempt 2 of 4\)/)
  })

  it('honours retry-after on a secondary rate limit', async () => {
    fake.fail('list-comments', { kind: 'secondary-rate-limit', retryAfterSeconds: 3 })
    const { octokit, waits } = await client()
    await listComments(octokit)
    expect(waits).toEqual([3000])
  })

  it('waits for x-ratelimit-reset when the primary limit is used up', async () => {
    fake.fail('list-comments', { kind: 'rate-limit-reset', resetInSeconds: 5 })
    const { octokit, waits } = await client()
    await listComments(octokit)
    expect(waits).toHaveLength(1)
    expect(waits[0]).toBeGreaterThan(3000)
    expect(waits[0]).toBeLessThanOrEqual(6000)
  })

  it('does not wait for a reset beyond its budget: a rate-limited error with the fix', async () => {
    fake.fail('list-comments', { kind: 'rate-limit-reset', resetInSeconds: 3600 })
    const { octokit, waits } = await client()
    const error = await failure(listComments(octokit))
    expect(waits).toEqual([])
    expect(error.kind).toBe('rate-limited')
    expect(describeGitHubFailure(error, { doing: 'read the comments', permission: 'pull-requests: read' })).toMatch(
      /HTTP 403 API rate limit exceeded.*rate limit was hit/
    )
  })

  it.each([
    ['unauthorized', 'bad-credentials', /github-token.*invalid or expired/],
    ['integration', 'no-permission', /add `permissions: pull-requests: write` to the job/],
    ['not-found', 'not-found', /check the repository and the PR number/],
    ['unprocessable', 'rejected', /refused the request/]
  ] as const)('%s is an answer, not an accident: no retry, kind %s, a fix', async (fault, kind, fix) => {
    fake.fail('list-comments', { kind: fault })
    const { octokit, waits } = await client()
    const error = await failure(listComments(octokit))
    expect(waits).toEqual([])
    expect(error.kind).toBe(kind)
    expect(error.attempts).toBe(1)
    const line = describeGitHubFailure(error, {
      doing: 'update the PR comment on #1',
      permission: 'pull-requests: write'
    })
    expect(line).toMatch(fix)
    expect(line).not.toMatch(/\n|docs\.github\.com/)
  })

  it('gives up on a 500 after its retries, saying how many attempts', async () => {
    fake.fail('list-comments', { kind: 'server-error', status: 502 }, Infinity)
    const { octokit, waits } = await client()
    const error = await failure(listComments(octokit))
    expect(waits).toEqual([1000, 2000, 4000])
    expect(error.kind).toBe('server')
    expect(describeGitHubFailure(error, { doing: 'comment on PR #1', permission: 'pull-requests: write' })).toMatch(
      /HTTP 502 Server Error \(after 4 attempts\) — GitHub had an error/
    )
  })

  it('times out a read that never answers, and retries it', async () => {
    fake.fail('list-comments', { kind: 'hang' })
    const { octokit, waits } = await client(fake.actionsToken, { timeoutMs: 300 })
    const { data } = await listComments(octokit)
    expect(data).toEqual([])
    expect(waits).toEqual([1000])
  })

  it('does not repeat a POST whose answer never came (it may have been created)', async () => {
    fake.fail('create-comment', { kind: 'hang' })
    const { octokit, waits } = await client(fake.actionsToken, { timeoutMs: 300 })
    const error = await failure(
      octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: fake.owner,
        repo: fake.repo,
        issue_number: 1,
        body: 'x'
      })
    )
    expect(error.kind).toBe('timeout')
    expect(waits).toEqual([])
    expect(fake.requests.filter((r) => r.route === 'create-comment')).toHaveLength(1)
  })

  it('stops at once when the job is cancelled', async () => {
    fake.fail('list-comments', { kind: 'hang' })
    const controller = new AbortController()
    const { octokit } = await client(fake.actionsToken, { timeoutMs: 60_000 }, controller.signal)
    const pending = failure(listComments(octokit))
    setTimeout(() => controller.abort(), 50)
    expect((await pending).kind).toBe('cancelled')
  })

  it('sends the token only in the Authorization header, and no error text holds it', async () => {
    fake.fail('list-comments', { kind: 'unauthorized' })
    const { octokit } = await client()
    const error = await failure(listComments(octokit))
    const line = describeGitHubFailure(error, { doing: 'x', permission: 'pull-requests: write' })
    expect(line).not.toContain(fake.actionsToken)
    expect(error.message).not.toContain(fake.actionsToken)
    for (const request of fake.requests) {
      expect(request.headers.authorization).toBe(`token ${fake.actionsToken}`)
      expect(request.path + request.body).not.toContain(fake.actionsToken)
    }
  })

  it('refuses an empty token with the fix', async () => {
    await expect(createGitHubClient({ token: '' })).rejects.toThrow(/github-token.*github\.token/)
  })
})

describe('retryDelay', () => {
  const policy = DEFAULT_GITHUB_RETRY
  const at = Date.parse('2025-01-01T00:00:00Z')
  it.each([
    ['a 503', { status: 503, headers: {} }, 'GET', 1000],
    ['a 501 (never works)', { status: 501, headers: {} }, 'GET', undefined],
    ['a 429 with retry-after', { status: 429, headers: { 'retry-after': '7' } }, 'POST', 7000],
    [
      'a secondary limit without a header: a minute',
      { status: 403, headers: {}, message: 'You have exceeded a secondary rate limit' },
      'GET',
      60_000
    ],
    ['a retry-after date', { status: 403, headers: { 'retry-after': 'Wed, 01 Jan 2025 00:00:09 GMT' } }, 'GET', 9000],
    ['a plain 403', { status: 403, headers: {}, message: 'Resource not accessible by integration' }, 'GET', undefined],
    ['a dropped connection on GET', { status: undefined, headers: {} }, 'GET', 1000],
    ['a dropped connection on POST', { status: undefined, headers: {} }, 'POST', undefined]
  ])('%s', (_name, failure, method, expected) => {
    expect(retryDelay({ message: '', timedOut: false, ...failure }, method, 1, policy, at)).toBe(expected)
  })
})
