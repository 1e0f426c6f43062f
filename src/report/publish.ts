/**
 * Puts a finished run on every surface of the step: log lines, JSON record, outputs, job summary.
 * The only report module with I/O; the rendering it calls is pure. Runner I/O sits behind a small
 * sink so tests can use a fake that behaves (writes files) instead of mocking @actions/core.
 *
 * Two guarantees hold whatever the result holds and whatever the runner's files do:
 * - every surface sees the result only after the Redactor (the whole RunResult is redacted before
 *   rendering, and safeSink redacts each value again on its way out), and log text is escaped;
 * - every surface sees the same caveats (caveats.ts: a smoke check against the old pods), the record too;
 * - each surface is written on its own: one that cannot be written is a warning, never a lost
 *   verdict line or a crash (GITHUB_OUTPUT pointing at a missing file, a read-only summary file).
 */
import * as core from '@actions/core'
import { appendFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunResult } from '../model/result.js'
import { withCaveats } from './caveats.js'
import { escapeAnnotation, escapeLogLine } from './escape.js'
import { createRunnerLog, type RunnerLog } from './logger.js'
import { renderLogSummary } from './log.js'
import { buildOutputs } from './outputs.js'
import { writeRecord } from './record.js'
import { Redactor } from './redact.js'
import { renderSummary } from './summary.js'
import type { RunSurface } from './surfaces.js'

export interface ReportSink {
  setOutput(name: string, value: string): void
  info(line: string): void
  warning(message: string): void
  /** Appends Markdown to the step summary. */
  writeSummary(markdown: string): Promise<void>
}

/** The runner's surfaces: outputs and summary files, log lines through the safe RunnerLog. */
export function actionsSink(log: RunnerLog): ReportSink {
  return {
    setOutput: (name, value) => core.setOutput(name, value),
    info: (line) => log.info(line),
    warning: (message) => log.warning(message),
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown).write()
    }
  }
}

/**
 * The gate every surface passes: values redacted, log text escaped. Wrapping a sink (a PR comment,
 * a Deployment status, a webhook) in it is all a new surface needs to be safe.
 */
export function safeSink(sink: ReportSink, redactor: Redactor): ReportSink {
  return {
    setOutput: (name, value) => sink.setOutput(name, redactor.text(value)),
    info: (line) => sink.info(escapeLogLine(redactor.text(line))),
    warning: (message) => sink.warning(escapeAnnotation(redactor.text(message))),
    writeSummary: (markdown) => sink.writeSummary(redactor.text(markdown))
  }
}

