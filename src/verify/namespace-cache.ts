/**
 * One namespace-wide LIST per poll round instead of one LIST per target, where several targets of a
 * verify share a namespace. A KubeApi view per target answers its selector LISTs (pods, ReplicaSets,
 * Services, EndpointSlices, Warning events) and, for kinds with several targets in the namespace, its
 * GETs, by filtering a namespace-wide LIST that any target started less than `ttlMs` ago.
 *
 * Rules that keep each target's view as correct as its own requests would be:
 * - Only namespaces with two or more targets are shared: a lone target makes exactly the requests it
 *   made before (a namespace-wide LIST would cost it bytes and save nothing). A namespace-wide LIST
 *   that takes more pages than there are targets to share it (two targets among 5,000 pods) is not
 *   worth it either: after the first such LIST, that resource in that namespace goes direct.
 * - A target never reads older data than it already read: a cached LIST is reused only when it was
 *   started no earlier than everything this target read before (its watermark). So pods are never
 *   older than the Deployment status they are judged with, and a poll after a sleep never sees the
 *   data of the poll before it (the TTL is shorter than the poll interval, too).
 * - A selector this module does not understand, a LIST with `keep` on anything but events, or a
 *   namespace-wide LIST the client refuses as too large goes to the API server as asked.
 * - Warning events are listed with the run's earliest "since the deploy began" bound; each target's
 *   own `keep` then applies on top, so a target sees exactly the events its own LIST would have kept
 *   as long as its bound is not earlier than the run's (verify passes the run's start to every target).
 * - Served objects are copies: no target can change what another one reads.
 * - Waiting for a LIST another target started still ends at this target's deadline or cancellation;
 *   the LIST itself runs on the run's client (cancelled with the run, never by one target's deadline).
 */
import { KubeApiError, type KubeApi, type KubeObject, type ListOptions, type ResourceType } from '../kube/api.js'
import { errorForAbort } from '../kube/errors.js'
import { labelSelectorPredicate } from '../kube/label-selector-text.js'
import { groupOf } from '../kube/resources.js'
import { eventLastSeen } from '../evaluate/events.js'
import type { KubeEvent } from '../evaluate/k8s-types.js'

export interface SharedListsOptions {
  /**
   * Namespaces with two or more targets, each with how many of them may read it at once (its targets,
   * at most the run's concurrency): a namespace-wide LIST of more pages than that saves nothing.
   */
  namespaces: ReadonlyMap<string, number>
  /** `sharedGetKey(namespace, kind)` for kinds with two or more targets in a namespace. */
  sharedGets: ReadonlySet<string>
  /** How long a namespace-wide LIST may be reused (keep it below the poll interval). */
  ttlMs: number
  /** Warning events last seen before this are dropped while paging, as each target's gather does. */
  eventsNotBefore: Date
  now?: () => number
}

export const sharedGetKey = (namespace: string, kind: string): string => `${namespace}\u0000${kind.toLowerCase()}`

interface SharedList {
  startedAt: number
  items: Promise<KubeObject[]>
}

/** Per target: the start time of the newest data it has read. */
interface Watermark {
  at: number
}

const EVENTS = 'events'
/** The client's page size for LISTs (KubeApi ListOptions.pageSize default). */
const PAGE_SIZE = 500

export class SharedNamespaceLists {
  private readonly lists = new Map<string, SharedList>()
  /** `namespace/resource` pairs whose namespace-wide LIST proved larger than sharing it saves. */
  private readonly direct = new Set<string>()
  private readonly now: () => number

  constructor(
    private readonly api: KubeApi,
    private readonly options: SharedListsOptions
  ) {
    this.now = options.now ?? Date.now
  }

  /** A KubeApi for one target (its own watermark); everything not shared goes to `api` unchanged. */
  forTarget(): KubeApi {
    return this.view(this.api, { at: Number.NEGATIVE_INFINITY }, undefined)
  }

  private view(direct: KubeApi, watermark: Watermark, signal: AbortSignal | undefined): KubeApi {
    const overrides: Partial<KubeApi> = {
      get: <T extends KubeObject>(type: ResourceType, namespace: string | undefined, name: string) =>
        this.get<T>(direct, watermark, signal, type, namespace, name),
      list: <T extends KubeObject>(type: ResourceType, namespace: string | undefined, options?: ListOptions<T>) =>
        this.list<T>(direct, watermark, signal, type, namespace, options ?? {}),
      withSignal: (scope: AbortSignal) =>
        this.view(direct.withSignal(scope), watermark, signal ? AbortSignal.any([signal, scope]) : scope)
    }
    // A Proxy rather than a literal that names every method: KubeApi grows (create, detachedFromRun,
    // …) and whatever this view does not share must reach the client unchanged, requestCount included.
    return new Proxy(direct, {
      get: (target, property) => {
        if (typeof property === 'string' && property in overrides) return overrides[property as keyof KubeApi]
        // Getters (requestCount) and methods run against the client itself, not the proxy.
        const value: unknown = Reflect.get(target, property, target)
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
      }
    })
  }

