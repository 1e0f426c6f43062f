/**
 * Start-up cost of the committed bundle: how long from spawning `dist/index.js` (verify, kubeconfig
 * input) until its first Kubernetes API connection arrives at a loopback server, on the fast path,
 * for a legacy auth-provider user (client-node's gcp authenticator, loaded lazily) and with a config
 * file of PromQL checks (the PromQL parser, loaded lazily), beside a bare `node -e 0`; the size of
 * dist/ and of what every run loads; and the peak RSS of one whole verify run against the sandbox.
 * Run `npm run build` first: this measures dist/, not src/ (or the bundle DEPLOY_GUARD_BUNDLE names).
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { startSandbox } from '../test/sandbox/index.js'
import { bundleFiles } from './bundle-files.js'
import { median, type BenchFigure } from './figure.js'

const RUNS = 15
const BUNDLE = resolve(process.env.DEPLOY_GUARD_BUNDLE || 'dist/index.js')
const SHOWN = relative(process.cwd(), BUNDLE)
/** Issue 11's start-up targets (the Azure/k8s-deploy bundle starts in ~81 ms on the CI machine). */
const TARGET = { coldStartMs: 80, startupKiB: 700, distKiB: 8 * 1024 }
/** The runner's Node (24, from the `node` devDependency), even when tsx itself runs on another. */
const NODE = existsSync(resolve('node_modules/.bin/node')) ? resolve('node_modules/.bin/node') : process.execPath

/** A config a verify-with-analysis user writes: what makes a run load the PromQL parser at start. */
const ANALYSIS_CONFIG = `prometheus: {url: "http://127.0.0.1:9"}
analysis:
  interval: 30s
  count: 2
  checks:
    - {name: error-rate, query: 'sum(rate(http_requests_total{status=~"5..",version="{{version}}"}[1m])) / sum(rate(http_requests_total{version="{{version}}"}[1m]))', max: 0.01}
    - {name: latency-p95, query: 'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[1m])))', max: 0.5}
`

/** `user`: the kubeconfig user, a YAML flow mapping (a static token by default). */
const kubeconfigFor = (port: number, user = '{token: abc}') =>
  `apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "https://127.0.0.1:${port}", insecure-skip-tls-verify: true}}]\nusers: [{name: u, user: ${user}}]\ncontexts: [{name: c, context: {cluster: c, user: u}}]\ncurrent-context: c\n`

/**
 * CPU time (ms, all threads) a process has used so far, from /proc/PID/task/TID/schedstat (its first
 * field is nanoseconds on a CPU); undefined where /proc is unavailable. Unlike wall time, it hardly
 * moves with the machine's load, so it shows what a change saved even on a busy CI machine.
 */
async function cpuMs(pid: number): Promise<number | undefined> {
  try {
    let ns = 0
    for (const task of await readdir(`/proc/${pid}/task`))
      ns += Number((await readFile(`/proc/${pid}/task/${task}/schedstat`, 'utf8')).split(' ')[0])
    return ns / 1e6
  } catch {
    return undefined
  }
}

interface ColdStarts {
  /** ms from spawn to the first TCP connection. */
  wall: number[]
  /** CPU ms the child had used when it connected (empty without /proc). */
  cpu: number[]
}

/**
 * `runs` spawns of the bundle until its first TCP connection (the child is killed once it connects).
 * `user`: the kubeconfig user (see kubeconfigFor); `config`: a config file's YAML (the `config` input).
 */
