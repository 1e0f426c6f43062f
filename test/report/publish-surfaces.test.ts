/**
 * Issue 7's report-surface guarantees, through the real publish path: secrets redacted on every
 * surface, outputs within their byte budgets, a surface that cannot be written is a warning (the
 * verdict line still comes out), and the verdict and tables survive huge values.
 */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { appendFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunResult } from '../../src/model/result.js'
import { OUTPUT_MAX_BYTES } from '../../src/report/outputs.js'
import { publishNow, publishReports, type ReportSink } from '../../src/report/publish.js'
import { Redactor } from '../../src/report/redact.js'
import { renderSummary } from '../../src/report/summary.js'
import { analysisRun, failedVerify } from './fixtures.js'

const TOKEN = 'kube-tok-Zx81qPl0'
const PROM = 'prom-bearer-77aa99'

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

let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dg-surfaces-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Every surface's text, for "nothing anywhere contains X" assertions. */
async function everything(sink: ReturnType<typeof fileSink>): Promise<string> {
  const records = await readdir(join(dir, 'records')).catch(() => [] as string[])
  const recordTexts = await Promise.all(records.map((name) => readFile(join(dir, 'records', name), 'utf8')))
  const summary = await readFile(join(dir, 'summary.md'), 'utf8').catch(() => '')
  return [...sink.outputs.values(), ...sink.log, ...sink.warnings, summary, ...recordTexts].join('\n')
}

function leakingResult(): RunResult {
  const result = analysisRun()
  const verify = failedVerify()
  result.targets = verify.targets
  result.checks = verify.checks
  result.reasons.unshift(`Kubernetes answered 500: token "${TOKEN}" is not valid`)
  const check = result.targets[0]!.checks[2]!
  check.actual = `Unauthorized: Bearer ${TOKEN}`
  check.reason = `server said ${JSON.stringify({ auth: `Bearer ${TOKEN}` })}`
  check.details![0]!.text = `log line with ${encodeURIComponent(TOKEN + '/x')} and ${PROM}`
  const metric = result.analysis!.checks[0]!
  metric.reason = `HTTP 401: invalid bearer ${PROM}`
  metric.measurements[0]!.message = `401 body: {"token":"${PROM}"}`
  result.checks[0]!.reason = `basic ${Buffer.from(PROM).toString('base64')}`
  return result
}

describe('secrets', () => {
  test('no surface (summary, outputs, record, log, warnings) contains a known secret', async () => {
    const redactor = new Redactor()
    redactor.add(TOKEN)
    redactor.add(PROM)
    const sink = fileSink(join(dir, 'summary.md'))
    await publishReports(leakingResult(), { recordDir: join(dir, 'records'), sink, redactor })
    const all = await everything(sink)
    expect(all).toContain('***')
    expect(all).not.toContain(TOKEN)
    expect(all).not.toContain(PROM)
    expect(all).not.toContain(encodeURIComponent(TOKEN))
    expect(all).not.toContain(Buffer.from(PROM).toString('base64'))
    // The record is still the whole result, just redacted.
    expect(sink.outputs.get('report')).toMatch(/\.json$/)
  })

  test('the synchronous fallback publisher redacts too', () => {
    const redactor = new Redactor()
    redactor.add(TOKEN)
    const written: string[] = []
    publishNow(leakingResult(), {
      redactor,
      sink: {
        setOutput: (name, value) => void written.push(`${name}=${value}`),
        info: (line) => void written.push(line),
        warning: (message) => void written.push(message),
        writeSummary: (markdown) => void written.push(markdown)
      }
    })
    expect(written.join('\n')).not.toContain(TOKEN)
    expect(written.some((w) => w.startsWith('verdict='))).toBe(true)
  })
})

