/**
 * `verify` of 200 small Deployments in one namespace, in one run through the bundle: wall time and API
 * requests, one target at a time (`verify.concurrency: 1`: each target's own LISTs, as before) and at
 * the default 8 (targets in a namespace share its LISTs). Before targets ran concurrently, the same run
 * made 1,416 requests in 2.4 s (issue 11; 7 a target, sequential).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandbox } from '../test/sandbox/index.js'
import { builtinResources } from '../test/sandbox/resources.js'
import { runBundle } from './child-process.js'
import type { BenchFigure } from './figure.js'

const TARGETS = 200
const NAMESPACE = 'many'

export async function benchVerifyMany(): Promise<BenchFigure[]> {
  const sandbox = await startSandbox({
    timeScale: 1000,
    scenarioText: `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${NAMESPACE}}`
  })
  const deployments = builtinResources.find((r) => r.kind === 'Deployment')!
  const dir = await mkdtemp(join(tmpdir(), 'dg-bench-many-'))
  try {
    const names = Array.from({ length: TARGETS }, (_, i) => `svc-${String(i).padStart(3, '0')}`)
    for (const name of names) {
      sandbox.store.create(deployments, {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name, namespace: NAMESPACE },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: name } },
          template: {
            metadata: { labels: { app: name } },
            spec: { containers: [{ name: 'app', image: `registry/${name}:v1` }] }
          }
        }
      })
    }
    const deadline = Date.now() + 60_000
    const available = (name: string) =>
      (sandbox.store.get(deployments, NAMESPACE, name)?.status as { availableReplicas?: number } | undefined)
        ?.availableReplicas === 1
    while (!names.every(available)) {
      if (Date.now() > deadline) throw new Error(`the ${TARGETS} Deployments did not become available`)
      await new Promise((r) => setTimeout(r, 100))
    }

    const figures: BenchFigure[] = []
    for (const concurrency of [1, 8]) {
      const config = join(dir, `concurrency-${concurrency}.yml`)
      await writeFile(config, `verify:\n  concurrency: ${concurrency}\n`)
      sandbox.clearRequests()
      const run = await runBundle({
        command: 'verify',
        target: names.map((name) => `deployment/${name}`).join('\n'),
        namespace: NAMESPACE,
        kubeconfig: sandbox.kubeconfig,
        config
      })
      const verdict = /verdict<<(\S+)\n(\w+)/.exec(run.outputs)?.[2] ?? 'unknown'
      const podLists = sandbox.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/pods')).length
      const label = `verify ${TARGETS} Deployments, concurrency ${concurrency}`
      figures.push(
        {
          name: `${label}: wall time`,
          value: Math.round(run.wallMs),
          unit: 'ms',
          note: `verdict ${verdict}; issue 11 baseline, sequential without shared LISTs: 2.4 s`
        },
        {
          name: `${label}: API requests`,
          value: sandbox.requests.length,
          unit: 'requests',
          note: `${podLists} pod LISTs; issue 11 baseline: 1,416 (7 a target)`
        }
      )
    }
    return figures
  } finally {
    await rm(dir, { recursive: true, force: true })
    await sandbox.stop()
  }
}
