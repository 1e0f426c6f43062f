import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

describe('dist/', () => {
  it('is the ncc build of the committed sources (GitHub runs dist/index.js, not src/)', () => {
    const out = mkdtempSync(join(tmpdir(), 'dg-dist-'))
    try {
      execFileSync(
        'node_modules/.bin/ncc',
        ['build', 'src/index.ts', '-o', out, '--license', 'licenses.txt', '--target', 'es2022', '-q'],
        {
          stdio: 'pipe'
        }
      )
      // ncc splits lazily imported modules into chunk files: every emitted file must match.
      const emitted = readdirSync(out)
        .filter((f) => f.endsWith('.js'))
        .sort()
      const committedFiles = readdirSync('dist')
        .filter((f) => f.endsWith('.js'))
        .sort()
      expect(committedFiles).toEqual(emitted)
      const stale = emitted.filter((f) => readFileSync(join(out, f), 'utf8') !== readFileSync(join('dist', f), 'utf8'))
      expect(stale).toEqual([])
      expect(JSON.parse(readFileSync('dist/package.json', 'utf8'))).toEqual({ type: 'module' })
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  }, 120000)
})
