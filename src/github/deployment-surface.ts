/**
 * GitHub Deployment statuses as a record surface (`deployment-status`, default on when `environment` is
 * set). The Deployment follows the run:
 * - start: `in_progress` on a Deployment for the environment and commit — the one GitHub created for this
 *   job when the job declares `environment:` (never a second one), else a new one of ours;
 * - finish: `success` for a pass, `failure` for a failed or inconclusive verdict (the verdict and its
 *   cause in the description); after a rollback that restored the old version, the previous good
 *   Deployment of the environment gets a new `success`: GitHub's way to show the old version is live.
 *
 * A manual `rollback` run creates no Deployment (it deploys nothing new): when its undo restored a
 * version some earlier Deployment recorded (same images), that Deployment becomes current again.
 *
 * The record goes in the payload, which GitHub sets only when a Deployment is created (there is no
 * update). So the Deployment created at start (payload: what is known then) is replaced at finish by one
 * carrying the final record — GitHub's documented way to supersede a Deployment: create the new one,
 * mark the old one inactive, delete it. A run thus leaves one Deployment with its record. The job's own
 * Deployment cannot carry one (its payload is GitHub's `{}`); the log says how to opt out of it.
 *
 * Whatever GitHub answers, the verdict stands: each failure is one warning naming the fix, the token is
 * never printed, and a failed start does not stop the finish (which then creates the Deployment).
 */
import type { RunResult } from '../model/result.js'
import { headline } from '../report/headline.js'
import type { RunSurface, SurfaceContext } from '../report/surfaces.js'
import { surfaceClient, type GitHubOctokit } from './client.js'
import {
  description,
  finalPayload,
  finalState,
  restoredImages,
  restoredPrevious,
  startPayload,
  type RunIdentity
} from './deployment-record.js'
import {
  createDeployment,
  findJobDeployment,
  findPreviousGood,
  postStatus,
  retireDeployment,
  type RepoRef
} from './deployments.js'
import { describeGitHubFailure, GitHubApiError } from './errors.js'
import { readEventPayload, runFacts, type RunFacts } from './pr.js'

export interface DeploymentSurfaceOptions {
  createClient?: (ctx: SurfaceContext) => Promise<GitHubOctokit>
  now?: () => number
}

/** How old GitHub's Deployment for this job may be when the step starts (a hosted job runs ≤ 6 h). */
export const JOB_DEPLOYMENT_MAX_AGE_MS = 6 * 60 * 60 * 1000

const PERMISSION = 'deployments: write'

/** Whether statuses are written: `deployment-status` true, or `auto` with an environment. */
export function deploymentStatusWanted(ctx: SurfaceContext): boolean {
  // A snapshot is taken before the deploy: it records nothing about the new version.
  if (ctx.command === 'snapshot') return false
  const mode = ctx.config.records?.deploymentStatus ?? 'auto'
  return mode === true || (mode === 'auto' && !!ctx.config.records?.environment)
}

/** The surface, when wanted; a wanted surface without an environment or token is a warning. */
export function deploymentSurface(ctx: SurfaceContext, options: DeploymentSurfaceOptions = {}): RunSurface | undefined {
  if (!deploymentStatusWanted(ctx)) return undefined
  const environment = ctx.config.records?.environment
  if (!environment) {
    ctx.warn(
      'deploy-guard cannot write a Deployment status: `deployment-status` is on but `environment` is empty; set `environment: production` (or the environment name)'
    )
    return undefined
  }
  if (!ctx.githubToken) {
    // `auto` stays silent, as the PR comment does: only a run outside Actions (or one that cleared the
    // token, whose default is the job's) has none.
    if (ctx.config.records?.deploymentStatus === true)
      ctx.warn(
        'deploy-guard cannot write a Deployment status: the `github-token` input is empty; pass `github-token: ${{ github.token }}`'
      )
    return undefined
  }
  if (!ctx.env.GITHUB_REPOSITORY && ctx.config.records?.deploymentStatus === 'auto') return undefined
  return new DeploymentRecorder(ctx, environment, options)
}

