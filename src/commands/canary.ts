/**
 * `canary` (replicas router): shifts traffic to the canary Deployment step by step, judges it at
 * every step (its pods' health, then the PromQL checks over the step's pause), and promotes or aborts
 * as the pure step machine (src/canary/step-machine.ts) decides. Abort puts the routing back exactly
 * as found and scales the canary to zero; promotion gives the stable Deployment the canary's pod
 * spec, waits for its rollout, and scales the canary to zero. Only src/act/ writes to the cluster.
 */
import { routerFor, type RouterState, type ReplicasTrafficSpec } from '../act/traffic/index.js'
import { decideStep, stepRunsAnalysis, weightAt, type StepDecision } from '../canary/step-machine.js'
import { analysisForStep } from '../canary/step-analysis.js'
import type { CanaryConfig, DeployGuardConfig } from '../config/types.js'
import { formatDuration } from '../config/duration.js'
import { decideVerdict } from '../decide/verdict.js'
import type { KubeApi } from '../kube/api.js'
import { readTemplateImages } from '../kube/template-images.js'
import type { CanaryReport, CanaryStepReport } from '../model/canary.js'
import type { AnalysisResult, RunResult, TargetRef, TargetResult, Verdict } from '../model/result.js'
import { sleep } from '../util/sleep.js'
import { verifyWorkload } from '../verify/workload.js'
import { runConfiguredAnalysis } from './analysis-step.js'
import { runStepJudge, type StepJudgeReport } from './canary-judge.js'
import type { CommandContext } from './context.js'
import { imageTag } from './version.js'

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** The replicas router's spec from `canary.traffic.replicas`, or why it cannot be used. */
export function replicasSpec(canary: CanaryConfig | undefined, namespace: string): ReplicasTrafficSpec | string {
  const replicas = canary?.traffic?.replicas
  if (!replicas) return 'canary.traffic.replicas is required: { canary: <Deployment>, stable: <Deployment> }'
  const { canary: canaryName, stable } = replicas
  if (typeof canaryName !== 'string' || typeof stable !== 'string')
    return 'canary.traffic.replicas needs canary and stable Deployment names'
  return { kind: 'replicas', namespace, stable, canary: canaryName }
}

interface Run {
  config: DeployGuardConfig
  ctx: CommandContext
  api: KubeApi
  spec: ReplicasTrafficSpec
  version: string | undefined
  /** The stable's version (its image tag): the judge's baseline track unless configured. */
  stableVersion: string | undefined
  report: CanaryReport
}

/** Verifies the canary workload at the current weight (its own pods only: no expectations, smoke or GitOps). */
async function canaryHealth(run: Run): Promise<TargetResult> {
  const ref: TargetRef = { kind: 'Deployment', name: run.spec.canary, namespace: run.spec.namespace }
  return verifyWorkload(
    run.api,
    ref,
    { ...run.config.verify, expect: {} },
    {
      startedAt: run.ctx.now(),
      log: run.ctx.log,
      signal: run.ctx.signal
    }
  )
}

interface StepOutcome {
  decision: StepDecision
  health: TargetResult | undefined
  analysis: AnalysisResult | undefined
}

