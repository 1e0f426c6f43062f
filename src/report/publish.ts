/**
 * Puts a finished run on every surface of the step: JSON record, job summary, outputs, log lines.
 * The only report module with I/O; the rendering it calls is pure. Runner I/O sits behind a small
 * sink so tests can use a fake that behaves (writes files) instead of mocking @actions/core.
 */
import * as core from '@actions/core'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunResult } from '../model/result.js'
import { renderLogSummary } from './log.js'
import { buildOutputs } from './outputs.js'
import { writeRecord } from './record.js'
import { renderSummary } from './summary.js'

export interface ReportSink {
  setOutput(name: string, value: string): void
  info(line: string): void
  warning(message: string): void
  /** Appends Markdown to the step summary. */
  writeSummary(markdown: string): Promise<void>
}

export const actionsSink: ReportSink = {
  setOutput: (name, value) => core.setOutput(name, value),
  info: (line) => core.info(line),
  warning: (message) => core.warning(message),
  writeSummary: async (markdown) => {
    await core.summary.addRaw(markdown).write()
  }
}

export interface PublishOptions {
  /** Where the JSON record goes; default `$RUNNER_TEMP/deploy-guard` (or the OS temp dir). */
  recordDir?: string
  sink?: ReportSink
  /** Passed to renderSummary. */
  maxSummaryBytes?: number
}

/** Publishes `result`; returns the path of the JSON record. A surface that fails is a warning, never a lost verdict. */
export async function publishReports(result: RunResult, options: PublishOptions = {}): Promise<string> {
  const sink = options.sink ?? actionsSink
  const dir = options.recordDir ?? join(process.env.RUNNER_TEMP || tmpdir(), 'deploy-guard')
  let recordPath = ''
  try {
    recordPath = await writeRecord(result, dir)
  } catch (error) {
    sink.warning(`deploy-guard could not write its JSON record to ${dir}: ${(error as Error).message}`)
  }
  for (const [name, value] of Object.entries(buildOutputs(result, recordPath))) sink.setOutput(name, value)
  for (const line of renderLogSummary(result)) sink.info(line)
  try {
    await sink.writeSummary(renderSummary(result, { maxBytes: options.maxSummaryBytes }))
  } catch (error) {
    // Outside Actions (no $GITHUB_STEP_SUMMARY) or an I/O error: the outputs and log still tell the story.
    sink.warning(`deploy-guard could not write the job summary: ${(error as Error).message}`)
  }
  if (recordPath) sink.info(`JSON record: ${recordPath}`)
  return recordPath
}
