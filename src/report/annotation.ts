/**
 * The step's failure annotation: the headline in one message — verdict, the cause, what to do next
 * (the rollback that was done or the command to run) and the blast radius:
 * `deploy-guard verify: failed — deployment/api: container api CrashLoopBackOff, exit code 1 — last
 * log: panic: …; next: rolled back deployment/api to revision 2 (restored version healthy); …`.
 * Plain text; the RunnerLog escapes it when it prints.
 */
import type { RunResult } from '../model/result.js'
import { withCaveats } from './caveats.js'
import { headline } from './headline.js'

/** An annotation is one message in the log and on the run page: long parts are cut. */
const MAX_PART_CHARS = 2000

export function verdictAnnotation(result: RunResult): string {
  const head = headline(withCaveats(result), { maxPartChars: MAX_PART_CHARS })
  const parts = [
    `deploy-guard ${result.command}: ${result.verdict}${head.cause ? ` — ${head.cause}${head.moreText}` : ''}`,
    head.next ? `next: ${head.next}` : '',
    head.blastRadius ? `blast radius: ${head.blastRadius}` : ''
  ]
  return parts.filter(Boolean).join('; ')
}
