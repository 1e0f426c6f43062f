/**
 * Loads a scenario (multi-document YAML of Kubernetes objects) into the store through the same
 * admission path as the API (defaults, validation). Namespaces come first, then the namespaces the
 * objects imply, then everything else in document order; `List` documents are flattened.
 */
import YAML from 'yaml'
import { resourceForKind, type ResourceDef } from './resources.js'
import type { ObjectStore, StoredObject } from './store.js'
import { admitCreate } from './api/admit.js'
import { crdResource, crdResources } from './api/crd.js'
import { parseFaultRules, type FaultRule } from './faults.js'

/** A document with a `faults:` list and no `kind` holds fault rules, not an object (README "Fault injection"). */
function isFaultsDocument(value: object): value is { faults: unknown } {
  return 'faults' in value && !('kind' in value)
}

/** The fault rules of a scenario's `faults:` documents, validated; loadScenario skips those documents. */
export function scenarioFaults(text: string): FaultRule[] {
  return YAML.parseAllDocuments(text).flatMap((doc, i) => {
    const value = doc.toJS() as unknown
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !isFaultsDocument(value)) return []
    return parseFaultRules(value.faults, `scenario document ${i + 1}: faults`)
  })
}

function documents(text: string): StoredObject[] {
  const out: StoredObject[] = []
  for (const doc of YAML.parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(`scenario YAML: ${doc.errors[0]!.message}`)
    const value = doc.toJS() as unknown
    if (value === null || value === undefined) continue
    if (typeof value !== 'object' || Array.isArray(value))
      throw new Error(`scenario document is not an object: ${JSON.stringify(value).slice(0, 80)}`)
    if (isFaultsDocument(value)) continue
    const object = value as StoredObject
    if (object.kind === 'List' && Array.isArray(object.items)) out.push(...(object.items as StoredObject[]))
    else out.push(object)
  }
  return out
}

export function loadScenario(store: ObjectStore, resources: readonly ResourceDef[], text: string): StoredObject[] {
  const objects = documents(text)
  const nsResource = resources.find((r) => r.group === '' && r.resource === 'namespaces')!
  // a CustomResourceDefinition makes its kind known to the documents after it
  const known = [...resources]
  const resolved = objects.map((o, i) => {
    const r = resourceForKind(known, String(o.apiVersion ?? ''), String(o.kind ?? ''))
    if (!r)
      throw new Error(
        `scenario document ${i + 1}: unknown kind ${String(o.apiVersion)}/${String(o.kind)} (not in resources.ts and no CustomResourceDefinition before it)`
      )
    if (!o.metadata || typeof o.metadata !== 'object') throw new Error(`scenario document ${i + 1}: metadata missing`)
    if (crdResource(r)) known.push(...crdResources(o))
    return { r, o }
  })
  const created: StoredObject[] = []
  const ensureNamespace = (name: string): void => {
    if (!store.get(nsResource, undefined, name))
      created.push(
        admitCreate(store, resources, nsResource, undefined, {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name }
        })
      )
  }
  for (const { r, o } of resolved)
    if (r === nsResource && !store.get(nsResource, undefined, o.metadata.name))
      created.push(admitCreate(store, resources, r, undefined, o))
  for (const { r, o } of resolved) if (r.namespaced) ensureNamespace(o.metadata.namespace || 'default')
  for (const { r, o } of resolved) {
    if (r === nsResource) continue
    try {
      created.push(admitCreate(store, resources, r, r.namespaced ? o.metadata.namespace || 'default' : undefined, o))
    } catch (error) {
      throw new Error(`scenario: cannot create ${r.kind} "${o.metadata.name}": ${(error as Error).message}`)
    }
  }
  return created
}
