/**
 * CustomResourceDefinitions (apiextensions.k8s.io/v1): creating one registers its kind with the
 * served registry (discovery, REST paths, OpenAPI, tables, generic storage); deleting it unregisters
 * the kind and deletes its objects, as the apiextensions-apiserver does. Status conditions
 * (`NamesAccepted`, `Established`) are set right after the write, like its controllers do.
 */
import type { PrinterColumn, ResourceDef } from '../resources.js'
import type { ObjectStore, StoreEvent, StoredObject } from '../store.js'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined

export const crdResource = (r: Pick<ResourceDef, 'group' | 'kind'>): boolean =>
  r.group === 'apiextensions.k8s.io' && r.kind === 'CustomResourceDefinition'

/** The resource types a CRD serves: one per served version. Empty when the CRD is malformed. */
export function crdResources(crd: StoredObject): ResourceDef[] {
  const spec = isObj(crd.spec) ? crd.spec : {}
  const names = isObj(spec.names) ? spec.names : {}
  const group = typeof spec.group === 'string' ? spec.group : ''
  const plural = typeof names.plural === 'string' ? names.plural : ''
  const kind = typeof names.kind === 'string' ? names.kind : ''
  if (!group || !plural || !kind) return []
  const versions = Array.isArray(spec.versions) ? spec.versions.filter(isObj) : []
  return versions
    .filter((v) => typeof v.name === 'string' && v.served !== false)
    .map((v) => {
      const subs = isObj(v.subresources) ? v.subresources : {}
      const subresources = ['status', 'scale'].filter((s) => isObj(subs[s]))
      const columns = Array.isArray(v.additionalPrinterColumns)
        ? v.additionalPrinterColumns.filter(isObj).map((c): PrinterColumn => ({
            name: String(c.name ?? ''),
            type: String(c.type ?? 'string'),
            jsonPath: String(c.jsonPath ?? ''),
            ...(typeof c.priority === 'number' ? { priority: c.priority } : {})
          }))
        : undefined
      return {
        group,
        version: String(v.name),
        resource: plural,
        kind,
        singular: typeof names.singular === 'string' && names.singular ? names.singular : kind.toLowerCase(),
        namespaced: spec.scope !== 'Cluster',
        ...(strings(names.shortNames)?.length ? { shortNames: strings(names.shortNames) } : {}),
        ...(strings(names.categories)?.length ? { categories: strings(names.categories) } : {}),
        ...(subresources.length ? { subresources } : {}),
        ...(columns?.length ? { printerColumns: columns } : {}),
        definedBy: crd.metadata.name
      }
    })
}

/** The checks kube-apiserver makes that users trip over: the name must be `<plural>.<group>`, and so on. */
export function validateCrd(crd: StoredObject): Array<{ field: string; message: string }> {
  const spec = isObj(crd.spec) ? crd.spec : {}
  const names = isObj(spec.names) ? spec.names : {}
  const causes: Array<{ field: string; message: string }> = []
  const group = typeof spec.group === 'string' ? spec.group : ''
  const plural = typeof names.plural === 'string' ? names.plural : ''
  if (!group) causes.push({ field: 'spec.group', message: 'Required value' })
  if (!plural) causes.push({ field: 'spec.names.plural', message: 'Required value' })
  if (typeof names.kind !== 'string' || !names.kind)
    causes.push({ field: 'spec.names.kind', message: 'Required value' })
  if (spec.scope !== 'Namespaced' && spec.scope !== 'Cluster')
    causes.push({
      field: 'spec.scope',
      message: `Unsupported value: "${String(spec.scope ?? '')}": supported values: "Cluster", "Namespaced"`
    })
  const versions = Array.isArray(spec.versions) ? spec.versions.filter(isObj) : []
  if (versions.length === 0)
    causes.push({
      field: 'spec.versions',
      message: 'Invalid value: null: must have exactly one version marked as storage version'
    })
  else if (versions.filter((v) => v.storage === true).length !== 1)
    causes.push({
      field: 'spec.versions',
      message:
        'Invalid value: []apiextensions.CustomResourceDefinitionVersion(nil): must have exactly one version marked as storage version'
    })
  if (group && plural && crd.metadata.name !== `${plural}.${group}`)
    causes.push({
      field: 'metadata.name',
      message: `Invalid value: "${crd.metadata.name}": must be spec.names.plural+"."+spec.group`
    })
  return causes
}

