/**
 * For tests of the API server alone: a sandbox whose controller does nothing, so objects stay exactly
 * as the test wrote them, and whose pod logs come from a map the test fills.
 */
import { request as httpsRequest } from 'node:https'
import { startSandboxWith, type Sandbox, type SandboxOptions } from './sandbox.js'

export interface ApiOnlySandbox extends Sandbox {
  /** `namespace/pod/container` (or `.../container/previous`) → log text. */
  logs: Map<string, string>
}

export async function startApiOnly(options: SandboxOptions = {}): Promise<ApiOnlySandbox> {
  const logs = new Map<string, string>()
  const sandbox = await startSandboxWith(options, () => ({
    start: () => undefined,
    stop: async () => undefined,
    podLog: (namespace, pod, container, previous) =>
      logs.get(`${namespace}/${pod}/${container ?? ''}${previous ? '/previous' : ''}`)
  }))
  return { ...sandbox, logs }
}

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  /** The body parsed as JSON (undefined when it is not JSON). */
  json: Record<string, unknown> | undefined
}

/** One HTTPS request to the sandbox with its CA and token (pass `token: null` to send none). */
export function apiRequest(
  sandbox: Pick<Sandbox, 'url' | 'caPem' | 'token'>,
  method: string,
  path: string,
  options: { body?: string | object; contentType?: string; accept?: string; token?: string | null } = {}
): Promise<RawResponse> {
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body)
  const headers: Record<string, string> = {}
  const token = options.token === undefined ? sandbox.token : options.token
  if (token !== null) headers.authorization = `Bearer ${token}`
  if (body !== undefined) {
    headers['content-type'] = options.contentType ?? 'application/json'
    headers['content-length'] = String(Buffer.byteLength(body))
  }
  if (options.accept) headers.accept = options.accept
  return new Promise((resolve, reject) => {
    const req = httpsRequest(new URL(path, sandbox.url), { method, ca: sandbox.caPem, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let json: Record<string, unknown> | undefined
        try {
          json = JSON.parse(text) as Record<string, unknown>
        } catch {
          json = undefined
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}
