/**
 * One canary step's I/O: move the traffic (a weighted router first scales the canary Deployment and
 * waits for its pods; the replicas router's weight is a share of the pods), check the canary's health,
 * run the analysis and the baseline judge over the pause, and ask the pure step machine what next.
 * While the evaluations lack data and `canary.onNoData` is `hold`, the step is evaluated again until
 * its deadline (`canary.stepTimeout`, default twice the pause).
 */
import { scaleDeployment } from '../act/promote.js'
import { routerFor } from '../act/traffic/index.js'
import { analysisForStep } from '../canary/step-analysis.js'
import { decideStep, stepRunsAnalysis, weightAt, type StepDecision } from '../canary/step-machine.js'
import { stepTraffic } from '../canary/traffic-plan.js'
import { formatDuration } from '../config/duration.js'
import { decideVerdict } from '../decide/verdict.js'
import type { CanaryStepReport } from '../model/canary.js'
import type { AnalysisResult, TargetResult, Verdict } from '../model/result.js'
import { sleep } from '../util/sleep.js'
import { runConfiguredAnalysis } from './analysis-step.js'
import { runStepJudge, type StepJudgeReport } from './canary-judge.js'
import { canaryHealth, type CanaryRun } from './canary-run.js'

export interface StepOutcome {
  decision: StepDecision
  health: TargetResult | undefined
  analysis: AnalysisResult | undefined
}

const verdictOf = (health: TargetResult | undefined): Verdict | 'skipped' =>
  health ? decideVerdict({ targets: [health], checks: [] }).verdict : 'skipped'

/** Moves the traffic for step `index`; returns the canary's health when it was already checked (weighted routers). */
async function moveTraffic(run: CanaryRun, index: number): Promise<TargetResult | undefined> {
  const { config, ctx, names, state } = run
  const steps = config.canary?.steps ?? []
  const step = steps[index]!
  const traffic = stepTraffic(step, run.capacity)
  if (config.dryRun) {
    ctx.log(`dry run: would set the canary weight to ${traffic.weight ?? weightAt(steps, index)} %`)
    return undefined
  }
  let health: TargetResult | undefined
  if (traffic.canaryPods !== undefined) {
    // Pods first, traffic after: the canary must be Ready before it gets a share.
    if (await scaleDeployment(run.api, names.namespace, names.canary, traffic.canaryPods))
      ctx.log(`canary ${names.canary} scaled to ${traffic.canaryPods} pod(s)`)
    health = await canaryHealth(run)
    if (verdictOf(health) === 'failed') return health
  }
  if (traffic.weight !== undefined) {
    await routerFor(state.kind).setWeight(run.api, state, traffic.weight)
    const pods = state.kind === 'replicas' ? ' of the pods' : ''
    ctx.log(
      `weight ${traffic.weight.toFixed(traffic.weight % 1 ? 1 : 0)} % set (effective ${state.effectiveWeight.toFixed(1)} %${pods} on the canary)`
    )
  }
  return health
}

interface Evaluation {
  health: TargetResult | undefined
  analysis: AnalysisResult | undefined
  judge: StepJudgeReport | undefined
}

/** Health, then the analysis (and judge) over `pause`, or a plain wait when the step runs none. */
async function evaluate(
  run: CanaryRun,
  index: number,
  pause: number | undefined,
  health: TargetResult | undefined
): Promise<Evaluation> {
  const { config, ctx } = run
  const step = config.canary!.steps![index]!
  const healthVerdict = verdictOf(health)
  ctx.log(`canary health: ${healthVerdict}`)
  if (healthVerdict === 'failed') return { health, analysis: undefined, judge: undefined }
  if (stepRunsAnalysis(step) && config.analysis) {
    const measuredSince = ctx.now()
    const stepConfig = { ...config, analysis: analysisForStep(config.analysis, pause) }
    const analysis = await runConfiguredAnalysis(stepConfig, run.version, ctx)
    ctx.log(`analysis: ${analysis.verdict}`)
    const judge =
      analysis.verdict === 'failed'
        ? undefined
        : await runStepJudge({
            config,
            ctx,
            versions: { canary: run.version, baseline: run.stableVersion },
            since: measuredSince
          })
    return { health, analysis, judge }
  }
  if (pause) {
    ctx.log(`pausing ${formatDuration(pause)} (this step runs no analysis)`)
    await sleep(pause, ctx.signal)
  }
  return { health, analysis: undefined, judge: undefined }
}

