/** zod schema of the `analysis` section (Argo Rollouts limits, plus no-data, NaN and traffic policies). */
import * as z from 'zod'
import type { AnalysisConfig } from './types.js'
import { queryTemplateProblems } from './query-check.js'
import {
  count,
  duration,
  finiteNumber,
  lookback,
  nonEmptyString,
  percent,
  positiveCount,
  strictObject
} from './schema-parts.js'
import { isPlainObject } from '../util/plain-object.js'

const CHECK_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/
const CHECK_NAME_EXPECTED = 'expected a check name of letters, digits, "-", "_", "." or ":"'
const THRESHOLDS = ['max', 'min', 'maxIncrease', 'maxDecrease'] as const
// Cross-field checks run even when a sibling field is invalid, so all problems are reported together.
const ALWAYS = { when: () => true }

/** A PromQL query template, checked with stand-in values for its variables. */
export function querySchema(templateValues: Record<string, string>) {
  return nonEmptyString.superRefine((query, ctx) => {
    if (query === '') return // already reported as empty
    for (const message of queryTemplateProblems(query, templateValues))
      ctx.addIssue({ code: 'custom', message, input: query })
  })
}

/** How `minJudged` was written: a number of measurements, a share of `count`, or a majority. */
type MinJudged = { measurements: number } | { share: number } | 'majority'
const MIN_JUDGED_EXPECTED =
  'expected a whole number of measurements (at least 1), a share of count such as 60% or 0.6, or majority'

function parseMinJudged(value: unknown): MinJudged | undefined {
  if (value === 'majority') return 'majority'
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 1) return { measurements: value }
    return value > 0 && value < 1 ? { share: value } : undefined
  }
  const percent = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value) : null
  const share = percent ? Number(percent[1]) / 100 : 0
  return share > 0 && share <= 1 ? { share } : undefined
}

const minJudged = z.unknown().transform((value, ctx): MinJudged => {
  const parsed = parseMinJudged(value)
  if (parsed === undefined) ctx.addIssue({ code: 'custom', message: MIN_JUDGED_EXPECTED, input: value })
  return parsed ?? 'majority'
})

/** `minJudged` as a number of measurements out of `count`; by default a majority (> count / 2). */
export function resolveMinJudged(value: MinJudged | undefined, count: number): number {
  if (value === undefined || value === 'majority') return Math.floor(count / 2) + 1
  if ('share' in value) return Math.max(1, Math.ceil(value.share * count))
  return value.measurements
}

export function analysisSchema(templateValues: Record<string, string>) {
  const query = querySchema(templateValues)
  const check = strictObject({
    name: nonEmptyString.refine((name) => CHECK_NAME.test(name), { error: CHECK_NAME_EXPECTED }),
    query,
    max: finiteNumber.optional(),
    min: finiteNumber.optional(),
    maxIncrease: percent.optional(),
    maxDecrease: percent.optional(),
    onNoData: z
      .enum(['fail', 'pass', 'inconclusive'], { error: 'expected one of fail, pass, inconclusive' })
      .default('inconclusive'),
    onNaN: z.enum(['no-data', 'fail'], { error: 'expected one of no-data, fail' }).default('no-data'),
    dryRun: z.boolean({ error: 'expected true or false' }).default(false)
  }).superRefine((value, ctx) => {
    const raw: unknown = value
    if (!isPlainObject(raw)) return
    if (!THRESHOLDS.some((key) => raw[key] !== undefined)) {
      ctx.addIssue({ code: 'custom', message: 'needs at least one of max, min, maxIncrease or maxDecrease' })
    }
    if (typeof raw.min === 'number' && typeof raw.max === 'number' && raw.min > raw.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['min'],
        message: `min (${raw.min}) must not be greater than max (${raw.max})`
      })
    }
  }, ALWAYS)

  const checks = z.array(check, { error: 'expected a list of checks' }).superRefine((list, ctx) => {
    const raw: unknown = list
    if (!Array.isArray(raw)) return
    const seen = new Map<string, number>()
    raw.forEach((item: unknown, index) => {
      if (!isPlainObject(item) || typeof item.name !== 'string') return
      const first = seen.get(item.name)
      if (first === undefined) seen.set(item.name, index)
      else
        ctx.addIssue({
          code: 'custom',
          path: [index, 'name'],
          message: `duplicate check name "${item.name}" (also used by analysis.checks[${first}])`
        })
    })
  }, ALWAYS)

  return strictObject({
    initialDelay: duration.default(0),
    interval: duration.default(30_000),
    count: positiveCount.default(10),
    failureLimit: count.default(0),
    inconclusiveLimit: count.default(0),
    errorLimit: count.default(4),
    minJudged: minJudged.optional(),
    minTraffic: strictObject({
      query,
      min: finiteNumber.refine((min) => min >= 0, { error: 'expected a number >= 0 (a request rate)' })
    }).optional(),
    baseline: strictObject({
      window: lookback.refine((ms) => ms > 0, { error: 'expected a duration greater than 0' }).default(600_000),
      offset: lookback.default(0)
    }).prefault({}),
    checks: checks.default(() => [])
  })
    .superRefine((value, ctx) => {
      // Argo: several measurements need a time between them.
      if (value.count > 1 && value.interval === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['interval'],
          message: `must be greater than 0 when count is ${value.count} (measurements need time between them)`
        })
      }
      // Argo's rule is failures > failureLimit: a limit of count or more means no check can ever fail.
      if (value.count >= 1 && value.failureLimit >= value.count) {
        ctx.addIssue({
          code: 'custom',
          path: ['failureLimit'],
          message: `must be less than count (${value.count}), or no check could ever fail (failed means more than failureLimit failures)`
        })
      }
      const judged = value.minJudged
      if (
        value.count >= 1 &&
        judged !== undefined &&
        judged !== 'majority' &&
        'measurements' in judged &&
        judged.measurements > value.count
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['minJudged'],
          message: `must not exceed count (${value.count}): a check cannot judge more measurements than it takes`
        })
      }
    })
    .transform(({ minJudged: judged, ...rest }): AnalysisConfig => ({
      ...rest,
      minJudged: resolveMinJudged(judged, rest.count)
    }))
}

type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const analysisMatches: Equal<z.output<ReturnType<typeof analysisSchema>>, AnalysisConfig> = true
void analysisMatches
