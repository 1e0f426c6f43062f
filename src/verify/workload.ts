/**
 * Verifies one target: wait for the rollout (kubectl rollout status semantics, fail-fast pod signals),
 * then gather one full snapshot and judge it with the pure workload checks. Custom resources are
 * judged by kstatus. API failures make the rows inconclusive, never passed or failed.
 */
import { sleep } from '../util/sleep.js'
import type { KubeApi } from '../kube/api.js'
import type { VerifyConfig } from '../config/types.js'
import type { TargetRef, TargetResult } from '../model/result.js'
import { workloadKind, type WorkloadKind } from '../kube/kinds/index.js'
import { gatherWorkload, restartBaseline } from '../kube/gather.js'
import { ROLLOUT_LOOKBACK_MS, rolloutSince } from '../evaluate/events.js'
import { evaluateWorkload } from '../evaluate/workload-checks.js'
import { previousRevision } from '../kube/kinds/history.js'
import { verifyCustomResource } from './workload-custom.js'
import {
  inconclusiveResult,
  isKubeApiError,
  notFoundResult,
  targetMissingResult,
  uncheckedResult
} from './workload-results.js'
import { waitForRollout } from './workload-wait.js'

export interface VerifyWorkloadOptions {
  /** When the verify began: the timeout runs from here, and it bounds "since the rollout began". */
  startedAt: Date
  log: (line: string) => void
  sleep?: (ms: number) => Promise<void>
  now?: () => number
  /** Aborted when the job is cancelled: waiting stops and every row becomes inconclusive. */
  signal?: AbortSignal
}

/** Thrown out of a wait when the run is cancelled; never escapes verifyWorkload. */
class CancelledError extends Error {}

export async function verifyWorkload(
  api: KubeApi,
  ref: TargetRef,
  config: VerifyConfig,
  options: VerifyWorkloadOptions
): Promise<TargetResult> {
  const signal = options.signal ?? new AbortController().signal
  const baseSleep = options.sleep ?? ((ms: number) => sleep(ms, signal))
  const opts: Required<VerifyWorkloadOptions> = {
    now: Date.now,
    ...options,
    signal,
    // Every wait goes through here, so a cancellation ends it at once, wherever it is.
    sleep: async (ms: number) => {
      await baseSleep(ms)
      if (signal.aborted) throw new CancelledError('cancelled')
    }
  }
  const kind = workloadKind(ref.kind, ref.apiVersion)
  try {
    return kind ? await verifyBuiltin(api, ref, kind, config, opts) : await verifyCustomResource(api, ref, config, opts)
  } catch (error) {
    if (error instanceof CancelledError) {
      const waited = Math.round((opts.now() - opts.startedAt.getTime()) / 1000)
      return uncheckedResult(
        ref,
        `the run was cancelled after ${waited}s, before the rollout could be judged`,
        kind !== undefined
      )
    }
    if (isKubeApiError(error)) {
      opts.log(`${ref.kind}/${ref.name}: ${error.message}`)
      return inconclusiveResult(ref, error, api.server, kind !== undefined)
    }
    throw error
  }
}

async function verifyBuiltin(
  api: KubeApi,
  ref: TargetRef,
  kind: WorkloadKind,
  config: VerifyConfig,
  opts: Required<VerifyWorkloadOptions>
): Promise<TargetResult> {
  const object = await api.get(kind.resource, ref.namespace, ref.name)
  if (!object) return notFoundResult(api, ref, kind.resource)
  const baseline = await restartBaseline(api, kind, object)
  const wait = await waitForRollout({
    api,
    kind,
    object,
    settings: config,
    startedAt: opts.startedAt,
    log: opts.log,
    sleep: opts.sleep,
    now: opts.now
  })
  if ('end' in wait) {
    return targetMissingResult(
      ref,
      'deleted',
      `${kind.kind.toLowerCase()} "${ref.name}" was deleted while waiting for its rollout.`
    )
  }
  const snapshot = await gatherWorkload(api, ref, kind, {
    state: wait.state,
    eventsNotBefore: new Date(opts.startedAt.getTime() - ROLLOUT_LOOKBACK_MS)
  })
  const since = rolloutSince(opts.startedAt, snapshot.revision?.createdAt)
  const checks = evaluateWorkload({
    snapshot,
    kind,
    wait: wait.outcome,
    settings: config,
    since,
    restartBaseline: baseline
  })
  return {
    ref,
    revision: snapshot.revision?.revision || undefined,
    images: kind.templateImages(snapshot.object),
    previous: previousRevision(snapshot.owned, snapshot.revision?.revision),
    rolloutStartedAt: since.toISOString(),
    checks
  }
}
