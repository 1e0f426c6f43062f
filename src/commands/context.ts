/** What every command needs from the outside world, injected so commands stay plain flows. */
import * as core from '@actions/core'
import type { KubeApi } from '../kube/api.js'
import type { KubeClient } from '../kube/client.js'
import { createRunnerLog, type RunnerLog } from '../report/logger.js'
import { Redactor } from '../report/redact.js'

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

/** Where the context prints and registers the secrets it discovers; main passes the run's own. */
export interface ContextOutput {
  log: RunnerLog
  redactor: Redactor
}

function defaultOutput(): ContextOutput {
  const redactor = new Redactor((secret) => core.setSecret(secret))
  return { redactor, log: createRunnerLog(redactor) }
}

export function actionContext(
  source: KubeSource,
  signal: AbortSignal = new AbortController().signal,
  output: ContextOutput = defaultOutput()
): CommandContext {
  const { log, redactor } = output
  let api: Promise<KubeClient> | undefined
  return {
    kube: () => {
      // Credentials read from kubeconfig files or exec plugins are masked and redacted like the inputs.
      api ??= import('../kube/client.js').then(({ createKubeApi }) =>
        createKubeApi(source, { onSecret: (value) => redactor.add(value), signal })
      )
      return api
    },
    close: async () => {
      const client = await api?.catch(() => undefined)
      await client?.close()
    },
    // Every line goes through the run's one safe log: redacted, and unable to form a runner command.
    log: (line) => log.info(line),
    warn: (line) => log.warning(line),
    group: (title, fn) => log.group(title, fn),
    now: () => new Date(),
    signal
  }
}
