/**
 * Promotion of a replicas canary (issue 10): the stable Deployment gets the canary's pod spec and its
 * own replica count back, in one JSON patch guarded by the resourceVersion we read (a 409 Conflict if
 * anyone changed it meanwhile: nothing of theirs is overwritten). The stable's template labels stay
 * its own, since they must keep matching its selector. Also the guarded scale-to-zero of the canary.
 */
import type { KubeApi, KubeObject } from '../kube/api.js'
import { RESOURCES } from '../kube/resources.js'
import { conflictGuardOperation } from './rollback/conflict.js'

interface DeploymentLike extends KubeObject {
  spec?: { replicas?: number; template?: { spec?: unknown } }
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

/**
 * Gives `stable` the pod spec of `canary` and `replicas` pods. Returns the patched stable (its
 * generation is what a rollout wait follows).
 */
export async function promoteCanaryTemplate(
  api: KubeApi,
  namespace: string,
  stable: string,
  canary: string,
  replicas: number
): Promise<KubeObject> {
  const canaryObject = await read(api, namespace, canary)
  const podSpec = canaryObject.spec?.template?.spec
  if (podSpec === undefined) throw new PromotionError(`Deployment ${namespace}/${canary} has no pod template`)
  const stableObject = await read(api, namespace, stable)
  return api.patch(
    RESOURCES.Deployment,
    namespace,
    stable,
    [
      ...conflictGuardOperation(stableObject),
      { op: 'replace', path: '/spec/template/spec', value: podSpec },
      { op: 'add', path: '/spec/replicas', value: replicas }
    ],
    'json'
  )
}

/** Scales `name` to zero, guarded by the resourceVersion read just before; a no-op when already at zero. */
export async function scaleToZero(api: KubeApi, namespace: string, name: string): Promise<boolean> {
  const object = await read(api, namespace, name)
  if (object.spec?.replicas === 0) return false
  await api.patch(
    RESOURCES.Deployment,
    namespace,
    name,
    [...conflictGuardOperation(object), { op: 'add', path: '/spec/replicas', value: 0 }],
    'json'
  )
  return true
}
