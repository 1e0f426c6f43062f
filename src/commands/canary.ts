/**
 * `canary`: takes a new version from a few percent of traffic to all of it, judging it at every step
 * (its pods' health, the PromQL checks over the pause, the baseline judge), and promotes or aborts as
 * the pure step machine (src/canary/step-machine.ts) decides. This file is the flow; each part has its
 * own file: canary-setup (workloads, routing, resume), canary-steps (one step), canary-abort (restore
 * and clean-up, also on cancel), canary-promote, canary-resume (manual pause). Only src/act/ writes.
 *
 * The stable Deployment is targets[0]; the canary an existing Deployment (canary.workload, default
 * `<stable>-canary`) or one made from the stable with the `image` input. `strategy: blueGreen` is its
 * own flow (./blue-green.ts).
 */
import { canaryConfigHash, type PausedCanary } from '../canary/pause-state.js'
import { weightAt, type StepDecision } from '../canary/step-machine.js'
import { canaryNames } from '../canary/traffic-plan.js'
import type { DeployGuardConfig } from '../config/types.js'
import type { AnalysisResult, RunResult, Verdict } from '../model/result.js'
import { abortCanary } from './canary-abort.js'
import { promote } from './canary-promote.js'
import { findPause, savePause } from './canary-resume.js'
import { errorText, stableVerdict, type CanaryRun } from './canary-run.js'
import { setUpCanary } from './canary-setup.js'
import { runStep, type StepOutcome } from './canary-steps.js'
import type { CommandContext } from './context.js'

type Finish = (
  verdict: Verdict,
  action: RunResult['action'],
  reasons: string[],
  extra?: Partial<RunResult>
) => RunResult

export async function runCanary(config: DeployGuardConfig, ctx: CommandContext): Promise<RunResult> {
  if (config.canary?.strategy === 'blueGreen') return (await import('./blue-green.js')).runBlueGreen(config, ctx)
  const startedAt = ctx.now().toISOString()
  const finish: Finish = (verdict, action, reasons, extra = {}) => ({
    command: 'canary',
    startedAt,
    dryRun: config.dryRun,
    targets: [],
    checks: [],
    ...extra,
    finishedAt: ctx.now().toISOString(),
    verdict,
    action,
    reasons
  })
  const target = config.targets[0]
  const names = canaryNames(config.canary, { name: target?.name ?? '', namespace: target?.namespace ?? 'default' })
  const api = await ctx.kube()
  const hash = canaryConfigHash(config.canary, names)
  const resume = config.canary?.resume ?? 'start'
  let paused: PausedCanary | undefined
  try {
    const found = await findPause(api, names.namespace, names.canary)
    if (found && 'problem' in found) return finish('inconclusive', 'none', [found.problem])
    paused = found
  } catch (error) {
    return finish('inconclusive', 'none', [`canary not started: ${errorText(error)}`])
  }
  if (paused && paused.configHash !== hash)
    return finish('inconclusive', 'none', [
      `the canary ${names.canary} was paused by a run with another canary config (steps, traffic or workloads differ): resume with the config it paused with; nothing was changed`
    ])
  if (!paused && resume === 'abort')
    return finish('passed', 'none', [
      `no paused canary on Deployment ${names.namespace}/${names.canary}: nothing to abort`
    ])
  // An approval gate is only as good as the runs that respect it: neither a new run nor a re-run of the
  // first job may go past a pause, and a resume with nothing to resume is a mistake, not a new canary.
  if (paused && resume === 'start')
    return finish('inconclusive', 'none', [
      `the canary ${names.canary} is paused for approval before step ${paused.nextStep + 1}: resume it with canary-resume: continue once approved, or canary-resume: abort; nothing was changed`
    ])
  if (!paused && resume === 'continue')
    return finish('inconclusive', 'none', [
      `canary-resume: continue, but no canary is paused on Deployment ${names.namespace}/${names.canary}: nothing was started (use canary-resume: start for a new canary)`
    ])
  let setup: Awaited<ReturnType<typeof setUpCanary>>
  try {
    setup = await setUpCanary(config, ctx, api, names, paused)
  } catch (error) {
    return finish('inconclusive', 'none', [`canary not started: ${errorText(error)}`])
  }
  const { run, left } = setup
  const aborted = async (verdict: Verdict, reasons: string[], extra: Partial<RunResult> = {}): Promise<RunResult> => {
    const problems = await abortCanary(run)
    run.report.state = 'aborted'
    return finish(verdict, 'aborted', [...reasons, ...left, ...problems, ...(await stableAfterAbort(run))], {
      canary: run.report,
      ...extra
    })
  }
  if (paused && left.length > 0) {
    ctx.log(`aborting: the routing changed during the pause`)
    return aborted('inconclusive', [
      `the canary paused before step ${paused.nextStep + 1} was not resumed: someone changed its routing during the pause`
    ])
  }
  if (paused && resume === 'abort') {
    ctx.log(`aborting the canary paused before step ${paused.nextStep + 1} (canary-resume: abort)`)
    return aborted('failed', [
      `the paused canary was aborted (canary-resume: abort) before step ${paused.nextStep + 1}`
    ])
  }
  return drive(run, paused, hash, finish, aborted)
}

