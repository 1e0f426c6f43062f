import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { PrometheusClient } from '../../src/prometheus/client.js'
import { PrometheusError } from '../../src/prometheus/errors.js'
import { parseRetryAfter } from '../../src/util/retry-after.js'

interface Seen {
  method: string
  path: string
  query: URLSearchParams
  body: string
  headers: IncomingMessage['headers']
}

type Handler = (req: Seen, res: ServerResponse) => void

const ok = { status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [1, '0.5'] }] } }
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
  res.end(typeof body === 'string' ? body : JSON.stringify(body))
}

let server: Server
let base: string
let seen: Seen[] = []
let handlers: Handler[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x')
      const s: Seen = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        body,
        headers: req.headers
      }
      seen.push(s)
      const handler = handlers.length > 1 ? handlers.shift() : handlers[0]
      if (handler) handler(s, res)
      else json(res, 200, ok)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

beforeEach(() => {
  seen = []
  handlers = []
})

const waits: number[] = []
const client = (extra: Partial<ConstructorParameters<typeof PrometheusClient>[0]> = {}) =>
  new PrometheusClient(
    { url: base, timeout: 2000, retries: 3, headers: {}, ...extra },
    { retryBaseDelayMs: 5, sleep: async (ms) => void waits.push(ms) }
  )

async function failure(promise: Promise<unknown>): Promise<PrometheusError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(PrometheusError)
    return error as PrometheusError
  }
  throw new Error('expected the request to fail')
}

