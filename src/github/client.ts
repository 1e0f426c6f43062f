/**
 * The GitHub REST client every GitHub surface uses (PR comment, Deployments): Octokit from
 * @actions/github (the runner's proxy settings come with it), pointed at `GITHUB_API_URL`, with one retry
 * policy for all requests and failures turned into GitHubApiError (src/github/errors.ts).
 *
 * Retries, in one place (a hook around every request, pagination included):
 * - 5xx (not 501) and 429 / secondary rate limits are retried with backoff; a server's `retry-after`
 *   (seconds or a date) or `x-ratelimit-reset` (epoch seconds) sets the wait. A wait longer than
 *   `maxWaitMs`, or one that would overrun `totalWaitMs`, is not waited: the run's verdict is ready and
 *   a record that is late by minutes is worth less than a job that ends.
 * - A timeout or a dropped connection is retried for reads and for PATCH/PUT/DELETE (idempotent), not
 *   for POST: GitHub may have created the comment or Deployment before the answer was lost, and a second
 *   one is worse than none.
 * - 4xx other than rate limits are answers, not accidents: never retried.
 * - Every wait and request ends when `signal` aborts (the job is cancelled).
 *
 * Octokit's own logging is silenced: everything this prints goes through the caller's log, which the
 * redactor guards. The token is only ever in the Authorization header, sent to `baseUrl` alone.
 */
import type { getOctokit } from '@actions/github'
import { parseRetryAfter } from '../util/retry-after.js'
import { sleep as realSleep, type Sleep } from '../util/sleep.js'
import { GitHubApiError, classify, githubMessage, isRateLimit } from './errors.js'

export type GitHubOctokit = ReturnType<typeof getOctokit>

export interface GitHubRetryPolicy {
  /** Extra attempts after the first. */
  retries: number
  /** First backoff; doubled each retry (when the server names no wait). */
  baseDelayMs: number
  /** The longest single wait honoured; a server asking for more is not waited for. */
  maxWaitMs: number
  /** All waits of one request together. */
  totalWaitMs: number
  /** Each attempt's deadline, headers and body included. */
  timeoutMs: number
}

export const DEFAULT_GITHUB_RETRY: GitHubRetryPolicy = {
  retries: 3,
  baseDelayMs: 1000,
  maxWaitMs: 60_000,
  totalWaitMs: 90_000,
  timeoutMs: 15_000
}

export interface GitHubClientOptions {
  /** The `github-token` input; must not be empty. */
  token: string
  /** `GITHUB_API_URL` (GHES: `https://host/api/v3`); default `https://api.github.com`. */
  baseUrl?: string
  /** Aborted when the job is cancelled: requests and waits stop. */
  signal?: AbortSignal
  retry?: Partial<GitHubRetryPolicy>
  /** One line per retry (`GitHub answered 502 …; retrying in 2 s`). */
  log?: (line: string) => void
  sleep?: Sleep
  now?: () => number
}

