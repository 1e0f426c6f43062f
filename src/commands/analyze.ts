/**
 * `analyze`: the PromQL checks alone, as a gate between deploy steps. Needs Kubernetes only to learn
 * the version (the first target's image tag) when queries use {{version}} and none was given.
 */
import type { DeployGuardConfig } from '../config/types.js'
import { decideVerdict } from '../decide/verdict.js'
import type { RunResult } from '../model/result.js'
import type { KubeObject } from '../kube/api.js'
import { readTemplateImages } from '../kube/template-images.js'
import { templateImages } from '../kube/workload/template.js'
import { analysisUsesVersion, runConfiguredAnalysis } from './analysis-step.js'
import type { CommandContext } from './context.js'
import { imageTag } from './version.js'
import { actOnVerdict } from './act-step.js'
import type { TargetToRollBack } from '../act/rollback/orchestrate.js'
import { workloadKindName } from '../kube/workload/kinds.js'
import { inferPreRolloutRevision } from '../decide/pre-rollout.js'
import { ROLLOUT_LOOKBACK_MS } from '../evaluate/events.js'

/** The first target's image tag: from `read` (the first target as already read), else one GET of it. */
async function versionFromCluster(
  config: DeployGuardConfig,
  ctx: CommandContext,
  read: KubeObject | undefined
): Promise<string | undefined> {
  const first = config.targets[0]
  if (!first) return undefined
  try {
    const images = read ? templateImages(read) : await readTemplateImages(await ctx.kube(), first)
    const image = Object.values(images).find(Boolean)
    return image ? imageTag(image) : undefined
  } catch (error) {
    ctx.warn(
      `could not read the version from ${first.kind}/${first.name}: ${error instanceof Error ? error.message : String(error)}`
    )
    return undefined
  }
}

export async function runAnalyze(config: DeployGuardConfig, ctx: CommandContext): Promise<RunResult> {
  const startedAt = ctx.now()
  // The targets as they are when the analysis starts: what the verdict is about, for the rollback's guards.
  const atStart =
    config.rollback.onFailure || config.rollback.onInconclusive
      ? await targetsAtStart(config, ctx, startedAt)
      : { targets: [] }
  const needsVersion = analysisUsesVersion(config.analysis)
  const version = config.version ?? (needsVersion ? await versionFromCluster(config, ctx, atStart.first) : undefined)
  const analysis = await ctx.group('PromQL analysis', () => runConfiguredAnalysis(config, version, ctx))
  const decision = decideVerdict({ targets: [], checks: [], analysis })
  const result: RunResult = {
    command: 'analyze',
    startedAt: startedAt.toISOString(),
    finishedAt: ctx.now().toISOString(),
    verdict: decision.verdict,
    action: 'none',
    reasons: decision.verdict === 'passed' ? [] : decision.reasons.length ? decision.reasons : analysis.reasons,
    dryRun: config.dryRun,
    targets: [],
    checks: [],
    analysis
  }
  return actOnVerdict(result, config, ctx, atStart.targets)
}

/**
 * Reads each target once before the analysis: the state judged and the revision before its rollout,
 * and the first target's object (its image tag is the version when none is given).
 */
async function targetsAtStart(
  config: DeployGuardConfig,
  ctx: CommandContext,
  startedAt: Date
): Promise<{ targets: TargetToRollBack[]; first?: KubeObject }> {
  if (config.targets.length === 0) return { targets: [] }
  const { readWorkload } = await import('../act/rollback/orchestrate.js')
  const targets: TargetToRollBack[] = []
  let first: KubeObject | undefined
  for (const [index, ref] of config.targets.entries()) {
    const kind = workloadKindName(ref.kind, ref.apiVersion)
    try {
      const read = kind ? await readWorkload(await ctx.kube(), kind, ref) : undefined
      if (index === 0) first = read?.object
      const preRollout = read
        ? inferPreRolloutRevision({
            current: read.revisions.current,
            history: read.revisions.history,
            verifyStartedAt: startedAt,
            lookbackMs: ROLLOUT_LOOKBACK_MS
          })
        : undefined
      targets.push({ ref, ...(read ? { judged: read.revisions.state } : {}), ...(preRollout ? { preRollout } : {}) })
    } catch (error) {
      ctx.warn(
        `could not read ${ref.kind}/${ref.name} before the analysis: ${error instanceof Error ? error.message : String(error)}`
      )
      targets.push({ ref })
    }
  }
  return { targets, ...(first ? { first } : {}) }
}
