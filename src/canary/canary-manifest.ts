/**
 * The canary Deployment made from the stable one, pure: the stable's pod template with new images, a
 * `deploy-guard.io/track: canary` label added to the pod labels and to the selector, and 0 replicas.
 * The pod labels otherwise stay the stable's, so a Service that selects the stable's pods (the
 * replicas router) also selects the canary's. The stable's own selector must not select the canary's
 * pods — its rollout status and health checks would count them — so a stable whose selector would is
 * refused with what to change.
 */
import type { KubeObject } from '../kube/api.js'
import type { Container, LabelSelector, PodTemplate } from '../evaluate/k8s-types.js'
import { matchesSelector, selectorToString } from '../evaluate/selector.js'

export const TRACK_LABEL = 'deploy-guard.io/track'
/** Marks a Deployment deploy-guard created (so clean-up may delete it). */
export const CREATED_BY_ANNOTATION = 'deploy-guard.io/created-from'
/** The image of the only container (`image: registry/web:2.0.0` without a container name). */
export const ONLY_CONTAINER = '*'

/** Metadata the server owns or that describes the stable's own history: never copied. */
const SERVER_ANNOTATIONS = ['deployment.kubernetes.io/revision', 'kubectl.kubernetes.io/last-applied-configuration']

export class CanaryManifestError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CanaryManifestError'
  }
}

interface DeploymentShape extends KubeObject {
  spec?: { replicas?: number; selector?: LabelSelector; template?: PodTemplate; [key: string]: unknown }
}

/** The containers' images after `images` (container → image; `*` = the only container). Throws on unknown names. */
export function withImages(
  containers: readonly Container[],
  images: Record<string, string>,
  owner: string
): Container[] {
  const names = containers.map((c) => c.name)
  const wanted = { ...images }
  if (ONLY_CONTAINER in wanted) {
    if (containers.length !== 1)
      throw new CanaryManifestError(
        `${owner} has ${containers.length} containers (${names.join(', ')}): name the one to change, e.g. image: ${names[0] ?? 'app'}=registry/web:2.0.0`
      )
    wanted[names[0]!] = wanted[ONLY_CONTAINER]!
    delete wanted[ONLY_CONTAINER]
  }
  const unknown = Object.keys(wanted).filter((name) => !names.includes(name))
  if (unknown.length > 0)
    throw new CanaryManifestError(
      `${owner} has no container ${unknown.map((n) => `"${n}"`).join(', ')} (containers: ${names.join(', ')}): fix the image input`
    )
  return containers.map((c) => (wanted[c.name] !== undefined ? { ...c, image: wanted[c.name] } : c))
}

function copyAnnotations(annotations: Record<string, string> | undefined): Record<string, string> {
  const copy = { ...(annotations ?? {}) }
  for (const key of SERVER_ANNOTATIONS) delete copy[key]
  return copy
}

/**
 * The canary Deployment `name` for `stable`, running `images`, at 0 replicas. `track` is the value of
 * the track label (`canary`; blue-green's green passes its own). `labels` replace the stable's pod
 * labels of the same keys, in the pod template and the selector (blue-green's green: `colour: green`
 * where the active Service selects `colour: blue`).
 */
export function canaryManifest(
  stable: KubeObject,
  name: string,
  images: Record<string, string>,
  track = 'canary',
  labels: Record<string, string> = {}
): KubeObject {
  const source = stable as DeploymentShape
  const owner = `Deployment ${source.metadata.namespace ?? ''}/${source.metadata.name}`
  const spec = structuredClone(source.spec ?? {})
  const template: PodTemplate = spec.template ?? {}
  const podLabels = { ...(template.metadata?.labels ?? {}), ...labels, [TRACK_LABEL]: track }
  const selector = source.spec?.selector
  if (matchesSelector(podLabels, selector)) {
    throw new CanaryManifestError(
      `${owner}'s selector (${selectorToString(selector) || 'empty'}) would also select the canary's pods, so its rollout and health would count them: ` +
        `give the stable a selector label the canary does not share (e.g. ${TRACK_LABEL}: stable in its selector and pod labels), or name an existing canary Deployment in canary.workload`
    )
  }
  const containers = withImages(template.spec?.containers ?? [], images, owner)
  const { replicas: _replicas, paused: _paused, ...rest } = spec
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      namespace: source.metadata.namespace,
      labels: { ...(source.metadata.labels ?? {}), [TRACK_LABEL]: track },
      annotations: { [CREATED_BY_ANNOTATION]: source.metadata.name }
    },
    spec: {
      ...rest,
      replicas: 0,
      selector: {
        ...(selector?.matchExpressions ? { matchExpressions: selector.matchExpressions } : {}),
        matchLabels: { ...(selector?.matchLabels ?? {}), ...labels, [TRACK_LABEL]: track }
      },
      template: {
        ...template,
        metadata: {
          ...(template.metadata ?? {}),
          labels: podLabels,
          annotations: copyAnnotations(template.metadata?.annotations)
        },
        spec: { ...(template.spec ?? {}), containers }
      }
    }
  }
}