  private async get<T extends KubeObject>(
    direct: KubeApi,
    watermark: Watermark,
    signal: AbortSignal | undefined,
    type: ResourceType,
    namespace: string | undefined,
    name: string
  ): Promise<T | undefined> {
    if (
      !namespace ||
      !type.namespaced ||
      !this.options.sharedGets.has(sharedGetKey(namespace, type.kind)) ||
      this.direct.has(directKey(namespace, type))
    ) {
      return this.directly(watermark, () => direct.get<T>(type, namespace, name))
    }
    const items = await this.shared(watermark, signal, type, namespace, undefined, 'get')
    if (!items) return this.directly(watermark, () => direct.get<T>(type, namespace, name))
    const found = items.find((o) => o.metadata.name === name)
    return found ? (structuredClone(found) as T) : undefined
  }

  private async list<T extends KubeObject>(
    direct: KubeApi,
    watermark: Watermark,
    signal: AbortSignal | undefined,
    type: ResourceType,
    namespace: string | undefined,
    options: ListOptions<T>
  ): Promise<T[]> {
    const matches = labelSelectorPredicate(options.labelSelector)
    const events = type.resource === EVENTS && type.apiVersion === 'v1'
    const shareable =
      namespace !== undefined &&
      type.namespaced &&
      this.options.namespaces.has(namespace) &&
      !this.direct.has(directKey(namespace, type)) &&
      matches !== undefined &&
      // Events are shared only with a `keep` (the since-bound, applied on top of the run's); other
      // kinds only without one, because the namespace-wide LIST is held whole.
      (events ? options.keep !== undefined : options.keep === undefined)
    const items = shareable
      ? await this.shared(watermark, signal, type, namespace, options.fieldSelector, 'list')
      : undefined
    if (!items || !matches) return this.directly(watermark, () => direct.list<T>(type, namespace, options))
    const keep = options.keep
    return items
      .filter((o) => matches(o.metadata.labels) && (!keep || keep(o as T)))
      .map((o) => structuredClone(o) as T)
  }

  /** A request made as asked; the watermark moves to when it started. */
  private async directly<R>(watermark: Watermark, request: () => Promise<R>): Promise<R> {
    const startedAt = this.now()
    const result = await request()
    watermark.at = Math.max(watermark.at, startedAt)
    return result
  }

  /**
   * The namespace-wide LIST of `type` (with `fieldSelector`), reused when fresh enough for this target
   * or started now; undefined when the client refused it as too large (the caller asks directly).
   */
  private async shared(
    watermark: Watermark,
    signal: AbortSignal | undefined,
    type: ResourceType,
    namespace: string,
    fieldSelector: string | undefined,
    verb: 'get' | 'list'
  ): Promise<KubeObject[] | undefined> {
    const key = `${directKey(namespace, type)}\u0000${fieldSelector ?? ''}`
    const now = this.now()
    let entry = this.lists.get(key)
    if (!entry || now - entry.startedAt >= this.options.ttlMs || entry.startedAt < watermark.at) {
      entry = { startedAt: now, items: this.listNamespace(type, namespace, fieldSelector) }
      this.lists.set(key, entry)
      const started = entry
      started.items.then(
        (items) => {
          // Events are one namespace-wide LIST for every target anyway; other kinds replace one
          // selector LIST a target, so more pages than targets to share them is a loss.
          const sharers = this.options.namespaces.get(namespace) ?? 0
          if (type.resource !== EVENTS && Math.ceil(items.length / PAGE_SIZE) > sharers)
            this.direct.add(directKey(namespace, type))
        },
        // A failed LIST is not reused; every waiter sees the failure once (caught below).
        () => {
          if (this.lists.get(key) === started) this.lists.delete(key)
        }
      )
    }
    try {
      const items = await untilAborted(entry.items, signal, () =>
        errorForAbort(signal!, {
          verb,
          resource: type.resource,
          group: groupOf(type.apiVersion),
          namespace,
          server: this.api.server
        })
      )
      watermark.at = Math.max(watermark.at, entry.startedAt)
      return items
    } catch (error) {
      if (error instanceof KubeApiError && error.reason === 'too-large') return undefined
      throw error
    }
  }

  private listNamespace(
    type: ResourceType,
    namespace: string,
    fieldSelector: string | undefined
  ): Promise<KubeObject[]> {
    const notBefore = this.options.eventsNotBefore.getTime()
    const recent = (event: KubeEvent): boolean => {
      const seen = eventLastSeen(event)
      // The same bound gather.ts applies (a second of clock skew allowed; no time: kept).
      return seen === undefined || Date.parse(seen) >= notBefore - 1000
    }
    return this.api.list(type, namespace, {
      ...(fieldSelector ? { fieldSelector } : {}),
      ...(type.resource === EVENTS ? { keep: (o: KubeObject) => recent(o as unknown as KubeEvent) } : {})
    })
  }
}

const directKey = (namespace: string, type: ResourceType): string =>
  `${namespace}\u0000${type.apiVersion}/${type.resource}`

/** `promise`, or a rejection with `abortError()` as soon as `signal` aborts (the promise runs on). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, abortError: () => Error): Promise<T> {
  if (!signal) return promise
  if (signal.aborted) return Promise.reject(abortError())
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError())
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      }
    )
  })
}
