/**
 * The `record-path` surface: the run's JSON record (the file behind the `report` output, which lives
 * in the runner's temp dir) also written to a workspace path, so a later step can upload or commit it
 * (`actions/upload-artifact` reads the workspace). Same bytes as the record file; directories are
 * created; an existing file is replaced (a re-run writes its own record). The path is the
 * `record-path` output. A path naming a directory (existing, or ending in `/`) gets the record's own
 * file name inside it.
 */
import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { RunResult } from '../model/result.js'
import { RECORD_SCHEMA_VERSION, recordTimestamp, type RunRecord } from '../report/record.js'
import type { RunSurface, SurfaceContext } from '../report/surfaces.js'
import { resolveInWorkspace, workspaceOf } from './workspace-path.js'

export const RECORD_PATH_OUTPUT = 'record-path'

const isDirectory = async (path: string): Promise<boolean> =>
  (await stat(path).catch(() => undefined))?.isDirectory() ?? false

/** The record file's name when the record itself could not be written (same rule as writeRecord). */
const recordName = (result: RunResult): string =>
  `deploy-guard-${result.command}-${recordTimestamp(result.finishedAt)}.json`

export function recordCopySurface(ctx: SurfaceContext): RunSurface | undefined {
  const input = ctx.config.records?.recordPath
  if (!input) return undefined
  return {
    name: `the JSON record at ${input}`,
    async finish(result, recordPath) {
      const workspace = workspaceOf(ctx.env)
      let path = await resolveInWorkspace(workspace, input, 'record-path')
      if (/[/\\]$/.test(input.trim()) || (await isDirectory(path))) {
        // Checked again: the file inside may itself be a symlink out of the workspace.
        path = await resolveInWorkspace(
          workspace,
          join(path, recordPath ? basename(recordPath) : recordName(result)),
          'record-path'
        )
      }
      await mkdir(dirname(path), { recursive: true })
      if (recordPath) {
        await copyFile(recordPath, path)
      } else {
        // The temp record could not be written: the same content, serialised the same way.
        const record: RunRecord = { schemaVersion: RECORD_SCHEMA_VERSION, ...result }
        await writeFile(path, `${JSON.stringify(record, null, 2)}\n`)
      }
      ctx.log(`record-path: JSON record written to ${input}`)
      return { [RECORD_PATH_OUTPUT]: path }
    }
  }
}
