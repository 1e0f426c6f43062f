/**
 * The notification as a Slack-compatible webhook payload: `text` (the fallback Slack shows in
 * notifications and the receivers that ignore blocks show alone) and `blocks` with the headline, the
 * verdict, the targets with their old → new version, the rollback, the reasons and the run link. Pure.
 *
 * Every piece of outside text goes through slack-text.ts (escaped, mentions inert) and every block is
 * within Slack's limits, whatever the run holds: long parts are cut with a note, lists are capped.
 */
import type { RunResult } from '../model/result.js'
import { actionForText, rollbackClause } from '../report/rollback-facts.js'
import { actionText } from '../report/format.js'
import type { VersionChange } from './component-version.js'
import type { NotificationLead } from './notify-headline.js'
import { escapeSlackLine, fitSlack, SLACK_LIMITS, slackCode, slackLink, slackPlain } from './slack-text.js'

export interface TextObject {
  type: 'mrkdwn' | 'plain_text'
  text: string
  emoji?: boolean
}

export type SlackBlock =
  | { type: 'header'; text: TextObject }
  | { type: 'section'; text?: TextObject; fields?: TextObject[] }
  | { type: 'context'; elements: TextObject[] }
  | { type: 'divider' }

export interface SlackPayload {
  text: string
  blocks: SlackBlock[]
}

/** What the notification says besides the result: from the config and the runner's environment. */
export interface NotificationFacts {
  /** The cause-first lead (unescaped): cause, next step, blast radius, further causes. */
  lead: NotificationLead
  changes: VersionChange[]
  environment?: string
  runUrl?: string
  repository?: string
  /** The commit deployed (GITHUB_SHA). */
  sha?: string
  actor?: string
}

/** Lines shown per list (targets, reasons, manual commands) before "… N more". */
const MAX_LIST_ITEMS = 10
/** One list item, before escaping. */
const MAX_ITEM_CHARS = 400

const ICON: Record<string, string> = {
  failed: ':x:',
  inconclusive: ':warning:',
  passed: ':white_check_mark:',
  'rolled-back': ':leftwards_arrow_with_hook:'
}

const mrkdwn = (text: string): TextObject => ({ type: 'mrkdwn', text })
const section = (text: string): SlackBlock => ({
  type: 'section',
  text: mrkdwn(fitSlack(text, SLACK_LIMITS.sectionText))
})
const field = (label: string, value: string): TextObject =>
  mrkdwn(fitSlack(`*${label}*\n${value}`, SLACK_LIMITS.fieldText))

/** One list item of outside text, escaped and cut (after escaping, so entities stay whole). */
const item = (text: string): string => fitSlack(escapeSlackLine(text), MAX_ITEM_CHARS)

/** Room kept for the "… N more" line. */
const MORE_LINE_ROOM = 40

/**
 * `• a\n• b\n… 3 more targets`: at most MAX_LIST_ITEMS items, and only as many whole items as fit in
 * `budget` characters, so a long list ends with a count rather than a cut in the middle of an item.
 */
function bulletList(
  items: string[],
  noun: string,
  budget: number = SLACK_LIMITS.sectionText,
  total = items.length
): string {
  const shown: string[] = []
  let used = 0
  for (const line of items.slice(0, MAX_LIST_ITEMS)) {
    const bullet = `• ${line}`
    if (used + bullet.length + 1 > budget - MORE_LINE_ROOM) break
    shown.push(bullet)
    used += bullet.length + 1
  }
  if (shown.length < total) shown.push(`… ${total - shown.length} more ${noun}`)
  return shown.join('\n')
}

/** `` `deployment/api` in `production`: `v1.2.2` → `v1.2.3`, rolled back to `v1.2.2` `` */
function changeLine(change: VersionChange): string {
  const parts = [`${slackCode(change.target)} in ${slackCode(change.namespace)}`]
  const versions =
    change.old !== undefined && change.new !== undefined && change.old !== change.new
      ? `${slackCode(change.old)} → ${slackCode(change.new)}`
      : change.new !== undefined
        ? slackCode(change.new)
        : ''
  const restored = change.restored !== undefined ? `rolled back to ${slackCode(change.restored)}` : ''
  const tail = [versions, restored].filter(Boolean).join(', ')
  return tail ? `${parts[0]}: ${tail}` : parts[0]
}

/** The notification's one-line title (also the start of `text`). */
export function notificationTitle(
  result: RunResult,
  facts: Pick<NotificationFacts, 'changes' | 'environment'>
): string {
  const shown = actionForText(result)
  const rolledBack = !shown.dryRun && shown.action === 'rolled-back'
  const targets = facts.changes.map((c) => c.target)
  const where =
    targets.length === 0 ? '' : targets.length === 1 ? ` ${targets[0]}` : ` ${targets[0]} (+${targets.length - 1} more)`
  const env = facts.environment ? ` in ${facts.environment}` : ''
  const dry = result.dryRun ? ' [dry run]' : ''
  return `deploy-guard ${result.command} ${result.verdict}${rolledBack ? ', rolled back' : ''}:${where}${env}${dry}`
}

