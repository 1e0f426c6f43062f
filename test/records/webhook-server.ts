/**
 * A loopback webhook receiver for tests: records every request (path, headers, parsed JSON body) and
 * answers from a script, one reply per request (the last reply repeats): a status with headers and a
 * body, or `hang` (never answers; released when the server stops).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Reply = { status: number; headers?: Record<string, string>; body?: string } | 'hang'

export interface ReceivedRequest {
  path: string
  headers: IncomingMessage['headers']
  body: unknown
  raw: string
}

export interface WebhookServer {
  /** `http://127.0.0.1:PORT` */
  origin: string
  /** A webhook URL with a secret-looking path, as Slack's are. */
  url: string
  requests: ReceivedRequest[]
  /** Resolves once `count` requests have arrived. */
  received(count: number): Promise<void>
  stop(): Promise<void>
}

export async function startWebhookServer(script: Reply[] = [{ status: 200, body: 'ok' }]): Promise<WebhookServer> {
  const requests: ReceivedRequest[] = []
  const hanging = new Set<ServerResponse>()
  const waiters: Array<{ count: number; resolve: () => void }> = []
  const server: Server = createServer((req, res) => {
    let raw = ''
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()))
    req.on('end', () => {
      let body: unknown
      try {
        body = JSON.parse(raw)
      } catch {
        body = undefined
      }
      const reply = script[Math.min(requests.length, script.length - 1)]
      requests.push({ path: req.url ?? '', headers: req.headers, body, raw })
      for (const waiter of waiters.filter((w) => requests.length >= w.count)) waiter.resolve()
      if (reply === 'hang') {
        hanging.add(res)
        return
      }
      res.writeHead(reply.status, { 'content-type': 'text/plain', ...reply.headers })
      res.end(reply.body ?? '')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    url: `${origin}/services/T000SECRET/B000SECRET/XXXXwebhookSECRETtokenXXXX`,
    requests,
    received: (count) =>
      new Promise((resolve) => {
        if (requests.length >= count) resolve()
        else waiters.push({ count, resolve })
      }),
    stop: async () => {
      for (const res of hanging) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
