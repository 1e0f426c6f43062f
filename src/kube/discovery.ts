/** Kind → resource mapping: the built-in table first, then API discovery (cached per group/version). */
import { KubeApiError, type ResourceType } from './api.js'
import { builtinResource } from './resources.js'

interface APIResourceList {
  groupVersion?: string
  resources?: Array<{ name: string; kind: string; namespaced: boolean }>
}

interface APIGroupList {
  groups?: Array<{
    name: string
    preferredVersion?: { groupVersion: string }
    versions?: Array<{ groupVersion: string }>
  }>
}

export class Discovery {
  private readonly cache = new Map<string, Promise<ResourceType[]>>()

  constructor(private readonly getJson: (path: string) => Promise<unknown>) {}

  async resourceFor(kind: string, apiVersion?: string): Promise<ResourceType> {
    const builtin = builtinResource(kind, apiVersion)
    if (builtin) return builtin
    if (apiVersion) {
      const found = findKind(await this.resources(apiVersion), kind)
      if (found) return found
      throw notServed(`kind "${kind}" is not served by the API server under apiVersion "${apiVersion}"`)
    }
    // No apiVersion: search the preferred version of every group (rare; costs one request per group once).
    const groups = ((await this.getJson('/apis')) as APIGroupList).groups ?? []
    for (const groupVersion of [
      'v1',
      ...groups.map((g) => g.preferredVersion?.groupVersion ?? g.versions?.[0]?.groupVersion ?? '')
    ]) {
      if (!groupVersion) continue
      const found = findKind(await this.resources(groupVersion).catch(() => []), kind)
      if (found) return found
    }
    throw notServed(`kind "${kind}" is not served by the API server; give its apiVersion (e.g. argoproj.io/v1alpha1)`)
  }

  private resources(groupVersion: string): Promise<ResourceType[]> {
    let cached = this.cache.get(groupVersion)
    if (!cached) {
      const path = groupVersion.includes('/') ? `/apis/${groupVersion}` : `/api/${groupVersion}`
      cached = this.getJson(path)
        .then((body) =>
          ((body as APIResourceList).resources ?? [])
            .filter((r) => !r.name.includes('/'))
            .map((r) => ({ apiVersion: groupVersion, resource: r.name, kind: r.kind, namespaced: r.namespaced }))
        )
        .catch((error: unknown) => {
          this.cache.delete(groupVersion)
          if (error instanceof KubeApiError && error.reason === 'not-found') {
            throw notServed(`apiVersion "${groupVersion}" is not served by the API server`)
          }
          throw error
        })
      this.cache.set(groupVersion, cached)
    }
    return cached
  }
}

function findKind(resources: ResourceType[], kind: string): ResourceType | undefined {
  return resources.find((r) => r.kind === kind) ?? resources.find((r) => r.kind.toLowerCase() === kind.toLowerCase())
}

const notServed = (message: string): KubeApiError => new KubeApiError(message, 'not-found', 404, 'get', 'discovery')
