/**
 * For tests of the API server alone: a sandbox whose controller does nothing, so objects stay exactly
 * as the test wrote them, and whose pod logs come from a map the test fills.
 */
import { startSandboxWith, type Sandbox, type SandboxOptions } from './sandbox.js'

export interface ApiOnlySandbox extends Sandbox {
  /** `namespace/pod/container` (or `.../container/previous`) → log text. */
  logs: Map<string, string>
}

export async function startApiOnly(options: SandboxOptions = {}): Promise<ApiOnlySandbox> {
  const logs = new Map<string, string>()
  const sandbox = await startSandboxWith(options, () => ({
    start: () => undefined,
    stop: async () => undefined,
    podLog: (namespace, pod, container, previous) => logs.get(`${namespace}/${pod}/${container ?? ''}${previous ? '/previous' : ''}`)
  }))
  return { ...sandbox, logs }
}
