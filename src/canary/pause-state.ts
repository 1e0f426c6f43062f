/**
 * The state a manually paused canary leaves on its canary Deployment (annotation
 * `deploy-guard.io/canary-state`, JSON), so a later run resumes or aborts exactly where it stopped.
 * Pure. It holds what restoring needs — each routing object as first read (the saved original, trimmed
 * to labels, annotations and spec), the fields deploy-guard changed with their guards and the values it
 * last wrote — plus the next step, the workload names, and a hash of the canary config, so a resumed
 * run with another config is refused before anything is touched. No secrets: routing objects and
 * names only (the config's queries and credentials are never in it, only their hash).
 */
import { createHash } from 'node:crypto'
import { isDeepStrictEqual } from 'node:util'
import type { KubeObject, ResourceType } from '../kube/api.js'
import type { CanaryConfig } from '../config/schema-canary.js'
import { readPointer } from '../act/traffic/json-pointer.js'
import type { ForeignChange, RouterState, TouchedField, TrafficRouterKind, TrafficSpec } from '../act/traffic/types.js'
import type { CanaryNames } from './traffic-plan.js'
import { isPlainObject } from '../util/plain-object.js'

export const STATE_ANNOTATION = 'deploy-guard.io/canary-state'
/** Annotations of one object may hold 256 KiB in all; the state keeps well under it. */
export const MAX_STATE_BYTES = 128 * 1024
const DROPPED_ANNOTATIONS = [STATE_ANNOTATION, 'kubectl.kubernetes.io/last-applied-configuration']

export interface SavedObject {
  type: ResourceType
  namespace: string
  name: string
  /** As first read, trimmed (labels, annotations, spec): the values restore puts back. */
  original: KubeObject
  touched: TouchedField[]
  /** The value deploy-guard last wrote at each touched path (undefined = absent), to spot edits made during the pause. */
  written: Array<{ path: string; value: unknown }>
}

export interface PausedCanary {
  version: 1
  configHash: string
  /** 0-based index of the step a resume starts with (= steps.length: promote). */
  nextStep: number
  names: CanaryNames
  router: TrafficRouterKind
  spec: TrafficSpec
  objects: SavedObject[]
  weight: number
  effectiveWeight: number
  /** deploy-guard created the canary Deployment (clean-up may delete it). */
  created: boolean
  /** An earlier step's analysis ran and passed (promotion needs one). */
  analysedBefore: boolean
  pausedAt: string
}

/** The canary config's identity for a resume: everything that shapes the steps and the routing. */
export function canaryConfigHash(canary: CanaryConfig | undefined, names: CanaryNames): string {
  const shape = {
    names,
    strategy: canary?.strategy,
    steps: canary?.steps,
    traffic: canary?.traffic,
    workload: canary?.workload,
    replicas: canary?.replicas
  }
  return createHash('sha256').update(JSON.stringify(shape)).digest('hex').slice(0, 16)
}

function trimmed(object: KubeObject): KubeObject {
  const annotations = { ...(object.metadata.annotations ?? {}) }
  for (const key of DROPPED_ANNOTATIONS) delete annotations[key]
  return {
    ...(object.apiVersion ? { apiVersion: object.apiVersion } : {}),
    ...(object.kind ? { kind: object.kind } : {}),
    metadata: {
      name: object.metadata.name,
      ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
      ...(object.metadata.labels ? { labels: object.metadata.labels } : {}),
      annotations
    },
    ...(object.spec !== undefined ? { spec: object.spec } : {})
  }
}

export interface PauseInput {
  configHash: string
  nextStep: number
  names: CanaryNames
  state: RouterState
  created: boolean
  analysedBefore: boolean
  now: Date
}

/** The annotation's value; throws when it would exceed MAX_STATE_BYTES (routing objects too large to keep). */
export function serializePause(input: PauseInput): string {
  const { state } = input
  const paused: PausedCanary = {
    version: 1,
    configHash: input.configHash,
    nextStep: input.nextStep,
    names: input.names,
    router: state.kind,
    spec: state.spec,
    objects: state.objects.map((o) => ({
      type: o.type,
      namespace: o.namespace,
      name: o.name,
      original: trimmed(o.original),
      touched: o.touched,
      written: o.touched.map((t) => ({ path: t.path, value: readPointer(o.live, t.path) }))
    })),
    weight: state.weight,
    effectiveWeight: state.effectiveWeight,
    created: input.created,
    analysedBefore: input.analysedBefore,
    pausedAt: input.now.toISOString()
  }
  const text = JSON.stringify(paused)
  const bytes = Buffer.byteLength(text)
  if (bytes > MAX_STATE_BYTES)
    throw new Error(
      `the canary's saved routing state is ${Math.ceil(bytes / 1024)} KiB, more than the ${MAX_STATE_BYTES / 1024} KiB an annotation can safely hold: use timed pauses with this route`
    )
  return text
}

/** The saved state, or why it cannot be read (a hand-edited or foreign annotation). */
export function parsePause(text: string): PausedCanary | string {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return `annotation ${STATE_ANNOTATION} is not JSON`
  }
  if (!isPlainObject(value) || value.version !== 1)
    return `annotation ${STATE_ANNOTATION} has an unknown format (version ${isPlainObject(value) ? String(value.version) : '?'})`
  const ok =
    typeof value.configHash === 'string' &&
    typeof value.nextStep === 'number' &&
    isPlainObject(value.names) &&
    typeof value.router === 'string' &&
    isPlainObject(value.spec) &&
    Array.isArray(value.objects) &&
    value.objects.every(
      (o) => isPlainObject(o) && isPlainObject(o.original) && Array.isArray(o.touched) && Array.isArray(o.written)
    ) &&
    typeof value.weight === 'number'
  return ok ? (value as unknown as PausedCanary) : `annotation ${STATE_ANNOTATION} is incomplete (edited by hand?)`
}

/** Fields of a routing object that no longer hold what deploy-guard wrote (or its guards), found on resume. */
export function changedSincePause(saved: SavedObject, fresh: KubeObject | undefined): ForeignChange[] {
  const object = `${saved.type.kind} ${saved.namespace}/${saved.name}`
  if (fresh === undefined) return [{ object, path: '', expected: 'the object', found: undefined }]
  const changes: ForeignChange[] = []
  for (const { path, value } of saved.written) {
    const found = readPointer(fresh, path)
    if (!isDeepStrictEqual(found, value)) changes.push({ object, path, expected: value, found })
  }
  for (const guard of saved.touched.flatMap((t) => t.guards)) {
    const found = readPointer(fresh, guard.path)
    if (!isDeepStrictEqual(found, guard.value) && !changes.some((c) => c.path === guard.path))
      changes.push({ object, path: guard.path, expected: guard.value, found })
  }
  return changes
}

/** The router state a resumed run continues with: the saved originals and touched fields, the live objects as read now. */
export function resumedRouterState(paused: PausedCanary, fresh: readonly KubeObject[]): RouterState {
  return {
    kind: paused.router,
    spec: paused.spec,
    objects: paused.objects.map((saved, i) => ({
      type: saved.type,
      namespace: saved.namespace,
      name: saved.name,
      original: saved.original,
      live: structuredClone(fresh[i]!),
      touched: saved.touched
    })),
    weight: paused.weight,
    effectiveWeight: paused.effectiveWeight
  }
}
