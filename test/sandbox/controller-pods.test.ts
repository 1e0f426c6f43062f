/** Pod behaviours (annotations and image conventions) as the kubelet stand-in plays them. */
import { afterEach, describe, expect, it } from '@jest/globals'
import type { StoredObject } from './store.js'
import { PREFIX } from './controller/index.js'
import { R, startHarness, waitFor, type Harness } from './controller/testing.js'

let h: Harness
afterEach(async () => {
  await h?.stop()
})

interface PodStatusView {
  phase?: string
  conditions?: Array<{ type: string; status: string; reason?: string; message?: string }>
  containerStatuses?: Array<{
    ready: boolean
    started: boolean
    restartCount: number
    state: Record<string, { reason?: string; message?: string }>
    lastState: Record<string, { reason?: string; exitCode?: number }>
  }>
  podIP?: string
}

function bare(name: string, image: string, annotations: Record<string, string> = {}): StoredObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', annotations },
    spec: { containers: [{ name: 'app', image }] }
  }
}

const status = (name: string): PodStatusView => (h.store.get(R.pods, 'default', name)?.status ?? {}) as PodStatusView
const container = (name: string) => status(name).containerStatuses?.[0]
const condition = (name: string, type: string) => status(name).conditions?.find((c) => c.type === type)
const warnings = (name: string) =>
  h.store
    .list(R.events, 'default')
    .filter((e) => (e.involvedObject as { name: string }).name === name && e.type === 'Warning')

