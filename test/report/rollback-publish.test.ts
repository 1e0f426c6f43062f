/** The rollback through publishReports: every surface redacted like the rest of the result. */
import { describe, expect, test } from '@jest/globals'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { publishReports, type ReportSink } from '../../src/report/publish.js'
import { Redactor } from '../../src/report/redact.js'
import { rolledBackVerify } from './fixtures.js'

const SECRET = 'tok-3f9a8c1d2e'

describe('publishReports with a rollback', () => {
  test('a secret echoed in the message, notes and patch reaches no surface', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dg-rollback-publish-'))
    try {
      const result = rolledBackVerify('rolled-back-unhealthy')
      const t = result.rollback!.targets[0]!
      t.message = `helm said: Authorization: Bearer ${SECRET}`
      t.notes = [`retried after 401 for token ${SECRET}`]
      t.change = { kind: 'command', command: `helm rollback api 3 --wait --kube-token ${SECRET}` }
      t.manual = [`helm rollback api 3 --kube-token ${SECRET}`]
      const outputs = new Map<string, string>()
      const log: string[] = []
      let summary = ''
      const sink: ReportSink = {
        setOutput: (name, value) => void outputs.set(name, value),
        info: (line) => void log.push(line),
        warning: (message) => void log.push(message),
        writeSummary: async (markdown) => {
          summary += markdown
        }
      }
      const redactor = new Redactor()
      redactor.add(SECRET)
      const path = await publishReports(result, { recordDir: dir, sink, redactor })
      const surfaces = [...outputs.values(), ...log, summary, await readFile(path, 'utf8')]
      for (const text of surfaces) expect(text).not.toContain(SECRET)
      expect(summary).toContain('helm rollback api 3 --kube-token ***')
      expect(outputs.get('rollback')).toContain('Bearer ***')
      expect(outputs.get('action')).toBe('rolled-back')
      expect(outputs.get('restored-verdict')).toBe('failed')
      expect(log[1]).toMatch(/^ {2}cause: deployment\/api: CrashLoopBackOff/)
      expect(log[2]).toMatch(/^ {2}❌ rollback deployment\/api: rolled-back-unhealthy/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
