/** The JSON record of a run: the RunResult as written, for later steps (rollback) and audit. */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RunResult } from '../model/result.js'

/** Bump when a field of the record changes meaning or disappears. */
export const RECORD_SCHEMA_VERSION = 1

export type RunRecord = { schemaVersion: number } & RunResult

/** `20250102T030405Z` from the run's finish time (no `:`, which Windows file names refuse). */
export function recordTimestamp(iso: string): string {
  const ms = Date.parse(iso)
  const date = Number.isNaN(ms) ? new Date() : new Date(ms)
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '')
}

/**
 * Writes `deploy-guard-<command>-<timestamp>.json` into `dir` (created if missing) and returns its
 * path. An existing file is never overwritten: a second run in the same second gets `-2`, `-3`, ….
 */
export async function writeRecord(result: RunResult, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true })
  const record: RunRecord = { schemaVersion: RECORD_SCHEMA_VERSION, ...result }
  const content = `${JSON.stringify(record, null, 2)}\n`
  const base = `deploy-guard-${result.command}-${recordTimestamp(result.finishedAt)}`
  for (let attempt = 1; ; attempt++) {
    const path = join(dir, `${base}${attempt > 1 ? `-${attempt}` : ''}.json`)
    try {
      await writeFile(path, content, { flag: 'wx' })
      return path
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 100) throw error
    }
  }
}
