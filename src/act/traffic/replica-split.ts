/**
 * The replicas router's arithmetic (issue 10): canary pods = ceil(weight × total), stable = the rest,
 * so the total never changes and any weight above 0 gets at least one canary pod. Pure.
 */
export interface ReplicaSplit {
  canary: number
  stable: number
  /** The canary's actual share of pods, in percent. */
  effectiveWeight: number
}

export function splitReplicas(total: number, weight: number): ReplicaSplit {
  // Round the product first so 0.07 × 100 (7.000000000000001 in floating point) is not lifted to 8.
  const exact = Number(((weight * total) / 100).toFixed(9))
  const canary = Math.min(total, Math.ceil(exact))
  return { canary, stable: total - canary, effectiveWeight: total === 0 ? 0 : (canary / total) * 100 }
}
