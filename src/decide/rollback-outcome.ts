/**
 * How a rollback ended, and what a human must run to finish it. Pure. Nothing is left changed without
 * being reported: a patch that landed but whose restored revision never became healthy is a half-done
 * rollback, not a success, and a write whose response was lost may or may not have landed.
 *
 * Commands use the kubectl form for the kind (`deployment/api -n shop`). After a Deployment undo the
 * target's old revision number no longer exists (the restored ReplicaSet is renumbered), so once the
 * patch landed the commands check status and history instead of repeating `--to-revision=N`.
 */
import type { TargetRef, Verdict } from '../model/result.js'
import type { RollbackOutcome } from '../model/rollback.js'
import { shellWord } from '../util/shell.js'

export interface RollbackOutcomeInput {
  ref: TargetRef
  /** The revision the undo went (or would go) to, in the numbering before the undo. */
  toRevision: number
  /** The revision it came from (the failing one). */
  fromRevision?: number
  /**
   * `landed`: the API accepted the patch (or the workload is at the target). `rejected`: a definite
   * error, nothing changed. `unknown`: sent but no answer (dropped connection, timeout).
   */
  write: 'not-attempted' | 'landed' | 'rejected' | 'unknown'
  writeError?: string
  /** Verdict on the restored revision; undefined when the wait ended first (cancelled, out of budget). */
  restoredVerdict?: Verdict
}

function kubectlTarget(ref: TargetRef): string {
  return `${shellWord(`${ref.kind.toLowerCase()}/${ref.name}`)} -n ${shellWord(ref.namespace)}`
}

/** `kubectl rollout status deployment/api -n shop`: how a human checks a rollout by hand. */
export function rolloutStatusCommand(ref: TargetRef): string {
  return `kubectl rollout status ${kubectlTarget(ref)}`
}

export function manualUndoCommands(ref: TargetRef, toRevision: number): string[] {
  return [`kubectl rollout undo ${kubectlTarget(ref)} --to-revision=${toRevision}`, rolloutStatusCommand(ref)]
}

function checkCommands(ref: TargetRef): string[] {
  return [rolloutStatusCommand(ref), `kubectl rollout history ${kubectlTarget(ref)}`]
}

export function classifyRollback(input: RollbackOutcomeInput): RollbackOutcome {
  const { ref, toRevision } = input
  const label = `${ref.kind.toLowerCase()}/${ref.name} in ${ref.namespace}`
  const from = input.fromRevision !== undefined ? ` from revision ${input.fromRevision}` : ''
  const error = input.writeError ? `: ${input.writeError}` : ''
  switch (input.write) {
    case 'not-attempted':
      return { ref, state: 'not-started', summary: `${label} was not rolled back; nothing was changed`, manual: [] }
    case 'rejected':
      return {
        ref,
        state: 'failed',
        summary: `the rollback of ${label}${from} to revision ${toRevision} failed${error}; nothing was changed`,
        manual: manualUndoCommands(ref, toRevision)
      }
    case 'unknown':
      return {
        ref,
        state: 'unknown',
        summary: `the rollback of ${label}${from} to revision ${toRevision} was sent but not confirmed${error}; it may or may not have landed — check the history before undoing by hand`,
        manual: [`kubectl rollout history ${kubectlTarget(ref)}`, ...manualUndoCommands(ref, toRevision)]
      }
    case 'landed':
      if (input.restoredVerdict === 'passed')
        return {
          ref,
          state: 'rolled-back',
          summary: `${label} was rolled back${from} to revision ${toRevision}; the restored version is healthy`,
          manual: []
        }
      if (input.restoredVerdict === undefined)
        return {
          ref,
          state: 'rolled-back-unverified',
          summary: `${label} was rolled back${from} to revision ${toRevision}, but the restored version was not verified before the run ended`,
          manual: checkCommands(ref)
        }
      return {
        ref,
        state: 'rolled-back-unhealthy',
        summary: `${label} was rolled back${from} to revision ${toRevision}, but the restored version is ${input.restoredVerdict}: the rollback is half done`,
        manual: checkCommands(ref)
      }
  }
}
