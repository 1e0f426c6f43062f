/**
 * `canary` with each weighted traffic router, end to end (the bundle in a child process against the
 * sandbox): the canary Deployment is scaled up and Ready before it gets traffic, the weights follow the
 * steps, promotion gives the stable the canary's template and puts the route back byte for byte, and
 * a route edited by someone else mid-canary aborts the run with a clear message and their edit kept.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import YAML from 'yaml'
import { startFakePrometheus, type FakePrometheus } from '../harness/fake-prometheus.js'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import { builtinResources, resourceForKind, type ResourceDef } from '../sandbox/resources.js'
import { loadScenario } from '../sandbox/scenario.js'
import type { StoredObject } from '../sandbox/store.js'
import { runAction, type ActionRun, type RunActionOptions } from './run-action.js'
import { deployment, service, tempDir, waitFor, type TempDir } from './fixtures.js'

const def = (apiVersion: string, kind: string): ResourceDef => resourceForKind(builtinResources, apiVersion, kind)!
const DEPLOYMENT = def('apps/v1', 'Deployment')
const HTTPROUTE = def('gateway.networking.k8s.io/v1', 'HTTPRoute')
const VIRTUALSERVICE = def('networking.istio.io/v1', 'VirtualService')
const INGRESS = def('networking.k8s.io/v1', 'Ingress')

let sandbox: Sandbox
let dir: TempDir
let prometheus: FakePrometheus

beforeAll(async () => {
  sandbox = await startSandbox({ timeScale: 20 })
  dir = await tempDir()
  prometheus = await startFakePrometheus({ queries: [{ kind: 'value', value: 0 }] })
})

afterAll(async () => {
  await prometheus?.stop()
  await sandbox?.stop()
  await dir?.remove()
})

type Spec = Record<string, unknown>
const spec = (o: StoredObject): Spec => (o as unknown as { spec: Spec }).spec

interface RouterCase {
  name: string
  traffic: string
  route: (ns: string) => string
  object: [ResourceDef, string]
  /** The canary's share as the route holds it. */
  canaryWeight: (o: StoredObject) => unknown
  /** Someone else's edit of the route. */
  edit: (o: StoredObject) => void
}

const CASES: RouterCase[] = [
  {
    name: 'gatewayHTTPRoute',
    traffic: '{ gatewayHTTPRoute: { route: web, stable: api, canary: api-canary } }',
    route: (ns) => `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: ${ns}}
spec:
  parentRefs: [{name: gateway}]
  rules:
  - backendRefs: [{name: api, port: 80}, {name: api-canary, port: 80, weight: 0}]
`,
    object: [HTTPROUTE, 'web'],
    canaryWeight: (o) =>
      (spec(o).rules as Array<{ backendRefs: Array<{ weight?: number }> }>)[0]!.backendRefs[1]!.weight,
    edit: (o) =>
      void ((spec(o).rules as Array<{ backendRefs: Array<{ weight?: number }> }>)[0]!.backendRefs[1]!.weight = 60)
  },
  {
    name: 'istioVirtualService',
    traffic: '{ istioVirtualService: { virtualService: web, stable: { host: api }, canary: { host: api-canary } } }',
    route: (ns) => `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: web, namespace: ${ns}}
spec:
  hosts: [web]
  http:
  - route:
    - destination: {host: api}
      weight: 100
    - destination: {host: api-canary}
      weight: 0
`,
    object: [VIRTUALSERVICE, 'web'],
    canaryWeight: (o) => (spec(o).http as Array<{ route: Array<{ weight?: number }> }>)[0]!.route[1]!.weight,
    edit: (o) => void (spec(o).http as Array<{ route: Array<{ weight?: number }> }>)[0]!.route.reverse()
  },
  {
    name: 'nginxIngress',
    traffic: '{ nginxIngress: { canaryIngress: web-canary } }',
    route: (ns) => `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web-canary, namespace: ${ns}, annotations: {nginx.ingress.kubernetes.io/canary: "true"}}
spec:
  ingressClassName: nginx
  rules:
  - host: shop.example.com
    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: api-canary, port: {number: 80}}}}]}
`,
    object: [INGRESS, 'web-canary'],
    canaryWeight: (o) => o.metadata.annotations?.['nginx.ingress.kubernetes.io/canary-weight'],
    edit: (o) => void (o.metadata.annotations!['nginx.ingress.kubernetes.io/canary-weight'] = '0')
  }
]

const get = (d: ResourceDef, ns: string, name: string): StoredObject => {
  const o = sandbox.store.get(d, ns, name)
  if (!o) throw new Error(`${d.kind} ${ns}/${name} missing`)
  return o
}

const routed = (o: StoredObject): unknown => ({ spec: spec(o), annotations: o.metadata.annotations ?? {} })