export interface PublishOptions {
  /** Where the JSON record goes; default `$RUNNER_TEMP/deploy-guard` (or the OS temp dir). */
  recordDir?: string
  sink?: ReportSink
  /** Every secret the run knows; default none. */
  redactor?: Redactor
  /** Passed to renderSummary. */
  maxSummaryBytes?: number
  /** Replaces the job summary's Markdown (a config error shows its issues instead of checklists). */
  summary?: (result: RunResult) => string
  /** PR comment, Deployment status, versions file, webhook (src/report/surfaces.ts), finished last. */
  surfaces?: RunSurface[]
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** A sink's writes, each guarded: a surface that fails becomes one warning, never an exception. */
function guarded(sink: ReportSink): {
  warn(message: string): void
  attempt(surface: string, write: () => unknown): Promise<void>
  logLines(result: RunResult): void
  outputs(result: RunResult, recordPath: string): void
} {
  const warn = (message: string): void => {
    try {
      sink.warning(message)
    } catch {
      // Not even the log can be written: nothing is left to tell; the exit code still says it.
    }
  }
  const attemptSync = (surface: string, write: () => void): void => {
    try {
      write()
    } catch (error) {
      warn(`deploy-guard could not write ${surface}: ${messageOf(error)}`)
    }
  }
  return {
    warn,
    attempt: async (surface, write) => {
      try {
        await write()
      } catch (error) {
        warn(`deploy-guard could not write ${surface}: ${messageOf(error)}`)
      }
    },
    logLines: (result) =>
      attemptSync('the log lines', () => {
        for (const line of renderLogSummary(result)) sink.info(line)
      }),
    outputs: (result, recordPath) =>
      attemptSync('the outputs', () => {
        // Each output on its own: one that fails does not stop the others.
        const failed: string[] = []
        let firstError: unknown
        for (const [name, value] of Object.entries(buildOutputs(result, recordPath))) {
          try {
            sink.setOutput(name, value)
          } catch (error) {
            failed.push(name)
            firstError ??= error
          }
        }
        if (failed.length) throw new Error(`${failed.join(', ')} (${messageOf(firstError)})`)
      })
  }
}

/** Publishes `result`; returns the path of the JSON record ('' when it could not be written). */
export async function publishReports(result: RunResult, options: PublishOptions = {}): Promise<string> {
  const redactor = options.redactor ?? new Redactor()
  const sink = safeSink(options.sink ?? actionsSink(createRunnerLog(redactor)), redactor)
  const safe = withCaveats(redactor.value(result))
  const surfaces = guarded(sink)
  // The verdict line first: whatever fails after it, the log says how the run ended.
  surfaces.logLines(safe)
  const dir = options.recordDir ?? join(process.env.RUNNER_TEMP || tmpdir(), 'deploy-guard')
  let recordPath = ''
  await surfaces.attempt(`its JSON record to ${dir}`, async () => {
    recordPath = await writeRecord(safe, dir)
  })
  surfaces.outputs(safe, recordPath)
  // Outside Actions (no $GITHUB_STEP_SUMMARY) or an I/O error: the outputs and log still tell the story.
  await surfaces.attempt('the job summary', () =>
    sink.writeSummary(
      options.summary ? options.summary(safe) : renderSummary(safe, { maxBytes: options.maxSummaryBytes })
    )
  )
  for (const surface of options.surfaces ?? []) {
    await surfaces.attempt(surface.name, async () => {
      const outputs = await surface.finish(safe, recordPath)
      for (const [name, value] of Object.entries(outputs ?? {})) sink.setOutput(name, value)
    })
  }
  if (recordPath) await surfaces.attempt('the log lines', () => sink.info(`JSON record: ${recordPath}`))
  return recordPath
}

/** The runner's summary file, appended synchronously (a process about to exit cannot await). */
function appendSummaryNow(markdown: string): void {
  const path = process.env.GITHUB_STEP_SUMMARY
  if (!path) throw new Error('$GITHUB_STEP_SUMMARY is not set')
  appendFileSync(path, markdown)
}

export interface PublishNowOptions {
  redactor?: Redactor
  log?: RunnerLog
  /** Default: the runner's outputs and summary file, written synchronously. */
  sink?: Omit<ReportSink, 'writeSummary'> & { writeSummary(markdown: string): void }
}

/**
 * Publishes `result` synchronously (log lines, outputs, job summary; no JSON record): for a process
 * that must exit now, e.g. at the runner's second cancel signal. Every write is guarded.
 */
export function publishNow(result: RunResult, options: PublishNowOptions = {}): void {
  const redactor = options.redactor ?? new Redactor()
  const log = options.log ?? createRunnerLog(redactor)
  const raw = options.sink ?? { ...actionsSink(log), writeSummary: appendSummaryNow }
  const sink = safeSink({ ...raw, writeSummary: async () => undefined }, redactor)
  const safe = withCaveats(redactor.value(result))
  const surfaces = guarded(sink)
  surfaces.logLines(safe)
  surfaces.outputs(safe, '')
  try {
    // safeSink's writeSummary is async; this one must finish before the process exits, so it is
    // redacted here, as safeSink would.
    raw.writeSummary(redactor.text(renderSummary(safe)))
  } catch (error) {
    surfaces.warn(`deploy-guard could not write the job summary: ${messageOf(error)}`)
  }
}
