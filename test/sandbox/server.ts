/**
 * The sandbox's HTTPS front door: bearer-token authentication, fault injection, the request log, body
 * reading, and turning every failure into a Status response. Request handling is in api/router.ts;
 * nothing a client sends can crash the process (every handler error is caught and answered).
 */
import { createServer, type Server } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { ResourceDef } from './resources.js'
import type { ObjectStore } from './store.js'
import type { FaultInjector, FaultStatus } from './faults.js'
import { controlPath, handleControl } from './control.js'
import type { ApiContext, PodLogSource, Reply } from './api/context.js'
import { SortedListCache } from './api/list.js'
import { publicPaths, route } from './api/router.js'
import { ApiError, failureStatus, toApiError, type StatusReason } from './api/status.js'

export interface RequestLogEntry {
  method: string
  /** Path without the query string. */
  path: string
  /** Query parameters (the last value wins when a parameter repeats). */
  query: Record<string, string>
  /** HTTP status sent; 0 when the connection was dropped without a response. */
  status: number
  /** Wall-clock ms (Date.now()) when the request arrived. */
  time: number
  /** True for `?watch=1` requests (logged when the stream starts). */
  watch: boolean
}

export interface ApiServerOptions {
  store: ObjectStore
  resources: readonly ResourceDef[]
  faults: FaultInjector
  token: string
  tls: { cert: string; key: string }
  podLog: PodLogSource
  port?: number
  /** How often watches with allowWatchBookmarks get a BOOKMARK (default 1000 ms). */
  bookmarkIntervalMs?: number
  /** Longest a watch without timeoutSeconds stays open (default 30 min). */
  maxWatchMs?: number
}

const maxBodyBytes = 32 * 1024 * 1024
const faultReasons: Record<FaultStatus, StatusReason> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  410: 'Gone',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  502: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'InternalError'
}

export class ApiServer {
  readonly requests: RequestLogEntry[] = []
  private readonly server: Server
  private readonly sockets = new Set<Socket>()
  private readonly ctx: ApiContext
  private address = ''

  constructor(private readonly options: ApiServerOptions) {
    this.ctx = {
      store: options.store,
      resources: options.resources,
      cache: new SortedListCache(options.store),
      podLog: options.podLog,
      bookmarkIntervalMs: options.bookmarkIntervalMs ?? 1000,
      maxWatchMs: options.maxWatchMs ?? 30 * 60 * 1000
    }
    this.server = createServer({ cert: options.tls.cert, key: options.tls.key }, (req, res) => {
      this.handle(req, res).catch((error: unknown) => this.fail(res, toApiError(error)))
    })
    this.server.on('secureConnection', (socket: Socket) => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
    // a client that resets mid-handshake must not take the server down
    this.server.on('tlsClientError', () => undefined)
    this.server.on('clientError', (_error, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
      else socket.destroy()
    })
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(this.options.port ?? 0, '127.0.0.1', () => {
        this.server.off('error', reject)
        resolve()
      })
    })
    const { port } = this.server.address() as AddressInfo
    this.address = `127.0.0.1:${port}`
    return `https://${this.address}`
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()))
    // watches never end by themselves; cut every open connection
    for (const socket of this.sockets) socket.destroy()
    this.server.closeAllConnections()
    await closed
  }

  clearRequests(): void {
    this.requests.length = 0
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase()
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'https://sandbox.invalid')
    } catch {
      url = new URL('https://sandbox.invalid/')
    }
    const query = url.searchParams
    const entry: RequestLogEntry = {
      method,
      path: url.pathname,
      query: Object.fromEntries(query.entries()),
      status: 0,
      time: Date.now(),
      watch: ['1', 'true'].includes(query.get('watch') ?? '')
    }
    this.requests.push(entry)
    const originalWriteHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse
    res.writeHead = ((...args: unknown[]) => {
      entry.status = args[0] as number
      return originalWriteHead(...args)
    }) as ServerResponse['writeHead']

    if (!publicPaths.has(url.pathname) && req.headers.authorization !== `Bearer ${this.options.token}`) {
      req.resume()
      this.fail(res, new ApiError(401, 'Unauthorized', 'Unauthorized'))
      return
    }

    if (url.pathname === controlPath) {
      this.send(res, handleControl(method, await readBody(req), this.options.faults))
      return
    }

    const fault = this.options.faults.match(method, url.pathname)
    if (fault?.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs))
    if (fault?.drop) {
      req.socket.destroy()
      return
    }
    // a hung request is answered never; stop() destroys its socket with the others
    if (fault?.hang) {
      req.resume()
      return
    }
    if (fault?.body !== undefined) {
      req.resume()
      if (fault.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(fault.retryAfterSeconds))
      res.writeHead(fault.status ?? 500, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(fault.body)
      })
      res.end(fault.body)
      return
    }
    if (fault?.status) {
      req.resume()
      if (fault.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(fault.retryAfterSeconds))
      const message =
        fault.message ??
        (fault.status === 409
          ? 'Operation cannot be fulfilled: the object has been modified; please apply your changes to the latest version and try again (injected fault)'
          : `injected fault: ${fault.status}`)
      this.fail(
        res,
        new ApiError(
          fault.status,
          faultReasons[fault.status]!,
          message,
          fault.retryAfterSeconds !== undefined ? { retryAfterSeconds: fault.retryAfterSeconds } : undefined
        )
      )
      return
    }
    if (fault?.dropWatchAfterMs !== undefined) {
      const socket = req.socket
      const timer = setTimeout(() => socket.destroy(), fault.dropWatchAfterMs)
      res.on('close', () => clearTimeout(timer))
    }

    const body = await readBody(req)
    const reply = route(
      this.ctx,
      { method, path: url.pathname, query, headers: req.headers, body, serverAddress: this.address },
      res
    )
    this.send(res, reply)
  }

  private send(res: ServerResponse, reply: Reply): void {
    if ('streamed' in reply) return
    if (reply.raw) {
      const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body
      res.writeHead(reply.status, { 'Content-Type': reply.contentType, 'Content-Length': body.length })
      res.end(body)
      return
    }
    const text = JSON.stringify(reply.json)
    res.writeHead(reply.status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) })
    res.end(text)
  }

  private fail(res: ServerResponse, error: ApiError): void {
    if (res.headersSent) {
      res.destroy()
      return
    }
    const text = JSON.stringify(failureStatus(error.code, error.reason, error.message, error.details))
    res.writeHead(error.code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) })
    res.end(text)
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > maxBodyBytes) throw new ApiError(413, 'BadRequest', 'the request body is too large')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}