interface DeploymentSpec {
  replicas: number
  template: { spec: { containers: Array<{ image: string }> } }
}
const deploymentSpec = (ns: string, name: string) => spec(get(DEPLOYMENT, ns, name)) as unknown as DeploymentSpec

/** Stable api (3 × v1) and canary api-canary (0 × v2), each behind its own Service, and the route. */
async function setUp(ns: string, c: RouterCase): Promise<unknown> {
  const objects = [
    deployment(ns, 'api', 'registry/api:v1', { replicas: 3 }),
    deployment(ns, 'api-canary', 'registry/api:v2', { replicas: 0 }),
    service(ns, 'api', { app: 'api' }),
    service(ns, 'api-canary', { app: 'api-canary' })
  ]
  loadScenario(sandbox.store, builtinResources, [...objects.map((o) => YAML.stringify(o)), c.route(ns)].join('---\n'))
  await waitFor(
    () =>
      (get(DEPLOYMENT, ns, 'api') as unknown as { status?: { readyReplicas?: number } }).status?.readyReplicas === 3,
    'stable ready'
  )
  return structuredClone(routed(get(c.object[0], ns, c.object[1])))
}

const CONFIG = (traffic: string, steps: string): string => `
verify: { timeout: 30s, pollInterval: 200ms, failFastAfter: 1s }
analysis:
  interval: 500ms
  checks:
    - name: error-rate
      query: 'sum(rate(http_requests_total{status=~"5..",version="{{version}}"}[1m]))'
      max: 0.01
canary:
  steps: ${steps}
  traffic: ${traffic}
`

async function canary(
  ns: string,
  c: RouterCase,
  steps: string,
  options: RunActionOptions = {},
  inputs: Record<string, string> = {}
): Promise<ActionRun> {
  return runAction(
    {
      ...inputs,
      command: 'canary',
      target: 'deployment/api',
      namespace: ns,
      config: await dir.write(`${ns}.yml`, CONFIG(c.traffic, steps)),
      kubeconfig: sandbox.kubeconfig,
      'prometheus-url': prometheus.url
    },
    {},
    options
  )
}

describe.each(CASES)('canary with the $name router, end to end', (c) => {
  it('scales the canary up before traffic, follows the weights, promotes, and restores the route byte for byte', async () => {
    const ns = `${c.name.toLowerCase()}-good`
    const before = await setUp(ns, c)
    const seen: Array<{ weight: unknown; canaryReady: number }> = []
    const timer = setInterval(() => {
      const weight = c.canaryWeight(get(c.object[0], ns, c.object[1]))
      const ready =
        (get(DEPLOYMENT, ns, 'api-canary') as unknown as { status?: { readyReplicas?: number } }).status
          ?.readyReplicas ?? 0
      seen.push({ weight, canaryReady: ready })
    }, 10)
    const run = await canary(ns, c, '[ { weight: 25, pause: 1s }, { weight: 100 } ]')
    clearInterval(timer)
    expect(run.stderr).toBe('')
    expect(run.outputs).toMatchObject({ verdict: 'passed', action: 'promoted', 'canary-state': 'promoted' })
    expect(run.stdout).toContain('canary api-canary scaled to 3 pod(s)')
    expect(run.stdout).toContain('weight 25 % set')
    // Traffic reached the canary only once its pods were Ready.
    const shifted = seen.filter((s) => s.weight !== undefined && s.weight !== 0 && s.weight !== '0')
    expect(shifted.length).toBeGreaterThan(0)
    expect(shifted.every((s) => s.canaryReady > 0)).toBe(true)
    // Promoted: the stable runs v2, the route is as found, the canary is at zero.
    expect(deploymentSpec(ns, 'api')).toMatchObject({
      replicas: 3,
      template: { spec: { containers: [{ image: 'registry/api:v2' }] } }
    })
    expect(routed(get(c.object[0], ns, c.object[1]))).toEqual(before)
    expect(deploymentSpec(ns, 'api-canary').replicas).toBe(0)
    expect(run.summary).toContain(`(${c.name} router)`)
  })

  it('aborts when someone else edits the route mid-canary: their edit kept, the canary at zero', async () => {
    const ns = `${c.name.toLowerCase()}-edited`
    await setUp(ns, c)
    let edited: unknown
    const run = await canary(ns, c, '[ { weight: 25, pause: 1s }, { weight: 50, pause: 1s }, { weight: 100 } ]', {
      onSpawn: (child) => {
        let out = ''
        child.stdout?.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          if (edited === undefined && out.includes('weight 25 % set')) {
            const o = structuredClone(get(c.object[0], ns, c.object[1]))
            c.edit(o)
            sandbox.store.update(c.object[0], o)
            edited = c.canaryWeight(get(c.object[0], ns, c.object[1]))
          }
        })
      }
    })
    expect(edited).toBeDefined()
    expect(run.outputs).toMatchObject({ verdict: 'inconclusive', action: 'aborted' })
    expect(run.summary).toContain('the route was changed by someone else')
    expect(run.stdout).not.toContain('step 3:')
    // Nothing of theirs was overwritten (what deploy-guard alone wrote was put back).
    expect(c.canaryWeight(get(c.object[0], ns, c.object[1]))).toEqual(edited)
    expect(deploymentSpec(ns, 'api')).toMatchObject({
      replicas: 3,
      template: { spec: { containers: [{ image: 'registry/api:v1' }] } }
    })
    expect(deploymentSpec(ns, 'api-canary').replicas).toBe(0)
  })
})