describe('pod behaviours', () => {
  it('ready: Running, Ready, unique pod IPs, a log', async () => {
    h = startHarness(1000)
    h.store.create(R.pods, bare('a', 'img:1'))
    h.store.create(R.pods, bare('b', 'img:1', { [`${PREFIX}log`]: 'hello from b\n' }))
    await waitFor(
      () => condition('a', 'Ready')?.status === 'True' && condition('b', 'Ready')?.status === 'True',
      'ready'
    )
    expect(status('a').phase).toBe('Running')
    expect(status('a').podIP).toMatch(/^10\.\d+\.\d+\.\d+$/)
    expect(status('a').podIP).not.toBe(status('b').podIP)
    expect(h.store.get(R.pods, 'default', 'a')?.spec).toMatchObject({ nodeName: 'sandbox-node-1' })
    expect(h.controller.podLog('default', 'b', undefined, false)).toBe('hello from b\n')
    expect(h.controller.podLog('default', 'b', undefined, true)).toBeUndefined()
    expect(h.controller.podLog('default', 'b', 'nope', false)).toBeUndefined()
  })

  it('ready-after delays readiness on the controller clock', async () => {
    h = startHarness(10)
    h.store.create(
      R.pods,
      bare('slow', 'img:1', { [`${PREFIX}behavior`]: 'ready-after', [`${PREFIX}ready-after`]: '5s' })
    )
    await waitFor(() => status('slow').phase === 'Running', 'running')
    expect(condition('slow', 'Ready')?.status).toBe('False')
    const started = Date.now()
    await waitFor(() => condition('slow', 'Ready')?.status === 'True', 'ready after 5s of controller time')
    expect(Date.now() - started).toBeGreaterThan(200) // 5 s at 10x is ~500 ms of wall time
  })

  it('crashloop and oomkilled: Running, CrashLoopBackOff, growing restarts, previous log', async () => {
    h = startHarness(1000)
    h.store.create(
      R.pods,
      bare('crash', 'img:1', { [`${PREFIX}behavior`]: 'crashloop', [`${PREFIX}previous-log`]: 'boom\n' })
    )
    h.store.create(R.pods, bare('oom', 'img:oomkill-1'))
    await waitFor(
      () => (container('crash')?.restartCount ?? 0) >= 3 && (container('oom')?.restartCount ?? 0) >= 1,
      'restarts'
    )
    await waitFor(() => container('crash')?.state.waiting?.reason === 'CrashLoopBackOff', 'crash loop back-off')
    expect(status('crash').phase).toBe('Running')
    expect(container('crash')?.state.waiting?.message).toMatch(
      /^back-off \d+s restarting failed container=app pod=crash_default\(/
    )
    expect(container('crash')?.lastState.terminated).toMatchObject({ reason: 'Error', exitCode: 1 })
    await waitFor(() => container('oom')?.lastState.terminated?.reason === 'OOMKilled', 'oom killed')
    expect(container('oom')?.lastState.terminated?.exitCode).toBe(137)
    expect(h.controller.podLog('default', 'crash', 'app', true)).toBe('boom\n')
    expect(warnings('crash').map((e) => e.reason)).toContain('BackOff')
  })

  it('back-off doubles from 10s up to 300s', async () => {
    const { backoffMs } = await import('./controller/behaviour.js')
    expect([0, 1, 2, 3, 4, 5, 6, 9].map(backoffMs)).toEqual([
      10000, 20000, 40000, 80000, 160000, 300000, 300000, 300000
    ])
  })

  it('image pull failures: Pending, ErrImagePull then ImagePullBackOff, Failed events', async () => {
    h = startHarness(1000)
    h.store.create(R.pods, bare('pull', 'img:pullerror'))
    h.store.create(R.pods, bare('err', 'img:1', { [`${PREFIX}behavior`]: 'err-image-pull' }))
    await waitFor(() => container('pull')?.state.waiting?.reason === 'ImagePullBackOff', 'ImagePullBackOff')
    expect(status('pull').phase).toBe('Pending')
    expect(container('pull')?.state.waiting?.message).toContain('Back-off pulling image "img:pullerror"')
    await waitFor(() => container('err')?.state.waiting?.reason === 'ErrImagePull', 'ErrImagePull')
    expect(warnings('pull').map((e) => e.message)).toEqual(
      expect.arrayContaining(['Error: ErrImagePull', 'Error: ImagePullBackOff'])
    )
    expect(h.controller.podLog('default', 'pull', undefined, false)).toBeUndefined()
  })

  it('create-container-config-error, unschedulable and never-ready', async () => {
    h = startHarness(1000)
    h.store.create(R.pods, bare('cfg', 'img:configerror'))
    h.store.create(R.pods, bare('nosched', 'img:1', { [`${PREFIX}behavior`]: 'unschedulable' }))
    h.store.create(R.pods, bare('never', 'img:neverready'))
    await waitFor(() => container('cfg')?.state.waiting?.reason === 'CreateContainerConfigError', 'config error')
    expect(container('cfg')?.state.waiting?.message).toBe('secret "x" not found')
    expect(status('cfg').phase).toBe('Pending')
    await waitFor(() => condition('nosched', 'PodScheduled')?.status === 'False', 'unschedulable')
    expect(condition('nosched', 'PodScheduled')).toMatchObject({
      reason: 'Unschedulable',
      message: '0/1 nodes are available: 1 Insufficient cpu.'
    })
    expect(status('nosched')).toMatchObject({ phase: 'Pending' })
    expect(status('nosched').containerStatuses).toBeUndefined()
    expect(h.store.get(R.pods, 'default', 'nosched')?.spec?.nodeName).toBeUndefined()
    await waitFor(
      () => warnings('never').some((e) => e.reason === 'Unhealthy' && Number(e.count) >= 2),
      'repeated Unhealthy'
    )
    expect(status('never').phase).toBe('Running')
    expect(container('never')).toMatchObject({ ready: false, started: true, state: { running: {} } })
    expect(warnings('nosched').map((e) => [e.reason, (e.source as { component: string }).component])).toEqual([
      ['FailedScheduling', 'default-scheduler']
    ])
    expect(warnings('cfg').map((e) => e.message)).toContain('Error: secret "x" not found')
  })

  it('per-container overrides and the image-behaviors map', async () => {
    h = startHarness(1000)
    const pod = bare('multi', 'img:1', {
      [`${PREFIX}image-behaviors`]: JSON.stringify({ 'side:bad': 'crashloop' }),
      [`${PREFIX}behavior.third`]: 'never-ready'
    })
    ;(pod.spec as { containers: Array<{ name: string; image: string }> }).containers.push(
      { name: 'side', image: 'side:bad' },
      { name: 'third', image: 'img:1' }
    )
    h.store.create(R.pods, pod)
    await waitFor(
      () => status('multi').containerStatuses?.[1]?.state.waiting?.reason === 'CrashLoopBackOff',
      'side container crash loops'
    )
    const [app, side, third] = status('multi').containerStatuses!
    expect(app!.ready).toBe(true)
    expect(side!.restartCount).toBeGreaterThan(0)
    expect(third).toMatchObject({ ready: false, started: true })
    expect(condition('multi', 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [side third]'
    })
  })

  it('leaves scenario pods that come with a status alone', async () => {
    h = startHarness(1000)
    const fixture = { ...bare('fixture', 'img:1'), status: { phase: 'Failed', reason: 'Evicted' } }
    h.store.create(R.pods, fixture)
    h.store.create(R.pods, bare('marker', 'img:1'))
    await waitFor(() => condition('marker', 'Ready')?.status === 'True', 'marker ready')
    expect(h.store.get(R.pods, 'default', 'fixture')?.status).toEqual({ phase: 'Failed', reason: 'Evicted' })
  })
})
