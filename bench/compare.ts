/**
 * `npm run bench -- --compare`: deploy-guard beside the hand-run kubectl post-deploy check it replaces,
 * on the same sandbox, runs interleaved (ours, then kubectl, then kubectl, then ours, …) so drift in the
 * machine's load hits both alike.
 *
 * - verify: one `verify` of a healthy 50-pod Deployment through the bundle (dist/index.js, or
 *   DEPLOY_GUARD_BUNDLE) against the five commands of the checklist: rollout status, get pods,
 *   readiness via jsonpath, get endpoints, get events.
 * - rollback: one `rollback` (rollback-to: previous, which waits for the restored version to be healthy)
 *   against `kubectl rollout undo` + `kubectl rollout status`, each from the same state (a second
 *   revision rolled out).
 * Every kubectl run starts with an empty discovery cache, as on a fresh runner; wall time is spawn to
 * exit of everything the step would run. Figures, not pass/fail.
 */
import { execFile, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { promisify } from 'node:util'
import { startSandbox, type Sandbox } from '../test/sandbox/index.js'
import { apply, deployment, service } from '../test/e2e/fixtures.js'
import { setImage, waitRolledOut } from '../test/e2e/rollback-fixtures.js'
import { parseOutputFile } from '../test/e2e/run-action.js'
import { median, type BenchFigure } from './figure.js'

const exec = promisify(execFile)
const RUNS = Number(process.env.DEPLOY_GUARD_COMPARE_RUNS) || 7
const PODS = 50
const NAMESPACE = 'bench-compare'
const NAME = 'api'
const KUBECTL = '/usr/bin/kubectl'
const BUNDLE = resolve(process.env.DEPLOY_GUARD_BUNDLE || 'dist/index.js')
const SHOWN = relative(process.cwd(), BUNDLE)
/** The runner's Node (24, from the `node` devDependency), even when tsx itself runs on another. */
const NODE = existsSync(resolve('node_modules/.bin/node')) ? resolve('node_modules/.bin/node') : process.execPath
/** Issue 11: deploy-guard's wall time at most 0.4× the kubectl checklist's. */
const TARGET_RATIO = 0.4

/** One run of the bundle as the runner runs it; resolves with its wall time once its outputs say `passed`. */
async function runOurs(sandbox: Sandbox, inputs: Record<string, string>): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'dg-compare-'))
  try {
    const files = { output: join(dir, 'output'), summary: join(dir, 'summary.md'), state: join(dir, 'state') }
    await Promise.all(Object.values(files).map((f) => writeFile(f, '')))
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      RUNNER_TEMP: dir,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_STATE: files.state,
      GITHUB_ACTIONS: 'true',
      INPUT_KUBECONFIG: sandbox.kubeconfig,
      INPUT_NAMESPACE: NAMESPACE,
      INPUT_TARGET: `deployment/${NAME}`
    }
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
    const started = performance.now()
    const code = await new Promise<number>((done, reject) => {
      const child = spawn(NODE, [BUNDLE], { env, stdio: 'ignore' })
      child.on('error', reject)
      child.on('close', (c) => done(c ?? -1))
    })
    const ms = performance.now() - started
    const outputs = parseOutputFile(await readFile(files.output, 'utf8'))
    if (code !== 0 || outputs.verdict !== 'passed')
      throw new Error(
        `${SHOWN} ${inputs.command} exited ${code} with verdict ${outputs.verdict ?? 'none'}: ${outputs.reason ?? ''}`
      )
    return ms
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Runs kubectl commands one after another, as a script step would, with one fresh discovery cache. */
async function runKubectl(sandbox: Sandbox, commands: string[][]): Promise<number> {
  const cache = await mkdtemp(join(tmpdir(), 'dg-compare-kubectl-'))
  try {
    const started = performance.now()
    for (const args of commands)
      await exec(KUBECTL, ['--kubeconfig', sandbox.kubeconfigPath, '--cache-dir', cache, '-n', NAMESPACE, ...args], {
        timeout: 120_000
      })
    return performance.now() - started
  } finally {
    await rm(cache, { recursive: true, force: true })
  }
}

/** The hand-written post-deploy check: is it rolled out, are the pods ready, does the Service route, what happened. */
const CHECKLIST: string[][] = [
  ['rollout', 'status', `deployment/${NAME}`, '--timeout=120s'],
  ['get', 'pods', '-l', `app=${NAME}`],
  [
    'get',
    'pods',
    '-l',
    `app=${NAME}`,
    '-o',
    'jsonpath={range .items[*]}{.metadata.name}{" "}{.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}'
  ],
  ['get', 'endpoints', NAME],
  ['get', 'events', '--field-selector', `involvedObject.kind=Pod`]
]

