/**
 * The fast transport: node:http(s) with one keep-alive Agent per TLS identity. node:https costs ~7 ms
 * to load; undici as a package would add its own chunk, and the global fetch cannot take a custom CA
 * without one, so plain node:https it is. A cluster with a `proxy-url` gets a proxy agent instead
 * (./proxy-agent.ts, imported only then), with the same TLS options.
 */
import type * as httpModule from 'node:http'
import type * as httpsModule from 'node:https'
import { createRequire } from 'node:module'
import { credentialProvider, type CredentialOptions, type Credentials } from './credentials.js'
import type { ClusterTarget } from './kubeconfig.js'
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  ResponseTooLargeError,
  abortError,
  type PreparedRequest,
  type Transport,
  type TransportRequest,
  type TransportResponse
} from './types.js'

const USER_AGENT = 'deploy-guard'

// Loaded with require, not `import`: an ES import of node:http makes Node build its ES module facade,
// which reads every export, and Node 24's lazy undici-backed exports then load Node's whole bundled
// undici (~20 ms of CPU before the first request, measured on the 2-core CI machine).
const nodeRequire = createRequire(import.meta.url)
const http = nodeRequire('node:http') as typeof httpModule
const https = nodeRequire('node:https') as typeof httpsModule

export function createNativeTransport(target: ClusterTarget, options: CredentialOptions = {}): Transport {
  const url = new URL(target.server)
  const secure = url.protocol === 'https:'
  const basePath = url.pathname.replace(/\/+$/, '')
  // URL keeps the brackets of an IPv6 literal; http.request wants the bare address.
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1')
  const port = url.port || (secure ? 443 : 80)
  const credentials = credentialProvider(target, options)
  const agents = new Map<string, Promise<httpModule.Agent>>()
  // The proxy's password (user:password@ in proxy-url) is a credential like any other.
  if (target.proxyUrl && URL.canParse(target.proxyUrl)) {
    const password = new URL(target.proxyUrl).password
    if (password) options.onSecret?.(decodeURIComponent(password))
  }

  /** The kubeconfig's client certificate, unless an exec plugin supplied one (it may rotate). */
  function agentFor(creds: Credentials): Promise<httpModule.Agent> {
    const cert = creds.cert ?? target.tls.cert
    const key = creds.key ?? target.tls.key
    const id = creds.cert ? creds.cert : 'kubeconfig'
    let agent = agents.get(id)
    if (!agent) {
      // 30 s keep-alive probes like client-go, so idle load-balancer timeouts do not bite.
      const common = { keepAlive: true, keepAliveMsecs: 30_000, maxSockets: 16 }
      const tls = {
        ca: target.tls.ca,
        cert,
        key,
        servername: target.tls.servername,
        rejectUnauthorized: !target.tls.insecure
      }
      agent = target.proxyUrl
        ? import('./proxy-agent.js').then((m) => m.createProxyAgent(target.proxyUrl!, secure, { ...common, ...tls }))
        : Promise.resolve(secure ? new https.Agent({ ...common, ...tls }) : new http.Agent(common))
      agents.set(id, agent)
    }
    return agent
  }

  return {
    server: target.server,
    name: 'node:https',
    async prepare(request: TransportRequest): Promise<PreparedRequest> {
      const creds = await credentials.get()
      const agent = await agentFor(creds)
      const query = new URLSearchParams()
      for (const [k, v] of Object.entries(request.query ?? {})) if (v !== undefined) query.set(k, String(v))
      const qs = query.toString()
      const headers: httpModule.OutgoingHttpHeaders = {
        ...target.headers,
        Accept: request.accept ?? 'application/json',
        'User-Agent': USER_AGENT,
        ...creds.headers
      }
      const body = request.body === undefined ? undefined : Buffer.from(request.body)
      if (body) {
        headers['Content-Type'] = request.contentType ?? 'application/json'
        headers['Content-Length'] = body.length
      }
      const requestOptions: httpsModule.RequestOptions = {
        hostname,
        port,
        method: request.method,
        path: `${basePath}${request.path}${qs ? `?${qs}` : ''}`,
        headers,
        agent,
        servername: target.tls.servername
      }
      const limits = { timeoutMs: request.timeoutMs, maxBytes: request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES }
      return { send: (signal?: AbortSignal) => send(secure, requestOptions, body, limits, signal) }
    },
    credentialsRejected: () => target.auth.type !== 'none' && credentials.invalidate(),
    async close() {
      for (const agent of agents.values()) (await agent.catch(() => undefined))?.destroy()
      agents.clear()
    }
  }
}

function send(
  secure: boolean,
  options: httpsModule.RequestOptions,
  body: Buffer | undefined,
  limits: { timeoutMs: number; maxBytes: number },
  signal: AbortSignal | undefined
): Promise<TransportResponse> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal))
    let settled = false
    const finish = () => {
      settled = true
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
    }
    const fail = (error: Error) => {
      if (settled) return
      finish()
      reject(error)
    }
    // Destroying the request destroys its socket, so a hung server holds nothing after we give up.
    const tearDown = (error: Error) => {
      fail(error)
      req.destroy(error)
    }
    const onAbort = () => tearDown(abortError(signal as AbortSignal))
    const req = (secure ? https : http).request(options, (res) => {
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > limits.maxBytes) return tearDown(new ResponseTooLargeError(limits.maxBytes))
        chunks.push(chunk)
      })
      res.on('error', (error) => fail(asTransportError(error)))
      res.on('end', () => {
        if (settled) return
        finish()
        const headers: Record<string, string> = {}
        for (const [k, v] of Object.entries(res.headers))
          if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v
        resolve({ status: res.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString('utf8') })
      })
    })
    const timer = setTimeout(() => {
      const error = new Error(`no answer within ${limits.timeoutMs} ms`)
      error.name = 'TimeoutError'
      tearDown(error)
    }, limits.timeoutMs)
    signal?.addEventListener('abort', onAbort, { once: true })
    req.on('error', (error) => fail(asTransportError(error)))
    req.end(body)
  })
}

/**
 * Node's socket and TLS errors carry their code on the error itself; errorForTransport reads it from
 * `cause` (undici's shape), so give it one. "socket hang up" then reads "ECONNRESET: socket hang up".
 */
function asTransportError(error: Error): Error {
  return new Error(error.message, { cause: error })
}
