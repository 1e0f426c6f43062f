/**
 * The validation a real API server does that clients notice: object names, required selectors and
 * containers, and a workload selector that must match its template's labels. Everything else is
 * accepted as given.
 */
import type { ResourceDef } from '../resources.js'
import type { StoredObject } from '../store.js'
import { crdResource, validateCrd } from './crd.js'
import { labelMatcher } from './selectors.js'
import { invalid } from './status.js'
import { replicasCauses, strategyCauses } from './validate-workload.js'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

const dnsSubdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const labelKinds = new Set(['Namespace', 'Service'])
const workloads = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'])

/** Turns a LabelSelector (matchLabels + matchExpressions) into selector syntax. */
export function formatLabelSelector(selector: unknown): string {
  if (!isObj(selector)) return ''
  const parts: string[] = []
  if (isObj(selector.matchLabels))
    for (const [k, v] of Object.entries(selector.matchLabels)) parts.push(`${k}=${String(v)}`)
  if (Array.isArray(selector.matchExpressions)) {
    for (const e of selector.matchExpressions) {
      if (!isObj(e)) continue
      const values = Array.isArray(e.values) ? e.values.map(String) : []
      const key = String(e.key)
      switch (e.operator) {
        case 'In':
          parts.push(`${key} in (${values.join(',')})`)
          break
        case 'NotIn':
          parts.push(`${key} notin (${values.join(',')})`)
          break
        case 'Exists':
          parts.push(key)
          break
        case 'DoesNotExist':
          parts.push(`!${key}`)
          break
      }
    }
  }
  return parts.join(',')
}

export function validateObject(resource: ResourceDef, object: StoredObject): void {
  const causes = validationCauses(resource, object)
  if (causes.length > 0) throw invalid(resource, object.metadata?.name ?? '', causes)
}

/** What ValidateXxx (create) finds wrong, in kube-apiserver's order and words. */
export function validationCauses(
  resource: ResourceDef,
  object: StoredObject
): Array<{ field: string; message: string }> {
  const name = object.metadata?.name ?? ''
  const causes: Array<{ field: string; message: string }> = []
  if (name) {
    const pattern = labelKinds.has(resource.kind) ? dnsLabel : dnsSubdomain
    const limit = labelKinds.has(resource.kind) ? 63 : 253
    if (!pattern.test(name) || name.length > limit) {
      causes.push({
        field: 'metadata.name',
        message: `Invalid value: "${name}": a lowercase RFC 1123 ${labelKinds.has(resource.kind) ? 'label' : 'subdomain'} must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`
      })
    }
  }
  const spec = object.spec
  if (workloads.has(resource.kind) && resource.group === 'apps') {
    if (!isObj(spec)) causes.push({ field: 'spec', message: 'Required value' })
    else {
      const selector = spec.selector
      const template = isObj(spec.template) ? spec.template : {}
      const labels =
        isObj(template.metadata) && isObj(template.metadata.labels)
          ? (template.metadata.labels as Record<string, string>)
          : {}
      const text = formatLabelSelector(selector)
      if (!isObj(selector) || text === '') causes.push({ field: 'spec.selector', message: 'Required value' })
      else if (!labelMatcher(text)(labels)) {
        causes.push({
          field: 'spec.template.metadata.labels',
          message: `Invalid value: ${JSON.stringify(labels)}: \`selector\` does not match template \`labels\``
        })
      }
      if (resource.kind !== 'DaemonSet') causes.push(...replicasCauses(spec))
      if (resource.kind === 'Deployment') causes.push(...strategyCauses(spec))
      validateContainers(isObj(template.spec) ? template.spec : undefined, 'spec.template.spec', causes)
    }
  }
  if (resource.kind === 'Pod' && resource.group === '')
    validateContainers(isObj(spec) ? spec : undefined, 'spec', causes)
  if (crdResource(resource)) causes.push(...validateCrd(object))
  return causes
}

function validateContainers(
  podSpec: Obj | undefined,
  path: string,
  causes: Array<{ field: string; message: string }>
): void {
  const containers = podSpec?.containers
  if (!Array.isArray(containers) || containers.length === 0) {
    causes.push({ field: `${path}.containers`, message: 'Required value' })
    return
  }
  containers.forEach((c, i) => {
    if (!isObj(c) || typeof c.name !== 'string' || c.name === '')
      causes.push({ field: `${path}.containers[${i}].name`, message: 'Required value' })
    if (!isObj(c) || typeof c.image !== 'string' || c.image === '')
      causes.push({ field: `${path}.containers[${i}].image`, message: 'Required value' })
  })
}
