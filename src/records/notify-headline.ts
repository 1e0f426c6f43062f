/**
 * The notification's lead, from the shared cause-first headline (src/report/headline.ts), so the
 * message says the same words as the job summary, the annotation and the PR comment: the cause in one
 * line, what to do next, the blast radius, and the further causes. Plain text; the payload escapes it.
 */
import type { RunResult } from '../model/result.js'
import { causeLine, headline } from '../report/headline.js'

export interface NotificationLead {
  /** The first cause (for a pass, what passed); never empty. */
  cause: string
  next?: { text: string; command?: string }
  blastRadius?: string
  /** Further causes (or, without grouped causes, the other reasons), most important first. */
  more: string[]
}

export function notificationLead(result: RunResult): NotificationLead {
  const lead = headline(result, { maxPartChars: 1000 })
  const cause = lead.cause || result.reasons[0] || `${result.command} ${result.verdict}`
  const more = lead.causes.length
    ? lead.causes.slice(1).map(causeLine)
    : result.reasons.filter((reason) => reason !== cause)
  return {
    cause,
    ...(lead.nextStep ? { next: lead.nextStep } : {}),
    ...(lead.blastRadius ? { blastRadius: lead.blastRadius } : {}),
    more
  }
}
