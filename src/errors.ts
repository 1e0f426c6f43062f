/** One sentence for the user from anything thrown; stack traces go to the debug log only. */
import * as core from '@actions/core'

export function userMessage(error: unknown): string {
  if (error instanceof Error) {
    if (error.stack) core.debug(error.stack)
    return error.message
  }
  return String(error)
}