/** The GitHub API URL of this run: `GITHUB_API_URL`, else github.com's. */
export function githubApiUrl(env: NodeJS.ProcessEnv): string {
  return (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
}

/** The client a record surface uses (PR comment, Deployments): this run's token, API URL, cancellation and log. */
export function surfaceClient(ctx: {
  githubToken: string
  env: NodeJS.ProcessEnv
  signal: AbortSignal
  log: (line: string) => void
}): Promise<GitHubOctokit> {
  return createGitHubClient({
    token: ctx.githubToken,
    baseUrl: githubApiUrl(ctx.env),
    signal: ctx.signal,
    log: ctx.log
  })
}

interface RequestOptionsLike {
  method?: string
  url?: string
  request?: Record<string, unknown>
  [key: string]: unknown
}

interface Failure {
  status?: number
  headers: Record<string, string | undefined>
  message: string
  timedOut: boolean
}

function readFailure(error: unknown): Failure {
  const e = error as { response?: { status?: unknown; headers?: Record<string, string> }; cause?: { name?: unknown } }
  const answered = e?.response !== undefined
  const status = answered && typeof e.response?.status === 'number' ? e.response.status : undefined
  // The per-attempt deadline (AbortSignal.timeout) rejects fetch with a TimeoutError, which Octokit keeps as the cause.
  const timedOut = !answered && e?.cause?.name === 'TimeoutError'
  return {
    status,
    headers: answered ? (e.response?.headers ?? {}) : {},
    message: timedOut ? 'no answer in time' : githubMessage(error),
    timedOut
  }
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE'])

/**
 * How long to wait before the next attempt, or undefined when this failure is final. Pure, for tests.
 */
export function retryDelay(
  failure: Failure,
  method: string,
  retryNumber: number,
  policy: GitHubRetryPolicy,
  now: number
): number | undefined {
  const { status, headers } = failure
  const backoff = policy.baseDelayMs * 2 ** (retryNumber - 1)
  if (status === undefined) return IDEMPOTENT.has(method) ? backoff : undefined
  if (isRateLimit(status, headers, failure.message)) {
    const after = parseRetryAfter(headers['retry-after'], new Date(now))
    const reset = Number(headers['x-ratelimit-reset'])
    const untilReset =
      headers['x-ratelimit-remaining'] === '0' && Number.isFinite(reset) ? reset * 1000 - now : undefined
    // GitHub: without a header, wait at least a minute before retrying a secondary rate limit.
    const wait = Math.max(0, after ?? untilReset ?? Math.max(60_000, backoff))
    return wait <= policy.maxWaitMs ? wait : undefined
  }
  if (status >= 500 && status !== 501) return backoff
  return undefined
}

/** An Octokit for the GitHub API of this run, with the retry policy above on every request. */
export async function createGitHubClient(options: GitHubClientOptions): Promise<GitHubOctokit> {
  if (!options.token) throw new Error('the `github-token` input is empty; pass `github-token: ${{ github.token }}`')
  // Loaded on first use: runs without a GitHub surface never pay for Octokit and undici.
  const { getOctokit } = await import('@actions/github')
  const policy = { ...DEFAULT_GITHUB_RETRY, ...options.retry }
  const sleep = options.sleep ?? realSleep
  const now = options.now ?? Date.now
  const { signal } = options
  const quiet = (): void => undefined
  const baseUrl = (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, '')
  // The runner's proxy-aware fetch (@actions/github's default), with each attempt's deadline and the
  // job's cancellation added. (A signal set from a request hook is not honoured by this fetch; one
  // added here is.)
  const proxied = getOctokit(options.token, { baseUrl }).request.endpoint.DEFAULTS.request?.fetch as
    ((url: string, init: RequestInit) => Promise<Response>) | undefined
  const fetchWithDeadline = (url: string, init: RequestInit): Promise<Response> => {
    const signals = [
      AbortSignal.timeout(policy.timeoutMs),
      ...(signal ? [signal] : []),
      ...(init.signal ? [init.signal] : [])
    ]
    return (proxied ?? fetch)(url, { ...init, signal: AbortSignal.any(signals) })
  }
  const octokit = getOctokit(options.token, {
    baseUrl,
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
    request: { fetch: fetchWithDeadline }
  })
  octokit.hook.wrap('request', async (request, requestOptions) => {
    const opts = requestOptions as RequestOptionsLike
    const method = (opts.method ?? 'GET').toUpperCase()
    // The route template (`/repos/{owner}/…`), or for later pages the path without host and query.
    const route = `${method} ${(opts.url ?? '').replace(baseUrl, '').split('?')[0]}`
    let waited = 0
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw new GitHubApiError('cancelled', route, 'the job was cancelled', undefined, attempt - 1)
      try {
        return await request(requestOptions)
      } catch (error) {
        if (signal?.aborted) throw new GitHubApiError('cancelled', route, 'the job was cancelled', undefined, attempt)
        const failure = readFailure(error)
        const wait = attempt > policy.retries ? undefined : retryDelay(failure, method, attempt, policy, now())
        if (wait === undefined || waited + wait > policy.totalWaitMs) {
          const kind = failure.timedOut ? 'timeout' : classify(failure.status, failure.headers, failure.message)
          throw new GitHubApiError(kind, route, failure.message, failure.status, attempt)
        }
        const what = failure.status
          ? `answered ${failure.status}`
          : failure.timedOut
            ? 'did not answer in time'
            : `was unreachable (${failure.message})`
        options.log?.(
          `GitHub ${what} to ${route}; retrying in ${Math.ceil(wait / 1000)} s (attempt ${attempt + 1} of ${policy.retries + 1})`
        )
        await sleep(wait, signal)
        waited += wait
      }
    }
  })
  return octokit
}
