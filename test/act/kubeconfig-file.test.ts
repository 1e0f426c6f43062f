/** The kubeconfig handed to helm: a private file for one call, removed afterwards, even on failure. */
import { describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { withKubeconfigFile } from '../../src/act/rollback/kubeconfig-file.js'

describe('withKubeconfigFile', () => {
  it('writes the content to a 0600 file for the call and removes it after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcfile-'))
    try {
      let seen: string | undefined
      const result = await withKubeconfigFile(
        'apiVersion: v1\n',
        async (path) => {
          seen = path
          expect(readFileSync(path!, 'utf8')).toBe('apiVersion: v1\n')
          expect(statSync(path!).mode & 0o777).toBe(0o600)
          return 42
        },
        dir
      )
      expect(result).toBe(42)
      expect(seen && existsSync(seen)).toBe(false)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('removes it when the call fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcfile-'))
    try {
      let seen = ''
      await expect(
        withKubeconfigFile(
          'x: 1\n',
          async (path) => {
            seen = path!
            throw new Error('boom')
          },
          dir
        )
      ).rejects.toThrow('boom')
      expect(existsSync(seen)).toBe(false)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('no content: no file, the CLI finds the credentials itself', async () => {
    expect(await withKubeconfigFile(undefined, async (path) => path)).toBeUndefined()
    expect(await withKubeconfigFile('  \n', async (path) => path)).toBeUndefined()
  })
})
