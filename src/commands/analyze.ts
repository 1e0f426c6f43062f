/**
 * `analyze`: the PromQL checks alone, as a gate between deploy steps. Needs Kubernetes only to learn
 * the version (the first target's image tag) when queries use {{version}} and none was given.
 */
import type { DeployGuardConfig } from '../config/types.js'
import { decideVerdict } from '../decide/verdict.js'
import type { RunResult } from '../model/result.js'
import { readTemplateImages } from '../kube/template-images.js'
import { analysisUsesVersion, runConfiguredAnalysis } from './analysis-step.js'
import type { CommandContext } from './context.js'
import { imageTag } from './version.js'
import { actOnVerdict } from './act-step.js'
import type { TargetToRollBack } from '../act/rollback/orchestrate.js'
import { workloadKindName } from '../kube/workload/kinds.js'
import { inferPreRolloutRevision } from '../decide/pre-rollout.js'
import { ROLLOUT_LOOKBACK_MS } from '../evaluate/events.js'

async function versionFromCluster(config: DeployGuardConfig, ctx: CommandContext): Promise<string | undefined> {
  const first = config.targets[0]
  if (!first) return undefined
  try {
    const images = await readTemplateImages(await ctx.kube(), first)
    const image = Object.values(images)[0]
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
  const needsVersion = analysisUsesVersion(config.analysis)
  const version = config.version ?? (needsVersion ? await versionFromCluster(config, ctx) : undefined)
  // The targets as they are when the analysis starts: what the verdict is about, for the rollback's guards.
  const rollbackTargets =
    config.rollback.onFailure || config.rollback.onInconclusive ? await targetsAtStart(config, ctx, startedAt) : []
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
  return actOnVerdict(result, config, ctx, rollbackTargets)
}

/** Reads each target once before the analysis: the state judged and the revision before its rollout. */
async function targetsAtStart(
  config: DeployGuardConfig,
  ctx: CommandContext,
  startedAt: Date
): Promise<TargetToRollBack[]> {
  if (config.targets.length === 0) return []
  const { readWorkload } = await import('../act/rollback/orchestrate.js')
  const targets: TargetToRollBack[] = []
  for (const ref of config.targets) {
    const kind = workloadKindName(ref.kind, ref.apiVersion)
    try {
      const read = kind ? await readWorkload(await ctx.kube(), kind, ref) : undefined
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
  return targets
}
