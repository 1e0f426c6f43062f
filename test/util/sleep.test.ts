import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { MAX_TIMER_MS, sleep } from '../../src/util/sleep.js'

describe('sleep', () => {
  afterEach(() => {
    jest.useRealTimers()
  })

  test('a wait longer than a timer can hold is not cut to 1 ms (it goes in chunks)', async () => {
    jest.useFakeTimers()
    let done = false
    const waiting = sleep(MAX_TIMER_MS + 5_000).then(() => (done = true))
    await jest.advanceTimersByTimeAsync(MAX_TIMER_MS)
    expect(done).toBe(false)
    await jest.advanceTimersByTimeAsync(5_000)
    await waiting
    expect(done).toBe(true)
  })

  test('an abort ends a long wait at once', async () => {
    const controller = new AbortController()
    const waiting = sleep(MAX_TIMER_MS * 3, controller.signal)
    controller.abort()
    await expect(waiting).resolves.toBeUndefined()
  })
})