/** `*Cause:* … (`*Result:*` for a pass)\n*Next:* … `command`\n*Blast radius:* …`, each part cut to a third of the section. */
function leadText(lead: NotificationLead, verdict: RunResult['verdict']): string {
  const part = Math.floor(SLACK_LIMITS.sectionText / 3) - 20
  // As the job summary labels it: a pass has a result, not a cause.
  const label = verdict === 'passed' ? 'Result' : 'Cause'
  const lines = [`*${label}:* ${fitSlack(escapeSlackLine(lead.cause), part)}`]
  if (lead.next) {
    const command = lead.next.command ? ` ${slackCode(lead.next.command)}` : ''
    lines.push(`*Next:* ${fitSlack(escapeSlackLine(lead.next.text) + command, part)}`)
  }
  if (lead.blastRadius) lines.push(`*Blast radius:* ${fitSlack(escapeSlackLine(lead.blastRadius), part)}`)
  return lines.join('\n')
}

function iconOf(result: RunResult): string {
  const shown = actionForText(result)
  if (result.verdict === 'passed' && !shown.dryRun && shown.action === 'rolled-back') return ICON['rolled-back']
  return ICON[result.verdict]
}

function contextLine(facts: NotificationFacts): string[] {
  const elements: string[] = []
  if (facts.runUrl) elements.push(slackLink(facts.runUrl, 'View run'))
  if (facts.repository || facts.sha) {
    elements.push(
      [facts.repository && escapeSlackLine(facts.repository), facts.sha && slackCode(facts.sha.slice(0, 12))]
        .filter(Boolean)
        .join(' @ ')
    )
  }
  if (facts.actor) elements.push(`by ${escapeSlackLine(facts.actor)}`)
  return elements
}

/** The webhook payload for `result`; within Slack's limits whatever the result holds. */
export function buildSlackPayload(result: RunResult, facts: NotificationFacts): SlackPayload {
  const icon = iconOf(result)
  const title = notificationTitle(result, facts)
  const shown = actionForText(result)
  const blocks: SlackBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: slackPlain(`${icon} ${title}`, SLACK_LIMITS.headerText), emoji: true }
    },
    section(leadText(facts.lead, result.verdict))
  ]
  const fields = [
    field('Verdict', escapeSlackLine(result.verdict)),
    field('Action', escapeSlackLine(actionText(shown.dryRun, shown.action)))
  ]
  if (facts.environment) fields.push(field('Environment', escapeSlackLine(facts.environment)))
  fields.push(field('Command', escapeSlackLine(result.command)))
  blocks.push({ type: 'section', fields: fields.slice(0, SLACK_LIMITS.fields) })
  if (facts.changes.length) {
    blocks.push(
      section(
        `*Version${facts.changes.length > 1 ? 's' : ''}*\n${bulletList(facts.changes.map(changeLine), 'targets')}`
      )
    )
  }
  const rollbackTargets = result.rollback?.targets ?? []
  if (rollbackTargets.length) {
    const clauses = rollbackTargets.map((t) => item(rollbackClause(t)))
    const manual = rollbackTargets.flatMap((t) => t.manual)
    const half = SLACK_LIMITS.sectionText / 2
    const commands = manual.length
      ? `\nTo finish by hand:\n${bulletList(
          manual.map((m) => slackCode(m.slice(0, MAX_ITEM_CHARS))),
          'commands',
          half
        )}`
      : ''
    blocks.push(section(`*Rollback*\n${bulletList(clauses, 'targets', half)}${commands}`))
  }
  const more = facts.lead.more
  if (more.length) {
    // Only the items that can be shown are escaped: a run may carry thousands of long reasons.
    const listed = more.slice(0, MAX_LIST_ITEMS).map(item)
    blocks.push(section(`*More causes*\n${bulletList(listed, 'causes', SLACK_LIMITS.sectionText, more.length)}`))
  }
  const context = contextLine(facts)
  if (context.length) {
    blocks.push({
      type: 'context',
      elements: context
        .slice(0, SLACK_LIMITS.contextElements)
        .map((text) => mrkdwn(fitSlack(text, SLACK_LIMITS.fieldText)))
    })
  }
  const link = facts.runUrl ? ` (${slackLink(facts.runUrl, 'run')})` : ''
  const text =
    fitSlack(`${icon} ${escapeSlackLine(title)} — ${escapeSlackLine(facts.lead.cause)}`, SLACK_LIMITS.sectionText) +
    link
  return { text: text.slice(0, SLACK_LIMITS.text), blocks: blocks.slice(0, SLACK_LIMITS.blocks) }
}
