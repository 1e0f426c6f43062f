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
export const PERCENT_EXPECTED = 'expected a percentage like 10% or a fraction like 0.1'

/** Milliseconds for `"1h30m"`, `"30s"`, `"500ms"`, `"10m"` or a number (or numeric string) of seconds; undefined when not a duration. */
export function tryParseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : undefined
  }
  if (typeof value !== 'string') return undefined
  const text = value.trim()
  if (NUMBER.test(text)) return Math.round(Number(text) * 1000)
  if (!DURATION.test(text)) return undefined
  let ms = 0
  for (const [, amount, unit] of text.matchAll(PART)) ms += Number(amount) * (UNIT_MS[unit as string] ?? 0)
  return Math.round(ms)
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
