/**
 * What a bundle directory holds and what its entry loads before running: dist/index.js and every chunk
 * it imports statically (transitively). Lazy chunks (`import()`) are left out: they load only when a
 * command needs them. Read from the emitted files, so it measures any build of the bundle.
 */
import { readFile, readdir, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export interface BundleFiles {
  /** Bytes of every .js file in the directory. */
  allBytes: number
  files: number
  /** Bytes of the entry file alone. */
  entryBytes: number
  /** Bytes of the entry and the chunks it imports statically: what every run loads. */
  startupBytes: number
  startupFiles: number
}

// A static import of a sibling chunk: `import{a as b}from"./x.js"` or `import"./x.js"`. ncc (webpack)
// loads every chunk but index.js through `import()`, which does not match (no `from` or quote follows
// `import`), so for today's build this finds index.js alone; it stays right if a bundler splits statically.
const STATIC_IMPORT = /(?:^|[;\n}])\s*import\s*(?:[\w$*{}\s,]+?from\s*)?["'](\.\/[^"']+)["']/g

export async function bundleFiles(entry: string): Promise<BundleFiles> {
  const dir = dirname(entry)
  const js = (await readdir(dir)).filter((f) => f.endsWith('.js'))
  let allBytes = 0
  for (const f of js) allBytes += (await stat(join(dir, f))).size
  const startup = new Set<string>()
  const visit = async (file: string): Promise<void> => {
    if (startup.has(file)) return
    startup.add(file)
    const text = await readFile(join(dir, file), 'utf8')
    for (const match of text.matchAll(STATIC_IMPORT)) await visit(match[1]!.slice(2))
  }
  await visit(basename(entry))
  let startupBytes = 0
  for (const f of startup) startupBytes += (await stat(join(dir, f))).size
  return {
    allBytes,
    files: js.length,
    entryBytes: (await stat(entry)).size,
    startupBytes,
    startupFiles: startup.size
  }
}
