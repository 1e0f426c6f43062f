/**
 * Places a run's record goes beyond the step's own (summary, outputs, log, JSON record): the sticky PR
 * comment, GitHub Deployment statuses, the versions file, a webhook. Each is one RunSurface, opened by a
 * factory from the config; publishReports finishes each on its own, guarded — a surface that cannot be
 * written is a warning with the fix, never a changed verdict. Adding a surface is one factory below.
 *
 * Every surface receives the result already redacted; text it renders from outside still goes through
 * src/report/escape.ts.
 */
import type { DeployGuardConfig } from '../config/types.js'
import type { CommandName, RunResult } from '../model/result.js'

export interface SurfaceContext {
  config: DeployGuardConfig
  command: CommandName
  /** The runner's environment (GITHUB_*), for the event, repository, run URL and API URL. */
  env: NodeJS.ProcessEnv
  /** The `github-token` input ('' when unset). Never printed: the redactor knows it. */
  githubToken: string
  log(line: string): void
  warn(message: string): void
  /** Aborted when the job is cancelled. */
  signal: AbortSignal
}

export interface RunSurface {
  /** For warnings: `the PR comment`. */
  name: string
  /** Before the command runs (a Deployment goes `in_progress`). */
  start?(at: Date): Promise<void>
  /** After the run, with the (redacted) result; may return outputs of its own (e.g. `versions-file`). */
  finish(result: RunResult, recordPath: string): Promise<Record<string, string> | void>
}

export type SurfaceFactory = (ctx: SurfaceContext) => Promise<RunSurface | undefined> | RunSurface | undefined

/**
 * Each factory decides from the config whether its surface applies; loaded lazily by its own module.
 * Surfaces finish in this order: the webhook last, so a slow receiver never delays the GitHub record.
 */
const FACTORIES: SurfaceFactory[] = [
  async (ctx) =>
    ctx.config.records?.versionsFile
      ? (await import('../records/versions-file.js')).versionsFileSurface(ctx)
      : undefined,
  async (ctx) =>
    ctx.config.records?.recordPath ? (await import('../records/record-copy.js')).recordCopySurface(ctx) : undefined,
  // Modules loaded only when the surface may apply: each is start-up cost for every other run.
  async (ctx) =>
    ctx.config.records?.deploymentStatus === true ||
    (ctx.config.records?.deploymentStatus !== false && ctx.config.records?.environment)
      ? (await import('../github/deployment-surface.js')).deploymentSurface(ctx)
      : undefined,
  async (ctx) =>
    ctx.config.records?.commentOnPr === true || (ctx.config.records?.commentOnPr !== false && ctx.githubToken)
      ? (await import('../github/pr-comment-surface.js')).prCommentSurface(ctx)
      : undefined,
  async (ctx) =>
    ctx.config.records?.notifyWebhook ? (await import('../records/notify.js')).notifySurface(ctx) : undefined
]

/** The surfaces that apply to this run; a factory that throws is a warning, not a failed run. */
export async function openSurfaces(
  ctx: SurfaceContext,
  factories: SurfaceFactory[] = FACTORIES
): Promise<RunSurface[]> {
  const surfaces: RunSurface[] = []
  for (const factory of factories) {
    try {
      const surface = await factory(ctx)
      if (surface) surfaces.push(surface)
    } catch (error) {
      ctx.warn(
        `deploy-guard could not set up a report surface: ${error instanceof Error ? error.message : String(error)}`
      )
    }
  }
  return surfaces
}

/** Opens the surfaces that apply and starts each (a Deployment goes in_progress); failures are warnings. */
export async function startSurfaces(
  ctx: SurfaceContext,
  at: Date,
  factories: SurfaceFactory[] = FACTORIES
): Promise<RunSurface[]> {
  const surfaces = await openSurfaces(ctx, factories)
  for (const surface of surfaces) {
    try {
      await surface.start?.(at)
    } catch (error) {
      ctx.warn(
        `deploy-guard could not start ${surface.name}: ${error instanceof Error ? error.message : String(error)}`
      )
    }
  }
  return surfaces
}
