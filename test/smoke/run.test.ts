import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { SmokeCheckConfig } from '../../src/config/types.js'
import { runSmokeCheck } from '../../src/smoke/run.js'

/** A loopback service whose behaviour per path the tests choose. */
let server: Server
let base: string
let flakyRequests = 0
const seenHeaders: Array<IncomingMessage['headers']> = []

function handle(req: IncomingMessage, res: ServerResponse): void {
  seenHeaders.push(req.headers)
  const send = (status: number, body: string, type = 'text/plain'): void => {
    res.writeHead(status, { 'Content-Type': type })
    res.end(body)
  }
  switch (req.url) {
    case '/ok':
      return send(200, 'ok')
    case '/down':
      return send(503, 'upstream database unavailable')
    case '/flaky':
      // Fails its first two requests, then recovers: the third attempt must pass.
      flakyRequests++
      return flakyRequests <= 2 ? send(503, 'warming up') : send(200, 'ready')
    case '/json':
      return send(
        200,
        JSON.stringify({ status: 'UP', checks: [{ status: 'UP' }, { status: 'DOWN' }] }),
        'application/json'
      )
    case '/slow':
      return // never answers; closed in afterAll
    default:
      return send(404, 'not found')
  }
}

function listen(s: Server): Promise<number> {
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port)))
}

function close(s: Server): Promise<void> {
  s.closeAllConnections()
  return new Promise((resolve) => s.close(() => resolve()))
}

beforeAll(async () => {
  server = createServer(handle)
  base = `http://127.0.0.1:${await listen(server)}`
})

afterAll(async () => {
  await close(server)
})

function check(path: string, overrides: Partial<SmokeCheckConfig> = {}): SmokeCheckConfig {
  return {
    name: 'api',
    url: `${base}${path}`,
    method: 'GET',
    expectStatus: [200],
    headers: {},
    retries: 0,
    delay: 5,
    timeout: 2000,
    ...overrides
  }
}

/** Records requested delays and resolves at once, so no test waits on the clock. */
function recordingSleep(): { sleep: (ms: number) => Promise<void>; delays: number[] } {
  const delays: number[] = []
  return { delays, sleep: async (ms) => void delays.push(ms) }
}