describe('an unhealthy promotion', () => {
  it("puts the stable's previous template back, restores the route and retires the canary", async () => {
    const ns = 'promotion-unhealthy'
    const c = CASES[0]!
    const stable = deployment(ns, 'api', 'registry/api:v1', { replicas: 3 }) as { spec: Record<string, unknown> }
    // Old pods stay until new ones are Ready, so the put-back stable is whole again at once.
    stable.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } }
    const objects = [
      stable,
      deployment(ns, 'api-canary', 'registry/api:v2', { replicas: 2 }),
      service(ns, 'api', { app: 'api' }),
      service(ns, 'api-canary', { app: 'api-canary' })
    ]
    loadScenario(sandbox.store, builtinResources, [...objects.map((o) => YAML.stringify(o)), c.route(ns)].join('---\n'))
    const ready = (name: string, n: number) =>
      (get(DEPLOYMENT, ns, name) as unknown as { status?: { readyReplicas?: number } }).status?.readyReplicas === n
    await waitFor(() => ready('api', 3) && ready('api-canary', 2), 'stable and canary ready')
    const before = structuredClone(routed(get(c.object[0], ns, c.object[1])))
    // From now on the namespace's quota refuses new pods: the canary already runs, the promoted stable cannot.
    const namespace = def('v1', 'Namespace')
    const nsObject = structuredClone(sandbox.store.get(namespace, undefined, ns)!)
    nsObject.metadata.annotations = {
      ...(nsObject.metadata.annotations ?? {}),
      'sandbox.deploy-guard.dev/quota-exceeded': 'true'
    }
    sandbox.store.update(namespace, nsObject)
    const run = await runAction({
      command: 'canary',
      target: 'deployment/api',
      namespace: ns,
      config: await dir.write(
        `${ns}.yml`,
        CONFIG(c.traffic, '[ { weight: 50, pause: 1s }, { weight: 100 } ]') + '  replicas: 2\n'
      ),
      kubeconfig: sandbox.kubeconfig,
      'prometheus-url': prometheus.url
    })
    expect(run.outputs).toMatchObject({ verdict: 'failed', action: 'aborted', 'canary-state': 'aborted' })
    expect(run.summary).toContain('the promoted api is not healthy')
    expect(deploymentSpec(ns, 'api').template.spec.containers[0]!.image).toBe('registry/api:v1')
    expect(routed(get(c.object[0], ns, c.object[1]))).toEqual(before)
    expect(deploymentSpec(ns, 'api-canary').replicas).toBe(0)
  })
})

describe('a route edited during a manual pause', () => {
  it('a resumed run aborts without overwriting the edit; the canary is retired', async () => {
    const ns = 'paused-edited'
    const c = CASES[0]!
    const before = await setUp(ns, c)
    const steps = '[ { weight: 25, pause: 1s }, { pause: manual }, { weight: 100 } ]'
    const first = await canary(ns, c, steps)
    expect(first.outputs).toMatchObject({ action: 'paused', 'canary-state': 'paused', 'canary-step': '3' })
    expect(c.canaryWeight(get(c.object[0], ns, c.object[1]))).toBe(25)
    // During the pause someone moves the canary to 60 %.
    const edited = structuredClone(get(c.object[0], ns, c.object[1]))
    c.edit(edited)
    sandbox.store.update(c.object[0], edited)
    const second = await canary(ns, c, steps, {}, { 'canary-resume': 'continue' })
    expect(second.outputs).toMatchObject({ verdict: 'inconclusive', action: 'aborted', 'canary-state': 'aborted' })
    expect(second.summary).toContain('the route was changed by someone else')
    expect(c.canaryWeight(get(c.object[0], ns, c.object[1]))).toBe(60)
    expect(deploymentSpec(ns, 'api-canary').replicas).toBe(0)
    expect(routed(get(c.object[0], ns, c.object[1]))).not.toEqual(before)
  })
})