async function runStep(run: Run, state: RouterState, index: number, analysedBefore: boolean): Promise<StepOutcome> {
  const { config, ctx } = run
  const steps = config.canary?.steps ?? []
  const step = steps[index]!
  const startedAt = ctx.now().toISOString()
  const weight = weightAt(steps, index)
  if (config.dryRun) ctx.log(`dry run: would set the canary weight to ${weight} %`)
  else if (step.weight !== undefined) {
    await routerFor('replicas').setWeight(run.api, state, step.weight)
    ctx.log(`weight ${weight} % set (effective ${state.effectiveWeight.toFixed(1)} % of the pods on the canary)`)
  }
  const health = config.dryRun ? undefined : await canaryHealth(run)
  const healthVerdict: Verdict | 'skipped' = health
    ? decideVerdict({ targets: [health], checks: [] }).verdict
    : 'skipped'
  ctx.log(`canary health: ${healthVerdict}`)
  let analysis: AnalysisResult | undefined
  let judge: StepJudgeReport | undefined
  if (healthVerdict !== 'failed' && stepRunsAnalysis(step) && config.analysis) {
    const measuredSince = ctx.now()
    const stepConfig = { ...config, analysis: analysisForStep(config.analysis, step.pause) }
    analysis = await runConfiguredAnalysis(stepConfig, run.version, ctx)
    ctx.log(`analysis: ${analysis.verdict}`)
    if (analysis.verdict !== 'failed')
      judge = await runStepJudge({
        config,
        ctx,
        versions: { canary: run.version, baseline: run.stableVersion },
        since: measuredSince
      })
  } else if (step.pause && healthVerdict !== 'failed') {
    ctx.log(`pausing ${formatDuration(step.pause)} (this step runs no analysis)`)
    await sleep(step.pause, ctx.signal)
  }
  const verdict = decideVerdict({ targets: health ? [health] : [], checks: [], analysis })
  // A marginal score's reason comes from the step machine (whether it may go on depends on later steps).
  const judgeReasons =
    judge && judge.outcome !== 'pass' && judge.outcome !== 'marginal' ? [`baseline judge: ${judge.reason}`] : []
  const decision = decideStep(
    steps,
    {
      health: healthVerdict,
      analysis: analysis?.verdict ?? 'skipped',
      judge: judge?.outcome ?? 'skipped',
      reasons: [...verdict.reasons, ...judgeReasons]
    },
    {
      index,
      canHold: false,
      analysedBefore,
      laterJudgement: config.canary?.judge !== undefined && steps.slice(index + 1).some(stepRunsAnalysis)
    }
  )
  const stepReport: CanaryStepReport = {
    number: index + 1,
    ...(step.weight !== undefined ? { weight: step.weight } : {}),
    ...(config.dryRun ? {} : { effectiveWeight: state.effectiveWeight }),
    ...(step.pause !== undefined ? { pause: step.pause } : {}),
    health: healthVerdict,
    analysis: analysis?.verdict ?? 'skipped',
    ...(judge ? { judge } : {}),
    decision: decision.action,
    reason: decision.reason,
    startedAt,
    finishedAt: ctx.now().toISOString()
  }
  run.report.steps.push(stepReport)
  ctx.log(`step ${index + 1}: ${decision.action} — ${decision.reason}`)
  return { decision, health, analysis }
}

/** Abort: the routing exactly as found, then the canary at zero. Returns what could not be done. */
async function abort(run: Run, state: RouterState): Promise<string[]> {
  const problems: string[] = []
  try {
    await routerFor('replicas').restore(run.api, state)
    run.report.writes.push(`routing restored: ${run.spec.stable} and ${run.spec.canary} back to their replicas`)
  } catch (error) {
    problems.push(`could not restore the routing: ${errorText(error)}`)
  }
  await scaleCanaryDown(run, problems)
  return problems
}

async function scaleCanaryDown(run: Run, problems: string[]): Promise<void> {
  const { scaleToZero } = await import('../act/promote.js')
  try {
    if (await scaleToZero(run.api, run.spec.namespace, run.spec.canary))
      run.report.writes.push(`canary ${run.spec.canary} scaled to 0`)
  } catch (error) {
    problems.push(`could not scale the canary ${run.spec.canary} to 0: ${errorText(error)}`)
  }
}

/** Promotion: stable gets the canary's pod spec and its replicas back, rolls out, then the canary goes to zero. */
async function promote(
  run: Run,
  state: RouterState
): Promise<{ verdict: Verdict; action: 'promoted' | 'aborted'; reasons: string[] }> {
  const { promoteCanaryTemplate } = await import('../act/promote.js')
  const stableReplicas = state.objects[0]!.original.spec as { replicas?: number } | undefined
  const replicas = (stableReplicas?.replicas ?? 1) + canaryOriginal(state)
  try {
    await promoteCanaryTemplate(run.api, run.spec.namespace, run.spec.stable, run.spec.canary, replicas)
  } catch (error) {
    // Not promoted: leave nothing half-done, as an abort would.
    const problems = await abort(run, state)
    return { verdict: 'failed', action: 'aborted', reasons: [`promotion failed: ${errorText(error)}`, ...problems] }
  }
  run.report.writes.push(`stable ${run.spec.stable} given the canary's pod spec, ${replicas} replica(s)`)
  run.ctx.log(`promoted: waiting for ${run.spec.stable} to roll out`)
  const ref: TargetRef = { kind: 'Deployment', name: run.spec.stable, namespace: run.spec.namespace }
  const rollout = await verifyWorkload(
    run.api,
    ref,
    { ...run.config.verify, expect: {} },
    {
      startedAt: run.ctx.now(),
      log: run.ctx.log,
      signal: run.ctx.signal
    }
  )
  const verdict = decideVerdict({ targets: [rollout], checks: [] })
  if (verdict.verdict !== 'passed') {
    // The canary keeps serving while the promoted stable is not healthy.
    return {
      verdict: verdict.verdict,
      action: 'promoted',
      reasons: [`the promoted ${run.spec.stable} is not healthy`, ...verdict.reasons]
    }
  }
  const problems: string[] = []
  await scaleCanaryDown(run, problems)
  return { verdict: problems.length ? 'inconclusive' : 'passed', action: 'promoted', reasons: problems }
}

