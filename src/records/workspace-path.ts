/**
 * Resolves a path input (`versions-file`, `record-path`) inside the job's workspace. These files are
 * written for a later step to commit or upload, so a path that leads out of the workspace (`../x`,
 * `/etc/x`, or a symlink inside the workspace pointing out of it) is refused rather than written: a
 * workflow input must never let the action overwrite the runner's own files.
 */
import { realpath } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'

/** The workspace: `$GITHUB_WORKSPACE`, or the working directory outside Actions. */
export function workspaceOf(env: NodeJS.ProcessEnv): string {
  return resolve(env.GITHUB_WORKSPACE || process.cwd())
}

const inside = (root: string, path: string): boolean => {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))
}

/** The real path of `path`, following symlinks as far as the path exists (the rest appended). */
async function realPathSoFar(path: string): Promise<string> {
  const missing: string[] = []
  let current = path
  for (;;) {
    try {
      return join(await realpath(current), ...missing.reverse())
    } catch (error) {
      const parent = dirname(current)
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === current) throw error
      missing.push(basename(current))
      current = parent
    }
  }
}

/**
 * The absolute path `input` names, relative to the workspace. Throws an Error naming the input when it
 * is empty or leads outside the workspace (also through a symlink).
 */
export async function resolveInWorkspace(workspace: string, input: string, inputName: string): Promise<string> {
  const text = input.trim()
  if (!text) throw new Error(`${inputName} is empty: give a path relative to the workspace`)
  const path = resolve(workspace, text)
  const outside = `${inputName} ${JSON.stringify(text)} is outside the workspace (${workspace}); give a path relative to the workspace`
  if (!inside(workspace, path) || path === workspace) throw new Error(outside)
  const realWorkspace = await realPathSoFar(workspace)
  if (!inside(realWorkspace, await realPathSoFar(path))) throw new Error(`${outside} (it leads out through a symlink)`)
  return path
}
