/**
 * Workload rules of kubernetes/pkg/apis/apps/validation that rollback depends on, worded as 1.32
 * words them (field.ErrorList.ToAggregate: `<field>: Invalid value: <value>: <detail>`; the value
 * printed with %v for numbers, %q for strings and %#v for structs such as intstr.IntOrString).
 */
import type { ResourceDef } from '../resources.js'
import type { StoredObject } from '../store.js'
import { semanticEqual } from '../controller/util.js'

type Obj = Record<string, unknown>
type Cause = { field: string; message: string }
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** ValidateNonnegativeField(spec.replicas). */
export function replicasCauses(spec: Obj): Cause[] {
  const replicas = spec.replicas
  if (typeof replicas === 'number' && replicas < 0)
    return [{ field: 'spec.replicas', message: `Invalid value: ${replicas}: must be greater than or equal to 0` }]
  return []
}

/** Go's %#v of an intstr.IntOrString (its String() has a pointer receiver, so fmt never calls it). */
export function intOrStringGo(value: unknown): string {
  if (typeof value === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(value)}}`
  return `intstr.IntOrString{Type:0, IntVal:${typeof value === 'number' ? value : 0}, StrVal:""}`
}

/** getIntOrPercentValue: "25%" → 25, 3 → 3, other strings through Atoi (0 when not a number). */
function intOrPercent(value: unknown): number {
  if (typeof value === 'number') return value
  if (typeof value !== 'string') return 0
  const text = value.endsWith('%') ? value.slice(0, -1) : value
  return /^-?\d+$/.test(text) ? Number(text) : 0
}

/** ValidateRollingUpdateDeployment: both 0 is refused (a rollout could never make progress). */
export function strategyCauses(spec: Obj): Cause[] {
  const strategy = isObj(spec.strategy) ? spec.strategy : {}
  const rolling = isObj(strategy.rollingUpdate) ? strategy.rollingUpdate : undefined
  if (strategy.type !== 'RollingUpdate' || !rolling) return []
  if (intOrPercent(rolling.maxUnavailable) === 0 && intOrPercent(rolling.maxSurge) === 0) {
    return [
      {
        field: 'spec.strategy.rollingUpdate.maxUnavailable',
        message: `Invalid value: ${intOrStringGo(rolling.maxUnavailable)}: may not be 0 when \`maxSurge\` is 0`
      }
    ]
  }
  return []
}

/** Go's %#v of a metav1.LabelSelector (the value `field is immutable` prints). */
export function labelSelectorGo(selector: unknown): string {
  const s = isObj(selector) ? selector : {}
  const labels = isObj(s.matchLabels)
    ? `map[string]string{${Object.keys(s.matchLabels)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${JSON.stringify(String((s.matchLabels as Obj)[k]))}`)
        .join(', ')}}`
    : 'map[string]string(nil)'
  const expressions = Array.isArray(s.matchExpressions)
    ? `[]v1.LabelSelectorRequirement{${s.matchExpressions
        .map((e: unknown) => {
          const r = isObj(e) ? e : {}
          const values = Array.isArray(r.values)
            ? `[]string{${r.values.map((v) => JSON.stringify(String(v))).join(', ')}}`
            : '[]string(nil)'
          return `v1.LabelSelectorRequirement{Key:${JSON.stringify(String(r.key ?? ''))}, Operator:${JSON.stringify(String(r.operator ?? ''))}, Values:${values}}`
        })
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)'
  return `v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${expressions}}`
}

/** The StatefulSet spec fields an update may change (ValidateStatefulSetUpdate, 1.32). */
const statefulSetMutable = [
  'replicas',
  'ordinals',
  'template',
  'updateStrategy',
  'revisionHistoryLimit',
  'persistentVolumeClaimRetentionPolicy',
  'minReadySeconds'
]

/** The rules an update adds to create's: immutable selectors and StatefulSet spec fields. */
export function updateCauses(resource: ResourceDef, next: StoredObject, current: StoredObject): Cause[] {
  if (resource.group !== 'apps') return []
  const spec = isObj(next.spec) ? next.spec : {}
  const old = isObj(current.spec) ? current.spec : {}
  if (resource.kind === 'StatefulSet') {
    const strip = (o: Obj): Obj =>
      Object.fromEntries(Object.entries(o).filter(([k]) => !statefulSetMutable.includes(k)))
    if (!semanticEqual(strip(spec), strip(old))) {
      return [
        {
          field: 'spec',
          message: `Forbidden: updates to statefulset spec for fields other than ${statefulSetMutable
            .slice(0, -1)
            .map((f) => `'${f}'`)
            .join(', ')} and 'minReadySeconds' are forbidden`
        }
      ]
    }
    return []
  }
  if (
    ['Deployment', 'ReplicaSet', 'DaemonSet'].includes(resource.kind) &&
    !semanticEqual(spec.selector, old.selector)
  ) {
    return [{ field: 'spec.selector', message: `Invalid value: ${labelSelectorGo(spec.selector)}: field is immutable` }]
  }
  return []
}
