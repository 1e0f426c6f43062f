/**
 * The one in-memory KubeApi for unit tests. It behaves rather than records: objects are stored per
 * resource type, read back as copies, listed with the Kubernetes label-selector grammar (the sandbox's
 * parser), simple field selectors and `keep`, and PATCHed with the real semantics of each patch type —
 * JSON patch (fast-json-patch, the sandbox uses it too), JSON merge patch and strategic merge patch (the
 * sandbox's implementations) — including optimistic concurrency: a patch whose result carries a stale
 * metadata.resourceVersion fails with 409 Conflict, as on a real API server.
 */
import fjp from 'fast-json-patch'
import {
  KubeApiError,
  type DeleteOptions,
  type KubeApi,
  type KubeObject,
  type ListOptions,
  type LogOptions,
  type ResourceType
} from '../../src/kube/api.js'
import { builtinResource, qualifiedResource } from '../../src/kube/resources.js'
import { labelMatcher } from '../sandbox/api/selectors.js'
import { mergePatch } from '../sandbox/api/patch/merge.js'
import { strategicMergePatch, type JsonObject } from '../sandbox/api/patch/strategic.js'

type PatchType = 'json' | 'merge' | 'strategic'

/** One PATCH the fake accepted, for tests that check what was written. */
export interface RecordedPatch {
  type: ResourceType
  namespace: string | undefined
  name: string
  patchType: PatchType
  body: unknown
}

const typeKey = (type: ResourceType): string => `${type.apiVersion}/${type.resource}`

/** `a=b,c!=d,e==f` against dotted paths of the object (`type`, `involvedObject.name`, `metadata.name`). */
function fieldMatches(obj: KubeObject, selector: string | undefined): boolean {
  if (!selector) return true
  return selector.split(',').every((term) => {
    const match = /^([^!=]+)(==|!=|=)(.*)$/.exec(term.trim())
    if (!match) throw new KubeApiError(`invalid field selector "${term}"`, 'invalid', 400, 'list', 'fake')
    const [, path, op, wanted] = match as unknown as [string, string, string, string]
    let value: unknown = obj
    for (const part of path.trim().split('.')) value = (value as Record<string, unknown> | undefined)?.[part]
    const actual = value === undefined || value === null ? '' : String(value)
    return op === '!=' ? actual !== wanted : actual === wanted
  })
}

export class FakeKubeApi implements KubeApi {
  readonly server = 'https://fake.example:6443'
  requestCount = 0
  /** Every accepted PATCH, in order. */
  readonly patches: RecordedPatch[] = []
  /** Called before every request; may throw to simulate failures. */
  onRequest: (verb: string, type: ResourceType) => void = () => {}
  /** Text returned for pod logs. */
  logText = 'log line\n'
  private readonly objects = new Map<string, KubeObject[]>()
  private readonly failures = new Map<string, Error>()
  private version = 1000

  /** Stores (or replaces, by namespace and name) a copy of `obj`; a missing resourceVersion is assigned. */
  put(type: ResourceType, obj: KubeObject): void {
    const stored = structuredClone(obj)
    stored.metadata.resourceVersion ??= String(++this.version)
    const list = (this.objects.get(typeKey(type)) ?? []).filter((o) => !sameObject(o, stored))
    this.objects.set(typeKey(type), [...list, stored])
  }

  /** put() for several objects, chainable. */
  add(type: ResourceType, ...objs: KubeObject[]): this {
    for (const obj of objs) this.put(type, obj)
    return this
  }

  /** Every later call on this resource throws `error`. */
  failOn(type: ResourceType, error: Error): this {
    this.failures.set(typeKey(type), error)
    return this
  }

  /** The stored object itself (no request counted), for assertions. */
  stored<T extends KubeObject = KubeObject>(
    type: ResourceType,
    namespace: string | undefined,
    name: string
  ): T | undefined {
    const found = this.find(type, namespace, name)
    return found ? (structuredClone(found) as T) : undefined
  }

  async resourceFor(kind: string, apiVersion?: string): Promise<ResourceType> {
    const found = builtinResource(kind, apiVersion)
    if (found) return found
    if (apiVersion) return { apiVersion, kind, resource: `${kind.toLowerCase()}s`, namespaced: true }
    throw new KubeApiError(`kind "${kind}" is not served`, 'not-found', 404, 'get', 'discovery')
  }

  async get<T extends KubeObject = KubeObject>(
    type: ResourceType,
    namespace: string | undefined,
    name: string
  ): Promise<T | undefined> {
    this.request('get', type)
    const found = this.find(type, namespace, name)
    return found ? (structuredClone(found) as T) : undefined
  }

  async list<T extends KubeObject = KubeObject>(
    type: ResourceType,
    namespace: string | undefined,
    options: ListOptions<T> = {}
  ): Promise<T[]> {
    this.request('list', type)
    const labels = labelMatcher(options.labelSelector)
    return this.inNamespace(type, namespace)
      .filter((o) => labels(o.metadata.labels) && fieldMatches(o, options.fieldSelector))
      .map((o) => structuredClone(o) as T)
      .filter((o) => !options.keep || options.keep(o))
  }

  /** Signals are not modelled: the fake answers at once (KubeApi.withSignal, added by H2). */
  withSignal(): KubeApi {
    return this
  }

