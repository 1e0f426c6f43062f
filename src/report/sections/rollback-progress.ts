/**
 * What the `post:` step says about a rollback the main step did not get to report (the job was
 * cancelled or timed out in the middle of it): per target, the phase it had reached, what was and
 * was not done, and the exact command to finish or check it by hand. Pure: progress records and an
 * optional read-only check of the workload in, Markdown and plain log text out. Log text is escaped
 * by the RunnerLog that prints it; Markdown is escaped here (escape.ts), like every other section.
 */
import { IN_FLIGHT_PHASES, type RollbackPhase, type RollbackProgress } from '../../model/rollback-progress.js'
import { codeSpan, escapeMarkdownCell, escapeMarkdownText, fence, truncate } from '../escape.js'
import { table } from '../markdown.js'

/** What one GET of the workload said about the restored revision's rollout (the post step's only look). */
export interface RestoredRolloutCheck {
  /** `complete`: kubectl rollout status would succeed; `in-progress`: still rolling; `failed`: it would fail; `unknown`: not checked or not readable. */
  state: 'complete' | 'in-progress' | 'failed' | 'unknown'
  /** kubectl's status message, or why the workload could not be read. */
  message: string
  /** The workload's current revision, when it could be read. */
  revision?: string
}

/** Heading of the summary when at least one rollback was stopped half-way. */
export const INTERRUPTED_TITLE = 'Rollback interrupted'
/** Heading when every recorded rollback had ended but the main step never reported it. */
export const UNREPORTED_TITLE = 'Rollback not reported'

/** The one summary line the post step writes when the main step left nothing at all behind. */
export const DID_NOT_FINISH =
  'deploy-guard did not finish: the job was cancelled or timed out before a verdict. Nothing is known about the deploy; re-run the job to check it.'

const MAX_REASON_CHARS = 2000
const MAX_COMMAND_CHARS = 2000

export const isInFlight = (progress: RollbackProgress): boolean => IN_FLIGHT_PHASES.includes(progress.phase)

/** `deployment/api in prod`, as users type targets. */
export function progressTargetLabel({ target }: RollbackProgress): string {
  return `${target.kind.toLowerCase()}/${target.name} in ${target.namespace}`
}

const revisionText = (revision: string | undefined): string =>
  revision ? `revision ${revision}` : 'an unknown revision'

/** `revision 5 → revision 3`. */
export function revisionMove(progress: RollbackProgress): string {
  return `${revisionText(progress.fromRevision)} → ${revisionText(progress.toRevision)}`
}

const PHASE_TEXT: Record<RollbackPhase, string> = {
  decided: 'decided, not started',
  patching: 'undo being written',
  patched: 'undo written, not yet verified',
  waiting: 'waiting for the restored revision to become healthy',
  verified: 'restored and verified healthy',
  unhealthy: 'restored, but not healthy',
  failed: 'undo rejected',
  refused: 'refused by a guard rail',
  skipped: 'skipped (already at the target)'
}

export const phaseText = (phase: RollbackPhase): string => PHASE_TEXT[phase]

/** What had been done, and what had not, when the run stopped at this phase. */
export function doneAndNotDone(progress: RollbackProgress): { done: string; notDone: string } {
  const from = revisionText(progress.fromRevision)
  const to = revisionText(progress.toRevision)
  switch (progress.phase) {
    case 'decided':
      return {
        done: `The rollback to ${to} was decided; nothing was written to the cluster.`,
        notDone: `The undo was never started: the workload still runs ${from}.`
      }
    case 'patching':
      return {
        done: `The undo to ${to} was being written when the run stopped: it may or may not have landed.`,
        notDone: 'Whether the workload was set back is unknown, and the restored revision was not verified.'
      }
    case 'patched':
      return {
        done: `The undo landed: the workload was set back to ${to}.`,
        notDone: 'The restored revision was not verified healthy.'
      }
    case 'waiting':
      return {
        done: `The undo landed: the workload was set back to ${to}, and the wait for it to become healthy had begun.`,
        notDone: 'The wait was interrupted: the restored revision was not verified healthy.'
      }
    case 'verified':
      return {
        done: `The undo landed and ${to} was verified healthy.`,
        notDone: 'The run was stopped before it published its report.'
      }
    case 'unhealthy':
      return {
        done: `The undo landed, but ${to} was judged not healthy.`,
        notDone: 'The restored revision is not healthy: the workload needs a look.'
      }
    case 'failed':
      return {
        done: 'The undo was rejected: nothing was changed.',
        notDone: `The workload still runs ${from}.`
      }
    case 'refused':
      return {
        done: 'A guard rail refused the undo: nothing was changed.',
        notDone: `The workload still runs ${from}.`
      }
    case 'skipped':
      return {
        done: `The workload already ran ${to}: nothing was changed.`,
        notDone: 'Nothing.'
      }
  }
}

const CHECK_ICON: Record<RestoredRolloutCheck['state'], string> = {
  complete: '✅',
  'in-progress': '⏳',
  failed: '❌',
  unknown: '❔'
}

