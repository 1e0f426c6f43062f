/**
 * `meta.k8s.io/v1` Table responses, what `kubectl get` asks for: per-kind columns like the real
 * server's printers (pkg/printers/internalversion), NAME/AGE for everything else.
 */
import type { ResourceDef } from '../resources.js'
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

function podStatus(o: StoredObject): string {
  const s = status(o)
  let reason = typeof s.reason === 'string' ? s.reason : typeof s.phase === 'string' ? s.phase : 'Pending'
  for (const cs of arr(s.containerStatuses).filter(isObj)) {
    const state = isObj(cs.state) ? cs.state : {}
    if (isObj(state.waiting) && typeof state.waiting.reason === 'string' && state.waiting.reason)
      reason = state.waiting.reason
    else if (isObj(state.terminated) && typeof state.terminated.reason === 'string' && state.terminated.reason)
      reason = state.terminated.reason
  }
  if (o.metadata.deletionTimestamp) reason = 'Terminating'
  return reason
}

const columnsByKind: Record<string, Column[]> = {
  Namespace: [name, { name: 'Status', type: 'string', cell: (o) => String(status(o).phase ?? 'Active') }, ageColumn],
  Pod: [
    name,
    {
      name: 'Ready',
      type: 'string',
      cell: (o) => {
        const statuses = arr(status(o).containerStatuses).filter(isObj)
        const total = arr(spec(o).containers).length
        return `${statuses.filter((c) => c.ready === true).length}/${total}`
      }
    },
    { name: 'Status', type: 'string', cell: podStatus },
    {
      name: 'Restarts',
      type: 'integer',
      cell: (o) =>
        arr(status(o).containerStatuses)
          .filter(isObj)
          .reduce((n, c) => n + num(c.restartCount), 0)
    },
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

const columnsFor = (r: ResourceDef): Column[] =>
  (r.group === '' || r.group === 'apps' ? columnsByKind[r.kind] : undefined) ?? [name, ageColumn]

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
