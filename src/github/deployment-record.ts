/**
 * What deploy-guard writes into a GitHub Deployment, as pure functions: the `payload` (the deploy's
 * record, so the manual rollback workflow can find the last good version without touching the cluster),
 * the status a verdict maps to, and the status `description` (GitHub refuses more than 140 characters).
 *
 * The payload is compact JSON kept under PAYLOAD_MAX_BYTES: outside strings (reasons, image names) are
 * bounded, and when the whole is still too large, targets are dropped from the end with a note saying
 * how many — the result is always well-formed JSON that parses back to this shape.
 */
import type { RunResult, TargetRef, TargetResult, Verdict } from '../model/result.js'
import type { TargetSnapshot } from '../model/snapshot.js'
import { stripControl } from '../report/escape.js'
import { targetLabel } from '../report/format.js'
import { effectiveAction, hasLanded } from '../report/rollback-facts.js'

/** Tells our Deployments from anyone else's (GitHub's own for an `environment:` job has `{}`). */
export const PAYLOAD_TOOL = 'deploy-guard'
export const PAYLOAD_SCHEMA_VERSION = 1
/** GitHub documents no exact payload limit; this stays well inside what it accepts. */
export const PAYLOAD_MAX_BYTES = 60_000
/** GitHub answers 422 above this. */
export const DESCRIPTION_MAX_CHARS = 140

const MAX_STRING = 300
const MAX_REASONS = 3

export type DeploymentState = 'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success'

export interface PayloadImages {
  [container: string]: string
}

export interface PayloadTarget {
  /** `deployment/api`. */
  target: string
  namespace: string
  revision?: string
  images?: PayloadImages
  /** The revision before this one, the one a rollback returns to. */
  previous?: { revision: string; images: PayloadImages }
  /** The last good version as recorded before the deploy (`snapshot`), or as verify saw it live. */
  snapshot?: {
    revision: number
    templateHash?: string
    images?: PayloadImages
    takenAt?: string
    source: 'snapshot' | 'pre-rollout'
  }
}

export interface PayloadRollback {
  decision: string
  targets: Array<{ target: string; state: string; from?: number; to?: number; restoredVerdict?: Verdict }>
}

/** The record in the payload. `phase: started` while the run checks; the final one has the verdict. */
export interface DeploymentPayload {
  tool: typeof PAYLOAD_TOOL
  schemaVersion: typeof PAYLOAD_SCHEMA_VERSION
  phase: 'started' | 'final'
  command: string
  environment: string
  sha?: string
  run?: string
  startedAt: string
  finishedAt?: string
  verdict?: Verdict
  action?: string
  dryRun?: boolean
  reasons?: string[]
  targets: PayloadTarget[]
  rollback?: PayloadRollback
  /** Set when something was left out to stay within the size bound. */
  trimmed?: string
}

export interface RunIdentity {
  environment: string
  sha?: string
  runUrl?: string
}

