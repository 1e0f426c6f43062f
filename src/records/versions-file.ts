/**
 * The `versions-file` surface: after the run, the YAML versions file in the workspace is updated in
 * place with the version each component now runs (rules in component-version.ts, layout in
 * versions-yaml.ts), for the caller to commit. Its path is the `versions-file` output ('' when the run
 * claims no version, e.g. a failed deploy that was not rolled back, or when the file could not be
 * updated). A file that is not usable YAML is a warning and stays untouched; the verdict never changes.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { RunSurface, SurfaceContext } from '../report/surfaces.js'
import { versionsToRecord } from './component-version.js'
import { updateVersionsYaml, VersionsFileError } from './versions-yaml.js'
import { resolveInWorkspace, workspaceOf } from './workspace-path.js'

export const VERSIONS_FILE_OUTPUT = 'versions-file'

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

export function versionsFileSurface(ctx: SurfaceContext): RunSurface | undefined {
  const input = ctx.config.records?.versionsFile
  if (!input) return undefined
  return {
    name: `the versions file (${input})`,
    async finish(result) {
      const { versions, notes } = versionsToRecord(result, ctx.config.version)
      for (const note of notes) ctx.log(`versions-file: ${note}`)
      if (!Object.keys(versions).length) {
        ctx.log(`versions-file: ${input} left as it is`)
        return { [VERSIONS_FILE_OUTPUT]: '' }
      }
      const path = await resolveInWorkspace(workspaceOf(ctx.env), input, 'versions-file')
      const source = await readIfExists(path)
      let update
      try {
        update = updateVersionsYaml(source, versions)
      } catch (error) {
        if (!(error instanceof VersionsFileError)) throw error
        ctx.warn(
          `deploy-guard left the versions file ${input} untouched: ${error.message}. Fix the file (or point versions-file elsewhere); the deploy's verdict is unchanged.`
        )
        return { [VERSIONS_FILE_OUTPUT]: '' }
      }
      for (const note of update.notes) ctx.log(`versions-file: ${note}`)
      if (source === undefined) await mkdir(dirname(path), { recursive: true })
      if (source === undefined || update.text !== source) await writeFile(path, update.text)
      const what = Object.entries(versions)
        .filter(([component]) => update.changed.includes(component))
        .map(([component, version]) => `${component} ${version}`)
      ctx.log(
        `versions-file: ${source === undefined ? 'created' : 'updated'} ${input}` +
          (what.length ? ` (${what.join(', ')})` : ' (already up to date)')
      )
      return { [VERSIONS_FILE_OUTPUT]: path }
    }
  }
}