export async function runStep(run: CanaryRun, index: number): Promise<StepOutcome> {
  const { config, ctx } = run
  const canary = config.canary!
  const steps = canary.steps ?? []
  const step = steps[index]!
  const startedAt = ctx.now()
  const checked = await moveTraffic(run, index)
  let health = config.dryRun ? undefined : (checked ?? (await canaryHealth(run)))
  // How long the step may hold for data: stepTimeout, else twice its pause.
  const deadline = startedAt.getTime() + (canary.stepTimeout ?? 2 * (step.pause ?? 0))
  const roundMs = config.analysis?.interval ?? 0
  let pause = step.pause
  let holds = 0
  for (;;) {
    const evaluation = await evaluate(run, index, pause, health)
    // A cancelled job's evaluations are all inconclusive: never hold on them (the flow aborts).
    if (ctx.signal.aborted) throw new Error('the job was cancelled')
    const verdict = decideVerdict({ targets: health ? [health] : [], checks: [], analysis: evaluation.analysis })
    const judge = evaluation.judge
    // A marginal score's reason comes from the step machine (whether it may go on depends on later steps).
    const judgeReasons =
      judge && judge.outcome !== 'pass' && judge.outcome !== 'marginal' ? [`baseline judge: ${judge.reason}`] : []
    const remaining = deadline - ctx.now().getTime()
    const decision = decideStep(
      steps,
      {
        health: verdictOf(health),
        analysis: evaluation.analysis?.verdict ?? 'skipped',
        judge: judge?.outcome ?? 'skipped',
        reasons: [...verdict.reasons, ...judgeReasons]
      },
      {
        index,
        canHold: remaining >= Math.max(roundMs, 1),
        analysedBefore: run.analysedBefore,
        laterJudgement: canary.judge !== undefined && steps.slice(index + 1).some(stepRunsAnalysis),
        onNoData: canary.onNoData,
        manual: step.manual === true
      }
    )
    if (decision.action === 'hold') {
      holds++
      ctx.log(`step ${index + 1}: hold — ${decision.reason}; evaluating again (${formatDuration(remaining)} left)`)
      pause = Math.min(step.pause ?? remaining, remaining)
      health = await canaryHealth(run)
      continue
    }
    record(run, index, startedAt, { ...evaluation, health }, decision, holds)
    ctx.log(`step ${index + 1}: ${decision.action} — ${decision.reason}`)
    return { decision, health, analysis: evaluation.analysis }
  }
}

function record(
  run: CanaryRun,
  index: number,
  startedAt: Date,
  evaluation: Evaluation,
  decision: StepDecision,
  holds: number
): void {
  const step = run.config.canary!.steps![index]!
  const report: CanaryStepReport = {
    number: index + 1,
    ...(step.weight !== undefined ? { weight: step.weight } : {}),
    ...(step.replicas !== undefined ? { replicas: step.replicas } : {}),
    ...(run.config.dryRun ? {} : { effectiveWeight: run.state.effectiveWeight }),
    ...(step.pause !== undefined ? { pause: step.pause } : {}),
    ...(step.manual ? { manual: true } : {}),
    ...(holds > 0 ? { holds } : {}),
    health: verdictOf(evaluation.health),
    analysis: evaluation.analysis?.verdict ?? 'skipped',
    ...(evaluation.judge ? { judge: evaluation.judge } : {}),
    decision: decision.action,
    reason: decision.reason,
    startedAt: startedAt.toISOString(),
    finishedAt: run.ctx.now().toISOString()
  }
  run.report.steps.push(report)
}
