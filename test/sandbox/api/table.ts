/**
 * `meta.k8s.io/v1` Table responses, what `kubectl get` asks for: per-kind columns like the real
 * server's printers (pkg/printers/internalversion), NAME/AGE for everything else.
 */
import type { PrinterColumn, ResourceDef } from '../resources.js'
import type { StoredObject } from '../store.js'
import { formatLabelSelector } from './validate.js'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const num = (v: unknown): number => (typeof v === 'number' ? v : 0)
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

interface Column {
  name: string
  type: 'string' | 'integer' | 'date'
  priority?: number
  cell: (o: StoredObject, now: number) => string | number
}

/** kubectl's duration.HumanDuration. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 120) return `${seconds}s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`
  if (minutes < 180) return `${minutes}m`
  const hours = Math.floor(minutes / 60)
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8)
    return hours % 24 === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${hours % 24}h`
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`
  const years = Math.floor(hours / 24 / 365)
  if (hours < 24 * 365 * 8) return `${years}y${Math.floor(hours / 24) % 365}d`
  return `${years}y`
}

const age = (o: StoredObject, now: number): string =>
  o.metadata.creationTimestamp ? humanDuration(now - Date.parse(o.metadata.creationTimestamp)) : '<unknown>'

const name: Column = { name: 'Name', type: 'string', cell: (o) => o.metadata.name }
const ageColumn: Column = { name: 'Age', type: 'string', cell: age }
const spec = (o: StoredObject): Obj => (isObj(o.spec) ? o.spec : {})
const status = (o: StoredObject): Obj => (isObj(o.status) ? o.status : {})
const podContainers = (o: StoredObject): Obj[] => {
  const template = isObj(spec(o).template) ? (spec(o).template as Obj) : {}
  return arr(isObj(template.spec) ? template.spec.containers : undefined).filter(isObj)
}

const stateOf = (cs: Obj): Obj => (isObj(cs.state) ? cs.state : {})
const str = (v: unknown): string => (typeof v === 'string' ? v : '')

/** printPod (pkg/printers/internalversion/printers.go): STATUS, READY and RESTARTS of `kubectl get pods`. */
function podSummary(o: StoredObject, now: number): { status: string; ready: string; restarts: string } {
  const s = status(o)
  let reason = str(s.reason) || str(s.phase) || 'Pending'
  const initSpecs = arr(spec(o).initContainers).filter(isObj)
  const total = arr(spec(o).containers).length
  let restarts = 0
  let readyContainers = 0
  let lastRestart = 0
  const noteRestart = (cs: Obj): void => {
    const last = isObj(cs.lastState) && isObj(cs.lastState.terminated) ? cs.lastState.terminated : undefined
    const at = last ? Date.parse(str(last.finishedAt)) : NaN
    if (!Number.isNaN(at) && at > lastRestart) lastRestart = at
  }
  let initializing = false
  const initStatuses = arr(s.initContainerStatuses).filter(isObj)
  for (const [i, cs] of initStatuses.entries()) {
    restarts += num(cs.restartCount)
    noteRestart(cs)
    const state = stateOf(cs)
    const terminated = isObj(state.terminated) ? state.terminated : undefined
    const waiting = isObj(state.waiting) ? state.waiting : undefined
    if (terminated && num(terminated.exitCode) === 0) continue
    if (terminated) {
      reason = str(terminated.reason)
        ? `Init:${str(terminated.reason)}`
        : num(terminated.signal) !== 0
          ? `Init:Signal:${num(terminated.signal)}`
          : `Init:ExitCode:${num(terminated.exitCode)}`
    } else if (waiting && str(waiting.reason) && waiting.reason !== 'PodInitializing') {
      reason = `Init:${str(waiting.reason)}`
    } else {
      reason = `Init:${i}/${initSpecs.length}`
    }
    initializing = true
    break
  }
  const initializedTrue = arr(s.conditions)
    .filter(isObj)
    .some((c) => c.type === 'Initialized' && c.status === 'True')
  if (!initializing || initializedTrue) {
    restarts = 0
    lastRestart = 0
    let hasRunning = false
    const statuses = arr(s.containerStatuses).filter(isObj)
    for (let i = statuses.length - 1; i >= 0; i -= 1) {
      const cs = statuses[i]!
      restarts += num(cs.restartCount)
      noteRestart(cs)
      const state = stateOf(cs)
      const terminated = isObj(state.terminated) ? state.terminated : undefined
      const waiting = isObj(state.waiting) ? state.waiting : undefined
      if (waiting && str(waiting.reason)) reason = str(waiting.reason)
      else if (terminated && str(terminated.reason)) reason = str(terminated.reason)
      else if (terminated)
        reason =
          num(terminated.signal) !== 0 ? `Signal:${num(terminated.signal)}` : `ExitCode:${num(terminated.exitCode)}`
      else if (cs.ready === true && isObj(state.running)) {
        hasRunning = true
        readyContainers += 1
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const ready = arr(s.conditions)
        .filter(isObj)
        .some((c) => c.type === 'Ready' && c.status === 'True')
      reason = ready ? 'Running' : 'NotReady'
    }
  }
  if (o.metadata.deletionTimestamp) reason = s.reason === 'NodeLost' ? 'Unknown' : 'Terminating'
  const restartText =
    restarts !== 0 && lastRestart > 0 ? `${restarts} (${humanDuration(now - lastRestart)} ago)` : String(restarts)
  return { status: reason, ready: `${readyContainers}/${total}`, restarts: restartText }
}

const columnsByKind: Record<string, Column[]> = {
  Namespace: [name, { name: 'Status', type: 'string', cell: (o) => String(status(o).phase ?? 'Active') }, ageColumn],
  Pod: [
    name,
    { name: 'Ready', type: 'string', cell: (o, now) => podSummary(o, now).ready },
    { name: 'Status', type: 'string', cell: (o, now) => podSummary(o, now).status },
    { name: 'Restarts', type: 'string', cell: (o, now) => podSummary(o, now).restarts },
    ageColumn,
    { name: 'IP', type: 'string', priority: 1, cell: (o) => String(status(o).podIP ?? '<none>') },
    { name: 'Node', type: 'string', priority: 1, cell: (o) => String(spec(o).nodeName ?? '<none>') }
  ],
  Deployment: [
    name,
    { name: 'Ready', type: 'string', cell: (o) => `${num(status(o).readyReplicas)}/${num(spec(o).replicas)}` },
    { name: 'Up-to-date', type: 'integer', cell: (o) => num(status(o).updatedReplicas) },
    { name: 'Available', type: 'integer', cell: (o) => num(status(o).availableReplicas) },
    ageColumn,
    {
      name: 'Containers',
      type: 'string',
      priority: 1,
      cell: (o) =>
        podContainers(o)
          .map((c) => String(c.name))
          .join(',')
    },
    {
      name: 'Images',
      type: 'string',
      priority: 1,
      cell: (o) =>
        podContainers(o)
          .map((c) => String(c.image))
          .join(',')
    },
    { name: 'Selector', type: 'string', priority: 1, cell: (o) => formatLabelSelector(spec(o).selector) }
  ],
  ReplicaSet: [
    name,
    { name: 'Desired', type: 'integer', cell: (o) => num(spec(o).replicas) },
    { name: 'Current', type: 'integer', cell: (o) => num(status(o).replicas) },
    { name: 'Ready', type: 'integer', cell: (o) => num(status(o).readyReplicas) },
    ageColumn
  ],
  StatefulSet: [
    name,
    { name: 'Ready', type: 'string', cell: (o) => `${num(status(o).readyReplicas)}/${num(spec(o).replicas)}` },
    ageColumn
  ],
  DaemonSet: [
    name,
    { name: 'Desired', type: 'integer', cell: (o) => num(status(o).desiredNumberScheduled) },
    { name: 'Current', type: 'integer', cell: (o) => num(status(o).currentNumberScheduled) },
    { name: 'Ready', type: 'integer', cell: (o) => num(status(o).numberReady) },
    { name: 'Up-to-date', type: 'integer', cell: (o) => num(status(o).updatedNumberScheduled) },
    { name: 'Available', type: 'integer', cell: (o) => num(status(o).numberAvailable) },
    ageColumn
  ],
  Service: [
    name,
    { name: 'Type', type: 'string', cell: (o) => String(spec(o).type ?? 'ClusterIP') },
    { name: 'Cluster-IP', type: 'string', cell: (o) => String(spec(o).clusterIP ?? '<none>') },
    { name: 'External-IP', type: 'string', cell: () => '<none>' },
    {
      name: 'Port(s)',
      type: 'string',
      cell: (o) =>
        arr(spec(o).ports)
          .filter(isObj)
          .map((p) => `${String(p.port)}/${String(p.protocol ?? 'TCP')}`)
          .join(',') || '<none>'
    },
    ageColumn
  ],
  ConfigMap: [
    name,
    {
      name: 'Data',
      type: 'integer',
      cell: (o) =>
        Object.keys(isObj(o.data) ? o.data : {}).length + Object.keys(isObj(o.binaryData) ? o.binaryData : {}).length
    },
    ageColumn
  ],
  Secret: [
    name,
    { name: 'Type', type: 'string', cell: (o) => String(o.type ?? 'Opaque') },
    { name: 'Data', type: 'integer', cell: (o) => Object.keys(isObj(o.data) ? o.data : {}).length },
    ageColumn
  ],
  Event: [
    {
      name: 'Last Seen',
      type: 'string',
      cell: (o) =>
        typeof o.lastTimestamp === 'string'
          ? humanDuration(Date.now() - Date.parse(o.lastTimestamp))
          : age(o, Date.now())
    },
    { name: 'Type', type: 'string', cell: (o) => String(o.type ?? '') },
    { name: 'Reason', type: 'string', cell: (o) => String(o.reason ?? '') },
    {
      name: 'Object',
      type: 'string',
      cell: (o) =>
        isObj(o.involvedObject)
          ? `${String(o.involvedObject.kind ?? '').toLowerCase()}/${String(o.involvedObject.name ?? '')}`
          : ''
    },
    { name: 'Message', type: 'string', cell: (o) => String(o.message ?? o.note ?? '') }
  ]
}

/** A CRD's additionalPrinterColumns, read with a small JSONPath subset (fields, [N], [?(@.k=="v")]). */
function printerColumn(c: PrinterColumn): Column {
  const type = c.type === 'integer' || c.type === 'number' ? 'integer' : c.type === 'date' ? 'date' : 'string'
  return {
    name: c.name,
    type,
    ...(c.priority ? { priority: c.priority } : {}),
    cell: (o, now) => {
      const value = jsonPathValue(o, c.jsonPath)
      if (value === undefined || value === null) return '<none>'
      if (c.type === 'date' && typeof value === 'string' && !Number.isNaN(Date.parse(value)))
        return humanDuration(now - Date.parse(value))
      if (typeof value === 'number') return value
      return typeof value === 'object' ? JSON.stringify(value) : String(value as string | boolean)
    }
  }
}

export function jsonPathValue(o: unknown, path: string): unknown {
  const steps = path.replace(/^\{?\.?/, '').replace(/\}$/, '')
  let current: unknown = o
  const re = /([^.[\]]+)|\[\?\(@\.([^=!<>]+?)\s*==\s*["']?([^"'\]]*?)["']?\)\]|\[(\d+)\]/g
  for (const m of steps.matchAll(re)) {
    if (m[1] !== undefined) current = isObj(current) ? current[m[1]] : undefined
    else if (m[2] !== undefined)
      current = arr(current).find((x) => isObj(x) && String(jsonPathValue(x, m[2]!)) === m[3])
    else current = arr(current)[Number(m[4])]
    if (current === undefined) return undefined
  }
  return current
}

const crdColumns: Column[] = [
  name,
  {
    name: 'Created At',
    type: 'date',
    cell: (o) => o.metadata.creationTimestamp ?? ''
  }
]

const columnsFor = (r: ResourceDef): Column[] =>
  (r.group === '' || r.group === 'apps' ? columnsByKind[r.kind] : undefined) ??
  (r.group === 'apiextensions.k8s.io' && r.kind === 'CustomResourceDefinition' ? crdColumns : undefined) ??
  (r.printerColumns ? [name, ...r.printerColumns.map(printerColumn)] : [name, ageColumn])

export type IncludeObject = 'None' | 'Metadata' | 'Object'

function rowObject(o: StoredObject, include: IncludeObject): object | undefined {
  if (include === 'None') return undefined
  if (include === 'Object') return o
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata }
}

export function toTable(
  resource: ResourceDef,
  objects: readonly StoredObject[],
  listMeta: object,
  include: IncludeObject
): object {
  const columns = columnsFor(resource)
  const now = Date.now()
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: listMeta,
    columnDefinitions: columns.map((c) => ({
      name: c.name,
      type: c.type,
      format: c.name === 'Name' ? 'name' : '',
      description: c.name,
      priority: c.priority ?? 0
    })),
    rows: objects.map((o) => {
      const object = rowObject(o, include)
      return { cells: columns.map((c) => c.cell(o, now)), ...(object ? { object } : {}) }
    })
  }
}

/** True when the Accept header asks for a Table (kubectl get's first choice). */
export function wantsTable(accept: string | undefined): boolean {
  if (!accept) return false
  const first = accept.split(',')[0] ?? ''
  return /as=Table/.test(first) && /g=meta\.k8s\.io/.test(first)
}
