// Regenerates types.json from @kubernetes/client-node's generated models (the Kubernetes OpenAPI
// schema as TypeScript metadata): for each Go struct the sandbox serves, its JSON fields and their types.
// Run: node_modules/.bin/node test/sandbox/api/schema/generate.mjs
import { writeFileSync } from 'node:fs'
import * as models from '../../../../node_modules/@kubernetes/client-node/dist/gen/models/all.js'

const roots = [
  'V1Namespace',
  'V1Pod',
  'V1Service',
  'V1Endpoints',
  'CoreV1Event',
  'V1Secret',
  'V1ConfigMap',
  'V1ServiceAccount',
  'V1Deployment',
  'V1ReplicaSet',
  'V1StatefulSet',
  'V1DaemonSet',
  'V1ControllerRevision',
  'V1EndpointSlice',
  'EventsV1Event',
  'V1Ingress',
  'V1Scale',
  'V1DeleteOptions'
]
const out = {}
function typeOf(type, format) {
  if (type === 'number') return format === 'int32' ? 'int32' : format === 'double' ? 'float64' : 'int64'
  if (type === 'boolean') return 'bool'
  if (type === 'Date') return 'time'
  if (type === 'IntOrString') return 'intstr'
  if (type === 'any' || type === 'object') return 'any'
  let m = /^Array<(.+)>$/.exec(type)
  if (m) return '[]' + typeOf(m[1], '')
  m = /^\{ \[key: string\]: (.+); \}$/.exec(type)
  if (m) return 'map:' + typeOf(m[1], '')
  if (models[type]?.attributeTypeMap) {
    visit(type)
    return type
  }
  return type
}
function visit(name) {
  if (out[name]) return
  out[name] = {}
  for (const a of models[name].attributeTypeMap) out[name][a.baseName] = typeOf(a.type, a.format)
}
for (const r of roots) visit(r)
const path = new URL('./types.json', import.meta.url)
writeFileSync(path, JSON.stringify(out) + '\n')
console.log(`${Object.keys(out).length} types`)
