/** Turns HTTP responses and transport failures into KubeApiError with messages a user can act on. Pure. */
import { KubeApiError, KubeRequestAbortedError } from './api.js'
import { ResponseTooLargeError } from './transport/types.js'
import { tlsVerificationProblem } from '../util/tls-errors.js'
import { parseRetryAfter } from '../util/retry-after.js'

export interface RequestDescription {
  /** RBAC verb: get, list, patch. */
  verb: string
  /** Plural resource as RBAC names it, e.g. `pods`, `pods/log`, `deployments`. */
  resource: string
  /** API group ('' for core). */
  group: string
  namespace?: string
  /** Server URL for unreachable messages. */
  server: string
  /** Object name, for not-found messages. */
  name?: string
}

/** A transient error that also says how long the server asked us to wait (429/503 Retry-After). */
export class RetryAfterKubeApiError extends KubeApiError {
  constructor(
    source: KubeApiError,
    readonly retryAfterMs: number
  ) {
    super(source.message, source.reason, source.status, source.verb, source.resource)
  }
}

const qualified = (d: RequestDescription): string => (d.group ? `${d.resource}.${d.group}` : d.resource)
const scope = (d: RequestDescription): string => (d.namespace ? `in namespace "${d.namespace}"` : 'at cluster scope')

/** The message field of a Kubernetes Status body, if the body is one. */
export function statusMessage(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { kind?: string; message?: unknown }
    return typeof parsed.message === 'string' ? parsed.message : undefined
  } catch {
    return undefined
  }
}

export function errorForStatus(
  status: number,
  body: string,
  d: RequestDescription,
  headers: Record<string, string> = {}
): KubeApiError {
  const serverSays = statusMessage(body) ?? (body.trim().slice(0, 300) || `HTTP ${status}`)
  const make = (message: string, reason: KubeApiError['reason']) =>
    new KubeApiError(message, reason, status, d.verb, qualified(d))
  switch (true) {
    case status === 404:
      return make(
        d.name ? `${qualified(d)} "${d.name}" not found ${scope(d)}` : `not found: ${serverSays}`,
        'not-found'
      )
    case status === 403:
      return make(
        `forbidden: cannot ${d.verb} ${d.resource} ${scope(d)} — grant verbs ["${d.verb}"] on resources ["${d.resource}"] (apiGroups ["${d.group}"])`,
        'forbidden'
      )
    case status === 401:
      return make(
        `the Kubernetes API at ${d.server} rejected the credentials (401 Unauthorized); check the kubeconfig user`,
        'unauthorized'
      )
    case status === 409:
      return make(`conflict: ${serverSays}`, 'conflict')
    case status === 429 || status >= 500: {
      const error = make(
        `the Kubernetes API at ${d.server} answered ${status} to ${d.verb} ${qualified(d)}: ${serverSays}`,
        'server-error'
      )
      const retryAfter = parseRetryAfter(headers['retry-after'])
      return retryAfter === undefined ? error : new RetryAfterKubeApiError(error, retryAfter)
    }
    default:
      return make(`invalid request to ${d.verb} ${qualified(d)} (${status}): ${serverSays}`, 'invalid')
  }
}

/** `get deployments.apps "api" in namespace "prod"`: the request, for messages. */
export function describeRequest(d: RequestDescription): string {
  return `${d.verb} ${qualified(d)}${d.name ? ` "${d.name}"` : ''} ${scope(d)}`
}

/** A request its caller's signal stopped: a deadline passed (AbortSignal.timeout) or the run was cancelled. */
export function errorForAbort(signal: AbortSignal, d: RequestDescription): KubeRequestAbortedError {
  const reason = signal.reason as { name?: string } | undefined
  const deadline = reason?.name === 'TimeoutError'
  return new KubeRequestAbortedError(
    deadline
      ? `the Kubernetes API at ${d.server} did not answer ${describeRequest(d)} before the deadline`
      : `${describeRequest(d)} at ${d.server} was cancelled`,
    d.verb,
    qualified(d),
    deadline ? 'deadline' : 'cancelled'
  )
}

/** A failure without a response: timeout, refused, reset, DNS, TLS, a body over the size cap. */
export function errorForTransport(error: unknown, d: RequestDescription): KubeApiError {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } }
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return new KubeApiError(
      `the Kubernetes API at ${d.server} did not answer ${d.verb} ${qualified(d)} in time`,
      'timeout',
      undefined,
      d.verb,
      qualified(d)
    )
  }
  if (error instanceof ResponseTooLargeError) {
    return new KubeApiError(
      `the Kubernetes API at ${d.server} answered ${describeRequest(d)} with more than ${Math.round(error.limitBytes / 1024 / 1024)} MiB; deploy-guard does not read answers that large (a misbehaving server or proxy?)`,
      'too-large',
      undefined,
      d.verb,
      qualified(d)
    )
  }
  const tls = tlsVerificationProblem(error)
  if (tls) {
    return new KubeApiError(
      `cannot verify the TLS certificate of the Kubernetes API at ${d.server} (${tls.code}): ${tls.hint}; check the cluster's certificate-authority-data (or certificate-authority, tls-server-name) in the kubeconfig`,
      'tls',
      undefined,
      d.verb,
      qualified(d)
    )
  }
  const cause = e?.cause
  // Node's messages usually embed the code ("connect ECONNREFUSED 127.0.0.1:6443"); add it when they do not.
  const message = cause?.message ?? e?.message ?? String(error)
  const detail = cause?.code && !message.includes(cause.code) ? `${cause.code}: ${message}` : message
  return new KubeApiError(
    `cannot reach the Kubernetes API at ${d.server}: ${detail}`,
    'unreachable',
    undefined,
    d.verb,
    qualified(d)
  )
}
