/**
 * The one way deploy-guard writes to the job log. Every line and annotation is redacted (known
 * secrets become `***`) and then escaped (escapeLogLine / escapeAnnotation), so no text from outside
 * can form a runner command or print a credential, whichever command or module printed it.
 * Commands reach it as CommandContext.log/warn/group, reports through their ReportSink, main for
 * the step's failure annotation.
 */
import * as core from '@actions/core'
import { escapeAnnotation, escapeLogLine } from './escape.js'
import type { Redactor } from './redact.js'

export interface RunnerLog {
  /** A plain log line; line breaks in `line` become spaces. */
  info(line: string): void
  /** A warning annotation (may span several lines). */
  warning(message: string): void
  /** An error annotation that also fails the step (exit code 1). */
  fail(message: string): void
  /** A line shown only with step debug logging (stack traces). */
  debug(message: string): void
  /** Runs `fn` inside a collapsible log group titled `title`. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>
}

/** The raw runner commands the log is written with; @actions/core in production, a recorder in tests. */
export interface RunnerCommands {
  info(line: string): void
  warning(message: string): void
  setFailed(message: string): void
  debug(message: string): void
  group<T>(title: string, fn: () => Promise<T>): Promise<T>
}

export const actionsCommands: RunnerCommands = {
  info: (line) => core.info(line),
  warning: (message) => core.warning(message),
  setFailed: (message) => core.setFailed(message),
  debug: (message) => core.debug(message),
  group: (title, fn) => core.group(title, fn)
}

export function createRunnerLog(redactor: Redactor, commands: RunnerCommands = actionsCommands): RunnerLog {
  const line = (text: string): string => escapeLogLine(redactor.text(text))
  const annotation = (text: string): string => escapeAnnotation(redactor.text(text))
  return {
    info: (text) => commands.info(line(text)),
    warning: (text) => commands.warning(annotation(text)),
    fail: (text) => commands.setFailed(annotation(text)),
    debug: (text) => commands.debug(annotation(text)),
    group: (title, fn) => commands.group(line(title), fn)
  }
}