describe('runSmokeCheck', () => {
  it('passes on a 200', async () => {
    const row = await runSmokeCheck(check('/ok'))
    expect(row).toEqual({
      id: 'smoke:api',
      title: 'Smoke: api',
      expected: `GET ${base}/ok → 200`,
      actual: '200',
      status: 'passed'
    })
  })

  it('fails a 503 after all attempts, with an excerpt and the attempt history', async () => {
    const { sleep, delays } = recordingSleep()
    const log: string[] = []
    const row = await runSmokeCheck(check('/down', { retries: 3, delay: 250 }), { sleep, log: (l) => log.push(l) })
    expect(row.status).toBe('failed')
    expect(row.actual).toBe('503 after 4 attempts: upstream database unavailable')
    expect(row.reason).toMatch(/4 attempts; last response: 503/)
    expect(row.details?.[0]?.facts).toHaveLength(4)
    expect(delays).toEqual([250, 250, 250])
    expect(log).toHaveLength(4)
  })

  it('passes when the service recovers within its retries', async () => {
    flakyRequests = 0
    const { sleep, delays } = recordingSleep()
    const row = await runSmokeCheck(check('/flaky', { retries: 5 }), { sleep })
    expect(row.status).toBe('passed')
    expect(row.actual).toBe('200 on attempt 3')
    expect(flakyRequests).toBe(3)
    expect(delays).toEqual([5, 5])
  })

  it('uses the real delay between attempts when no sleep is injected', async () => {
    flakyRequests = 0
    const row = await runSmokeCheck(check('/flaky', { retries: 2, delay: 1 }))
    expect(row.actual).toBe('200 on attempt 3')
  })

  it('checks a body substring', async () => {
    expect((await runSmokeCheck(check('/ok', { bodyContains: 'ok' }))).status).toBe('passed')
    const row = await runSmokeCheck(check('/ok', { bodyContains: 'healthy' }))
    expect(row).toMatchObject({ status: 'failed', actual: '200, body lacks "healthy" after 1 attempt: ok' })
    expect(row.expected).toBe(`GET ${base}/ok → 200, body contains "healthy"`)
  })

  it('checks a JSON field', async () => {
    expect((await runSmokeCheck(check('/json', { json: { path: 'checks.0.status', equals: 'UP' } }))).status).toBe(
      'passed'
    )
    const row = await runSmokeCheck(check('/json', { json: { path: 'checks.1.status', equals: 'UP' } }))
    expect(row).toMatchObject({ status: 'failed', actual: '200, checks.1.status == "DOWN" after 1 attempt' })
  })

  it('fails on a timeout with the error code', async () => {
    const { sleep } = recordingSleep()
    const row = await runSmokeCheck(check('/slow', { timeout: 100, retries: 1 }), { sleep })
    expect(row.status).toBe('failed')
    expect(row.actual).toMatch(/^ETIMEDOUT after 2 attempts: timeout of 100ms exceeded/)
    expect(row.reason).toMatch(/no answer within the timeout/)
  })

  it('fails on a refused port with the error code', async () => {
    const spare = createServer()
    const port = await listen(spare)
    await close(spare)
    const row = await runSmokeCheck({ ...check('/ok'), url: `http://127.0.0.1:${port}/health` })
    expect(row.status).toBe('failed')
    expect(row.actual).toMatch(/^ECONNREFUSED after 1 attempt/)
    expect(row.reason).toMatch(/got no response in 1 attempt \(ECONNREFUSED\)/)
  })

  it('sends configured headers but never echoes them', async () => {
    seenHeaders.length = 0
    const log: string[] = []
    const row = await runSmokeCheck(check('/down', { headers: { Authorization: 'Bearer s3cret-token' } }), {
      log: (l) => log.push(l)
    })
    expect(seenHeaders[0]?.authorization).toBe('Bearer s3cret-token')
    expect(JSON.stringify(row) + log.join('\n')).not.toContain('s3cret-token')
  })

  it('supports HEAD, which has no body', async () => {
    const row = await runSmokeCheck(check('/ok', { method: 'HEAD' }))
    expect(row).toMatchObject({ status: 'passed', expected: `HEAD ${base}/ok → 200` })
  })

  it('ends a request that never answers when the run is cancelled: inconclusive, not failed', async () => {
    const run = new AbortController()
    const log: string[] = []
    const pending = runSmokeCheck(check('/slow', { timeout: 60_000, retries: 5 }), {
      signal: run.signal,
      log: (l) => log.push(l)
    })
    setImmediate(() => run.abort())
    const abortedAt = Date.now()
    const row = await pending
    expect(Date.now() - abortedAt).toBeLessThan(1000)
    expect(row).toMatchObject({
      status: 'inconclusive',
      actual: 'not judged',
      reason: `GET ${base}/slow: the run was cancelled during attempt 1.`
    })
  })

  it('stops waiting between attempts when the run is cancelled', async () => {
    const run = new AbortController()
    const row = await runSmokeCheck(check('/down', { retries: 5, delay: 60_000 }), {
      signal: run.signal,
      sleep: async (ms, signal) => {
        run.abort()
        expect([ms, signal?.aborted]).toEqual([60_000, true])
      }
    })
    expect(row.status).toBe('inconclusive')
  })
})

describe('redirects', () => {
  it('never sends configured headers to another origin (same-origin redirects keep them)', async () => {
    const other = createServer((req, res) => {
      otherHeaders.push(req.headers)
      res.writeHead(200)
      res.end('ok')
    })
    const otherHeaders: Array<IncomingMessage['headers']> = []
    const otherBase = `http://127.0.0.1:${await listen(other)}`
    const redirecting = createServer((req, res) => {
      const to = req.url === '/same' ? `${redirectBase}/final` : `${otherBase}/final`
      if (req.url === '/final') {
        res.writeHead(200)
        res.end('ok')
        return
      }
      res.writeHead(302, { Location: to })
      res.end()
    })
    const redirectBase = `http://127.0.0.1:${await listen(redirecting)}`
    try {
      const headers = { 'X-Api-Key': 'k-secret', 'X-Scope-OrgID': 'tenant' }
      const cross = await runSmokeCheck({ ...check('/cross'), url: `${redirectBase}/cross`, headers })
      expect(cross.status).toBe('passed')
      expect(otherHeaders).toHaveLength(1)
      expect(otherHeaders[0]?.['x-api-key']).toBeUndefined()
      expect(otherHeaders[0]?.['x-scope-orgid']).toBeUndefined()
      const same = await runSmokeCheck({ ...check('/same'), url: `${redirectBase}/same`, headers })
      expect(same.status).toBe('passed')
      expect(otherHeaders).toHaveLength(1)
    } finally {
      await close(other)
      await close(redirecting)
    }
  })
})
