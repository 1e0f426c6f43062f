/** One printed benchmark figure. Benchmarks report numbers; they never pass or fail. */
export interface BenchFigure {
  name: string
  value: number
  unit: string
  note?: string
  /**
   * The goal the figure is held to, in `unit`: at most `max`, or at least `min`. Printed beside the
   * value, and a miss is marked, so a regression is visible in the output without failing the run.
   */
  target?: { max: number } | { min: number }
}

/** Whether the figure meets its target; undefined when it has none. */
export function meetsTarget(figure: BenchFigure): boolean | undefined {
  const target = figure.target
  if (!target) return undefined
  return 'max' in target ? figure.value <= target.max : figure.value >= target.min
}

/** `name: value unit [target ≤ 80 ms: met] (note)`; a miss reads `[target ≤ 80 ms: MISSED]`. */
export function formatFigure(figure: BenchFigure): string {
  const { name, value, unit, note, target } = figure
  const goal = target ? ('max' in target ? `≤ ${target.max} ${unit}` : `≥ ${target.min} ${unit}`) : undefined
  const verdict = goal ? ` [target ${goal}: ${meetsTarget(figure) ? 'met' : 'MISSED'}]` : ''
  return `${name}: ${value} ${unit}${verdict}${note ? ` (${note})` : ''}`
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
