/**
 * The GitHub Deployments API as deploy-guard uses it: create a Deployment, post a status, list an
 * environment's Deployments with their latest status, retire one, and the two searches the surface needs —
 * the Deployment GitHub created itself for a job that declares `environment:`, and the previous good
 * Deployment to make current again after a rollback. I/O only; what to write is decided by the surface.
 *
 * Recognising the job's own Deployment (GitHub creates one per run of a job with `environment:`, and
 * posts `queued`, `in_progress`, then `success`/`failure` when the job ends — docs: "How environments
 * relate to deployments"): the record has the run's commit (`GITHUB_SHA`; its `ref` is the branch),
 * `task: deploy`, an empty payload and no description; its creator is the workflow's actor (or
 * `github-actions[bot]`), and its statuses' `log_url` is the job's page under `/actions/runs/<run id>/`.
 * So a Deployment of the environment is the job's when it is not ours (no deploy-guard payload), is for
 * one of the run's commits, and either a status links to this run, or — no status links to any run —
 * it is still active (queued/in_progress/pending), has an empty payload, was created by the actor or
 * the Actions bot, and is recent. A Deployment whose status links to another run is never taken.
 */
import type { GitHubOctokit } from './client.js'
import { ACTIONS_BOT_LOGIN } from './comment.js'
import { GitHubApiError } from './errors.js'
import { readPayload, type DeploymentPayload, type DeploymentState } from './deployment-record.js'

export interface RepoRef {
  owner: string
  repo: string
}

export interface DeploymentSummary {
  id: number
  sha: string
  ref: string
  task: string
  environment: string
  createdAt: string
  creator?: string
  payload: unknown
}

export interface StatusSummary {
  state: string
  logUrl: string
  createdAt: string
}

export interface NewDeployment {
  ref: string
  environment: string
  description: string
  payload: DeploymentPayload
}

export interface NewStatus {
  state: DeploymentState
  description: string
  logUrl?: string
  environmentUrl?: string
  /** Left out (GitHub's default, true) unless set. */
  autoInactive?: boolean
}

interface RawDeployment {
  id?: number
  sha?: string
  ref?: string
  task?: string
  environment?: string
  created_at?: string
  creator?: { login?: string } | null
  payload?: unknown
}

const summary = (d: RawDeployment): DeploymentSummary => ({
  id: d.id ?? 0,
  sha: d.sha ?? '',
  ref: d.ref ?? '',
  task: d.task ?? '',
  environment: d.environment ?? '',
  createdAt: d.created_at ?? '',
  creator: d.creator?.login ?? undefined,
  payload: d.payload
})

/**
 * Creates a Deployment: no required status checks (the checks are this run), no merge of the default
 * branch, a persistent environment. A 202 (GitHub merged or wants to merge first) has no id: an error.
 */
export async function createDeployment(octokit: GitHubOctokit, repo: RepoRef, input: NewDeployment): Promise<number> {
  const route = 'POST /repos/{owner}/{repo}/deployments'
  const response = await octokit.request(route, {
    ...repo,
    ref: input.ref,
    task: 'deploy',
    environment: input.environment,
    description: input.description,
    required_contexts: [],
    auto_merge: false,
    transient_environment: false,
    payload: input.payload as unknown as Record<string, unknown>
  })
  const data = response.data as { id?: number; message?: string }
  if (typeof data.id !== 'number') {
    throw new GitHubApiError(
      'rejected',
      route,
      `no Deployment was created (${data.message ?? `HTTP ${response.status}`})`,
      response.status,
      1
    )
  }
  return data.id
}

export async function postStatus(
  octokit: GitHubOctokit,
  repo: RepoRef,
  deploymentId: number,
  status: NewStatus
): Promise<void> {
  await octokit.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
    ...repo,
    deployment_id: deploymentId,
    state: status.state,
    description: status.description,
    ...(status.logUrl ? { log_url: status.logUrl } : {}),
    ...(status.environmentUrl ? { environment_url: status.environmentUrl } : {}),
    ...(status.autoInactive !== undefined ? { auto_inactive: status.autoInactive } : {})
  })
}

/** The environment's Deployments, newest first (one page: the searches below only look at recent ones). */
export async function listDeployments(
  octokit: GitHubOctokit,
  repo: RepoRef,
  environment: string,
  perPage = 30
): Promise<DeploymentSummary[]> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/deployments', {
    ...repo,
    environment,
    per_page: perPage
  })
  return (data as RawDeployment[]).map(summary)
}

/** A Deployment's statuses, newest first (the first is its current state). */
export async function listStatuses(
  octokit: GitHubOctokit,
  repo: RepoRef,
  deploymentId: number,
  perPage = 10
): Promise<StatusSummary[]> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
    ...repo,
    deployment_id: deploymentId,
    per_page: perPage
  })
  return (data as Array<{ state?: string; log_url?: string; target_url?: string; created_at?: string }>).map((s) => ({
    state: s.state ?? '',
    logUrl: s.log_url || s.target_url || '',
    createdAt: s.created_at ?? ''
  }))
}

