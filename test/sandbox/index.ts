/**
 * The sandbox cluster: an in-memory Kubernetes API server over HTTPS plus the controller that makes
 * Deployments roll out. Reach it only through `kubeconfigPath`, like a real cluster. See README.md.
 */
import { Controller } from './controller/index.js'
import { startSandboxWith, type Sandbox, type SandboxOptions } from './sandbox.js'

export type { RequestLogEntry, Sandbox, SandboxOptions } from './sandbox.js'
export { FaultInjector, type FaultRule } from './faults.js'

export function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandboxWith(options, (store, clock) => new Controller(store, clock))
}
