/**
 * Legacy discovery documents (/api, /apis, /api/v1, /apis/<group>/<version>) built from the resource
 * registry. Clients asking for aggregated discovery get these too; kubectl and client-go fall back
 * when the response is not an APIGroupDiscoveryList.
 */
import { groupVersion, resourceVerbs, type ResourceDef } from '../resources.js'

export const serverVersion = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-sandbox',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2025-01-01T00:00:00Z',
  goVersion: 'go1.23.4',
  compiler: 'gc',
  platform: 'linux/amd64'
}

export interface GroupVersion {
  group: string
  version: string
}

/** Distinct group/versions in registry order (core first when present). */
export function groupVersions(resources: readonly ResourceDef[]): GroupVersion[] {
  const seen = new Map<string, GroupVersion>()
  for (const r of resources) {
    const key = groupVersion(r)
    if (!seen.has(key)) seen.set(key, { group: r.group, version: r.version })
  }
  return [...seen.values()]
}

export function apiVersions(serverAddress: string): object {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }]
  }
}

function apiGroup(resources: readonly ResourceDef[], group: string): object {
  const versions = groupVersions(resources)
    .filter((gv) => gv.group === group)
    .map((gv) => ({ groupVersion: `${group}/${gv.version}`, version: gv.version }))
  return { name: group, versions, preferredVersion: versions[0] }
}

export function apiGroupList(resources: readonly ResourceDef[]): object {
  const groups = [...new Set(resources.filter((r) => r.group !== '').map((r) => r.group))]
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map((g) => apiGroup(resources, g)) }
}

export function apiGroupDocument(resources: readonly ResourceDef[], group: string): object | undefined {
  if (!resources.some((r) => r.group === group)) return undefined
  return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(resources, group) }
}

const subresourceEntry = (r: ResourceDef, sub: string): object => {
  const base = { name: `${r.resource}/${sub}`, singularName: '', namespaced: r.namespaced }
  if (sub === 'scale')
    return { ...base, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] }
  if (sub === 'log') return { ...base, kind: 'Pod', verbs: ['get'] }
  return { ...base, kind: r.kind, verbs: ['get', 'patch', 'update'] }
}

export function apiResourceList(resources: readonly ResourceDef[], group: string, version: string): object | undefined {
  const inGroup = resources.filter((r) => r.group === group && r.version === version)
  if (inGroup.length === 0) return undefined
  const entries: object[] = []
  for (const r of inGroup) {
    entries.push({
      name: r.resource,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: resourceVerbs(),
      ...(r.shortNames ? { shortNames: r.shortNames } : {}),
      ...(r.categories ? { categories: r.categories } : {})
    })
    for (const sub of r.subresources ?? []) entries.push(subresourceEntry(r, sub))
  }
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupVersion({ group, version }),
    resources: entries
  }
}
