/**
 * Shared pieces of the rollback end-to-end tests (test/e2e/rollback*.test.ts): the real `kubectl`
 * against the sandbox for the user's deploy steps, reads of what the cluster looks like afterwards
 * (template image, revision, ReplicaSets), and one helper per deploy-guard command run through the
 * bundle. Every test file starts its own time-scaled sandbox, so the files run in parallel.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { Sandbox } from '../sandbox/index.js'
import type { StoredObject } from '../sandbox/store.js'
import { apply, resource, waitFor, type TempDir } from './fixtures.js'
import { runAction, type ActionRun, type RunActionOptions } from './run-action.js'

const exec = promisify(execFile)

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'
export const FAILED_REVISION_ANNOTATION = 'deploy-guard.io/failed-revision'

/** Short budgets: the sandbox's controller time is scaled, the wall time of each run stays small. */
export const ROLLBACK_CONFIG = `
verify:
  timeout: 30s
  failFastAfter: 1s
  pollInterval: 200ms
`

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet'

const KIND_RESOURCES = {
  Deployment: () => resource('Deployment', 'apps/v1'),
  StatefulSet: () => resource('StatefulSet', 'apps/v1'),
  DaemonSet: () => resource('DaemonSet', 'apps/v1')
} as const

/** The real kubectl against the sandbox (the user's own deploy steps). */
export async function kubectl(sandbox: Sandbox, ...args: string[]): Promise<string> {
  const { stdout } = await exec('kubectl', ['--kubeconfig', sandbox.kubeconfigPath, ...args], { timeout: 30_000 })
  return stdout
}

export function workload(sandbox: Sandbox, kind: WorkloadKind, namespace: string, name: string): StoredObject {
  const object = sandbox.store.get(KIND_RESOURCES[kind](), namespace, name)
  if (!object) throw new Error(`${kind} ${namespace}/${name} does not exist`)
  return object
}

interface TemplateSpec {
  template: { metadata?: { annotations?: Record<string, string> }; spec: { containers: Array<{ image: string }> } }
}

/** The image of the first container of the workload's pod template, as stored. */
export function templateImage(sandbox: Sandbox, kind: WorkloadKind, namespace: string, name: string): string {
  return (workload(sandbox, kind, namespace, name).spec as unknown as TemplateSpec).template.spec.containers[0].image
}

export function annotationsOf(
  sandbox: Sandbox,
  kind: WorkloadKind,
  namespace: string,
  name: string
): Record<string, string> {
  return workload(sandbox, kind, namespace, name).metadata.annotations ?? {}
}

/** The Deployment's revision annotation (kubectl's REVISION). */
export function deploymentRevision(sandbox: Sandbox, namespace: string, name: string): string | undefined {
  return annotationsOf(sandbox, 'Deployment', namespace, name)[REVISION_ANNOTATION]
}

/** The ReplicaSets a Deployment owns (its revision history). */
export function replicaSets(sandbox: Sandbox, namespace: string, owner: string): StoredObject[] {
  return sandbox.store
    .list(resource('ReplicaSet', 'apps/v1'), namespace)
    .filter((rs) => rs.metadata.ownerReferences?.some((o) => o.kind === 'Deployment' && o.name === owner))
}

/** The ControllerRevisions of a StatefulSet/DaemonSet, by revision number. */
export function controllerRevisions(sandbox: Sandbox, namespace: string, owner: string): number[] {
  return sandbox.store
    .list(resource('ControllerRevision', 'apps/v1'), namespace)
    .filter((cr) => cr.metadata.ownerReferences?.some((o) => o.name === owner))
    .map((cr) => (cr as StoredObject & { revision: number }).revision)
    .sort((a, b) => a - b)
}

interface RolloutStatus {
  observedGeneration?: number
  replicas?: number
  updatedReplicas?: number
  readyReplicas?: number
  availableReplicas?: number
  currentRevision?: string
  updateRevision?: string
  desiredNumberScheduled?: number
  updatedNumberScheduled?: number
  numberAvailable?: number
}

