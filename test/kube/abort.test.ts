/**
 * Requests that never answer, answers too large to read, and certificates that cannot be verified,
 * against loopback servers: a hung request ends at once on the run's signal and at a view's deadline,
 * retry waits end with it, a verify with `timeout: 2s` ends in about two seconds, a TLS verification
 * failure is reported once (no retries), and a body over the cap is refused.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { generate } from 'selfsigned'
import YAML from 'yaml'
import { KubeApiError, KubeRequestAbortedError } from '../../src/kube/api.js'
import { createKubeApi, type ClientOptions, type KubeClient } from '../../src/kube/client.js'
import { verifyWorkload } from '../../src/verify/workload.js'
import type { VerifyConfig } from '../../src/config/types.js'

const DEPLOYMENTS = { apiVersion: 'apps/v1', resource: 'deployments', kind: 'Deployment', namespaced: true }

type Handler = (req: IncomingMessage, res: ServerResponse) => void

/** A loopback API server whose behaviour each test sets; records requests and open sockets. */
class LoopbackApi {
  readonly server: Server
  handler: Handler = () => undefined // never answers
  requests: string[] = []
  private sockets = new Set<Socket>()
  private arrivals: Array<() => void> = []

  constructor() {
    this.server = createServer((req, res) => {
      this.requests.push(`${req.method} ${req.url}`)
      for (const arrived of this.arrivals.splice(0)) arrived()
      this.handler(req, res)
    })
    this.server.on('connection', (socket) => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  get openSockets(): number {
    return this.sockets.size
  }

  /** Resolves when the next request reaches the server. */
  nextRequest(): Promise<void> {
    return new Promise((resolve) => this.arrivals.push(resolve))
  }

  /** Resolves once every client socket has closed. */
  async socketsClosed(): Promise<void> {
    await Promise.all([...this.sockets].map((s) => new Promise((resolve) => s.once('close', resolve))))
  }

  reset(): void {
    this.handler = () => undefined
    this.requests = []
    this.arrivals = []
    for (const socket of this.sockets) socket.destroy()
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise((resolve) => this.server.close(resolve))
  }
}

const kubeconfigFor = (server: string, cluster: Record<string, unknown> = { 'insecure-skip-tls-verify': true }) =>
  YAML.stringify({
    clusters: [{ name: 'c', cluster: { server, ...cluster } }],
    users: [{ name: 'u', user: { token: 'abc' } }],
    contexts: [{ name: 'c', context: { cluster: 'c', user: 'u' } }],
    'current-context': 'c'
  })

async function rejection(promise: Promise<unknown>): Promise<KubeApiError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof KubeApiError) return error
    throw error
  }
  throw new Error('expected a KubeApiError')
}

const loopback = new LoopbackApi()
const clients: KubeClient[] = []
async function client(options: ClientOptions = {}): Promise<KubeClient> {
  const api = await createKubeApi({ kubeconfig: kubeconfigFor(loopback.url) }, options)
  clients.push(api)
  return api
}

beforeAll(() => loopback.start())
afterEach(async () => {
  for (const api of clients.splice(0)) await api.close()
  loopback.reset()
})
afterAll(() => loopback.stop())

describe('a request that never answers', () => {
  it("ends at once when the run's signal aborts, and its socket is closed", async () => {
    const run = new AbortController()
    const api = await client({ signal: run.signal, requestTimeoutMs: 60_000 })
    const arrived = loopback.nextRequest()
    const pending = rejection(api.get(DEPLOYMENTS, 'prod', 'api'))
    await arrived
    const abortedAt = Date.now()
    run.abort()
    const error = await pending
    expect(Date.now() - abortedAt).toBeLessThan(1000)
    expect(error).toBeInstanceOf(KubeRequestAbortedError)
    expect((error as KubeRequestAbortedError).by).toBe('cancelled')
    expect(error.message).toBe(`get deployments.apps "api" in namespace "prod" at ${loopback.url} was cancelled`)
    await loopback.socketsClosed()
    expect(loopback.openSockets).toBe(0)
    expect(loopback.requests).toHaveLength(1)
  })

  it("ends at a view's deadline without retrying, naming the request and the server", async () => {
    const api = await client({ retries: 4, minRetryDelayMs: 10, requestTimeoutMs: 60_000 })
    const error = await rejection(api.withSignal(AbortSignal.timeout(300)).get(DEPLOYMENTS, 'prod', 'api'))
    expect(error).toBeInstanceOf(KubeRequestAbortedError)
    expect((error as KubeRequestAbortedError).by).toBe('deadline')
    expect(error.message).toBe(
      `the Kubernetes API at ${loopback.url} did not answer get deployments.apps "api" in namespace "prod" before the deadline`
    )
    expect(loopback.requests).toHaveLength(1)
    // The view stops only its own requests: the client and other views are untouched.
    loopback.handler = (_req, res) => res.end(JSON.stringify({ metadata: { name: 'api' } }))
    expect(await api.get(DEPLOYMENTS, 'prod', 'api')).toMatchObject({ metadata: { name: 'api' } })
  })

  it('is refused before it starts when the signal has already aborted', async () => {
    const api = await client()
    const error = await rejection(api.withSignal(AbortSignal.abort()).list(DEPLOYMENTS, 'prod'))
    expect(error).toBeInstanceOf(KubeRequestAbortedError)
    expect(loopback.requests).toHaveLength(0)
  })

  it('stops waiting out a Retry-After when the signal aborts', async () => {
    const api = await client({ retries: 4, maxRetryAfterMs: 60_000 })
    loopback.handler = (_req, res) => {
      res.writeHead(503, { 'retry-after': '60', 'content-type': 'application/json' })
      res.end(JSON.stringify({ kind: 'Status', message: 'busy' }))
    }
    const startedAt = Date.now()
    const error = await rejection(api.withSignal(AbortSignal.timeout(500)).get(DEPLOYMENTS, 'prod', 'api'))
    expect(error).toBeInstanceOf(KubeRequestAbortedError)
    expect(Date.now() - startedAt).toBeLessThan(5000)
    expect(loopback.requests).toHaveLength(1)
  })
})

