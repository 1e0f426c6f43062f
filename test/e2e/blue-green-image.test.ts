/**
 * Blue-green with the `image` input, end to end (the bundle against the sandbox, a fake Prometheus):
 * green does not exist, so it is made from blue with the new image and `canary.blueGreen.greenLabels`
 * setting its pods apart on the active Service's selector; then the usual switch. Without those labels,
 * or in a dry run, nothing is created.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startFakePrometheus, type FakePrometheus } from '../harness/fake-prometheus.js'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import { runAction, type ActionRun } from './run-action.js'
import { apply, deployment, resource, service, tempDir, waitFor, type TempDir } from './fixtures.js'

let sandbox: Sandbox
let dir: TempDir
let prometheus: FakePrometheus

beforeAll(async () => {
  sandbox = await startSandbox({ timeScale: 20 })
  dir = await tempDir()
  prometheus = await startFakePrometheus({ queries: [{ kind: 'value', value: 0 }], checkQuery: /http_requests_total/ })
})

afterAll(async () => {
  await prometheus?.stop()
  await sandbox?.stop()
  await dir?.remove()
})

const deployments = () => resource('Deployment', 'apps/v1')
const services = () => resource('Service', 'v1')

interface DeploymentView {
  spec: {
    replicas: number
    selector: { matchLabels: Record<string, string> }
    template: { metadata: { labels: Record<string, string> }; spec: { containers: Array<{ image: string }> } }
  }
  status?: { readyReplicas?: number }
}
const deploymentOf = (namespace: string, name: string): DeploymentView | undefined =>
  sandbox.store.get(deployments(), namespace, name) as unknown as DeploymentView | undefined
const selectorOf = (namespace: string, name: string): Record<string, string> =>
  (sandbox.store.get(services(), namespace, name) as unknown as { spec: { selector: Record<string, string> } }).spec
    .selector

/** Blue selects its pods by colour too, as blue-green set-ups do: a copy recoloured green is not blue's. */
function blue(namespace: string): object {
  const object = deployment(namespace, 'web-blue', 'registry/web:v1', { replicas: 3 }) as DeploymentView
  Object.assign(object.spec.selector.matchLabels, { colour: 'blue' })
  Object.assign(object.spec.template.metadata.labels, { role: 'web', colour: 'blue' })
  return object
}

const CONFIG = (greenLabels: string) => `
verify:
  timeout: 30s
  failFastAfter: 1s
  pollInterval: 200ms
analysis:
  interval: 500ms
  checks:
    - name: error-rate
      query: 'sum(rate(http_requests_total{status=~"5..",version="{{version}}"}[1m]))'
      max: 0.01
canary:
  strategy: blueGreen
  workload: web-green
  blueGreen:
    activeService: web
    prePromotion: { pause: 1s }
    postPromotion: { pause: 1s }
    scaleDownDelay: 0s
${greenLabels}`

async function run(namespace: string, config: string, extra: Record<string, string> = {}): Promise<ActionRun> {
  apply(sandbox, blue(namespace), service(namespace, 'web', { role: 'web', colour: 'blue' }))
  await waitFor(() => (deploymentOf(namespace, 'web-blue')?.status?.readyReplicas ?? 0) === 3, 'blue ready')
  return runAction(
    {
      command: 'canary',
      target: 'deployment/web-blue',
      namespace,
      image: 'registry/web:v2',
      config: await dir.write(`${namespace}.yml`, config),
      kubeconfig: sandbox.kubeconfig,
      'prometheus-url': prometheus.url,
      ...extra
    },
    {}
  )
}

describe('blue-green with the image input', () => {
  it('makes green from blue with the new image and greenLabels, then switches to it', async () => {
    const result = await run('bg-image', CONFIG('    greenLabels: { colour: green }'))
    expect(result.stderr).toBe('')
    expect(result.outputs).toMatchObject({ verdict: 'passed', action: 'promoted' })
    const green = deploymentOf('bg-image', 'web-green')!
    expect(green.spec.template.spec.containers[0]!.image).toBe('registry/web:v2')
    expect(green.spec.template.metadata.labels).toMatchObject({ role: 'web', colour: 'green' })
    expect(green.spec.selector.matchLabels).toMatchObject({ colour: 'green' })
    expect(green.spec.replicas).toBe(3)
    expect(selectorOf('bg-image', 'web')).toEqual({ role: 'web', colour: 'green' })
    // Blue's own selector never took green's pods: it still runs its own image.
    expect(deploymentOf('bg-image', 'web-blue')!.spec.template.spec.containers[0]!.image).toBe('registry/web:v1')
    expect(result.summary).toContain('created from blue web-blue with registry/web:v2')
  })

  it('refuses to make green without greenLabels, creating nothing', async () => {
    const result = await run('bg-image-nolabels', CONFIG(''))
    expect(result.outputs).toMatchObject({ verdict: 'inconclusive', action: 'none' })
    expect(result.outputs.summary).toContain('needs canary.blueGreen.greenLabels')
    expect(deploymentOf('bg-image-nolabels', 'web-green')).toBeUndefined()
    expect(selectorOf('bg-image-nolabels', 'web')).toEqual({ role: 'web', colour: 'blue' })
  })

  it('says in a dry run what green it would make, and makes nothing', async () => {
    const result = await run('bg-image-dry', CONFIG('    greenLabels: { colour: green }'), { 'dry-run': 'true' })
    expect(result.outputs).toMatchObject({ verdict: 'inconclusive', action: 'none' })
    expect(result.stdout).toContain('dry run: would make green web-green created from blue web-blue')
    expect(deploymentOf('bg-image-dry', 'web-green')).toBeUndefined()
  })
})
