/**
 * The Deployment reads of a blue-green run (issue 10). Its writes — green scaled up beside blue and back
 * to zero on abort, blue to zero after a good switch — are the canary's guarded scale (./promote.ts).
 */
import type { KubeApi, KubeObject } from '../kube/api.js'
import { RESOURCES } from '../kube/resources.js'

export interface ScalableDeployment extends KubeObject {
  spec?: { replicas?: number }
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
