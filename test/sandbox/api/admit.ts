/**
 * The write path shared by HTTP handlers and scenario loading: identity checks (kind, apiVersion,
 * namespace, name against the URL), defaulting, validation, then the store (or, for `dryRun`, a
 * preview of what the store would hold).
 */
import { randomUUID } from 'node:crypto'
import { groupVersion, type ResourceDef } from '../resources.js'
import { StoreError, type ObjectStore, type StoredObject } from '../store.js'
import { applyDefaults } from './defaults.js'
import { ApiError, fromStoreError, invalid, notFound } from './status.js'
import { validateObject, validationCauses } from './validate.js'
import { updateCauses } from './validate-workload.js'

const namespaces = (resources: readonly ResourceDef[]): ResourceDef =>
  resources.find((r) => r.group === '' && r.resource === 'namespaces')!

function checkIdentity(resource: ResourceDef, object: StoredObject, namespace: string | undefined): void {
  const expected = groupVersion(resource)
  if (object.apiVersion !== undefined && object.apiVersion !== '' && object.apiVersion !== expected) {
    throw new ApiError(
      400,
      'BadRequest',
      `the API version in the data (${object.apiVersion}) does not match the expected API version (${expected})`
    )
  }
  if (object.kind !== undefined && object.kind !== '' && object.kind !== resource.kind) {
    throw new ApiError(
      400,
      'BadRequest',
      `the kind in the data (${object.kind}) does not match the expected kind (${resource.kind})`
    )
  }
  if (resource.namespaced && namespace !== undefined) {
    const given = object.metadata.namespace
    if (given !== undefined && given !== '' && given !== namespace) {
      throw new ApiError(
        400,
        'BadRequest',
        'the namespace of the provided object does not match the namespace sent on the request'
      )
    }
    object.metadata.namespace = namespace
  }
  object.apiVersion = expected
  object.kind = resource.kind
}

function storeCall<T>(resource: ResourceDef, name: string, call: () => T): T {
  try {
    return call()
  } catch (error) {
    if (error instanceof StoreError) throw fromStoreError(error, resource, name)
    throw error
  }
}

export function admitCreate(
  store: ObjectStore,
  resources: readonly ResourceDef[],
  resource: ResourceDef,
  namespace: string | undefined,
  object: StoredObject,
  dryRun = false
): StoredObject {
  checkIdentity(resource, object, namespace)
  const ns = resource.namespaced ? (object.metadata.namespace ||= 'default') : undefined
  if (ns !== undefined) {
    const nsResource = namespaces(resources)
    const existing = store.get(nsResource, undefined, ns)
    if (!existing) throw notFound(nsResource, ns)
    if (existing.metadata.deletionTimestamp) {
      throw new ApiError(
        403,
        'Forbidden',
        `${resource.resource} "${object.metadata.name}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`
      )
    }
  }
  applyDefaults(object, true)
  validateObject(resource, object)
  if (!dryRun) return storeCall(resource, object.metadata.name, () => store.create(resource, object))
  if (object.metadata.name && store.get(resource, ns, object.metadata.name)) {
    throw new ApiError(
      409,
      'AlreadyExists',
      `${resource.resource}${resource.group ? '.' + resource.group : ''} "${object.metadata.name}" already exists`,
      {
        name: object.metadata.name,
        group: resource.group,
        kind: resource.resource
      }
    )
  }
  const preview = structuredClone(object)
  preview.metadata.name ||= `${preview.metadata.generateName ?? ''}${randomUUID().slice(0, 5)}`
  preview.metadata.uid = randomUUID()
  preview.metadata.generation = 1
  preview.metadata.creationTimestamp = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
  return preview
}

export interface UpdateOptions {
  dryRun?: boolean
  subresource?: 'status'
}

/** PUT semantics: the object must exist; a set metadata.resourceVersion must match (409 otherwise). */
export function admitUpdate(
  store: ObjectStore,
  resource: ResourceDef,
  namespace: string | undefined,
  name: string,
  object: StoredObject,
  options: UpdateOptions = {}
): StoredObject {
  checkIdentity(resource, object, namespace)
  if (object.metadata.name !== undefined && object.metadata.name !== '' && object.metadata.name !== name) {
    throw new ApiError(
      400,
      'BadRequest',
      `the name of the object (${object.metadata.name}) does not match the name on the URL (${name})`
    )
  }
  object.metadata.name = name
  const current = store.get(resource, namespace, name)
  if (!current) throw notFound(resource, name)
  if (options.subresource !== 'status') {
    applyDefaults(object, false)
    const causes = [...validationCauses(resource, object), ...updateCauses(resource, object, current)]
    if (causes.length > 0) throw invalid(resource, name, causes)
  }
  if (!options.dryRun)
    return storeCall(resource, name, () => store.update(resource, object, { subresource: options.subresource }))
  const expected = object.metadata.resourceVersion
  if (expected && expected !== current.metadata.resourceVersion) {
    throw new ApiError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${resource.resource}${resource.group ? '.' + resource.group : ''} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
      {
        name,
        group: resource.group,
        kind: resource.resource
      }
    )
  }
  if (options.subresource === 'status') return { ...current, status: object.status }
  return {
    ...object,
    metadata: {
      ...object.metadata,
      uid: current.metadata.uid,
      creationTimestamp: current.metadata.creationTimestamp,
      resourceVersion: current.metadata.resourceVersion
    },
    ...(resource.subresources?.includes('status') ? { status: current.status } : {})
  }
}
