/**
 * The plain undo (`kubectl rollout undo` through the API) with deploy-guard's guard rails around it: the
 * failed-revision mark rides on the undo's own write, a 409 re-reads and re-decides (src/decide/
 * guards.ts), an answer lost in flight is reported as "may or may not have landed", and once the undo
 * landed the restored revision is judged with verify's checks.
 */
import { KubeApiError } from '../../kube/api.js'
import { addFailedMark, findFailedMark, parseFailedMarks } from '../../decide/failed-mark.js'
import { stepAfterConflict } from '../../decide/guards.js'
import { classifyRollback, rolloutStatusCommand } from '../../decide/rollback-outcome.js'
import type { TargetRef } from '../../model/result.js'
import type { FailedRevisionMark, RevisionRef, TargetRollbackReport } from '../../model/rollback.js'
import { DEPLOY_GUARD_ANNOTATION_PREFIX, FAILED_REVISION_ANNOTATION } from '../../model/rollback.js'
import type { RollbackProgress } from '../../model/rollback-progress.js'
import { isRollbackConflict } from './conflict.js'
import { rollbackerFor } from './index.js'
import type { ReadWorkload, RollbackDeps, RollbackSettings } from './orchestrate.js'
import { manualCommandFor, notStarted, readWorkload } from './orchestrate.js'
import type { RollbackOutcome } from './types.js'
import { deleteStuckPods, findStuckPods } from './statefulset-force.js'

export interface UndoContext {
  ref: TargetRef
  read: ReadWorkload
  /** The revision to restore, in the numbering of `read`. */
  choice: RevisionRef
  marks: FailedRevisionMark[]
  notes: string[]
  settings: RollbackSettings
  deps: RollbackDeps
}

/** deploy-guard's own annotations now on the workload, plus the failing revision's mark. */
function bookkeeping(read: ReadWorkload, settings: RollbackSettings, at: string): Record<string, string> {
  const annotations = read.object.metadata.annotations ?? {}
  const kept = Object.fromEntries(
    Object.entries(annotations).filter(([key]) => key.startsWith(DEPLOY_GUARD_ANNOTATION_PREFIX))
  )
  const current = read.revisions.current
  if (!current) return kept
  const mark = {
    revision: current.revision,
    templateHash: current.templateHash,
    reason: settings.trigger === 'manual' ? `manual rollback: ${settings.reason}` : settings.reason,
    ...(settings.runUrl ? { runUrl: settings.runUrl } : {}),
    at
  }
  return { ...kept, [FAILED_REVISION_ANNOTATION]: addFailedMark(annotations[FAILED_REVISION_ANNOTATION], mark).value }
}

/** The revision `choice` names, renumbered as the re-read history says (an undo by someone else moves numbers). */
function renumbered(read: ReadWorkload, choice: RevisionRef): RevisionRef {
  const entry = read.revisions.history.find((h) => h.templateHash === choice.templateHash)
  return entry ? { revision: entry.revision, templateHash: entry.templateHash } : choice
}

type WriteResult =
  | { kind: 'outcome'; outcome: RollbackOutcome; read: ReadWorkload; choice: RevisionRef }
  | { kind: 'stopped'; reason: string; alreadyThere: boolean }
  | { kind: 'error'; write: 'rejected' | 'unknown'; error: string }

async function writeUndo(ctx: UndoContext, progress: (p: Partial<RollbackProgress>) => void): Promise<WriteResult> {
  const { deps, settings } = ctx
  const rollbacker = rollbackerFor(ctx.read.kind)
  if (!rollbacker) return { kind: 'stopped', reason: `no rollbacker for ${ctx.read.kind}`, alreadyThere: false }
  const maxAttempts = settings.maxConflicts ?? 4
  let read = ctx.read
  let choice = ctx.choice
  for (let attempts = 1; ;) {
    progress({ phase: 'patching', toRevision: String(choice.revision) })
    try {
      const outcome = await rollbacker.rollback(deps.api, read.object, {
        toRevision: choice.revision,
        dryRun: settings.dryRun,
        annotations: bookkeeping(read, settings, deps.now().toISOString()),
        listed: read.listed
      })
      return { kind: 'outcome', outcome, read, choice }
    } catch (error) {
      if (isRollbackConflict(error)) {
        const fresh = await readWorkload(deps.api, read.kind, ctx.ref)
        if (!fresh)
          return {
            kind: 'stopped',
            reason: `${ctx.ref.kind}/${ctx.ref.name} was deleted during the rollback`,
            alreadyThere: false
          }
        const target = renumbered(fresh, choice)
        const marks = parseFailedMarks(fresh.object.metadata.annotations?.[FAILED_REVISION_ANNOTATION])
        const step = stepAfterConflict({
          attempts,
          maxAttempts,
          judged: read.revisions.state,
          live: fresh.revisions.state,
          target,
          targetMark: marks.ok ? findFailedMark(target, marks.value) : undefined
        })
        if (step.next === 'stop')
          return { kind: 'stopped', reason: step.reason, alreadyThere: step.outcome === 'already-at-target' }
        ctx.notes.push(
          `the workload changed under the undo (409 Conflict); re-read it and tried again (attempt ${step.attempts})`
        )
        attempts = step.attempts
        read = fresh
        choice = target
        continue
      }
      const message = error instanceof Error ? error.message : String(error)
      // A definite answer from the server (4xx) means nothing changed; no answer means we cannot know.
      const definite = error instanceof KubeApiError && error.status !== undefined && error.status < 500
      return { kind: 'error', write: definite ? 'rejected' : 'unknown', error: message }
    }
  }
}

