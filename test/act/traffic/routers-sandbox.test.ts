/**
 * Issue 10 acceptance 5 (router half): each traffic router against the sandbox API server — weights
 * 5 → 25 → 50 → 100 set on real objects, restore byte for byte, and a route edited by someone else
 * between two setWeight calls → RouteChangedError naming the field, their edit kept (also by restore).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createKubeApi, type KubeClient } from '../../../src/kube/client.js'
import {
  routerFor,
  RouteChangedError,
  type TrafficRouterKind,
  type TrafficSpec
} from '../../../src/act/traffic/index.js'
import { startSandbox, type Sandbox } from '../../sandbox/index.js'
import { builtinResources, resourceForKind, type ResourceDef } from '../../sandbox/resources.js'
import type { StoredObject } from '../../sandbox/store.js'

const def = (apiVersion: string, kind: string): ResourceDef => resourceForKind(builtinResources, apiVersion, kind)!
const DEPLOYMENT = def('apps/v1', 'Deployment')
const SERVICE = def('v1', 'Service')
const HTTPROUTE = def('gateway.networking.k8s.io/v1', 'HTTPRoute')
const VIRTUALSERVICE = def('networking.istio.io/v1', 'VirtualService')
const INGRESS = def('networking.k8s.io/v1', 'Ingress')
const CANARY_WEIGHT = 'nginx.ingress.kubernetes.io/canary-weight'

type Spec = Record<string, unknown>
type Get = (def: ResourceDef, name: string) => StoredObject
const spec = (o: StoredObject): Spec => (o as unknown as { spec: Spec }).spec

interface RouterCase {
  kind: TrafficRouterKind
  yaml: (ns: string) => string
  spec: (ns: string) => TrafficSpec
  /** The objects the router routes with, for the byte-for-byte check. */
  objects: Array<[ResourceDef, string]>
  /** What the routing fields hold now. */
  observe: (get: Get) => unknown
  steps: Array<[weight: number, observed: unknown]>
  /** Someone else's edit after step `editAfter`, then setWeight(nextWeight) must refuse. */
  editAfter: number
  nextWeight: number
  edit: (o: StoredObject) => void
  editedObject: [ResourceDef, string]
  editedPath: string
  editedFound: unknown
  /** What the routing fields hold after restore following the edit (theirs kept, ours put back). */
  afterConflictRestore: unknown
}

const deployment = (ns: string, name: string, track: string, replicas: number, image: string): string => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}, annotations: {team: shop}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: api, track: ${track}}}
  template:
    metadata: {labels: {app: api, track: ${track}}}
    spec: {containers: [{name: app, image: "${image}"}]}
`

const CASES: RouterCase[] = [
  {
    kind: 'replicas',
    yaml: (ns) =>
      `${deployment(ns, 'api', 'stable', 4, 'registry/api:1')}---${deployment(ns, 'api-canary', 'canary', 0, 'registry/api:2')}`,
    spec: (ns) => ({ kind: 'replicas', namespace: ns, stable: 'api', canary: 'api-canary' }),
    objects: [
      [DEPLOYMENT, 'api'],
      [DEPLOYMENT, 'api-canary']
    ],
    observe: (get) => [spec(get(DEPLOYMENT, 'api')).replicas, spec(get(DEPLOYMENT, 'api-canary')).replicas],
    // total 4: ceil(0.05 × 4) = 1, ceil(0.25 × 4) = 1, 2, 4; the stable keeps the total
    steps: [
      [5, [3, 1]],
      [25, [3, 1]],
      [50, [2, 2]],
      [100, [0, 4]]
    ],
    editAfter: 1, // an autoscaler scales the stable to 7 at 25 %
    nextWeight: 50,
    edit: (o) => void (spec(o).replicas = 7),
    editedObject: [DEPLOYMENT, 'api'],
    editedPath: '/spec/replicas',
    editedFound: 7,
    afterConflictRestore: [7, 0]
  },
  {
    kind: 'gatewayHTTPRoute',
    yaml: (ns) => `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: ${ns}, annotations: {owner: platform}}
