// Finishes an ncc build directory: `node scripts/write-dist-package.js DIR [--keep-stats FILE]`.
//
// - ncc emits ESM for an ESM package; GitHub runs dist/index.js directly, so DIR declares its own
//   module type (DIR/package.json).
// - ncc's licenses.txt misses every package webpack concatenated into a chunk (@actions/core, yaml
//   and undici among them, all in index.js), so this appends each bundled package it lacks, read from
//   the build's stats (DIR/stats.json, written by `ncc --stats-out`), in ncc's own form: name, license,
//   license text. Deterministic: packages sorted by name, nothing from the machine.
// - DIR/stats.json is then removed (moved to FILE with --keep-stats, for tests and size
//   investigations): it is not part of the bundle and holds the build machine's paths.
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const [dir, flag, keepStats] = process.argv.slice(2)
if (!dir || (flag !== undefined && (flag !== '--keep-stats' || !keepStats))) {
  console.error('usage: node scripts/write-dist-package.js DIR [--keep-stats FILE]')
  process.exit(2)
}

writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n')

const statsPath = join(dir, 'stats.json')
if (existsSync(statsPath)) {
  completeLicenses(JSON.parse(readFileSync(statsPath, 'utf8')))
  if (keepStats) renameSync(statsPath, keepStats)
  else rmSync(statsPath)
}

/** The package directory (`./node_modules/<name>` or `<scope>/<name>`, innermost) of a bundled module. */
function packageDir(moduleName) {
  const parts = moduleName.split(' + ')[0].split('/')
  const at = parts.lastIndexOf('node_modules')
  if (at < 0) return undefined
  return parts.slice(0, at + (parts[at + 1]?.startsWith('@') ? 3 : 2)).join('/')
}

function completeLicenses(stats) {
  const licensesPath = join(dir, 'licenses.txt')
  const existing = existsSync(licensesPath) ? readFileSync(licensesPath, 'utf8') : ''
  // ncc starts each entry with the package name on a line of its own; license texts have blank lines
  // (and trailing newlines) of their own, so splitting on blank lines would miss headers.
  const listed = new Set(existing.split('\n').map((line) => line.trim()))
  const dirs = new Set()
  for (const module of stats.modules ?? [])
    for (const name of [module.name, ...(module.modules ?? []).map((inner) => inner.name)]) {
      const found = name && packageDir(name)
      if (found && existsSync(join(found, 'package.json'))) dirs.add(found)
    }
  const missing = new Map()
  for (const pkgDir of dirs) {
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'))
    if (!pkg.name || listed.has(pkg.name) || missing.has(pkg.name)) continue
    const licenseFile = readdirSync(pkgDir)
      .sort()
      .find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f))
    const text = licenseFile ? readFileSync(join(pkgDir, licenseFile), 'utf8').trim() : ''
    const license = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? 'UNKNOWN')
    missing.set(pkg.name, [pkg.name, license, text].filter(Boolean).join('\n'))
  }
  if (missing.size === 0) return
  const added = [...missing.keys()].sort().map((name) => missing.get(name))
  writeFileSync(licensesPath, (existing ? `${existing.trimEnd()}\n\n` : '') + added.join('\n\n') + '\n')
}