/**
 * Keeps `resources` (the array the API server serves from, mutated in place) in step with the
 * CRDs in the store. Kinds built into the sandbox stay as they are when a CRD names them too.
 */
export class CrdRegistry {
  private unsubscribe?: () => void
  private readonly pending = new Set<NodeJS.Immediate>()

  constructor(
    private readonly store: ObjectStore,
    private readonly resources: ResourceDef[]
  ) {}

  start(): void {
    const crds = this.resources.find(crdResource)
    if (crds) for (const crd of this.store.list(crds)) this.register(crd)
    this.unsubscribe = this.store.subscribe((event) => this.onEvent(event))
  }

  stop(): void {
    this.unsubscribe?.()
    for (const immediate of this.pending) clearImmediate(immediate)
    this.pending.clear()
  }

  private onEvent(event: StoreEvent): void {
    if (!crdResource(event.resource)) return
    this.unregister(event.object.metadata.name)
    if (event.type === 'DELETED') return
    this.register(event.object)
    // the establishing controllers run after the write, not inside it (watchers see ADDED first)
    const immediate = setImmediate(() => {
      this.pending.delete(immediate)
      this.establish(event.resource, event.object.metadata.name)
    })
    this.pending.add(immediate)
  }

  private register(crd: StoredObject): void {
    for (const def of crdResources(crd)) {
      const taken = this.resources.some(
        (r) => r.group === def.group && r.version === def.version && r.resource === def.resource
      )
      if (!taken) this.resources.push(def)
    }
  }

  private unregister(name: string): void {
    for (let i = this.resources.length - 1; i >= 0; i -= 1)
      if (this.resources[i]!.definedBy === name) this.resources.splice(i, 1)
  }

  private establish(resource: ResourceDef, name: string): void {
    const crd = this.store.get(resource, undefined, name)
    if (!crd) return
    const spec = isObj(crd.spec) ? crd.spec : {}
    const names = isObj(spec.names) ? spec.names : {}
    const current = isObj(crd.status) ? crd.status : {}
    const conditions = Array.isArray(current.conditions) ? current.conditions.filter(isObj) : []
    const at = (type: string): string =>
      String(
        conditions.find((c) => c.type === type)?.lastTransitionTime ??
          new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
      )
    const versions = Array.isArray(spec.versions) ? spec.versions.filter(isObj) : []
    const storage = versions.find((v) => v.storage === true)?.name
    const stored = strings(current.storedVersions) ?? []
    const status = {
      acceptedNames: {
        plural: names.plural,
        singular: names.singular ?? String(names.kind ?? '').toLowerCase(),
        kind: names.kind,
        listKind: names.listKind ?? `${String(names.kind ?? '')}List`,
        ...(names.shortNames ? { shortNames: names.shortNames } : {}),
        ...(names.categories ? { categories: names.categories } : {})
      },
      conditions: [
        {
          type: 'NamesAccepted',
          status: 'True',
          lastTransitionTime: at('NamesAccepted'),
          reason: 'NoConflicts',
          message: 'no conflicts found'
        },
        {
          type: 'Established',
          status: 'True',
          lastTransitionTime: at('Established'),
          reason: 'InitialNamesAccepted',
          message: 'the initial names have been accepted'
        }
      ],
      storedVersions: typeof storage === 'string' && !stored.includes(storage) ? [...stored, storage] : stored
    }
    if (JSON.stringify(crd.status) === JSON.stringify(status)) return
    try {
      this.store.update(resource, { ...crd, status }, { subresource: 'status' })
    } catch {
      // deleted or changed meanwhile: the next event establishes it again
    }
  }
}
