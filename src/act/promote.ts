/**
 * Promotion of a canary (issue 10) and the canary's scaling, the writes the canary command makes to
 * Deployments (routing objects are the traffic routers'). Every write is one JSON patch guarded by the
 * resourceVersion read just before (a 409 Conflict if anyone changed the object meanwhile: nothing of
 * theirs is overwritten).
 *
 * Promotion gives the stable the canary's whole pod template — spec, labels and annotations — except
 * the `deploy-guard.io/track` label; the stable's selector labels keep their values (a Deployment's
 * template must match its immutable selector), and stable labels the canary lacks are kept (a Service
 * may select them). It returns the stable's template as it was, so an unhealthy promotion can be put back.
 */
import type { KubeApi, KubeObject } from '../kube/api.js'
import { RESOURCES } from '../kube/resources.js'
import type { LabelSelector, PodTemplate } from '../evaluate/k8s-types.js'
import { TRACK_LABEL } from '../canary/canary-manifest.js'
import { conflictGuardOperation, isRollbackConflict } from './rollback/conflict.js'
import { pointer } from './traffic/json-pointer.js'

/**
 * Runs a read-decide-write `attempt` again when it loses to a concurrent write (409): the Deployment
 * controller updates status all the time, and a scale or an annotation is decided afresh each time.
 */
async function onFreshRead<T>(attempt: () => Promise<T>, tries = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt()
    } catch (error) {
      if (i >= tries || !isRollbackConflict(error)) throw error
    }
  }
}

interface DeploymentLike extends KubeObject {
  spec?: { replicas?: number; selector?: LabelSelector; template?: PodTemplate }
}

export class PromotionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PromotionError'
  }
}

async function read(api: KubeApi, namespace: string, name: string): Promise<DeploymentLike> {
  const object = await api.get<DeploymentLike>(RESOURCES.Deployment, namespace, name)
  if (!object) throw new PromotionError(`Deployment ${namespace}/${name} is gone`)
  return object
}

/** The stable's template after promotion. Pure. */
export function promotedTemplate(stable: DeploymentLike, canary: DeploymentLike): PodTemplate {
  const from = canary.spec?.template ?? {}
  const canaryLabels = { ...(from.metadata?.labels ?? {}) }
  delete canaryLabels[TRACK_LABEL]
  const labels = {
    ...(stable.spec?.template?.metadata?.labels ?? {}),
    ...canaryLabels,
    ...(stable.spec?.selector?.matchLabels ?? {})
  }
  return {
    ...structuredClone(from),
    metadata: {
      ...structuredClone(from.metadata ?? {}),
      labels,
      ...(from.metadata?.annotations ? { annotations: { ...from.metadata.annotations } } : {})
    }
  }
}

export interface Promoted {
  /** The stable's template before promotion (for putting it back). */
  previousTemplate: PodTemplate
}

/** Gives `stable` the canary's pod template and `replicas` pods. */
export async function promoteCanaryTemplate(
  api: KubeApi,
  namespace: string,
  stable: string,
  canary: string,
  replicas: number
): Promise<Promoted> {
  const canaryObject = await read(api, namespace, canary)
  if (canaryObject.spec?.template?.spec === undefined)
    throw new PromotionError(`Deployment ${namespace}/${canary} has no pod template`)
  const stableObject = await read(api, namespace, stable)
  await api.patch(
    RESOURCES.Deployment,
    namespace,
    stable,
    [
      ...conflictGuardOperation(stableObject),
      { op: 'add', path: '/spec/template', value: promotedTemplate(stableObject, canaryObject) },
      { op: 'add', path: '/spec/replicas', value: replicas }
    ],
    'json'
  )
  return { previousTemplate: stableObject.spec?.template ?? {} }
}

/** Puts the stable's pre-promotion template back (an unhealthy promotion), guarded like the promotion. */
export async function restoreStableTemplate(
  api: KubeApi,
  namespace: string,
  stable: string,
  template: PodTemplate
): Promise<void> {
  const object = await read(api, namespace, stable)
  await api.patch(
    RESOURCES.Deployment,
    namespace,
    stable,
    [...conflictGuardOperation(object), { op: 'add', path: '/spec/template', value: template }],
    'json'
  )
}

/** Scales `name` to `replicas`, guarded by the resourceVersion read just before; false when already there. */
export function scaleDeployment(api: KubeApi, namespace: string, name: string, replicas: number): Promise<boolean> {
  return onFreshRead(async () => {
    const object = await read(api, namespace, name)
    if ((object.spec?.replicas ?? 1) === replicas) return false
    await api.patch(
      RESOURCES.Deployment,
      namespace,
      name,
      [...conflictGuardOperation(object), { op: 'add', path: '/spec/replicas', value: replicas }],
      'json'
    )
    return true
  })
}

/** Scales `name` to zero; a no-op when already at zero. */
export function scaleToZero(api: KubeApi, namespace: string, name: string): Promise<boolean> {
  return scaleDeployment(api, namespace, name, 0)
}

/** Deletes the canary Deployment the run created (its uid must still be the one read: never someone else's). */
export async function deleteCanary(api: KubeApi, namespace: string, name: string): Promise<boolean> {
  const object = await api.get(RESOURCES.Deployment, namespace, name)
  if (!object) return false
  await api.delete(RESOURCES.Deployment, namespace, name, object.metadata.uid ? { uid: object.metadata.uid } : {})
  return true
}

/** Sets (string) or removes (undefined) one annotation on a Deployment, guarded by the resourceVersion read. */
export function setAnnotation(
  api: KubeApi,
  namespace: string,
  name: string,
  key: string,
  value: string | undefined
): Promise<void> {
  return onFreshRead(async () => {
    const object = await read(api, namespace, name)
    const has = object.metadata.annotations?.[key] !== undefined
    if (value === undefined && !has) return
    const path = pointer('metadata', 'annotations', key)
    const ops =
      value === undefined
        ? [{ op: 'remove' as const, path }]
        : object.metadata.annotations
          ? [{ op: 'add' as const, path, value }]
          : [{ op: 'add' as const, path: '/metadata/annotations', value: { [key]: value } }]
    await api.patch(RESOURCES.Deployment, namespace, name, [...conflictGuardOperation(object), ...ops], 'json')
  })
}
