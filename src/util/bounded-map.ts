/**
 * Maps items with at most `limit` calls in flight, results in input order.
 * Twenty lines rather than a dependency: p-limit/p-map are not dependencies of this project (p-limit
 * in node_modules is an old transitive copy), and what we need is this one loop.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>
): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`concurrency must be a whole number >= 1, got ${limit}`)
  const results = new Array<R>(items.length)
  let next = 0
  let failed = false
  // Each worker takes the next item when it finishes one; after a failure no new item starts, and the
  // first error is what the caller sees (like Promise.all, but without starting the rest).
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++
      try {
        results[index] = await fn(items[index] as T, index)
      } catch (error) {
        failed = true
        throw error
      }
    }
  }
  const workers = Array.from({ length: Math.min(limit, items.length) }, () => worker())
  await Promise.all(workers)
  return results
}
