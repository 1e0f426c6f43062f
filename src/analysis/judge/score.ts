/**
 * The step's score from its metric judgements, like Kayenta's WeightedSumScorer:
 * - without groups: 100 × passing metrics / metrics with data;
 * - with groups (`{ name: weight }`): each group scores 100 × passed / (passed + failed), and the step
 *   is the weighted mean of the groups that have data;
 * - nodata metrics are left out of the denominator; when no metric has data the judgement is
 *   inconclusive (score null) — never a pass on silence;
 * - a critical metric that fails (high or low) fails the step whatever the score; a critical metric
 *   without data makes it inconclusive (it cannot be known to be fine);
 * - otherwise score ≥ pass → pass, ≥ marginal → marginal (continue, never promote on it), else fail.
 * Pure: no I/O.
 */
import { formatNumber } from '../format.js'
import type { GroupScore, JudgeOutcome, JudgeScore, MetricJudgement, ScoreOptions } from './types.js'

const UNGROUPED = ''

function groupScores(
  judgements: readonly MetricJudgement[],
  weights: Record<string, number> | undefined
): GroupScore[] {
  const names = weights ? Object.keys(weights) : [UNGROUPED]
  return names.map((name) => {
    const members = judgements.filter((j) => (weights ? j.group === name : true))
    const passed = members.filter((j) => j.verdict === 'pass').length
    const failed = members.filter((j) => j.verdict === 'high' || j.verdict === 'low').length
    const nodata = members.filter((j) => j.verdict === 'nodata').length
    return {
      name,
      weight: weights ? (weights[name] as number) : 1,
      passed,
      failed,
      nodata,
      score: passed + failed === 0 ? null : (100 * passed) / (passed + failed)
    }
  })
}

export function scoreJudgements(judgements: readonly MetricJudgement[], options: ScoreOptions): JudgeScore {
  if (options.groups) {
    const known = options.groups
    const stray = judgements.filter((j) => j.group === undefined || !(j.group in known))
    if (stray.length > 0) throw new Error(`scoreJudgements: metric ${stray[0]?.metric} is in no configured group`)
  }
  const groups = groupScores(judgements, options.groups)
  const scored = groups.filter((g) => g.score !== null && g.weight > 0)
  const totalWeight = scored.reduce((sum, g) => sum + g.weight, 0)
  const score =
    totalWeight === 0 ? null : scored.reduce((sum, g) => sum + (g.score as number) * g.weight, 0) / totalWeight
  const criticalFailures = judgements
    .filter((j) => j.critical && (j.verdict === 'high' || j.verdict === 'low'))
    .map((j) => j.metric)
  const criticalNodata = judgements.filter((j) => j.critical && j.verdict === 'nodata').map((j) => j.metric)
  const scoreText = score === null ? 'no score' : `score ${formatNumber(Math.round(score * 10) / 10)}`

  let outcome: JudgeOutcome
  let reason: string
  if (criticalFailures.length > 0) {
    outcome = 'fail'
    reason = `Critical metric ${criticalFailures.join(', ')} failed (${scoreText}).`
  } else if (score === null) {
    outcome = 'inconclusive'
    reason = judgements.length === 0 ? 'No metric to judge.' : 'No metric had enough data to judge.'
  } else if (criticalNodata.length > 0) {
    outcome = 'inconclusive'
    reason = `Critical metric ${criticalNodata.join(', ')} had not enough data (${scoreText}).`
  } else if (score >= options.pass) {
    outcome = 'pass'
    reason = `${scoreText[0]?.toUpperCase()}${scoreText.slice(1)} ≥ pass ${formatNumber(options.pass)}.`
  } else if (score >= options.marginal) {
    outcome = 'marginal'
    reason = `${scoreText[0]?.toUpperCase()}${scoreText.slice(1)} is below pass ${formatNumber(options.pass)} but ≥ marginal ${formatNumber(options.marginal)}: continue, do not promote on it.`
  } else {
    outcome = 'fail'
    reason = `${scoreText[0]?.toUpperCase()}${scoreText.slice(1)} < marginal ${formatNumber(options.marginal)}.`
  }
  return { score, outcome, criticalFailures, criticalNodata, groups, reason }
}
