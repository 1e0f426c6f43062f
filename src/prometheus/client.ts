/**
 * Prometheus HTTP API client over axios: instant and range queries, GET or (for long queries) POST
 * form-encoded, a per-request timeout, retries with backoff on connection errors, timeouts, 5xx and
 * 429 (honouring Retry-After), and typed errors (`PrometheusError`) that never carry credentials.
 *
 * Redirects are followed here, not by axios, and only within the configured origin: the auth and
 * custom headers (X-Scope-OrgID, X-Api-Key, ...) must never reach another server. Bodies are capped
 * (20 MiB by default) while they stream in. A TLS verification failure is not retried.
 */
import type { AxiosInstance, AxiosResponse } from 'axios'
import type { PrometheusConfig } from '../config/types.js'
import { PrometheusError, redactUrl } from './errors.js'
import { endpoint, graphUrl } from './graph-url.js'
import { parseBody } from './parse.js'
import { defaultSleep, withRetries, type RetryPolicy, type Sleep } from './retry.js'
import { DEFAULT_MAX_RESPONSE_BYTES, createTransport } from './transport.js'
import { parseRetryAfter } from '../util/retry-after.js'
import { tlsVerificationProblem } from '../util/tls-errors.js'
import type { PrometheusQuerier, QueryResult } from './types.js'

/** Beyond this many characters (query plus parameters) we POST, to stay under proxies' URL limits. */
export const POST_THRESHOLD = 1500

export interface ClientOptions {
  /** First retry delay; doubled each time. Default 500 ms. */
  retryBaseDelayMs?: number
  /** Cap on any retry delay, including Retry-After. Default 30 s. */
  maxRetryDelayMs?: number
  sleep?: Sleep
  /** Cancels waiting and in-flight requests (e.g. the job is being cancelled). */
  signal?: AbortSignal
  /** Largest response body accepted, in bytes (default 20 MiB); larger is a `too-large` error. */
  maxResponseBytes?: number
}

/** Same-origin redirects followed for one request before it is called a loop. */
export const MAX_REDIRECTS = 5

/** The probe's retries: enough for a blip (a 503 while a replica restarts), short enough to fail fast. */
const PROBE_POLICY = { retries: 2, baseDelayMs: 500, maxDelayMs: 2000 }

type Params = Record<string, string>

const seconds = (date: Date): string => (date.getTime() / 1000).toString()

export class PrometheusClient implements PrometheusQuerier {
  private readonly http: AxiosInstance
  private readonly policy: RetryPolicy
  private readonly sleep: Sleep
  private readonly origin: string
  private readonly maxResponseBytes: number

  constructor(
    private readonly config: Pick<PrometheusConfig, 'url' | 'timeout' | 'retries'> & Partial<PrometheusConfig>,
    private readonly options: ClientOptions = {}
  ) {
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES
    this.origin = new URL(config.url).origin
    this.http = createTransport(
      {
        token: config.token,
        basicAuth: config.basicAuth,
        headers: config.headers ?? {},
        ca: config.ca,
        insecureSkipTlsVerify: config.insecureSkipTlsVerify ?? false
      },
      this.maxResponseBytes
    )
    this.policy = {
      retries: config.retries,
      baseDelayMs: options.retryBaseDelayMs ?? 500,
      maxDelayMs: options.maxRetryDelayMs ?? 30_000
    }
    this.sleep = options.sleep ?? defaultSleep
  }

  instantQuery(query: string, time?: Date): Promise<QueryResult> {
    const params: Params = { query }
    if (time) params.time = seconds(time)
    return this.request('api/v1/query', params)
  }

  rangeQuery(query: string, start: Date, end: Date, stepSeconds: number): Promise<QueryResult> {
    return this.request('api/v1/query_range', {
      query,
      start: seconds(start),
      end: seconds(end),
      step: stepSeconds.toString()
    })
  }

  graphUrl(query: string, start: Date, end: Date): string {
    return graphUrl(this.config.url, query, start, end)
  }