describe('verify against an API that never answers', () => {
  const config: VerifyConfig = {
    timeout: 2000,
    failFastAfter: 1000,
    pollInterval: 200,
    expect: {},
    allowRestarts: 0,
    endpoints: { require: 'any', minReady: 1 },
    ignoreEventReasons: [],
    smoke: [],
    gitops: {}
  }
  const ref = { kind: 'Deployment', name: 'api', namespace: 'prod' }

  it('with timeout 2s ends in about two seconds, every row inconclusive, naming the request and server', async () => {
    const api = await client({ requestTimeoutMs: 30_000, retries: 4 })
    const lines: string[] = []
    const startedAt = new Date()
    const result = await verifyWorkload(api, ref, config, {
      startedAt,
      log: (line) => lines.push(line),
      signal: new AbortController().signal
    })
    const took = Date.now() - startedAt.getTime()
    expect(took).toBeGreaterThanOrEqual(2000)
    expect(took).toBeLessThan(8000)
    expect(new Set(result.checks.map((c) => c.status))).toEqual(new Set(['inconclusive']))
    expect(result.checks[0]?.reason).toBe(
      `the Kubernetes API at ${loopback.url} did not answer get deployments.apps "api" in namespace "prod" before the deadline: the verify timeout (2s) ran out`
    )
    expect(loopback.requests).toHaveLength(1)
  })

  it('ends within a second of cancellation, as cancelled', async () => {
    const run = new AbortController()
    const api = await client({ signal: run.signal, requestTimeoutMs: 30_000 })
    const arrived = loopback.nextRequest()
    const startedAt = new Date()
    const pending = verifyWorkload(
      api,
      ref,
      { ...config, timeout: 60_000 },
      {
        startedAt,
        log: () => undefined,
        signal: run.signal
      }
    )
    await arrived
    const abortedAt = Date.now()
    run.abort()
    const result = await pending
    expect(Date.now() - abortedAt).toBeLessThan(1000)
    expect(new Set(result.checks.map((c) => c.status))).toEqual(new Set(['inconclusive']))
    expect(result.checks[0]?.reason).toMatch(/^the run was cancelled after \d+s, before the rollout could be judged$/)
  })
})

describe('answers too large to read', () => {
  it('are refused with an error naming the cap, and not retried', async () => {
    const api = await client({ maxResponseBytes: 1024 * 1024, retries: 3, minRetryDelayMs: 10 })
    loopback.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      const chunk = Buffer.alloc(256 * 1024, 'x')
      let sent = 0
      const pump = () => {
        while (sent < 16 && res.write(chunk)) sent++
        if (sent < 16) res.once('drain', pump)
        else res.end()
      }
      res.on('error', () => undefined)
      pump()
    }
    const error = await rejection(api.list(DEPLOYMENTS, 'prod'))
    expect(error.reason).toBe('too-large')
    expect(error.transient).toBe(false)
    expect(error.message).toBe(
      `the Kubernetes API at ${loopback.url} answered list deployments.apps in namespace "prod" with more than 1 MiB; deploy-guard does not read answers that large (a misbehaving server or proxy?)`
    )
    expect(loopback.requests).toHaveLength(1)
  })
})

describe('a certificate that cannot be verified', () => {
  let tlsServer: HttpsServer
  let url: string
  let connections = 0

  beforeAll(async () => {
    const pems = await generate([{ name: 'commonName', value: 'self-signed' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }]
    } as never)
    tlsServer = createHttpsServer({ key: pems.private, cert: pems.cert }, (_req, res) => res.end('{}'))
    // Counted per TCP connection: the client rejects the certificate during the handshake.
    tlsServer.on('connection', () => connections++)
    await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve))
    url = `https://127.0.0.1:${(tlsServer.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    tlsServer.closeAllConnections()
    await new Promise((resolve) => tlsServer.close(resolve))
  })

  it('is reported once, not retried, with the kubeconfig field to fix', async () => {
    const api = await createKubeApi({ kubeconfig: kubeconfigFor(url, {}) }, { retries: 4, minRetryDelayMs: 10 })
    try {
      const error = await rejection(api.get(DEPLOYMENTS, 'prod', 'api'))
      expect(error.reason).toBe('tls')
      expect(error.transient).toBe(false)
      expect(error.message).toMatch(
        new RegExp(
          `^cannot verify the TLS certificate of the Kubernetes API at ${url.replace(/\./g, '\\.')} \\((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\\): .*certificate-authority-data`
        )
      )
      expect(connections).toBe(1)
    } finally {
      await api.close()
    }
  })
})
