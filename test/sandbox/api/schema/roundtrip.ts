/**
 * A value as Go's json.Marshal emits it after decoding into its typed struct — what kubectl computes
 * from a live object before comparing bytes with a ControllerRevision (kubectl
 * pkg/polymorphichelpers/rollback.go getStatefulSetPatch/getDaemonSetPatch), and what the controllers
 * store (pkg/controller/statefulset getPatch, pkg/controller/daemon getPatch). Go's rules, as far as a
 * pod template needs them:
 * - unknown fields vanish; `omitempty` drops "", 0, false, null and empty lists and maps;
 * - a struct-valued field is never omitted (`metadata` with `"creationTimestamp":null`, a container's
 *   `"resources":{}`), and a pointer keeps its zero value (`terminationGracePeriodSeconds: 0`).
 * The caller sorts the keys (the controllers and kubectl both marshal a map[string]interface{}).
 */
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const types = require('./types.json') as Record<string, Record<string, string>>

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Scalar fields declared as pointers (*bool, *int64, …) in core/v1, so Go keeps their zero value. */
const pointerScalars = new Set([
  'automountServiceAccountToken',
  'enableServiceLinks',
  'shareProcessNamespace',
  'setHostnameAsFQDN',
  'hostUsers',
  'privileged',
  'runAsNonRoot',
  'readOnlyRootFilesystem',
  'allowPrivilegeEscalation',
  'optional',
  'terminationGracePeriodSeconds',
  'activeDeadlineSeconds',
  'runAsUser',
  'runAsGroup',
  'fsGroup',
  'defaultMode',
  'mode',
  'priority',
  'expirationSeconds',
  'tolerationSeconds',
  'terminationGracePeriodSeconds'
])

/** Struct fields without `omitempty` whose zero value Go still writes. */
const alwaysWritten: Record<string, Record<string, unknown>> = {
  V1ObjectMeta: { creationTimestamp: null },
  V1Container: { resources: {} },
  V1EphemeralContainer: { resources: {} }
}

/** Typed round trip of `value` as struct `model` (e.g. `V1PodTemplateSpec`). */
export function goRoundTrip(model: string, value: unknown): Obj {
  const fields = types[model] ?? {}
  const source = isObj(value) ? value : {}
  const out: Obj = {}
  for (const [key, type] of Object.entries(fields)) {
    const v = source[key]
    if (v === undefined || v === null) continue
    const converted = convert(type, v)
    if (converted === undefined) continue
    if (isEmptyForOmit(type, converted, key)) continue
    out[key] = converted
  }
  for (const [key, zero] of Object.entries(alwaysWritten[model] ?? {})) if (!(key in out)) out[key] = zero
  return out
}

function convert(type: string, v: unknown): unknown {
  if (type.startsWith('[]')) return Array.isArray(v) ? v.map((x) => convert(type.slice(2), x)) : undefined
  if (type.startsWith('map:')) {
    if (!isObj(v)) return undefined
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, convert(type.slice(4), x)]))
  }
  if (types[type]) return goRoundTrip(type, v)
  return v
}

function isEmptyForOmit(type: string, v: unknown, key: string): boolean {
  if (types[type] || type === 'intstr') return false // a struct (or pointer to one) is written even when empty
  if (Array.isArray(v)) return v.length === 0
  if (isObj(v)) return type.startsWith('map:') && Object.keys(v).length === 0
  if (pointerScalars.has(key)) return false
  return v === '' || v === 0 || v === false
}