spec:
  parentRefs: [{name: gateway, namespace: infra}]
  hostnames: [shop.example.com]
  rules:
  - matches: [{path: {type: PathPrefix, value: /admin}}]
    backendRefs: [{name: admin, port: 80}]
  - matches: [{path: {type: PathPrefix, value: /}}]
    backendRefs: [{name: api, port: 80}, {name: api-canary, port: 80, weight: 0}]
`,
    spec: (ns) => ({ kind: 'gatewayHTTPRoute', namespace: ns, route: 'web', stable: 'api', canary: 'api-canary' }),
    objects: [[HTTPROUTE, 'web']],
    observe: (get) =>
      (spec(get(HTTPROUTE, 'web')).rules as Array<{ backendRefs: Array<{ weight?: number }> }>).map((r) =>
        r.backendRefs.map((b) => b.weight ?? null)
      ),
    steps: [
      [5, [[null], [95, 5]]],
      [25, [[null], [75, 25]]],
      [50, [[null], [50, 50]]],
      [100, [[null], [0, 100]]]
    ],
    editAfter: 0, // someone pulls the canary's weight up to 60 by hand at 5 %
    nextWeight: 25,
    edit: (o) =>
      void ((spec(o).rules as Array<{ backendRefs: Array<{ weight?: number }> }>)[1]!.backendRefs[1]!.weight = 60),
    editedObject: [HTTPROUTE, 'web'],
    editedPath: '/spec/rules/1/backendRefs/1/weight',
    editedFound: 60,
    afterConflictRestore: [[null], [null, 60]] // the stable's weight was absent: removed again; theirs kept
  },
  {
    kind: 'istioVirtualService',
    yaml: (ns) => `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: web, namespace: ${ns}}
spec:
  hosts: [web]
  http:
  - name: primary
    route:
    - destination: {host: web, subset: stable, port: {number: 80}}
      weight: 100
    - destination: {host: web, subset: canary, port: {number: 80}}
      weight: 0
`,
    spec: (ns) => ({
      kind: 'istioVirtualService',
      namespace: ns,
      virtualService: 'web',
      stable: { host: 'web', subset: 'stable' },
      canary: { host: 'web', subset: 'canary' }
    }),
    objects: [[VIRTUALSERVICE, 'web']],
    observe: (get) =>
      (spec(get(VIRTUALSERVICE, 'web')).http as Array<{ route: Array<{ weight?: number }> }>).map((h) =>
        h.route.map((r) => r.weight ?? null)
      ),
    steps: [
      [5, [[95, 5]]],
      [25, [[75, 25]]],
      [50, [[50, 50]]],
      [100, [[0, 100]]]
    ],
    editAfter: 1, // someone swaps the two destinations at 25 %: the indexes no longer hold ours
    nextWeight: 50,
    edit: (o) => {
      const route = (spec(o).http as Array<{ route: unknown[] }>)[0]!.route
      route.reverse()
    },
    editedObject: [VIRTUALSERVICE, 'web'],
    editedPath: '/spec/http/0/route/0/destination/subset',
    editedFound: 'canary',
    afterConflictRestore: [[25, 75]]
  },
  {
    kind: 'nginxIngress',
    yaml: (ns) => `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web-canary, namespace: ${ns}, annotations: {nginx.ingress.kubernetes.io/canary: "true"}}
spec:
  ingressClassName: nginx
  rules:
  - host: shop.example.com
    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: api-canary, port: {number: 80}}}}]}
`,
    spec: (ns) => ({ kind: 'nginxIngress', namespace: ns, canaryIngress: 'web-canary' }),
    objects: [[INGRESS, 'web-canary']],
    observe: (get) => get(INGRESS, 'web-canary').metadata.annotations?.[CANARY_WEIGHT] ?? null,
    steps: [
      [5, '5'],
      [25, '25'],
      [50, '50'],
      [100, '100']
    ],
    editAfter: 2, // an operator pulls all traffic off the canary at 50 %
    nextWeight: 100,
    edit: (o) => void (o.metadata.annotations![CANARY_WEIGHT] = '0'),
    editedObject: [INGRESS, 'web-canary'],
    editedPath: '/metadata/annotations/nginx.ingress.kubernetes.io~1canary-weight',
    editedFound: '0',
    afterConflictRestore: '0'
  },
  {
    kind: 'serviceSelector',
    yaml: (ns) =>
      ['web', 'web-preview']
        .map(
          (name) => `
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {app: web, color: blue}
  ports: [{port: 80, targetPort: 8080}]
