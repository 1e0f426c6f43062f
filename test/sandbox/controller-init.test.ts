/** Init containers as a kubelet runs them: in order, before the app containers, each until it exits 0. */
import { afterEach, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { StoredObject } from './store.js'
import { PREFIX } from './controller/index.js'
import { R, startHarness, waitFor, type Harness } from './controller/testing.js'
import { startSandbox, type Sandbox } from './index.js'

const run = promisify(execFile)

interface ContainerStatusView {
  name: string
  ready: boolean
  started: boolean
  restartCount: number
  containerID?: string
  state: Record<string, { reason?: string; message?: string; exitCode?: number }>
  lastState: Record<string, { reason?: string; exitCode?: number }>
}
interface PodStatusView {
  phase?: string
  conditions?: Array<{ type: string; status: string; reason?: string; message?: string }>
  initContainerStatuses?: ContainerStatusView[]
  containerStatuses?: ContainerStatusView[]
}

function podWithInits(name: string, annotations: Record<string, string>, inits = ['migrate', 'warm']): StoredObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      initContainers: inits.map((n) => ({ name: n, image: `registry/${n}:1` })),
      containers: [{ name: 'app', image: 'registry/api:1' }]
    }
  }
}

let h: Harness | undefined
let sandbox: Sandbox | undefined
afterEach(async () => {
  await h?.stop()
  await sandbox?.stop()
  h = undefined
  sandbox = undefined
})

const status = (name: string): PodStatusView => (h!.store.get(R.pods, 'default', name)?.status ?? {}) as PodStatusView
const init = (name: string, i: number): ContainerStatusView | undefined => status(name).initContainerStatuses?.[i]
const condition = (name: string, type: string) => status(name).conditions?.find((c) => c.type === type)

