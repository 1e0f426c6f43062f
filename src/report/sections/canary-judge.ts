/**
 * The baseline judge's evidence in the job summary: per judged step and metric, the sample sizes,
 * medians, p-value, effect size and verdict (issue 10: "show per metric"). Metric names come from the
 * config and are escaped like any other outside text (escape.ts).
 */
import { formatPValue, formatRatio } from '../../analysis/judge/explain.js'
import type { CanaryJudgeMetricReport, CanaryReport } from '../../model/canary.js'
import { formatNumber } from '../../util/number.js'
import { escapeMarkdownCell } from '../escape.js'
import { table } from '../markdown.js'

const VERDICT_TEXT: Record<CanaryJudgeMetricReport['verdict'], string> = {
  pass: '✅ pass',
  high: '❌ higher',
  low: '❌ lower',
  nodata: '⚠️ no data'
}

const side = (s: CanaryJudgeMetricReport['canary']): string =>
  s.median === null ? `n=${s.n}` : `${formatNumber(s.median)} (n=${s.n})`

export function renderCanaryJudge(report: CanaryReport | undefined): string {
  const rows = (report?.steps ?? []).flatMap((step) =>
    (step.judge?.metrics ?? []).map((m) => [
      String(step.number),
      `${escapeMarkdownCell(m.metric)}${m.critical ? ' (critical)' : ''}`,
      side(m.canary),
      side(m.baseline),
      m.pValue === null ? '—' : formatPValue(m.pValue).replace(/^p=/, ''),
      m.effectSize === null ? '—' : formatRatio(m.effectSize),
      VERDICT_TEXT[m.verdict]
    ])
  )
  if (rows.length === 0) return ''
  return [
    '#### Baseline judge',
    'Canary vs baseline per metric (Mann-Whitney U; effect = canary mean / baseline mean; medians over the step).',
    table(['Step', 'Metric', 'Canary median', 'Baseline median', 'p', 'Effect', 'Verdict'], rows)
  ].join('\n\n')
}
