/** What every command needs from the outside world, injected so commands stay plain flows. */
import * as core from '@actions/core'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { actionsJournal, type ProgressJournal } from '../act/rollback/journal.js'
import type { KubeApi } from '../kube/api.js'
import type { KubeClient } from '../kube/client.js'
import { createRunnerLog, type RunnerLog } from '../report/logger.js'
import { Redactor } from '../report/redact.js'

export interface CommandContext {
  /** Creates the Kubernetes client on first use (a run that never needs it never pays for it). */
  kube(): Promise<KubeApi>
  log(line: string): void
  warn(line: string): void
  /** Runs `fn` inside a collapsible log group. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>
  now(): Date
  /** Aborted when the job is cancelled (SIGINT/SIGTERM from the runner). */
  signal: AbortSignal
  /** Releases what the run opened (the Kubernetes connection pool, a kubeconfig file written for helm). */
  close(): Promise<void>
  /** The workflow run (from the runner's GITHUB_* variables): its URL and who started it. */
  run?: RunInfo
  /** Where a rollback records each phase, for the post step (default: nowhere). */
  journal?: ProgressJournal
  /**
   * A kubeconfig file for tools that need one (helm), pointing at the same cluster and context as the
   * API client; undefined when the tool's own default (KUBECONFIG, ~/.kube/config) already does.
   */
  kubeconfigFile?(): Promise<string | undefined>
  /** The kubeconfig context in use, if one was chosen. */
  kubeContext?: string
  /**
   * Clean-up that puts production back (routing, selectors): a cancelled job waits for it a little
   * longer before it exits (src/report/cancellation.ts). Absent outside the action.
   */
  holdExit?(work: Promise<unknown>): void
  /** The API server URL, once the client was created (for the record; no credentials in it). */
  kubeServer?(): Promise<string | undefined>
}

export interface RunInfo {
  url?: string
  actor?: string
}

/** The run's URL and actor from the runner's environment (absent outside Actions). */
export function runInfo(env: NodeJS.ProcessEnv = process.env): RunInfo {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id, GITHUB_ACTOR: actor } = env
  return {
    ...(server && repo && id ? { url: `${server}/${repo}/actions/runs/${id}` } : {}),
    ...(actor ? { actor } : {})
  }
}

export interface KubeSource {
  kubeconfig?: string
  context?: string
}

/** Where the context prints and registers the secrets it discovers; main passes the run's own. */
export interface ContextOutput {
  log: RunnerLog
  redactor: Redactor
  holdExit?: (work: Promise<unknown>) => void
  /** The run's rollback journal (main.ts marks it finished); default: one over the step state. */
  journal?: ProgressJournal
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
  let kubeconfigFile: Promise<string | undefined> | undefined
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
      const file = await kubeconfigFile?.catch(() => undefined)
      if (file) await rm(dirname(file), { recursive: true, force: true })
    },
    run: runInfo(),
    journal:
      output.journal ??
      actionsJournal({ redact: (value) => redactor.value(value), onError: (message) => log.warning(message) }),
    kubeContext: source.context,
    ...(output.holdExit ? { holdExit: output.holdExit } : {}),
    kubeServer: async () => (await api?.catch(() => undefined))?.server,
    kubeconfigFile: () => {
      // The kubeconfig input is content: a tool gets it as a private file that close() removes.
      kubeconfigFile ??= source.kubeconfig
        ? (async () => {
            const dir = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), 'deploy-guard-kube-'))
            const path = join(dir, 'config')
            await writeFile(path, source.kubeconfig ?? '', { mode: 0o600 })
            return path
          })()
        : Promise.resolve(undefined)
      return kubeconfigFile
    },
    // Every line goes through the run's one safe log: redacted, and unable to form a runner command.
    log: (line) => log.info(line),
    warn: (line) => log.warning(line),
    group: (title, fn) => log.group(title, fn),
    now: () => new Date(),
    signal
  }
}
