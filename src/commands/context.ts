/** What every command needs from the outside world, injected so commands stay plain flows. */
import * as core from '@actions/core'
import type { KubeApi } from '../kube/api.js'
import type { KubeClient } from '../kube/client.js'

export interface CommandContext {
  /** Creates the Kubernetes client on first use (client-node is loaded lazily: start-up cost). */
  kube(): Promise<KubeApi>
  log(line: string): void
  warn(line: string): void
  /** Runs `fn` inside a collapsible log group. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>
  now(): Date
  /** Aborted when the job is cancelled (SIGINT/SIGTERM from the runner). */
  signal: AbortSignal
  /** Releases what the run opened (the Kubernetes connection pool). */
  close(): Promise<void>
}

export interface KubeSource {
  kubeconfig?: string
  context?: string
}

export function actionContext(source: KubeSource, signal: AbortSignal = new AbortController().signal): CommandContext {
  let api: Promise<KubeClient> | undefined
  return {
    kube: () => {
      // Credentials read from kubeconfig files or exec plugins are masked like the inputs are.
      api ??= import('../kube/client.js').then(({ createKubeApi }) =>
        createKubeApi(source, { onSecret: (value) => core.setSecret(value) })
      )
      return api
    },
    close: async () => {
      const client = await api?.catch(() => undefined)
      await client?.close()
    },
    log: (line) => core.info(line),
    warn: (line) => core.warning(line),
    group: (title, fn) => core.group(title, fn),
    now: () => new Date(),
    signal
  }
}
