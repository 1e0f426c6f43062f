/**
 * Which targets a rollback undoes. Pure.
 *
 * A target whose own checks failed (or, for an inconclusive verdict, were inconclusive) is implicated.
 * A failure that belongs to no single target — a smoke check, the PromQL analysis, a GitOps row, or an
 * `analyze` run, which judges metrics and not workloads — implicates every target of the run: the
 * deploy as a whole is what the metrics judged. Targets that were never read (nothing is known of
 * them) are still listed: the rollback reads them live and its guards decide.
 */
import type { RunResult, TargetRef, TargetResult, Verdict } from '../model/result.js'

const matches = (status: string, verdict: Verdict): boolean =>
  verdict === 'failed' ? status === 'failed' : status === 'failed' || status === 'inconclusive'

function implicated(target: TargetResult, verdict: Verdict): boolean {
  return target.checks.some((c) => matches(c.status, verdict))
}

export function rollbackScope(
  result: Pick<RunResult, 'verdict' | 'targets' | 'checks' | 'analysis'>,
  refs: readonly TargetRef[]
): TargetRef[] {
  const { verdict } = result
  if (verdict === 'passed') return []
  const runLevel =
    result.checks.some((c) => matches(c.status, verdict)) ||
    (result.analysis !== undefined && matches(result.analysis.verdict, verdict))
  if (runLevel || result.targets.length === 0) return [...refs]
  const byKey = new Set(result.targets.filter((t) => implicated(t, verdict)).map((t) => key(t.ref)))
  return refs.filter((ref) => byKey.has(key(ref)))
}

export const key = (ref: TargetRef): string => `${ref.kind.toLowerCase()}/${ref.namespace}/${ref.name}`
