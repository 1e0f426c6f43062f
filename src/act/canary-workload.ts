/**
 * The canary (or blue-green's green) Deployment: an existing one is used as found — given the new
 * images when they differ — and a missing one is created from the stable Deployment
 * (src/canary/canary-manifest.ts) at 0 replicas. Every write is guarded: the image update by the
 * resourceVersion read, the create by the name (409 AlreadyExists = someone made it meanwhile: used).
 */
import { KubeApiError, type KubeApi, type KubeObject } from '../kube/api.js'
import { RESOURCES } from '../kube/resources.js'
import { CanaryManifestError, canaryManifest, withImages } from '../canary/canary-manifest.js'
import type { Container } from '../evaluate/k8s-types.js'
import { conflictGuardOperation } from './rollback/conflict.js'

export interface CanaryWorkloadSpec {
  namespace: string
  /** The stable Deployment (the template source). */
  stable: string
  /** The canary Deployment's name. */
  name: string
  /** container → image (`*` = the only container); undefined: the canary must exist already. */
  images?: Record<string, string>
  /** Value of the deploy-guard.io/track label on a created Deployment (default `canary`). */
  track?: string
  /** Pod labels a created Deployment has instead of the stable's (also in its selector). */
  labels?: Record<string, string>
}

interface WithContainers extends KubeObject {
  spec?: { template?: { spec?: { containers?: Container[] } } }
}

export async function ensureCanaryWorkload(api: KubeApi, spec: CanaryWorkloadSpec): Promise<{ created: boolean }> {
  const { namespace, stable, name, images } = spec
  const existing = await api.get<WithContainers>(RESOURCES.Deployment, namespace, name)
  if (existing) {
    if (images) await updateImages(api, existing, images)
    return { created: false }
  }
  if (!images)
    throw new CanaryManifestError(
      `Deployment ${namespace}/${name} not found: create the canary Deployment, name it in canary.workload, or give the image input to make it from ${stable}`
    )
  const source = await api.get(RESOURCES.Deployment, namespace, stable)
  if (!source) throw new CanaryManifestError(`the stable Deployment ${namespace}/${stable} not found: check the target`)
  try {
    await api.create(RESOURCES.Deployment, namespace, canaryManifest(source, name, images, spec.track, spec.labels))
    return { created: true }
  } catch (error) {
    // Made by someone (or a retried request of ours) meanwhile: use it as found.
    if (error instanceof KubeApiError && error.status === 409) return { created: false }
    throw error
  }
}

/** Gives an existing canary the new images (a canary left from an earlier release), guarded by its resourceVersion. */
async function updateImages(api: KubeApi, existing: WithContainers, images: Record<string, string>): Promise<void> {
  const owner = `Deployment ${existing.metadata.namespace ?? ''}/${existing.metadata.name}`
  const containers = existing.spec?.template?.spec?.containers ?? []
  const updated = withImages(containers, images, owner)
  const ops = updated.flatMap((c, i) =>
    c.image === containers[i]?.image
      ? []
      : [{ op: 'replace' as const, path: `/spec/template/spec/containers/${i}/image`, value: c.image }]
  )
  if (ops.length === 0) return
  await api.patch(
    RESOURCES.Deployment,
    existing.metadata.namespace,
    existing.metadata.name,
    [...conflictGuardOperation(existing), ...ops],
    'json'
  )
}
