/** The controller at scale: a 5,000-replica Deployment, and no work when nothing changes. */
import { afterAll, describe, expect, it } from '@jest/globals'
import { R, deployment, rolloutStatus, startHarness, waitFor, type Harness } from './controller/testing.js'

let h: Harness | undefined
afterAll(async () => {
  await h?.stop()
})

describe('controller scale', () => {
  it('brings 5,000 replicas to ready, rolls them, and then idles', async () => {
    h = startHarness(1000)
    const harness = h
    harness.store.create(R.deployments, deployment('big', 'img:1', { replicas: 5000 }))
    await waitFor(
      () =>
        rolloutStatus(harness.store.get(R.deployments, 'default', 'big')!) ===
        'deployment "big" successfully rolled out',
      'big ready',
      20000
    )

    const d = harness.store.get(R.deployments, 'default', 'big')!
    ;(d.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec.containers[0]!.image =
      'img:2'
    harness.store.update(R.deployments, d)
    await waitFor(
      () => {
        const current = harness.store.get(R.deployments, 'default', 'big')!
        return (
          current.metadata.generation === 2 && rolloutStatus(current) === 'deployment "big" successfully rolled out'
        )
      },
      'big rolled',
      30000
    )
    // Speed is a bench figure (npm run bench); here: the rollout replaced every pod, none left over.
    expect(harness.store.list(R.pods, 'default')).toHaveLength(5000)

    // idle: wait until nothing has been written for 100 ms, then nothing may be written and (almost) no
    // reconcile pass run. Counting passes, not CPU time: CPU time is a bench figure and depends on load.
    let lastRv = harness.store.resourceVersion
    let quietSince = Date.now()
    await waitFor(() => {
      if (harness.store.resourceVersion !== lastRv) {
        lastRv = harness.store.resourceVersion
        quietSince = Date.now()
      }
      return Date.now() - quietSince >= 100
    }, 'quiet')
    const rv = harness.store.resourceVersion
    const passes = harness.controller.passes
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(harness.store.resourceVersion).toBe(rv)
    expect(harness.controller.passes - passes).toBeLessThanOrEqual(3)
  }, 60000)
})
