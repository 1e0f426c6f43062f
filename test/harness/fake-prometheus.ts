/**
 * A loopback fake Prometheus (node:http on 127.0.0.1:0) whose misbehaviour a test chooses per request:
 * errors, hangs, malformed or huge bodies, odd values, redirects, credential echoes, hostile text.
 * It records every request (headers included) so a test can assert what the client sent where.
 *
 * Check queries (`/api/v1/query`, `/api/v1/query_range` whose `query` matches `checkQuery`) are
 * answered from `queries` in order, the last one repeating; everything else (build info, `/-/ready`,
 * probe queries) gets `others`, which answers like a healthy Prometheus by default.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

/** What the fake does with one request. */
export type PromBehaviour =
  /** A healthy answer: one series with this value (default 0) and these labels. */
  | { kind: 'value'; value?: number | 'NaN' | '+Inf' | '-Inf'; labels?: Record<string, string> }
  /** A successful answer with no series. */
  | { kind: 'empty' }
  /** A successful answer with `count` series (values 0). */
  | { kind: 'series'; count: number }
  /** An HTTP status with an optional Retry-After and body (default: the status line as text). */
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  /** Prometheus' own error envelope: `{"status":"error","errorType","error"}` (default HTTP 422). */
  | { kind: 'error'; status?: number; errorType: string; error: string }
  /** Never answers; the connection stays open until the client closes it. */
  | { kind: 'hang' }
  /** HTTP 200 with a body that is not JSON. */
  | { kind: 'malformed' }
  /** A 200 JSON vector streamed to `bytes` bytes without holding it in memory. */
  | { kind: 'huge'; bytes: number }
  /** 302 to `to` + the request's path and query (`to` may be another origin, or '' for a same-origin prefix). */
  | { kind: 'redirect'; to: string; prefix?: string }
  /** 302 back to the same URL, forever. */
  | { kind: 'redirect-loop' }
  /**
   * 401 whose body quotes the request's Authorization and every X- header, as some proxies do: in
   * Prometheus' error envelope (default, so a client shows its `error` text) or as plain text.
   */
  | { kind: 'echo-auth'; format?: 'prometheus' | 'text' }
  /** Destroys the socket without an answer. */
  | { kind: 'close' }

export interface RecordedRequest {
  method: string
  path: string
  /** Query-string and form parameters. */
  params: Record<string, string>
  headers: IncomingHttpHeaders
  time: number
  /** Whether this request was answered from `queries` (a check query). */
  check: boolean
}

export interface FakePrometheusOptions {
  queries?: PromBehaviour[]
  others?: PromBehaviour
  /** Which `query` parameters are check queries (default: every query). */
  checkQuery?: RegExp
}

export interface FakePrometheus {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string
  requests: RecordedRequest[]
  /** Check queries answered so far. */
  checkQueries(): number
  /** Bytes written by `huge` answers (what a client that stops reading early did not take in). */
  bytesSent(): number
  stop(): Promise<void>
}

const healthy: PromBehaviour = { kind: 'value', value: 1 }

export async function startFakePrometheus(options: FakePrometheusOptions = {}): Promise<FakePrometheus> {
  const requests: RecordedRequest[] = []
  const queries = options.queries?.length ? options.queries : [healthy]
  const others = options.others ?? healthy
  let answered = 0
  const huge = { sent: 0 }
  const sockets = new Set<Socket>()

  const server = createServer((req, res) => {
    void readParams(req).then((params) => {
      const url = new URL(req.url ?? '/', 'http://fake.invalid')
      const endpoint = endpointOf(url.pathname)
      const check =
        (endpoint === 'query' || endpoint === 'range') && (options.checkQuery?.test(params.query ?? '') ?? true)
      requests.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        params,
        headers: req.headers,
        time: Date.now(),
        check
      })
      const behaviour = check ? queries[Math.min(answered++, queries.length - 1)]! : others
      respond(req, res, behaviour, endpoint, url, huge)
    })
  })
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    checkQueries: () => answered,
    bytesSent: () => huge.sent,
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      for (const socket of sockets) socket.destroy()
      await closed
    }
  }
}

type Endpoint = 'query' | 'range' | 'buildinfo' | 'ready' | 'other'

function endpointOf(path: string): Endpoint {
  if (path.endsWith('/api/v1/query')) return 'query'
  if (path.endsWith('/api/v1/query_range')) return 'range'
  if (path.endsWith('/api/v1/status/buildinfo')) return 'buildinfo'
  if (path.endsWith('/-/ready') || path.endsWith('/-/healthy')) return 'ready'
  return 'other'
}

