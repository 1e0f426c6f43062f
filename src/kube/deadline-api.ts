/**
 * A KubeApi held to a deadline: each call runs on a view (KubeApi.withSignal) that ends when the run
 * is cancelled or the deadline passes, so a request that never answers cannot outlast the caller's
 * timeout. A call started at or after the deadline still gets `floorMs`: a poll right at the deadline
 * (kubectl looks once more before giving up) and the snapshot of a rollout that timed out must be able
 * to finish. A stalled API therefore keeps the caller at most `floorMs` past its deadline.
 */
import type { KubeApi, KubeObject } from './api.js'
// setTimeout's ceiling (about 24.8 days); AbortSignal.timeout would clamp anything longer to 1 ms.
import { MAX_TIMER_MS } from '../util/sleep.js'

export interface Deadline {
  /** Epoch ms after which calls only get `floorMs`. */
  at: number
  /** The clock `at` is measured on (injectable for tests). */
  now: () => number
  /** The run's cancel signal. */
  signal: AbortSignal
  /** Time a call gets when the deadline is near or past. */
  floorMs: number
}

export function withDeadline(api: KubeApi, deadline: Deadline): KubeApi {
  const view = (): KubeApi => {
    const ms = Math.min(MAX_TIMER_MS, Math.max(deadline.floorMs, Math.round(deadline.at - deadline.now())))
    return api.withSignal(AbortSignal.any([deadline.signal, AbortSignal.timeout(ms)]))
  }
  return {
    server: api.server,
    get requestCount() {
      return api.requestCount
    },
    withSignal: (signal) => withDeadline(api.withSignal(signal), deadline),
    // Detached views keep only their own signal: the deadline is the run's, clean-up has its own.
    detachedFromRun: (signal) => api.detachedFromRun(signal),
    create: <T extends KubeObject>(...args: Parameters<KubeApi['create']>) => view().create<T>(...args),
    resourceFor: (kind, apiVersion) => view().resourceFor(kind, apiVersion),
    get: <T extends KubeObject>(...args: Parameters<KubeApi['get']>) => view().get<T>(...args),
    list: <T extends KubeObject>(...args: Parameters<KubeApi['list']>) => view().list<T>(...args),
    podLog: (...args) => view().podLog(...args),
    patch: <T extends KubeObject>(...args: Parameters<KubeApi['patch']>) => view().patch<T>(...args),
    delete: (...args) => view().delete(...args)
  }
}
