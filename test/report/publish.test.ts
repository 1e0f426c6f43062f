import { describe, expect, test } from '@jest/globals'
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { publishReports, type ReportSink } from '../../src/report/publish.js'
import { failedVerify, hugeFailure } from './fixtures.js'

/** A sink that behaves like the runner: outputs in a map, summary appended to a real file. */
function fileSink(
  summaryPath: string
): ReportSink & { outputs: Map<string, string>; log: string[]; warnings: string[] } {
  const outputs = new Map<string, string>()
  const log: string[] = []
  const warnings: string[] = []
  return {
    outputs,
    log,
    warnings,
    setOutput: (name, value) => void outputs.set(name, value),
    info: (line) => void log.push(line),
    warning: (message) => void warnings.push(message),
    writeSummary: (markdown) => appendFile(summaryPath, markdown)
  }
}

describe('publishReports', () => {
  test('writes the record, the outputs, the log lines and the summary', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dg-publish-'))
    try {
      const sink = fileSink(join(dir, 'summary.md'))
      const path = await publishReports(failedVerify(), { recordDir: join(dir, 'records'), sink })
      expect(path).toBe(join(dir, 'records', 'deploy-guard-verify-20250304T100205Z.json'))
      expect(sink.outputs.get('report')).toBe(path)
      expect(sink.outputs.get('verdict')).toBe('failed')
      expect([...sink.outputs.keys()].sort()).toEqual([
        'action',
        'analysis',
        'canary-state',
        'canary-step',
        'failed-checks',
        'report',
        'restored-verdict',
        'rollback',
        'rolled-back-from',
        'rolled-back-to',
        'snapshot',
        'summary',
        'verdict'
      ])
      expect(sink.log[0]).toBe('deploy-guard verify: FAILED (action: rolled back)')
      expect((await readFile(join(dir, 'summary.md'), 'utf8')).startsWith('## ❌ deploy-guard verify: failed')).toBe(
        true
      )
      expect(JSON.parse(await readFile(path, 'utf8')).schemaVersion).toBe(1)
      expect(sink.warnings).toEqual([])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  test('the summary written for a huge run stays under the limit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dg-publish-'))
    try {
      const summary = join(dir, 'summary.md')
      await publishReports(hugeFailure(), { recordDir: dir, sink: fileSink(summary), maxSummaryBytes: 100_000 })
      expect((await readFile(summary)).byteLength).toBeLessThanOrEqual(100_000)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  test('a failing surface is a warning; the outputs are still set', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dg-publish-'))
    try {
      const sink = fileSink(join(dir, 'missing-dir', 'summary.md'))
      await publishReports(failedVerify(), { recordDir: dir, sink })
      expect(sink.outputs.get('verdict')).toBe('failed')
      expect(sink.warnings).toHaveLength(1)
      expect(sink.warnings[0]).toMatch(/could not write the job summary/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