interface Tracked {
  id: number
  /** True for a Deployment this run created (replaced at finish); false for the job's own. */
  ours: boolean
}

/** One warning per failure, with the fix; a 404 here is about the repository or the token's access. */
function failure(error: unknown, doing: string): string {
  if (error instanceof GitHubApiError && error.kind === 'not-found') {
    return `deploy-guard could not ${doing}: HTTP 404 ${error.detail} — check GITHUB_REPOSITORY and that the token can see the repository and has \`permissions: ${PERMISSION}\` (a token without access gets 404).`
  }
  return describeGitHubFailure(error, { doing, permission: PERMISSION })
}

class DeploymentRecorder implements RunSurface {
  readonly name = 'the GitHub Deployment'
  private tracked?: Tracked
  private client?: GitHubOctokit
  private facts?: RunFacts

  constructor(
    private readonly ctx: SurfaceContext,
    private readonly environment: string,
    private readonly options: DeploymentSurfaceOptions
  ) {}

  private async octokit(): Promise<GitHubOctokit> {
    this.client ??= await (this.options.createClient ?? surfaceClient)(this.ctx)
    return this.client
  }

  private runFacts(): RunFacts {
    this.facts ??= runFacts(this.ctx.env, readEventPayload(this.ctx.env))
    return this.facts
  }

  private identity(facts: RunFacts): RunIdentity {
    return { environment: this.environment, sha: facts.sha, runUrl: facts.runUrl }
  }

  private statusUrls(facts: RunFacts): { logUrl?: string; environmentUrl?: string } {
    const environmentUrl = this.ctx.config.records?.environmentUrl
    return { ...(facts.runUrl ? { logUrl: facts.runUrl } : {}), ...(environmentUrl ? { environmentUrl } : {}) }
  }

  async start(at: Date): Promise<void> {
    if (this.ctx.command === 'rollback') return
    let doing = `find the Deployment of environment '${this.environment}'`
    try {
      const facts = this.runFacts()
      if (!facts.sha) {
        this.ctx.warn('deploy-guard cannot write a Deployment status: the run names no commit (GITHUB_SHA is empty)')
        return
      }
      const octokit = await this.octokit()
      const repo: RepoRef = { owner: facts.owner, repo: facts.repo }
      const env = this.ctx.env
      const job = await findJobDeployment(octokit, repo, this.environment, {
        shas: [...new Set([facts.sha, env.GITHUB_SHA].filter((s): s is string => !!s))],
        runId: env.GITHUB_RUN_ID,
        actors: [env.GITHUB_ACTOR, env.GITHUB_TRIGGERING_ACTOR].filter((a): a is string => !!a),
        now: (this.options.now ?? Date.now)(),
        maxAgeMs: JOB_DEPLOYMENT_MAX_AGE_MS
      })
      const checking = description(
        `deploy-guard ${this.ctx.command}: checking ${this.ctx.config.targets.length === 1 ? 'the deploy' : `${this.ctx.config.targets.length} targets`}`
      )
      if (job) {
        this.tracked = { id: job.id, ours: false }
        this.ctx.log(
          `deploy-guard: this job declares environment '${this.environment}'; updating the Deployment GitHub created for it (${job.id}) instead of creating another. Its payload is GitHub's and cannot hold the record; to have deploy-guard record it, declare \`environment: { name: ${this.environment}, deployment: false }\` on the job`
        )
      } else {
        doing = `create a Deployment for environment '${this.environment}'`
        const id = await createDeployment(octokit, repo, {
          ref: facts.sha,
          environment: this.environment,
          description: checking,
          payload: startPayload(this.ctx.command, this.ctx.config.targets, this.identity(facts), at)
        })
        this.tracked = { id, ours: true }
      }
      doing = `mark Deployment ${this.tracked.id} in progress`
      await postStatus(octokit, repo, this.tracked.id, {
        state: 'in_progress',
        description: checking,
        ...this.statusUrls(facts)
      })
      this.ctx.log(`deploy-guard: Deployment ${this.tracked.id} (${this.environment}) is in progress`)
    } catch (error) {
      this.ctx.warn(failure(error, doing))
    }
  }

