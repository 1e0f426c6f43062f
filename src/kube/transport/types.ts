/**
 * What src/kube/client.ts needs from a transport: a server URL, a way to turn a request into one that
 * carries credentials, and a way to send it. One implementation today: node:https with our own
 * kubeconfig reader (./native.ts); tests inject fakes.
 */

export interface TransportRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** Absolute API path, e.g. `/api/v1/namespaces/x/pods`. */
  path: string
  query?: Record<string, string | number | boolean | undefined>
  body?: string
  contentType?: string
  accept?: string
  timeoutMs: number
  /** Largest response body accepted, in bytes (default DEFAULT_MAX_RESPONSE_BYTES). */
  maxResponseBytes?: number
}

/** 64 MiB: a 500-item page of large objects is a few MiB; more is a misbehaving server or proxy. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024

export interface TransportResponse {
  status: number
  /** Lower-case header names. */
  headers: Record<string, string>
  text: string
}

/** A request with its credentials applied, ready to go on the wire. */
export interface PreparedRequest {
  /**
   * Resolves with any HTTP status; rejects only for transport failures (timeout, refused, TLS...,
   * a body over the size cap: ResponseTooLargeError). When `signal` aborts, the request is torn down
   * at once (its socket destroyed) and the promise rejects with an error named `AbortError`.
   */
  send(signal?: AbortSignal): Promise<TransportResponse>
}

export interface Transport {
  /** Server URL without a trailing slash. */
  readonly server: string
  /** Which implementation carries the requests (for tests, benchmarks and debug logs). */
  readonly name: 'node:https'
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

/** The response body went past TransportRequest.maxResponseBytes; the connection was dropped. */
export class ResponseTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`the response is larger than ${Math.round(limitBytes / 1024 / 1024)} MiB`)
    this.name = 'ResponseTooLargeError'
  }
}

/** The error a send() rejects with when its signal aborts. */
export function abortError(signal: AbortSignal): Error {
  const error = new Error('the request was aborted', { cause: signal.reason })
  error.name = 'AbortError'
  return error
}
