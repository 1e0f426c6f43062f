/**
 * `verify` the way platform teams use it, end to end (dist/index.js against the sandbox): the
 * workload shapes and deploy flows beyond the happy path — scaled to zero, paused, partitioned,
 * typos in names and namespaces, Services shared by several workloads.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import type { StoredObject } from '../sandbox/store.js'
import { runAction, type ActionRun } from './run-action.js'
import { apply, deployment, resource, service, statefulSet, tempDir, waitFor, type TempDir } from './fixtures.js'

// Controller time runs 20x faster: pods are ready in ~50 ms.
const TIME_SCALE = 20

let sandbox: Sandbox
let dir: TempDir

beforeAll(async () => {
  sandbox = await startSandbox({ timeScale: TIME_SCALE })
  dir = await tempDir()
})

afterAll(async () => {
  await sandbox?.stop()
  await dir?.remove()
})

async function verify(namespace: string, target: string, timeout = '60s'): Promise<ActionRun> {
  const config = await dir.write(
    `${namespace}.yml`,
    `verify:\n  timeout: ${timeout}\n  failFastAfter: 1s\n  pollInterval: 200ms\n`
  )
  return runAction({ command: 'verify', target, namespace, config, kubeconfig: sandbox.kubeconfig })
}

interface FailedCheck {
  id: string
  status: string
  reason: string
}

const failedChecks = (run: ActionRun): FailedCheck[] =>
  JSON.parse(run.outputs['failed-checks'] ?? '[]') as FailedCheck[]
const failedIds = (run: ActionRun): string[] => failedChecks(run).map((c) => `${c.id}:${c.status}`)

/** Reads, changes and writes back a workload, as `kubectl edit` would (the store bumps the generation). */
function edit(kind: string, namespace: string, name: string, change: (obj: StoredObject) => void): void {
  const type = resource(kind, 'apps/v1')
  const current = sandbox.store.get(type, namespace, name)
  if (!current) throw new Error(`${kind} ${namespace}/${name} not found`)
  change(current)
  sandbox.store.update(type, current)
}

const workloadStatus = (kind: string, namespace: string, name: string): Record<string, unknown> =>
  (sandbox.store.get(resource(kind, 'apps/v1'), namespace, name)?.status ?? {}) as Record<string, unknown>

interface PodTemplateSpec {
  template: { spec: { containers: Array<{ name: string; image: string }> } }
  paused?: boolean
}
const specOf = (obj: StoredObject): PodTemplateSpec => obj.spec as unknown as PodTemplateSpec

