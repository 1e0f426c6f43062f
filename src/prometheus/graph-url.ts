/** Links to the Prometheus expression browser (`/graph`), relative to a base URL that may carry a path prefix. */

/** `https://host/prometheus` and `https://host/prometheus/` both resolve `api/v1/query` under the prefix. */
export function endpoint(baseUrl: string, path: string): URL {
  const base = new URL(baseUrl)
  if (!base.pathname.endsWith('/')) base.pathname += '/'
  base.search = ''
  base.hash = ''
  return new URL(path.replace(/^\//, ''), base)
}

/** The graph page's end time format: `YYYY-MM-DD HH:MM:SS` in UTC. */
function endInput(end: Date): string {
  return end.toISOString().slice(0, 19).replace('T', ' ')
}

export function graphUrl(baseUrl: string, query: string, start: Date, end: Date): string {
  const url = endpoint(baseUrl, 'graph')
  url.username = ''
  url.password = ''
  const rangeSeconds = Math.max(1, Math.ceil((end.getTime() - start.getTime()) / 1000))
  url.searchParams.set('g0.expr', query)
  url.searchParams.set('g0.range_input', `${rangeSeconds}s`)
  url.searchParams.set('g0.end_input', endInput(end))
  url.searchParams.set('g0.tab', '0')
  return url.toString()
}