function canaryOriginal(state: RouterState): number {
  const spec = state.objects[1]!.original.spec as { replicas?: number } | undefined
  return spec?.replicas ?? 1
}

/** The version a Deployment runs: its first container's image tag (for {{version}} and the judge's tracks). */
async function imageVersion(api: KubeApi, namespace: string, name: string, ctx: CommandContext) {
  try {
    const images = await readTemplateImages(api, { kind: 'Deployment', name, namespace })
    const image = Object.values(images)[0]
    return image ? imageTag(image) : undefined
  } catch (error) {
    ctx.warn(`could not read the version of Deployment/${name}: ${errorText(error)}`)
    return undefined
  }
}

export async function runCanary(config: DeployGuardConfig, ctx: CommandContext): Promise<RunResult> {
  const startedAt = ctx.now()
  const namespace = config.targets[0]?.namespace ?? 'default'
  const base: Omit<RunResult, 'verdict' | 'action' | 'reasons'> = {
    command: 'canary',
    startedAt: startedAt.toISOString(),
    finishedAt: startedAt.toISOString(),
    dryRun: config.dryRun,
    targets: [],
    checks: []
  }
  const finish = (
    verdict: Verdict,
    action: RunResult['action'],
    reasons: string[],
    extra: Partial<RunResult> = {}
  ) => ({
    ...base,
    ...extra,
    finishedAt: ctx.now().toISOString(),
    verdict,
    action,
    reasons
  })
  const spec = replicasSpec(config.canary, namespace)
  if (typeof spec === 'string') return finish('inconclusive', 'none', [spec])
  const api = await ctx.kube()
  let state: RouterState
  try {
    state = await routerFor('replicas').prepare(api, spec)
  } catch (error) {
    return finish('inconclusive', 'none', [`canary not started: ${errorText(error)}`])
  }
  const steps = config.canary?.steps ?? []
  const report: CanaryReport = {
    router: 'replicas',
    namespace,
    stable: spec.stable,
    canary: spec.canary,
    steps: [],
    plannedSteps: steps.length,
    writes: []
  }
  const run: Run = {
    config,
    ctx,
    api,
    spec,
    report,
    version: config.version ?? (await imageVersion(api, namespace, spec.canary, ctx)),
    stableVersion: config.canary?.judge ? await imageVersion(api, namespace, spec.stable, ctx) : undefined
  }
  ctx.log(
    `canary ${spec.canary} vs stable ${spec.stable} in ${namespace}: ${steps.length} step(s), version ${run.version ?? 'unknown'}`
  )
  let analysedBefore = false
  let last: StepOutcome | undefined
  // The summary and outputs show the last analysis that ran (a final step without a pause runs none).
  let lastAnalysis: AnalysisResult | undefined
  for (let index = 0; index < steps.length; index++) {
    try {
      last = await ctx.group(`Canary step ${index + 1} of ${steps.length} (weight ${weightAt(steps, index)} %)`, () =>
        runStep(run, state, index, analysedBefore)
      )
    } catch (error) {
      const reason = `step ${index + 1} of ${steps.length}: ${errorText(error)}`
      ctx.log(`aborting: ${reason}`)
      const problems = config.dryRun ? [] : await abort(run, state)
      return finish('inconclusive', config.dryRun ? 'none' : 'aborted', [reason, ...problems], { canary: report })
    }
    analysedBefore ||= last.analysis?.verdict === 'passed'
    lastAnalysis = last.analysis ?? lastAnalysis
    if (last.decision.action !== 'advance') break
  }
  const extra: Partial<RunResult> = {
    canary: report,
    targets: last?.health ? [last.health] : [],
    ...(lastAnalysis ? { analysis: lastAnalysis } : {})
  }
  const decision = last?.decision
  if (!decision || decision.action === 'abort' || decision.action === 'hold') {
    const verdict = decision?.action === 'abort' ? decision.verdict : 'inconclusive'
    const reason = decision?.reason ?? 'no canary steps are configured'
    if (config.dryRun) return finish(verdict, 'none', [`dry run: would abort — ${reason}`], extra)
    ctx.log(`aborting: ${reason}`)
    const problems = await abort(run, state)
    return finish(verdict, 'aborted', [reason, ...problems], extra)
  }
  if (config.dryRun) return finish('passed', 'none', [], extra)
  ctx.log(`promoting: ${decision.reason}`)
  const promoted = await ctx.group('Promotion', () => promote(run, state))
  return finish(promoted.verdict, promoted.action, promoted.reasons, extra)
}
