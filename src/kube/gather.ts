/**
 * Gathering for workload verification (I/O). Returns plain data. Requests stay few: LISTs grow with
 * pages (500 items each), never with pods; the only per-pod requests are a bounded number of log tails.
 * The workload and its pods are required; Services, EndpointSlices, Endpoints, events and logs are
 * optional sources: one that fails on its own (e.g. a 403 on events) is recorded in `unavailable`, so
 * only the rows that need it become inconclusive.
 */
import { KubeApiError, KubeRequestAbortedError, type KubeApi, type KubeObject } from './api.js'
import { apiFailureReason } from './failure-reason.js'
import type { StatusViewer, RevisionInfo } from './status/types.js'
import { historyViewer } from './history/index.js'
import { podControlledBy } from './workload/ownership.js'
import { selectorOf, templateLabels } from './workload/template.js'
import { RESOURCES } from './resources.js'
import type { EndpointSlice, Endpoints, KubeEvent, Pod, Service } from '../evaluate/k8s-types.js'
import { eventLastSeen } from '../evaluate/events.js'
import { crashedContainer, podHealth } from '../evaluate/pod-signals.js'
import { serviceSelects, selectorToString } from '../evaluate/selector.js'
import type { PodLog, RestartBaseline, SnapshotSource, WorkloadSnapshot } from '../evaluate/snapshot.js'
import type { TargetRef } from '../model/result.js'

export interface GatherOptions {
  /** Crashed containers whose previous log is fetched (default 3). */
  maxLogs?: number
  /** Lines of each previous log (default 20). */
  logTailLines?: number
  /** The workload, its history and current pods from a poll that just happened; not listed again. */
  state?: RevisionState
  /**
   * Warning events last seen before this are dropped while paging (no check can count them: "since
   * the rollout began" is never earlier). Keeps a namespace with thousands of old events cheap.
   */
  eventsNotBefore?: Date
}

export interface RevisionState {
  object: KubeObject
  owned: KubeObject[]
  revision?: RevisionInfo
  pods: Pod[]
  /** The workload's pods of other revisions, only gathered when they can block the rollout (olderPodsBlock). */
  olderPods?: Pod[]
}

/** The workload's history objects, its current revision and that revision's pods (2+ LISTs). */
export async function gatherRevision(
  api: KubeApi,
  kind: StatusViewer,
  object: KubeObject,
  known?: { owned: KubeObject[]; revision?: RevisionInfo }
): Promise<RevisionState> {
  const namespace = object.metadata.namespace
  const owned =
    known?.owned ??
    (await api.list(historyViewer(kind.kind).resource, namespace, {
      labelSelector: selectorToString(selectorOf(object))
    }))
  const revision = known ? known.revision : kind.currentRevision({ object, owned })
  if (!revision) return { object, owned, revision, pods: [] }
  if (kind.olderPodsBlock?.(object)) {
    // Still one LIST: every pod of the workload, split by revision.
    const all = await api.list<Pod>(RESOURCES.Pod, namespace, {
      labelSelector: selectorToString(selectorOf(object))
    })
    const pods = all.filter((p) => kind.ownsPod(object, revision, p))
    const olderPods = all.filter(
      (p) =>
        !pods.includes(p) &&
        podControlledBy(p, { kind: kind.kind, name: object.metadata.name, uid: object.metadata.uid })
    )
    return { object, owned, revision, pods, olderPods }
  }
  const pods = await api.list<Pod>(RESOURCES.Pod, namespace, {
    labelSelector: kind.podSelectorForRevision(object, revision)
  })
  return { object, owned, revision, pods: pods.filter((p) => kind.ownsPod(object, revision, p)) }
}

/** restartCount of every pod the workload selects right now (all revisions), for "restarts since". */
// `_kind` is unused since the selector comes from the object itself; kept so callers need not change.
export async function restartBaseline(api: KubeApi, _kind: StatusViewer, object: KubeObject): Promise<RestartBaseline> {
  const pods = await api.list<Pod>(RESOURCES.Pod, object.metadata.namespace, {
    labelSelector: selectorToString(selectorOf(object))
  })
  const baseline: RestartBaseline = {}
  for (const pod of pods) {
    if (!pod.metadata.uid) continue
    const counts: Record<string, number> = {}
    for (const s of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])])
      counts[s.name] = s.restartCount ?? 0
    baseline[pod.metadata.uid] = counts
  }
  return baseline
}

