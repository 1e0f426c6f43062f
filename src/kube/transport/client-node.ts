/**
 * The fallback transport: @kubernetes/client-node 2.x supplies credentials and TLS (auth-provider
 * users — oidc, gcp, azure —, proxy-url with HTTP or SOCKS proxies, anything our reader does not
 * recognise) and its undici fetch carries the request.
 *
 * Only loaded when ./kubeconfig.ts says so: importing KubeConfig pulls in every generated API and model
 * (a 17 MB chunk; 250-380 ms on the 2-core CI machines, against ~150 ms for the whole action without
 * it), which is why the common kubeconfigs never come here.
 */
import { KubeConfig } from '@kubernetes/client-node/dist/config.js'
import { IsomorphicFetchHttpLibrary, RequestContext } from '@kubernetes/client-node/dist/gen/http/http.js'
import { loadKubeConfig } from '../kubeconfig.js'
import { CredentialsError, abortError, type PreparedRequest, type Transport, type TransportRequest } from './types.js'

interface Closable {
  close?: () => Promise<void>
}

/** `kubeconfig`: the selected context, cluster and user as one document (see loadClusterConfig). */
export function createClientNodeTransport(kubeconfig: string, context: string): Transport {
  const kc = new KubeConfig()
  loadKubeConfig(kc, { kubeconfig, context })
  const server = (kc.getCurrentCluster()?.server ?? '').replace(/\/+$/, '')
  const http = new IsomorphicFetchHttpLibrary()
  let dispatcher: unknown

  return {
    server,
    name: '@kubernetes/client-node',
    async prepare(request: TransportRequest): Promise<PreparedRequest> {
      const ctx = new RequestContext(`${server}${request.path}`, request.method as never)
      for (const [key, value] of Object.entries(request.query ?? {}))
        if (value !== undefined) ctx.setQueryParam(key, String(value))
      ctx.setHeaderParam('Accept', request.accept ?? 'application/json')
      if (request.body !== undefined) {
        ctx.setHeaderParam('Content-Type', request.contentType ?? 'application/json')
        ctx.setBody(request.body)
      }
      try {
        await kc.applySecurityAuthentication(ctx)
      } catch (error) {
        // e.g. an auth provider that cannot refresh: not something a retry fixes.
        throw new CredentialsError(error instanceof Error ? error.message : String(error))
      }
      // client-node builds a new connection pool per request; keep the first so connections are reused.
      if (dispatcher === undefined) dispatcher = ctx.getDispatcher()
      else ctx.setDispatcher(dispatcher as never)
      return {
        // undici aborts the fetch (and its socket) on the signal; a caller's abort surfaces as AbortError.
        async send(signal?: AbortSignal) {
          if (signal?.aborted) throw abortError(signal)
          const timeout = AbortSignal.timeout(request.timeoutMs)
          ctx.setSignal(signal ? AbortSignal.any([timeout, signal]) : timeout)
          try {
            const response = await http.send(ctx).toPromise()
            // The body arrives whole (client-node reads it as text); the size cap is the native path's.
            return { status: response.httpStatusCode, headers: response.headers, text: await response.body.text() }
          } catch (error) {
            if (signal?.aborted) throw abortError(signal)
            if (timeout.aborted) {
              const timedOut = new Error(`no answer within ${request.timeoutMs} ms`)
              timedOut.name = 'TimeoutError'
              throw timedOut
            }
            throw error
          }
        }
      }
    },
    async close() {
      await (dispatcher as Closable | undefined)?.close?.()
      dispatcher = undefined
    }
  }
}
