/**
 * LIST with selectors and `limit`/`continue` pagination. Pages are cut from the store's shared
 * (uncopied) sorted list, cached per resource until the store's resourceVersion moves, so a paginated
 * LIST of 10,000 objects sorts once instead of once per page and never clones what it does not send.
 */
import type { ResourceDef } from '../resources.js'
import type { ObjectStore, StoredObject } from '../store.js'
import { fieldMatcher, labelMatcher } from './selectors.js'
import { ApiError } from './status.js'

const objectKey = (o: StoredObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`

export class SortedListCache {
  private revision = -1
  private readonly lists = new Map<string, readonly StoredObject[]>()

  constructor(private readonly store: ObjectStore) {}

  get(resource: ResourceDef, namespace: string | undefined): readonly StoredObject[] {
    if (this.revision !== this.store.resourceVersion) {
      this.lists.clear()
      this.revision = this.store.resourceVersion
    }
    const key = `${resource.group}/${resource.version}/${resource.resource}/${namespace ?? '*'}`
    let list = this.lists.get(key)
    if (!list) {
      list = this.store.listShared(resource, namespace)
      this.lists.set(key, list)
    }
    return list
  }
}

export interface ListQuery {
  labelSelector?: string
  fieldSelector?: string
  limit?: number
  continueToken?: string
}

export interface ListPage {
  items: readonly StoredObject[]
  resourceVersion: string
  continueToken?: string
  remainingItemCount?: number
}

interface ContinueState {
  /** resourceVersion of the first page, echoed back as the list's resourceVersion. */
  rv: string
  /** Key of the last object sent; the next page starts after it. */
  after: string
}

export const encodeContinue = (state: ContinueState): string => Buffer.from(JSON.stringify(state)).toString('base64url')

function decodeContinue(token: string): ContinueState {
  try {
    const state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<ContinueState>
    if (typeof state.rv === 'string' && typeof state.after === 'string') return { rv: state.rv, after: state.after }
  } catch {
    // fall through to the error below
  }
  throw new ApiError(400, 'BadRequest', 'continue key is not valid: invalid continue token')
}

/** Index of the first object whose key sorts after `after`, in the store's (localeCompare) order. */
function startAfter(items: readonly StoredObject[], after: string): number {
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (objectKey(items[mid]!).localeCompare(after) <= 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

export function listPage(
  cache: SortedListCache,
  store: ObjectStore,
  resource: ResourceDef,
  namespace: string | undefined,
  query: ListQuery
): ListPage {
  const matchLabels = labelMatcher(query.labelSelector)
  const matchFields = fieldMatcher(query.fieldSelector, resource)
  const filtered = Boolean(query.labelSelector?.trim() || query.fieldSelector?.trim())
  const all = cache.get(resource, namespace)
  const state = query.continueToken ? decodeContinue(query.continueToken) : undefined
  const resourceVersion = state?.rv ?? String(store.resourceVersion)
  const start = state ? startAfter(all, state.after) : 0
  const limit = query.limit && query.limit > 0 ? query.limit : Number.POSITIVE_INFINITY
  const items: StoredObject[] = []
  let index = start
  for (; index < all.length && items.length < limit; index++) {
    const o = all[index]!
    if (matchLabels(o.metadata.labels) && matchFields(o)) items.push(o)
  }
  // a continue token only when something that could match is left (the real server does the same)
  let more = false
  let remaining = 0
  for (let i = index; i < all.length; i++) {
    const o = all[i]!
    if (!filtered || (matchLabels(o.metadata.labels) && matchFields(o))) {
      more = true
      if (filtered) break
      remaining = all.length - i
      break
    }
  }
  const page: ListPage = { items, resourceVersion }
  if (more && items.length > 0) {
    page.continueToken = encodeContinue({ rv: resourceVersion, after: objectKey(items[items.length - 1]!) })
    if (!filtered) page.remainingItemCount = remaining
  }
  return page
}
