/**
 * GitHub API failures as one line a person can act on: what failed, what GitHub said, and the fix
 * (`add permissions: pull-requests: write to the job`). Pure: it reads the error Octokit threw (status,
 * headers, GitHub's message) and never the request, so the token cannot reach the text.
 */

/** Why a request failed, as far as deciding what to do next goes. */
export type GitHubFailureKind =
  | 'bad-credentials'
  | 'no-permission'
  | 'rate-limited'
  | 'forbidden'
  | 'not-found'
  | 'rejected'
  | 'server'
  | 'timeout'
  | 'network'
  | 'cancelled'

/** Thrown by the client after its retries: the kind, GitHub's status and words, attempts made. */
export class GitHubApiError extends Error {
  constructor(
    readonly kind: GitHubFailureKind,
    /** `GET /repos/{owner}/{repo}/issues/{issue_number}/comments`: the route, never the URL with values. */
    readonly route: string,
    /** GitHub's own message (bounded), e.g. `Resource not accessible by integration`. */
    readonly detail: string,
    readonly status: number | undefined,
    readonly attempts: number
  ) {
    super(`${route}: ${status ? `HTTP ${status} ` : ''}${detail}`)
    this.name = 'GitHubApiError'
  }
}

/** The shape of Octokit's RequestError we read (no import: this module stays free of I/O code). */
interface ErrorLike {
  status?: unknown
  message?: unknown
  name?: unknown
  response?: { headers?: Record<string, string | undefined>; data?: unknown }
}

const MAX_DETAIL_CHARS = 300

/** GitHub's `message` from the body, else the error's; documentation links dropped, one line, bounded. */
export function githubMessage(error: unknown): string {
  const e = (error ?? {}) as ErrorLike
  const data = e.response?.data
  const fromBody =
    data && typeof data === 'object' && 'message' in data && typeof data.message === 'string' ? data.message : undefined
  const raw = fromBody ?? (typeof e.message === 'string' ? e.message : String(error))
  const oneLine = raw
    .replace(/ - https:\/\/docs\.github\.com\S*/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  return oneLine.length > MAX_DETAIL_CHARS ? `${oneLine.slice(0, MAX_DETAIL_CHARS - 1)}…` : oneLine
}

/** A 403/429 that a later attempt may pass: secondary rate limit, or the primary one used up. */
export function isRateLimit(
  status: number | undefined,
  headers: Record<string, string | undefined>,
  message: string
): boolean {
  if (status === 429) return true
  if (status !== 403) return false
  return headers['retry-after'] !== undefined || headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(message)
}

/** Kind of a failed answer (after the client's retries) or of a request that never got one. */
export function classify(
  status: number | undefined,
  headers: Record<string, string | undefined>,
  message: string
): GitHubFailureKind {
  if (status === undefined) return 'network'
  if (status === 401) return 'bad-credentials'
  if (isRateLimit(status, headers, message)) return 'rate-limited'
  if (status === 403) return /not accessible by integration|permission/i.test(message) ? 'no-permission' : 'forbidden'
  if (status === 404) return 'not-found'
  if (status >= 500) return 'server'
  return 'rejected'
}

export interface FailureContext {
  /** What was being done, e.g. `update the PR comment on #12`. */
  doing: string
  /** The job permission this needs, e.g. `pull-requests: write`. */
  permission: string
}

/** The fix for each kind, in the user's words. */
function fixFor(error: GitHubApiError, context: FailureContext): string {
  switch (error.kind) {
    case 'bad-credentials':
      return 'the `github-token` input is invalid or expired; pass `github-token: ${{ github.token }}` or a valid token'
    case 'no-permission':
      return `add \`permissions: ${context.permission}\` to the job (a pull request from a fork gets a read-only token whatever the job asks)`
    case 'forbidden':
      return `the token may not do this; check that it can write to the repository (\`permissions: ${context.permission}\`) and any organisation SSO/IP rules`
    case 'rate-limited':
      return 'GitHub’s API rate limit was hit; it clears by itself — fewer concurrent jobs or a token of its own helps'
    case 'not-found':
      return 'check the repository and the PR number (`pr-number`), and that the token can see the repository (a token without access gets 404)'
    case 'rejected':
      return 'GitHub refused the request as sent; this is a deploy-guard bug if it persists, please report it with this line'
    case 'server':
      return 'GitHub had an error; it is usually temporary — re-run the job to update the record'
    case 'timeout':
      return 'GitHub did not answer in time; re-run the job to update the record'
    case 'network':
      return 'check that the runner can reach the GitHub API (`GITHUB_API_URL`, proxy settings)'
    case 'cancelled':
      return 'the job was cancelled'
  }
}

/** One line for a warning: `could not update the PR comment on #12: HTTP 403 Resource not … — add …`. */
export function describeGitHubFailure(error: unknown, context: FailureContext): string {
  if (!(error instanceof GitHubApiError)) {
    return `deploy-guard could not ${context.doing}: ${githubMessage(error)}`
  }
  const status = error.status ? `HTTP ${error.status} ` : ''
  const tries = error.attempts > 1 ? ` (after ${error.attempts} attempts)` : ''
  return `deploy-guard could not ${context.doing}: ${status}${error.detail}${tries} — ${fixFor(error, context)}.`
}
