/**
 * The KubeApi: plain REST paths, so one small client covers GET/LIST (selectors, pagination), pod
 * logs and every patch type. Transient failures are retried with exponential backoff, then thrown as
 * transient KubeApiErrors.
 *
 * Requests go through one transport (./transport/): node:https with our own kubeconfig reader (tokens,
 * token files, client certificates, exec plugins, in-cluster, and — loaded only when a kubeconfig needs
 * them — auth-provider users through client-node's authenticator modules and proxy-url agents).
 * client-node's KubeConfig is not used: it imports every generated API and model (19 MB, 250-380 ms on
 * the 2-core CI machines, more than the rest of the action's start-up).
 */
import pRetry from 'p-retry'
import { sleep } from '../util/sleep.js'
import {
  KubeApiError,
  KubeRequestAbortedError,
  type KubeApi,
  type DeleteOptions,
  type KubeObject,
  type ListOptions,
  type LogOptions,
  type ResourceType
} from './api.js'
import { Discovery } from './discovery.js'
import {
  RetryAfterKubeApiError,
  errorForAbort,
  errorForStatus,
  errorForTransport,
  type RequestDescription
} from './errors.js'
import type { KubeSource } from './kubeconfig.js'
import { groupOf, resourcePath } from './resources.js'
import { CredentialsError, openTransport, type Transport } from './transport/index.js'
import type { TransportRequest } from './transport/types.js'

export type { KubeSource } from './kubeconfig.js'

export interface ClientOptions {
  /** Retries after the first attempt for transient failures (default 4). */
  retries?: number
  /** First backoff delay (default 200 ms), doubled per retry up to maxRetryDelayMs (default 3 s). */
  minRetryDelayMs?: number
  maxRetryDelayMs?: number
  /** Longest Retry-After we honour (default 5 s); longer asks are capped. */
  maxRetryAfterMs?: number
  /** Per-request timeout (default 30 s); a signal (below, or withSignal's) may end a request sooner. */
  requestTimeoutMs?: number
  /** Largest response body accepted, in bytes (default 64 MiB); larger answers are a `too-large` error. */
  maxResponseBytes?: number
  /**
   * The run's cancel signal: when it aborts, every request in flight is torn down (its socket
   * destroyed), no retry or retry wait starts, and requests reject with KubeRequestAbortedError.
   */
  signal?: AbortSignal
  /** Opens the transport (tests); default: the kubeconfig reader's choice. */
  transport?: (source: KubeSource) => Promise<Transport>
  /** Told every credential the transport obtains, for log masking (see CredentialOptions.onSecret). */
  onSecret?: (value: string) => void
}

/** A KubeApi that holds connections; close it when done. */
export interface KubeClient extends KubeApi {
  close(): Promise<void>
  /** Which transport carries requests (`node:https`). */
  readonly transport: Transport['name']
}

interface HttpResponse {
  status: number
  headers: Record<string, string>
  text: string
}

/** A transport request (the client sets the timeout) plus what the request is, for error messages. */
type RequestSpec = Omit<TransportRequest, 'timeoutMs'> & { describe: Omit<RequestDescription, 'server'> }

const PATCH_TYPES = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json'
} as const

