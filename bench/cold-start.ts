/**
 * Start-up cost of the committed bundle: how long from spawning `dist/index.js` (verify, kubeconfig
 * input) until its first Kubernetes API connection arrives at a loopback server, on the fast path and
 * on the @kubernetes/client-node fallback; the size of dist/; and the peak RSS of one whole verify run
 * against the sandbox. Run `npm run build` first: this measures dist/, not src/.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startSandbox } from '../test/sandbox/index.js'

const RUNS = 10
const DIST = resolve(process.cwd(), 'dist')
const BUNDLE = join(DIST, 'index.js')
/** The runner's Node (24, from the `node` devDependency), even when tsx itself runs on another. */
const NODE = existsSync(resolve('node_modules/.bin/node')) ? resolve('node_modules/.bin/node') : process.execPath

type Row = { name: string; value: number; unit: string; note?: string }

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

const kubeconfigFor = (port: number, extraClusterField = '') =>
  `apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "https://127.0.0.1:${port}", insecure-skip-tls-verify: true${extraClusterField}}}]\nusers: [{name: u, user: {token: abc}}]\ncontexts: [{name: c, context: {cluster: c, user: u}}]\ncurrent-context: c\n`

/** ms from spawn to the first TCP connection, `runs` times (the child is killed once it connects). */
async function coldStarts(runs: number, extraClusterField = ''): Promise<number[]> {
  let onConnect: (() => void) | undefined
  const server = createServer((socket) => {
    socket.destroy()
    onConnect?.()
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as { port: number }).port
  const dir = await mkdtemp(join(tmpdir(), 'dg-cold-'))
  const times: number[] = []
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
          INPUT_KUBECONFIG: kubeconfigFor(port, extraClusterField),
          GITHUB_OUTPUT: join(dir, 'out'),
          GITHUB_STEP_SUMMARY: join(dir, 'summary'),
          RUNNER_TEMP: dir
        },
        stdio: 'ignore'
      })
      const exited = new Promise<void>((r) => child.on('exit', () => r()))
      const outcome = await Promise.race([connected.then(() => 'connected'), exited.then(() => 'exited')])
      if (outcome !== 'connected')
        throw new Error('dist/index.js exited before its first API request; run npm run build')
      times.push(performance.now() - t0)
      onConnect = undefined
      child.kill('SIGKILL')
      await exited
    }
  } finally {
    server.close()
    await rm(dir, { recursive: true, force: true })
  }
  return times
}

async function distSizes(): Promise<{ all: number; main: number; files: number }> {
  const files = (await readdir(DIST)).filter((f) => f.endsWith('.js'))
  let all = 0
  for (const f of files) all += (await stat(join(DIST, f))).size
  return { all, main: (await stat(BUNDLE)).size, files: files.length }
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

export async function benchColdStart(): Promise<Row[]> {
  const machine = `${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}), node ${execFileSync(NODE, ['-p', 'process.versions.node']).toString().trim()}`
  await coldStarts(1) // warm the page cache so the first measured run is not a disk read
  const fast = await coldStarts(RUNS)
  const fallback = await coldStarts(RUNS, ', some-unrecognised-field: 1')
  const sizes = await distSizes()
  const rss = await verifyPeakRss()
  const spread = (t: number[]) => `min ${Math.round(Math.min(...t))} ms, max ${Math.round(Math.max(...t))} ms`
  return [
    {
      name: 'cold start to first Kubernetes API request (fast path: token kubeconfig)',
      value: Math.round(median(fast)),
      unit: 'ms',
      note: `median of ${RUNS} spawns of dist/index.js verify until a loopback server sees the connection; ${spread(fast)}; ${machine}; target ≤ 150 ms`
    },
    {
      name: 'cold start to first Kubernetes API request (@kubernetes/client-node fallback)',
      value: Math.round(median(fallback)),
      unit: 'ms',
      note: `same, with a cluster field the fast path does not know, so client-node is loaded; ${spread(fallback)}`
    },
    {
      name: 'dist bundle size (all chunks)',
      value: Math.round(sizes.all / 1024),
      unit: 'KiB',
      note: `${sizes.files} .js files in dist/`
    },
    { name: 'dist/index.js size (main chunk)', value: Math.round(sizes.main / 1024), unit: 'KiB' },
    {
      name: 'peak RSS of one verify run against the sandbox',
      value: Math.round(rss.kib / 1024),
      unit: 'MiB',
      note: `/usr/bin/time -v of dist/index.js verify (3-replica Deployment, time ×20); exit code ${rss.exitCode}; ${Math.round(rss.ms)} ms`
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
