/**
 * The analysis settings of one canary step, pure: a step with a pause measures over that pause
 * (count = how many intervals fit after the initial delay, at least one); a step without one runs the
 * configured count. The other settings (limits, checks) are the configured ones.
 */
import type { AnalysisConfig } from '../config/types.js'

export function analysisForStep(analysis: AnalysisConfig, pause: number | undefined): AnalysisConfig {
  if (pause === undefined || pause <= 0) return analysis
  const count = Math.max(1, Math.floor((pause - analysis.initialDelay) / analysis.interval))
  return { ...analysis, count }
}
