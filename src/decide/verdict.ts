/**
 * Turns every evaluated row into one verdict with reasons a human can act on. Pure: plain data in,
 * plain data out. A gate never lets an unknown through: any inconclusive row makes the run
 * inconclusive (unless something failed, which wins).
 */
import type { AnalysisResult, CheckResult, TargetResult, Verdict } from '../model/result.js'

export interface VerdictInput {
  targets: TargetResult[]
  checks: CheckResult[]
  analysis?: AnalysisResult
}

export interface Decision {
  verdict: Verdict
  reasons: string[]
}

const targetLabel = (t: TargetResult): string => `${t.ref.kind.toLowerCase()}/${t.ref.name}`

const describe = (check: CheckResult, where?: string): string => {
  const prefix = where ? `${where}: ` : ''
  return `${prefix}${check.title}: ${check.reason ?? `expected ${check.expected}, got ${check.actual}`}`
}

export function decideVerdict(input: VerdictInput): Decision {
  const failed: string[] = []
  const inconclusive: string[] = []
  for (const target of input.targets) {
    for (const check of target.checks) {
      if (check.status === 'failed') failed.push(describe(check, targetLabel(target)))
      if (check.status === 'inconclusive') inconclusive.push(describe(check, targetLabel(target)))
    }
  }
  for (const check of input.checks) {
    if (check.status === 'failed') failed.push(describe(check))
    if (check.status === 'inconclusive') inconclusive.push(describe(check))
  }
  const analysis = input.analysis
  if (analysis) {
    const before = failed.length + inconclusive.length
    for (const metric of analysis.checks) {
      if (metric.dryRun) continue
      if (metric.status === 'failed') failed.push(metric.reason)
      if (metric.status === 'inconclusive') inconclusive.push(metric.reason)
    }
    // An analysis that could not run at all (no Prometheus, unknown version) has no check rows but
    // still has a verdict: it must never read as a pass.
    if (failed.length + inconclusive.length === before && analysis.verdict !== 'passed') {
      ;(analysis.verdict === 'failed' ? failed : inconclusive).push(...analysis.reasons)
    }
  }
  if (failed.length > 0) return { verdict: 'failed', reasons: [...failed, ...inconclusive] }
  if (inconclusive.length > 0) return { verdict: 'inconclusive', reasons: inconclusive }
  return { verdict: 'passed', reasons: [] }
}