async function readParams(req: IncomingMessage): Promise<Record<string, string>> {
  const params = Object.fromEntries(new URL(req.url ?? '/', 'http://fake.invalid').searchParams)
  let body = ''
  for await (const chunk of req as AsyncIterable<Buffer>) body += chunk.toString()
  if (body && /form-urlencoded/.test(req.headers['content-type'] ?? ''))
    Object.assign(params, Object.fromEntries(new URLSearchParams(body)))
  return params
}

function sampleValue(value: number | 'NaN' | '+Inf' | '-Inf'): string {
  return typeof value === 'number' ? String(value) : value
}

function success(endpoint: Endpoint, series: Array<{ metric: Record<string, string>; value: string }>): string {
  const now = Date.now() / 1000
  if (endpoint === 'range')
    return JSON.stringify({
      status: 'success',
      data: { resultType: 'matrix', result: series.map((s) => ({ metric: s.metric, values: [[now, s.value]] })) }
    })
  return JSON.stringify({
    status: 'success',
    data: { resultType: 'vector', result: series.map((s) => ({ metric: s.metric, value: [now, s.value] })) }
  })
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...headers })
  res.end(body)
}

function healthyAnswer(
  res: ServerResponse,
  endpoint: Endpoint,
  series: () => Array<{ metric: Record<string, string>; value: string }>
): void {
  if (endpoint === 'buildinfo')
    return send(
      res,
      200,
      JSON.stringify({ status: 'success', data: { version: '2.42.0', revision: 'fake', branch: 'HEAD' } })
    )
  if (endpoint === 'ready') {
    res.writeHead(200, { 'Content-Type': 'text/plain' })
    res.end('Prometheus Server is Ready.\n')
    return
  }
  if (endpoint === 'other') return send(res, 404, '404 page not found\n')
  send(res, 200, success(endpoint, series()))
}

function respond(
  req: IncomingMessage,
  res: ServerResponse,
  b: PromBehaviour,
  endpoint: Endpoint,
  url: URL,
  huge: { sent: number }
): void {
  switch (b.kind) {
    case 'value':
      return healthyAnswer(res, endpoint, () => [{ metric: b.labels ?? {}, value: sampleValue(b.value ?? 0) }])
    case 'empty':
      return healthyAnswer(res, endpoint, () => [])
    case 'series':
      return healthyAnswer(res, endpoint, () =>
        Array.from({ length: b.count }, (_, i) => ({
          metric: { __name__: 'fault_metric', instance: `pod-${i}` },
          value: '0'
        }))
      )
    case 'status':
      return send(
        res,
        b.status,
        b.body ?? `HTTP ${b.status}\n`,
        b.retryAfter !== undefined ? { 'Retry-After': b.retryAfter } : {}
      )
    case 'error':
      return send(res, b.status ?? 422, JSON.stringify({ status: 'error', errorType: b.errorType, error: b.error }))
    case 'hang':
      return // answered never; stop() destroys the socket
    case 'malformed':
      return send(res, 200, '{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,')
    case 'huge':
      return streamHuge(res, b.bytes, huge)
    case 'redirect':
      res.writeHead(302, { Location: `${b.to}${b.prefix ?? ''}${url.pathname}${url.search}` })
      res.end()
      return
    case 'redirect-loop':
      res.writeHead(302, { Location: `${url.pathname}${url.search}` })
      res.end()
      return
    case 'echo-auth': {
      const echoed = Object.entries(req.headers)
        .filter(([name]) => name === 'authorization' || name.startsWith('x-'))
        .map(([name, value]) => `${name}: ${String(value)}`)
        .join('; ')
      const text = `unauthorized: rejected credentials (${echoed})`
      if (b.format === 'text') return send(res, 401, text)
      return send(res, 401, JSON.stringify({ status: 'error', errorType: 'unauthorized', error: text }))
    }
    case 'close':
      req.socket.destroy()
      return
  }
}

/** Writes a valid-looking JSON vector of about `bytes` bytes in 64 KiB chunks, honouring backpressure. */
function streamHuge(res: ServerResponse, bytes: number, counter: { sent: number }): void {
  res.writeHead(200, { 'Content-Type': 'application/json' })
  const item = JSON.stringify({ metric: { __name__: 'fault_metric', pad: 'x'.repeat(200) }, value: [0, '0'] })
  const chunk = Buffer.from(Array.from({ length: Math.ceil(65536 / (item.length + 1)) }, () => item).join(',') + ',')
  let sent = 0
  let closed = false
  res.on('close', () => (closed = true))
  res.write('{"status":"success","data":{"resultType":"vector","result":[')
  const pump = (): void => {
    while (!closed && sent < bytes) {
      sent += chunk.length
      counter.sent += chunk.length
      if (!res.write(chunk)) {
        res.once('drain', pump)
        return
      }
    }
    if (!closed) res.end(`${item}]}}`)
  }
  pump()
}
