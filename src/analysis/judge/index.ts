/** The baseline judge: canary-vs-baseline metrics by Mann-Whitney U, scored like Kayenta. Pure. */
export { mannWhitney, type Alternative, type MannWhitneyOptions, type MannWhitneyResult } from './mann-whitney.js'
export { judgeMetric, applyNanStrategy, summarize } from './judge-metric.js'
export { scoreJudgements } from './score.js'
export type * from './types.js'
