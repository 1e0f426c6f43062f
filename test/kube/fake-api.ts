/** An in-memory KubeApi that behaves (stores objects, filters by simple selectors) for loop tests. */
import { KubeApiError, type KubeApi, type KubeObject, type ListOptions, type ResourceType } from '../../src/kube/api.js'
import { builtinResource } from '../../src/kube/resources.js'

const key = (type: ResourceType, namespace?: string) => `${type.apiVersion}/${type.resource}/${namespace ?? ''}`

function matches(labels: Record<string, string> | undefined, selector?: string): boolean {
  if (!selector) return true
  return selector.split(',').every((part) => {
    const [k, v] = part.split('=')
    return labels?.[k as string] === v
  })
}

export class FakeKubeApi implements KubeApi {
  readonly server = 'https://fake.example:6443'
  requestCount = 0
  private readonly objects = new Map<string, Map<string, KubeObject>>()
  /** Called before every request; may throw to simulate failures. */
  onRequest: (verb: string, type: ResourceType) => void = () => {}

  put(type: ResourceType, obj: KubeObject): void {
    const k = key(type, obj.metadata.namespace)
    if (!this.objects.has(k)) this.objects.set(k, new Map())
    this.objects.get(k)!.set(obj.metadata.name, structuredClone(obj))
  }

  async resourceFor(kind: string, apiVersion?: string): Promise<ResourceType> {
    const found = builtinResource(kind, apiVersion)
    if (found) return found
    if (apiVersion) return { apiVersion, kind, resource: `${kind.toLowerCase()}s`, namespaced: true }
    throw new KubeApiError(`kind "${kind}" is not served`, 'not-found', 404, 'get', 'discovery')
  }

  async get<T extends KubeObject>(
    type: ResourceType,
    namespace: string | undefined,
    name: string
  ): Promise<T | undefined> {
    this.requestCount++
    this.onRequest('get', type)
    const obj = this.objects.get(key(type, namespace))?.get(name)
    return obj ? (structuredClone(obj) as T) : undefined
  }

  async list<T extends KubeObject>(
    type: ResourceType,
    namespace: string | undefined,
    options: ListOptions = {}
  ): Promise<T[]> {
    this.requestCount++
    this.onRequest('list', type)
    const all = [...(this.objects.get(key(type, namespace))?.values() ?? [])]
    return all
      .filter((o) => matches(o.metadata.labels, options.labelSelector))
      .filter(
        (o) =>
          !options.fieldSelector ||
          options.fieldSelector !== 'type=Warning' ||
          (o as { type?: string }).type === 'Warning'
      )
      .map((o) => structuredClone(o) as T)
  }

  async podLog(): Promise<string> {
    this.requestCount++
    return 'log line\n'
  }

  async patch<T extends KubeObject>(): Promise<T> {
    throw new Error('not used')
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
