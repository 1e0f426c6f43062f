/**
 * Verifies every target of a run, a few at a time (`verify.concurrency`, default 8). Each target gets
 * the whole `verify.timeout` from its own start, so a slow target neither starves the others nor eats
 * the time of the ones queued behind it; cancellation still stops them all. Targets that share a
 * namespace share its LISTs (namespace-cache.ts). Results come back in config order.
 *
 * Log: with one target at a time each target's lines stream live inside its group, as before. With
 * several at a time each target's lines are held and printed as one group when it finishes, so groups
 * never interleave (the run's log stays readable with 200 targets); the summary keeps config order.
 * Meanwhile a line every 30 s names the targets still being verified, so a long wait is not silent.
 */
import type { KubeApi } from '../kube/api.js'
import type { VerifyConfig } from '../config/types.js'
import type { TargetRef, TargetResult } from '../model/result.js'
import { ROLLOUT_LOOKBACK_MS } from '../evaluate/events.js'
import { mapBounded } from '../util/bounded-map.js'
import { SharedNamespaceLists, sharedGetKey } from './namespace-cache.js'
import { verifyWorkload } from './workload.js'

const DEFAULT_VERIFY_CONCURRENCY = 8

/** A namespace-wide LIST is reused for at most this long (and at most half the poll interval). */
const SHARED_LIST_TTL_MS = 1000

export interface VerifyTargetsContext {
  log(line: string): void
  group<T>(title: string, fn: () => Promise<T>): Promise<T>
  signal: AbortSignal
  now?: () => number
  /** How often the targets still running are named while several run at once (default 30 s). */
  stillRunningEveryMs?: number
}

const STILL_RUNNING_EVERY_MS = 30_000
const STILL_RUNNING_NAMED = 5

export async function verifyTargets(
  api: KubeApi,
  refs: readonly TargetRef[],
  config: VerifyConfig,
  startedAt: Date,
  ctx: VerifyTargetsContext
): Promise<TargetResult[]> {
  const now = ctx.now ?? Date.now
  const concurrency = Math.max(1, Math.min(config.concurrency ?? DEFAULT_VERIFY_CONCURRENCY, refs.length))
  const apiFor = targetApis(api, refs, config, concurrency, startedAt, now)
  const verifyOne = (ref: TargetRef, log: (line: string) => void): Promise<TargetResult> =>
    verifyWorkload(apiFor(), ref, config, { startedAt, timeoutFrom: new Date(now()), log, signal: ctx.signal, now })

  if (concurrency === 1) {
    const results: TargetResult[] = []
    for (const ref of refs) results.push(await ctx.group(groupTitle(ref), () => verifyOne(ref, ctx.log)))
    return results
  }

  ctx.log(`verifying ${refs.length} targets, ${concurrency} at a time; each target's log follows when it finishes`)
  // One group at a time: core.group awaits between opening and closing, so two finishing targets
  // could otherwise open their groups inside each other.
  let printed: Promise<unknown> = Promise.resolve()
  const running = new Set<number>()
  // Between groups only: a timer cannot fire inside one, since printing a group never waits on I/O.
  const reporter = setInterval(() => {
    const names = [...running].sort((a, b) => a - b).map((i) => targetLabel(refs[i]!))
    const more = names.length > STILL_RUNNING_NAMED ? ` and ${names.length - STILL_RUNNING_NAMED} more` : ''
    ctx.log(
      `still verifying ${names.length} of ${refs.length} targets: ${names.slice(0, STILL_RUNNING_NAMED).join(', ')}${more}`
    )
  }, ctx.stillRunningEveryMs ?? STILL_RUNNING_EVERY_MS)
  try {
    return await mapBounded(refs, concurrency, async (ref, index) => {
      running.add(index)
      const lines: string[] = []
      const result = await verifyOne(ref, (line) => lines.push(line)).finally(() => running.delete(index))
      const print = printed.then(() =>
        ctx.group(groupTitle(ref), async () => {
          for (const line of lines) ctx.log(line)
        })
      )
      printed = print.catch(() => undefined)
      await print
      return result
    })
  } finally {
    clearInterval(reporter)
  }
}

const targetLabel = (ref: TargetRef): string => `${ref.kind.toLowerCase()}/${ref.name} in ${ref.namespace}`
const groupTitle = (ref: TargetRef): string => `verify ${targetLabel(ref)}`

/** The client each target uses: a shared-LIST view where its namespace has other targets, else `api`. */
function targetApis(
  api: KubeApi,
  refs: readonly TargetRef[],
  config: VerifyConfig,
  concurrency: number,
  startedAt: Date,
  now: () => number
): () => KubeApi {
  // One at a time, targets never overlap in a poll round: a namespace-wide LIST would only cost bytes.
  if (concurrency === 1) return () => api
  const perNamespace = new Map<string, number>()
  const perKind = new Map<string, number>()
  for (const ref of refs) {
    perNamespace.set(ref.namespace, (perNamespace.get(ref.namespace) ?? 0) + 1)
    const key = sharedGetKey(ref.namespace, ref.kind)
    perKind.set(key, (perKind.get(key) ?? 0) + 1)
  }
  const several = (counts: Map<string, number>): Set<string> =>
    new Set([...counts].filter(([, n]) => n >= 2).map(([key]) => key))
  const namespaces = new Map(
    [...perNamespace].filter(([, n]) => n >= 2).map(([ns, n]) => [ns, Math.min(n, concurrency)])
  )
  if (namespaces.size === 0) return () => api
  const lists = new SharedNamespaceLists(api, {
    namespaces,
    sharedGets: several(perKind),
    // Below the poll interval, so a target's next poll never reuses the LIST of its previous one.
    ttlMs: Math.min(SHARED_LIST_TTL_MS, config.pollInterval / 2),
    // The bound every target's gather passes (verifyWorkload: startedAt - ROLLOUT_LOOKBACK_MS).
    eventsNotBefore: new Date(startedAt.getTime() - ROLLOUT_LOOKBACK_MS),
    now
  })
  return () => lists.forTarget()
}
