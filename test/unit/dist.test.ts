import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

describe('dist/', () => {
  it('is the ncc build of the committed sources (GitHub runs dist/index.js, not src/)', () => {
    const out = mkdtempSync(join(tmpdir(), 'dg-dist-'))
    try {
      // scripts/build-to.sh is `npm run build` into another directory (test/release checks they agree).
      execFileSync('bash', ['scripts/build-to.sh', out], { stdio: 'pipe' })
      // ncc splits lazily imported modules into chunk files: every emitted file must match,
      // and dist/ must hold no chunk a fresh build no longer emits.
      const emitted = readdirSync(out).sort()
      const committed = readdirSync('dist').sort()
      expect(committed).toEqual(emitted)
      const stale = emitted.filter((f) => readFileSync(join(out, f), 'utf8') !== readFileSync(join('dist', f), 'utf8'))
      expect(stale).toEqual([])
      expect(JSON.parse(readFileSync('dist/package.json', 'utf8'))).toEqual({ type: 'module' })
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  }, 120000)
})
