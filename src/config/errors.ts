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
