/**
 * What src/kube/client.ts needs from a transport: a server URL, a way to turn a request into one that
 * carries credentials, and a way to send it. Two implementations: the native one (node:https, our own
 * kubeconfig reader; ./native.ts) and the @kubernetes/client-node fallback (./client-node.ts).
 */

export interface TransportRequest {
  method: 'GET' | 'PATCH'
  /** Absolute API path, e.g. `/api/v1/namespaces/x/pods`. */
  path: string
  query?: Record<string, string | number | boolean | undefined>
  body?: string
  contentType?: string
  accept?: string
  timeoutMs: number
}

export interface TransportResponse {
  status: number
  /** Lower-case header names. */
  headers: Record<string, string>
  text: string
}

/** A request with its credentials applied, ready to go on the wire. */
export interface PreparedRequest {
  /** Resolves with any HTTP status; rejects only for transport failures (timeout, refused, TLS...). */
  send(): Promise<TransportResponse>
}

export interface Transport {
  /** Server URL without a trailing slash. */
  readonly server: string
  /** Which implementation carries the requests (for tests, benchmarks and debug logs). */
  readonly name: 'node:https' | '@kubernetes/client-node'
  /** Applies credentials; rejects with CredentialsError when they cannot be obtained. */
  prepare(request: TransportRequest): Promise<PreparedRequest>
  /**
   * Called after a 401: drops cached credentials that can be renewed (exec plugin output, token
   * files). True when a fresh attempt may succeed.
   */
  credentialsRejected?(): boolean
  close(): Promise<void>
}

/** Credentials could not be obtained (exec plugin failed, token file unreadable). Never retried. */
export class CredentialsError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CredentialsError'
  }
}
