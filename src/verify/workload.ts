/**
 * Verifies one target: wait for the rollout (kubectl rollout status semantics, fail-fast pod signals),
 * then gather one full snapshot and judge it with the pure workload checks. Custom resources are
 * judged by kstatus. API failures make the rows inconclusive, never passed or failed.
 */
import { sleep } from '../util/sleep.js'
import { workloadRevisions } from '../kube/history/identity.js'
import { inferPreRolloutRevision } from '../decide/pre-rollout.js'
import { detectManager } from '../kube/workload/management.js'
import { formatDuration } from '../util/duration-text.js'
import { KubeRequestAbortedError, type KubeApi, type KubeObject } from '../kube/api.js'
import { withDeadline } from '../kube/deadline-api.js'
import type { VerifyConfig } from '../config/types.js'
import type { TargetRef, TargetResult } from '../model/result.js'
import { statusViewerFor, type StatusViewer } from '../kube/status/index.js'
import { templateImages } from '../kube/workload/template.js'
import { gatherWorkload, restartBaseline } from '../kube/gather.js'
import { ROLLOUT_LOOKBACK_MS, rolloutSince } from '../evaluate/events.js'
import { evaluateWorkload } from '../evaluate/workload-checks.js'
import { previousRevision } from '../kube/history/previous.js'
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
  /** When the verify began: it bounds "since the rollout began" (events, restarts, pre-rollout revision). */
  startedAt: Date
  /**
   * When this target's own verification began (default `startedAt`): its timeout runs from here, so a
   * target that waited its turn behind others still gets the whole timeout.
   */
  timeoutFrom?: Date
  log: (line: string) => void
  sleep?: (ms: number) => Promise<void>
  now?: () => number
  /** Aborted when the job is cancelled: waiting stops and every row becomes inconclusive. */
  signal?: AbortSignal
}

/** Thrown out of a wait when the run is cancelled; never escapes verifyWorkload. */
class CancelledError extends Error {}

/**
 * Every request of a verify is held to the verify timeout and the run's cancel signal (see
 * kube/deadline-api.ts). A call made at or after the deadline still gets a floor: the wait's last poll
 * happens right at the deadline, and the snapshot of a timed-out rollout is taken after it (its LISTs
 * may page through many events). The floors bound how far past the timeout a stalled API keeps a verify.
 */
const LAST_POLL_FLOOR_MS = 2000
const SNAPSHOT_FLOOR_MS = 5000

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
    timeoutFrom: options.timeoutFrom ?? options.startedAt,
    signal,
    // Every wait goes through here, so a cancellation ends it at once, wherever it is.
    sleep: async (ms: number) => {
      await baseSleep(ms)
      if (signal.aborted) throw new CancelledError('cancelled')
    }
  }
  const kind = statusViewerFor(ref.kind, ref.apiVersion)
  const at = opts.timeoutFrom.getTime() + config.timeout
  const phaseApi = (floorMs: number) => withDeadline(api, { at, now: opts.now, signal, floorMs })
  try {
    return kind
      ? await verifyBuiltin(phaseApi, ref, kind, config, opts)
      : await verifyCustomResource(phaseApi(LAST_POLL_FLOOR_MS), ref, config, opts)
  } catch (error) {
    if (error instanceof CancelledError || signal.aborted) {
      const waited = Math.round((opts.now() - opts.timeoutFrom.getTime()) / 1000)
      return uncheckedResult(
        ref,
        `the run was cancelled after ${waited}s, before the rollout could be judged`,
        kind !== undefined
      )
    }
    if (error instanceof KubeRequestAbortedError) {
      // The API did not answer within the verify timeout: nothing could be judged, so inconclusive
      // (unlike a rollout seen not finishing in time, which kubectl calls failed).
      const reason = `${error.message}: the verify timeout (${formatDuration(config.timeout)}) ran out`
      opts.log(`${ref.kind}/${ref.name}: ${reason}`)
      return uncheckedResult(ref, reason, kind !== undefined)
    }
    if (isKubeApiError(error)) {
      opts.log(`${ref.kind}/${ref.name}: ${error.message}`)
      return inconclusiveResult(ref, error, api.server, kind !== undefined)
    }
    throw error
  }
}

/** `phaseApi(floor)`: the client held to the verify deadline, a call after it getting `floor`. */
async function verifyBuiltin(
  phaseApi: (floorMs: number) => KubeApi,
  ref: TargetRef,
  kind: StatusViewer,
  config: VerifyConfig,
  opts: Required<VerifyWorkloadOptions>
): Promise<TargetResult> {
  const api = phaseApi(LAST_POLL_FLOOR_MS)
  const object = await api.get(kind.resource, ref.namespace, ref.name)
  if (!object) return notFoundResult(api, ref, kind.resource)
  const baseline = await restartBaseline(api, kind, object)
  const wait = await waitForRollout({
    api,
    kind,
    object,
    settings: config,
    // The wait's clock (deadline, elapsed time) is this target's own.
    startedAt: opts.timeoutFrom,
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
  const snapshot = await gatherWorkload(phaseApi(SNAPSHOT_FLOOR_MS), ref, kind, {
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
  // What a rollback needs to know later: the state judged, and the revision live before this rollout.
  const revisions = workloadRevisions(kind.kind, snapshot.object, snapshot.owned)
  const preRollout = inferPreRolloutRevision({
    current: revisions.current,
    history: revisions.history,
    verifyStartedAt: opts.startedAt,
    lookbackMs: ROLLOUT_LOOKBACK_MS
  })
  return {
    ref,
    revision: snapshot.revision?.revision || undefined,
    images: templateImages(snapshot.object),
    previous: previousRevision(kind.kind, snapshot.owned, snapshot.revision?.revision),
    rolloutStartedAt: since.toISOString(),
    judged: revisions.state,
    managedBy: deploymentMethod(snapshot.object),
    ...(preRollout ? { preRollout } : {}),
    checks
  }
}

/** The deployment method as the record shows it: `helm` (release api), `argocd` (application api), … */
function deploymentMethod(object: KubeObject): NonNullable<TargetResult['managedBy']> {
  const m = detectManager(object)
  switch (m.managedBy) {
    case 'helm':
      return { tool: 'helm', detail: `Helm release ${m.release}` }
    case 'argocd':
      return { tool: 'argocd', detail: `Argo CD application ${m.application}` }
    case 'flux':
      return { tool: 'flux', detail: `Flux ${m.kind} ${m.name}` }
    default:
      return { tool: 'kubectl', detail: 'kubectl (no GitOps or Helm manager detected)' }
  }
}
