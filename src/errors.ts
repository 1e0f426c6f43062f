/** One sentence for the user from anything thrown; stack traces go to the debug log only. */
import type { RunnerLog } from './report/logger.js'

/**
 * The message of `error`; its stack goes to `log.debug`. The stack's first line is the message,
 * which may quote a server, so it goes through the run's safe log (redacted and escaped) like any line.
 */
export function userMessage(error: unknown, log?: Pick<RunnerLog, 'debug'>): string {
  if (error instanceof Error) {
    if (error.stack) log?.debug(error.stack)
    return error.message
  }
  return String(error)
}
