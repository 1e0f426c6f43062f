/**
 * The Prometheus client against loopback servers that misbehave: redirects (credentials never reach
 * another origin), bodies over the size cap, a certificate that cannot be verified, a request that
 * never answers while the run is cancelled, and the probe an analysis runs before measuring.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { generate } from 'selfsigned'
import { PrometheusClient } from '../../src/prometheus/client.js'
import { PrometheusError } from '../../src/prometheus/errors.js'
import { runAnalysis } from '../../src/analysis/run.js'

type Handler = (req: IncomingMessage, res: ServerResponse) => void

const ok = { status: 'success', data: { resultType: 'scalar', result: [1, '1'] } }
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

/** A loopback server recording each request's method, URL, headers and body. */
class Loopback {
  readonly server: Server
  handler: Handler = (_req, res) => json(res, 200, ok)
  seen: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: string }> = []
  private arrivals: Array<() => void> = []

  constructor() {
    this.server = createServer((req, res) => {
      let body = ''
      req.on('data', (chunk: Buffer) => (body += chunk.toString()))
      req.on('end', () => {
        this.seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
        for (const arrived of this.arrivals.splice(0)) arrived()
        this.handler(req, res)
      })
    })
  }
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }
  nextRequest(): Promise<void> {
    return new Promise((resolve) => this.arrivals.push(resolve))
  }
  reset(): void {
    this.handler = (_req, res) => json(res, 200, ok)
    this.seen = []
  }
  start = () => new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
  stop = async () => {
    this.server.closeAllConnections()
    await new Promise((resolve) => this.server.close(resolve))
  }
}

const prometheus = new Loopback()
const elsewhere = new Loopback()

beforeAll(async () => {
  await prometheus.start()
  await elsewhere.start()
})
beforeEach(() => {
  prometheus.reset()
  elsewhere.reset()
})
afterAll(async () => {
  await prometheus.stop()
  await elsewhere.stop()
})

const credentials = {
  token: 'tok-SECRET',
  headers: { 'X-Api-Key': 'key-SECRET', 'X-Scope-OrgID': 'tenant-a' }
}
const client = (extra: Partial<ConstructorParameters<typeof PrometheusClient>[0]> = {}, options = {}) =>
  new PrometheusClient(
    { url: `${prometheus.url}/prom`, timeout: 2000, retries: 2, ...credentials, ...extra },
    { retryBaseDelayMs: 1, ...options }
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

describe('redirects', () => {
  it.each([301, 302, 307, 308])(
    'a %i to another origin is refused, and the other origin sees nothing',
    async (status) => {
      prometheus.handler = (req, res) => {
        res.writeHead(status, { Location: `${elsewhere.url}${req.url}` })
        res.end()
      }
      const error = await failure(client().instantQuery('up'))
      expect(error.kind).toBe('redirect')
      expect(error.message).toBe(
        `Prometheus at ${prometheus.url}/prom/api/v1/query redirected to ${elsewhere.url}; deploy-guard does not follow redirects to another origin (credentials would leak): set prometheus-url to the final URL.`
      )
      expect(elsewhere.seen).toHaveLength(0)
      // Not retried: the answer would be the same.
      expect(prometheus.seen).toHaveLength(1)
    }
  )

  it('a POSTed long query redirected to another origin never sends its headers there', async () => {
    prometheus.handler = (_req, res) => {
      res.writeHead(307, { Location: `${elsewhere.url}/api/v1/query` })
      res.end()
    }
    await failure(client().instantQuery(`sum(rate(x{a="${'y'.repeat(2000)}"}[1m]))`))
    expect(prometheus.seen[0]?.method).toBe('POST')
    expect(elsewhere.seen).toHaveLength(0)
  })

  it('a same-origin redirect is followed, with the credentials and query kept', async () => {
    prometheus.handler = (req, res) => {
      if (req.url?.startsWith('/prom/')) {
        res.writeHead(302, { Location: req.url.replace('/prom/', '/real/') })
        res.end()
      } else json(res, 200, ok)
    }
    const result = await client().instantQuery('up == 1')
    expect(result.data).toEqual(ok.data)
    expect(prometheus.seen.map((s) => s.url)).toEqual([
      '/prom/api/v1/query?query=up+%3D%3D+1',
      '/real/api/v1/query?query=up+%3D%3D+1'
    ])
    expect(prometheus.seen[1]?.headers).toMatchObject({
      authorization: 'Bearer tok-SECRET',
      'x-api-key': 'key-SECRET',
      'x-scope-orgid': 'tenant-a'
    })
  })

  it('a same-origin POST redirected with 308 is repeated as a POST with its form', async () => {
    prometheus.handler = (req, res) => {
      if (req.url === '/prom/api/v1/query') {
        res.writeHead(308, { Location: '/real/api/v1/query' })
        res.end()
      } else json(res, 200, ok)
    }
    const long = `sum(rate(x{a="${'y'.repeat(2000)}"}[1m]))`
    await client().instantQuery(long)
    expect(prometheus.seen.map((s) => [s.method, s.url])).toEqual([
      ['POST', '/prom/api/v1/query'],
      ['POST', '/real/api/v1/query']
    ])
    expect(new URLSearchParams(prometheus.seen[1]?.body).get('query')).toBe(long)
  })

  it('a redirect loop ends after five hops with a clear error', async () => {
    prometheus.handler = (req, res) => {
      res.writeHead(302, { Location: req.url ?? '/' })
      res.end()
    }
    const error = await failure(client({ retries: 0 }).instantQuery('up'))
    expect(error.kind).toBe('redirect')
    expect(error.message).toBe(
      `Prometheus at ${prometheus.url}/prom/api/v1/query redirected more than 5 times (a redirect loop?): set prometheus-url to the final URL.`
    )
    expect(prometheus.seen).toHaveLength(6)
  })
})

describe('response size', () => {
  it('a body over the cap is an error naming the cap, and is not retried', async () => {
    prometheus.handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      const chunk = Buffer.alloc(64 * 1024, ' ')
      let sent = 0
      res.on('error', () => undefined)
      const pump = () => {
        while (sent < 64 && res.write(chunk)) sent++
        if (sent < 64) res.once('drain', pump)
        else res.end(JSON.stringify(ok))
      }
      pump()
    }
    const error = await failure(client({}, { maxResponseBytes: 1024 * 1024 }).instantQuery('up'))
    expect(error.kind).toBe('too-large')
    expect(error.message).toBe(
      `Prometheus at ${prometheus.url}/prom/api/v1/query answered with more than 1 MiB, deploy-guard's response size cap: make the query return fewer series (aggregate it, e.g. with sum by (...)).`
    )
    expect(prometheus.seen).toHaveLength(1)
  })
})