describe('init containers', () => {
  it('run one after another, then the app containers start', async () => {
    h = startHarness(20)
    h.store.create(R.pods, podWithInits('ok', {}))
    // at first only the first init container runs; the second and the app wait PodInitializing
    await waitFor(() => init('ok', 0)?.state.running, 'first init container running')
    expect(init('ok', 1)?.state.waiting?.reason).toBe('PodInitializing')
    expect(status('ok').containerStatuses?.[0]).toMatchObject({
      ready: false,
      restartCount: 0,
      state: { waiting: { reason: 'PodInitializing' } }
    })
    expect(status('ok').phase).toBe('Pending')
    expect(condition('ok', 'Initialized')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [migrate warm]'
    })
    await waitFor(() => condition('ok', 'Ready')?.status === 'True', 'pod ready')
    for (const i of [0, 1])
      expect(init('ok', i)).toMatchObject({
        ready: true,
        state: { terminated: { reason: 'Completed', exitCode: 0 } }
      })
    expect(condition('ok', 'Initialized')?.status).toBe('True')
    expect(status('ok').phase).toBe('Running')
    const events = h.store
      .list(R.events, 'default')
      .filter((e) => e.reason === 'Started')
      .map((e) => e.message)
    expect(events).toEqual(
      expect.arrayContaining(['Started container migrate', 'Started container warm', 'Started container app'])
    )
  })

  it('a crash-looping init container keeps the pod Pending in Init:CrashLoopBackOff', async () => {
    h = startHarness(1000)
    h.store.create(
      R.pods,
      podWithInits('stuck', {
        [`${PREFIX}behavior.migrate`]: 'crashloop',
        [`${PREFIX}previous-log.migrate`]: 'migration 42 failed: relation "users" already exists\n',
        // the pod-wide behaviour is for app containers only
        [`${PREFIX}behavior`]: 'ready'
      })
    )
    await waitFor(() => (init('stuck', 0)?.restartCount ?? 0) >= 3, 'init restarts')
    await waitFor(() => init('stuck', 0)?.state.waiting?.reason === 'CrashLoopBackOff', 'init back-off')
    expect(init('stuck', 0)?.state.waiting?.message).toMatch(
      /^back-off \d+s restarting failed container=migrate pod=stuck_default\(/
    )
    expect(init('stuck', 0)?.lastState.terminated).toMatchObject({ reason: 'Error', exitCode: 1 })
    expect(init('stuck', 0)?.ready).toBe(false)
    expect(init('stuck', 1)?.state.waiting?.reason).toBe('PodInitializing')
    expect(status('stuck').containerStatuses?.[0]?.state.waiting?.reason).toBe('PodInitializing')
    expect(status('stuck').phase).toBe('Pending')
    expect(condition('stuck', 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized' })
    expect(condition('stuck', 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [app]'
    })
    const backOff = h.store.list(R.events, 'default').find((e) => e.reason === 'BackOff' && e.type === 'Warning')
    expect(backOff?.message).toMatch(/^Back-off restarting failed container migrate in pod stuck_default\(/)
    expect(h.controller.podLog('default', 'stuck', 'migrate', true)).toBe(
      'migration 42 failed: relation "users" already exists\n'
    )
    expect(h.controller.podLog('default', 'stuck', 'app', false)).toBeUndefined()
  })

  it('pull and config errors, restarts-then-ready and image conventions apply to init containers', async () => {
    h = startHarness(1000)
    h.store.create(R.pods, podWithInits('pull', { [`${PREFIX}behavior.warm`]: 'image-pull-backoff' }))
    h.store.create(
      R.pods,
      podWithInits('cfg', { [`${PREFIX}behavior.migrate`]: 'create-container-config-error' }, ['migrate'])
    )
    h.store.create(R.pods, {
      ...podWithInits('img', {}, ['x']),
      spec: {
        initContainers: [{ name: 'x', image: 'registry/x:v2-crashloop' }],
        containers: [{ name: 'app', image: 'registry/api:1' }]
      }
    })
    h.store.create(R.pods, podWithInits('flaky', { [`${PREFIX}behavior.migrate`]: 'restarts-then-ready' }))
    await waitFor(() => init('pull', 1)?.state.waiting?.reason === 'ImagePullBackOff', 'init pull back-off')
    expect(init('pull', 0)?.state.terminated?.reason).toBe('Completed')
    await waitFor(() => init('cfg', 0)?.state.waiting?.reason === 'CreateContainerConfigError', 'init config error')
    expect(status('cfg').containerStatuses?.[0]?.state.waiting?.reason).toBe('PodInitializing')
    await waitFor(() => init('img', 0)?.state.waiting?.reason === 'CrashLoopBackOff', 'image convention')
    await waitFor(() => condition('flaky', 'Ready')?.status === 'True', 'flaky init recovers')
    expect(init('flaky', 0)).toMatchObject({ restartCount: 2, state: { terminated: { reason: 'Completed' } } })
    expect(init('flaky', 0)?.lastState.terminated?.reason).toBe('Error')
  })

  it('kubectl get pods shows Init:CrashLoopBackOff and Init:0/2; logs -c <init> --previous works', async () => {
    sandbox = await startSandbox({
      timeScale: 1000,
      scenarioText: [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: api, namespace: default}',
        'spec:',
        '  replicas: 1',
        '  progressDeadlineSeconds: 30',
        '  selector: {matchLabels: {app: api}}',
        '  template:',
        '    metadata:',
        '      labels: {app: api}',
        '      annotations:',
        `        ${PREFIX}behavior.migrate: crashloop`,
        `        ${PREFIX}previous-log.migrate: "migration failed"`,
        '    spec:',
        '      initContainers: [{name: migrate, image: "registry/migrate:1"}]',
        '      containers: [{name: app, image: "registry/api:1"}]',
        '---',
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: waiting',
        `  annotations: {${PREFIX}behavior.first: never-ready}`,
        'spec:',
        '  initContainers: [{name: first, image: "busybox:1"}, {name: second, image: "busybox:1"}]',
        '  containers: [{name: app, image: "registry/api:1"}]',
        ''
      ].join('\n')
    })
    const kubectl = async (...args: string[]): Promise<string> =>
      (await run('kubectl', ['--kubeconfig', sandbox!.kubeconfigPath, ...args], { timeout: 30_000 })).stdout
    const pod = await waitFor(
      () =>
        sandbox!.store
          .list(R.pods, 'default')
          .find(
            (p) =>
              p.metadata.name.startsWith('api-') &&
              ((p.status as PodStatusView | undefined)?.initContainerStatuses?.[0]?.restartCount ?? 0) >= 2
          ),
      'crash-looping init container'
    )
    await waitFor(
      () =>
        (sandbox!.store.get(R.pods, 'default', 'waiting')?.status as PodStatusView | undefined)
          ?.initContainerStatuses?.[0]?.state.running,
      'first init container running'
    )
    const table = await kubectl('get', 'pods')
    expect(table.split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/)
    expect(table).toMatch(
      new RegExp(`^${pod.metadata.name}\\s+0/1\\s+Init:(CrashLoopBackOff|Error)\\s+\\d+ \\(\\S+ ago\\)`, 'm')
    )
    expect(table).toMatch(/^waiting\s+0\/1\s+Init:0\/2\s+0\s/m)
    expect(await kubectl('logs', pod.metadata.name, '-c', 'migrate', '--previous')).toBe('migration failed')
    const failure = await kubectl('logs', pod.metadata.name, '-c', 'app').catch((e: { stderr: string }) => e.stderr)
    expect(failure).toContain(`container "app" in pod "${pod.metadata.name}" is waiting to start: PodInitializing`)
    const events = await kubectl('get', 'events', '--field-selector', `involvedObject.name=${pod.metadata.name}`)
    expect(events).toMatch(/Warning\s+BackOff\s+pod\/\S+\s+Back-off restarting failed container migrate in pod/)
  })
})
