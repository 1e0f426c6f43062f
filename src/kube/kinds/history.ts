/**
 * The revision before the current one, from the objects a workload keeps as history: ReplicaSets
 * (revision annotation, pod template) or ControllerRevisions (`.revision`, `data.spec.template`).
 * Pure. "Before" means the highest revision number below the current one, as `kubectl rollout undo`
 * picks its default target.
 */
import type { KubeObject } from '../api.js'

const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'

interface Containers {
  template?: { spec?: { containers?: Array<{ name: string; image?: string }> } }
}

function revisionOf(obj: KubeObject): number | undefined {
  const value =
    obj.kind === 'ControllerRevision'
      ? (obj as { revision?: number }).revision
      : Number(obj.metadata.annotations?.[REVISION_ANNOTATION])
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined
}

function imagesOf(obj: KubeObject): Record<string, string> {
  const spec =
    obj.kind === 'ControllerRevision'
      ? (obj as { data?: { spec?: Containers } }).data?.spec
      : (obj as { spec?: Containers }).spec
  const images: Record<string, string> = {}
  for (const c of spec?.template?.spec?.containers ?? []) images[c.name] = c.image ?? ''
  return images
}

export function previousRevision(
  owned: KubeObject[],
  current: string | undefined
): { revision: string; images: Record<string, string> } | undefined {
  const currentNumber = Number(current)
  if (!Number.isInteger(currentNumber) || currentNumber <= 0) return undefined
  let best: { n: number; obj: KubeObject } | undefined
  for (const obj of owned) {
    const n = revisionOf(obj)
    if (n !== undefined && n < currentNumber && (!best || n > best.n)) best = { n, obj }
  }
  return best ? { revision: String(best.n), images: imagesOf(best.obj) } : undefined
}
