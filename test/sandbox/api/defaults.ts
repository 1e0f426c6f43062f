/**
 * The defaulting a real API server applies when it decodes an object (the per-group defaults.go files), for
 * the fields deploy-guard and kubectl read: replicas, strategies, revision history, progress deadline,
 * pod-template fields, Service cluster IPs. Objects are modified in place.
 */
import type { StoredObject } from '../store.js'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

function obj(parent: Obj, key: string): Obj {
  const value = parent[key]
  if (isObj(value)) return value
  const created: Obj = {}
  parent[key] = created
  return created
}

function setDefault(target: Obj, key: string, value: unknown): void {
  if (target[key] === undefined || target[key] === null) target[key] = value
}

function defaultContainer(c: unknown): void {
  if (!isObj(c)) return
  const image = typeof c.image === 'string' ? c.image : ''
  const tag = image.includes('@') ? 'digest' : (/:([^/:]+)$/.exec(image)?.[1] ?? 'latest')
  setDefault(c, 'imagePullPolicy', tag === 'latest' ? 'Always' : 'IfNotPresent')
  setDefault(c, 'terminationMessagePath', '/dev/termination-log')
  setDefault(c, 'terminationMessagePolicy', 'File')
  setDefault(c, 'resources', {})
  if (Array.isArray(c.ports)) for (const p of c.ports) if (isObj(p)) setDefault(p, 'protocol', 'TCP')
}

export function defaultPodSpec(spec: Obj): void {
  setDefault(spec, 'restartPolicy', 'Always')
  setDefault(spec, 'terminationGracePeriodSeconds', 30)
  setDefault(spec, 'dnsPolicy', 'ClusterFirst')
  setDefault(spec, 'schedulerName', 'default-scheduler')
  setDefault(spec, 'securityContext', {})
  for (const list of ['containers', 'initContainers']) {
    const containers = spec[list]
    if (Array.isArray(containers)) containers.forEach(defaultContainer)
  }
}

function defaultTemplate(spec: Obj): void {
  const template = obj(spec, 'template')
  defaultPodSpec(obj(template, 'spec'))
}

let nextClusterIp = 1

/** Applies defaults for `kind`. `creating` enables one-time defaults such as a Service's clusterIP. */
export function applyDefaults(object: StoredObject, creating: boolean): void {
  const spec = isObj(object.spec) ? object.spec : undefined
  switch (object.kind) {
    case 'Deployment': {
      if (!spec) return
      setDefault(spec, 'replicas', 1)
      setDefault(spec, 'revisionHistoryLimit', 10)
      setDefault(spec, 'progressDeadlineSeconds', 600)
      const strategy = obj(spec, 'strategy')
      setDefault(strategy, 'type', 'RollingUpdate')
      if (strategy.type === 'RollingUpdate') {
        const ru = obj(strategy, 'rollingUpdate')
        setDefault(ru, 'maxUnavailable', '25%')
        setDefault(ru, 'maxSurge', '25%')
      }
      defaultTemplate(spec)
      return
    }
    case 'ReplicaSet':
      if (!spec) return
      setDefault(spec, 'replicas', 1)
      defaultTemplate(spec)
      return
    case 'StatefulSet': {
      if (!spec) return
      setDefault(spec, 'replicas', 1)
      setDefault(spec, 'podManagementPolicy', 'OrderedReady')
      setDefault(spec, 'revisionHistoryLimit', 10)
      const strategy = obj(spec, 'updateStrategy')
      setDefault(strategy, 'type', 'RollingUpdate')
      if (strategy.type === 'RollingUpdate') setDefault(obj(strategy, 'rollingUpdate'), 'partition', 0)
      defaultTemplate(spec)
      return
    }
    case 'DaemonSet': {
      if (!spec) return
      setDefault(spec, 'revisionHistoryLimit', 10)
      const strategy = obj(spec, 'updateStrategy')
      setDefault(strategy, 'type', 'RollingUpdate')
      if (strategy.type === 'RollingUpdate') {
        const ru = obj(strategy, 'rollingUpdate')
        setDefault(ru, 'maxUnavailable', 1)
        setDefault(ru, 'maxSurge', 0)
      }
      defaultTemplate(spec)
      return
    }
    case 'Pod':
      if (spec) defaultPodSpec(spec)
      if (creating) {
        const status = (object.status ??= {}) as Obj
        setDefault(status, 'phase', 'Pending')
      }
      return
    case 'Service': {
      if (!spec) return
      setDefault(spec, 'type', 'ClusterIP')
      setDefault(spec, 'sessionAffinity', 'None')
      if (creating && spec.type !== 'ExternalName' && spec.clusterIP === undefined) {
        const n = nextClusterIp++
        spec.clusterIP = `10.96.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`
        spec.clusterIPs = [spec.clusterIP]
      }
      if (Array.isArray(spec.ports)) {
        for (const p of spec.ports) {
          if (!isObj(p)) continue
          setDefault(p, 'protocol', 'TCP')
          setDefault(p, 'targetPort', p.port)
        }
      }
      return
    }
    case 'Namespace': {
      object.spec = { finalizers: ['kubernetes'], ...(spec ?? {}) }
      const status = (object.status ??= {}) as Obj
      setDefault(status, 'phase', 'Active')
      return
    }
    case 'Secret':
      setDefault(object as Obj, 'type', 'Opaque')
      return
  }
}
