/** What every resource handler gets: the store, the registry, and the parsed request. */
import type { ResourceDef } from '../resources.js'
import type { ObjectStore } from '../store.js'
import type { SortedListCache } from './list.js'

export type PodLogSource = (
  namespace: string,
  pod: string,
  container: string | undefined,
  previous: boolean
) => string | undefined

export interface ApiContext {
  store: ObjectStore
  resources: readonly ResourceDef[]
  cache: SortedListCache
  podLog: PodLogSource
  bookmarkIntervalMs: number
  maxWatchMs: number
}

export interface ResourceRequest {
  method: string
  resource: ResourceDef
  namespace?: string
  name?: string
  subresource?: string
  query: URLSearchParams
  accept?: string
  contentType?: string
  body: string
  /** Messages for `Warning: 299 - "…"` response headers (unknown fields under fieldValidation=Warn). */
  warnings?: string[]
}

/** A finished answer: JSON (already serialised where that saves work), or plain text (logs). */
export type Reply =
  | { status: number; json: unknown; raw?: false }
  | { status: number; raw: true; body: string | Buffer; contentType: string }
  | { streamed: true }

export const json = (status: number, body: unknown): Reply => ({ status, json: body })
