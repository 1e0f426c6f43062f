/**
 * `verify` of one Deployment with 5,000 pods and 20,000 events in the namespace: wall time, API
 * requests made (and how many were LIST pages), and the action's peak RSS.
 */
import { startSandbox } from '../test/sandbox/index.js'
import { builtinResources } from '../test/sandbox/resources.js'
import { runBundle } from './child-process.js'
import type { BenchFigure } from './figure.js'

const PODS = 5000
const EVENTS = 20000

export async function benchVerifyLarge(): Promise<BenchFigure[]> {
  const sandbox = await startSandbox({ timeScale: 1000 })
  const deployments = builtinResources.find((r) => r.kind === 'Deployment')!
  const events = builtinResources.find((r) => r.kind === 'Event' && r.group === '')!
  try {
    sandbox.store.create(deployments, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'big', namespace: 'default' },
      spec: {
        replicas: PODS,
        selector: { matchLabels: { app: 'big' } },
        strategy: { rollingUpdate: { maxSurge: '100%', maxUnavailable: 0 } },
        template: {
          metadata: { labels: { app: 'big' } },
          spec: { containers: [{ name: 'app', image: 'registry/big:v1' }] }
        }
      }
    })
    const deadline = Date.now() + 120000
    for (;;) {
      const status = (sandbox.store.get(deployments, 'default', 'big')?.status ?? {}) as { availableReplicas?: number }
      if (status.availableReplicas === PODS) break
      if (Date.now() > deadline) throw new Error('the 5,000-pod Deployment did not become available')
      await new Promise((r) => setTimeout(r, 100))
    }
    // 20,000 Warning events of other objects (on top of the controller's own Normal events): the
    // verify must page through them and filter, not choke on them.
    const old = new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z')
    for (let i = 0; i < EVENTS; i++) {
      sandbox.store.create(events, {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: `noise.${i}`, namespace: 'default' },
        involvedObject: { kind: 'Pod', name: `other-${i}`, namespace: 'default', apiVersion: 'v1' },
        reason: 'BackOff',
        message: 'Back-off restarting failed container',
        type: 'Warning',
        count: 1,
        firstTimestamp: old,
        lastTimestamp: old
      })
    }
    sandbox.clearRequests()
    const run = await runBundle({
      command: 'verify',
      target: 'deployment/big',
      namespace: 'default',
      kubeconfig: sandbox.kubeconfig
    })
    const requests = sandbox.requests.length
    const podLists = sandbox.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/pods')).length
    const eventLists = sandbox.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/events')).length
    const verdict = /verdict<<(\S+)\n(\w+)/.exec(run.outputs)?.[2] ?? 'unknown'
    return [
      {
        name: 'verify 5,000 pods + 20,000 events: wall time',
        value: Math.round(run.wallMs),
        unit: 'ms',
        note: `verdict ${verdict}; target ≤ 2000 ms`
      },
      {
        name: 'verify 5,000 pods: API requests',
        value: requests,
        unit: 'requests',
        note: `${podLists} pod LIST pages (5,000 pods / 500 per page = 10 per pass), ${eventLists} Warning-event LIST pages`
      },
      {
        name: 'verify 5,000 pods: peak RSS of the action',
        value: Math.round(run.peakRssMiB),
        unit: 'MiB',
        note: 'target ≤ 200 MB'
      }
    ]
  } finally {
    await sandbox.stop()
  }
}
