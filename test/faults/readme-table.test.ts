/** The README's fault-matrix table cannot drift from cases.ts: every case, with its expected outcome. */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { cases } from './cases.js'
import { expectedText } from './assert.js'
import { readmeRows } from './table-render.js'

const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8')

describe('README fault matrix', () => {
  const rows = readmeRows(readme)

  it('lists every case with its expected verdict, exit code and bound (npm run test:faults:table)', () => {
    const drift = cases
      .filter((c) => rows.get(c.id) !== expectedText(c.expect.verdict, c.expect.exitCode, c.expect.wallMs))
      .map((c) => c.id)
    expect(drift).toEqual([])
  })

  it('lists no case that is gone', () => {
    const ids = new Set(cases.map((c) => c.id))
    expect([...rows.keys()].filter((id) => !ids.has(id))).toEqual([])
  })

  it('has unique case ids that are valid namespace names (each case runs in its own)', () => {
    const ids = cases.map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.filter((id) => !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(id))).toEqual([])
  })
})
