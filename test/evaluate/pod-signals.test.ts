import { describe, expect, it } from '@jest/globals'
import { crashedContainer, podHealth } from '../../src/evaluate/pod-signals.js'
import { pod } from './fixtures.js'

describe('podHealth signals', () => {
  it.each([
    'CrashLoopBackOff',
    'ImagePullBackOff',
    'ErrImagePull',
    'InvalidImageName',
    'ErrImageNeverPull',
    'CreateContainerConfigError',
    'CreateContainerError',
    'RunContainerError'
  ])('terminal waiting reason %s is a signal with its message', (reason) => {
    const h = podHealth(pod({ name: 'p', phase: 'Pending', ready: false, waiting: { reason, message: 'details' } }))
    expect(h.signals).toEqual([{ reason, container: 'app', message: 'details' }])
    expect(h.ready).toBe(false)
  })

  it.each([
    [
      'benign ContainerCreating',
      pod({ name: 'p', phase: 'Pending', ready: false, waiting: { reason: 'ContainerCreating' } }),
      []
    ],
    ['healthy', pod({ name: 'p' }), []],
    [
      'OOMKilled and not ready',
      pod({ name: 'p', ready: false, restarts: 2, last: { reason: 'OOMKilled', exitCode: 137 } }),
      ['OOMKilled']
    ],
    [
      'OOMKilled once but ready again is no signal',
      pod({ name: 'p', ready: true, restarts: 1, last: { reason: 'OOMKilled', exitCode: 137 } }),
      []
    ],
    [
      'Unschedulable',
      pod({
        name: 'p',
        phase: 'Pending',
        ready: false,
        conditions: [
          { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available' }
        ]
      }),
      ['Unschedulable']
    ],
    ['Evicted', pod({ name: 'p', phase: 'Failed', ready: false, reason: 'Evicted' }), ['Evicted']],
    [
      'crash loop wins over OOM for the same container',
      pod({
        name: 'p',
        ready: false,
        waiting: { reason: 'CrashLoopBackOff' },
        last: { reason: 'OOMKilled', exitCode: 137 }
      }),
      ['CrashLoopBackOff']
    ]
  ])('%s', (_name, input, reasons) => {
    expect(podHealth(input).signals.map((s) => s.reason)).toEqual(reasons)
  })

  it('reports running, readiness, restarts and the last termination as evidence', () => {
    const h = podHealth(
      pod({
        name: 'p',
        ready: false,
        restarts: 4,
        waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s' },
        last: { reason: 'Error', exitCode: 1 }
      })
    )
    expect(h).toMatchObject({ name: 'p', phase: 'Running', ready: false, restarts: 4 })
    expect(h.containers[0]).toMatchObject({
      waitingReason: 'CrashLoopBackOff',
      waitingMessage: 'back-off 40s',
      lastTerminationReason: 'Error',
      lastExitCode: 1
    })
    expect(crashedContainer(h)).toBe('app')
    expect(podHealth(pod({ name: 'ok' })).ready).toBe(true)
  })
})
