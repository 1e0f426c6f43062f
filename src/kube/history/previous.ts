/**
 * The revision before the current one, for reports ("previous: revision 3, img:3"). "Before" means the
 * highest revision number below the current one — kubectl's default undo target once the current
 * revision is the highest. Pure.
 */
import type { KubeObject } from '../api.js'
import type { WorkloadKindName } from '../workload/kinds.js'
import { imagesOf } from '../workload/template.js'
import { historyViewerFor } from './index.js'

export function previousRevision(
  kind: WorkloadKindName,
  owned: KubeObject[],
  current: string | undefined
): { revision: string; images: Record<string, string> } | undefined {
  const viewer = historyViewerFor(kind)
  const currentNumber = Number(current)
  if (!viewer || !Number.isInteger(currentNumber) || currentNumber <= 0) return undefined
  let best: { n: number; obj: KubeObject } | undefined
  for (const obj of owned) {
    const n = viewer.revisionOf(obj)
    if (n !== undefined && n > 0 && n < currentNumber && (!best || n > best.n)) best = { n, obj }
  }
  return best ? { revision: String(best.n), images: imagesOf(viewer.templateOf(best.obj)) } : undefined
}
