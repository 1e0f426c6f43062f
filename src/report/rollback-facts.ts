/**
 * The plain-text facts every surface says about a run's rollback, so the summary, the log, the
 * annotation and the outputs agree word for word: whether an undo landed, the action that follows
 * from it, the restored version's verdict, and one clause per target ("rolled back deployment/api to
 * revision 1 (restored version healthy)"). Pure and unescaped: renderers escape where the text lands.
 */
import type { ActionTaken, RunResult, Verdict } from '../model/result.js'
import type { RollbackState, TargetRollbackReport } from '../model/rollback.js'
import { targetLabel } from './format.js'

/** States in which the undo reached the cluster: the workload was changed (or already at the target). */
export const LANDED_STATES: readonly RollbackState[] = [
  'rolled-back',
  'rolled-back-unhealthy',
  'rolled-back-unverified'
]

export const hasLanded = (target: TargetRollbackReport): boolean => LANDED_STATES.includes(target.state)

export const landedTargets = (result: RunResult): TargetRollbackReport[] =>
  (result.rollback?.targets ?? []).filter(hasLanded)

/** True when the run describes an undo it would have done (nothing was changed). */
export const wouldRollBack = (result: RunResult): boolean =>
  result.rollback?.decision === 'dry-run-rollback' ||
  (result.rollback?.targets ?? []).some((t) => t.state === 'dry-run')

/**
 * The action the run took, as the `action` output and every surface say it. With a rollback report,
 * `rolled-back` means an undo landed on at least one target, whatever the command claimed; a dry run
 * changes nothing, so it is always `none` (the surfaces say what it would have done).
 */
export function effectiveAction(result: RunResult): ActionTaken {
  if (landedTargets(result).length) return 'rolled-back'
  if (result.dryRun) return 'none'
  if (result.rollback && result.action === 'rolled-back') return 'none'
  return result.action
}

/** `actionText`'s arguments: what was done, or in a dry run what would have been. */
export function actionForText(result: RunResult): { dryRun: boolean; action: ActionTaken } {
  if (result.dryRun || wouldRollBack(result)) {
    return { dryRun: true, action: wouldRollBack(result) ? 'rolled-back' : result.action }
  }
  return { dryRun: false, action: effectiveAction(result) }
}

const VERDICT_RANK: Record<Verdict, number> = { passed: 0, inconclusive: 1, failed: 2 }

/** A landed target's restored verdict; a restored version never judged counts as inconclusive. */
export const restoredVerdictOf = (target: TargetRollbackReport): Verdict => target.restoredVerdict ?? 'inconclusive'

/** The worst restored verdict over the targets whose undo landed; undefined when none landed. */
export function worstRestoredVerdict(result: RunResult): Verdict | undefined {
  let worst: Verdict | undefined
  for (const target of landedTargets(result)) {
    const verdict = restoredVerdictOf(target)
    if (worst === undefined || VERDICT_RANK[verdict] > VERDICT_RANK[worst]) worst = verdict
  }
  return worst
}

/** `healthy`, `failed`, `inconclusive`, `not verified`: the restored version's health in words. */
export function restoredHealthText(target: TargetRollbackReport): string {
  if (target.restoredVerdict === undefined) return 'not verified'
  return target.restoredVerdict === 'passed' ? 'healthy' : target.restoredVerdict
}

const revision = (n: number | undefined): string => (n === undefined ? 'an unknown revision' : `revision ${n}`)

/** `from revision 2 to revision 1`; parts that are unknown are left out. */
export function revisionMoveText(target: TargetRollbackReport): string {
  const from = target.fromRevision !== undefined ? `from revision ${target.fromRevision} ` : ''
  return `${from}to ${revision(target.toRevision)}`
}

/**
 * After a Deployment undo the restored template is renumbered (max+1): the revision the restored
 * version now runs as, when it differs from the one the undo went to.
 */
export function renumberedAs(target: TargetRollbackReport): string | undefined {
  const now = target.restored?.revision
  return now !== undefined && now !== String(target.toRevision) ? now : undefined
}

/** How each state reads at the start of a headline or in a log line. */
export const STATE_HEADLINE: Record<RollbackState, string> = {
  'rolled-back': 'Rolled back',
  'rolled-back-unhealthy': 'Rollback half done',
  'rolled-back-unverified': 'Rolled back, not verified',
  'dry-run': 'Dry run',
  refused: 'Not rolled back',
  'not-started': 'Not rolled back',
  failed: 'Rollback failed',
  unknown: 'Rollback unconfirmed'
}

export const STATE_ICON: Record<RollbackState, string> = {
  'rolled-back': '✅',
  'rolled-back-unhealthy': '❌',
  'rolled-back-unverified': '⚠️',
  'dry-run': '🧪',
  refused: '⛔',
  'not-started': '⛔',
  failed: '❌',
  unknown: '❔'
}

/**
 * The clause the failure annotation and the one-line `summary` output add for one target:
 * `rolled back deployment/api to revision 1 (restored version healthy)`.
 */
export function rollbackClause(target: TargetRollbackReport): string {
  const label = targetLabel(target.ref)
  const to = revision(target.toRevision)
  switch (target.state) {
    case 'rolled-back':
      return `rolled back ${label} to ${to} (restored version healthy)`
    case 'rolled-back-unhealthy':
      return `rolled back ${label} to ${to}, but the restored version is ${restoredHealthText(target)} (rollback half done)`
    case 'rolled-back-unverified':
      return `rolled back ${label} to ${to} (restored version not verified)`
    case 'dry-run':
      return `would roll back ${label} to ${to} (dry run)`
    case 'failed':
      return `the rollback of ${label} failed: ${target.summary}`
    case 'unknown':
      return `the rollback of ${label} is unconfirmed: ${target.summary}`
    case 'refused':
    case 'not-started':
      return `${label} not rolled back: ${target.summary}`
  }
}
