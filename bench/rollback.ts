/**
 * Rollback figures (issue 8, acceptance 8): how long after `verify` reaches its failed verdict the undo's
 * PATCH reaches the API server, and how many API requests one undo costs beside `kubectl rollout undo`
 * for the same undo. The bundle runs as the runner runs it, against the in-process sandbox, so the
 * sandbox's request log (arrival times in this process's clock) and the child's stdout lines
 * (timestamped here as they arrive) share one clock.
 */
import { execFile, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { startSandbox, type RequestLogEntry, type Sandbox } from '../test/sandbox/index.js'
import { deployment, statefulSet } from '../test/e2e/fixtures.js'
import { parseOutputFile } from '../test/e2e/run-action.js'
import { deployGood, setImage, waitRolledOut, type WorkloadKind } from '../test/e2e/rollback-fixtures.js'
import type { BenchFigure } from './figure.js'

const RUNS = 5
/** The line act-step logs when a failed verdict starts the rollback (src/decide/action.ts). */
const VERDICT_LINE = 'the verdict is failed: rolling back'
const BUNDLE = resolve(process.env.DEPLOY_GUARD_BUNDLE || 'dist/index.js')
/** The runner's Node (24, from the `node` devDependency), even when tsx itself runs on another. */
const NODE = existsSync(resolve('node_modules/.bin/node')) ? resolve('node_modules/.bin/node') : process.execPath
/** Short budgets, as the rollback e2e tests use: controller time is scaled, the wall time stays small. */
const CONFIG = `verify:
  timeout: 30s
  failFastAfter: 1s
  pollInterval: 200ms
rollback:
  forceStatefulSet: true
`
const exec = promisify(execFile)

interface Workload {
  kind: WorkloadKind
  namespace: string
  name: string
  /** The API path of the workload object: the undo's PATCH goes here. */
  path: string
}

function workloadIn(kind: WorkloadKind, namespace: string): Workload {
  const name = 'api'
  return { kind, namespace, name, path: `/apis/apps/v1/namespaces/${namespace}/${kind.toLowerCase()}s/${name}` }
}

/** A workload at a good revision, then the user's deploy of a crash-looping image (`kubectl set image`). */
async function badDeploy(sandbox: Sandbox, w: Workload): Promise<void> {
  const good = w.kind === 'Deployment' ? deployment(w.namespace, w.name, 'registry/api:v1') : statefulSet(w.namespace, w.name, 'registry/api:v1')
  await deployGood(sandbox, w.kind, w.namespace, w.name, good)
  await setImage(sandbox, w.kind, w.namespace, w.name, 'app', 'registry/api:v2-crashloop')
}

interface VerifyRun {
  exitCode: number
  outputs: Record<string, string>
  /** Date.now() when the verdict line arrived on the child's stdout. */
  verdictAt?: number
  /** Index of the first request logged after the verdict line arrived. */
  verdictRequestIndex: number
  stdout: string
}

/** `verify` through the bundle, as the runner runs it, with each stdout line timestamped on arrival. */
async function verifyWithRollback(sandbox: Sandbox, w: Workload): Promise<VerifyRun> {
  const dir = await mkdtemp(join(tmpdir(), 'dg-bench-rollback-'))
  try {
    const files = { output: join(dir, 'output'), summary: join(dir, 'summary.md'), state: join(dir, 'state'), config: join(dir, 'config.yml') }
    await Promise.all([writeFile(files.output, ''), writeFile(files.summary, ''), writeFile(files.state, ''), writeFile(files.config, CONFIG)])
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      RUNNER_TEMP: dir,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_STATE: files.state,
      GITHUB_WORKSPACE: process.cwd(),
      GITHUB_ACTIONS: 'true',
      INPUT_COMMAND: 'verify',
      INPUT_TARGET: `${w.kind.toLowerCase()}/${w.name}`,
      INPUT_NAMESPACE: w.namespace,
      INPUT_CONFIG: files.config,
      INPUT_KUBECONFIG: sandbox.kubeconfig
    }
    let verdictAt: number | undefined
    let verdictRequestIndex = -1
    let stdout = ''
    let partial = ''
    const exitCode = await new Promise<number>((resolvePromise, reject) => {
      const child = spawn(NODE, [BUNDLE], { env, stdio: ['ignore', 'pipe', 'ignore'] })
      child.stdout.on('data', (chunk: Buffer) => {
        const arrived = Date.now()
        const requestIndex = sandbox.requests.length
        stdout += chunk.toString()
        const lines = (partial + chunk.toString()).split('\n')
        partial = lines.pop() ?? ''
        if (verdictAt === undefined && lines.some((line) => line.includes(VERDICT_LINE))) {
          verdictAt = arrived
          verdictRequestIndex = requestIndex
        }
      })
      child.on('error', reject)
      child.on('close', (code) => resolvePromise(code ?? -1))
    })
    return { exitCode, outputs: parseOutputFile(await readFile(files.output, 'utf8')), verdictAt, verdictRequestIndex, stdout }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const describe = (r: RequestLogEntry) => `${r.method} ${r.path}${r.query.labelSelector ? '?labelSelector' : ''}`

/**
 * The undo's requests: from the verdict line to the undo's PATCH, inclusive. A request the child sent
 * right after printing the line can be handled here a hair before the line's pipe read, so requests
 * logged up to 5 ms before the line's arrival count too (verify's last poll is ≥ 200 ms earlier).
 */
function undoWindow(sandbox: Sandbox, w: Workload, run: VerifyRun): { patch: RequestLogEntry; requests: RequestLogEntry[] } {
  if (run.verdictAt === undefined) throw new Error(`${w.kind} ${w.namespace}: verify never logged "${VERDICT_LINE}" (exit ${run.exitCode}, verdict ${run.outputs.verdict ?? 'none'})`)
  const verdictAt = run.verdictAt
  let first = run.verdictRequestIndex
  while (first > 0 && sandbox.requests[first - 1]!.time >= verdictAt - 5) first--
  const patchIndex = sandbox.requests.findIndex((r, i) => i >= first && r.method === 'PATCH' && r.path === w.path)
  if (patchIndex < 0) throw new Error(`${w.kind} ${w.namespace}: no PATCH of ${w.path} after the failed verdict (action ${run.outputs.action ?? 'none'})`)
  return { patch: sandbox.requests[patchIndex]!, requests: sandbox.requests.slice(first, patchIndex + 1) }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Verdict → PATCH and the undo's requests for one kind, in a fresh namespace. */
async function oursOnce(sandbox: Sandbox, w: Workload): Promise<{ ms: number; requests: RequestLogEntry[] }> {
  await badDeploy(sandbox, w)
  const run = await verifyWithRollback(sandbox, w)
  const window = undoWindow(sandbox, w, run)
  if (run.outputs.action !== 'rolled-back')
    throw new Error(`${w.kind} ${w.namespace}: expected action rolled-back, got ${run.outputs.action ?? 'none'}: ${run.outputs.reason ?? ''}`)
  return { ms: window.patch.time - run.verdictAt!, requests: window.requests }
}

/** `kubectl rollout undo -v=6` on the same state, with an empty discovery cache as on a fresh runner. */
async function kubectlUndo(sandbox: Sandbox, w: Workload): Promise<{ logged: string[]; served: RequestLogEntry[] }> {
  await badDeploy(sandbox, w)
  const cache = await mkdtemp(join(tmpdir(), 'dg-bench-kubectl-cache-'))
  try {
    const before = sandbox.requests.length
    const { stdout, stderr } = await exec(
      'kubectl',
      ['--kubeconfig', sandbox.kubeconfigPath, '--cache-dir', cache, '-n', w.namespace, 'rollout', 'undo', `${w.kind.toLowerCase()}/${w.name}`, '-v=6'],
      { timeout: 30_000 }
    )
    if (!/rolled back/.test(stdout)) throw new Error(`kubectl rollout undo ${w.kind} did not roll back: ${stdout.trim()}`)
    // -v=6: one line per request, e.g. `round_trippers.go:…] GET https://127.0.0.1:…/apis/apps/v1/… 200 OK in 3 milliseconds`
    const logged = stderr.split('\n').filter((line) => /\b(GET|POST|PUT|PATCH|DELETE) https?:\/\/\S+ \d{3}\b/.test(line))
    return { logged, served: sandbox.requests.slice(before) }
  } finally {
    await rm(cache, { recursive: true, force: true })
  }
}

const isDiscovery = (r: RequestLogEntry) => /^\/(api|apis|version|openapi)(\/[^/]+(\/[^/]+)?)?$/.test(r.path) && !r.path.includes('/namespaces')

export async function benchRollback(): Promise<BenchFigure[]> {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} does not exist: run npm run build, or set DEPLOY_GUARD_BUNDLE`)
  const sandbox = await startSandbox({ timeScale: 20 })
  try {
    const times: number[] = []
    let deploymentUndo: RequestLogEntry[] = []
    for (let i = 0; i < RUNS; i++) {
      const w = workloadIn('Deployment', `bench-rollback-${i}`)
      const ours = await oursOnce(sandbox, w)
      times.push(ours.ms)
      deploymentUndo = ours.requests
      await waitRolledOut(sandbox, 'Deployment', w.namespace, w.name)
    }
    const statefulUndo = (await oursOnce(sandbox, workloadIn('StatefulSet', 'bench-rollback-sts'))).requests
    const kubectlDeployment = await kubectlUndo(sandbox, workloadIn('Deployment', 'bench-kubectl-deploy'))
    const kubectlStateful = await kubectlUndo(sandbox, workloadIn('StatefulSet', 'bench-kubectl-sts'))

    const kubectlVersion = await exec('kubectl', ['version', '--client', '-o', 'json'])
      .then(({ stdout }) => (JSON.parse(stdout) as { clientVersion: { gitVersion: string } }).clientVersion.gitVersion)
      .catch(() => 'kubectl')
    const list = (rs: RequestLogEntry[]) => rs.map(describe).join(', ')
    const kubectlNote = (k: { logged: string[]; served: RequestLogEntry[] }) => {
      const api = k.served.filter((r) => !isDiscovery(r))
      return `kubectl ${kubectlVersion} -v=6 printed ${k.logged.length} request lines (the sandbox served ${k.served.length}); ${k.served.length - api.length} of them discovery (empty --cache-dir, as on a fresh runner), ${api.length} on the object: ${list(api)}`
    }
    return [
      {
        name: 'rollback: failed verdict → undo PATCH at the API server (Deployment)',
        value: median(times),
        unit: 'ms',
        note: `median of ${RUNS} verify runs of ${BUNDLE.replace(`${process.cwd()}/`, '')} (crash-looping image, failFastAfter 1s); min ${Math.min(...times)} ms, max ${Math.max(...times)} ms; from the moment "${VERDICT_LINE}" arrives on the action's stdout to the PATCH's arrival in the sandbox's request log (one clock, ms resolution)`
      },
      {
        name: 'rollback: API requests per undo, deploy-guard (Deployment)',
        value: deploymentUndo.length,
        unit: 'requests',
        note: `sandbox request log from the verdict line to the PATCH, inclusive: ${list(deploymentUndo)}`
      },
      {
        name: 'rollback: API requests per undo, kubectl rollout undo (Deployment)',
        value: kubectlDeployment.logged.length,
        unit: 'requests',
        note: kubectlNote(kubectlDeployment)
      },
      {
        name: 'rollback: API requests per undo, deploy-guard (StatefulSet)',
        value: statefulUndo.length,
        unit: 'requests',
        note: `one run, sandbox request log from the verdict line to the PATCH, inclusive: ${list(statefulUndo)}`
      },
      {
        name: 'rollback: API requests per undo, kubectl rollout undo (StatefulSet)',
        value: kubectlStateful.logged.length,
        unit: 'requests',
        note: kubectlNote(kubectlStateful)
      }
    ]
  } finally {
    await sandbox.stop()
  }
}

// Run directly: `npx tsx bench/rollback.ts` (DEPLOY_GUARD_BUNDLE=/path/index.js for another bundle).
if (import.meta.url === `file://${process.argv[1]}`) {
  benchRollback()
    .then((rows) => console.log(JSON.stringify(rows, null, 2)))
    .catch((error: unknown) => {
      console.error(error)
      process.exitCode = 1
    })
}
