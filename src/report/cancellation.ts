/**
 * The runner cancels a job with SIGINT, then SIGTERM about 7.5 s later, then kills it. A cancelled
 * gate must still say `inconclusive` on every surface, so:
 * - the first signal aborts the run's AbortSignal: every wait and request stops, and the command
 *   returns its inconclusive result, which the run publishes as usual;
 * - if the run has not begun publishing within the grace period (a request that ignores the signal,
 *   a stuck loop), a minimal inconclusive result is published synchronously and the process exits;
 * - a second signal does the same at once, unless the run's own publishing has already finished;
 * - clean-up that puts production back (a canary's routing, blue-green's selector) is held for: while
 *   such work is pending the grace period stretches to CLEANUP_GRACE_MS, still short of the runner's
 *   SIGTERM (about 7.5 s after the SIGINT), which cuts it short like any second signal.
 */
import type { RunnerLog } from './logger.js'

export const CANCEL_GRACE_MS = 1500
export const CLEANUP_GRACE_MS = 6000

export interface CancellationOptions {
  log: Pick<RunnerLog, 'warning'>
  /** Publishes a minimal inconclusive result synchronously; `reason` says why the run stopped. */
  publishFallback(reason: string): void
  /** Default process.exit. */
  exit?: (code: number) => void
  graceMs?: number
  /** How long pending clean-up may stretch the grace period, from the first signal. */
  cleanupGraceMs?: number
  /** Default the process; tests pass an EventEmitter. */
  signals?: Pick<NodeJS.Process, 'on' | 'removeListener'>
}

export interface Cancellation {
  /** Aborted at the first SIGINT/SIGTERM. */
  signal: AbortSignal
  /** The run has its result and begins publishing it: the grace timer no longer publishes over it. */
  publishing(): void
  /** The run has published: timers and signal handlers are removed. */
  done(): void
  /** Clean-up the exit should wait for (within the clean-up grace) if the job is cancelled meanwhile. */
  hold(work: Promise<unknown>): void
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const

export function watchCancellation(options: CancellationOptions): Cancellation {
  const controller = new AbortController()
  const signals = options.signals ?? process
  const exit = options.exit ?? ((code: number) => process.exit(code))
  let state: 'running' | 'publishing' | 'done' = 'running'
  let timer: NodeJS.Timeout | undefined
  let first = ''
  let firstAt = 0
  let pending = 0

  const stopNow = (why: string): void => {
    if (timer) clearTimeout(timer)
    if (state !== 'done') {
      options.publishFallback(`the job was cancelled (${first}) and ${why}; nothing more was checked`)
    }
    exit(1)
  }
  const onSignal = (name: string): void => {
    if (controller.signal.aborted) {
      stopNow(`${name} followed before the run had reported`)
      return
    }
    first = name
    firstAt = Date.now()
    options.log.warning(`deploy-guard received ${name}: stopping and reporting what was checked so far`)
    controller.abort()
    const graceMs = options.graceMs ?? CANCEL_GRACE_MS
    const cleanupGraceMs = Math.max(graceMs, options.cleanupGraceMs ?? CLEANUP_GRACE_MS)
    const onGraceOver = (): void => {
      // Already publishing: let it finish (it only writes files); a second signal still cuts it short.
      if (state !== 'running') return
      const left = firstAt + cleanupGraceMs - Date.now()
      if (pending > 0 && left > 0) {
        timer = setTimeout(onGraceOver, Math.min(left, 100))
        return
      }
      stopNow(
        pending > 0
          ? `its clean-up did not finish within ${cleanupGraceMs / 1000} s`
          : `the run did not stop within ${graceMs / 1000} s`
      )
    }
    timer = setTimeout(onGraceOver, graceMs)
  }
  const handlers = SIGNALS.map((name) => [name, () => onSignal(name)] as const)
  for (const [name, handler] of handlers) signals.on(name, handler)

  return {
    signal: controller.signal,
    publishing: () => {
      if (state === 'running') state = 'publishing'
    },
    hold: (work) => {
      pending++
      const settle = (): void => {
        pending--
      }
      work.then(settle, settle)
    },
    done: () => {
      state = 'done'
      if (timer) clearTimeout(timer)
      for (const [name, handler] of handlers) signals.removeListener(name, handler)
    }
  }
}
