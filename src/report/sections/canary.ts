/**
 * The canary section of the job summary: which Deployments, every step that ran (weight asked for
 * and in effect, pause, health, analysis, decision and why), and what was written at the end
 * (restore, promotion, scale-down). Names and reasons come from outside: escaped here (escape.ts).
 */
import type { CanaryReport, CanaryStepReport } from '../../model/canary.js'
import type { Verdict } from '../../model/result.js'
import { formatDuration } from '../../util/duration-text.js'
import { codeSpan, escapeMarkdownCell, escapeMarkdownText } from '../escape.js'
import { VERDICT_ICON } from '../format.js'
import { table } from '../markdown.js'

const HEADING = '### 🐤 Canary'

const DECISION_TEXT: Record<CanaryStepReport['decision'], string> = {
  advance: '➡️ advance',
  hold: '⏸️ hold',
  promote: '🚀 promote',
  abort: '🛑 abort'
}

function outcome(value: Verdict | 'skipped'): string {
  return value === 'skipped' ? '➖ skipped' : `${VERDICT_ICON[value]} ${value}`
}

function weightCell(step: CanaryStepReport): string {
  if (step.weight === undefined) return 'unchanged'
  const effective = step.effectiveWeight
  return effective === undefined || Math.abs(effective - step.weight) < 0.05
    ? `${step.weight} %`
    : `${step.weight} % (${effective.toFixed(1)} % of pods)`
}

export function renderCanary(report: CanaryReport | undefined): string {
  if (!report) return ''
  const lines = [
    HEADING,
    `${codeSpan(report.canary)} against stable ${codeSpan(report.stable)} in ${codeSpan(report.namespace)} ` +
      `(replicas router): ${report.steps.length} of ${report.plannedSteps} step(s) ran.`
  ]
  const rows = report.steps.map((step) => [
    String(step.number),
    weightCell(step),
    step.pause !== undefined ? formatDuration(step.pause) : '—',
    outcome(step.health),
    outcome(step.analysis),
    DECISION_TEXT[step.decision],
    escapeMarkdownCell(step.reason)
  ])
  if (rows.length) lines.push(table(['Step', 'Weight', 'Pause', 'Health', 'Analysis', 'Decision', 'Why'], rows))
  if (report.writes.length) lines.push(report.writes.map((w) => `- ${escapeMarkdownText(w)}`).join('\n'))
  return lines.join('\n\n')
}