const CHECK_TEXT: Record<RestoredRolloutCheck['state'], string> = {
  complete: 'rollout complete',
  'in-progress': 'rollout still in progress',
  failed: 'rollout failed',
  unknown: 'could not be checked'
}

/** `rollout complete at revision 6: deployment "api" successfully rolled out`. */
export function checkText(check: RestoredRolloutCheck): string {
  const at = check.revision ? ` at revision ${check.revision}` : ''
  return `${CHECK_TEXT[check.state]}${at}: ${check.message}`
}

/** The plain-text lines the post step prints for one target (the RunnerLog escapes them). */
export function progressLogLines(progress: RollbackProgress, check?: RestoredRolloutCheck): string[] {
  const { done, notDone } = doneAndNotDone(progress)
  const lines = [
    `deploy-guard post: rollback of ${progressTargetLabel(progress)} (${progress.method}, ${revisionMove(progress)}): ${phaseText(progress.phase)}`,
    `  done: ${done}`,
    `  not done: ${notDone}`,
    `  why: ${truncate(progress.reason, MAX_REASON_CHARS)}`
  ]
  if (check) lines.push(`  checked now (read-only): ${checkText(check)}`)
  if (progress.manualCommand) lines.push(`  by hand: ${truncate(progress.manualCommand, MAX_COMMAND_CHARS)}`)
  return lines
}

/** The warning annotation for one target: the whole story in one message. */
export function progressWarning(progress: RollbackProgress, check?: RestoredRolloutCheck): string {
  const { done, notDone } = doneAndNotDone(progress)
  const stopped = isInFlight(progress) ? 'was interrupted' : 'ended but was not reported'
  const parts = [
    `deploy-guard: the rollback of ${progressTargetLabel(progress)} ${stopped} (${phaseText(progress.phase)}). ${done} ${notDone}`
  ]
  if (check) parts.push(`Checked now: ${checkText(check)}.`)
  if (progress.manualCommand)
    parts.push(`Finish or check it by hand: ${truncate(progress.manualCommand, MAX_COMMAND_CHARS)}`)
  return parts.join(' ')
}

function targetSection(progress: RollbackProgress, check?: RestoredRolloutCheck): string {
  const { done, notDone } = doneAndNotDone(progress)
  const rows: string[][] = [
    ['Phase', `${codeSpan(progress.phase)} ${escapeMarkdownCell(phaseText(progress.phase))}`],
    ['Revision', escapeMarkdownCell(revisionMove(progress))],
    ['Method', codeSpan(progress.method)],
    ['Why', escapeMarkdownCell(truncate(progress.reason, MAX_REASON_CHARS))],
    ['Recorded at', escapeMarkdownCell(progress.at)]
  ]
  if (check)
    rows.push(['Checked now (read-only)', `${CHECK_ICON[check.state]} ${escapeMarkdownCell(checkText(check))}`])
  const lines = [
    `### ${escapeMarkdownText(progressTargetLabel(progress))}`,
    '',
    table(['', ''], rows),
    '',
    `**Done:** ${escapeMarkdownText(done)}`,
    '',
    `**Not done:** ${escapeMarkdownText(notDone)}`
  ]
  if (progress.manualCommand) {
    lines.push(
      '',
      'To finish or check it by hand:',
      '',
      fence(truncate(progress.manualCommand, MAX_COMMAND_CHARS), 'bash')
    )
  }
  return lines.join('\n')
}

/**
 * The job-summary section for the rollbacks the main step left unreported. `checks` holds the
 * post step's read-only look at a target, by index into `progress`.
 */
export function renderRollbackProgress(
  progress: RollbackProgress[],
  checks: Array<RestoredRolloutCheck | undefined> = [],
  notes: string[] = []
): string {
  const interrupted = progress.some(isInFlight)
  const lead = interrupted
    ? 'The job was cancelled or timed out while deploy-guard was rolling back. This is where the rollback stood. The post step only reports: it never writes to the cluster, so nothing below was finished for you.'
    : 'The job was cancelled or timed out after the rollback ended but before deploy-guard reported it. This is how it ended. The post step only reports: it never writes to the cluster.'
  const parts = [
    `## ⚠️ deploy-guard: ${interrupted ? INTERRUPTED_TITLE : UNREPORTED_TITLE}`,
    '',
    escapeMarkdownText(lead)
  ]
  for (const note of notes) parts.push('', `> ${escapeMarkdownText(note)}`)
  progress.forEach((entry, i) => parts.push('', targetSection(entry, checks[i])))
  return `${parts.join('\n')}\n`
}

/** The summary when the main step was stopped before it published anything and left no rollback behind. */
export function renderDidNotFinish(notes: string[] = []): string {
  const parts = [`## ⚠️ ${escapeMarkdownText(DID_NOT_FINISH)}`]
  for (const note of notes) parts.push('', `> ${escapeMarkdownText(note)}`)
  return `${parts.join('\n')}\n`
}
