import { describe, expect, jest, test } from '@jest/globals'
import { EventEmitter } from 'node:events'
import { watchCancellation } from '../../src/report/cancellation.js'

/** A process stand-in: signals are emitted by the test; exit resolves a promise instead of exiting. */
function harness(graceMs = 20) {
  const signals = new EventEmitter()
  const events: string[] = []
  let exited: (code: number) => void = () => undefined
  const exit = new Promise<number>((resolve) => (exited = resolve))
  const cancellation = watchCancellation({
    log: { warning: (m) => void events.push(`warning: ${m}`) },
    publishFallback: (reason) => void events.push(`fallback: ${reason}`),
    exit: (code) => {
      events.push(`exit ${code}`)
      exited(code)
    },
    graceMs,
    signals: signals as unknown as Pick<NodeJS.Process, 'on' | 'removeListener'>
  })
  return { signals, events, exit, cancellation }
}

describe('watchCancellation', () => {
  test('the first signal aborts the run and warns; nothing else while the run reports in time', () => {
    const { signals, events, cancellation } = harness(60_000)
    signals.emit('SIGINT')
    expect(cancellation.signal.aborted).toBe(true)
    cancellation.publishing()
    cancellation.done()
    expect(events).toEqual(['warning: deploy-guard received SIGINT: stopping and reporting what was checked so far'])
    expect(signals.listenerCount('SIGINT') + signals.listenerCount('SIGTERM')).toBe(0)
  })

  test('a run that does not stop within the grace period: the fallback result is published, then exit 1', async () => {
    const { signals, events, exit } = harness(20)
    signals.emit('SIGTERM')
    expect(await exit).toBe(1)
    expect(events[1]).toMatch(/^fallback: the job was cancelled \(SIGTERM\) and the run did not stop within/)
    expect(events[2]).toBe('exit 1')
  })

  test('pending clean-up stretches the grace period until it settles, then the run reports itself', async () => {
    const { signals, events, cancellation } = harness(20)
    let finish: () => void = () => undefined
    cancellation.hold(new Promise<void>((resolve) => (finish = resolve)))
    signals.emit('SIGINT')
    // Well past the 20 ms grace: the clean-up is still pending, so nothing is published over it.
    await new Promise((resolve) => setTimeout(resolve, 120))
    expect(events).toHaveLength(1)
    finish()
    cancellation.publishing()
    cancellation.done()
    expect(events).toHaveLength(1)
  })

  test('clean-up that outlasts its own grace is cut short with a reason that says so', async () => {
    const signals = new EventEmitter()
    const events: string[] = []
    const exit = new Promise<number>((resolve) => {
      const cancellation = watchCancellation({
        log: { warning: (m) => void events.push(`warning: ${m}`) },
        publishFallback: (reason) => void events.push(`fallback: ${reason}`),
        exit: (code) => resolve(code),
        graceMs: 10,
        cleanupGraceMs: 50,
        signals: signals as unknown as Pick<NodeJS.Process, 'on' | 'removeListener'>
      })
      cancellation.hold(new Promise(() => undefined))
    })
    signals.emit('SIGINT')
    expect(await exit).toBe(1)
    expect(events[1]).toMatch(/its clean-up did not finish within 0.05 s/)
  })

  test('a run already publishing when the grace period ends is left to finish', () => {
    jest.useFakeTimers()
    try {
      const { signals, events, cancellation } = harness(1500)
      signals.emit('SIGINT')
      cancellation.publishing()
      jest.advanceTimersByTime(10_000)
      expect(events).toHaveLength(1)
      cancellation.done()
    } finally {
      jest.useRealTimers()
    }
  })

  test('a second signal publishes the fallback and exits at once, even while publishing', () => {
    const { signals, events, cancellation } = harness(60_000)
    signals.emit('SIGINT')
    cancellation.publishing()
    signals.emit('SIGINT')
    expect(events.slice(1)).toEqual([
      'fallback: the job was cancelled (SIGINT) and SIGINT followed before the run had reported; nothing more was checked',
      'exit 1'
    ])
  })
})
