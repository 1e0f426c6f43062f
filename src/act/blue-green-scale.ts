/**
 * The Deployment writes of a blue-green run (issue 10): set a colour's replica count, guarded by the
 * resourceVersion read just before (409 Conflict if anyone changed it meanwhile: nothing of theirs is
 * overwritten). Green is scaled up beside blue and back to zero on abort; blue to zero after a good switch.
 */
import type { KubeApi, KubeObject } from '../kube/api.js'
import { RESOURCES } from '../kube/resources.js'
import { conflictGuardOperation } from './rollback/conflict.js'

export interface ScalableDeployment extends KubeObject {
  spec?: { replicas?: number; template?: { metadata?: { labels?: Record<string, string> } } }
}

export class ScaleError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ScaleError'
  }
}

export async function readDeployment(api: KubeApi, namespace: string, name: string): Promise<ScalableDeployment> {
  const object = await api.get<ScalableDeployment>(RESOURCES.Deployment, namespace, name)
  if (!object) throw new ScaleError(`Deployment ${namespace}/${name} not found`)
  return object
}

/** Sets `name` to `replicas` pods; false when it already had that many (nothing written). */
export async function scaleDeployment(
  api: KubeApi,
  namespace: string,
  name: string,
  replicas: number
): Promise<boolean> {
  const object = await readDeployment(api, namespace, name)
  // An absent spec.replicas means 1, as the API server defaults it.
  if ((object.spec?.replicas ?? 1) === replicas) return false
  await api.patch(
    RESOURCES.Deployment,
    namespace,
    name,
    [...conflictGuardOperation(object), { op: 'add', path: '/spec/replicas', value: replicas }],
    'json'
  )
  return true
}
