/**
 * The alerts gate of an analysis (analyze, canary steps): one row like a checklist's, then each alert
 * seen (name, state, startsAt, labels). Alert names, labels and annotations are outside text: every
 * piece goes through escapeMarkdownCell.
 */
import type { CheckDetail, CheckResult } from '../../model/result.js'
import type { Budget } from '../budget.js'
import { escapeMarkdownCell, truncate } from '../escape.js'
import { STATUS_ICON } from '../format.js'
import { omittedNote, selectItems, table } from '../markdown.js'

export function renderAlertGate(row: CheckResult, budget: Budget): string {
  const cell = (text: string): string => escapeMarkdownCell(truncate(text, budget.maxCellChars))
  const status = `${STATUS_ICON[row.status]} ${row.status}`
  const note = row.reason ?? row.caveat
  const parts = [
    '#### 🚨 Alerts gate',
    table(
      ['Check', 'Expected', 'Actual', 'Status'],
      [[cell(row.title), cell(row.expected), cell(row.actual), note ? `${status}<br>${cell(note)}` : status]]
    )
  ]
  const alerts = (row.details ?? []).filter((d) => d.facts?.length)
  if (alerts.length) {
    const { items, omitted } = selectItems(alerts, budget.maxTableRows)
    const fact = (detail: CheckDetail, label: string): string =>
      detail.facts?.find((f) => f.label === label)?.value ?? ''
    parts.push(
      table(
        ['Alert', 'startsAt', 'Labels'],
        items.map((d) => [cell(d.title), cell(fact(d, 'startsAt')), cell(fact(d, 'labels'))])
      )
    )
    if (omitted) parts.push(omittedNote(omitted, 'alerts'))
  }
  return parts.join('\n\n')
}
