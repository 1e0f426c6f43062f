/**
 * One JSON GET against an alert source (Alertmanager or Prometheus), on the Prometheus client's
 * transport: the same auth and custom headers, TLS options, body cap and retry policy (network
 * errors, timeouts, 5xx and 429 with Retry-After). Redirects are followed only within the configured
 * origin, so credentials never reach another server. Errors are `PrometheusError`s (the retry policy's
 * vocabulary) whose messages name the source and the URL without credentials.
 */
import type { AxiosResponse } from 'axios'
import type { AlertmanagerConnection } from '../config/schema-alerts.js'
import { PrometheusError, redactUrl } from '../prometheus/errors.js'
import { endpoint } from '../prometheus/graph-url.js'
import { defaultSleep, withRetries, type Sleep } from '../prometheus/retry.js'
import { createTransport } from '../prometheus/transport.js'
import { parseRetryAfter } from '../util/retry-after.js'
import { tlsVerificationProblem } from '../util/tls-errors.js'

/** Alert lists are small; 5 MiB is thousands of alerts with long annotations. */
const MAX_RESPONSE_BYTES = 5 * 1024 * 1024
const MAX_REDIRECTS = 5

export interface JsonGetOptions {
  /** `Alertmanager` or `Prometheus`, for messages. */
  source: string
  signal?: AbortSignal
  sleep?: Sleep
  /** First retry delay, doubled each time (default 500 ms). */
  retryBaseDelayMs?: number
}

/** GETs `path` under the connection's base URL and returns the decoded JSON body of a 2xx answer. */
export async function getJson(
  connection: AlertmanagerConnection,
  path: string,
  params: Record<string, string>,
  options: JsonGetOptions
): Promise<unknown> {
  const http = createTransport(connection, MAX_RESPONSE_BYTES)
  const first = endpoint(connection.url, path)
  for (const [name, value] of Object.entries(params)) first.searchParams.set(name, value)
  const where = redactUrl(first)
  const { source } = options
  const fail = (init: Omit<ConstructorParameters<typeof PrometheusError>[0], 'url'>): PrometheusError =>
    new PrometheusError({ url: where, ...init })

  const attempt = async (): Promise<unknown> => {
    const timeout = AbortSignal.timeout(connection.timeout)
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout
    let url = first
    for (let redirects = 0; ; redirects++) {
      let response: AxiosResponse<string>
      try {
        response = await http.get<string>(url.toString(), { signal })
      } catch (error) {
        throw transportError(error, { source, where, timeoutMs: connection.timeout, signal: options.signal, timeout })
      }
      const location: unknown = response.headers.location
      if ([301, 302, 303, 307, 308].includes(response.status) && typeof location === 'string' && location !== '') {
        const next = new URL(location, url)
        if (next.origin !== first.origin)
          throw fail({
            kind: 'redirect',
            status: response.status,
            shortCause: `redirected to ${next.origin}, another origin`,
            message: `${source} at ${where} redirected to ${next.origin}; deploy-guard does not follow redirects to another origin (credentials would leak): set the URL to the final one.`
          })
        if (redirects >= MAX_REDIRECTS)
          throw fail({
            kind: 'redirect',
            status: response.status,
            shortCause: `more than ${MAX_REDIRECTS} redirects`,
            message: `${source} at ${where} redirected more than ${MAX_REDIRECTS} times (a redirect loop?): set the URL to the final one.`
          })
        url = next
        continue
      }
      return decode(response, source, where)
    }
  }
  return withRetries(
    attempt,
    { retries: connection.retries, baseDelayMs: options.retryBaseDelayMs ?? 500, maxDelayMs: 30_000 },
    options.sleep ?? defaultSleep,
    options.signal
  )
}

function decode(response: AxiosResponse<string>, source: string, where: string): unknown {
  const { status } = response
  if (status < 200 || status >= 300) {
    const header: unknown = response.headers['retry-after']
    const hint =
      status === 401
        ? ' (unauthorized: check the token or basic auth)'
        : status === 403
          ? ' (forbidden: the credentials lack access)'
          : status === 404
            ? ' (not found: check the URL and its path prefix)'
            : ''
    throw new PrometheusError({
      kind: 'http',
      url: where,
      status,
      retryAfterMs: parseRetryAfter(typeof header === 'string' ? header : undefined),
      shortCause: `HTTP ${status}${hint}`,
      message: `${source} at ${where} answered HTTP ${status}${hint}.`
    })
  }
  try {
    return JSON.parse(response.data) as unknown
  } catch {
    throw new PrometheusError({
      kind: 'malformed',
      url: where,
      status,
      shortCause: `HTTP ${status} with a body that is not JSON (is this the ${source} URL?)`,
      message: `${source} at ${where} answered HTTP ${status} with a body that is not JSON (is this the ${source} URL?).`
    })
  }
}

function transportError(
  error: unknown,
  context: { source: string; where: string; timeoutMs: number; signal?: AbortSignal; timeout: AbortSignal }
): PrometheusError {
  const { source, where } = context
  const base = { url: where }
  if (context.signal?.aborted)
    return new PrometheusError({
      ...base,
      kind: 'cancelled',
      shortCause: 'cancelled',
      message: `The request to ${source} at ${where} was cancelled.`
    })
  if (context.timeout.aborted)
    return new PrometheusError({
      ...base,
      kind: 'timeout',
      shortCause: `no answer within ${context.timeoutMs} ms`,
      message: `${source} at ${where} did not answer within ${context.timeoutMs} ms.`
    })
  const text = error instanceof Error ? error.message : ''
  if (text.includes('maxContentLength'))
    return new PrometheusError({
      ...base,
      kind: 'too-large',
      shortCause: 'an answer larger than 5 MiB',
      message: `${source} at ${where} answered with more than 5 MiB of alerts.`
    })
  const tls = tlsVerificationProblem(error)
  if (tls)
    return new PrometheusError({
      ...base,
      kind: 'tls',
      shortCause: `${tls.code}: ${tls.hint}`,
      message: `Cannot verify the TLS certificate of ${source} at ${where} (${tls.code}): ${tls.hint}; set its ca to the CA that signed it.`
    })
  const code = (error as { code?: unknown } | undefined)?.code
  const reason = (text || (typeof code === 'string' ? code : '') || 'request failed').replace(/\.$/, '')
  return new PrometheusError({
    ...base,
    kind: 'network',
    shortCause: typeof code === 'string' && code ? code : reason,
    message: `Cannot reach ${source} at ${where}: ${reason}.`
  })
}