`
        )
        .join('---'),
    spec: (ns) => ({
      kind: 'serviceSelector',
      namespace: ns,
      activeService: 'web',
      previewService: 'web-preview',
      blue: { color: 'blue' },
      green: { color: 'green' }
    }),
    objects: [
      [SERVICE, 'web'],
      [SERVICE, 'web-preview']
    ],
    observe: (get) => [
      (spec(get(SERVICE, 'web')).selector as Record<string, string>).color,
      (spec(get(SERVICE, 'web-preview')).selector as Record<string, string>).color
    ],
    // green judged through the preview, then switched, then switched back (post-promotion failure)
    steps: [
      [0, ['blue', 'green']],
      [100, ['green', 'green']],
      [0, ['blue', 'green']],
      [100, ['green', 'green']]
    ],
    editAfter: 1, // someone points the active Service elsewhere after the switch
    nextWeight: 0,
    edit: (o) => void ((spec(o).selector as Record<string, string>).color = 'purple'),
    editedObject: [SERVICE, 'web'],
    editedPath: '/spec/selector/color',
    editedFound: 'purple',
    afterConflictRestore: ['purple', 'blue']
  }
]

let sandbox: Sandbox
let api: KubeClient

beforeAll(async () => {
  const docs = CASES.flatMap((c) =>
    ['set', 'edit'].map(
      (use) =>
        `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${c.kind.toLowerCase()}-${use}}\n---${c.yaml(`${c.kind.toLowerCase()}-${use}`)}`
    )
  )
  sandbox = await startSandbox({ scenarioText: docs.join('\n---\n'), timeScale: 1000 })
  api = await createKubeApi({ kubeconfig: sandbox.kubeconfig }, { retries: 0 })
}, 60_000)

afterAll(async () => {
  await api?.close()
  await sandbox?.stop()
})

const getter =
  (ns: string): Get =>
  (d, name) => {
    const o = sandbox.store.get(d, ns, name)
    if (!o) throw new Error(`${d.kind} ${ns}/${name} missing`)
    return o
  }

/** What "byte for byte" compares: the spec and the annotations (minus the controller's revision mark). */
function routed(o: StoredObject): unknown {
  const annotations = { ...(o.metadata.annotations ?? {}) }
  delete annotations['deployment.kubernetes.io/revision']
  return { spec: spec(o), annotations, labels: o.metadata.labels ?? {} }
}

const snapshot = (c: RouterCase, ns: string): unknown[] => c.objects.map(([d, name]) => routed(getter(ns)(d, name)))

describe.each(CASES)('$kind router on the sandbox', (c) => {
  it('sets each step weight, then restores every routing object byte for byte', async () => {
    const ns = `${c.kind.toLowerCase()}-set`
    const before = snapshot(c, ns)
    const router = routerFor(c.kind)
    const state = await router.prepare(api, c.spec(ns))
    expect(state.objects.map((o) => routed(o.original as unknown as StoredObject))).toEqual(before)
    for (const [weight, observed] of c.steps) {
      await router.setWeight(api, state, weight)
      expect({ weight, observed: c.observe(getter(ns)) }).toEqual({ weight, observed })
    }
    await router.restore(api, state)
    expect(snapshot(c, ns)).toEqual(before)
    // restoring twice is a no-op, not an error
    const requests = api.requestCount
    await router.restore(api, state)
    expect(api.requestCount).toBe(requests)
  })

  it('a route changed by someone else mid-way: RouteChangedError, nothing of theirs overwritten', async () => {
    const ns = `${c.kind.toLowerCase()}-edit`
    const get = getter(ns)
    const router = routerFor(c.kind)
    const state = await router.prepare(api, c.spec(ns))
    for (const [weight] of c.steps.slice(0, c.editAfter + 1)) await router.setWeight(api, state, weight)

    const [editedDef, editedName] = c.editedObject
    const theirs = get(editedDef, editedName)
    c.edit(theirs)
    sandbox.store.update(editedDef, theirs)
    const afterEdit = routed(get(editedDef, editedName))

    const error = await router.setWeight(api, state, c.nextWeight).then(
      () => undefined,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(RouteChangedError)
    const changed = error as RouteChangedError
    expect(changed.during).toBe('setWeight')
    expect(changed.message).toContain('the route was changed by someone else')
    expect(changed.message).toContain(`${editedDef.kind} ${ns}/${editedName}`)
    expect(changed.message).toContain(c.editedPath)
    expect(changed.changes).toContainEqual(expect.objectContaining({ path: c.editedPath, found: c.editedFound }))
    expect(changed.message).not.toMatch(/\n|at .*\.ts/)
    expect(routed(get(editedDef, editedName))).toEqual(afterEdit)

    // restore puts back what is still ours and reports, not overwrites, what is theirs
    const restoreError = await router.restore(api, state).then(
      () => undefined,
      (e: unknown) => e
    )
    expect(restoreError).toBeInstanceOf(RouteChangedError)
    expect((restoreError as RouteChangedError).during).toBe('restore')
    expect((restoreError as RouteChangedError).message).toContain(c.editedPath)
    expect(c.observe(get)).toEqual(c.afterConflictRestore)
  })
})

describe('prepare refuses routing it cannot do, saying what to fix', () => {
  const refuse = async (s: TrafficSpec, message: string | RegExp): Promise<void> => {
    await expect(routerFor(s.kind).prepare(api, s)).rejects.toThrow(message)
  }

  it('missing objects, backends and marks', async () => {
    await refuse(
      { kind: 'replicas', namespace: 'replicas-set', stable: 'api', canary: 'nope' },
      'Deployment replicas-set/nope not found: create the canary Deployment first'
    )
    await refuse(
      { kind: 'gatewayHTTPRoute', namespace: 'gatewayhttproute-set', route: 'web', stable: 'api', canary: 'admin' },
      'HTTPRoute gatewayhttproute-set/web has no rule with both backendRefs "api" and "admin": add the canary backendRef with weight: 0 next to the stable one'
    )
    await refuse(
      {
        kind: 'istioVirtualService',
        namespace: 'istiovirtualservice-set',
        virtualService: 'web',
        stable: { host: 'web', subset: 'stable' },
        canary: { host: 'web', subset: 'v2' }
      },
      /no http route with both destinations web \(subset stable\) and web \(subset v2\)/
    )
    await refuse(
      {
        kind: 'serviceSelector',
        namespace: 'serviceselector-set',
        activeService: 'web',
        blue: { color: 'cyan' },
        green: { color: 'green' }
      },
      'Service serviceselector-set/web does not select blue (color=cyan): its selector is {"app":"web","color":"blue"}'
    )
  })

  it('an Ingress without the canary mark, and a blue-green weight in between', async () => {
    const ingress = sandbox.store.get(INGRESS, 'nginxingress-set', 'web-canary')!
    sandbox.store.create(INGRESS, { ...ingress, metadata: { name: 'web-main', namespace: 'nginxingress-set' } })
    await refuse(
      { kind: 'nginxIngress', namespace: 'nginxingress-set', canaryIngress: 'web-main' },
      'Ingress nginxingress-set/web-main is not an ingress-nginx canary: annotate it nginx.ingress.kubernetes.io/canary: "true"'
    )
    const router = routerFor('serviceSelector')
    const state = await router.prepare(api, CASES[4]!.spec('serviceselector-set'))
    await expect(router.setWeight(api, state, 50)).rejects.toThrow(
      'blue-green switches all traffic at once: weight must be 0 or 100 (got 50)'
    )
  })
})
