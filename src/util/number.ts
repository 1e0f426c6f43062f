/** The one number format every surface uses (log lines, reasons, summary, outputs). */

/** Compact number for humans: `0.0051`, `1.2e-5`, `12345`, `+Inf`; null → `—`. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—'
  if (Number.isNaN(value)) return 'NaN'
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf'
  if (value === 0) return '0'
  const abs = Math.abs(value)
  if (Number.isInteger(value) && abs < 1e15) return String(value)
  if (abs >= 1e-3 && abs < 1e6) return String(Number(value.toPrecision(4)))
  // toExponential gives `1.20e-5`; drop trailing zeros of the mantissa and the `+` of the exponent.
  const [mantissa = '', exponent = ''] = value.toExponential(2).split('e')
  const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa
  return `${trimmed}e${exponent.replace('+', '')}`
}
