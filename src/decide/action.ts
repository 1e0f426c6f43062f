/**
 * Whether a run rolls back, from its verdict and the rollback policy. Pure.
 *
 * The rules, in order (first match wins):
 * 1. A cancelled run never starts a rollback. Cancellation means the user or the runner wants the job
 *    to stop; the `post:` step may finish or describe a rollback the main step had already decided on,
 *    but it never starts one. This holds even with `onInconclusive` (a cancelled run is inconclusive).
 * 2. `passed` never rolls back.
 * 3. `failed` rolls back when `rollback.onFailure` (default true).
 * 4. `inconclusive` rolls back only when `rollback.onInconclusive` (default false): an unknown fails
 *    the gate but never undoes a deploy unless the user asked for that.
 * 5. A dry run reports the undo it would do and never acts.
 */
import type { Verdict } from '../model/result.js'

/** The resolved rollback policy: config `rollback.onFailure` / `rollback.onInconclusive`, inputs overriding. */
export interface RollbackPolicy {
  onFailure: boolean
  onInconclusive: boolean
}

export const DEFAULT_ROLLBACK_POLICY: Readonly<RollbackPolicy> = { onFailure: true, onInconclusive: false }

/** The two policy switches as they may appear in the config section or the inputs; unset = not given. */
export interface RollbackPolicySwitches {
  onFailure?: boolean
  onInconclusive?: boolean
}

/**
 * Inputs (`rollback-on-failure`, `rollback-on-inconclusive`) override the config's `rollback` section,
 * which overrides the defaults. Why this order: the config is the team's policy, the inputs are one
 * workflow's exception to it (e.g. a staging job that never rolls back).
 */
export function resolveRollbackPolicy(
  configSection: RollbackPolicySwitches | undefined,
  inputs: RollbackPolicySwitches = {}
): RollbackPolicy {
  return {
    onFailure: inputs.onFailure ?? configSection?.onFailure ?? DEFAULT_ROLLBACK_POLICY.onFailure,
    onInconclusive: inputs.onInconclusive ?? configSection?.onInconclusive ?? DEFAULT_ROLLBACK_POLICY.onInconclusive
  }
}

export type ActionKind = 'none' | 'rollback' | 'dry-run-rollback'

export interface ActionDecision {
  kind: ActionKind
  /** Why, in words for the summary and the log. */
  reason: string
}

export interface ActionContext {
  /** The run was cancelled (SIGTERM, job timeout) before or while deciding. */
  cancelled?: boolean
}

export function decideAction(
  verdict: Verdict,
  policy: RollbackPolicy,
  dryRun: boolean,
  context: ActionContext = {}
): ActionDecision {
  if (context.cancelled)
    return { kind: 'none', reason: 'the run was cancelled; deploy-guard never starts a rollback on cancellation' }
  if (verdict === 'passed') return { kind: 'none', reason: 'the verdict is passed: nothing to roll back' }
  if (verdict === 'failed' && !policy.onFailure)
    return { kind: 'none', reason: 'the verdict is failed, but rollback on failure is off (rollback.onFailure: false)' }
  if (verdict === 'inconclusive' && !policy.onInconclusive)
    return {
      kind: 'none',
      reason:
        'the verdict is inconclusive; an inconclusive verdict never rolls back unless asked (rollback.onInconclusive: true)'
    }
  const because =
    verdict === 'failed' ? 'the verdict is failed' : 'the verdict is inconclusive and rollback.onInconclusive is on'
  if (dryRun)
    return { kind: 'dry-run-rollback', reason: `dry run: ${because}, so it would roll back; nothing was changed` }
  return { kind: 'rollback', reason: `${because}: rolling back` }
}