describe('verify scenarios, end to end', () => {
  it('passes a Deployment scaled to 0 even though a Service selects it', async () => {
    apply(
      sandbox,
      deployment('zero', 'api', 'registry/api:v1', { replicas: 0 }),
      service('zero', 'api', { app: 'api' })
    )
    const run = await verify('zero', 'deployment/api')
    expect(failedIds(run)).toEqual([])
    expect(run.outputs.verdict).toBe('passed')
  })

  it('passes a partitioned StatefulSet rollout once the pods above the partition run the new revision', async () => {
    const sts = statefulSet('partition', 'db', 'registry/db:v1', 4) as { spec: Record<string, unknown> }
    sts.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: 2 } }
    apply(sandbox, sts)
    await waitFor(() => workloadStatus('StatefulSet', 'partition', 'db').readyReplicas === 4, 'db ready')
    edit('StatefulSet', 'partition', 'db', (obj) => {
      specOf(obj).template.spec.containers[0].image = 'registry/db:v2'
    })
    const run = await verify('partition', 'statefulset/db')
    expect(failedIds(run)).toEqual([])
    expect(run.outputs.verdict).toBe('passed')
    expect(run.summary).toContain('partitioned roll out complete: 2 new pods have been updated')
  })

  it('fails a paused Deployment with a pending change at once, saying it is paused and judging no old pods', async () => {
    apply(sandbox, deployment('paused', 'api', 'registry/api:v1', { replicas: 2 }))
    await waitFor(() => workloadStatus('Deployment', 'paused', 'api').availableReplicas === 2, 'api available')
    edit('Deployment', 'paused', 'api', (obj) => {
      specOf(obj).paused = true
      specOf(obj).template.spec.containers[0].image = 'registry/api:v2'
    })
    const started = Date.now()
    const run = await verify('paused', 'deployment/api', '40s')
    // A paused Deployment never rolls out: waiting the whole timeout (here 40 s) would only delay the verdict.
    expect(Date.now() - started).toBeLessThan(20000)
    expect(run.outputs.verdict).toBe('failed')
    const rollout = failedChecks(run).find((c) => c.id === 'rollout')
    expect(rollout?.reason).toMatch(/paused/)
    expect(rollout?.reason).toContain('kubectl rollout resume deployment/api -n paused')
    // The v1 pods are not the revision being rolled out: they must not pass the pod rows.
    expect(failedIds(run)).toContain('pod-count:failed')
    expect(run.summary).not.toContain('2 ready of 2 pods')
  })

  it('names the broken pod a StatefulSet rollback waits on, and passes once it is deleted', async () => {
    apply(sandbox, statefulSet('stsundo', 'db', 'registry/db:v1', 3))
    await waitFor(() => workloadStatus('StatefulSet', 'stsundo', 'db').readyReplicas === 3, 'db ready')
    const setImage = (image: string): void =>
      edit('StatefulSet', 'stsundo', 'db', (obj) => {
        specOf(obj).template.spec.containers[0].image = image
      })
    setImage('registry/db:v2-crashloop')
    const crashing = (): StoredObject | undefined => {
      const pod = sandbox.store.get(resource('Pod', 'v1'), 'stsundo', 'db-2')
      const statuses = (pod?.status as { containerStatuses?: Array<{ image?: string; restartCount?: number }> })
        ?.containerStatuses
      return statuses?.[0]?.image === 'registry/db:v2-crashloop' && (statuses[0].restartCount ?? 0) > 0
        ? pod
        : undefined
    }
    await waitFor(crashing, 'db-2 crash-looping on v2')
    // `kubectl rollout undo`: the template is v1 again, but the OrderedReady controller keeps waiting
    // for the broken db-2 to become Ready and never replaces it.
    setImage('registry/db:v1')
    const started = Date.now()
    const run = await verify('stsundo', 'statefulset/db', '40s')
    expect(Date.now() - started).toBeLessThan(20000)
    expect(run.outputs.verdict).toBe('failed')
    const rollout = failedChecks(run).find((c) => c.id === 'rollout')
    expect(rollout?.reason).toContain('pod db-2 (an earlier revision) has been in CrashLoopBackOff')
    expect(rollout?.reason).toContain('kubectl delete pod db-2 -n stsundo')

    // What the message says to do fixes it: the pod comes back at the current revision.
    sandbox.store.delete(resource('Pod', 'v1'), 'stsundo', 'db-2')
    // The controller brings db-2 back at v1; judge once it has (a loaded machine may take a moment).
    await waitFor(
      () => workloadStatus('StatefulSet', 'stsundo', 'db').readyReplicas === 3,
      'db ready again at v1',
      30000
    )
    const fixed = await verify('stsundo', 'statefulset/db')
    expect(failedIds(fixed)).toEqual([])
    expect(fixed.outputs.verdict).toBe('passed')
  })

  it('says so when the namespace itself does not exist', async () => {
    const run = await verify('prodd', 'deployment/api')
    expect(run.outputs.verdict).toBe('failed')
    const [target] = failedChecks(run)
    expect(target?.id).toBe('target')
    expect(target?.reason).toContain('namespace "prodd" does not exist')
  })

  it("counts only the workload's own pods in a Service shared with another workload", async () => {
    // `shop` selects every pod with tier=shop (front and worker), but its endpoints hold only worker pods,
    // as when front's pods are not reachable on the Service's port.
    const labelled = (name: string): object => {
      const d = deployment('shared', name, `registry/${name}:v1`, { replicas: 1 }) as {
        spec: { template: { metadata: { labels: Record<string, string> } } }
      }
      d.spec.template.metadata.labels.tier = 'shop'
      return d
    }
    apply(
      sandbox,
      labelled('front'),
      labelled('worker'),
      service('shared', 'shop', { tier: 'shop' }, { 'sandbox.deploy-guard.dev/unmanaged': 'true' })
    )
    const worker = await waitFor(
      () => sandbox.store.list(resource('Pod', 'v1'), 'shared').find((p) => p.metadata.labels?.app === 'worker'),
      'worker pod'
    )
    apply(sandbox, {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: 'shop-manual',
        namespace: 'shared',
        labels: { 'kubernetes.io/service-name': 'shop' },
        annotations: { 'sandbox.deploy-guard.dev/unmanaged': 'true' }
      },
      addressType: 'IPv4',
      endpoints: [
        {
          addresses: ['10.244.99.1'],
          conditions: { ready: true },
          targetRef: { kind: 'Pod', name: worker.metadata.name, namespace: 'shared', uid: worker.metadata.uid }
        }
      ],
      ports: [{ port: 8080, protocol: 'TCP' }]
    })
    const run = await verify('shared', 'deployment/front')
    expect(run.outputs.verdict).toBe('failed')
    expect(failedIds(run)).toEqual(['endpoints:failed'])
    const worked = await verify('shared', 'deployment/worker')
    expect(worked.outputs.verdict).toBe('passed')
  })
})
