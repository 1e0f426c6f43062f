/** Waits `ms`, or less when `signal` aborts first (cancelled runs stop waiting at once). */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

/** setTimeout turns anything longer into 1 ms (TimeoutOverflowWarning): longer waits go in chunks. */
export const MAX_TIMER_MS = 2 ** 31 - 1

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done(): void {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}

export const sleep: Sleep = async (ms, signal) => {
  let left = Number.isFinite(ms) ? ms : MAX_TIMER_MS
  while (left > 0 && !signal?.aborted) {
    const chunk = Math.min(left, MAX_TIMER_MS)
    await wait(chunk, signal)
    left -= chunk
  }
}
