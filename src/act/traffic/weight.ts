/** The weight a caller asks for: a percentage. Pure. */
import { TrafficSetupError } from './types.js'

export function checkWeight(weight: number): number {
  if (!Number.isFinite(weight) || weight < 0 || weight > 100) {
    throw new TrafficSetupError(`canary weight must be a number from 0 to 100 (got ${String(weight)})`)
  }
  return weight
}
