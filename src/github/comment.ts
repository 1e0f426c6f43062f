/**
 * The sticky comment's I/O: who the token is, which comment is ours, create or update it. What the
 * comment says is rendered elsewhere (src/report/pr-comment.ts).
 *
 * "Ours" means: the body holds our marker AND the author is the token's own identity. A marker in anyone
 * else's comment (a person quoting ours, a hostile one) is ignored, so we never edit it and never take
 * its text as our history. How the identity is found, by token type:
 * - a personal access token (classic or fine-grained) or a user token: `GET /user` answers its login;
 * - a GitHub App installation token, the Actions `GITHUB_TOKEN` among them: `GET /user` is refused
 *   ("Resource not accessible by integration"); GraphQL's `viewer { login }` answers the app's bot login
 *   (marocchino/sticky-pull-request-comment's rule), e.g. `github-actions` for the GITHUB_TOKEN, whose REST
 *   comments are authored by `github-actions[bot]`;
 * - when neither answers, the token is taken to be the Actions `GITHUB_TOKEN` (`github-actions[bot]`),
 *   by far the common case: a comment by another app or a person is still never taken for ours.
 * Logins are compared case-insensitively with a trailing `[bot]` removed on both sides (REST spells the
 * bot `name[bot]`, GraphQL `name`). peter-evans/find-comment asks the user for the author instead;
 * thollander/actions-comment-pull-request matches the marker alone, which lets anyone's comment be taken.
 */
import type { GitHubOctokit } from './client.js'
import { GitHubApiError } from './errors.js'

export const ACTIONS_BOT_LOGIN = 'github-actions[bot]'

export interface TokenIdentity {
  login: string
  /** How it was learnt, for the log. */
  source: 'rest' | 'graphql' | 'assumed'
}

export const normaliseLogin = (login: string): string =>
  login
    .trim()
    .toLowerCase()
    .replace(/\[bot\]$/, '')

/** A failure no other way of asking can get past: the token is bad, or the job was cancelled. */
const final = (error: unknown): boolean =>
  error instanceof GitHubApiError && (error.kind === 'bad-credentials' || error.kind === 'cancelled')

/** The login that authors this token's comments (see the header). Throws GitHubApiError on bad credentials. */
export async function tokenIdentity(octokit: GitHubOctokit): Promise<TokenIdentity> {
  try {
    const { data } = await octokit.request('GET /user')
    if (data.login) return { login: data.login, source: 'rest' }
  } catch (error) {
    if (final(error)) throw error
  }
  try {
    const data = await octokit.graphql<{ viewer?: { login?: string } }>('query { viewer { login } }')
    const login = data.viewer?.login
    if (login) return { login, source: 'graphql' }
  } catch (error) {
    if (final(error)) throw error
  }
  return { login: ACTIONS_BOT_LOGIN, source: 'assumed' }
}

export interface IssueRef {
  owner: string
  repo: string
  issueNumber: number
}

export interface FoundComment {
  id: number
  body: string
  url?: string
}

interface ListedComment {
  id: number
  body?: string | null
  html_url?: string
  user?: { login?: string } | null
}

/** Our comment carrying `marker` (first one, oldest first), or undefined. Pages through every comment. */
export async function findOwnComment(
  octokit: GitHubOctokit,
  issue: IssueRef,
  marker: string,
  identity: TokenIdentity
): Promise<FoundComment | undefined> {
  const me = normaliseLogin(identity.login)
  const iterator = octokit.paginate.iterator('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner: issue.owner,
    repo: issue.repo,
    issue_number: issue.issueNumber,
    per_page: 100
  })
  for await (const page of iterator) {
    for (const comment of page.data as ListedComment[]) {
      const mine = normaliseLogin(comment.user?.login ?? '') === me
      if (mine && comment.body?.includes(marker)) return { id: comment.id, body: comment.body, url: comment.html_url }
    }
  }
  return undefined
}

export interface UpsertResult {
  action: 'created' | 'updated'
  id: number
  url?: string
}

/** Updates comment `id` in place, or creates one when there is none (or it was deleted meanwhile). */
export async function upsertComment(
  octokit: GitHubOctokit,
  issue: IssueRef,
  existingId: number | undefined,
  body: string
): Promise<UpsertResult> {
  if (existingId !== undefined) {
    try {
      const { data } = await octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        owner: issue.owner,
        repo: issue.repo,
        comment_id: existingId,
        body
      })
      return { action: 'updated', id: Number(data.id), url: data.html_url }
    } catch (error) {
      // Deleted between the lookup and the update: a new one is what the user would want.
      if (!(error instanceof GitHubApiError && error.kind === 'not-found')) throw error
    }
  }
  const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner: issue.owner,
    repo: issue.repo,
    issue_number: issue.issueNumber,
    body
  })
  return { action: 'created', id: Number(data.id), url: data.html_url }
}