export async function createKubeApi(source: KubeSource, options: ClientOptions = {}): Promise<KubeClient> {
  const transport = await (options.transport ?? ((s: KubeSource) => openTransport(s, { onSecret: options.onSecret })))(
    source
  )
  const server = transport.server
  const retries = options.retries ?? 4
  const minTimeout = options.minRetryDelayMs ?? 200
  const maxTimeout = options.maxRetryDelayMs ?? 3000
  const maxRetryAfter = options.maxRetryAfterMs ?? 5000
  const timeoutMs = options.requestTimeoutMs ?? 30_000
  let requestCount = 0

  const maxResponseBytes = options.maxResponseBytes

  async function attempt(
    spec: RequestSpec,
    signal: AbortSignal | undefined,
    renewedCredentials = false
  ): Promise<HttpResponse> {
    const describe = { ...spec.describe, server }
    let prepared
    try {
      prepared = await transport.prepare({
        method: spec.method,
        path: spec.path,
        query: spec.query,
        body: spec.body,
        contentType: spec.contentType,
        accept: spec.accept,
        timeoutMs,
        maxResponseBytes
      })
    } catch (error) {
      // e.g. an exec credential plugin that is missing or failed: not something a retry fixes.
      const message = error instanceof CredentialsError || error instanceof Error ? error.message : String(error)
      throw new KubeApiError(
        `could not get credentials for the Kubernetes API at ${server}: ${message}`,
        'unauthorized',
        undefined,
        describe.verb,
        describe.resource
      )
    }
    requestCount++
    let response: HttpResponse
    try {
      response = await prepared.send(signal)
    } catch (error) {
      throw signal?.aborted ? errorForAbort(signal, describe) : errorForTransport(error, describe)
    }
    const { status, headers, text } = response
    if (status >= 200 && status < 300) return response
    // An expired exec credential or a rotated token file: renew once, as kubectl does.
    if (status === 401 && !renewedCredentials && transport.credentialsRejected?.()) return attempt(spec, signal, true)
    throw errorForStatus(status, text, describe, headers)
  }

  /** One request with retries; `signal` (the run's, maybe combined with a view's) stops it all. */
  async function request(spec: RequestSpec, signal: AbortSignal | undefined): Promise<HttpResponse> {
    if (signal?.aborted) throw errorForAbort(signal, { ...spec.describe, server })
    return pRetry(() => attempt(spec, signal), {
      retries,
      minTimeout,
      maxTimeout,
      factor: 2,
      // Backoff waits end when the signal aborts (p-retry then rejects with the signal's reason).
      signal,
      shouldRetry: ({ error }) =>
        error instanceof KubeApiError && error.transient && !(error instanceof KubeRequestAbortedError),
      onFailedAttempt: async ({ error, retriesLeft }) => {
        // Honour Retry-After on top of the backoff p-retry applies next; the wait ends on abort too.
        if (retriesLeft > 0 && error instanceof RetryAfterKubeApiError) {
          await sleep(Math.min(error.retryAfterMs, maxRetryAfter), signal)
        }
      }
    }).catch((error: unknown) => {
      if (signal?.aborted) {
        throw error instanceof KubeRequestAbortedError ? error : errorForAbort(signal, { ...spec.describe, server })
      }
      if (error instanceof KubeApiError && error.transient && retries > 0) {
        throw new KubeApiError(
          `${error.message} (after ${retries} retries)`,
          error.reason,
          error.status,
          error.verb,
          error.resource
        )
      }
      throw error
    })
  }

  const describeFor = (
    type: ResourceType,
    verb: string,
    namespace?: string,
    name?: string
  ): RequestSpec['describe'] => ({
    verb,
    resource: type.resource,
    group: groupOf(type.apiVersion),
    namespace: type.namespaced ? namespace : undefined,
    name
  })

  /** The KubeApi whose requests stop when `signal` aborts (undefined: only the per-request timeout). */
  function view(signal: AbortSignal | undefined): KubeApi {
    const getJson = async (path: string): Promise<unknown> => {
      const response = await request(
        { method: 'GET', path, describe: { verb: 'get', resource: path, group: '' } },
        signal
      )
      return JSON.parse(response.text) as unknown
    }
    // One per view: a cached discovery answer must not be one another view's deadline cut short.
    const discovery = new Discovery(getJson)
    return {
      server,
      get requestCount() {
        return requestCount
      },
      withSignal: (scope: AbortSignal) => view(signal ? AbortSignal.any([signal, scope]) : scope),
      detachedFromRun: (scope: AbortSignal) => view(scope),
      resourceFor: (kind, apiVersion) => discovery.resourceFor(kind, apiVersion),

      async get<T extends KubeObject>(
        type: ResourceType,
        namespace: string | undefined,
        name: string
      ): Promise<T | undefined> {
        try {
          const response = await request(
            {
              method: 'GET',
              path: resourcePath(type, namespace, name),
              describe: describeFor(type, 'get', namespace, name)
            },
            signal
          )
          return withTypeMeta(JSON.parse(response.text) as T, type)
        } catch (error) {
          if (error instanceof KubeApiError && error.reason === 'not-found') return undefined
          throw error
        }
      },

      async list<T extends KubeObject>(
        type: ResourceType,
        namespace: string | undefined,
        opts: ListOptions<T> = {}
      ): Promise<T[]> {
        const items: T[] = []
        let token: string | undefined
        let restarted = false
        do {
          let page: { items?: T[]; metadata?: { continue?: string } }
          try {
            const response = await request(
              {
                method: 'GET',
                path: resourcePath(type, namespace),
                query: {
                  labelSelector: opts.labelSelector || undefined,
                  fieldSelector: opts.fieldSelector || undefined,
                  limit: opts.pageSize ?? 500,
                  continue: token
                },
                describe: describeFor(type, 'list', namespace)
              },
              signal
            )
            page = JSON.parse(response.text) as typeof page
          } catch (error) {
            // 410 Gone: the continue token expired (compaction); a fresh list is consistent again.
            if (error instanceof KubeApiError && error.status === 410 && token && !restarted) {
              restarted = true
              items.length = 0
              token = undefined
              continue
            }
            throw error
          }
          for (const item of page.items ?? []) {
            const typed = withTypeMeta(item, type)
            if (!opts.keep || opts.keep(typed)) items.push(typed)
          }
          token = page.metadata?.continue || undefined
        } while (token)
        return items
      },

      async podLog(namespace: string, pod: string, opts: LogOptions): Promise<string> {
        try {
          const response = await request(
            {
              method: 'GET',
              path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log`,
              query: {
                container: opts.container,
                previous: opts.previous || undefined,
                tailLines: opts.tailLines,
                limitBytes: 64 * 1024
              },
              accept: '*/*',
              describe: { verb: 'get', resource: 'pods/log', group: '', namespace, name: pod }
            },
            signal
          )
          return response.text
        } catch (error) {
          // 400: no previous container instance yet; 404: the pod is gone. Neither is an API failure.
          if (error instanceof KubeApiError && (error.status === 400 || error.status === 404)) return ''
          throw error
        }
      },

      async patch<T extends KubeObject>(
        type: ResourceType,
        namespace: string | undefined,
        name: string,
        body: unknown,
        patchType: 'json' | 'merge' | 'strategic'
      ): Promise<T> {
        const response = await request(
          {
            method: 'PATCH',
            path: resourcePath(type, namespace, name),
            body: JSON.stringify(body),
            contentType: PATCH_TYPES[patchType],
            describe: describeFor(type, 'patch', namespace, name)
          },
          signal
        )
        return withTypeMeta(JSON.parse(response.text) as T, type)
      },

      async create<T extends KubeObject>(
        type: ResourceType,
        namespace: string | undefined,
        body: KubeObject
      ): Promise<T> {
        const response = await request(
          {
            method: 'POST',
            path: resourcePath(type, namespace),
            body: JSON.stringify(body),
            contentType: 'application/json',
            describe: describeFor(type, 'create', namespace, body.metadata.name)
          },
          signal
        )
        return withTypeMeta(JSON.parse(response.text) as T, type)
      },

      async delete(
        type: ResourceType,
        namespace: string | undefined,
        name: string,
        opts: DeleteOptions = {}
      ): Promise<void> {
        const body = {
          kind: 'DeleteOptions',
          apiVersion: 'v1',
          ...(opts.uid ? { preconditions: { uid: opts.uid } } : {}),
          ...(opts.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: opts.gracePeriodSeconds } : {})
        }
        try {
          await request(
            {
              method: 'DELETE',
              path: resourcePath(type, namespace, name),
              body: JSON.stringify(body),
              contentType: 'application/json',
              describe: describeFor(type, 'delete', namespace, name)
            },
            signal
          )
        } catch (error) {
          if (error instanceof KubeApiError && error.reason === 'not-found') return
          throw error
        }
      }
    }
  }

  // The client itself is the view of the run's signal, plus what owns the connections.
  const base = view(options.signal)
  const api: KubeClient = {
    server,
    transport: transport.name,
    get requestCount() {
      return requestCount
    },
    withSignal: base.withSignal,
    detachedFromRun: base.detachedFromRun,
    create: base.create,
    resourceFor: base.resourceFor,
    get: base.get,
    list: base.list,
    podLog: base.podLog,
    patch: base.patch,
    delete: base.delete,
    close: () => transport.close()
  }
  return api
}

/** List items come without apiVersion/kind; put them back so objects describe themselves. */
function withTypeMeta<T extends KubeObject>(obj: T, type: ResourceType): T {
  if (!obj.apiVersion) obj.apiVersion = type.apiVersion
  if (!obj.kind) obj.kind = type.kind
  return obj
}
