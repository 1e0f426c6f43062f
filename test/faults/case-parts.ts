/** Building blocks the fault cases share: the hostile payload, quick configs, annotated workloads, events. */
import type { WorkloadOptions } from '../e2e/fixtures.js'

/**
 * Outside text that would become runner commands if printed raw: a mask of attacker text, a warning
 * with an attacker title, an output overwrite, and the legacy `##[` form (matched anywhere in a line).
 */
export const PAYLOAD =
  'x\n::add-mask::INJ\n::warning title=INJ::INJECTED\n::set-output name=verdict::passed\n##[error]INJ'

/** Prefix of the sandbox's pod-behaviour annotations (test/sandbox/README.md "Pod behaviours"). */
export const B = 'sandbox.deploy-guard.dev/'

export function withAnnotations(annotations: Record<string, string>): WorkloadOptions {
  return { replicas: 1, annotations }
}

/** verify with short polls: a healthy rollout passes in well under a second of controller time. */
export const quickVerify = 'verify:\n  timeout: 20s\n  failFastAfter: 1s\n  pollInterval: 200ms\n'

export interface AnalysisOptions {
  count?: number
  interval?: string
  initialDelay?: string
  retries?: number
  timeout?: string
  query?: string
  max?: number | string
}

/** One check `fault-check` on `fault_metric` (the fake Prometheus answers it from the case's script). */
export function quickAnalysis(options: AnalysisOptions = {}): string {
  return [
    'analysis:',
    `  interval: ${options.interval ?? '200ms'}`,
    `  count: ${options.count ?? 2}`,
    ...(options.initialDelay ? [`  initialDelay: ${options.initialDelay}`] : []),
    '  checks:',
    '    - name: fault-check',
    `      query: '${options.query ?? 'fault_metric'}'`,
    `      max: ${options.max ?? 1}`,
    'prometheus:',
    `  retries: ${options.retries ?? 1}`,
    `  timeout: ${options.timeout ?? '1s'}`,
    ''
  ].join('\n')
}

/** A Warning event on the case's Deployment `api`, last seen a minute ahead (so it is "since the rollout began"). */
export function hostileEvent(namespace: string, name: string, reason: string, message: string): object {
  const at = new Date(Date.now() + 60_000).toISOString().replace(/\.\d+Z$/, 'Z')
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `api.${name}`, namespace },
    involvedObject: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api', namespace },
    reason,
    message,
    type: 'Warning',
    count: 1,
    firstTimestamp: at,
    lastTimestamp: at,
    source: { component: 'deployment-controller' }
  }
}