/** The steps from the first (or the paused one's next), then promotion or abort. */
async function drive(
  run: CanaryRun,
  paused: PausedCanary | undefined,
  hash: string,
  finish: Finish,
  aborted: (verdict: Verdict, reasons: string[], extra?: Partial<RunResult>) => Promise<RunResult>
): Promise<RunResult> {
  const { config, ctx, names, report } = run
  const steps = config.canary?.steps ?? []
  ctx.log(
    `canary ${names.canary} vs stable ${names.stable} in ${names.namespace} (${run.state.kind} router): ${steps.length} step(s), version ${run.version ?? 'unknown'}` +
      (paused ? `, resuming at step ${paused.nextStep + 1}` : '')
  )
  let last: StepOutcome | undefined
  // The summary and outputs show the last analysis that ran (a final step without a pause runs none).
  let lastAnalysis: AnalysisResult | undefined
  const extra = (): Partial<RunResult> => ({
    canary: report,
    targets: last?.health ? [last.health] : [],
    ...(lastAnalysis ? { analysis: lastAnalysis } : {})
  })
  const cancelled = (at: number): string =>
    `the job was cancelled at step ${at + 1} of ${steps.length}: the routing was put back and the canary retired`
  for (let index = paused?.nextStep ?? 0; index < steps.length; index++) {
    try {
      last = await ctx.group(`Canary step ${index + 1} of ${steps.length} (weight ${weightAt(steps, index)} %)`, () =>
        runStep(run, index)
      )
    } catch (error) {
      const reason = ctx.signal.aborted ? cancelled(index) : `step ${index + 1} of ${steps.length}: ${errorText(error)}`
      ctx.log(`aborting: ${reason}`)
      if (config.dryRun) return finish('inconclusive', 'none', [reason], extra())
      return aborted('inconclusive', [reason], extra())
    }
    if (ctx.signal.aborted && !config.dryRun) return aborted('inconclusive', [cancelled(index)], extra())
    run.analysedBefore ||= last.analysis?.verdict === 'passed'
    lastAnalysis = last.analysis ?? lastAnalysis
    if (last.decision.action === 'pause') {
      const { next, reason } = last.decision
      if (config.dryRun) return finish('passed', 'none', [`dry run: would pause for approval — ${reason}`], extra())
      try {
        await savePause(run, hash, next)
      } catch (error) {
        return aborted('inconclusive', [`could not save the paused state: ${errorText(error)}`], extra())
      }
      return finish('passed', 'paused', [reason], extra())
    }
    if (last.decision.action !== 'advance') break
  }
  const decision = last?.decision ?? approvedAtEnd(run, paused, steps.length)
  if (!decision || decision.action === 'abort' || decision.action === 'hold' || decision.action === 'pause') {
    const verdict = decision?.action === 'abort' ? decision.verdict : 'inconclusive'
    const reason = decision?.reason ?? 'no canary steps are configured'
    if (config.dryRun) return finish(verdict, 'none', [`dry run: would abort — ${reason}`], extra())
    ctx.log(`aborting: ${reason}`)
    return aborted(verdict, [reason], extra())
  }
  if (config.dryRun) return finish('passed', 'none', [], extra())
  ctx.log(`promoting: ${decision.reason}`)
  const promoted = await ctx.group('Promotion', () => promote(run))
  report.state = promoted.action === 'promoted' ? 'promoted' : 'aborted'
  return finish(promoted.verdict, promoted.action, promoted.reasons, extra())
}

/** A canary paused at its last step and approved: promote, if some step's analysis ran and passed. */
function approvedAtEnd(run: CanaryRun, paused: PausedCanary | undefined, steps: number): StepDecision | undefined {
  if (!paused || paused.nextStep < steps) return undefined
  return run.analysedBefore
    ? { action: 'promote', reason: `approved after all ${steps} step(s) passed` }
    : {
        action: 'abort',
        verdict: 'inconclusive',
        reason: 'no step ran the analysis: a canary is never promoted on pod health alone'
      }
}

/**
 * After an abort the stable must carry the traffic again: its health, as a reason when it is not
 * healthy. Skipped when the job was cancelled (the run's client no longer answers) or in a dry run.
 */
async function stableAfterAbort(run: CanaryRun): Promise<string[]> {
  if (run.ctx.signal.aborted || run.config.dryRun) return []
  const { verdict, reasons } = await stableVerdict(run)
  run.ctx.log(`stable ${run.names.stable} after the abort: ${verdict}`)
  if (verdict === 'passed') {
    run.report.writes.push(`stable ${run.names.stable} verified healthy`)
    return []
  }
  return [`the stable ${run.names.stable} is ${verdict} after the abort: check it (${reasons[0] ?? 'see its checks'})`]
}
