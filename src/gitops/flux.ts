/**
 * Flux Kustomization / HelmRelease readiness, following kstatus order (suspend, Stalled, generation,
 * Reconciling, then Ready). `evaluateFluxObject` is pure; `checkFlux` only reads through KubeApi.
 */
import type { KubeApi, KubeObject, ResourceType } from '../kube/api.js'
import type { CheckResult } from '../model/result.js'
import { FLUX_HELMRELEASES, FLUX_KUSTOMIZATIONS } from './resources.js'
import { clip, joinPresent, shortRevision } from './text.js'

export type FluxKind = 'Kustomization' | 'HelmRelease'

export interface FluxCondition {
  type: string
  status: string
  reason?: string
  message?: string
  observedGeneration?: number
}

/** The parts of a Flux toolkit object we read (fluxcd/pkg apis/meta conditions, kustomize/helm-controller status). */
export interface FluxObject extends KubeObject {
  spec?: { suspend?: boolean }
  status?: {
    observedGeneration?: number
    conditions?: FluxCondition[]
    lastAppliedRevision?: string
    lastAttemptedRevision?: string
  }
}

export interface FluxTarget {
  kind: FluxKind
  name: string
  namespace: string
}

export const FLUX_ROW_ID = 'flux'

export function fluxTitle(kind: FluxKind, name: string): string {
  return `Flux ${kind} ${name}`
}

const RESOURCES: Record<FluxKind, ResourceType> = { Kustomization: FLUX_KUSTOMIZATIONS, HelmRelease: FLUX_HELMRELEASES }

function condition(obj: FluxObject, type: string): FluxCondition | undefined {
  return obj.status?.conditions?.find((c) => c.type === type)
}

/** `Stalled (RetriesExceeded): upgrade failed` */
function describeCondition(c: FluxCondition): string {
  const head = c.reason ? `${c.type} (${c.reason})` : c.type
  return c.message ? `${head}: ${clip(c.message, 300)}` : head
}

function actualOf(obj: FluxObject, ready: FluxCondition | undefined): string {
  const applied = obj.status?.lastAppliedRevision
  const attempted = obj.status?.lastAttemptedRevision
  return joinPresent([
    obj.spec?.suspend === true ? 'suspended' : undefined,
    ready ? `Ready=${ready.status}${ready.reason ? ` (${ready.reason})` : ''}` : 'no Ready condition',
    applied ? `applied ${shortRevision(applied)}` : undefined,
    attempted && attempted !== applied ? `attempted ${shortRevision(attempted)}` : undefined
  ])
}

/** The generation the controller has not caught up with yet, if any (object-level or on Ready). */
function unobservedGeneration(obj: FluxObject, ready: FluxCondition | undefined): number | undefined {
  const generation = obj.metadata.generation
  if (generation === undefined) return undefined
  const observed = [obj.status?.observedGeneration, ready?.observedGeneration].filter(
    (g): g is number => g !== undefined
  )
  return observed.some((g) => g < generation) ? generation : undefined
}

/** One row for a Flux object: passed only when Ready=True for the current generation. */
export function evaluateFluxObject(kind: FluxKind, obj: FluxObject): CheckResult {
  const ref = `${kind} ${obj.metadata.namespace ? `${obj.metadata.namespace}/` : ''}${obj.metadata.name}`
  const ready = condition(obj, 'Ready')
  const row: CheckResult = {
    id: FLUX_ROW_ID,
    title: fluxTitle(kind, obj.metadata.name),
    expected: 'Ready',
    actual: actualOf(obj, ready),
    status: 'passed'
  }
  const failed = (reason: string): CheckResult => ({ ...row, status: 'failed', reason })
  const inconclusive = (reason: string): CheckResult => ({ ...row, status: 'inconclusive', reason })

  if (obj.spec?.suspend === true) {
    return failed(`${ref} is suspended (spec.suspend: true): Flux applies no changes until it is resumed.`)
  }
  const stalled = condition(obj, 'Stalled')
  if (stalled?.status === 'True') return failed(`${ref} is stalled: ${describeCondition(stalled)}.`)

  const generation = unobservedGeneration(obj, ready)
  if (generation !== undefined) {
    return inconclusive(`The Flux controller has not yet reconciled generation ${generation} of ${ref}.`)
  }
  const reconciling = condition(obj, 'Reconciling')
  if (reconciling?.status === 'True')
    return inconclusive(`${ref} is still reconciling: ${describeCondition(reconciling)}.`)

  if (ready?.status === 'True') return row
  if (ready?.status === 'False') return failed(`${ref} is not ready: ${describeCondition(ready)}.`)
  return inconclusive(
    ready
      ? `${ref} readiness is Unknown: ${describeCondition(ready)}.`
      : `${ref} has no Ready condition yet; Flux may not have reconciled it.`
  )
}

export function fluxObjectNotFound(target: FluxTarget): CheckResult {
  return {
    id: FLUX_ROW_ID,
    title: fluxTitle(target.kind, target.name),
    expected: 'Ready',
    actual: 'not found',
    status: 'failed',
    reason: `No Flux ${target.kind} "${target.name}" in namespace "${target.namespace}": check verify.gitops.flux (kind, name, namespace — Flux objects often live in "flux-system") and that Flux with ${RESOURCES[target.kind].apiVersion} is installed.`
  }
}

/** Reads the Flux object and evaluates it. Throws KubeApiError on API failures (see index.ts). */
export async function checkFlux(api: KubeApi, target: FluxTarget): Promise<CheckResult> {
  const obj = await api.get<FluxObject>(RESOURCES[target.kind], target.namespace, target.name)
  return obj ? evaluateFluxObject(target.kind, obj) : fluxObjectNotFound(target)
}
