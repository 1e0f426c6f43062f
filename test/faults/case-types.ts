/**
 * The shape of a fault-matrix case: data (what to set up, what to feed the action, what must come
 * out), with small functions only where a value depends on the world the case runs in (its namespace,
 * the sandbox's token, the fake Prometheus' URL).
 */
import type { ChildProcess } from 'node:child_process'
import type { FaultRule } from '../sandbox/faults.js'
import type { FakePrometheus, FakePrometheusOptions } from '../harness/fake-prometheus.js'
import type { ActionRun } from '../e2e/run-action.js'
import type { WorkloadOptions } from '../e2e/fixtures.js'

export type Verdict = 'passed' | 'failed' | 'inconclusive'

/** Where a case's cluster comes from and how its faults get there. */
export interface CaseCluster {
  url: string
  kubeconfig: string
  token: string
  caPem: string
  /** Requests the API server has seen (in-process sandbox only; empty for a sandbox process). */
  requests(): Array<{ method: string; path: string; status: number }>
}

/** Everything a case's functions may read. */
export interface CaseWorld {
  /** The case's own namespace (its id). */
  ns: string
  cluster: CaseCluster
  /** The fake Prometheus, when the case declares one. */
  prom?: FakePrometheus
  /** A second fake Prometheus on another origin (a redirect's target), when declared. */
  second?: FakePrometheus
  /** The Prometheus bearer token every Prometheus case sends (a known secret). */
  promToken: string
  /** certificate-authority-data (base64 PEM) of a CA that did not sign the sandbox's certificate. */
  otherCa: string
  /** Writes a file in the case's temp dir and returns its path. */
  write(name: string, content: string): Promise<string>
}

/** What a fake Prometheus' script may depend on. */
export interface PromSetup {
  promToken: string
  /** The second fake's base URL, when the case declares one. */
  secondUrl?: string
}

/** When a mid-run event (a signal, a deletion) happens. */
export type Trigger =
  /** The API server has seen a request whose path matches (and, if given, answered with this status). */
  | { kind: 'kube-request'; path: RegExp; status?: number }
  /** The fake Prometheus has been asked this many check queries. */
  | { kind: 'prom-queries'; count: number }

export interface DuringRun {
  when: Trigger
  /** Signal sent to the action (as the runner does on cancel). */
  signal?: 'SIGINT' | 'SIGTERM'
  /** A second signal this long after the first (the runner sends SIGTERM after SIGINT). */
  thenSigtermAfterMs?: number
  /** Something done to the world instead of (or besides) a signal. */
  act?: (world: CaseWorld) => Promise<void> | void
}

export interface CaseExpectation {
  verdict: Verdict
  exitCode: number
  /** Upper bound on the action's wall time (generous; the bounds where it sets one). */
  wallMs: number
  /** With a signal: the action must exit within this long after it. */
  exitAfterSignalMs?: number
  /** Read the verdict from the log line instead of the outputs (when outputs cannot be written). */
  verdictFrom?: 'outputs' | 'stdout'
  /** Case-specific assertions: return one message per problem (empty when all hold). */
  check?: (run: ActionRun, world: CaseWorld) => string[]
}

export interface FaultCase {
  id: string
  /** `defect N: …` for issue 7's defects, else the fault family. */
  family: string
  description: string
  command?: 'verify' | 'analyze'
  /**
   * The Deployment `api` in the case's namespace (verify cases; default a healthy one-replica
   * `registry/api:v1`); `false` for none.
   */
  workload?: (WorkloadOptions & { image?: string }) | false
  /** More objects for the case's namespace (events, …). */
  objects?: (ns: string) => object[]
  /** Fault rules for the sandbox API server. */
  kubeFaults?: (world: CaseWorld) => FaultRule[]
  /**
   * Run against a sandbox in its own process: its scenario file holds the workload and these rules,
   * and `kubeFaults` are added through the control endpoint (POST /_sandbox/faults).
   */
  sandboxProcess?: { scenarioFaults: (ns: string) => object[] }
  /** A fake Prometheus whose URL becomes the `prometheus-url` input. */
  prometheus?: FakePrometheusOptions | ((setup: PromSetup) => FakePrometheusOptions)
  /** A second fake on another origin, started first (for cross-origin redirects). */
  secondPrometheus?: FakePrometheusOptions
  /** Config file text (YAML); default: a quick verify config, or a quick analysis for analyze. */
  config?: string | ((world: CaseWorld) => string)
  /** Inputs over the defaults (command, target, namespace, config, kubeconfig, prometheus-url/token). */
  inputs?: (world: CaseWorld) => Record<string, string>
  /** Environment over runAction's (e.g. a GITHUB_OUTPUT that cannot be written). */
  env?: (world: CaseWorld) => Record<string, string>
  during?: DuringRun
  /** Secrets besides the sandbox token and the Prometheus token. */
  secrets?: (world: CaseWorld) => string[]
  expect: CaseExpectation
}

/** Hook for the runner: the spawned action, for signals. */
export type OnSpawn = (child: ChildProcess) => void
