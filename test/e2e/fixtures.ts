/** Small builders for the objects end-to-end scenarios apply to the sandbox, as YAML a user would write. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import YAML from 'yaml'
import type { Sandbox } from '../sandbox/index.js'
import { builtinResources } from '../sandbox/resources.js'
import { loadScenario } from '../sandbox/scenario.js'
import type { StoredObject } from '../sandbox/store.js'

export interface WorkloadOptions {
  replicas?: number
  annotations?: Record<string, string>
  progressDeadlineSeconds?: number
  containerName?: string
  /** Labels the pods carry besides `app` (the selector stays `app`). */
  podLabels?: Record<string, string>
}

export function deployment(namespace: string, name: string, image: string, options: WorkloadOptions = {}): object {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { app: name } },
    spec: {
      replicas: options.replicas ?? 2,
      progressDeadlineSeconds: options.progressDeadlineSeconds ?? 600,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name, ...options.podLabels }, annotations: options.annotations ?? {} },
        spec: { containers: [{ name: options.containerName ?? 'app', image, ports: [{ containerPort: 8080 }] }] }
      }
    }
  }
}

export function statefulSet(namespace: string, name: string, image: string, replicas = 2): object {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace, labels: { app: name } },
    spec: {
      replicas,
      serviceName: name,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image }] } }
    }
  }
}

export function daemonSet(namespace: string, name: string, image: string): object {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace, labels: { app: name } },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'agent', image }] } }
    }
  }
}

export function service(
  namespace: string,
  name: string,
  selector: Record<string, string>,
  annotations: Record<string, string> = {}
): object {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, annotations },
    spec: { selector, ports: [{ port: 80, targetPort: 8080 }] }
  }
}

/** Applies objects the way `kubectl create -f` would (same admission path as the API). */
export function apply(sandbox: Sandbox, ...objects: object[]): StoredObject[] {
  return loadScenario(sandbox.store, builtinResources, objects.map((o) => YAML.stringify(o)).join('---\n'))
}

export function resource(kind: string, apiVersion: string) {
  const found = builtinResources.find(
    (r) => r.kind === kind && (r.group ? `${r.group}/${r.version}` : r.version) === apiVersion
  )
  if (!found) throw new Error(`no sandbox resource ${apiVersion} ${kind}`)
  return found
}

/** Polls a condition (no fixed sleeps): resolves with its value, or rejects after the deadline. */
export async function waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value !== undefined && value !== false) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

export interface TempDir {
  path: string
  write(name: string, content: string): Promise<string>
  remove(): Promise<void>
}

export async function tempDir(): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), 'dg-cfg-'))
  return {
    path,
    write: async (name, content) => {
      const file = join(path, name)
      await writeFile(file, content)
      return file
    },
    remove: () => rm(path, { recursive: true, force: true })
  }
}
