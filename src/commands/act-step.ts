/**
 * The act stage shared by verify and analyze (and later canary): once the verdict is reached, ask the
 * policy whether to roll back (src/decide/action.ts), which targets (src/decide/rollback-scope.ts), and
 * undo each one (src/act/rollback/orchestrate.ts). The result keeps the deploy's verdict — a deploy
 * that had to be rolled back is a failed deploy — and gains the rollback's report.
 */
import type { DeployGuardConfig } from '../config/types.js'
import { decideAction, resolveRollbackPolicy } from '../decide/action.js'
import { key, rollbackScope } from '../decide/rollback-scope.js'
import { decideVerdict } from '../decide/verdict.js'
import type { KubeApi } from '../kube/api.js'
import { withDeadline } from '../kube/deadline-api.js'
import type { RunResult, TargetRef, TargetResult } from '../model/result.js'
import type { RollbackReport, TargetRollbackReport } from '../model/rollback.js'
import type { RollbackSettings, TargetToRollBack } from '../act/rollback/orchestrate.js'
import type { ProgressJournal } from '../act/rollback/journal.js'
import type { CommandContext } from './context.js'

const NO_JOURNAL: ProgressJournal = { record: () => undefined, finished: () => undefined }

/** States in which the undo reached the cluster. */
const LANDED = new Set(['rolled-back', 'rolled-back-unhealthy', 'rolled-back-unverified'])

export function rollbackLanded(report: RollbackReport | undefined): boolean {
  return report?.targets.some((t) => LANDED.has(t.state) && !t.dryRun) ?? false
}

export function rollbackSettings(
  config: DeployGuardConfig,
  trigger: RollbackSettings['trigger'],
  reason: string,
  ctx: CommandContext
): RollbackSettings {
  return {
    to: config.rollback.to,
    trigger,
    dryRun: config.dryRun,
    helm: config.rollback.helm,
    argocd: config.rollback.argocd,
    forceStatefulSet: config.rollback.forceStatefulSet,
    reason,
    ...(ctx.run?.url ? { runUrl: ctx.run.url } : {}),
    ...(config.verify.gitops.argocd?.namespace ? { argocdNamespace: config.verify.gitops.argocd.namespace } : {})
  }
}

/** Rolls the given targets back one after the other, each at most once in the run. */
export async function rollBackTargets(
  api: KubeApi,
  targets: TargetToRollBack[],
  settings: RollbackSettings,
  config: DeployGuardConfig,
  ctx: CommandContext
): Promise<TargetRollbackReport[]> {
  const { rollBackTarget, notStarted } = await import('../act/rollback/orchestrate.js')
  const { verifyWorkload } = await import('../verify/workload.js')
  const kubeconfigPath = await ctx.kubeconfigFile?.()
  const done = new Set<string>()
  const reports: TargetRollbackReport[] = []
  // The restored revision is judged with the workload checklist; smoke, GitOps and PromQL belong to the
  // deploy's verdict (rollback.analysis opts the metrics in; see the README).
  const verifyConfig = { ...config.verify, smoke: [], gitops: {} }
  for (const target of targets) {
    const id = key(target.ref)
    if (done.has(id)) continue
    done.add(id)
    const label = `rollback ${target.ref.kind.toLowerCase()}/${target.ref.name} in ${target.ref.namespace}`
    const report = await ctx.group(label, async () => {
      try {
        return await rollBackTarget(target, settings, {
          // The undo's reads and writes within the step's time budget: an API that stops answering ends
          // the undo as "sent but not confirmed" instead of holding the step for every retry's timeout.
          // (The restored revision's wait below keeps its own deadline, on the unbounded client.)
          api: withDeadline(api, {
            at: Date.now() + verifyConfig.timeout,
            now: Date.now,
            signal: ctx.signal,
            floorMs: 1000
          }),
          journal: ctx.journal ?? NO_JOURNAL,
          log: (line) => ctx.log(line),
          now: () => ctx.now(),
          helmCluster: {
            ...(kubeconfigPath ? { kubeconfigPath } : {}),
            ...(ctx.kubeContext ? { context: ctx.kubeContext } : {}),
            timeoutMs: verifyConfig.timeout,
            signal: ctx.signal
          },
          verifyRestored: async (ref: TargetRef, since: Date) => {
            const result: TargetResult = await verifyWorkload(api, ref, verifyConfig, {
              startedAt: since,
              log: (line) => ctx.log(line),
              signal: ctx.signal
            })
            const judged = await withRestoredAnalysis(result, since, config, ctx)
            const verdict = ctx.signal.aborted ? undefined : decideVerdict({ targets: [judged], checks: [] }).verdict
            return { result: judged, verdict }
          }
        })
      } catch (error) {
        // An API failure before anything was written (reading the workload or its history).
        const message = error instanceof Error ? error.message : String(error)
        return notStarted(
          target.ref,
          `could not read ${target.ref.kind.toLowerCase()}/${target.ref.name} to roll it back: ${message}; nothing was changed`
        )
      }
    })
    ctx.log(report.summary)
    reports.push(report)
  }
  return reports
}

