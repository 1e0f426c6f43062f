/**
 * Shared by the routers that weight two entries of a list (HTTPRoute backendRefs, VirtualService
 * route destinations): stable gets 100 − weight, canary gets weight, each write guarded by `test` ops
 * on the entry's identity (name, host, subset) at that index. Pure.
 */
import type { FieldWrite } from './plan-writes.js'
import type { PatchGuard } from './types.js'

/** One list entry: where it is and what identifies it there. Its weight is at `${path}/weight`. */
export interface WeightedEntry {
  path: string
  guards: PatchGuard[]
}

export interface WeightedPair {
  stable: WeightedEntry
  canary: WeightedEntry
}

export function pairWrites(pairs: readonly WeightedPair[], weight: number): FieldWrite[] {
  return pairs.flatMap((pair) => [
    { path: `${pair.stable.path}/weight`, value: 100 - weight, guards: pair.stable.guards },
    { path: `${pair.canary.path}/weight`, value: weight, guards: pair.canary.guards }
  ])
}
