/**
 * Reading a workload's pod template and selector. Identical for Deployments, StatefulSets and
 * DaemonSets (all three keep `spec.selector` and `spec.template`), so it lives here once rather than in
 * each kind's file. Pure.
 */
import type { KubeObject } from '../api.js'
import type { LabelSelector, PodTemplate } from '../../evaluate/k8s-types.js'
import { selectorToString } from '../../evaluate/selector.js'
import { semanticEqual } from './semantic-equal.js'

interface WithTemplate {
  spec?: { selector?: LabelSelector; template?: PodTemplate }
}

/** The label Deployments add to each ReplicaSet's template (apps/v1 DefaultDeploymentUniqueLabelKey). */
export const POD_TEMPLATE_HASH = 'pod-template-hash'

export const specOf = (obj: KubeObject): WithTemplate['spec'] => (obj as WithTemplate).spec

export const templateOf = (obj: KubeObject): PodTemplate | undefined => specOf(obj)?.template

export const selectorOf = (obj: KubeObject): LabelSelector | undefined => specOf(obj)?.selector

/** Images of the pod template's containers, by container name. */
export function templateImages(obj: KubeObject): Record<string, string> {
  return imagesOf(templateOf(obj))
}

export function imagesOf(template: PodTemplate | undefined): Record<string, string> {
  const images: Record<string, string> = {}
  for (const c of template?.spec?.containers ?? []) images[c.name] = c.image ?? ''
  return images
}

export const templateLabels = (obj: KubeObject): Record<string, string> => templateOf(obj)?.metadata?.labels ?? {}

/** The workload selector plus one label: `app=web,pod-template-hash=abc`. */
export function selectorWith(obj: KubeObject, key: string, value: string): string {
  const base = selectorToString(selectorOf(obj))
  return base ? `${base},${key}=${value}` : `${key}=${value}`
}

/** A copy of the template without the `pod-template-hash` label (kubectl deletes it before an undo). */
export function withoutHash(template: PodTemplate | undefined): PodTemplate {
  const labels = { ...(template?.metadata?.labels ?? {}) }
  delete labels[POD_TEMPLATE_HASH]
  return { ...structuredClone(template ?? {}), metadata: { ...structuredClone(template?.metadata ?? {}), labels } }
}

/**
 * Template equality ignoring `pod-template-hash` (kubectl/kubernetes deploymentutil EqualIgnoreHash,
 * which compares with apimachinery's Semantic.DeepEqual: empty and absent maps are equal).
 */
export function equalIgnoreHash(a: PodTemplate | undefined, b: PodTemplate | undefined): boolean {
  return semanticEqual(withoutHash(a), withoutHash(b))
}
