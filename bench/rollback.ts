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
import { median, type BenchFigure } from './figure.js'

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
  const good =
    w.kind === 'Deployment'
      ? deployment(w.namespace, w.name, 'registry/api:v1')
      : statefulSet(w.namespace, w.name, 'registry/api:v1')
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
}

/** `verify` through the bundle, as the runner runs it, with each stdout line timestamped on arrival. */
async function verifyWithRollback(sandbox: Sandbox, w: Workload): Promise<VerifyRun> {
  const dir = await mkdtemp(join(tmpdir(), 'dg-bench-rollback-'))
  try {
    const files = {
      output: join(dir, 'output'),
      summary: join(dir, 'summary.md'),
      state: join(dir, 'state'),
      config: join(dir, 'config.yml')
    }
    await Promise.all([
      writeFile(files.output, ''),
      writeFile(files.summary, ''),
      writeFile(files.state, ''),
      writeFile(files.config, CONFIG)
    ])
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
    let partial = ''
    const exitCode = await new Promise<number>((resolvePromise, reject) => {
      const child = spawn(NODE, [BUNDLE], { env, stdio: ['ignore', 'pipe', 'ignore'] })
      child.stdout.on('data', (chunk: Buffer) => {
        const arrived = Date.now()
        const requestIndex = sandbox.requests.length
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
    return {
      exitCode,
      outputs: parseOutputFile(await readFile(files.output, 'utf8')),
      verdictAt,
      verdictRequestIndex
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const describe = (r: RequestLogEntry) => `${r.method} ${r.path}${r.query.labelSelector ? '?labelSelector' : ''}`

/**
 * The undo's requests: those logged after the verdict line arrived, up to the undo's PATCH inclusive.
 * (verify's last diagnostic read, a pod's previous log, lands 5–10 ms before the line; the undo's first
 * GET 8–30 ms after it, so the line's arrival separates them.)
 */
function undoWindow(
  sandbox: Sandbox,
  w: Workload,
  run: VerifyRun
): { patch: RequestLogEntry; requests: RequestLogEntry[] } {
  if (run.verdictAt === undefined)
    throw new Error(
      `${w.kind} ${w.namespace}: verify never logged "${VERDICT_LINE}" (exit ${run.exitCode}, verdict ${run.outputs.verdict ?? 'none'}); a bundle built before the rollback cannot: run npm run build, or set DEPLOY_GUARD_BUNDLE`
    )
  const first = run.verdictRequestIndex
  const patchIndex = sandbox.requests.findIndex((r, i) => i >= first && r.method === 'PATCH' && r.path === w.path)
  if (patchIndex < 0)
    throw new Error(
      `${w.kind} ${w.namespace}: no PATCH of ${w.path} after the failed verdict (action ${run.outputs.action ?? 'none'})`
    )
  return { patch: sandbox.requests[patchIndex]!, requests: sandbox.requests.slice(first, patchIndex + 1) }
}

/** Verdict → PATCH and the undo's requests for one kind, in a fresh namespace. */
async function oursOnce(sandbox: Sandbox, w: Workload): Promise<{ ms: number; requests: RequestLogEntry[] }> {
  await badDeploy(sandbox, w)
  const run = await verifyWithRollback(sandbox, w)
  const window = undoWindow(sandbox, w, run)
  if (run.outputs.action !== 'rolled-back')
    throw new Error(
      `${w.kind} ${w.namespace}: expected action rolled-back, got ${run.outputs.action ?? 'none'}: ${run.outputs.reason ?? ''}`
    )
  return { ms: window.patch.time - run.verdictAt!, requests: window.requests }
}

interface KubectlUndo {
  /** The `-v=6` request lines (`GET https://… 200 OK in N milliseconds`), one per request kubectl logs. */
  logged: string[]
  /** What the sandbox served meanwhile (also the `/version` probe, which -v=6 does not print). */
  served: RequestLogEntry[]
}

/** `kubectl rollout undo -v=6` on the same state as deploy-guard's undo, with discovery cached in `cacheDir`. */
async function kubectlUndo(sandbox: Sandbox, w: Workload, cacheDir: string): Promise<KubectlUndo> {
  await badDeploy(sandbox, w)
  const before = sandbox.requests.length
  const { stdout, stderr } = await exec(
    'kubectl',
    [
      '--kubeconfig',
      sandbox.kubeconfigPath,
      '--cache-dir',
      cacheDir,
      '-n',
      w.namespace,
      'rollout',
      'undo',
      `${w.kind.toLowerCase()}/${w.name}`,
      '-v=6'
    ],
    { timeout: 30_000 }
  )
  if (!/rolled back/.test(stdout)) throw new Error(`kubectl rollout undo ${w.kind} did not roll back: ${stdout.trim()}`)
  const logged = stderr.split('\n').filter((line) => /\b(GET|POST|PUT|PATCH|DELETE) https?:\/\/\S+ \d{3}\b/.test(line))
  return { logged, served: sandbox.requests.slice(before) }
}

/** Discovery documents: /version, /api, /apis and the group-version resource lists (no namespaced paths). */
const isDiscovery = (r: RequestLogEntry) =>
  /^\/(version|api|apis)(\/[^/]+){0,2}$/.test(r.path) && !r.path.includes('/namespaces/')

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
    const kubectlVersion = await exec('kubectl', ['version', '--client', '-o', 'json'])
      .then(({ stdout }) => (JSON.parse(stdout) as { clientVersion: { gitVersion: string } }).clientVersion.gitVersion)
      .catch(() => 'unknown')
    const cacheDir = await mkdtemp(join(tmpdir(), 'dg-bench-kubectl-cache-'))
    let kubectl: { cold: KubectlUndo; deployment: KubectlUndo; statefulSet: KubectlUndo }
    try {
      // An empty discovery cache first (a fresh runner), then the same undo with the cache warm.
      const cold = await kubectlUndo(sandbox, workloadIn('Deployment', 'bench-kubectl-cold'), cacheDir)
      kubectl = {
        cold,
        deployment: await kubectlUndo(sandbox, workloadIn('Deployment', 'bench-kubectl-deploy'), cacheDir),
        statefulSet: await kubectlUndo(sandbox, workloadIn('StatefulSet', 'bench-kubectl-sts'), cacheDir)
      }
    } finally {
      await rm(cacheDir, { recursive: true, force: true })
    }

    const list = (rs: RequestLogEntry[]) => rs.map(describe).join(', ')
    const ourNote = (requests: RequestLogEntry[], runs: string) =>
      `${runs}; counted in the sandbox's request log from the verdict line to the undo's PATCH, inclusive: ${list(requests)}${
        requests.filter((r) => r.query.labelSelector).length > 1
          ? ' (the history is LISTed once to decide, src/act/rollback/orchestrate.ts readWorkload, and again by the Rollbacker, run.ts)'
          : ''
      }`
    const kubectlNote = (k: KubectlUndo) =>
      `kubectl ${kubectlVersion}, same state, discovery cache warm; counted from its -v=6 request lines (the sandbox served ${k.served.length}): ${list(k.served)}`
    const coldDiscovery = kubectl.cold.served.filter(isDiscovery).length
    return [
      {
        name: 'rollback: failed verdict → undo PATCH at the API server (Deployment)',
        value: median(times),
        unit: 'ms',
        note: `median of ${RUNS} verify runs of ${BUNDLE.replace(`${process.cwd()}/`, '')} (crash-looping image, failFastAfter 1s); min ${Math.min(...times)} ms, max ${Math.max(...times)} ms; from "${VERDICT_LINE}" arriving on the action's stdout to the PATCH arriving in the sandbox's request log (one clock, ms resolution)`
      },
      {
        name: 'rollback: API requests per undo, deploy-guard (Deployment)',
        value: deploymentUndo.length,
        unit: 'requests',
        note: ourNote(deploymentUndo, `the last of ${RUNS} runs`)
      },
      {
        name: 'rollback: API requests per undo, kubectl rollout undo (Deployment)',
        value: kubectl.deployment.logged.length,
        unit: 'requests',
        note: kubectlNote(kubectl.deployment)
      },
      {
        name: 'rollback: API requests per undo, kubectl rollout undo with an empty discovery cache (Deployment)',
        value: kubectl.cold.logged.length,
        unit: 'requests',
        note: `as on a fresh runner: -v=6 printed ${kubectl.cold.logged.length} request lines, the sandbox served ${kubectl.cold.served.length}, -v=6 leaves out the /version probe (${coldDiscovery} discovery: /version, /api, /apis and one resource list per group-version the sandbox serves — a real cluster serves more groups, so more); deploy-guard reads no discovery`
      },
      {
        name: 'rollback: API requests per undo, deploy-guard (StatefulSet)',
        value: statefulUndo.length,
        unit: 'requests',
        note: ourNote(statefulUndo, 'one run')
      },
      {
        name: 'rollback: API requests per undo, kubectl rollout undo (StatefulSet)',
        value: kubectl.statefulSet.logged.length,
        unit: 'requests',
        note: kubectlNote(kubectl.statefulSet)
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
