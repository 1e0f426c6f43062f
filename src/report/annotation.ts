/**
 * The step's failure annotation: the verdict, the first reason, and what the rollback did, in one
 * message (`deploy-guard verify: failed — <first reason>; rolled back deployment/api to revision 1
 * (restored version healthy)`). Plain text; the RunnerLog escapes it when it prints.
 */
import type { RunResult } from '../model/result.js'
import { truncate } from './escape.js'
import { rollbackClauses } from './rollback-facts.js'

/** An annotation is one message in the log and on the run page: long reasons are cut. */
const MAX_PART_CHARS = 2000

export function verdictAnnotation(result: RunResult): string {
  const first = result.reasons[0]
  const rollback = rollbackClauses(result)
  // A reason's closing full stop would read `….; rolled back …` before the rollback clause.
  const why = first ? ` — ${truncate(rollback ? first.replace(/\.$/, '') : first, MAX_PART_CHARS)}` : ''
  return `deploy-guard ${result.command}: ${result.verdict}${why}${rollback ? `; ${truncate(rollback, MAX_PART_CHARS)}` : ''}`
}