/** Previous logs of up to `max` crashed containers, pods with failure signals first. */
async function crashLogs(
  api: KubeApi,
  namespace: string,
  pods: Pod[],
  max: number,
  tailLines: number,
  optional: OptionalRead
): Promise<PodLog[]> {
  const candidates = pods
    .map(podHealth)
    .map((h) => ({ h, container: crashedContainer(h) }))
    .filter((c): c is { h: ReturnType<typeof podHealth>; container: string } => c.container !== undefined)
    .sort((a, b) => b.h.signals.length - a.h.signals.length)
    .slice(0, max)
  return Promise.all(
    candidates.map(async ({ h, container }) => {
      const log = await optional('logs', api.podLog(namespace, h.name, { container, previous: true, tailLines }))
      return 'unavailable' in log
        ? { pod: h.name, container, text: '', unavailable: log.unavailable }
        : { pod: h.name, container, text: log.value }
    })
  )
}

/** A read of an optional source: its value, or why it could not be read. */
type OptionalRead = <T>(source: SnapshotSource, request: Promise<T>) => Promise<{ value: T } | { unavailable: string }>

/**
 * Failures of one optional source that leave the rest of the snapshot meaningful: no permission (403),
 * a resource the server does not serve (404), a server error after retries, an answer too large.
 * Anything that says the whole API is out of reach (401, TLS, unreachable) or that the run stopped
 * (cancel, deadline) still ends the whole gather.
 */
function isSourceFailure(error: unknown): error is KubeApiError {
  if (!(error instanceof KubeApiError) || error instanceof KubeRequestAbortedError) return false
  return !['unauthorized', 'unreachable', 'tls'].includes(error.reason)
}

function optionalReads(api: KubeApi, unavailable: Partial<Record<SnapshotSource, string>>): OptionalRead {
  return async (source, request) => {
    try {
      return { value: await request }
    } catch (error) {
      if (!isSourceFailure(error)) throw error
      const reason = apiFailureReason(error, api.server)
      unavailable[source] ??= reason
      return { unavailable: reason }
    }
  }
}

const valueOr = <T>(read: { value: T } | { unavailable: string }, fallback: T): T =>
  'value' in read ? read.value : fallback

const recentEvent =
  (notBefore: number) =>
  (event: KubeEvent): boolean => {
    const seen = eventLastSeen(event)
    // An event without any time is kept: the evaluator decides, never silently dropped here.
    return seen === undefined || Date.parse(seen) >= notBefore - 1000
  }

/** Everything the workload checks read, gathered once after the wait. */
export async function gatherWorkload(
  api: KubeApi,
  ref: TargetRef,
  kind: StatusViewer,
  options: GatherOptions = {}
): Promise<WorkloadSnapshot> {
  const namespace = ref.namespace
  const fresh = async (): Promise<RevisionState> => {
    const object = await api.get(kind.resource, namespace, ref.name)
    if (!object)
      throw new KubeApiError(
        `${kind.kind.toLowerCase()} "${ref.name}" not found in namespace "${namespace}"`,
        'not-found',
        404,
        'get',
        kind.resource.resource
      )
    return gatherRevision(api, kind, object)
  }
  const unavailable: Partial<Record<SnapshotSource, string>> = {}
  const optional = optionalReads(api, unavailable)
  const [state, servicesRead, slicesRead, eventsRead] = await Promise.all([
    options.state ? Promise.resolve(options.state) : fresh(),
    optional('services', api.list<Service>(RESOURCES.Service, namespace)),
    optional('endpointSlices', api.list<EndpointSlice>(RESOURCES.EndpointSlice, namespace)),
    optional(
      'events',
      api.list<KubeEvent>(RESOURCES.Event, namespace, {
        fieldSelector: 'type=Warning',
        keep: options.eventsNotBefore ? recentEvent(options.eventsNotBefore.getTime()) : undefined
      })
    )
  ])
  const services = valueOr(servicesRead, [] as Service[])
  const endpointSlices = valueOr(slicesRead, [] as EndpointSlice[])
  const labels = templateLabels(state.object)
  const sliced = new Set(endpointSlices.map((s) => s.metadata.labels?.['kubernetes.io/service-name']))
  // Without EndpointSlices (none for a Service, or none readable) the legacy Endpoints say the same.
  const unsliced = services.some((s) => serviceSelects(s.spec?.selector, labels) && !sliced.has(s.metadata.name))
  const [endpointsRead, logs] = await Promise.all([
    unsliced
      ? optional('endpoints', api.list<Endpoints>(RESOURCES.Endpoints, namespace))
      : { value: [] as Endpoints[] },
    crashLogs(api, namespace, state.pods, options.maxLogs ?? 3, options.logTailLines ?? 20, optional)
  ])
  return {
    ref,
    object: state.object,
    owned: state.owned,
    revision: state.revision,
    pods: state.pods,
    services,
    endpointSlices,
    endpoints: valueOr(endpointsRead, [] as Endpoints[]),
    events: valueOr(eventsRead, [] as KubeEvent[]),
    logs,
    ...(Object.keys(unavailable).length > 0 ? { unavailable } : {}),
    takenAt: new Date().toISOString()
  }
}
