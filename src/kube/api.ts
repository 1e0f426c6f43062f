/**
 * The one interface between deploy-guard and a Kubernetes API server. Everything that gathers from or
 * acts on a cluster goes through it, so commands can be tested against the sandbox or a fake that
 * behaves, and evaluation code never sees a client object.
 *
 * Implemented in src/kube/client.ts (retries for transient failures) over a light HTTPS transport
 * (tokens, client certificates, exec plugins, in-cluster, auth providers, proxies): see
 * src/kube/transport/.
 */

/** Minimal shape shared by every Kubernetes object; kind-specific fields are read by the evaluators. */
export interface KubeObject {
  apiVersion?: string
  kind?: string
  metadata: {
    name: string
    namespace?: string
    uid?: string
    resourceVersion?: string
    generation?: number
    creationTimestamp?: string
    deletionTimestamp?: string
    labels?: Record<string, string>
    annotations?: Record<string, string>
    ownerReferences?: Array<{ apiVersion: string; kind: string; name: string; uid: string; controller?: boolean }>
  }
  // Kind-specific content stays untyped here on purpose: evaluators narrow it with their own types.
  [key: string]: unknown
}

/** Identifies a resource collection: `apps/v1` + `deployments`, or `v1` + `pods`. */
export interface ResourceType {
  apiVersion: string
  /** Lower-case plural, as in the URL. */
  resource: string
  kind: string
  namespaced: boolean
}

export interface ListOptions<T extends KubeObject = KubeObject> {
  labelSelector?: string
  fieldSelector?: string
  /** Page size for `limit`/`continue` pagination (default 500). */
  pageSize?: number
  /**
   * Keeps only the items this returns true for, applied page by page so a large list (thousands of
   * old events) is never held in memory at once. Field selectors cannot express it (no time filter).
   */
  keep?: (item: T) => boolean
}

export interface LogOptions {
  container?: string
  previous?: boolean
  tailLines?: number
}

/** Why an API call failed, in terms a user can act on. */
export type KubeErrorReason =
  | 'not-found'
  | 'forbidden'
  | 'unauthorized'
  | 'conflict'
  | 'invalid'
  | 'unreachable'
  | 'server-error'
  | 'timeout'
  /** The server's TLS certificate could not be verified (wrong CA, self-signed, wrong name, expired). */
  | 'tls'
  /** The answer was larger than the client accepts. */
  | 'too-large'

export class KubeApiError extends Error {
  constructor(
    message: string,
    readonly reason: KubeErrorReason,
    /** HTTP status when there was a response. */
    readonly status: number | undefined,
    /** e.g. `get`, `list`, `patch` — used in RBAC hints. */
    readonly verb: string,
    /** e.g. `deployments.apps` */
    readonly resource: string
  ) {
    super(message)
    this.name = 'KubeApiError'
  }

  /** Transient failures are retried, then reported as inconclusive (never as pass or fail). */
  get transient(): boolean {
    return this.reason === 'unreachable' || this.reason === 'server-error' || this.reason === 'timeout'
  }
}

/**
 * A request the caller stopped: its AbortSignal fired (the run was cancelled, or a deadline such as the
 * verify timeout passed). Reason `timeout`, so anything that treats it generically reads it as "the API
 * did not answer in time" (inconclusive, never pass or fail); it is never retried.
 */
export class KubeRequestAbortedError extends KubeApiError {
  constructor(
    message: string,
    verb: string,
    resource: string,
    /** `deadline` when the signal's reason was a TimeoutError (AbortSignal.timeout), else `cancelled`. */
    readonly by: 'deadline' | 'cancelled'
  ) {
    super(message, 'timeout', undefined, verb, resource)
    this.name = 'KubeRequestAbortedError'
  }
}

export interface DeleteOptions {
  /** Only delete the object with this uid (a Preconditions body). */
  uid?: string
  gracePeriodSeconds?: number
}

export interface KubeApi {
  /** The server URL, for messages ("API unreachable at https://..."). */
  readonly server: string
  /** Maps a kind (and optional apiVersion) to its resource, using discovery for custom resources. */
  resourceFor(kind: string, apiVersion?: string): Promise<ResourceType>
  /** Returns undefined on 404; throws KubeApiError otherwise. */
  get<T extends KubeObject = KubeObject>(
    type: ResourceType,
    namespace: string | undefined,
    name: string
  ): Promise<T | undefined>
  /** Lists all pages. */
  list<T extends KubeObject = KubeObject>(
    type: ResourceType,
    namespace: string | undefined,
    options?: ListOptions<T>
  ): Promise<T[]>
  /** Container log text (empty string when none). */
  podLog(namespace: string, pod: string, options: LogOptions): Promise<string>
  /** Patch with an explicit patch type; used by rollback. */
  patch<T extends KubeObject = KubeObject>(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    body: unknown,
    patchType: 'json' | 'merge' | 'strategic'
  ): Promise<T>
  /**
   * DELETE one object (rollback's forced StatefulSet pod delete). `uid` makes it a precondition: the
   * server refuses (409) when the name now belongs to another object. A 404 is not an error (gone).
   */
  delete(type: ResourceType, namespace: string | undefined, name: string, options?: DeleteOptions): Promise<void>
  /** POST a new object (a canary Deployment made from the stable one); 409 AlreadyExists is a KubeApiError. */
  create<T extends KubeObject = KubeObject>(
    type: ResourceType,
    namespace: string | undefined,
    body: KubeObject
  ): Promise<T>
  /** Number of HTTP requests made so far (for benchmarks and tests). */
  readonly requestCount: number
  /**
   * A view of the same client (same connections, same request count) whose requests, retries and
   * retry waits also stop when `signal` aborts — e.g. `AbortSignal.any([runSignal,
   * AbortSignal.timeout(remainingMs)])` to hold every request of a verify to its timeout. A request
   * stopped this way rejects with KubeRequestAbortedError. Views of views combine their signals.
   */
  withSignal(signal: AbortSignal): KubeApi
  /**
   * A view whose requests stop only when `signal` aborts, NOT when the run is cancelled: for the
   * clean-up a cancel must still carry out (a canary's routing restored), held to its own short
   * deadline by the caller (`AbortSignal.timeout(ms)`).
   */
  detachedFromRun(signal: AbortSignal): KubeApi
}
