/**
 * The snapshot of a target as stored on the workload (`deploy-guard.io/snapshot`): builder, parser,
 * and what a rollback takes from it. Pure.
 *
 * The annotation is outside text by the time it is read back: anyone who can edit the workload can
 * change it, and manifests copied between workloads carry it along. So the parser validates every
 * field, bounds every size, and refuses a snapshot taken of a different object (kind, name,
 * namespace) — following it would roll a workload back to another workload's revision.
 */
import * as z from 'zod'
import type { Pod } from '../evaluate/k8s-types.js'
import type { TargetRef } from '../model/result.js'
import type { RecordedRevision } from '../model/rollback.js'
import { SNAPSHOT_ANNOTATION, type PodRestarts, type TargetSnapshot } from '../model/snapshot.js'
import { LABEL_VALUE, readJsonAnnotation, type AnnotationRead } from './annotation-json.js'

/** Bound of the annotation value. Kubernetes allows 256 KiB for all annotations together; we take a small share. */
export const MAX_SNAPSHOT_CHARS = 16_384
const MAX_PODS = 500
const MAX_CONTAINERS = 50

const name = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/, 'expected a Kubernetes name')
const count = z.number().int().min(0)
const text = (max: number) => z.string().min(1).max(max)
const containerMap = <T extends z.ZodType>(value: T) =>
  z.record(name, value).refine((m) => Object.keys(m).length <= MAX_CONTAINERS, `at most ${MAX_CONTAINERS} containers`)

const snapshotSchema = z.strictObject({
  version: z.literal(1),
  ref: z.strictObject({
    kind: z.string().regex(/^[A-Z][A-Za-z0-9]{0,62}$/, 'expected a kind like Deployment'),
    name,
    namespace: name,
    apiVersion: text(253).optional()
  }),
  revision: z.number().int().positive(),
  templateHash: z.string().regex(LABEL_VALUE, 'expected a template hash (a label value)').optional(),
  images: containerMap(text(1024)),
  replicas: count.optional(),
  restarts: z
    .array(z.strictObject({ pod: name, uid: text(64).optional(), containers: containerMap(count) }))
    .max(MAX_PODS),
  restartsOmitted: z.boolean().optional(),
  argocd: z.strictObject({ application: name, namespace: name.optional(), syncedRevision: text(256) }).optional(),
  helm: z.strictObject({ release: name, namespace: name.optional(), revision: z.number().int().positive() }).optional(),
  takenAt: z.iso.datetime({ offset: true }),
  runUrl: z
    .string()
    .max(500)
    .regex(/^https?:\/\/[^\s]+$/, 'expected an http(s) URL')
    .optional()
})

/** Restart counts per pod and container, from the pods as gathered. */
export function podRestarts(pods: readonly Pod[]): PodRestarts[] {
  return pods.map((pod) => {
    const containers: Record<string, number> = {}
    for (const c of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])])
      containers[c.name] = c.restartCount ?? 0
    return { pod: pod.metadata.name, ...(pod.metadata.uid ? { uid: pod.metadata.uid } : {}), containers }
  })
}

export interface SnapshotAnnotation {
  key: typeof SNAPSHOT_ANNOTATION
  value: string
  /** Set when the restart counts were left out to stay within MAX_SNAPSHOT_CHARS. */
  trimmed?: string
}

/**
 * The annotation to write. Restart counts are the only part that grows with the workload; when the
 * value would exceed the bound they are dropped (and said so) — the revision and hash, which the
 * rollback needs, always fit.
 */
export function snapshotAnnotation(snapshot: TargetSnapshot): SnapshotAnnotation {
  const full = JSON.stringify({ version: 1, ...snapshot })
  if (full.length <= MAX_SNAPSHOT_CHARS && snapshot.restarts.length <= MAX_PODS)
    return { key: SNAPSHOT_ANNOTATION, value: full }
  const value = JSON.stringify({ version: 1, ...snapshot, restarts: [], restartsOmitted: true })
  return {
    key: SNAPSHOT_ANNOTATION,
    value,
    trimmed: `restart counts of ${snapshot.restarts.length} pods left out of the ${SNAPSHOT_ANNOTATION} annotation to stay within ${MAX_SNAPSHOT_CHARS} characters`
  }
}

/**
 * The snapshot stored on `from` (the object the annotation was read from), or why it cannot be used.
 * A snapshot naming another object is refused, not corrected.
 */
export function parseSnapshotAnnotation(raw: string | undefined, from: TargetRef): AnnotationRead<TargetSnapshot> {
  const read = readJsonAnnotation(SNAPSHOT_ANNOTATION, raw, snapshotSchema, MAX_SNAPSHOT_CHARS)
  if (!read.ok) return read
  const { version: _version, ...snapshot } = read.value
  const { ref } = snapshot
  if (ref.kind !== from.kind || ref.name !== from.name || ref.namespace !== from.namespace)
    return {
      ok: false,
      reason: `annotation ${SNAPSHOT_ANNOTATION} on ${from.kind.toLowerCase()}/${from.name} in ${from.namespace} records ${ref.kind.toLowerCase()}/${ref.name} in ${ref.namespace} (copied from another workload?); ignored`
    }
  return { ok: true, value: snapshot }
}

/** The revision a `recorded` rollback returns to, from a snapshot. */
export function recordedFromSnapshot(snapshot: TargetSnapshot): RecordedRevision {
  return {
    source: 'snapshot',
    revision: snapshot.revision,
    ...(snapshot.templateHash !== undefined ? { templateHash: snapshot.templateHash } : {})
  }
}

/** Restart baseline (pod uid → container → count) for verify, from a snapshot's restarts. Pods without a uid are skipped. */
export function restartBaselineFromSnapshot(snapshot: TargetSnapshot): Record<string, Record<string, number>> {
  const baseline: Record<string, Record<string, number>> = {}
  for (const p of snapshot.restarts) if (p.uid) baseline[p.uid] = { ...p.containers }
  return baseline
}