  detachedFromRun(): KubeApi {
    return this
  }

  /** Stores a new object (409 when the name is taken), assigning uid and resourceVersion like a server. */
  async create<T extends KubeObject = KubeObject>(
    type: ResourceType,
    namespace: string | undefined,
    body: KubeObject
  ): Promise<T> {
    this.request('create', type)
    const resource = qualifiedResource(type)
    const name = body.metadata.name
    if (this.find(type, namespace, name))
      throw new KubeApiError(`${resource} "${name}" already exists`, 'conflict', 409, 'create', resource)
    const created = structuredClone(body)
    created.metadata = { ...created.metadata, uid: `uid-${name}-${++this.version}`, generation: 1 }
    if (namespace !== undefined) created.metadata.namespace = namespace
    created.metadata.resourceVersion = String(++this.version)
    this.put(type, created)
    return structuredClone(created) as T
  }

  async podLog(_namespace: string, _pod: string, _options: LogOptions): Promise<string> {
    this.requestCount++
    return this.logText
  }

  async patch<T extends KubeObject = KubeObject>(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    body: unknown,
    patchType: PatchType
  ): Promise<T> {
    this.request('patch', type)
    const current = this.find(type, namespace, name)
    const resource = qualifiedResource(type)
    if (!current) {
      throw new KubeApiError(`${resource} "${name}" not found`, 'not-found', 404, 'patch', resource)
    }
    const patched = applyPatch(current, body, patchType, type.kind, resource)
    const wanted = patched.metadata?.resourceVersion
    if (wanted !== undefined && wanted !== current.metadata.resourceVersion) {
      throw new KubeApiError(
        `conflict: Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
        'conflict',
        409,
        'patch',
        resource
      )
    }
    if (patched.metadata?.name !== name) {
      throw new KubeApiError(
        `invalid request to patch ${resource} (422): name changed`,
        'invalid',
        422,
        'patch',
        resource
      )
    }
    if (JSON.stringify(patched.spec) !== JSON.stringify(current.spec) && current.metadata.generation !== undefined) {
      patched.metadata.generation = current.metadata.generation + 1
    }
    patched.metadata.resourceVersion = String(++this.version)
    this.put(type, patched)
    this.patches.push({ type, namespace, name, patchType, body: structuredClone(body) })
    return structuredClone(patched) as T
  }

  /** Records the delete and removes the object; a uid precondition that does not match is a 409, as on a server. */
  async delete(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    options: DeleteOptions = {}
  ): Promise<void> {
    this.request('delete', type)
    const current = this.find(type, namespace, name)
    if (!current) return
    const resource = qualifiedResource(type)
    if (options.uid && current.metadata.uid !== options.uid)
      throw new KubeApiError(
        `Precondition failed: UID in precondition: ${options.uid}, UID in object meta: ${current.metadata.uid ?? ''}`,
        'conflict',
        409,
        'delete',
        resource
      )
    const key = typeKey(type)
    this.objects.set(
      key,
      (this.objects.get(key) ?? []).filter((o) => o !== current)
    )
    this.deletes.push({ type, namespace, name })
  }

  /** Every delete, in order. */
  readonly deletes: Array<{ type: ResourceType; namespace: string | undefined; name: string }> = []

  private request(verb: string, type: ResourceType): void {
    this.requestCount++
    this.onRequest(verb, type)
    const failure = this.failures.get(typeKey(type))
    if (failure) throw failure
  }

  private inNamespace(type: ResourceType, namespace: string | undefined): KubeObject[] {
    return (this.objects.get(typeKey(type)) ?? []).filter(
      (o) => namespace === undefined || !type.namespaced || (o.metadata.namespace ?? '') === namespace
    )
  }

  private find(type: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.inNamespace(type, namespace).find((o) => o.metadata.name === name)
  }
}

const sameObject = (a: KubeObject, b: KubeObject): boolean =>
  a.metadata.name === b.metadata.name && (a.metadata.namespace ?? '') === (b.metadata.namespace ?? '')

function applyPatch(
  current: KubeObject,
  body: unknown,
  patchType: PatchType,
  kind: string,
  resource: string
): KubeObject {
  const invalid = (message: string, status = 422) =>
    new KubeApiError(
      `invalid request to patch ${resource} (${status}): ${message}`,
      'invalid',
      status,
      'patch',
      resource
    )
  const original = structuredClone(current) as unknown as JsonObject
  switch (patchType) {
    case 'json':
      if (!Array.isArray(body)) throw invalid('json patch must be a JSON array of operations', 400)
      try {
        return fjp.applyPatch(original, body as fjp.Operation[], true, false).newDocument as unknown as KubeObject
      } catch (error) {
        throw invalid((error as Error).message.split('\n')[0] ?? 'json patch failed')
      }
    case 'merge':
      return mergePatch(original, body as JsonObject) as unknown as KubeObject
    case 'strategic':
      try {
        return strategicMergePatch(original, body as JsonObject, kind) as unknown as KubeObject
      } catch (error) {
        throw invalid((error as Error).message)
      }
  }
}

/** A clock that only moves when the code under test sleeps. */
export function fakeClock(start = Date.parse('2024-05-01T12:00:00Z')) {
  let now = start
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms
    },
    advance: (ms: number) => {
      now += ms
    }
  }
}