/**
 * Retires a Deployment this run created and replaced: marked inactive (GitHub deletes only inactive
 * ones while others exist), then deleted.
 */
export async function retireDeployment(
  octokit: GitHubOctokit,
  repo: RepoRef,
  deploymentId: number,
  why: string
): Promise<void> {
  await postStatus(octokit, repo, deploymentId, { state: 'inactive', description: why })
  await octokit.request('DELETE /repos/{owner}/{repo}/deployments/{deployment_id}', {
    ...repo,
    deployment_id: deploymentId
  })
}

export interface JobContext {
  /** The commits the job's Deployment can be for: the event's (PR head) and `GITHUB_SHA`. */
  shas: string[]
  /** `GITHUB_RUN_ID`. */
  runId?: string
  /** `GITHUB_ACTOR`, `GITHUB_TRIGGERING_ACTOR`. */
  actors: string[]
  now: number
  /** How old the job's Deployment may be (the job may have run long before this step). */
  maxAgeMs: number
}

const ACTIVE = new Set(['queued', 'in_progress', 'pending'])
const RUN_IN_URL = /\/actions\/runs\/(\d+)(?:\/|$)/

const emptyPayload = (payload: unknown): boolean =>
  payload === undefined ||
  payload === null ||
  payload === '' ||
  (typeof payload === 'object' && Object.keys(payload as object).length === 0)

/** Is this Deployment (with its statuses, newest first) the one GitHub created for this job? Pure. */
export function isJobDeployment(d: DeploymentSummary, statuses: StatusSummary[], job: JobContext): boolean {
  if (readPayload(d.payload)) return false
  if (!job.shas.includes(d.sha)) return false
  const runs = statuses.map((s) => RUN_IN_URL.exec(s.logUrl)?.[1]).filter((r): r is string => !!r)
  if (runs.length) return job.runId !== undefined && runs.includes(job.runId)
  const created = Date.parse(d.createdAt)
  const recent = Number.isFinite(created) && job.now - created <= job.maxAgeMs
  const creator = (d.creator ?? '').toLowerCase()
  const byJob = creator === ACTIONS_BOT_LOGIN || job.actors.some((a) => a.toLowerCase() === creator)
  const active = statuses.length === 0 || ACTIVE.has(statuses[0]!.state)
  return recent && byJob && active && emptyPayload(d.payload) && d.task === 'deploy'
}

/** The Deployment GitHub created for this job, when the job declares this environment. */
export async function findJobDeployment(
  octokit: GitHubOctokit,
  repo: RepoRef,
  environment: string,
  job: JobContext
): Promise<DeploymentSummary | undefined> {
  const candidates = (await listDeployments(octokit, repo, environment))
    .filter((d) => job.shas.includes(d.sha) && !readPayload(d.payload))
    .slice(0, 5)
  for (const candidate of candidates) {
    const statuses = await listStatuses(octokit, repo, candidate.id)
    if (isJobDeployment(candidate, statuses, job)) return candidate
  }
  return undefined
}

const GOOD = new Set(['success', 'inactive'])
const MAX_INSPECTED = 10

const imagesMatch = (payload: DeploymentPayload, restored: Map<string, Record<string, string>>): boolean => {
  if (!restored.size) return false
  for (const [label, images] of restored) {
    const target = payload.targets.find((t) => t.target === label)
    if (!target?.images) return false
    for (const [container, image] of Object.entries(images)) if (target.images[container] !== image) return false
  }
  return true
}

/**
 * The Deployment that was current before this run's: among the environment's Deployments older than
 * `exclude` (this run's; none for a manual rollback), those whose latest status is success or inactive;
 * the one whose recorded images are the restored ones when a payload says so, else (unless
 * `requireMatch`, as for a manual rollback, where the newest good one is the version just undone) the newest.
 */
export async function findPreviousGood(
  octokit: GitHubOctokit,
  repo: RepoRef,
  environment: string,
  exclude: number[],
  restored: Map<string, Record<string, string>>,
  requireMatch = false
): Promise<DeploymentSummary | undefined> {
  const all = await listDeployments(octokit, repo, environment, 50)
  const newestOurs = exclude.length ? Math.max(...exclude) : Number.POSITIVE_INFINITY
  // Newest first: everything listed before our newest is newer than this run (another run): skipped.
  const older = all.filter((d) => !exclude.includes(d.id) && d.id < newestOurs).slice(0, MAX_INSPECTED)
  let newestGood: DeploymentSummary | undefined
  for (const d of older) {
    const [latest] = await listStatuses(octokit, repo, d.id, 1)
    if (!latest || !GOOD.has(latest.state)) continue
    const payload = readPayload(d.payload)
    if (payload && imagesMatch(payload, restored)) return d
    newestGood ??= d
    if (!restored.size) break
  }
  return requireMatch ? undefined : newestGood
}
