/**
 * Seeded synthetic traffic of two versions (baseline and canary) as OpenMetrics text for `backfill`:
 * per run, per track, the counters a real service exports (`http_requests_total{status}` and a latency
 * histogram), scraped every `scrapeSeconds`. The noise is deliberately large and independent per
 * `segmentSeconds` (one judge point per segment), so a judge that peeks at noise sees it:
 * - requests per scrape ~ Poisson(rps × scrape);
 * - the error probability of a segment is lognormal around `errorRatio` (σ `errorSpread`);
 * - the latency median of a segment is lognormal around `latency` (σ `latencySpread`), and each
 *   request's latency is lognormal around that median (σ `requestSpread`).
 * Scenario knobs change one thing: the canary's error ratio or latency, or a blip on both tracks.
 * Deterministic for a seed (mulberry32), so a count of false positives is reproducible.
 */

export interface TrackShape {
  /** Multiplies the error probability (5 = five times the baseline's). */
  errorFactor?: number
  /** Multiplies every latency (1.3 = +30 %). */
  latencyFactor?: number
}

export interface NoisyRun {
  /** Label value of `run`, so many runs share one Prometheus and one time range. */
  run: string
  seed: number
  canary?: TrackShape
  /** Segments (0-based) where both tracks have an error ratio of `blipErrorRatio` (an incident shared by both). */
  blipSegments?: number[]
}

export interface NoisyShape {
  /** Epoch seconds of the first sample. */
  start: number
  /** Length of each run's series, seconds. */
  seconds: number
  scrapeSeconds: number
  segmentSeconds: number
  rps: number
  errorRatio: number
  errorSpread: number
  latency: number
  latencySpread: number
  requestSpread: number
  blipErrorRatio: number
  tracks: { baseline: string; canary: string }
}

export const DEFAULT_SHAPE: NoisyShape = {
  start: 1_700_000_000,
  seconds: 600,
  scrapeSeconds: 2,
  segmentSeconds: 10,
  rps: 50,
  errorRatio: 0.01,
  errorSpread: 0.6,
  latency: 0.08,
  latencySpread: 0.25,
  requestSpread: 0.4,
  blipErrorRatio: 0.25,
  tracks: { baseline: 'v1', canary: 'v2' }
}

export const BUCKETS = [0.05, 0.075, 0.1, 0.125, 0.15, 0.175, 0.2, 0.25, 0.3, 0.4, 0.6, 1]

/** mulberry32: a small, well-known seeded generator (uniform in [0, 1)). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), Number.MIN_VALUE)
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random())
}

/** Poisson by Knuth's method for small means, a rounded normal for large ones. */
function poisson(random: () => number, mean: number): number {
  if (mean <= 0) return 0
  if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)))
  const limit = Math.exp(-mean)
  let k = 0
  let p = random()
  while (p > limit) {
    k++
    p *= random()
  }
  return k
}

/** A lognormal factor with median 1 and the given σ of its log. */
const lognormal = (random: () => number, sigma: number): number => Math.exp(sigma * gaussian(random))

interface TrackSeries {
  ok: number[]
  errors: number[]
  /** Cumulative counts per bucket (BUCKETS, then +Inf), one array per scrape. */
  buckets: number[][]
  sum: number[]
}

function trackSeries(shape: NoisyShape, random: () => number, track: TrackShape, blips: Set<number>): TrackSeries {
  const scrapes = Math.floor(shape.seconds / shape.scrapeSeconds) + 1
  const out: TrackSeries = { ok: [], errors: [], buckets: [], sum: [] }
  let ok = 0
  let errors = 0
  let sum = 0
  const cumulative = new Array<number>(BUCKETS.length + 1).fill(0)
  let segment = -1
  let errorP = 0
  let median = 0
  for (let i = 0; i < scrapes; i++) {
    const t = i * shape.scrapeSeconds
    if (i > 0) {
      // The increments between scrape i-1 and i belong to the segment that contains (t - scrape, t].
      const seg = Math.floor((t - 1e-9) / shape.segmentSeconds)
      if (seg !== segment) {
        segment = seg
        const base = blips.has(seg) ? shape.blipErrorRatio : shape.errorRatio * lognormal(random, shape.errorSpread)
        errorP = Math.min(1, base * (blips.has(seg) ? 1 : (track.errorFactor ?? 1)))
        median = shape.latency * (track.latencyFactor ?? 1) * lognormal(random, shape.latencySpread)
      }
      const n = poisson(random, shape.rps * shape.scrapeSeconds)
      const e = Math.min(n, poisson(random, n * errorP))
      ok += n - e
      errors += e
      for (let r = 0; r < n; r++) {
        const latency = median * lognormal(random, shape.requestSpread)
        sum += latency
        const at = BUCKETS.findIndex((le) => latency <= le)
        for (let b = at === -1 ? BUCKETS.length : at; b <= BUCKETS.length; b++) cumulative[b]!++
      }
    }
    out.ok.push(ok)
    out.errors.push(errors)
    out.buckets.push([...cumulative])
    out.sum.push(sum)
  }
  return out
}

const labels = (pairs: Record<string, string>): string =>
  `{${Object.entries(pairs)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',')}}`

/** OpenMetrics for every run and both tracks: one family at a time, each series' samples together. */
export function noisyOpenMetrics(runs: readonly NoisyRun[], shape: NoisyShape = DEFAULT_SHAPE): string {
  const series = runs.flatMap((run) => {
    const random = seededRandom(run.seed)
    const blips = new Set(run.blipSegments ?? [])
    return [
      { run: run.run, version: shape.tracks.baseline, data: trackSeries(shape, random, {}, blips) },
      { run: run.run, version: shape.tracks.canary, data: trackSeries(shape, random, run.canary ?? {}, blips) }
    ]
  })
  const time = (i: number): number => shape.start + i * shape.scrapeSeconds
  const lines: string[] = ['# TYPE http_requests counter']
  for (const s of series) {
    for (const [status, values] of [
      ['200', s.data.ok],
      ['500', s.data.errors]
    ] as const)
      values.forEach((v, i) =>
        lines.push(`http_requests_total${labels({ run: s.run, version: s.version, status })} ${v} ${time(i)}`)
      )
  }
  lines.push('# TYPE http_request_duration_seconds histogram')
  for (const s of series) {
    const les = [...BUCKETS.map(String), '+Inf']
    les.forEach((le, b) =>
      s.data.buckets.forEach((counts, i) =>
        lines.push(
          `http_request_duration_seconds_bucket${labels({ run: s.run, version: s.version, le })} ${counts[b]} ${time(i)}`
        )
      )
    )
    s.data.buckets.forEach((counts, i) =>
      lines.push(
        `http_request_duration_seconds_count${labels({ run: s.run, version: s.version })} ${counts[BUCKETS.length]} ${time(i)}`
      )
    )
    s.data.sum.forEach((v, i) =>
      lines.push(`http_request_duration_seconds_sum${labels({ run: s.run, version: s.version })} ${v} ${time(i)}`)
    )
  }
  lines.push('# EOF')
  return lines.join('\n')
}
