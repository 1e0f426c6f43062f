/**
 * Durations and percentages as users write them in YAML and action inputs.
 * Durations become milliseconds, percentages become fractions (10 % = 0.1).
 */

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }
// Go-style sequence of <number><unit>, e.g. 1h30m, 1.5s, 500ms ("ms" listed before "m" on purpose).
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g
const NUMBER = /^\d+(?:\.\d+)?$/

export const DURATION_EXPECTED = 'expected a duration like 30s, 5m or 1h30m'

/**
 * The longest wait a config may ask for. Node clamps a setTimeout delay above 2^31-1 ms (about 24.8
 * days) to 1 ms, so `interval: 1000000h` would take every measurement back to back; no job runs that
 * long anyway (GitHub-hosted jobs stop at 6 h), so a day is a generous, safe cap for every timer.
 */
export const MAX_WAIT_MS = 24 * 3_600_000
export const MAX_WAIT_TEXT = '24h'
/** The longest look-back (baseline window and offset): a query range, not a timer, so it may be longer. */
export const MAX_LOOKBACK_MS = 30 * 86_400_000
export const MAX_LOOKBACK_TEXT = '30d'

/** `expected a duration of at most 24h (a longer wait outlives any job and overflows Node.js timers)` */
export function durationCapMessage(
  capText: string,
  why = 'a longer wait outlives any job and overflows Node.js timers'
): string {
  return `expected a duration of at most ${capText} (${why})`
}
export const PERCENT_EXPECTED = 'expected a percentage like 10% or a fraction like 0.1'

/** Milliseconds for `"1h30m"`, `"30s"`, `"500ms"`, `"10m"` or a number (or numeric string) of seconds; undefined when not a duration. */
export function tryParseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : undefined
  }
  if (typeof value !== 'string') return undefined
  const text = value.trim()
  if (NUMBER.test(text)) return Number.isFinite(Number(text)) ? Math.round(Number(text) * 1000) : undefined
  if (!DURATION.test(text)) return undefined
  let ms = 0
  for (const [, amount, unit] of text.matchAll(PART)) ms += Number(amount) * (UNIT_MS[unit as string] ?? 0)
  // A few hundred digits overflow to Infinity: not a duration anyone can wait for.
  return Number.isFinite(ms) ? Math.round(ms) : undefined
}

/** Like {@link tryParseDuration} but throws an Error naming the bad value. */
export function parseDuration(value: string | number): number {
  const ms = tryParseDuration(value)
  if (ms === undefined) throw new Error(`${DURATION_EXPECTED}, got ${JSON.stringify(value)}`)
  return ms
}

/** `90000` → `"1m30s"`, `1500` → `"1.5s"`, `500` → `"500ms"`, `0` → `"0s"`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return ms === 0 ? '0s' : `${Math.round(ms)}ms`
  const hours = Math.floor(ms / 3_600_000)
  const minutes = Math.floor((ms % 3_600_000) / 60_000)
  const seconds = (ms % 60_000) / 1000
  let out = ''
  if (hours) out += `${hours}h`
  if (minutes) out += `${minutes}m`
  if (seconds) out += `${Number(seconds.toFixed(3))}s`
  return out
}

/** `"10%"` → 0.1, `0.1` → 0.1, `"0.1"` → 0.1; undefined when not a non-negative percentage. */
export function tryParsePercent(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined
  if (typeof value !== 'string') return undefined
  const text = value.trim()
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text)
  if (percent) return Number(percent[1]) / 100
  return NUMBER.test(text) ? Number(text) : undefined
}

/** Like {@link tryParsePercent} but throws an Error naming the bad value. */
export function parsePercent(value: string | number): number {
  const fraction = tryParsePercent(value)
  if (fraction === undefined) throw new Error(`${PERCENT_EXPECTED}, got ${JSON.stringify(value)}`)
  return fraction
}
