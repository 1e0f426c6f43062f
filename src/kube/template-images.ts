/** Images of a workload's pod template, by container name (what the deploy asked for). */
import type { TargetRef } from '../model/result.js'
import type { KubeApi, KubeObject } from './api.js'

interface WithTemplate extends KubeObject {
  spec?: { template?: { spec?: { containers?: Array<{ name: string; image?: string }> } } }
}

export async function readTemplateImages(api: KubeApi, ref: TargetRef): Promise<Record<string, string>> {
  const type = await api.resourceFor(ref.kind, ref.apiVersion)
  const object = await api.get<WithTemplate>(type, ref.namespace, ref.name)
  if (!object) throw new Error(`${ref.kind.toLowerCase()} "${ref.name}" not found in namespace "${ref.namespace}"`)
  const images: Record<string, string> = {}
  for (const container of object.spec?.template?.spec?.containers ?? []) {
    if (container.image) images[container.name] = container.image
  }
  return images
}