  /**
   * One cheap query (`1`) with a short retry policy, before an analysis measures anything: rejects
   * with a PrometheusError whose message is one line, `Prometheus at URL unreachable: CAUSE`, when
   * Prometheus cannot be queried at all (refused, DNS, TLS, timeout, 401/403/404, not Prometheus, a
   * redirect we refuse). A 5xx or 429 that outlasts the probe's retries does not reject: it may
   * clear, and the measurements' own error budget judges it.
   */
  async probe(): Promise<void> {
    const policy = { ...PROBE_POLICY, retries: Math.min(PROBE_POLICY.retries, this.config.retries) }
    const url = endpoint(this.config.url, 'api/v1/query')
    try {
      await withRetries(() => this.attempt(url, { query: '1' }), policy, this.sleep, this.options.signal)
    } catch (error) {
      if (!(error instanceof PrometheusError) || error.kind === 'cancelled') throw error
      if (error.status !== undefined && (error.status === 429 || error.status >= 500)) return
      const base = redactUrl(new URL(this.config.url))
      const tries = error.attempts > 1 ? ` (${error.attempts} attempts)` : ''
      throw new PrometheusError({
        kind: error.kind,
        url: base,
        status: error.status,
        attempts: error.attempts,
        shortCause: error.shortCause,
        message: `Prometheus at ${base} unreachable: ${error.shortCause ?? error.message}${tries}`
      })
    }
  }

  private request(path: string, params: Params): Promise<QueryResult> {
    const url = endpoint(this.config.url, path)
    return withRetries(() => this.attempt(url, params), this.policy, this.sleep, this.options.signal)
  }

  /** One attempt, following same-origin redirects; every hop shares the per-request timeout. */
  private async attempt(url: URL, params: Params): Promise<QueryResult> {
    const where = redactUrl(url)
    const form = new URLSearchParams(params)
    const timeout = AbortSignal.timeout(this.config.timeout)
    const signal = this.options.signal ? AbortSignal.any([timeout, this.options.signal]) : timeout
    let hop: Hop = { url, method: form.toString().length > POST_THRESHOLD ? 'POST' : 'GET', params: form }
    for (let redirects = 0; ; redirects++) {
      const response = await this.send(hop, signal, timeout, where)
      const next = redirectTarget(response, hop)
      if (!next) return interpret(response, where)
      if (next.url.origin !== this.origin) {
        const other = next.url.origin
        throw new PrometheusError({
          kind: 'redirect',
          url: where,
          status: response.status,
          shortCause: `redirected to ${other}, another origin`,
          message: `Prometheus at ${where} redirected to ${other}; deploy-guard does not follow redirects to another origin (credentials would leak): set prometheus-url to the final URL.`
        })
      }
      if (redirects >= MAX_REDIRECTS) {
        throw new PrometheusError({
          kind: 'redirect',
          url: where,
          status: response.status,
          shortCause: `more than ${MAX_REDIRECTS} redirects`,
          message: `Prometheus at ${where} redirected more than ${MAX_REDIRECTS} times (a redirect loop?): set prometheus-url to the final URL.`
        })
      }
      hop = next
    }
  }

  private async send(
    hop: Hop,
    signal: AbortSignal,
    timeout: AbortSignal,
    where: string
  ): Promise<AxiosResponse<string>> {
    try {
      return hop.method === 'POST'
        ? await this.http.post<string>(hop.url.toString(), hop.params?.toString() ?? '', {
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            signal
          })
        : await this.http.get<string>(hop.url.toString(), { params: hop.params, signal })
    } catch (error) {
      throw this.transportError(error, timeout, where)
    }
  }

  private transportError(error: unknown, timeout: AbortSignal, where: string): PrometheusError {
    if (this.options.signal?.aborted) {
      return new PrometheusError({
        kind: 'cancelled',
        url: where,
        shortCause: 'cancelled',
        message: `The request to Prometheus at ${where} was cancelled.`
      })
    }
    if (timeout.aborted) {
      return new PrometheusError({
        kind: 'timeout',
        url: where,
        shortCause: `no answer within ${this.config.timeout} ms`,
        message: `Prometheus at ${where} did not answer within ${this.config.timeout} ms.`
      })
    }
    const message = error instanceof Error ? error.message : ''
    if (message.includes('maxContentLength')) {
      const cap = `${Math.round(this.maxResponseBytes / 1024 / 1024)} MiB`
      return new PrometheusError({
        kind: 'too-large',
        url: where,
        shortCause: `an answer larger than ${cap}`,
        message: `Prometheus at ${where} answered with more than ${cap}, deploy-guard's response size cap: make the query return fewer series (aggregate it, e.g. with sum by (...)).`
      })
    }
    const tls = tlsVerificationProblem(error)
    if (tls) {
      return new PrometheusError({
        kind: 'tls',
        url: where,
        shortCause: `${tls.code}: ${tls.hint}; set prometheus-ca to the CA that signed it`,
        message: `Cannot verify the TLS certificate of Prometheus at ${where} (${tls.code}): ${tls.hint}; set prometheus-ca to the CA that signed it.`
      })
    }
    const code = (error as { code?: unknown } | undefined)?.code
    return new PrometheusError({
      kind: 'network',
      url: where,
      shortCause: typeof code === 'string' && code ? code : networkReason(error),
      message: `Cannot reach Prometheus at ${where}: ${networkReason(error)}.`
    })
  }
}

