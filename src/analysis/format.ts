/** Number and percentage formatting shared by measurement messages and reasons. */

export { formatNumber } from '../util/number.js'

/** A signed percentage from a fraction: 0.55 → "+55%", -0.052 → "-5.2%". */
export function formatPercent(fraction: number, signed = true): string {
  if (!Number.isFinite(fraction)) return fraction > 0 ? '+∞%' : fraction < 0 ? '-∞%' : 'NaN%'
  const percent = fraction * 100
  const rounded = Math.abs(percent) < 10 ? Number(percent.toFixed(1)) : Math.round(percent)
  const sign = signed && rounded > 0 ? '+' : ''
  return `${sign}${rounded}%`
}

export { formatDuration } from '../util/duration-text.js'
