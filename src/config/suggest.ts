/** "Did you mean": the closest known name to a misspelt one, by edit distance. Pure. */

/** Levenshtein distance, small inputs only (config keys). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost
      )
    }
    previous = current
  }
  return previous[b.length] as number
}

/** The closest known name, when it is close enough to be a plausible typo. */
export function suggest(name: string, known: readonly string[]): string | undefined {
  let best: { key: string; distance: number } | undefined
  for (const key of known) {
    const a = name.toLowerCase()
    const b = key.toLowerCase()
    // Same word in another case, or an abbreviation (`app` for `application`), count as near misses.
    const distance = a === b ? 0.5 : a.length >= 3 && b.startsWith(a) ? 1 : editDistance(a, b)
    if (!best || distance < best.distance) best = { key, distance }
  }
  return best && best.distance <= Math.max(1, Math.floor(name.length / 3)) ? best.key : undefined
}
