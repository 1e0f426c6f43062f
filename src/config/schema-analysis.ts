/** zod schema of the `analysis` section (Argo Rollouts limits, plus no-data, NaN and traffic policies). */
import { z } from 'zod'
import type { AnalysisConfig } from './types.js'
import { queryTemplateProblems } from './query-check.js'
import { count, duration, finiteNumber, nonEmptyString, percent, positiveCount, strictObject } from './schema-parts.js'

const CHECK_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/
const CHECK_NAME_EXPECTED = 'expected a check name of letters, digits, "-", "_", "." or ":"'
const THRESHOLDS = ['max', 'min', 'maxIncrease', 'maxDecrease'] as const
// Cross-field checks run even when a sibling field is invalid, so all problems are reported together.
const ALWAYS = { when: () => true }

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A PromQL query template, checked with stand-in values for its variables. */
export function querySchema(templateValues: Record<string, string>) {
  return nonEmptyString.superRefine((query, ctx) => {
    if (query === '') return // already reported as empty
    for (const message of queryTemplateProblems(query, templateValues))
      ctx.addIssue({ code: 'custom', message, input: query })
  })
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
    if (!isRecord(raw)) return
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
      if (!isRecord(item) || typeof item.name !== 'string') return
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
    minTraffic: strictObject({ query, min: finiteNumber }).optional(),
    baseline: strictObject({
      window: duration.refine((ms) => ms > 0, { error: 'expected a duration greater than 0' }).default(600_000),
      offset: duration.default(0)
    }).prefault({}),
    checks: checks.default(() => [])
  }).superRefine((value, ctx) => {
    // Argo: several measurements need a time between them.
    if (value.count > 1 && value.interval === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['interval'],
        message: `must be greater than 0 when count is ${value.count} (measurements need time between them)`
      })
    }
  })
}

type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const analysisMatches: Equal<z.output<ReturnType<typeof analysisSchema>>, AnalysisConfig> = true
void analysisMatches
