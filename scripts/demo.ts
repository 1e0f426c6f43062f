/**
 * `npm run demo`: a full guarded deploy against the local sandbox cluster. Deploys a healthy version,
 * records it (`snapshot`), then deploys a crash-looping one, and after each runs the bundled action
 * (dist/index.js) exactly as the Actions runner would; the broken deploy is rolled back to the
 * snapshot. With Debian's `prometheus` installed, the healthy deploy is also gated on a PromQL
 * error-rate check against a live sample service.
 */
import { spawnSync } from 'node:child_process'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { startSandbox, type Sandbox } from '../test/sandbox/index.js'
import { builtinResources } from '../test/sandbox/resources.js'
import { runAction, type ActionRun } from '../test/e2e/run-action.js'
import { startPrometheus, type PrometheusInstance } from '../test/harness/prometheus.js'
import { startSampleService, type SampleService } from '../test/harness/sample-service.js'

const out = resolve('.tmp/demo')
const deployments = builtinResources.find((r) => r.kind === 'Deployment')!
const hasPrometheus = spawnSync('sh', ['-c', 'command -v prometheus'], { stdio: 'ignore' }).status === 0

function deploy(sandbox: Sandbox, image: string, cause: string): void {
  const current = sandbox.store.get(deployments, 'shop', 'api')!
  const spec = current.spec as { template: { spec: { containers: Array<{ image: string }> } } }
  spec.template.spec.containers[0].image = image
  current.metadata.annotations = { ...current.metadata.annotations, 'kubernetes.io/change-cause': cause }
  sandbox.store.update(deployments, current)
}

async function waitRolledOut(sandbox: Sandbox): Promise<void> {
  const deadline = Date.now() + 30000
  for (;;) {
    const d = sandbox.store.get(deployments, 'shop', 'api')!
    const status = (d.status ?? {}) as { updatedReplicas?: number; availableReplicas?: number; replicas?: number }
    if (status.updatedReplicas === 3 && status.availableReplicas === 3 && status.replicas === 3) return
    if (Date.now() > deadline) throw new Error('the sandbox did not roll out the initial version')
    await new Promise((r) => setTimeout(r, 50))
  }
}

function report(title: string, run: ActionRun, dir: string): void {
  console.log(`\n=== ${title}`)
  console.log(`verdict: ${run.outputs.verdict}   (step exit code ${run.exitCode})`)
  for (const line of run.stdout.split('\n')) {
    if (line.startsWith('deploy-guard') || /^ {2}\S/.test(line)) console.log(`  ${line}`)
  }
  console.log(`job summary: ${join(dir, 'summary.md')}`)
  console.log(`JSON record: ${run.outputs.report}`)
}

async function main(): Promise<void> {
  await rm(out, { recursive: true, force: true })
  await mkdir(out, { recursive: true })
  const started = Date.now()
  // Controller time runs 10x faster, so the demo finishes in seconds.
  const sandbox = await startSandbox({ scenario: 'test/sandbox/scenarios/demo.yaml', timeScale: 10 })
  let service: SampleService | undefined
  let prometheus: PrometheusInstance | undefined
  try {
    console.log(`sandbox cluster ready at ${sandbox.url} (kubeconfig ${sandbox.kubeconfigPath})`)
    await waitRolledOut(sandbox)
    console.log('shop/api runs registry.example.com/shop/api:v1.0.0 (3 replicas)')

    let analysis = ''
    const inputs: Record<string, string> = {}
    if (hasPrometheus) {
      service = await startSampleService({ version: 'v1.1.0', requestsPerSecond: 40, errorRatio: 0.001, latency: 0.08 })
      prometheus = await startPrometheus({ scrapeTargets: [service.target], scrapeInterval: '1s' })
      await prometheus.waitForData('sum(rate(http_requests_total[5s]))', (v) => v > 0, 30000)
      inputs['prometheus-url'] = prometheus.url
      analysis = [
        'analysis:',
        '  interval: 1s',
        '  count: 5',
        '  minTraffic: { query: \'sum(rate(http_requests_total{version="{{version}}"}[5s]))\', min: 1 }',
        '  checks:',
        '    - name: error-rate',
        '      query: \'sum(rate(http_requests_total{status=~"5..",version="{{version}}"}[5s])) / sum(rate(http_requests_total{version="{{version}}"}[5s]))\'',
        '      max: 0.005',
        '    - name: latency-p95',
        '      query: \'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{version="{{version}}"}[5s])))\'',
        '      max: 0.5',
        ''
      ].join('\n')
    } else {
      console.log(
        '(prometheus is not installed: the demo skips the PromQL gate; `apt-get install -y prometheus` adds it)'
      )
    }
    const config = join(out, 'deploy-guard.yml')
    await writeFile(
      config,
      ['verify:', '  timeout: 2m', '  failFastAfter: 3s', '  pollInterval: 250ms', analysis].join('\n')
    )
    const common = {
      command: 'verify',
      target: 'deployment/api',
      namespace: 'shop',
      config,
      kubeconfig: sandbox.kubeconfig,
      ...inputs
    }

    console.log('\ndeploying v1.1.0 (healthy)...')
    deploy(sandbox, 'registry.example.com/shop/api:v1.1.0', 'release v1.1.0')
    const healthyDir = join(out, 'healthy')
    const healthy = await runAction(common, {}, { keepIn: healthyDir })
    report('deploy v1.1.0', healthy, healthyDir)

    // Before the next deploy: record the running version, the one a rollback returns to.
    const snapshotDir = join(out, 'snapshot')
    const snapshot = await runAction({ ...common, command: 'snapshot' }, {}, { keepIn: snapshotDir })
    const recorded = JSON.parse(snapshot.outputs.snapshot || '[]') as Array<{
      revision: number
      images: Record<string, string>
    }>
    const what = recorded.map((r) => `revision ${r.revision} (${Object.values(r.images).join(', ')})`).join('; ')
    console.log(
      `\n=== snapshot before v1.2.0\nrecorded ${what || 'nothing'} on the Deployment (deploy-guard.io/snapshot)`
    )

    console.log('\ndeploying v1.2.0 (a crash-looping build)...')
    deploy(sandbox, 'registry.example.com/shop/api:v1.2.0-crashloop', 'release v1.2.0')
    const brokenDir = join(out, 'broken')
    const broken = await runAction({ ...common, config: join(out, 'deploy-guard.yml') }, {}, { keepIn: brokenDir })
    report('deploy v1.2.0', broken, brokenDir)

    const restored = sandbox.store.get(deployments, 'shop', 'api')!
    const image = (restored.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec
      .containers[0].image
    console.log(`after the rollback shop/api runs ${image}`)
    const ok =
      healthy.outputs.verdict === 'passed' &&
      snapshot.outputs.verdict === 'passed' &&
      broken.outputs.verdict === 'failed' &&
      broken.outputs.action === 'rolled-back' &&
      image.endsWith(':v1.1.0')
    console.log(
      `\ndemo ${ok ? 'finished as expected' : 'did NOT behave as expected'} in ${((Date.now() - started) / 1000).toFixed(1)} s`
    )
    console.log(`rendered summaries: ${join(healthyDir, 'summary.md')} and ${join(brokenDir, 'summary.md')}`)
    if (!ok) process.exitCode = 1
  } finally {
    await service?.stop()
    await prometheus?.stop()
    await sandbox.stop()
  }
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
