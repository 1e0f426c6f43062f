/** An in-memory KubeApi that behaves: returns stored objects, 404 → undefined, and can fail on demand. */
import type { KubeApi, KubeObject, ListOptions, ResourceType } from '../../src/kube/api.js'

function key(type: ResourceType): string {
  return `${type.apiVersion}/${type.resource}`
}

function matchesSelector(obj: KubeObject, selector: string | undefined): boolean {
  if (!selector) return true
  return selector.split(',').every((term) => {
    const [k, v] = term.split('=')
    return k !== undefined && obj.metadata.labels?.[k.trim()] === v?.trim()
  })
}

export class FakeKube implements KubeApi {
  readonly server = 'https://fake.invalid'
  requestCount = 0
  private readonly objects = new Map<string, KubeObject[]>()
  private readonly failures = new Map<string, Error>()

  add(type: ResourceType, ...objs: KubeObject[]): this {
    this.objects.set(key(type), [...(this.objects.get(key(type)) ?? []), ...objs])
    return this
  }

  /** Every later call on this resource throws `error`. */
  failOn(type: ResourceType, error: Error): this {
    this.failures.set(key(type), error)
    return this
  }

  async resourceFor(kind: string, apiVersion?: string): Promise<ResourceType> {
    return { apiVersion: apiVersion ?? 'v1', resource: `${kind.toLowerCase()}s`, kind, namespaced: true }
  }

  private stored(type: ResourceType, namespace: string | undefined): KubeObject[] {
    this.requestCount++
    const failure = this.failures.get(key(type))
    if (failure) throw failure
    return (this.objects.get(key(type)) ?? []).filter(
      (o) => namespace === undefined || o.metadata.namespace === namespace
    )
  }

  async get<T extends KubeObject = KubeObject>(
    type: ResourceType,
    namespace: string | undefined,
    name: string
  ): Promise<T | undefined> {
    return this.stored(type, namespace).find((o) => o.metadata.name === name) as T | undefined
  }

  async list<T extends KubeObject = KubeObject>(
    type: ResourceType,
    namespace: string | undefined,
    options?: ListOptions
  ): Promise<T[]> {
    return this.stored(type, namespace).filter((o) => matchesSelector(o, options?.labelSelector)) as T[]
  }

  async podLog(): Promise<string> {
    return ''
  }

  async patch<T extends KubeObject = KubeObject>(): Promise<T> {
    throw new Error('FakeKube: patch is not used by the GitOps checks')
  }
}
