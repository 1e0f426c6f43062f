/** Deployment → ReplicaSet → Pod behaviour of the sandbox controller, driven through the store. */
import { afterEach, describe, expect, it } from '@jest/globals'
import type { StoredObject } from './store.js'
import { R, deployment, rolloutStatus, startHarness, waitFor, type Harness } from './controller/testing.js'

let h: Harness
afterEach(async () => {
  await h?.stop()
})

const get = (kind: typeof R.deployments, name: string): StoredObject => h.store.get(kind, 'default', name)!
const rsOf = (name: string): StoredObject[] =>
  h.store.list(R.replicasets, 'default').filter((rs) => rs.metadata.ownerReferences?.some((o) => o.name === name))
const rev = (o: StoredObject): string | undefined => o.metadata.annotations?.['deployment.kubernetes.io/revision']
const image = (o: StoredObject): string =>
  (o.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec.containers[0]!.image

function setImage(name: string, img: string): void {
  const d = get(R.deployments, name)
  ;(d.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec.containers[0]!.image = img
  h.store.update(R.deployments, d)
}

async function rolledOut(name: string): Promise<void> {
  await waitFor(
    () => rolloutStatus(get(R.deployments, name)) === `deployment "${name}" successfully rolled out`,
    `${name} rolled out`
  )
}

describe('deployment revisions', () => {
  it('numbers ReplicaSets per template and re-uses one on undo, keeping its history', async () => {
    h = startHarness(1000)
    h.store.create(R.deployments, deployment('web', 'img:1', { annotations: undefined }))
    await rolledOut('web')
    const d1 = get(R.deployments, 'web')
    d1.metadata.annotations = { ...(d1.metadata.annotations ?? {}), 'kubernetes.io/change-cause': 'deploy img:2' }
    h.store.update(R.deployments, d1)
    setImage('web', 'img:2')
    await rolledOut('web')
    setImage('web', 'img:3')
    await rolledOut('web')

    let rss = rsOf('web')
    expect(rss.map((rs) => [image(rs), rev(rs)]).sort()).toEqual([
      ['img:1', '1'],
      ['img:2', '2'],
      ['img:3', '3']
    ])
    const byImage = (img: string): StoredObject => rsOf('web').find((rs) => image(rs) === img)!
    expect(byImage('img:2').metadata.annotations?.['kubernetes.io/change-cause']).toBe('deploy img:2')
    expect(byImage('img:1').metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/)
    expect(byImage('img:1').metadata.labels?.['pod-template-hash']).toBe(byImage('img:1').metadata.name.slice(4))
    expect(get(R.deployments, 'web').metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3')

    // what `kubectl rollout undo --to-revision=1` sends: the RS template without pod-template-hash
    const target = structuredClone(
      (byImage('img:1').spec as { template: { metadata: { labels: Record<string, string> } } }).template
    )
    delete target.metadata.labels['pod-template-hash']
    const d = get(R.deployments, 'web')
    ;(d.spec as Record<string, unknown>).template = target
    h.store.update(R.deployments, d)
    await rolledOut('web')

    rss = rsOf('web')
    expect(rss).toHaveLength(3)
    expect(rev(byImage('img:1'))).toBe('4')
    expect(byImage('img:1').metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1')
    expect(get(R.deployments, 'web').metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('4')
    expect((byImage('img:1').spec as { replicas: number }).replicas).toBe(3)
    expect((byImage('img:3').spec as { replicas: number }).replicas).toBe(0)

    // and back to img:2 (undo without --to-revision): revision 5, history "2"
    setImage('web', 'img:2')
    await rolledOut('web')
    expect(rev(byImage('img:2'))).toBe('5')
    expect(byImage('img:2').metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('2')
    setImage('web', 'img:1')
    await rolledOut('web')
    expect(rev(byImage('img:1'))).toBe('6')
    expect(byImage('img:1').metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1,4')
  })

  it('keeps only revisionHistoryLimit old ReplicaSets', async () => {
    h = startHarness(1000)
    h.store.create(R.deployments, deployment('hist', 'img:1', { replicas: 1, spec: { revisionHistoryLimit: 2 } }))
    await rolledOut('hist')
    for (const tag of ['2', '3', '4', '5']) {
      setImage('hist', `img:${tag}`)
      await rolledOut('hist')
    }
    await waitFor(() => rsOf('hist').length === 3, 'old ReplicaSets cleaned up')
    expect(rsOf('hist').map(rev).sort()).toEqual(['3', '4', '5'])
  })
})

describe('rolling update', () => {
  it('honours maxSurge/maxUnavailable and ends with the old ReplicaSet at zero', async () => {
    h = startHarness(200)
    h.store.create(
      R.deployments,
      deployment('roll', 'img:1', {
        replicas: 4,
        spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }
      })
    )
    await rolledOut('roll')
    let maxPods = 0
    let minAvailable = Infinity
    const unsubscribe = h.store.subscribe(() => {
      // maxSurge bounds the pods that count as replicas; Terminating ones are on their way out
      const active = h.store
        .listShared(R.pods, 'default')
        .filter((p) => p.metadata.name.startsWith('roll-') && !p.metadata.deletionTimestamp)
      maxPods = Math.max(maxPods, active.length)
      const d = h.store.get(R.deployments, 'default', 'roll')
      minAvailable = Math.min(
        minAvailable,
        Number((d?.status as { availableReplicas?: number } | undefined)?.availableReplicas ?? 0)
      )
    })
    setImage('roll', 'img:2')
    const seen = new Set<string>()
    await waitFor(() => {
      seen.add(rolloutStatus(get(R.deployments, 'roll')))
      return seen.has('deployment "roll" successfully rolled out')
    }, 'roll rolled out')
    unsubscribe()
    expect(maxPods).toBeLessThanOrEqual(5)
    expect(minAvailable).toBeGreaterThanOrEqual(4)
    const old = rsOf('roll').find((rs) => image(rs) === 'img:1')!
    expect((old.spec as { replicas: number }).replicas).toBe(0)
    expect((old.status as { replicas: number }).replicas).toBe(0)
    const d = get(R.deployments, 'roll')
    const progressing = (
      d.status as { conditions: Array<{ type: string; reason: string; status: string }> }
    ).conditions.find((c) => c.type === 'Progressing')
    expect(progressing).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' })
    expect(d.status).toMatchObject({
      replicas: 4,
      updatedReplicas: 4,
      readyReplicas: 4,
      availableReplicas: 4,
      observedGeneration: 2
    })
    const events = h.store
      .list(R.events, 'default')
      .filter((e) => e.reason === 'ScalingReplicaSet')
      .map((e) => e.message)
    expect(events).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Scaled down replica set roll-\w+ from 4 to 3$/)])
    )
  })

  it('Recreate scales the old ReplicaSet to zero before the new one starts', async () => {
    h = startHarness(1000)
    h.store.create(R.deployments, deployment('rec', 'img:1', { replicas: 2, spec: { strategy: { type: 'Recreate' } } }))
    await rolledOut('rec')
    let overlap = false
    const unsubscribe = h.store.subscribe(() => {
      const images = new Set(
        h.store
          .listShared(R.pods, 'default')
          .filter((p) => p.metadata.name.startsWith('rec-'))
          .map((p) => (p.spec as { containers: Array<{ image: string }> }).containers[0]!.image)
      )
      if (images.size > 1) overlap = true
    })
    setImage('rec', 'img:2')
    await rolledOut('rec')
    unsubscribe()
    expect(overlap).toBe(false)
  })

  it('does nothing while paused and continues when resumed; scaling works', async () => {
    h = startHarness(1000)
    h.store.create(R.deployments, deployment('p', 'img:1', { replicas: 2 }))
    await rolledOut('p')
    const d = get(R.deployments, 'p')
    ;(d.spec as Record<string, unknown>).paused = true
    h.store.update(R.deployments, d)
    await waitFor(
      () =>
        (get(R.deployments, 'p').status as { conditions: Array<{ reason: string }> }).conditions.some(
          (c) => c.reason === 'DeploymentPaused'
        ),
      'paused condition'
    )
    setImage('p', 'img:2')
    await waitFor(
      () => (get(R.deployments, 'p').status as { observedGeneration: number }).observedGeneration === 3,
      'observed'
    )
    expect(rsOf('p')).toHaveLength(1)
    const resumed = get(R.deployments, 'p')
    ;(resumed.spec as Record<string, unknown>).paused = false
    ;(resumed.spec as Record<string, unknown>).replicas = 5
    h.store.update(R.deployments, resumed)
    await waitFor(
      () =>
        rolloutStatus(get(R.deployments, 'p')) === 'deployment "p" successfully rolled out' &&
        (get(R.deployments, 'p').status as { availableReplicas: number }).availableReplicas === 5,
      'resumed rollout'
    )
    expect(
      rsOf('p')
        .map((rs) => [image(rs), (rs.spec as { replicas: number }).replicas])
        .sort()
    ).toEqual([
      ['img:1', 0],
      ['img:2', 5]
    ])
  })
})

describe('failing rollouts', () => {
  it('a crash-looping image restarts with back-off, records BackOff events and exceeds the progress deadline', async () => {
    h = startHarness(1000)
    h.store.create(R.deployments, deployment('crash', 'img:1', { replicas: 2 }))
    await rolledOut('crash')
    setImage('crash', 'registry.local/img:2-crashloop')
    const d = await waitFor(
      () => {
        const current = get(R.deployments, 'crash')
        return rolloutStatus(current).startsWith('failed') ? current : undefined
      },
      'progress deadline',
      15000
    )
    expect(rolloutStatus(d)).toBe('failed: deployment "crash" exceeded its progress deadline')
    const newRS = rsOf('crash').find((rs) => image(rs).includes('crashloop'))!
    const progressing = (d.status as { conditions: Array<{ type: string }> }).conditions.find(
      (c) => c.type === 'Progressing'
    )
    expect(progressing).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${newRS.metadata.name}" has timed out progressing.`
    })
    // the old pods keep serving: maxUnavailable 25% of 2 rounds down to 0
    expect(d.status).toMatchObject({ availableReplicas: 2, updatedReplicas: 1 })

    const pod = h.store
      .list(R.pods, 'default')
      .find((p) => p.metadata.labels?.['pod-template-hash'] === newRS.metadata.labels?.['pod-template-hash'])!
    const cs = pod.status as { phase: string; containerStatuses: Array<Record<string, unknown>> }
    expect(cs.phase).toBe('Running')
    const container = cs.containerStatuses[0] as {
      restartCount: number
      lastState: { terminated: { reason: string; exitCode: number } }
      state: Record<string, { reason?: string; message?: string }>
    }
    expect(container.restartCount).toBeGreaterThanOrEqual(3)
    expect(container.lastState.terminated).toMatchObject({ reason: 'Error', exitCode: 1 })
    const backOff = h.store
      .list(R.events, 'default')
      .find((e) => e.reason === 'BackOff' && (e.involvedObject as { name: string }).name === pod.metadata.name)!
    expect(backOff).toMatchObject({ type: 'Warning', source: { component: 'kubelet' } })
    expect(backOff.message).toBe(
      `Back-off restarting failed container app in pod ${pod.metadata.name}_default(${pod.metadata.uid})`
    )
    expect(Number(backOff.count)).toBeGreaterThanOrEqual(2)
    expect(h.controller.podLog('default', pod.metadata.name, 'app', true)).toContain('exiting with code 1')

    // undoing to the healthy template clears the failure
    setImage('crash', 'img:1')
    await rolledOut('crash')
  })
})

describe('garbage collection', () => {
  it('deleting a Deployment removes its ReplicaSets and pods', async () => {
    h = startHarness(1000)
    h.store.create(R.deployments, deployment('gone', 'img:1', { replicas: 2 }))
    await rolledOut('gone')
    h.store.delete(R.deployments, 'default', 'gone')
    await waitFor(() => rsOf('gone').length === 0 && h.store.list(R.pods, 'default').length === 0, 'dependents deleted')
  })
})
