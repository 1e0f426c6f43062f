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
  abort: '🛑 abort',
  pause: '✋ paused for approval'
}

function outcome(value: Verdict | 'skipped'): string {
  return value === 'skipped' ? '➖ skipped' : `${VERDICT_ICON[value]} ${value}`
}

function weightCell(step: CanaryStepReport): string {
  if (step.replicas !== undefined)
    return `${step.replicas} pod(s)${step.effectiveWeight !== undefined ? ` (${step.effectiveWeight.toFixed(1)} %)` : ''}`
  if (step.weight === undefined) return 'unchanged'
  const effective = step.effectiveWeight
  return effective === undefined || Math.abs(effective - step.weight) < 0.05
    ? `${step.weight} %`
    : `${step.weight} % (${effective.toFixed(1)} % of pods)`
}

const JUDGE_ICON = { pass: '✅', marginal: '🟡', fail: '❌', inconclusive: '⚠️' } as const

/** The baseline judge's outcome and score (Kayenta's 0–100). */
function judgeCell(step: CanaryStepReport): string {
  if (!step.judge) return '➖ skipped'
  const score = step.judge.score === null ? '' : ` (score ${Math.round(step.judge.score)})`
  return `${JUDGE_ICON[step.judge.outcome]} ${step.judge.outcome}${score}`
}

export function renderCanary(report: CanaryReport | undefined): string {
  if (!report) return ''
  const lines = [
    HEADING,
    `${codeSpan(report.canary)} against stable ${codeSpan(report.stable)} in ${codeSpan(report.namespace)} ` +
      `(${report.router} router): ${report.steps.length} of ${report.plannedSteps} step(s) ran` +
      `${report.resumedAt !== undefined ? `, resumed at step ${report.resumedAt}` : ''}.`
  ]
  if (report.state === 'paused' && report.nextStep !== undefined)
    lines.push(
      `✋ Paused for approval: traffic stays as it is; a run with \`canary-resume: continue\` goes on at step ${report.nextStep}, \`canary-resume: abort\` restores the routing.`
    )
  const judged = report.steps.some((step) => step.judge)
  const rows = report.steps.map((step) => [
    String(step.number),
    weightCell(step),
    step.pause !== undefined ? formatDuration(step.pause) : '—',
    outcome(step.health),
    outcome(step.analysis),
    ...(judged ? [judgeCell(step)] : []),
    DECISION_TEXT[step.decision],
    escapeMarkdownCell(step.reason)
  ])
  const headers = ['Step', 'Weight', 'Pause', 'Health', 'Analysis', ...(judged ? ['Judge'] : []), 'Decision', 'Why']
  if (rows.length) lines.push(table(headers, rows))
  if (report.writes.length) lines.push(report.writes.map((w) => `- ${escapeMarkdownText(w)}`).join('\n'))
  return lines.join('\n\n')
}
