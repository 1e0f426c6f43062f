/**
 * The cancellation override. Pure. A cancelled run (SIGTERM, the job's timeout, a cancelled workflow)
 * never passes: what was not checked is unknown, and a gate never lets an unknown through. A failed or
 * inconclusive verdict stays as it is — what was seen to fail did fail — and the cancellation is
 * named first so the reader knows the list of reasons is incomplete.
 */
import type { Decision } from './verdict.js'

export const CANCELLED_REASON = 'the run was cancelled before every check had run'

export function applyCancellation(decision: Decision, cancelled: boolean): Decision {
  if (!cancelled) return decision
  return {
    verdict: decision.verdict === 'passed' ? 'inconclusive' : decision.verdict,
    reasons: [CANCELLED_REASON, ...decision.reasons]
  }
}
