/**
 * Assembles a sandbox cluster: store + scenario, TLS, the API server, a kubeconfig, and a controller.
 * The controller is passed in as a factory so this file does not depend on its implementation;
 * index.ts wires the real one.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ControllerClock } from './clock.js'
import { FaultInjector } from './faults.js'
import { kubeconfigYaml } from './kubeconfig.js'
import { builtinResources, type ResourceDef } from './resources.js'
import { loadScenario, scenarioFaults } from './scenario.js'
import { ApiServer, type RequestLogEntry } from './server.js'
import { ObjectStore } from './store.js'
import { generateTls } from './tls.js'
import { admitCreate } from './api/admit.js'
import { mirrorEvents } from './api/events-mirror.js'
import { CrdRegistry } from './api/crd.js'

export type { RequestLogEntry } from './server.js'

export interface SandboxOptions {
  /** Path to a multi-document YAML file of objects to create at start. */
  scenario?: string
  /** Scenario YAML given inline (applied after `scenario`). */
  scenarioText?: string
  /** Controller time runs this many times faster than wall time (default 1). */
  timeScale?: number
  /** Port to listen on (127.0.0.1); a random free one by default. */
  port?: number
  /** Where to write the kubeconfig; a fresh temp file by default (removed on stop). */
  kubeconfigPath?: string
  /** Resource types served in addition to builtinResources (or create a CustomResourceDefinition). */
  extraResources?: ResourceDef[]
  /** BOOKMARK interval for watches that allow them (default 1000 ms). */
  bookmarkIntervalMs?: number
}

export interface Sandbox {
  url: string
  kubeconfigPath: string
  /** The kubeconfig as YAML text. */
  kubeconfig: string
  caPem: string
  token: string
  store: ObjectStore
  faults: FaultInjector
  /** Every request, in arrival order. */
  requests: RequestLogEntry[]
  clearRequests(): void
  stop(): Promise<void>
}

/** What the sandbox needs from a controller (test/sandbox/controller/index.ts provides it). */
export interface SandboxController {
  start(): void
  stop(): Promise<void>
  podLog(namespace: string, pod: string, container: string | undefined, previous: boolean): string | undefined
}

export type ControllerFactory = (store: ObjectStore, clock: ControllerClock) => SandboxController

export async function startSandboxWith(options: SandboxOptions, makeController: ControllerFactory): Promise<Sandbox> {
  const resources = [...builtinResources, ...(options.extraResources ?? [])]
  const store = new ObjectStore()
  const nsResource = resources.find((r) => r.group === '' && r.resource === 'namespaces')!
  admitCreate(store, resources, nsResource, undefined, {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'default' }
  })
  // CRDs (from the scenario or any client) add their kinds to `resources`, which the server shares
  const crds = new CrdRegistry(store, resources)
  crds.start()
  // events.k8s.io/v1 serves the core Events in the newer shape
  const stopEventsMirror = mirrorEvents(
    store,
    resources.find((r) => r.group === '' && r.resource === 'events')!,
    resources.find((r) => r.group === 'events.k8s.io' && r.resource === 'events')!
  )
  const scenarioTexts = [options.scenario && readFileSync(options.scenario, 'utf8'), options.scenarioText].filter(
    (text): text is string => Boolean(text)
  )
  for (const text of scenarioTexts) loadScenario(store, resources, text)

  const clock = new ControllerClock(options.timeScale ?? 1)
  const controller = makeController(store, clock)
  const faults = new FaultInjector()
  for (const text of scenarioTexts) for (const rule of scenarioFaults(text)) faults.add(rule)
  const tls = await generateTls()
  const token = randomBytes(24).toString('hex')
  const server = new ApiServer({
    store,
    resources,
    faults,
    token,
    tls,
    port: options.port,
    bookmarkIntervalMs: options.bookmarkIntervalMs,
    podLog: (namespace, pod, container, previous) => controller.podLog(namespace, pod, container, previous)
  })
  const url = await server.start()
  const kubeconfig = kubeconfigYaml(url, tls.caPem, token)
  const tempDir = options.kubeconfigPath ? undefined : mkdtempSync(join(tmpdir(), 'sandbox-'))
  const kubeconfigPath = options.kubeconfigPath ?? join(tempDir!, 'kubeconfig')
  writeFileSync(kubeconfigPath, kubeconfig, { mode: 0o600 })
  controller.start()

  let stopped: Promise<void> | undefined
  return {
    url,
    kubeconfigPath,
    kubeconfig,
    caPem: tls.caPem,
    token,
    store,
    faults,
    requests: server.requests,
    clearRequests: () => server.clearRequests(),
    stop: () =>
      (stopped ??= (async () => {
        await controller.stop()
        crds.stop()
        stopEventsMirror()
        await server.stop()
        if (tempDir) rmSync(tempDir, { recursive: true, force: true })
      })())
  }
}
