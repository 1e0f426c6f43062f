/**
 * Markdown building blocks for the reports. Inputs are already-escaped fragments (see escape.ts);
 * these functions only arrange them.
 */

/** `… N more rows omitted`, our own text, used under every capped list or table. */
export function omittedNote(count: number, noun = 'rows'): string {
  return `_… ${count.toLocaleString('en-US')} more ${noun} omitted to stay under the size limit (the JSON record has them all)._`
}

/**
 * Picks at most `max` items, preferring the important ones (failures) and keeping the original order.
 * Returns the chosen items and how many were left out.
 */
export function selectItems<T>(
  items: T[],
  max: number,
  important: (item: T) => boolean = () => false
): { items: T[]; omitted: number } {
  if (items.length <= max) return { items, omitted: 0 }
  const keep = new Set<number>()
  items.forEach((item, i) => {
    if (keep.size < max && important(item)) keep.add(i)
  })
  for (let i = 0; i < items.length && keep.size < max; i++) keep.add(i)
  return { items: items.filter((_item, i) => keep.has(i)), omitted: items.length - keep.size }
}

/** A GFM table; cells must already be escaped with escapeMarkdownCell/codeSpan. */
export function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n')
}

/**
 * A `<details>` block whose body is Markdown: the blank lines around the body make GitHub parse it
 * as Markdown rather than raw HTML. `summaryHtml` must already be escaped.
 */
export function detailsBlock(summaryHtml: string, body: string, open = false): string {
  return `<details${open ? ' open' : ''}>\n<summary>${summaryHtml}</summary>\n\n${body}\n\n</details>`
}
