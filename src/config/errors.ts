/** The one error loading the config throws: every problem found, each with its path. */
import type { ConfigIssue } from './types.js'

export class ConfigError extends Error {
  readonly issues: ConfigIssue[]

  constructor(issues: ConfigIssue[]) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`
    super([`Invalid deploy-guard configuration (${count}):`, ...issues.map(formatIssue)].join('\n'))
    this.name = 'ConfigError'
    this.issues = issues
  }
}

/** `verify.timeout: expected a duration like 30s, 5m or 1h30m, got "ten"` */
export function formatIssue(issue: ConfigIssue): string {
  return `${issue.path}: ${issue.message}`
}

/** Runs one input parser, turning its ConfigError into collected issues (so every problem is reported at once). */
export function attempt<T>(issues: ConfigIssue[], parse: () => T): T | undefined {
  try {
    return parse()
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    issues.push(...error.issues)
    return undefined
  }
}