/** One request on the wire: a GET carries `params` in its query (unless the URL already has one). */
interface Hop {
  url: URL
  method: 'GET' | 'POST'
  params?: URLSearchParams
}

/**
 * Where a redirect leads, or undefined when the response is not one to follow. A 303, or a 301/302
 * answering a POST, turns into a GET with the form in the query (as browsers do); 307/308 repeat the
 * request as it was.
 */
function redirectTarget(response: AxiosResponse<string>, hop: Hop): Hop | undefined {
  if (![301, 302, 303, 307, 308].includes(response.status)) return undefined
  const location: unknown = response.headers.location
  if (typeof location !== 'string' || location === '') return undefined
  const url = new URL(location, hop.url)
  const asGet = response.status === 303 || (hop.method === 'POST' && response.status !== 307 && response.status !== 308)
  const method = asGet ? 'GET' : hop.method
  // A GET's Location normally carries the query already; only add ours when it does not.
  const params = method === 'POST' ? hop.params : url.search ? undefined : hop.params
  return { url, method, params }
}

/** A short cause such as `connect ECONNREFUSED 127.0.0.1:9090`; axios' own messages carry no headers. */
function networkReason(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as Error & { code?: string }).code
    const text = error.message || code || 'request failed'
    return text.replace(/\.$/, '')
  }
  return 'request failed'
}

function interpret(response: AxiosResponse<string>, where: string): QueryResult {
  const status = response.status
  const retryAfterHeader: unknown = response.headers['retry-after']
  const retryAfterMs = parseRetryAfter(typeof retryAfterHeader === 'string' ? retryAfterHeader : undefined)
  let body: unknown
  try {
    body = JSON.parse(response.data)
  } catch {
    if (status >= 200 && status < 300) {
      throw new PrometheusError({
        kind: 'malformed',
        url: where,
        status,
        shortCause: `HTTP ${status} with a body that is not JSON (is this the Prometheus URL?)`,
        message: `Prometheus at ${where} answered HTTP ${status} with a body that is not JSON.`
      })
    }
    throw httpError(where, status, retryAfterMs)
  }
  const parsed = parseBody(body)
  if (parsed.ok === true) {
    if (status >= 200 && status < 300) return parsed.result
  } else if (parsed.ok === false) {
    throw new PrometheusError({
      kind: 'api',
      url: where,
      status,
      retryAfterMs,
      errorType: parsed.errorType,
      apiError: parsed.error,
      shortCause: `HTTP ${status}, ${parsed.errorType}: ${parsed.error}`,
      message: `Prometheus at ${where} rejected the query (HTTP ${status}, ${parsed.errorType}): ${parsed.error}.`
    })
  } else if (status >= 200 && status < 300) {
    throw new PrometheusError({
      kind: 'malformed',
      url: where,
      status,
      shortCause: `an unexpected body (${parsed.problem})`,
      message: `Prometheus at ${where} answered with an unexpected body: ${parsed.problem}.`
    })
  }
  throw httpError(where, status, retryAfterMs)
}

function httpError(where: string, status: number, retryAfterMs: number | undefined): PrometheusError {
  return new PrometheusError({
    kind: 'http',
    url: where,
    status,
    retryAfterMs,
    shortCause: `HTTP ${status}${statusHint(status)}`,
    message: `Prometheus at ${where} answered HTTP ${status}${statusHint(status)}.`
  })
}

/** What to do about the statuses users hit most. */
function statusHint(status: number): string {
  if (status === 401) return ' (unauthorized: check prometheus-token or basic auth)'
  if (status === 403) return ' (forbidden: the credentials lack access, or X-Scope-OrgID is wrong)'
  if (status === 404) return ' (not found: check the URL and its path prefix, e.g. https://host/prometheus)'
  if (status === 429) return ' (too many requests)'
  return ''
}

export function createPrometheusClient(
  config: Pick<PrometheusConfig, 'url' | 'timeout' | 'retries'> & Partial<PrometheusConfig>,
  options?: ClientOptions
): PrometheusClient {
  return new PrometheusClient(config, options)
}
