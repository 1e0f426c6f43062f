/**
 * One error type for everything that can go wrong talking to Prometheus. Messages are one sentence
 * naming the URL tried (credentials stripped) and never contain auth headers, tokens or passwords.
 */

export type PrometheusErrorKind =
  /** Connection refused/reset, DNS, TLS: the request did not get an HTTP answer. */
  | 'network'
  /** No complete answer within the per-request timeout. */
  | 'timeout'
  /** An HTTP status without a Prometheus error body (e.g. 502 from a proxy, 401, 404). */
  | 'http'
  /** Prometheus answered `status: "error"` (bad_data, execution, timeout, ...). */
  | 'api'
  /** The body was not the JSON shape the API documents. */
  | 'malformed'
  /** The server's TLS certificate could not be verified (wrong or missing prometheus-ca, wrong host name). */
  | 'tls'
  /** The body went past the response size cap. */
  | 'too-large'
  /** A redirect deploy-guard does not follow: to another origin (credentials would leak), or a loop. */
  | 'redirect'
  /** The caller's signal aborted the request (the run is being cancelled). */
  | 'cancelled'

export class PrometheusError extends Error {
  readonly kind: PrometheusErrorKind
  /** The URL tried, without credentials or query string. */
  readonly url: string
  readonly status?: number
  /** Prometheus' `errorType`, e.g. `bad_data`, `execution`, `timeout`. */
  readonly errorType?: string
  /** Prometheus' `error` text. */
  readonly apiError?: string
  /** How many attempts were made before giving up. */
  readonly attempts: number
  /** The server's `Retry-After`, in milliseconds, when it sent one. */
  readonly retryAfterMs?: number
  /** The cause in a few words (`ECONNREFUSED`, `HTTP 401 (unauthorized: …)`), for one-line summaries. */
  readonly shortCause?: string

  constructor(init: {
    kind: PrometheusErrorKind
    message: string
    url: string
    status?: number
    errorType?: string
    apiError?: string
    attempts?: number
    retryAfterMs?: number
    shortCause?: string
  }) {
    super(init.message)
    this.shortCause = init.shortCause
    this.name = 'PrometheusError'
    this.kind = init.kind
    this.url = init.url
    this.status = init.status
    this.errorType = init.errorType
    this.apiError = init.apiError
    this.attempts = init.attempts ?? 1
    this.retryAfterMs = init.retryAfterMs
  }

  /** A copy reporting the total number of attempts (the retry loop knows it, the request does not). */
  withAttempts(attempts: number): PrometheusError {
    if (attempts <= 1) return this
    const message = `${this.message.replace(/\.$/, '')} (after ${attempts} attempts).`
    return new PrometheusError({
      kind: this.kind,
      message,
      url: this.url,
      status: this.status,
      errorType: this.errorType,
      apiError: this.apiError,
      attempts,
      shortCause: this.shortCause
    })
  }
}

/** The URL for messages: no userinfo, no query string or fragment. */
export function redactUrl(url: URL): string {
  const copy = new URL(url.toString())
  copy.username = ''
  copy.password = ''
  copy.search = ''
  copy.hash = ''
  return copy.toString()
}
