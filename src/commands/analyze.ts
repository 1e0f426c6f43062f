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
  const analysis = await ctx.group('PromQL analysis', () => runConfiguredAnalysis(config, version, ctx))
  const decision = decideVerdict({ targets: [], checks: [], analysis })
  return {
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
}
