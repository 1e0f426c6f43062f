import { describe, expect, it } from '@jest/globals'
import { mapBounded } from '../../src/util/bounded-map.js'

/** A call the test finishes by hand, so the pool's progress is observed, not timed. */
function gate<T>() {
  let open!: (value: T) => void
  let fail!: (error: Error) => void
  const promise = new Promise<T>((resolve, reject) => ((open = resolve), (fail = reject)))
  return { promise, open, fail }
}
const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('mapBounded', () => {
  it('never has more than `limit` calls in flight, starts the next as one finishes, and keeps input order', async () => {
    const gates = Array.from({ length: 5 }, () => gate<string>())
    const started: number[] = []
    const done = mapBounded([0, 1, 2, 3, 4], 2, (item) => {
      started.push(item)
      return gates[item]!.promise
    })
    await settle()
    expect(started).toEqual([0, 1])
    gates[1]!.open('b')
    await settle()
    expect(started).toEqual([0, 1, 2])
    gates[2]!.open('c')
    gates[3]!.open('d')
    await settle()
    expect(started).toEqual([0, 1, 2, 3, 4])
    gates[4]!.open('e')
    gates[0]!.open('a')
    await expect(done).resolves.toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('a slow item holds only its own slot: the others all pass through the remaining ones', async () => {
    const slow = gate<string>()
    const finished: number[] = []
    const done = mapBounded([0, 1, 2, 3, 4, 5], 3, async (item) => {
      if (item === 0) return slow.promise
      finished.push(item)
      return String(item)
    })
    await settle()
    expect(finished).toEqual([1, 2, 3, 4, 5])
    slow.open('0')
    await expect(done).resolves.toEqual(['0', '1', '2', '3', '4', '5'])
  })

  it('rejects with the first error and starts no new item after it', async () => {
    const first = gate<number>()
    const started: number[] = []
    const done = mapBounded([0, 1, 2, 3], 2, (item) => {
      started.push(item)
      return item === 0 ? first.promise : new Promise<number>(() => {})
    })
    await settle()
    first.fail(new Error('boom'))
    await expect(done).rejects.toThrow('boom')
    expect(started).toEqual([0, 1])
  })

  it('handles an empty list and refuses a limit below 1', async () => {
    await expect(mapBounded([], 4, async () => 1)).resolves.toEqual([])
    await expect(mapBounded([1], 0, async () => 1)).rejects.toThrow('concurrency must be a whole number >= 1, got 0')
  })
})
