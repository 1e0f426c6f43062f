/**
 * Real Prometheus for tests: the Debian `prometheus` binary on a random loopback port with a temp
 * config and TSDB, plus `backfill()` for exact-timestamp fixtures via `promtool tsdb
 * create-blocks-from openmetrics`. Wait on data, never on sleeps: the first scrape can take seconds.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { freePort } from './free-port.js'

const run = promisify(execFile)

export interface PrometheusInstance extends Daemon {
  /** Polls an instant query until it returns a sample whose value satisfies `predicate`; returns it. */
  waitForData(query: string, predicate?: (value: number) => boolean, timeoutMs?: number): Promise<number>
}

export interface StartOptions {
  /** host:port targets scraped at `scrapeInterval` under job `sample`. */
  scrapeTargets: string[]
  scrapeInterval?: string
}

const READY_TIMEOUT_MS = 15_000

/** A server process of the Prometheus family (prometheus, prometheus-alertmanager) started for a test. */
export interface Daemon {
  url: string
  /** Kills the process (SIGTERM, then SIGKILL after 5 s), waits for it to exit and removes the temp dir. Idempotent. */
  stop(): Promise<void>
}

/** Keeps the last 16 KiB of a stream, for start-up failure messages. */
function tail(child: ChildProcess): () => string {
  let text = ''
  const add = (chunk: Buffer): void => void (text = (text + chunk.toString()).slice(-16_384))
  child.stdout?.on('data', add)
  child.stderr?.on('data', add)
  return () => text
}

/**
 * Starts `binary` with `args` on a free loopback port (`--web.listen-address`, `--log.level=warn`
 * added) and waits for `/-/ready`; `dir` is the temp dir `stop()` removes.
 */
export async function startDaemon(binary: string, args: string[], dir: string): Promise<Daemon> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(binary, [...args, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const output = tail(child)
  let exited = false
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true
      resolve()
    })
    child.once('error', () => {
      exited = true
      resolve()
    })
  })

  let stopping: Promise<void> | undefined
  // Idempotent: a test may stop it mid-run while afterAll stops it again.
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      if (!exited) {
        child.kill('SIGTERM')
        const killer = setTimeout(() => child.kill('SIGKILL'), 5000)
        await exit
        clearTimeout(killer)
      }
      await rm(dir, { recursive: true, force: true })
    })())

  const deadline = Date.now() + READY_TIMEOUT_MS
  for (;;) {
    if (exited) {
      await stop()
      throw new Error(`${binary} exited during start-up (exit code ${child.exitCode}):\n${output()}`)
    }
    try {
      const response = await fetch(`${url}/-/ready`)
      if (response.ok) return { url, stop }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`${binary} was not ready within ${READY_TIMEOUT_MS} ms:\n${output()}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

async function launch(args: string[], dir: string): Promise<PrometheusInstance> {
  const { url, stop } = await startDaemon('prometheus', args, dir)

  const waitForData = async (query: string, predicate: (value: number) => boolean = () => true, timeoutMs = 20_000) => {
    const until = Date.now() + timeoutMs
    let last = 'no answer yet'
    for (;;) {
      try {
        const response = await fetch(`${url}/api/v1/query?${new URLSearchParams({ query })}`)
        const body = (await response.json()) as { data?: { resultType: string; result: unknown } }
        const result = body.data?.result
        const values =
          body.data?.resultType === 'scalar'
            ? [Number((result as [number, string])[1])]
            : Array.isArray(result)
              ? (result as Array<{ value: [number, string] }>).map((s) => Number(s.value[1]))
              : []
        last = JSON.stringify(values)
        const hit = values.find((v) => predicate(v))
        if (hit !== undefined) return hit
      } catch (error) {
        last = String(error)
      }
      if (Date.now() > until) throw new Error(`no matching data for ${query} within ${timeoutMs} ms (last: ${last})`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }

  return { url, waitForData, stop }
}

export async function startPrometheus(options: StartOptions): Promise<PrometheusInstance> {
  const interval = options.scrapeInterval ?? '1s'
  const dir = await mkdtemp(join(tmpdir(), 'deploy-guard-prom-'))
  const config = [
    'global:',
    `  scrape_interval: ${interval}`,
    `  scrape_timeout: ${interval}`,
    `  evaluation_interval: ${interval}`,
    'scrape_configs:',
    '  - job_name: sample',
    '    static_configs:',
    `      - targets: [${options.scrapeTargets.map((t) => JSON.stringify(t)).join(', ')}]`,
    ''
  ].join('\n')
  const file = join(dir, 'prometheus.yml')
  await writeFile(file, config)
  return launch([`--config.file=${file}`, `--storage.tsdb.path=${join(dir, 'data')}`], dir)
}

/**
 * Prometheus over fixed samples: `openMetrics` is OpenMetrics text (timestamps in seconds, ending in
 * `# EOF`). Query with `time=` inside the samples' range.
 */
export async function backfill(openMetrics: string): Promise<PrometheusInstance> {
  const dir = await mkdtemp(join(tmpdir(), 'deploy-guard-backfill-'))
  const input = join(dir, 'input.om')
  const data = join(dir, 'data')
  await writeFile(input, openMetrics.endsWith('\n') ? openMetrics : `${openMetrics}\n`)
  try {
    await run('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', input, data])
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    const e = error as { stderr?: string; message: string }
    throw new Error(`promtool could not backfill: ${e.stderr || e.message}`)
  }
  const config = join(dir, 'empty.yml')
  await writeFile(config, 'global: {}\n')
  // Fixtures may be days old; a long retention keeps Prometheus from deleting them on start.
  return launch([`--config.file=${config}`, `--storage.tsdb.path=${data}`, '--storage.tsdb.retention.time=100y'], dir)
}