describe('output sizes', () => {
  const hugeEvent = (): RunResult => {
    const result = failedVerify()
    const events = result.targets[0]!.checks[5]!
    events.actual = `BackOff: ${'m'.repeat(2_000_000)}`
    events.reason = `Warning event: ${'m'.repeat(2_000_000)}`
    result.reasons.unshift(`Warning event: ${'m'.repeat(2_000_000)}`)
    return result
  }

  test('a 2 MB event message: every output within its budget, lists still valid JSON, the cut noted', async () => {
    const sink = fileSink(join(dir, 'summary.md'))
    await publishReports(hugeEvent(), { recordDir: join(dir, 'records'), sink })
    const bytes = (name: string): number => Buffer.byteLength(sink.outputs.get(name) ?? '', 'utf8')
    expect(bytes('failed-checks')).toBeLessThanOrEqual(OUTPUT_MAX_BYTES['failed-checks'])
    expect(bytes('summary')).toBeLessThanOrEqual(OUTPUT_MAX_BYTES.summary)
    const total = [...sink.outputs.values()].reduce((n, v) => n + Buffer.byteLength(v, 'utf8'), 0)
    expect(total).toBeLessThan(1_000_000)
    const rows = JSON.parse(sink.outputs.get('failed-checks')!) as Array<{ id: string; actual: string }>
    expect(rows.find((r) => r.id === 'events')!.actual).toMatch(/more characters omitted\)$/)
    // The summary output leads with the cause (the crash loop); the 2 MB event is one of its rows.
    expect(sink.outputs.get('summary')).toMatch(/^deploy-guard verify failed — deployment\/api: CrashLoopBackOff/)
    expect(sink.outputs.get('summary')).not.toMatch(/\n/)
    // The record keeps the whole.
    const record = await readFile(sink.outputs.get('report')!, 'utf8')
    expect(record.length).toBeGreaterThan(6_000_000)
  })

  test('too many rows: rows are dropped from the end and one note row says how many', async () => {
    const result = failedVerify()
    result.checks = Array.from({ length: 400 }, (_v, i) => ({
      id: `smoke:${i}`,
      title: `smoke ${i}`,
      expected: 'HTTP 200',
      actual: 'x'.repeat(3000),
      status: 'failed' as const,
      reason: 'y'.repeat(3000)
    }))
    const sink = fileSink(join(dir, 'summary.md'))
    await publishReports(result, { recordDir: join(dir, 'records'), sink })
    const json = sink.outputs.get('failed-checks')!
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(OUTPUT_MAX_BYTES['failed-checks'])
    const rows = JSON.parse(json) as Array<{ id: string; title: string; status: string }>
    const note = rows[rows.length - 1]!
    expect(note.id).toBe('omitted')
    expect(note.status).toBe('failed')
    const omitted = Number(/^(\d+) more checks omitted$/.exec(note.title)?.[1])
    expect(rows.length - 1 + omitted).toBe(402)
  })
})

describe('a surface that cannot be written', () => {
  test('GITHUB_OUTPUT pointing at a missing file: a warning; the verdict line, record and summary still come out', async () => {
    const saved = { output: process.env.GITHUB_OUTPUT, summary: process.env.GITHUB_STEP_SUMMARY }
    process.env.GITHUB_OUTPUT = '/nonexistent/dir/file'
    process.env.GITHUB_STEP_SUMMARY = join(dir, 'summary.md')
    await appendFile(join(dir, 'summary.md'), '')
    const printed: string[] = []
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk))
      return true
    })
    try {
      const path = await publishReports(failedVerify(), { recordDir: join(dir, 'records') })
      expect(path).toMatch(/\.json$/)
    } finally {
      write.mockRestore()
      process.env.GITHUB_OUTPUT = saved.output
      process.env.GITHUB_STEP_SUMMARY = saved.summary
      if (saved.output === undefined) delete process.env.GITHUB_OUTPUT
      if (saved.summary === undefined) delete process.env.GITHUB_STEP_SUMMARY
    }
    const stdout = printed.join('')
    expect(stdout).toContain('deploy-guard verify: FAILED')
    expect(stdout).toMatch(/::warning::deploy-guard could not write the outputs: verdict, action, .*nonexistent/)
    expect(stdout).not.toMatch(/\n\s+at /) // no stack trace
    expect(await readFile(join(dir, 'summary.md'), 'utf8')).toMatch(/^## ❌ deploy-guard verify: failed/)
  })

  test('a sink whose every write throws: publishReports still resolves', async () => {
    const boom = (): never => {
      throw new Error('disk gone')
    }
    const notADir = join(dir, 'a-file')
    await appendFile(notADir, '')
    await expect(
      publishReports(failedVerify(), {
        recordDir: join(notADir, 'records'),
        sink: { setOutput: boom, info: boom, warning: boom, writeSummary: async () => boom() }
      })
    ).resolves.toBe('')
  })
})

describe('summary trimming keeps the verdict and the tables', () => {
  test('a 5 MB value in a query: verdict, check tables and the analysis overview survive', () => {
    const result = analysisRun()
    const verify = failedVerify()
    result.targets = verify.targets
    const metric = result.analysis!.checks[0]!
    metric.query = `sum(rate(x{v="${'q'.repeat(5_000_000)}"}[1m]))`
    metric.graphUrl = `https://prometheus.example.com/graph?g0.expr=${encodeURIComponent(metric.query)}`
    metric.reason = `error-rate: query ${metric.query} failed`
    const summary = renderSummary(result)
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(1_000_000)
    expect(summary).toMatch(/^## ❌ deploy-guard analyze: failed/)
    expect(summary).toContain('| Check | Expected | Actual | Status |')
    expect(summary).toContain('| Metric | Condition | Last value | Status |')
    expect(summary).toContain('more characters omitted')
    expect(summary).not.toContain('summary cut to stay under the size limit')
  })

  test('a 2 MB event message: the tables survive, the message is cut in place', () => {
    const result = failedVerify()
    result.targets[0]!.checks[5]!.actual = 'm'.repeat(2_000_000)
    result.targets[0]!.checks[5]!.details![0]!.facts![0]!.value = 'm'.repeat(2_000_000)
    result.analysis = analysisRun().analysis
    result.analysis!.checks[0]!.measurements[0]!.message = 'e'.repeat(2_000_000)
    const summary = renderSummary(result)
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(1_000_000)
    expect(summary).toContain('| No Warning events | 0 | mmmm')
    expect(summary).toContain('| Metric | Condition | Last value | Status |')
    expect(summary).toContain('### Details of failures')
  })
})
