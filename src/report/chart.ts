/**
 * Mermaid xychart of a metric's values against its threshold(s).
 *
 * `xychart-beta` rather than `xychart`: the bare keyword only parses in recent Mermaid releases, while
 * `xychart-beta` parses in both old and new ones, and GitHub's renderer version is not documented
 * (reference/anchors-actions.md §2). Mermaid cannot plot gaps, so points without a numeric value are
 * left out; callers show every measurement in a table beside the chart.
 */
import { escapeMermaidString, fence } from './escape.js'
import { formatDecimal } from './format.js'

export interface XyChartInput {
  title: string
  /** One label per value, e.g. `10:00:30`. */
  xLabels: string[]
  /** null/NaN/±Inf are not plotted. */
  values: Array<number | null>
  thresholds?: Array<{ label: string; value: number }>
  yLabel?: string
  /** A smaller chart (a passed run's charts are context, not evidence). */
  small?: boolean
}

// Values first (blue), then thresholds (red, orange, purple); xychart takes colours only via init.
const PALETTE = '#1f77b4, #d62728, #ff7f0e, #9467bd, #8c564b'
/** Mermaid's default xychart is 700×500; a small one is half as tall. */
const SMALL_SIZE = '"xyChart": {"width": 600, "height": 250}, '

/** The points that can be plotted: labels and values with a finite number. */
export function plottablePoints(
  xLabels: string[],
  values: Array<number | null>
): { labels: string[]; values: number[] } {
  const labels: string[] = []
  const numbers: number[] = []
  values.forEach((value, i) => {
    if (typeof value === 'number' && Number.isFinite(value)) {
      labels.push(xLabels[i] ?? `#${i + 1}`)
      numbers.push(value)
    }
  })
  return { labels, values: numbers }
}

/** y-axis range covering values and thresholds with a little headroom; never below 0 for non-negative data. */
function yRange(numbers: number[]): [number, number] {
  const lo = Math.min(...numbers)
  const hi = Math.max(...numbers)
  const span = hi - lo || Math.abs(hi) * 0.1 || 1
  const bottom = lo >= 0 && lo - span * 0.05 < 0 ? 0 : lo - span * 0.05
  return [bottom, hi + span * 0.05]
}

/**
 * A ```mermaid block, or '' when fewer than two numeric values exist (a single point or none is no chart).
 */
export function renderXyChart(input: XyChartInput): string {
  const points = plottablePoints(input.xLabels, input.values)
  if (points.values.length < 2) return ''
  const thresholds = (input.thresholds ?? []).filter((t) => Number.isFinite(t.value))
  const [bottom, top] = yRange([...points.values, ...thresholds.map((t) => t.value)])
  const quote = (text: string): string => `"${escapeMermaidString(text)}"`
  const series = (numbers: number[]): string => `[${numbers.map(formatDecimal).join(', ')}]`
  const lines = [
    `%%{init: {${input.small ? SMALL_SIZE : ''}"themeVariables": {"xyChart": {"plotColorPalette": "${PALETTE}"}}}}%%`,
    'xychart-beta',
    `  title ${quote(input.title)}`,
    `  x-axis [${points.labels.map(quote).join(', ')}]`,
    `  y-axis ${quote(input.yLabel ?? 'value')} ${formatDecimal(bottom)} --> ${formatDecimal(top)}`,
    `  line ${quote('value')} ${series(points.values)}`,
    ...thresholds.map((t) => `  line ${quote(t.label)} ${series(points.values.map(() => t.value))}`)
  ]
  return fence(lines.join('\n'), 'mermaid')
}
