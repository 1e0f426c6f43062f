/**
 * Which pull request a run belongs to, and the facts of the run the records show (run link, actor,
 * commit). The event payload and the environment are read here; the only request is the commit's PRs.
 *
 * - `pr-number` input wins.
 * - `pull_request`, `pull_request_target` (and review events, and `issue_comment` on a PR): the payload's number.
 * - Anything else (`push`, `workflow_dispatch`, `deployment`, `schedule`, …): the PRs GitHub associates
 *   with the commit, `GET /repos/{owner}/{repo}/commits/{sha}/pulls`: an open PR whose head is this
 *   commit first, then the PR this commit merged, then any open one, then any merged one. A closed,
 *   unmerged PR is never chosen: commenting on an abandoned PR tells nobody anything.
 */
import { readFileSync } from 'node:fs'
import type { GitHubOctokit } from './client.js'

export interface RunFacts {
  owner: string
  repo: string
  eventName: string
  /** The commit deployed (a PR event's head, a deployment's sha, else GITHUB_SHA). */
  sha?: string
  actor?: string
  /** `https://github.com/o/r/actions/runs/1` (with `/attempts/N` after a re-run). */
  runUrl?: string
  /** `https://github.com/o/r/commit/<sha>`. */
  commitUrl?: string
  /** The PR number the event names, when it names one. */
  eventPullRequest?: number
}

type Payload = Record<string, unknown>

const asRecord = (value: unknown): Payload | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Payload) : undefined
const asNumber = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined
const asString = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined)

/** The event payload (`GITHUB_EVENT_PATH`); an unreadable one is an empty payload (a run outside Actions). */
export function readEventPayload(env: NodeJS.ProcessEnv): Payload {
  if (!env.GITHUB_EVENT_PATH) return {}
  try {
    return asRecord(JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'))) ?? {}
  } catch {
    return {}
  }
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment'])

/** The run's facts from the environment and the event payload; throws when GITHUB_REPOSITORY is unusable. */
export function runFacts(env: NodeJS.ProcessEnv, payload: Payload): RunFacts {
  const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo || rest.length) {
    throw new Error(
      `GITHUB_REPOSITORY is '${env.GITHUB_REPOSITORY ?? ''}', expected owner/repo (run the action in GitHub Actions)`
    )
  }
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const pullRequest = asRecord(payload.pull_request)
  const issue = asRecord(payload.issue)
  let eventPullRequest: number | undefined
  if (PR_EVENTS.has(eventName) || (!eventName && pullRequest)) eventPullRequest = asNumber(pullRequest?.number)
  else if (eventName === 'issue_comment' && issue?.pull_request) eventPullRequest = asNumber(issue.number)
  const sha =
    asString(asRecord(pullRequest?.head)?.sha) ??
    asString(asRecord(payload.deployment)?.sha) ??
    asString(asRecord(payload.workflow_run)?.head_sha) ??
    asString(env.GITHUB_SHA)
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? '1')
  const runUrl = env.GITHUB_RUN_ID
    ? `${server}/${owner}/${repo}/actions/runs/${encodeURIComponent(env.GITHUB_RUN_ID)}${attempt > 1 ? `/attempts/${attempt}` : ''}`
    : undefined
  return {
    owner,
    repo,
    eventName,
    sha,
    actor: asString(env.GITHUB_TRIGGERING_ACTOR) ?? asString(env.GITHUB_ACTOR),
    runUrl,
    commitUrl: sha && /^[0-9a-f]{7,64}$/i.test(sha) ? `${server}/${owner}/${repo}/commit/${sha}` : undefined,
    eventPullRequest
  }
}

export type PullRequestLookup =
  { number: number; source: 'input' | 'event' | 'commit' } | { number?: undefined; why: string }

interface AssociatedPull {
  number: number
  state?: string
  merged_at?: string | null
  merge_commit_sha?: string | null
  head?: { sha?: string }
}

/** Picks the PR a commit belongs to among those GitHub associates with it (see the header). */
export function choosePullRequest(pulls: AssociatedPull[], sha: string): AssociatedPull | undefined {
  const open = pulls.filter((p) => p.state === 'open')
  const merged = pulls.filter((p) => !!p.merged_at)
  return open.find((p) => p.head?.sha === sha) ?? merged.find((p) => p.merge_commit_sha === sha) ?? open[0] ?? merged[0]
}

/** The PR of this run, or why there is none. Throws GitHubApiError when the commit's PRs cannot be listed. */
export async function findPullRequest(
  octokit: GitHubOctokit,
  facts: RunFacts,
  prNumber?: number
): Promise<PullRequestLookup> {
  if (prNumber) return { number: prNumber, source: 'input' }
  if (facts.eventPullRequest) return { number: facts.eventPullRequest, source: 'event' }
  if (!facts.sha) return { why: `the ${facts.eventName || 'unknown'} event names no pull request and no commit` }
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
    owner: facts.owner,
    repo: facts.repo,
    commit_sha: facts.sha,
    per_page: 100
  })
  const chosen = choosePullRequest(data as AssociatedPull[], facts.sha)
  if (chosen) return { number: chosen.number, source: 'commit' }
  return {
    why: `commit ${facts.sha.slice(0, 12)} (${facts.eventName || 'unknown'} event) belongs to no open or merged pull request`
  }
}
