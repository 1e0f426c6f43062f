import { describe, expect, it } from '@jest/globals'
import { analysisForStep } from '../../src/canary/step-analysis.js'
import type { AnalysisConfig } from '../../src/config/types.js'

const analysis: AnalysisConfig = {
  initialDelay: 0,
  interval: 30_000,
  count: 10,
  failureLimit: 0,
  inconclusiveLimit: 1,
  errorLimit: 4,
  baseline: { window: 600_000, offset: 0 },
  checks: []
}

describe('analysisForStep', () => {
  it.each<[string, Partial<AnalysisConfig>, number | undefined, number]>([
    ['a 10m pause at 30s intervals measures 20 times', {}, 600_000, 20],
    ['the initial delay comes out of the pause', { initialDelay: 60_000 }, 600_000, 18],
    ['a pause shorter than one interval still measures once', {}, 5_000, 1],
    ['no pause: the configured count', {}, undefined, 10],
    ['a zero pause: the configured count', {}, 0, 10]
  ])('%s', (_name, overrides, pause, count) => {
    const result = analysisForStep({ ...analysis, ...overrides }, pause)
    expect(result.count).toBe(count)
    expect(result.failureLimit).toBe(0)
  })
})
