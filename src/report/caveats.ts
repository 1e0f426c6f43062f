/**
 * Caveats on passed rows that would otherwise read as good news. Today one: a smoke check that passed
 * while a target's rollout failed ran against the pods still serving — the old revision — so its
 * green row says nothing about the new version. Pure and idempotent; the status and verdict never change.
 */
import type { CheckResult, RunResult } from '../model/result.js'

export const SMOKE_ON_OLD_PODS = 'ran against the pods still serving — the old revision — while the rollout failed'

const rolloutFailed = (result: RunResult): boolean =>
  result.targets.some((t) => t.checks.some((c) => c.id === 'rollout' && c.status === 'failed'))

/** The result with caveats added to the rows they apply to (a new object; the input is not changed). */
export function withCaveats(result: RunResult): RunResult {
  if (!rolloutFailed(result)) return result
  const mark = (check: CheckResult): CheckResult =>
    check.id.startsWith('smoke:') && check.status === 'passed' && !check.caveat
      ? { ...check, caveat: SMOKE_ON_OLD_PODS }
      : check
  if (!result.checks.some((c) => mark(c) !== c)) return result
  return { ...result, checks: result.checks.map(mark) }
}
