/**
 * The evaluations of a blue-green run, as I/O: green's health (its own pods, as the canary's health
 * is judged), and a gate's analysis — the PromQL checks over the gate's pause, plus the baseline judge
 * before the switch (green against blue). The pure machine (canary/blue-green-machine.ts) decides.
 */
import { analysisForStep } from '../canary/step-analysis.js'
import { decideGate, type Gate, type GateDecision } from '../canary/blue-green-machine.js'
import type { DeployGuardConfig } from '../config/types.js'
import { decideVerdict } from '../decide/verdict.js'
import type { KubeApi } from '../kube/api.js'
import type { AnalysisResult, TargetRef, TargetResult, Verdict } from '../model/result.js'
import { verifyWorkload } from '../verify/workload.js'
import { runConfiguredAnalysis } from './analysis-step.js'
import { runStepJudge, type StepJudgeReport } from './canary-judge.js'
import type { CommandContext } from './context.js'

/** Green's pods at its full count: no expectations, smoke or GitOps (those belong to the target). */
export async function greenHealth(
  api: KubeApi,
  config: DeployGuardConfig,
  ctx: CommandContext,
  green: TargetRef
): Promise<{ target: TargetResult; verdict: Verdict; reasons: string[] }> {
  const target = await verifyWorkload(
    api,
    green,
    { ...config.verify, expect: {} },
    { startedAt: ctx.now(), log: ctx.log, signal: ctx.signal }
  )
  const { verdict, reasons } = decideVerdict({ targets: [target], checks: [] })
  return { target, verdict, reasons }
}

export interface GateResult {
  decision: GateDecision
  analysis: AnalysisResult | undefined
  judge: StepJudgeReport | undefined
}

export async function runGate(
  gate: Gate,
  pause: number | undefined,
  config: DeployGuardConfig,
  ctx: CommandContext,
  versions: { green: string | undefined; blue: string | undefined }
): Promise<GateResult> {
  let analysis: AnalysisResult | undefined
  let judge: StepJudgeReport | undefined
  if (config.analysis) {
    const measuredSince = ctx.now()
    analysis = await runConfiguredAnalysis(
      { ...config, analysis: analysisForStep(config.analysis, pause) },
      versions.green,
      ctx
    )
    ctx.log(`${gate} analysis: ${analysis.verdict}`)
    // After the switch blue serves nothing, so there is no baseline to compare with.
    if (gate === 'pre-promotion' && analysis.verdict !== 'failed')
      judge = await runStepJudge({
        config,
        ctx,
        versions: { canary: versions.green, baseline: versions.blue },
        since: measuredSince
      })
  }
  const judgeReasons = judge && judge.outcome !== 'pass' ? [`baseline judge: ${judge.reason}`] : []
  const decision = decideGate(gate, {
    health: 'skipped',
    analysis: analysis?.verdict ?? 'skipped',
    judge: judge?.outcome ?? 'skipped',
    reasons: [...(analysis && analysis.verdict !== 'passed' ? analysis.reasons : []), ...judgeReasons]
  })
  return { decision, analysis, judge }
}
