import { describe, expect, test } from '@jest/globals'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { RECORD_SCHEMA_VERSION, recordTimestamp, writeRecord } from '../../src/report/record.js'
import { analysisRun, failedVerify } from './fixtures.js'

describe('writeRecord', () => {
  test('writes pretty JSON of the result plus schemaVersion, named by command and time', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dg-record-'))
    try {
      const result = analysisRun()
      const path = await writeRecord(result, join(dir, 'nested'))
      expect(basename(path)).toBe('deploy-guard-analyze-20250304T100205Z.json')
      const text = await readFile(path, 'utf8')
      expect(text).toContain('\n  "schemaVersion": 1,\n')
      expect(JSON.parse(text)).toEqual({ schemaVersion: RECORD_SCHEMA_VERSION, ...result })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  test('never overwrites an earlier record of the same second', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dg-record-'))
    try {
      const first = await writeRecord(failedVerify(), dir)
      const second = await writeRecord(failedVerify(), dir)
      expect(basename(first)).toBe('deploy-guard-verify-20250304T100205Z.json')
      expect(basename(second)).toBe('deploy-guard-verify-20250304T100205Z-2.json')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  test('timestamps have no characters file systems refuse', () => {
    expect(recordTimestamp('2025-03-04T10:02:05.123Z')).toBe('20250304T100205Z')
  })
})