describe('cancellation', () => {
  it('ends a request that never answers at once, without retrying', async () => {
    prometheus.handler = () => undefined
    const run = new AbortController()
    const arrived = prometheus.nextRequest()
    const pending = failure(client({ timeout: 60_000 }, { signal: run.signal }).instantQuery('up'))
    await arrived
    const abortedAt = Date.now()
    run.abort()
    const error = await pending
    expect(Date.now() - abortedAt).toBeLessThan(1000)
    expect(error.kind).toBe('cancelled')
    expect(prometheus.seen).toHaveLength(1)
  })
})

describe('the probe before an analysis', () => {
  it('passes when Prometheus answers the query `1`', async () => {
    await client().probe()
    expect(prometheus.seen.map((s) => s.url)).toEqual(['/prom/api/v1/query?query=1'])
  })

  it('fails at once, in one line naming the URL and cause, when nothing listens', async () => {
    const dead = new PrometheusClient(
      { url: 'http://127.0.0.1:9/', timeout: 1000, retries: 3 },
      { retryBaseDelayMs: 1 }
    )
    const error = await failure(dead.probe())
    expect(error.message).toBe('Prometheus at http://127.0.0.1:9/ unreachable: ECONNREFUSED (3 attempts)')
  })

  it('makes an analysis against a dead Prometheus inconclusive at once, whatever its interval', async () => {
    const dead = new PrometheusClient(
      { url: 'http://127.0.0.1:9/', timeout: 1000, retries: 3 },
      { retryBaseDelayMs: 1 }
    )
    const startedAt = Date.now()
    const result = await runAnalysis({
      checks: [{ name: 'errors', query: 'up', max: 1, onNoData: 'inconclusive', onNaN: 'no-data', dryRun: false }],
      settings: { initialDelay: 0, interval: 60_000, count: 10, failureLimit: 0, inconclusiveLimit: 0, errorLimit: 4 },
      prometheus: dead
    })
    expect(Date.now() - startedAt).toBeLessThan(10_000)
    expect(result.verdict).toBe('inconclusive')
    expect(result.reasons).toEqual(['Prometheus at http://127.0.0.1:9/ unreachable: ECONNREFUSED (3 attempts)'])
  })

  it('fails on a 401 without retrying, with the hint', async () => {
    prometheus.handler = (_req, res) => json(res, 401, 'no')
    const error = await failure(client().probe())
    expect(error.message).toBe(
      `Prometheus at ${prometheus.url}/prom unreachable: HTTP 401 (unauthorized: check prometheus-token or basic auth)`
    )
    expect(prometheus.seen).toHaveLength(1)
  })

  it('does not fail on a 503 that clears within its retries', async () => {
    let calls = 0
    prometheus.handler = (_req, res) => (calls++ === 0 ? json(res, 503, 'busy') : json(res, 200, ok))
    await client().probe()
    expect(prometheus.seen).toHaveLength(2)
  })

  it('leaves a 5xx that outlasts its retries to the measurements', async () => {
    prometheus.handler = (_req, res) => json(res, 500, 'oops')
    await client().probe()
    expect(prometheus.seen).toHaveLength(3)
  })
})

describe('a certificate that cannot be verified', () => {
  let tls: HttpsServer
  let url: string
  let connections = 0

  beforeAll(async () => {
    const pems = await generate([{ name: 'commonName', value: 'self-signed' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }]
    } as never)
    tls = createHttpsServer({ key: pems.private, cert: pems.cert }, (_req, res) => json(res, 200, ok))
    tls.on('connection', () => connections++)
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve))
    url = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    tls.closeAllConnections()
    await new Promise((resolve) => tls.close(resolve))
  })

  it('is reported once, not retried, suggesting prometheus-ca', async () => {
    const error = await failure(client({ url, retries: 3 }).instantQuery('up'))
    expect(error.kind).toBe('tls')
    expect(error.message).toMatch(
      new RegExp(
        `^Cannot verify the TLS certificate of Prometheus at ${url.replace(/\./g, '\\.')}/api/v1/query \\((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\\): the server's certificate is not signed by a trusted CA; set prometheus-ca to the CA that signed it\\.$`
      )
    )
    expect(connections).toBe(1)
  })

  it('fails the probe fast with the same cause', async () => {
    const error = await failure(client({ url, retries: 3 }).probe())
    expect(error.message).toMatch(
      new RegExp(
        `^Prometheus at ${url.replace(/\./g, '\\.')}/ unreachable: [A-Z_]+: the server's certificate is not signed by a trusted CA; set prometheus-ca to the CA that signed it$`
      )
    )
  })
})