export async function undoWithKubectl(ctx: UndoContext): Promise<TargetRollbackReport> {
  const { ref, deps, settings, notes } = ctx
  const from = ctx.read.revisions.current?.revision
  const base = {
    method: 'kubectl' as const,
    notes,
    dryRun: settings.dryRun,
    fromRevision: from,
    toRevision: ctx.choice.revision
  }
  const progress = (p: Partial<RollbackProgress>): void =>
    deps.journal.record({
      phase: 'decided',
      target: { kind: ref.kind, name: ref.name, namespace: ref.namespace },
      method: 'kubectl',
      ...(from !== undefined ? { fromRevision: String(from) } : {}),
      toRevision: String(ctx.choice.revision),
      reason: settings.reason,
      manualCommand: manualCommandFor(ref, ctx.choice.revision),
      at: deps.now().toISOString(),
      ...p
    })
  if (!settings.dryRun) progress({ phase: 'decided' })

  const written = await writeUndo(ctx, settings.dryRun ? () => undefined : progress)
  if (written.kind === 'stopped') {
    if (written.alreadyThere) {
      // Another writer (a racing run, a human) restored the target first: nothing left for this run to do.
      progress({ phase: 'skipped', reason: written.reason })
      return { ...notStarted(ref, `${written.reason}; this run changed nothing`), ...base, state: 'not-started' }
    }
    progress({ phase: 'refused', reason: written.reason })
    return notStarted(ref, `${written.reason}; nothing was changed`, { ...base })
  }
  if (written.kind === 'error') {
    const outcome = classifyRollback({
      ref,
      toRevision: ctx.choice.revision,
      fromRevision: from,
      write: written.write,
      writeError: written.error
    })
    progress({ phase: written.write === 'rejected' ? 'failed' : 'patching', reason: outcome.summary })
    return { ...outcome, ...base }
  }

  const { outcome } = written
  const change = outcome.patch
    ? { kind: 'patch' as const, patchType: outcome.patch.type, body: outcome.patch.body }
    : undefined
  if (outcome.result === 'error' || outcome.result === 'skipped') {
    // kubectl's own refusals (paused, missing revision) and its "skipped rollback": nothing was changed.
    if (!settings.dryRun)
      progress({ phase: outcome.result === 'skipped' ? 'skipped' : 'refused', reason: outcome.message })
    return notStarted(ref, `${outcome.message}; nothing was changed`, { ...base, message: outcome.message })
  }
  if (settings.dryRun) {
    return {
      ref,
      ...base,
      state: 'dry-run',
      summary: `dry run: would roll ${ref.kind.toLowerCase()}/${ref.name} back from revision ${from ?? '?'} to revision ${outcome.toRevision}; nothing was changed`,
      manual: [manualCommandFor(ref, outcome.toRevision ?? ctx.choice.revision)],
      change,
      message: outcome.message
    }
  }

  progress({ phase: 'patched' })
  const stuckCommands = await unblockStatefulSet(ctx)
  const since = deps.now()
  deps.log(
    `${ref.kind.toLowerCase()}/${ref.name}: ${outcome.message}; waiting for the restored revision to become healthy`
  )
  progress({
    phase: 'waiting',
    manualCommand: rolloutStatusCommand(ref)
  })
  const restored = await deps.verifyRestored(ref, since)
  const final = classifyRollback({
    ref,
    toRevision: outcome.toRevision ?? ctx.choice.revision,
    fromRevision: from,
    write: 'landed',
    restoredVerdict: restored.verdict
  })
  // A wait cut short (cancelled) has no verdict: the rollback is still in flight for the post step.
  if (restored.verdict !== undefined)
    progress({ phase: final.state === 'rolled-back' ? 'verified' : 'unhealthy', reason: final.summary })
  if (restored.result.revision) notes.push(`the restored template now runs as revision ${restored.result.revision}`)
  const manual = final.state === 'rolled-back' ? final.manual : [...stuckCommands, ...final.manual]
  return {
    ...final,
    manual,
    ...base,
    change,
    message: outcome.message,
    restored: restored.result,
    restoredVerdict: restored.verdict
  }
}

/**
 * After a StatefulSet undo: pods of the bad revision that never became Ready block an OrderedReady
 * StatefulSet for good. Deleted when rollback.forceStatefulSet allows it; otherwise the commands to
 * run are returned (and noted).
 */
async function unblockStatefulSet(ctx: UndoContext): Promise<string[]> {
  const failed = ctx.read.revisions.current
  if (ctx.read.kind !== 'StatefulSet' || !failed) return []
  const namespace = ctx.ref.namespace
  try {
    const stuck = await findStuckPods(ctx.deps.api, ctx.read.object, failed.owner)
    if (stuck.pods.length === 0) return []
    const names = stuck.pods.map((p) => p.name).join(', ')
    if (!ctx.settings.forceStatefulSet) {
      ctx.notes.push(
        `pods ${names} of the failed revision are not Ready and block the restored revision (OrderedReady): delete them (forced rollback), or set rollback.forceStatefulSet: true`
      )
      return stuck.commands
    }
    const deleted = await deleteStuckPods(ctx.deps.api, namespace, stuck)
    ctx.notes.push(
      `deleted pods ${deleted.join(', ')} of the failed revision so the restored revision can roll out (forced rollback, rollback.forceStatefulSet)`
    )
    return []
  } catch (error) {
    ctx.notes.push(
      `could not check for StatefulSet pods stuck on the failed revision: ${error instanceof Error ? error.message : String(error)}`
    )
    return []
  }
}
