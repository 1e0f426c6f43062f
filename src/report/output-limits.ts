/**
 * Size limits of the step outputs. GitHub keeps at most 1 MB of outputs per job, and a step that
 * writes more loses them, so each output has its own byte budget (together well under 1 MB, leaving
 * room for other steps) and anything cut says so. Lists stay valid JSON for `fromJSON()`: long strings
 * are shortened in place, then rows are dropped from the end and one note row says how many. The
 * JSON record (output `report`) always keeps everything.
 */
import { truncate } from './escape.js'
import { capLongStrings } from './long-strings.js'

export const KIB = 1024

/** Characters of one string field inside a JSON output (reason, actual, …) before it is cut. */
export const MAX_OUTPUT_FIELD_CHARS = 4000

const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8')

/** `text` shortened (with the omitted-characters note) to at most `maxBytes` of UTF-8. */
export function capText(text: string, maxBytes: number): string {
  if (byteLength(text) <= maxBytes) return text
  let chars = Math.min(text.length, maxBytes)
  let out = truncate(text, chars)
  while (byteLength(out) > maxBytes && chars > 0) {
    chars = Math.floor(chars * 0.9)
    out = truncate(text, chars)
  }
  return out
}

/**
 * `rows` as a JSON array of at most `maxBytes`: every string field capped, then as many leading rows
 * as fit followed by `note(omittedRows)`. Rows come most important first, so the end is what goes.
 */
export function capJsonRows<T>(rows: T[], maxBytes: number, note: (omitted: T[]) => T): string {
  const capped = capLongStrings(rows, MAX_OUTPUT_FIELD_CHARS)
  const whole = JSON.stringify(capped)
  if (byteLength(whole) <= maxBytes) return whole
  const withNote = (kept: number): string => JSON.stringify([...capped.slice(0, kept), note(capped.slice(kept))])
  // The largest number of rows that fits with the note (binary search: sizes grow with the count).
  let low = 0
  let high = capped.length - 1
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (byteLength(withNote(mid)) <= maxBytes) low = mid
    else high = mid - 1
  }
  const json = withNote(low)
  return byteLength(json) <= maxBytes ? json : '[]'
}