const UNDO: string[][] = [
  ['rollout', 'undo', `deployment/${NAME}`],
  ['rollout', 'status', `deployment/${NAME}`, '--timeout=120s']
]

let images = 0

/** A new revision rolled out, so both undos start from the same state: something to go back to. */
async function newRevision(sandbox: Sandbox): Promise<void> {
  await setImage(sandbox, 'Deployment', NAMESPACE, NAME, 'app', `registry/api:v${++images + 1}`)
  await waitRolledOut(sandbox, 'Deployment', NAMESPACE, NAME)
}

interface Pair {
  ours: number[]
  kubectl: number[]
}

/** `runs` pairs, alternating which goes first; `before` sets the state up before each single run. */
async function interleaved(
  runs: number,
  ours: () => Promise<number>,
  kubectl: () => Promise<number>,
  before: () => Promise<void> = async () => {}
): Promise<Pair> {
  const pair: Pair = { ours: [], kubectl: [] }
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? (['ours', 'kubectl'] as const) : (['kubectl', 'ours'] as const)
    for (const which of order) {
      await before()
      pair[which].push(await (which === 'ours' ? ours() : kubectl()))
    }
  }
  return pair
}

function figures(what: string, pair: Pair, ourCommand: string, theirs: string, why = ''): BenchFigure[] {
  const ours = median(pair.ours)
  const kubectl = median(pair.kubectl)
  const spread = (t: number[]) => `min ${Math.round(Math.min(...t))}, max ${Math.round(Math.max(...t))} ms`
  return [
    {
      name: `compare ${what}: deploy-guard (${ourCommand})`,
      value: Math.round(ours),
      unit: 'ms',
      note: `median of ${pair.ours.length} runs of ${SHOWN}, spawn to exit; ${spread(pair.ours)}`
    },
    {
      name: `compare ${what}: kubectl (${theirs})`,
      value: Math.round(kubectl),
      unit: 'ms',
      note: `median of ${pair.kubectl.length} runs of ${KUBECTL}, empty discovery cache each run; ${spread(pair.kubectl)}`
    },
    {
      name: `compare ${what}: deploy-guard ÷ kubectl`,
      value: Math.round((ours / kubectl) * 100) / 100,
      unit: '×',
      target: { max: TARGET_RATIO },
      note: `ratio of the medians, runs interleaved${why}`
    }
  ]
}

export async function benchCompare(): Promise<BenchFigure[]> {
  if (!existsSync(BUNDLE)) throw new Error(`${SHOWN} does not exist: run npm run build, or set DEPLOY_GUARD_BUNDLE`)
  // Controller time ×50: the undo's roll-out of 50 pods takes well under a second either way.
  const sandbox = await startSandbox({ timeScale: 50 })
  try {
    apply(
      sandbox,
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } },
      deployment(NAMESPACE, NAME, 'registry/api:v1', { replicas: PODS }),
      service(NAMESPACE, NAME, { app: NAME })
    )
    await waitRolledOut(sandbox, 'Deployment', NAMESPACE, NAME)
    const kubectlVersion = await exec(KUBECTL, ['version', '--client', '-o', 'json'])
      .then(({ stdout }) => (JSON.parse(stdout) as { clientVersion: { gitVersion: string } }).clientVersion.gitVersion)
      .catch(() => 'unknown')

    const verify = await interleaved(
      RUNS,
      () => runOurs(sandbox, { command: 'verify' }),
      () => runKubectl(sandbox, CHECKLIST)
    )
    const rollback = await interleaved(
      RUNS,
      () => runOurs(sandbox, { command: 'rollback', 'rollback-to': 'previous', reason: 'bench' }),
      () => runKubectl(sandbox, UNDO),
      () => newRevision(sandbox)
    )
    return [
      ...figures(
        `verify of a healthy ${PODS}-pod Deployment`,
        verify,
        'verify',
        `${kubectlVersion}: rollout status, get pods, readiness via jsonpath, get endpoints, get events`
      ),
      ...figures(
        `rollback of a ${PODS}-pod Deployment`,
        rollback,
        'rollback, rollback-to: previous, then its health checks',
        `${kubectlVersion}: rollout undo + rollout status`,
        "; deploy-guard polls the restored version (250 ms, doubling up to verify.pollInterval) and then runs its whole checklist on it; kubectl's rollout status watches and checks nothing else"
      )
    ]
  } finally {
    await sandbox.stop()
  }
}

// Run directly: `npx tsx bench/compare.ts` (DEPLOY_GUARD_BUNDLE=/path/index.js for another bundle).
if (import.meta.url === `file://${process.argv[1]}`) {
  benchCompare()
    .then((rows) => console.log(JSON.stringify(rows, null, 2)))
    .catch((error: unknown) => {
      console.error(error)
      process.exitCode = 1
    })
}