const bound = (text: string, max = MAX_STRING): string => {
  const clean = stripControl(text).replace(/\s+/g, ' ').trim()
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`
}

const boundImages = (images: Record<string, string> | undefined): PayloadImages | undefined => {
  if (!images) return undefined
  const out: PayloadImages = {}
  for (const [name, image] of Object.entries(images).slice(0, 20)) out[bound(name, 100)] = bound(image, 512)
  return out
}

const sameRef = (a: TargetRef, b: TargetRef): boolean =>
  a.kind.toLowerCase() === b.kind.toLowerCase() && a.name === b.name && a.namespace === b.namespace

function snapshotOf(target: TargetResult, snapshots: TargetSnapshot[]): PayloadTarget['snapshot'] {
  const taken = snapshots.find((s) => sameRef(s.ref, target.ref))
  if (taken)
    return {
      revision: taken.revision,
      ...(taken.templateHash ? { templateHash: bound(taken.templateHash, 100) } : {}),
      images: boundImages(taken.images),
      takenAt: taken.takenAt,
      source: 'snapshot'
    }
  if (target.preRollout)
    return {
      revision: target.preRollout.revision,
      ...(target.preRollout.templateHash ? { templateHash: bound(target.preRollout.templateHash, 100) } : {}),
      source: 'pre-rollout'
    }
  return undefined
}

function payloadTarget(target: TargetResult, snapshots: TargetSnapshot[]): PayloadTarget {
  const snapshot = snapshotOf(target, snapshots)
  return {
    target: bound(targetLabel(target.ref), 300),
    namespace: bound(target.ref.namespace, 100),
    ...(target.revision ? { revision: bound(target.revision, 50) } : {}),
    ...(target.images ? { images: boundImages(target.images) } : {}),
    ...(target.previous
      ? {
          previous: { revision: bound(target.previous.revision, 50), images: boundImages(target.previous.images) ?? {} }
        }
      : {}),
    ...(snapshot ? { snapshot } : {})
  }
}

/** The payload of the Deployment created when the run starts: what is known before any check. */
export function startPayload(
  command: string,
  targets: TargetRef[],
  run: RunIdentity,
  startedAt: Date
): DeploymentPayload {
  return fitPayload({
    tool: PAYLOAD_TOOL,
    schemaVersion: PAYLOAD_SCHEMA_VERSION,
    phase: 'started',
    command,
    environment: bound(run.environment, 255),
    ...(run.sha ? { sha: bound(run.sha, 64) } : {}),
    ...(run.runUrl ? { run: bound(run.runUrl, 500) } : {}),
    startedAt: startedAt.toISOString(),
    targets: targets.map((ref) => ({ target: bound(targetLabel(ref), 300), namespace: bound(ref.namespace, 100) }))
  })
}

/** The deploy's record: verdict, versions (old → new), the last good version per target, the rollback. */
export function finalPayload(result: RunResult, run: RunIdentity): DeploymentPayload {
  const snapshots = result.snapshots ?? []
  const rollback = result.rollback
  return fitPayload({
    tool: PAYLOAD_TOOL,
    schemaVersion: PAYLOAD_SCHEMA_VERSION,
    phase: 'final',
    command: result.command,
    environment: bound(run.environment, 255),
    ...(run.sha ? { sha: bound(run.sha, 64) } : {}),
    ...(run.runUrl ? { run: bound(run.runUrl, 500) } : {}),
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
    verdict: result.verdict,
    action: effectiveAction(result),
    dryRun: result.dryRun,
    reasons: result.reasons.slice(0, MAX_REASONS).map((r) => bound(r)),
    targets: result.targets.map((t) => payloadTarget(t, snapshots)),
    ...(rollback
      ? {
          rollback: {
            decision: rollback.decision,
            targets: rollback.targets.map((t) => ({
              target: bound(targetLabel(t.ref), 300),
              state: t.state,
              ...(t.fromRevision !== undefined ? { from: t.fromRevision } : {}),
              ...(t.toRevision !== undefined ? { to: t.toRevision } : {}),
              ...(t.restoredVerdict ? { restoredVerdict: t.restoredVerdict } : {})
            }))
          }
        }
      : {})
  })
}

export const payloadBytes = (payload: unknown): number => Buffer.byteLength(JSON.stringify(payload), 'utf8')

/** Drops targets (then rollback rows) from the end until the JSON fits, saying how many went. */
export function fitPayload(payload: DeploymentPayload, maxBytes = PAYLOAD_MAX_BYTES): DeploymentPayload {
  if (payloadBytes(payload) <= maxBytes) return payload
  const targets = [...payload.targets]
  const rows = [...(payload.rollback?.targets ?? [])]
  const total = { targets: targets.length, rows: rows.length }
  const build = (): DeploymentPayload => {
    const notes = [
      targets.length < total.targets ? `${total.targets - targets.length} of ${total.targets} targets omitted` : '',
      rows.length < total.rows ? `${total.rows - rows.length} of ${total.rows} rollback rows omitted` : ''
    ].filter(Boolean)
    return {
      ...payload,
      targets,
      ...(payload.rollback ? { rollback: { ...payload.rollback, targets: rows } } : {}),
      trimmed: `${notes.join('; ')} to keep the payload under ${maxBytes} bytes; the run's record has everything`
    }
  }
  while (targets.length > 0 && payloadBytes(build()) > maxBytes) targets.pop()
  while (rows.length > 0 && payloadBytes(build()) > maxBytes) rows.pop()
  return build()
}

/** Reads a Deployment's payload as ours, or undefined (someone else's, or not JSON). */
export function readPayload(payload: unknown): DeploymentPayload | undefined {
  let value = payload
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch {
      return undefined
    }
  }
  if (!value || typeof value !== 'object') return undefined
  const record = value as Partial<DeploymentPayload>
  return record.tool === PAYLOAD_TOOL && Array.isArray(record.targets) ? (record as DeploymentPayload) : undefined
}

/** The final status of a run: only a pass is a success; inconclusive is a failure (a gate lets no unknown through). */
export function finalState(result: RunResult): DeploymentState {
  return result.verdict === 'passed' ? 'success' : 'failure'
}

/**
 * True when an undo landed on every target that was rolled back and each restored version was judged
 * healthy (or could not be waited for): the old version is live again, so its Deployment becomes current.
 */
export function restoredPrevious(result: RunResult): boolean {
  const targets = result.rollback?.targets ?? []
  const landed = targets.filter(hasLanded)
  return landed.length > 0 && landed.every((t) => t.state !== 'rolled-back-unhealthy')
}

/** A status description: one line, control characters removed, at most 140 characters. */
export function description(text: string): string {
  const clean = stripControl(text).replace(/\s+/g, ' ').trim()
  if (clean.length <= DESCRIPTION_MAX_CHARS) return clean
  let end = DESCRIPTION_MAX_CHARS - 1
  const code = clean.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end -= 1
  return `${clean.slice(0, end)}…`
}

/** The images a rollback restored, per target label, when the run knows them. */
export function restoredImages(result: RunResult): Map<string, Record<string, string>> {
  const images = new Map<string, Record<string, string>>()
  for (const rollback of result.rollback?.targets ?? []) {
    if (!hasLanded(rollback)) continue
    const label = targetLabel(rollback.ref)
    const restored = rollback.restored?.images
    const judged = result.targets.find((t) => sameRef(t.ref, rollback.ref))
    const previous =
      judged?.previous && rollback.toRevision !== undefined && String(rollback.toRevision) === judged.previous.revision
        ? judged.previous.images
        : undefined
    const found = restored ?? previous
    if (found) images.set(label, found)
  }
  return images
}