  async finish(result: RunResult): Promise<void> {
    let doing = `record the verdict on a Deployment of environment '${this.environment}'`
    try {
      const facts = this.runFacts()
      if (!facts.sha && !this.tracked && this.ctx.command !== 'rollback') return // start said why
      const octokit = await this.octokit()
      const repo: RepoRef = { owner: facts.owner, repo: facts.repo }
      const state = finalState(result)
      const said = headline(result, { maxPartChars: 200 })
      const restored = restoredPrevious(result)
      const text = description(
        `${result.dryRun ? '[dry run] ' : ''}${result.command} ${result.verdict}${restored ? ', rolled back' : ''}${said.cause ? ` — ${said.cause}` : ''}`
      )
      const status = { state, description: text, ...this.statusUrls(facts) }
      const ids: number[] = []

      if (this.ctx.command === 'rollback') {
        // Nothing new was deployed: only the restored version's Deployment changes (below).
      } else if (this.tracked && !this.tracked.ours) {
        doing = `update Deployment ${this.tracked.id} (the job's) to ${state}`
        await postStatus(octokit, repo, this.tracked.id, status)
        ids.push(this.tracked.id)
        this.ctx.log(`deploy-guard: Deployment ${this.tracked.id} (${this.environment}) is ${state}`)
      } else if (facts.sha) {
        const started = this.tracked
        doing = `create the Deployment record for environment '${this.environment}'`
        let finalId: number | undefined
        try {
          finalId = await createDeployment(octokit, repo, {
            ref: facts.sha,
            environment: this.environment,
            description: text,
            payload: finalPayload(result, this.identity(facts))
          })
        } catch (error) {
          // The status matters more than the payload: fall back to the Deployment made at start.
          if (!started) throw error
          this.ctx.warn(failure(error, doing))
        }
        const target = finalId ?? started!.id
        doing = `mark Deployment ${target} ${state}`
        await postStatus(octokit, repo, target, status)
        ids.push(target)
        this.ctx.log(
          `deploy-guard: Deployment ${target} (${this.environment}) is ${state}${finalId ? ', with the run’s record in its payload' : ''}`
        )
        if (finalId && started) {
          doing = `retire Deployment ${started.id} (replaced by ${finalId}, which holds the record)`
          ids.push(started.id)
          await retireDeployment(
            octokit,
            repo,
            started.id,
            description(`replaced by Deployment ${finalId}, which holds this run's record`)
          )
        }
      } else {
        return
      }

      if (restored) {
        doing = `make the previous Deployment of environment '${this.environment}' current again after the rollback`
        const manual = this.ctx.command === 'rollback'
        const previous = await findPreviousGood(octokit, repo, this.environment, ids, restoredImages(result), manual)
        if (!previous) {
          this.ctx.log(
            `deploy-guard: no earlier successful Deployment of '${this.environment}'${manual ? ' records the restored images' : ''}; none marked current again after the rollback`
          )
          return
        }
        await postStatus(octokit, repo, previous.id, {
          state: 'success',
          description: description(
            manual
              ? 'live again: restored by a deploy-guard rollback'
              : `live again: deploy-guard rolled back ${(facts.sha ?? '').slice(0, 12)}`
          ),
          ...this.statusUrls(facts),
          autoInactive: true
        })
        this.ctx.log(
          `deploy-guard: Deployment ${previous.id} (${previous.sha.slice(0, 12)}) of '${this.environment}' is current again after the rollback`
        )
      }
    } catch (error) {
      this.ctx.warn(failure(error, doing))
    }
  }
}