async function coldStarts(runs: number, options: { user?: string; config?: string } = {}): Promise<ColdStarts> {
  let onConnect: (() => void) | undefined
  const server = createServer((socket) => {
    socket.destroy()
    onConnect?.()
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as { port: number }).port
  const dir = await mkdtemp(join(tmpdir(), 'dg-cold-'))
  if (options.config !== undefined) await writeFile(join(dir, 'deploy-guard.yml'), options.config)
  const times: number[] = []
  const cpu: number[] = []
  try {
    for (let i = 0; i < runs; i++) {
      const connected = new Promise<void>((r) => (onConnect = r))
      const t0 = performance.now()
      const child = spawn(NODE, [BUNDLE], {
        env: {
          PATH: process.env.PATH,
          HOME: dir,
          INPUT_COMMAND: 'verify',
          INPUT_TARGET: 'deployment/api',
          INPUT_KUBECONFIG: kubeconfigFor(port, options.user),
          ...(options.config !== undefined ? { INPUT_CONFIG: join(dir, 'deploy-guard.yml') } : {}),
          GITHUB_OUTPUT: join(dir, 'out'),
          GITHUB_STEP_SUMMARY: join(dir, 'summary'),
          RUNNER_TEMP: dir
        },
        stdio: 'ignore'
      })
      const exited = new Promise<void>((r) => child.on('exit', () => r()))
      const outcome = await Promise.race([connected.then(() => 'connected'), exited.then(() => 'exited')])
      if (outcome !== 'connected') throw new Error(`${SHOWN} exited before its first API request; run npm run build`)
      times.push(performance.now() - t0)
      const used = child.pid === undefined ? undefined : await cpuMs(child.pid)
      if (used !== undefined) cpu.push(used)
      onConnect = undefined
      child.kill('SIGKILL')
      await exited
    }
  } finally {
    server.close()
    await rm(dir, { recursive: true, force: true })
  }
  return { wall: times, cpu }
}

/** `node -e 0`, spawn to exit, and the CPU it used: the floor any Node action starts from. */
function bareNodeStarts(runs: number): ColdStarts {
  const result: ColdStarts = { wall: [], cpu: [] }
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    const used = execFileSync(NODE, [
      '-e',
      'const c = process.cpuUsage(); process.stdout.write(String((c.user + c.system) / 1000))'
    ])
    result.wall.push(performance.now() - t0)
    result.cpu.push(Number(used.toString()))
  }
  return result
}

/** Peak RSS (KiB) of one verify run against the sandbox, from /usr/bin/time -v. */
async function verifyPeakRss(): Promise<{ kib: number; exitCode: number; ms: number }> {
  const sandbox = await startSandbox({
    timeScale: 20,
    scenarioText: `apiVersion: v1
kind: Namespace
metadata: {name: prod}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: prod}
spec:
  replicas: 3
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: "registry/api:v1"}]}`
  })
  const dir = await mkdtemp(join(tmpdir(), 'dg-rss-'))
  try {
    await writeFile(join(dir, 'out'), '')
    await writeFile(join(dir, 'summary'), '')
    const t0 = performance.now()
    const { code, stderr } = await new Promise<{ code: number; stderr: string }>((r, reject) => {
      const child = spawn('/usr/bin/time', ['-v', NODE, BUNDLE], {
        env: {
          PATH: process.env.PATH,
          HOME: dir,
          INPUT_COMMAND: 'verify',
          INPUT_TARGET: 'deployment/api',
          INPUT_NAMESPACE: 'prod',
          INPUT_KUBECONFIG: sandbox.kubeconfig,
          GITHUB_OUTPUT: join(dir, 'out'),
          GITHUB_STEP_SUMMARY: join(dir, 'summary'),
          RUNNER_TEMP: dir
        },
        stdio: ['ignore', 'ignore', 'pipe']
      })
      let err = ''
      child.stderr.on('data', (d: Buffer) => (err += d.toString()))
      child.on('error', reject)
      child.on('close', (c) => r({ code: c ?? -1, stderr: err }))
    })
    const ms = performance.now() - t0
    const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)
    if (!match) throw new Error('/usr/bin/time -v printed no "Maximum resident set size"')
    return { kib: Number(match[1]), exitCode: code, ms }
  } finally {
    await sandbox.stop()
    await rm(dir, { recursive: true, force: true })
  }
}

