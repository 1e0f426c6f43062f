/**
 * `rollback`: the on-call engineer's undo, from the manual workflow (`workflow_dispatch`) or a caller's
 * `workflow_call`. Rolls each target back to the recorded revision (the snapshot's), the previous
 * one, or the revision asked for, through the same guarded path as an automatic rollback, then waits
 * for the restored version with verify's checks. The verdict is the rollback's: `passed` when every
 * target was restored and is healthy.
 */
import type { DeployGuardConfig } from '../config/types.js'
import type { CheckResult, RunResult, TargetResult, Verdict } from '../model/result.js'
import type { RollbackReport, TargetRollbackReport } from '../model/rollback.js'
import { rollBackTargets, rollbackLanded, rollbackSettings } from './act-step.js'
import type { CommandContext } from './context.js'

/** How one target's manual rollback counts toward the verdict. */
function verdictOf(report: TargetRollbackReport): Verdict {
  switch (report.state) {
    case 'rolled-back':
    case 'dry-run':
      return 'passed'
    case 'rolled-back-unverified':
    case 'unknown':
      return 'inconclusive'
    default:
      return 'failed'
  }
}

const ORDER: Verdict[] = ['passed', 'inconclusive', 'failed']

/** The row each target shows when the rollback did not get as far as a restored version to check. */
function targetRow(report: TargetRollbackReport): TargetResult {
  if (report.restored) return report.restored
  const status = verdictOf(report)
  const row: CheckResult = {
    id: 'rollback',
    title: 'Rollback',
    expected: 'rolled back and healthy',
    actual: report.state,
    status,
    ...(status === 'passed' ? {} : { reason: report.summary })
  }
  return { ref: report.ref, checks: [row] }
}

export async function runRollback(config: DeployGuardConfig, ctx: CommandContext): Promise<RunResult> {
  const startedAt = ctx.now()
  const reason = config.rollback.reason ?? 'manual rollback'
  const actor = ctx.run?.actor
  const who = actor ? ` by ${actor}` : ''
  const report: RollbackReport = {
    decision: config.dryRun ? 'dry-run-rollback' : 'rollback',
    reason: `manual rollback requested${who}: ${reason}`,
    ...(actor ? { requestedBy: actor } : {}),
    targets: []
  }
  ctx.log(report.reason)
  try {
    const api = await ctx.kube()
    report.targets = await rollBackTargets(
      api,
      config.targets.map((ref) => ({ ref })),
      rollbackSettings(config, 'manual', reason, ctx),
      config,
      ctx
    )
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const { notStarted } = await import('../act/rollback/orchestrate.js')
    report.targets = config.targets.map((ref) =>
      notStarted(ref, `could not set up the Kubernetes client: ${message}; nothing was changed`)
    )
  }
  const verdicts = report.targets.map(verdictOf)
  const verdict =
    ctx.signal.aborted && verdicts.every((v) => v === 'passed')
      ? 'inconclusive'
      : ORDER.reduce<Verdict>((worst, v) => (verdicts.includes(v) ? v : worst), 'passed')
  return {
    command: 'rollback',
    startedAt: startedAt.toISOString(),
    finishedAt: ctx.now().toISOString(),
    verdict,
    action: rollbackLanded(report) ? 'rolled-back' : 'none',
    reasons: report.targets.filter((t) => verdictOf(t) !== 'passed').map((t) => t.summary),
    dryRun: config.dryRun,
    targets: report.targets.map(targetRow),
    checks: [],
    rollback: report
  }
}