/** True when the workload's rollout is complete (kubectl rollout status's rules, simplified). */
export function rolledOut(sandbox: Sandbox, kind: WorkloadKind, namespace: string, name: string): boolean {
  const object = workload(sandbox, kind, namespace, name)
  const status = (object.status ?? {}) as RolloutStatus
  if ((status.observedGeneration ?? 0) < (object.metadata.generation ?? 1)) return false
  if (kind === 'DaemonSet')
    return (
      (status.desiredNumberScheduled ?? 0) > 0 &&
      status.updatedNumberScheduled === status.desiredNumberScheduled &&
      status.numberAvailable === status.desiredNumberScheduled
    )
  const want = (object.spec as { replicas?: number }).replicas ?? 1
  if (kind === 'StatefulSet')
    return (
      status.readyReplicas === want &&
      status.updatedReplicas === want &&
      status.currentRevision === status.updateRevision
    )
  return status.updatedReplicas === want && status.availableReplicas === want && status.replicas === want
}

export function waitRolledOut(sandbox: Sandbox, kind: WorkloadKind, namespace: string, name: string): Promise<true> {
  return waitFor(() => rolledOut(sandbox, kind, namespace, name), `${kind} ${namespace}/${name} rolled out`)
}

/** Creates the objects and waits until the workload's first version runs healthy. */
export async function deployGood(
  sandbox: Sandbox,
  kind: WorkloadKind,
  namespace: string,
  name: string,
  ...objects: object[]
): Promise<void> {
  apply(sandbox, ...objects)
  await waitRolledOut(sandbox, kind, namespace, name)
}

/** `kubectl set image <kind>/<name> <container>=<image>`: the user's deploy step. */
export function setImage(
  sandbox: Sandbox,
  kind: WorkloadKind,
  namespace: string,
  name: string,
  container: string,
  image: string
): Promise<string> {
  return kubectl(sandbox, '-n', namespace, 'set', 'image', `${kind.toLowerCase()}/${name}`, `${container}=${image}`)
}

export interface CommandRun {
  sandbox: Sandbox
  dir: TempDir
  command: 'verify' | 'analyze' | 'snapshot' | 'rollback'
  namespace: string
  target?: string
  /** YAML appended to ROLLBACK_CONFIG. */
  config?: string
  inputs?: Record<string, string>
  env?: Record<string, string>
  options?: RunActionOptions
}

let configs = 0

/** Runs one deploy-guard command through the bundle against the sandbox. */
export async function runCommand(run: CommandRun): Promise<ActionRun> {
  const config = await run.dir.write(
    `${run.command}-${run.namespace}-${++configs}.yml`,
    ROLLBACK_CONFIG + (run.config ?? '')
  )
  return runAction(
    {
      command: run.command,
      namespace: run.namespace,
      config,
      kubeconfig: run.sandbox.kubeconfig,
      ...(run.target ? { target: run.target } : {}),
      ...run.inputs
    },
    {
      GITHUB_ACTOR: 'octocat',
      GITHUB_REPOSITORY: 'org/shop',
      GITHUB_RUN_ID: '4242',
      GITHUB_SERVER_URL: 'https://github.com',
      ...run.env
    },
    run.options
  )
}

/** The `rollback` output's rows. */
export interface RollbackRow {
  target: string
  state: string
  summary: string
  method: string
  fromRevision?: number
  toRevision?: number
  restoredVerdict: string
  manual: string[]
  message: string
  notes: string[]
  change?: { kind: string; patchType?: string; body?: unknown; command?: string }
  dryRun: boolean
}

export function rollbackRows(run: ActionRun): RollbackRow[] {
  return JSON.parse(run.outputs.rollback || '[]') as RollbackRow[]
}

/** The parsed failed-revision marks on a workload. */
export function failedMarks(
  sandbox: Sandbox,
  kind: WorkloadKind,
  namespace: string,
  name: string
): Array<{ revision: number; templateHash?: string; reason: string }> {
  const raw = annotationsOf(sandbox, kind, namespace, name)[FAILED_REVISION_ANNOTATION]
  if (!raw) return []
  return (JSON.parse(raw) as { marks: Array<{ revision: number; templateHash?: string; reason: string }> }).marks
}

/** A run's everything with markdown escapes removed, for loose wording assertions. */
export function plain(text: string): string {
  return text
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~'"])/g, '$1')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
}
