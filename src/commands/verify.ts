/**
 * `verify`: did this deploy actually work? For every target (several at once, src/verify/targets.ts):
 * wait for the rollout, then the post-deploy checklist (src/verify/workload.ts); then smoke checks,
 * GitOps/Helm state and, when the config has them, the PromQL checks. The flow only; every detail
 * lives in the modules it calls.
 */
import type { DeployGuardConfig } from '../config/types.js'
import { applyCancellation } from '../decide/cancellation.js'
import { decideAnalysisSkip } from '../decide/skip-analysis.js'
import { decideVerdict } from '../decide/verdict.js'
import { checkGitOps } from '../gitops/index.js'
import type { KubeApi } from '../kube/api.js'
import type { AnalysisResult, CheckResult, RunResult, TargetResult } from '../model/result.js'
import { verifyTargets } from '../verify/targets.js'
import { runConfiguredAnalysis } from './analysis-step.js'
import type { CommandContext } from './context.js'
import { kubeUnavailableTarget } from './kube-failure.js'
import { resolveVersion } from './version.js'
import { actOnVerdict, targetsFromVerify } from './act-step.js'

export async function runVerify(config: DeployGuardConfig, ctx: CommandContext): Promise<RunResult> {
  const startedAt = ctx.now()
  let api: KubeApi | undefined
  let kubeError: unknown
  try {
    api = await ctx.kube()
  } catch (error) {
    kubeError = error
  }

  // Concurrently, a few at a time, each with the whole timeout; results in config order.
  const targets: TargetResult[] = api
    ? await verifyTargets(api, config.targets, config.verify, startedAt, {
        log: (line) => ctx.log(line),
        group: (title, fn) => ctx.group(title, fn),
        signal: ctx.signal
      })
    : config.targets.map((ref) => kubeUnavailableTarget(ref, kubeError))

  const checks: CheckResult[] = []
  if (ctx.signal.aborted) return finish(config, ctx, startedAt, targets, checks, undefined, true)
  if (config.verify.smoke.length > 0) {
    // Loaded only when configured: axios is start-up cost every other run would pay for nothing.
    const { runSmokeCheck } = await import('../smoke/index.js')
    await ctx.group('smoke checks', async () => {
      for (const smoke of config.verify.smoke)
        checks.push(await runSmokeCheck(smoke, { log: (line) => ctx.log(line), signal: ctx.signal }))
    })
  }
  if (api && Object.keys(config.verify.gitops).length > 0) {
    const defaultNamespace = config.targets[0]?.namespace ?? 'default'
    checks.push(...(await ctx.group('GitOps state', () => checkGitOps(api, config.verify.gitops, defaultNamespace))))
  }

  let analysis: AnalysisResult | undefined
  const skip = decideAnalysisSkip(config.analysis?.checks.length ?? 0, targets, config.dryRun)
  if (skip) {
    ctx.log(skip.log)
    checks.push(skip.row)
  } else if (config.analysis && config.analysis.checks.length > 0) {
    const version = resolveVersion(config, targets)
    const starts = targets.flatMap((t) => (t.rolloutStartedAt ? [Date.parse(t.rolloutStartedAt)] : []))
    const deployStartedAt = starts.length > 0 ? new Date(Math.min(...starts)) : undefined
    analysis = await ctx.group('PromQL analysis', () =>
      runConfiguredAnalysis(config, version, ctx, deployStartedAt, { alerts: false })
    )
  }
  // Alerts last, after every target, so they had the rollout (and the analysis window) to fire.
  if (config.alerts && !ctx.signal.aborted) {
    const { verifyAlertRows } = await import('../alerts/index.js')
    const version = resolveVersion(config, targets)
    checks.push(...(await ctx.group('alerts', () => verifyAlertRows(config, ctx, targets, { startedAt, version }))))
  }

  const result = finish(config, ctx, startedAt, targets, checks, analysis, ctx.signal.aborted)
  // act: the rollback policy decides; a cancelled run never starts one.
  return actOnVerdict(result, config, ctx, targetsFromVerify(targets))
}

function finish(
  config: DeployGuardConfig,
  ctx: CommandContext,
  startedAt: Date,
  targets: TargetResult[],
  checks: CheckResult[],
  analysis: AnalysisResult | undefined,
  cancelled: boolean
): RunResult {
  const { verdict, reasons } = applyCancellation(decideVerdict({ targets, checks, analysis }), cancelled)
  return {
    command: 'verify',
    startedAt: startedAt.toISOString(),
    finishedAt: ctx.now().toISOString(),
    verdict,
    action: 'none',
    reasons,
    dryRun: config.dryRun,
    targets,
    checks,
    analysis
  }
}