describe('PrometheusClient', () => {
  it('sends an instant query with GET and time in unix seconds, and returns data and warnings', async () => {
    handlers = [(_s, res) => json(res, 200, { ...ok, warnings: ['partial'] })]
    const result = await client().instantQuery('up == 1', new Date(1_700_000_000_500))
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/api/v1/query' })
    expect(seen[0]?.query.get('query')).toBe('up == 1')
    expect(seen[0]?.query.get('time')).toBe('1700000000.5')
    expect(result.data.resultType).toBe('vector')
    expect(result.warnings).toEqual(['partial'])
  })

  it('sends a range query with start, end and step', async () => {
    handlers = [(_s, res) => json(res, 200, { status: 'success', data: { resultType: 'matrix', result: [] } })]
    await client().rangeQuery('up', new Date(1_000_000), new Date(1_060_000), 15)
    expect(seen[0]?.path).toBe('/api/v1/query_range')
    expect(Object.fromEntries(seen[0]?.query ?? [])).toEqual({ query: 'up', start: '1000', end: '1060', step: '15' })
  })

  it('POSTs a form for long queries', async () => {
    const long = `sum(rate(x{a="${'y'.repeat(2000)}"}[1m]))`
    await client().instantQuery(long)
    expect(seen[0]?.method).toBe('POST')
    expect(seen[0]?.headers['content-type']).toContain('application/x-www-form-urlencoded')
    expect(new URLSearchParams(seen[0]?.body).get('query')).toBe(long)
  })

  it('honours a path prefix (Thanos/Mimir style) with or without a trailing slash', async () => {
    await client({ url: `${base}/mimir/prometheus` }).instantQuery('up')
    await client({ url: `${base}/mimir/prometheus/` }).instantQuery('up')
    expect(seen.map((s) => s.path)).toEqual(['/mimir/prometheus/api/v1/query', '/mimir/prometheus/api/v1/query'])
  })

  it('sends bearer token and custom headers such as X-Scope-OrgID', async () => {
    await client({ token: 's3cr3t-token', headers: { 'X-Scope-OrgID': 'tenant-a' } }).instantQuery('up')
    expect(seen[0]?.headers.authorization).toBe('Bearer s3cr3t-token')
    expect(seen[0]?.headers['x-scope-orgid']).toBe('tenant-a')
  })

  it('sends basic auth', async () => {
    await client({ basicAuth: { username: 'bob', password: 'hunter2' } }).instantQuery('up')
    expect(seen[0]?.headers.authorization).toBe(`Basic ${Buffer.from('bob:hunter2').toString('base64')}`)
  })

  it('retries 500 and 503, then succeeds', async () => {
    handlers = [
      (_s, res) => json(res, 500, 'oops'),
      (_s, res) => json(res, 503, 'busy'),
      (_s, res) => json(res, 200, ok)
    ]
    waits.length = 0
    const result = await client().instantQuery('up')
    expect(result.data.resultType).toBe('vector')
    expect(seen).toHaveLength(3)
    expect(waits).toEqual([5, 10])
  })

  it('honours Retry-After on 429, in seconds or as an HTTP date', async () => {
    handlers = [(_s, res) => json(res, 429, 'slow down', { 'Retry-After': '2' }), (_s, res) => json(res, 200, ok)]
    waits.length = 0
    await client().instantQuery('up')
    expect(waits).toEqual([2000])
    const now = new Date('2025-01-01T00:00:00Z')
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:07 GMT', now)).toBe(7000)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
  })

  it('gives up after `retries` retries and says how many attempts it made', async () => {
    handlers = [(_s, res) => json(res, 502, '<html>bad gateway</html>')]
    const error = await failure(client({ retries: 2 }).instantQuery('up'))
    expect(seen).toHaveLength(3)
    expect(error).toMatchObject({ kind: 'http', status: 502, attempts: 3 })
    expect(error.message).toBe(`Prometheus at ${base}/api/v1/query answered HTTP 502 (after 3 attempts).`)
  })

  it('times out a request that does not answer, and retries it', async () => {
    handlers = [() => undefined]
    const error = await failure(client({ timeout: 200, retries: 1 }).instantQuery('up'))
    expect(error.kind).toBe('timeout')
    expect(seen).toHaveLength(2)
    expect(error.message).toBe(`Prometheus at ${base}/api/v1/query did not answer within 200 ms (after 2 attempts).`)
  })

  it('reports malformed JSON as a typed error, without retrying', async () => {
    handlers = [(_s, res) => json(res, 200, '{"status":"succ')]
    const error = await failure(client().instantQuery('up'))
    expect(error.kind).toBe('malformed')
    expect(seen).toHaveLength(1)
  })

  it('reports a body of the wrong shape as malformed', async () => {
    handlers = [
      (_s, res) => json(res, 200, { status: 'success', data: { resultType: 'vector', result: [{ value: 3 }] } })
    ]
    const error = await failure(client().instantQuery('up'))
    expect(error.message).toContain('unexpected body: a vector result with invalid samples')
  })

  it('surfaces status:error with errorType and error, and does not retry a bad query', async () => {
    handlers = [(_s, res) => json(res, 400, { status: 'error', errorType: 'bad_data', error: 'parse error at char 5' })]
    const error = await failure(client().instantQuery('sum(('))
    expect(error).toMatchObject({ kind: 'api', status: 400, errorType: 'bad_data', apiError: 'parse error at char 5' })
    expect(seen).toHaveLength(1)
    expect(error.message).toBe(
      `Prometheus at ${base}/api/v1/query rejected the query (HTTP 400, bad_data): parse error at char 5.`
    )
  })

  it('retries a 503 status:error (query timeout inside Prometheus)', async () => {
    handlers = [
      (_s, res) => json(res, 503, { status: 'error', errorType: 'timeout', error: 'query timed out' }),
      (_s, res) => json(res, 200, ok)
    ]
    await client().instantQuery('up')
    expect(seen).toHaveLength(2)
  })

  it('reports connection refused as a network error naming the URL', async () => {
    const dead = new PrometheusClient(
      { url: 'http://127.0.0.1:1/prom', timeout: 1000, retries: 1, headers: {} },
      { retryBaseDelayMs: 1 }
    )
    const error = await failure(dead.instantQuery('up'))
    expect(error.kind).toBe('network')
    expect(error.message).toMatch(
      /^Cannot reach Prometheus at http:\/\/127\.0\.0\.1:1\/prom\/api\/v1\/query: .*ECONNREFUSED/
    )
  })

  it('never puts tokens, passwords or URL credentials in error messages', async () => {
    handlers = [(_s, res) => json(res, 401, 'unauthorized')]
    const withToken = await failure(client({ token: 'tok-SECRET-1', retries: 0 }).instantQuery('up'))
    const url = new URL(base)
    url.username = 'user'
    url.password = 'pw-SECRET-2'
    const withBasic = await failure(
      client({ url: url.toString(), basicAuth: { username: 'u', password: 'pw-SECRET-3' }, retries: 0 }).instantQuery(
        'up'
      )
    )
    for (const error of [withToken, withBasic]) {
      const text = `${error.message} ${JSON.stringify(error)} ${String(error.stack)}`
      expect(text).not.toMatch(/SECRET|Authorization|Bearer|Basic /)
    }
    expect(withToken.message).toBe(
      `Prometheus at ${base}/api/v1/query answered HTTP 401 (unauthorized: check prometheus-token or basic auth).`
    )
  })

  it('builds a graph link under the path prefix covering the window', () => {
    const link = client({ url: `${base}/prometheus` }).graphUrl(
      'rate(x[1m])',
      new Date('2025-01-01T00:00:00Z'),
      new Date('2025-01-01T00:05:00Z')
    )
    const url = new URL(link)
    expect(url.pathname).toBe('/prometheus/graph')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      'g0.expr': 'rate(x[1m])',
      'g0.range_input': '300s',
      'g0.end_input': '2025-01-01 00:05:00',
      'g0.tab': '0'
    })
  })
})
