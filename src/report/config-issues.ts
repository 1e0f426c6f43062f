/**
 * The job summary of a run stopped by its configuration: every problem with its path, so the person
 * reading the run page sees why nothing was checked. Pure; values are escaped like every report.
 */
import type { ConfigIssue } from '../config/types.js'
import { codeSpan, escapeMarkdownText } from './escape.js'

export function renderConfigIssues(issues: ConfigIssue[]): string {
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`
  return [
    '## ⚠️ deploy-guard: invalid configuration',
    '',
    `Nothing was sent to the cluster or to Prometheus. Fix ${issues.length === 1 ? 'this' : 'these'} and run again (${count}):`,
    '',
    ...issues.map((issue) => `- ${codeSpan(issue.path)}: ${escapeMarkdownText(issue.message)}`),
    '',
    'The configuration reference: `docs/config.md` in the deploy-guard repository.',
    ''
  ].join('\n')
}