/**
 * `rollback.analysis`: the restored version is also judged by the PromQL checks, with `{{version}}` its
 * own image tag (not the failed deploy's). The analysis becomes one row of the restored checklist.
 */
async function withRestoredAnalysis(
  result: TargetResult,
  since: Date,
  config: DeployGuardConfig,
  ctx: CommandContext
): Promise<TargetResult> {
  const checks = config.analysis?.checks.length ?? 0
  if (!config.rollback.analysis || checks === 0 || ctx.signal.aborted) return result
  if (result.checks.some((c) => c.status === 'failed')) return result
  const { runConfiguredAnalysis } = await import('./analysis-step.js')
  const { resolveVersion } = await import('./version.js')
  const version = resolveVersion({ ...config, version: undefined }, [result])
  // No alerts gate here: alerts the bad version set off keep firing for a while after the rollback,
  // and must not fail the restored version.
  const analysis = await ctx.group('PromQL analysis of the restored version', () =>
    runConfiguredAnalysis(config, version, ctx, since, { alerts: false })
  )
  const row = {
    id: 'restored-analysis',
    title: 'PromQL analysis of the restored version',
    expected: `${checks} metric check(s) pass`,
    actual: analysis.verdict,
    status: analysis.verdict,
    ...(analysis.verdict === 'passed' ? {} : { reason: analysis.reasons[0] ?? `the analysis is ${analysis.verdict}` })
  }
  return { ...result, checks: [...result.checks, row] }
}

/**
 * After a verdict: decide, roll back what the decision covers, and return the run with its rollback.
 * `targets` carries what the command knows of each (the state judged, the revision before the rollout).
 */
export async function actOnVerdict(
  result: RunResult,
  config: DeployGuardConfig,
  ctx: CommandContext,
  targets: TargetToRollBack[]
): Promise<RunResult> {
  if (result.verdict === 'passed') return result
  const policy = resolveRollbackPolicy(config.rollback)
  const decision = decideAction(result.verdict, policy, config.dryRun, { cancelled: ctx.signal.aborted })
  const scope = new Set(
    rollbackScope(
      result,
      targets.map((t) => t.ref)
    ).map(key)
  )
  const chosen = targets.filter((t) => scope.has(key(t.ref)))
  const report: RollbackReport = { decision: decision.kind, reason: decision.reason, targets: [] }
  if (decision.kind === 'none') return { ...result, rollback: report }
  if (chosen.length === 0) {
    report.reason = `the verdict is ${result.verdict} and the policy says roll back, but this run has no targets to roll back (give ${result.command} the targets it gates with the target input)`
    ctx.log(report.reason)
    return { ...result, rollback: { ...report, decision: 'none' } }
  }
  ctx.log(decision.reason)
  let api: KubeApi
  try {
    api = await ctx.kube()
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    report.reason = `${decision.reason}; but the Kubernetes client could not be set up (${message}): nothing was rolled back`
    return { ...result, rollback: report }
  }
  const reason = result.reasons[0] ?? `the verdict is ${result.verdict}`
  report.targets = await rollBackTargets(api, chosen, rollbackSettings(config, 'verdict', reason, ctx), config, ctx)
  return {
    ...result,
    action: rollbackLanded(report) ? 'rolled-back' : result.action,
    rollback: report,
    finishedAt: ctx.now().toISOString()
  }
}

/** What verify learnt of each target, for the rollback's guards and its default target. */
export function targetsFromVerify(results: TargetResult[]): TargetToRollBack[] {
  return results.map((t) => ({
    ref: t.ref,
    ...(t.judged ? { judged: t.judged } : {}),
    ...(t.preRollout ? { preRollout: t.preRollout } : {})
  }))
}
