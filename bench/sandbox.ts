/**
 * Sandbox API server figures: a full paginated LIST (limit 500) of 10,000 pods through
 * @kubernetes/client-node, as deploy-guard lists them, and the process's peak RSS.
 */
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node'
import { startSandbox } from '../test/sandbox/index.js'
import { builtinResources } from '../test/sandbox/resources.js'
import { median, type BenchFigure } from './figure.js'

const PODS = 10_000
const PAGE = 500
const RUNS = 5

export async function benchSandbox(): Promise<BenchFigure[]> {
  const sandbox = await startSandbox({ scenarioText: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: bench}\n' })
  try {
    const pods = builtinResources.find((r) => r.resource === 'pods' && r.group === '')!
    const seedStart = performance.now()
    for (let i = 0; i < PODS; i++) {
      sandbox.store.create(pods, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `pod-${String(i).padStart(5, '0')}`, namespace: 'bench', labels: { app: 'bench' } },
        spec: { containers: [{ name: 'app', image: 'registry.example.com/app:1' }] },
        // a pod that arrives with a phase is left alone by the controller
        status: { phase: 'Running' }
      })
    }
    const seedMs = performance.now() - seedStart

    const kc = new KubeConfig()
    kc.loadFromFile(sandbox.kubeconfigPath)
    const core = kc.makeApiClient(CoreV1Api)
    const durations: number[] = []
    let pages = 0
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now()
      let token: string | undefined
      let count = 0
      pages = 0
      do {
        const page = await core.listNamespacedPod({ namespace: 'bench', limit: PAGE, _continue: token })
        count += page.items.length
        pages++
        token = page.metadata?._continue || undefined
      } while (token)
      durations.push(performance.now() - started)
      if (count !== PODS) throw new Error(`listed ${count} pods, expected ${PODS}`)
    }
    return [
      { name: 'sandbox: create 10,000 pods in the store', value: Math.round(seedMs), unit: 'ms' },
      {
        name: 'sandbox: paginated LIST of 10,000 pods (limit 500, client-node)',
        value: Math.round(median(durations)),
        unit: 'ms',
        note: `median of ${RUNS}, ${pages} pages; min ${Math.round(Math.min(...durations))} ms`
      },
      {
        name: 'sandbox: peak RSS',
        value: Math.round(process.resourceUsage().maxRSS / 1024),
        unit: 'MiB',
        note: 'whole bench process, after the LIST runs'
      }
    ]
  } finally {
    await sandbox.stop()
  }
}
