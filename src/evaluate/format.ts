/** Small formatting helpers for check rows. Pure. */
import type { CheckDetail } from '../model/result.js'

export { formatDuration } from '../util/duration-text.js'

/** At most `max` details, then one "and N more <noun>" line, so reports stay bounded. */
export function bounded<T>(items: T[], max: number, render: (item: T) => CheckDetail, noun: string): CheckDetail[] {
  const shown = items.slice(0, max).map(render)
  if (items.length > max) shown.push({ title: `and ${items.length - max} more ${noun}` })
  return shown
}

/** Keeps the last `lines` lines and at most `maxChars` characters (the end, where the crash is). */
export function tail(text: string, lines = 20, maxChars = 4000): string {
  const kept = text.replace(/\s+$/, '').split('\n').slice(-lines).join('\n')
  return kept.length > maxChars ? `…${kept.slice(-maxChars)}` : kept
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`