export async function benchColdStart(): Promise<BenchFigure[]> {
  if (!existsSync(BUNDLE)) throw new Error(`${SHOWN} does not exist: run npm run build, or set DEPLOY_GUARD_BUNDLE`)
  const machine = `${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}), node ${execFileSync(NODE, ['-p', 'process.versions.node']).toString().trim()}`
  await coldStarts(1) // warm the page cache so the first measured run is not a disk read
  const fast = await coldStarts(RUNS)
  const authProvider = await coldStarts(RUNS, { user: '{auth-provider: {name: gcp, config: {access-token: abc}}}' })
  const withQueries = await coldStarts(RUNS, { config: ANALYSIS_CONFIG })
  const bare = bareNodeStarts(RUNS)
  const sizes = await bundleFiles(BUNDLE)
  const rss = await verifyPeakRss()
  const kib = (bytes: number) => Math.round(bytes / 1024)
  const spread = (t: number[]) => `min ${Math.round(Math.min(...t))} ms, max ${Math.round(Math.max(...t))} ms`
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')
  const cpuFigures: BenchFigure[] =
    fast.cpu.length === 0
      ? []
      : [
          {
            name: 'CPU time to first Kubernetes API request (fast path)',
            value: Math.round(median(fast.cpu)),
            unit: 'ms',
            note: `median of the same ${RUNS} spawns, all threads, from /proc: steadier than wall time on a busy machine; ${spread(fast.cpu)}; bare node -e 0 uses ${Math.round(median(bare.cpu))} ms`
          }
        ]
  return [
    {
      name: 'cold start to first Kubernetes API request (fast path: token kubeconfig)',
      value: Math.round(median(fast.wall)),
      unit: 'ms',
      target: { max: TARGET.coldStartMs },
      note: `median of ${RUNS} spawns of ${SHOWN} verify until a loopback server sees the connection; ${spread(fast.wall)}; ${machine}; load average ${load}`
    },
    ...cpuFigures,
    {
      name: 'cold start to first Kubernetes API request (auth-provider user)',
      value: Math.round(median(authProvider.wall)),
      unit: 'ms',
      note: `same, with a gcp auth-provider user: client-node's authenticator module loads first (no longer its KubeConfig); ${spread(authProvider.wall)}`
    },
    {
      name: 'cold start to first Kubernetes API request (config file with PromQL checks)',
      value: Math.round(median(withQueries.wall)),
      unit: 'ms',
      note: `same, verify with a config file whose analysis section has two queries: the config's YAML and Prometheus' PromQL parser (a lazy chunk, with the analysis, canary and alerts schemas) load first; ${spread(withQueries.wall)}`
    },
    {
      name: 'bare `node -e 0`, spawn to exit',
      value: Math.round(median(bare.wall)),
      unit: 'ms',
      note: `median of ${RUNS}; the floor under any Node action's start-up; ${spread(bare.wall)}`
    },
    {
      name: 'main chunk: dist/index.js and the chunks it imports at start',
      value: kib(sizes.startupBytes),
      unit: 'KiB',
      target: { max: TARGET.startupKiB },
      note: `${sizes.startupFiles} files, what every run loads before its first line runs; index.js alone ${kib(sizes.entryBytes)} KiB; the rest of the bundle loads only when a command needs it`
    },
    {
      name: 'dist bundle size (all chunks)',
      value: kib(sizes.allBytes),
      unit: 'KiB',
      target: { max: TARGET.distKiB },
      note: `${sizes.files} .js files beside ${SHOWN}`
    },
    {
      name: 'peak RSS of one verify run against the sandbox',
      value: Math.round(rss.kib / 1024),
      unit: 'MiB',
      note: `/usr/bin/time -v of ${SHOWN} verify (3-replica Deployment, time ×20); exit code ${rss.exitCode}; ${Math.round(rss.ms)} ms`
    }
  ]
}

// Run directly: `npx tsx bench/cold-start.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  benchColdStart()
    .then((rows) => console.log(JSON.stringify(rows, null, 2)))
    .catch((error: unknown) => {
      console.error(error)
      process.exitCode = 1
    })
}
