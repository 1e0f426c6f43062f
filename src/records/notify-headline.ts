/**
 * The notification's headline: the cause in one line. Minimal stand-in until the shared cause-first
 * headline (src/report/headline.ts) lands; then this file should just call it, so the notification
 * and the other surfaces say the same words.
 */
import type { RunResult } from '../model/result.js'
import { rollbackClauses } from '../report/rollback-facts.js'

export function notificationHeadline(result: RunResult): string {
  const first = result.reasons[0]
  if (first) return first
  if (result.rollback) return rollbackClauses(result) || `${result.command} ${result.verdict}`
  return result.verdict === 'passed' ? 'every check passed' : `${result.command} ${result.verdict}`
}
