/** Reads one routing object for `prepare`, or explains what is missing. */
import type { KubeApi, KubeObject, ResourceType } from '../../kube/api.js'
import { track } from './apply.js'
import { TrafficSetupError, type TrackedObject } from './types.js'

export async function readTracked(
  api: KubeApi,
  type: ResourceType,
  namespace: string,
  name: string,
  hint: string
): Promise<TrackedObject> {
  const object = await api.get<KubeObject>(type, namespace, name)
  if (object === undefined) throw new TrafficSetupError(`${type.kind} ${namespace}/${name} not found: ${hint}`)
  return track(object, type, namespace)
}
