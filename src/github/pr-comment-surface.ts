/**
 * The sticky PR comment as a record surface: after the run, find the PR, find our comment for this
 * environment + target set, and create or update it. Whatever GitHub answers, the deploy's verdict
 * stands: every failure is one warning naming the fix, and a run without a PR says so in the log.
 */
import type { RunResult } from '../model/result.js'
import { commentMarker, renderPrComment } from '../report/pr-comment.js'
import type { RunSurface, SurfaceContext } from '../report/surfaces.js'
import { surfaceClient, type GitHubOctokit } from './client.js'
import { findOwnComment, tokenIdentity, upsertComment } from './comment.js'
import { describeGitHubFailure } from './errors.js'
import { findPullRequest, readEventPayload, runFacts } from './pr.js'

/** Options for tests (a faster retry policy); production uses the defaults. */
export interface PrCommentSurfaceOptions {
  createClient?: (ctx: SurfaceContext) => Promise<GitHubOctokit>
  /** Replaces the verdict block with a cause-first headline (Markdown, escaped). */
  headline?: (result: RunResult) => string | undefined
}

/** The surface, when `comment-on-pr` is not `false` and there is a token. */
export function prCommentSurface(ctx: SurfaceContext, options: PrCommentSurfaceOptions = {}): RunSurface | undefined {
  const mode = ctx.config.records?.commentOnPr ?? 'auto'
  if (mode === false) return undefined
  // `auto` stays silent where no comment could be meant: no token (the action's default is the job's
  // token, so only a run outside Actions or one that cleared it), or no repository (not in Actions).
  if (!ctx.githubToken) {
    if (mode === true)
      ctx.warn(
        'deploy-guard cannot comment on the PR: the `github-token` input is empty; pass `github-token: ${{ github.token }}`'
      )
    return undefined
  }
  if (mode === 'auto' && !ctx.env.GITHUB_REPOSITORY) return undefined
  return {
    name: 'the PR comment',
    finish: (result) => postComment(ctx, result, options)
  }
}

async function postComment(ctx: SurfaceContext, result: RunResult, options: PrCommentSurfaceOptions): Promise<void> {
  let step = { doing: 'find the pull request of this run', permission: 'pull-requests: read' }
  try {
    const facts = runFacts(ctx.env, readEventPayload(ctx.env))
    const octokit = await (options.createClient ?? surfaceClient)(ctx)
    const pr = await findPullRequest(octokit, facts, ctx.config.records?.prNumber)
    if (pr.number === undefined) {
      ctx.log(`deploy-guard: no pull request for this run (${pr.why}); no PR comment posted`)
      return
    }
    const issue = { owner: facts.owner, repo: facts.repo, issueNumber: pr.number }
    step = { doing: `read the comments of PR #${pr.number}`, permission: 'pull-requests: read' }
    const identity = await tokenIdentity(octokit)
    const environment = ctx.config.records?.environment
    const marker = commentMarker(environment, ctx.config.targets)
    const existing = await findOwnComment(octokit, issue, marker, identity)
    const body = renderPrComment({
      result,
      facts: { environment, runUrl: facts.runUrl, actor: facts.actor, sha: facts.sha, commitUrl: facts.commitUrl },
      marker,
      previousBody: existing?.body,
      headline: options.headline?.(result)
    })
    step = {
      doing: existing ? `update the PR comment on #${pr.number}` : `comment on PR #${pr.number}`,
      permission: 'pull-requests: write'
    }
    const done = await upsertComment(octokit, issue, existing?.id, body)
    const by =
      identity.source === 'assumed' ? ` (as ${identity.login}, assumed: the token could not say who it is)` : ''
    ctx.log(`deploy-guard: ${done.action} the PR comment on #${pr.number}${by}${done.url ? `: ${done.url}` : ''}`)
  } catch (error) {
    ctx.warn(describeGitHubFailure(error, step))
  }
}
