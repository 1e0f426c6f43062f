/**
 * The rollback's step outputs, made for `${{ }}` expressions:
 * - `rolled-back-from` / `rolled-back-to`: the revision numbers of the targets whose undo landed. A run
 *   with one rollback target gets the bare number (`2`); a run with several gets a JSON object keyed by
 *   target (`{"deployment/api":"2","statefulset/db":"5"}`, for `fromJSON(...)['deployment/api']`), so
 *   the shape depends on how many targets the workflow names, never on how the run went. '' when
 *   nothing landed. Keys are `kind/name`, or `namespace/kind/name` for every key when two targets share
 *   a kind/name. Numbers are in the method's numbering: the workload's revision (kubectl), the Helm
 *   release revision (helm), the Argo CD history id (argocd).
 * - `restored-verdict`: the restored version's verdict, the worst over the targets that were rolled back
 *   (a restored version never judged counts as `inconclusive`); '' when nothing landed.
 * - `rollback`: JSON array, one row per target's rollback (dry runs and refusals included), without the
 *   restored checks' evidence; capped like `failed-checks`. `[]` without a rollback.
 */
import type { CheckResult, RunResult, Verdict } from '../model/result.js'
import type { RollbackChange, RollbackState, TargetRollbackReport } from '../model/rollback.js'
import { targetLabel } from './format.js'
import { capJsonRows } from './output-limits.js'
import { hasLanded, worstRestoredVerdict } from './rollback-facts.js'

/** One row of the `rollback` output. */
export interface RollbackOutputRow {
  target: string
  namespace: string
  method: TargetRollbackReport['method']
  state: RollbackState
  summary: string
  fromRevision?: number
  toRevision?: number
  /** The revision the restored version runs as now (a Deployment undo renumbers it). */
  restoredRevision?: string
  /** '' when no restored version was judged. */
  restoredVerdict: Verdict | ''
  /** The restored version's checks, without their evidence. */
  restoredChecks: Array<Omit<CheckResult, 'details'>>
  manual: string[]
  message: string
  notes: string[]
  change?: RollbackChange
  dryRun: boolean
}

export function rollbackRows(result: RunResult): RollbackOutputRow[] {
  return (result.rollback?.targets ?? []).map((t) => ({
    target: targetLabel(t.ref),
    namespace: t.ref.namespace,
    method: t.method,
    state: t.state,
    summary: t.summary,
    ...(t.fromRevision !== undefined ? { fromRevision: t.fromRevision } : {}),
    ...(t.toRevision !== undefined ? { toRevision: t.toRevision } : {}),
    ...(t.restored?.revision !== undefined ? { restoredRevision: t.restored.revision } : {}),
    restoredVerdict: t.restoredVerdict ?? '',
    restoredChecks: (t.restored?.checks ?? []).map(({ details: _details, ...check }) => check),
    manual: t.manual,
    message: t.message ?? '',
    notes: t.notes,
    ...(t.change ? { change: t.change } : {}),
    dryRun: t.dryRun
  }))
}

const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8')

/** Keys of the multi-target outputs: `kind/name`, qualified by namespace when two targets would collide. */
function outputKeys(targets: TargetRollbackReport[]): string[] {
  const labels = targets.map((t) => targetLabel(t.ref))
  const clash = new Set(labels).size !== labels.length
  return targets.map((t, i) => (clash ? `${t.ref.namespace}/${labels[i]}` : (labels[i] ?? '')))
}

/**
 * `rolled-back-from` or `rolled-back-to`: a bare number for a one-target rollback, a JSON object for
 * several (entries past `maxBytes` are left out, and `…` says how many).
 */
export function revisionOutput(result: RunResult, which: 'fromRevision' | 'toRevision', maxBytes: number): string {
  const targets = result.rollback?.targets ?? []
  const keys = outputKeys(targets)
  const landed = targets
    .map((t, i) => ({ key: keys[i] ?? '', value: t[which] }))
    .filter((entry, i) => targets[i] !== undefined && hasLanded(targets[i]) && entry.value !== undefined)
  if (!landed.length) return ''
  if (targets.length === 1) return String(landed[0]?.value)
  const note = (omitted: number): string => `${omitted} more; see the rollback output`
  const entries: Record<string, string> = {}
  let kept = 0
  for (const { key, value } of landed) {
    // Room for the note is always kept, so whatever is cut can be said.
    const next = { ...entries, [key]: String(value), '…': note(landed.length) }
    if (byteLength(JSON.stringify(next)) > maxBytes) break
    entries[key] = String(value)
    kept++
  }
  if (kept < landed.length) entries['…'] = note(landed.length - kept)
  return JSON.stringify(entries)
}

export const restoredVerdictOutput = (result: RunResult): string => worstRestoredVerdict(result) ?? ''

function omittedRollbackRow(omitted: RollbackOutputRow[]): RollbackOutputRow {
  const first = omitted[0]
  return {
    target: 'omitted',
    namespace: '',
    method: first?.method ?? 'kubectl',
    // A reader looking for half-done rollbacks still learns that some were cut.
    state: omitted.some((row) => row.state === 'rolled-back-unhealthy') ? 'rolled-back-unhealthy' : 'not-started',
    summary: `${omitted.length} more rollback rows were cut to stay under the output's size limit; the JSON record (output report) has all of them`,
    restoredVerdict: '',
    restoredChecks: [],
    manual: [],
    message: '',
    notes: [],
    dryRun: false
  }
}

export const rollbackOutput = (result: RunResult, maxBytes: number): string =>
  capJsonRows(rollbackRows(result), maxBytes, omittedRollbackRow)
