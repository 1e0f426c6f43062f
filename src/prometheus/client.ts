/**
 * Prometheus HTTP API client over axios: instant and range queries, GET or (for long queries) POST
 * form-encoded, a per-request timeout, retries with backoff on connection errors, timeouts, 5xx and
 * 429 (honouring Retry-After), and typed errors (`PrometheusError`) that never carry credentials.
 */
import type { AxiosInstance, AxiosResponse } from 'axios'
import type { PrometheusConfig } from '../config/types.js'
import { PrometheusError, redactUrl } from './errors.js'
import { endpoint, graphUrl } from './graph-url.js'
import { parseBody } from './parse.js'
import { defaultSleep, parseRetryAfter, withRetries, type RetryPolicy, type Sleep } from './retry.js'
import { createTransport } from './transport.js'
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
}

type Params = Record<string, string>

const seconds = (date: Date): string => (date.getTime() / 1000).toString()

export class PrometheusClient implements PrometheusQuerier {
  private readonly http: AxiosInstance
  private readonly policy: RetryPolicy
  private readonly sleep: Sleep

  constructor(
    private readonly config: Pick<PrometheusConfig, 'url' | 'timeout' | 'retries'> & Partial<PrometheusConfig>,
    private readonly options: ClientOptions = {}
  ) {
    this.http = createTransport({
      token: config.token,
      basicAuth: config.basicAuth,
      headers: config.headers ?? {},
      ca: config.ca,
      insecureSkipTlsVerify: config.insecureSkipTlsVerify ?? false
    })
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

  private request(path: string, params: Params): Promise<QueryResult> {
    const url = endpoint(this.config.url, path)
    return withRetries(() => this.attempt(url, params), this.policy, this.sleep, this.options.signal)
  }

  private async attempt(url: URL, params: Params): Promise<QueryResult> {
    const where = redactUrl(url)
    const form = new URLSearchParams(params)
    const usePost = form.toString().length > POST_THRESHOLD
    const timeout = AbortSignal.timeout(this.config.timeout)
    const signal = this.options.signal ? AbortSignal.any([timeout, this.options.signal]) : timeout
    let response: AxiosResponse<string>
    try {
      response = usePost
        ? await this.http.post<string>(url.toString(), form.toString(), {
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            signal
          })
        : await this.http.get<string>(url.toString(), { params: form, signal })
    } catch (error) {
      if (timeout.aborted) {
        throw new PrometheusError({
          kind: 'timeout',
          url: where,
          message: `Prometheus at ${where} did not answer within ${this.config.timeout} ms.`
        })
      }
      throw new PrometheusError({
        kind: 'network',
        url: where,
        message: `Cannot reach Prometheus at ${where}: ${networkReason(error)}.`
      })
    }
    return interpret(response, where)
  }
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
      message: `Prometheus at ${where} rejected the query (HTTP ${status}, ${parsed.errorType}): ${parsed.error}.`
    })
  } else if (status >= 200 && status < 300) {
    throw new PrometheusError({
      kind: 'malformed',
      url: where,
      status,
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
