/**
 * The blue-green section of the job summary: which Deployments and Services, every phase that ran
 * (scale-up, health, preview, the two analyses, the switch and any switch back, blue's scale-down),
 * each Service's selector before and after the run, and what was written. Names, labels and reasons
 * come from outside: escaped here (escape.ts).
 */
import type { BlueGreenPhaseOutcome, BlueGreenReport } from '../model/blue-green.js'
import { codeSpan, escapeMarkdownCell, escapeMarkdownText } from './escape.js'
import { VERDICT_ICON } from './format.js'
import { table } from './markdown.js'

const HEADING = '### 🔵🟢 Blue-green'

const PHASE_TEXT: Record<BlueGreenReport['phases'][number]['phase'], string> = {
  'scale-up': 'Green scaled up',
  health: 'Green health',
  preview: 'Preview Service',
  'pre-promotion': 'Pre-promotion analysis',
  switch: 'Switch',
  'post-promotion': 'Post-promotion analysis',
  'switch-back': 'Switch back',
  'scale-down': 'Blue scaled down'
}

function outcomeCell(outcome: BlueGreenPhaseOutcome): string {
  if (outcome === 'done') return '✔️ done'
  if (outcome === 'skipped') return '➖ skipped'
  return `${VERDICT_ICON[outcome]} ${outcome}`
}

const selectorCell = (labels: Record<string, string> | undefined): string =>
  labels === undefined
    ? 'unknown'
    : Object.keys(labels).length === 0
      ? '(none)'
      : codeSpan(
          Object.entries(labels)
            .map(([k, v]) => `${k}=${v}`)
            .join(',')
        )

export function renderBlueGreen(report: BlueGreenReport | undefined): string {
  if (!report) return ''
  const lines = [
    HEADING,
    `Blue ${codeSpan(report.blue)} → green ${codeSpan(report.green)} in ${codeSpan(report.namespace)}: ` +
      `live traffic ended on **${report.liveOn}**.`
  ]
  if (report.phases.length)
    lines.push(
      table(
        ['Phase', 'Outcome', 'Detail'],
        report.phases.map((p) => [PHASE_TEXT[p.phase], outcomeCell(p.outcome), escapeMarkdownCell(p.detail)])
      )
    )
  lines.push(
    table(
      ['Service', 'Role', 'Selector before', 'Selector after'],
      report.services.map((s) => [codeSpan(s.name), s.role, selectorCell(s.before), selectorCell(s.after)])
    )
  )
  if (report.plan?.length)
    lines.push(['A real run would:', ...report.plan.map((line) => `- ${escapeMarkdownText(line)}`)].join('\n'))
  if (report.writes.length)
    lines.push(
      `What the run changed, in order:\n\n${report.writes.map((w) => `- ${escapeMarkdownText(w)}`).join('\n')}`
    )
  return lines.join('\n\n')
}
