/**
 * Picks the transport for a credential source: the native one (node:https + our kubeconfig reader)
 * for everything it covers — tokens, token files, client certificates, basic auth, exec plugins,
 * in-cluster — and @kubernetes/client-node, imported only then, for the rest (see ./client-node.ts).
 */
import type { KubeSource } from '../kubeconfig.js'
import { loadClusterConfig } from './kubeconfig.js'
import { createNativeTransport } from './native.js'
import type { CredentialOptions } from './credentials.js'
import type { Transport } from './types.js'

export type { Transport, TransportRequest, TransportResponse, PreparedRequest } from './types.js'
export { CredentialsError } from './types.js'

export async function openTransport(source: KubeSource, options: CredentialOptions = {}): Promise<Transport> {
  const loaded = loadClusterConfig(source)
  if (loaded.kind === 'native') return createNativeTransport(loaded.target, options)
  const { createClientNodeTransport } = await import('./client-node.js')
  return createClientNodeTransport(loaded.kubeconfig, loaded.context)
}
