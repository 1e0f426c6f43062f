/**
 * zod schema of the `canary` section: steps, traffic router, and the baseline judge (`canary.judge`,
 * Kayenta's canary-vs-baseline metrics). The loaded config carries it as `canary` (src/config/types.ts).
 */
import { z } from 'zod'
import { querySchema } from './schema-analysis.js'
import { duration, finiteNumber, nonEmptyString, positiveCount, scalarString, strictObject } from './schema-parts.js'
import { templateVariablesUsed } from './template.js'

const ALWAYS = { when: () => true }
const METRIC_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/
const METRIC_NAME_EXPECTED = 'expected a metric name of letters, digits, "-", "_", "." or ":"'
/** What `{{track}}` stands for while a query is checked (the real values are the two versions). */
const TRACK_STAND_IN = '1.0.0'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const score = finiteNumber.refine((n) => n >= 0 && n <= 100, { error: 'expected a score from 0 to 100' })

function judgeSchema(templateValues: Record<string, string>) {
  const query = querySchema({ ...templateValues, track: TRACK_STAND_IN }).refine(
    (text) => text === '' || templateVariablesUsed(text).includes('track'),
    {
      error:
        'must use {{track}} (it becomes the canary and then the baseline version), or both sides query the same series'
    }
  )
  const metric = strictObject({
    name: nonEmptyString.refine((name) => METRIC_NAME.test(name), { error: METRIC_NAME_EXPECTED }),
    query,
    direction: z.enum(['increase', 'decrease', 'either'], {
      error: 'expected one of increase, decrease, either (which change counts against the canary)'
    }),
    allowedIncrease: finiteNumber
      .refine((n) => n >= 1, { error: 'expected a mean ratio >= 1 (1.2 tolerates 20 % more than the baseline)' })
      .default(1),
    allowedDecrease: finiteNumber
      .refine((n) => n > 0 && n <= 1, {
        error: 'expected a mean ratio above 0 and at most 1 (0.8 tolerates 20 % less)'
      })
      .default(1),
    critical: z.boolean({ error: 'expected true or false' }).default(false),
    nanStrategy: z.enum(['remove', 'replace'], { error: 'expected one of remove, replace' }).default('remove'),
    minSamples: positiveCount.default(5),
    group: nonEmptyString.optional()
  })

  return strictObject({
    confidence: finiteNumber
      .refine((n) => n > 0 && n < 1, { error: 'expected a confidence level between 0 and 1, such as 0.98' })
      .default(0.98),
    pass: score.default(95),
    marginal: score.default(75),
    tracks: strictObject({ canary: scalarString, baseline: scalarString }).optional(),
    groups: z
      .record(
        z.string(),
        finiteNumber.refine((n) => n > 0, { error: 'expected a group weight greater than 0' }),
        { error: 'expected a mapping of group names to weights' }
      )
      .optional(),
    metrics: z.array(metric, { error: 'expected a list of metrics' }).min(1, { error: 'expected at least one metric' })
  }).superRefine((value, ctx) => {
    const raw: unknown = value
    if (!isRecord(raw)) return
    if (typeof raw.pass === 'number' && typeof raw.marginal === 'number' && raw.marginal > raw.pass) {
      ctx.addIssue({
        code: 'custom',
        path: ['marginal'],
        message: `must not be greater than pass (${raw.pass}): a marginal score is one below pass`
      })
    }
    if (!Array.isArray(raw.metrics)) return
    const groups = isRecord(raw.groups) ? raw.groups : undefined
    const seen = new Map<string, number>()
    raw.metrics.forEach((item: unknown, index) => {
      if (!isRecord(item)) return
      if (typeof item.name === 'string') {
        const first = seen.get(item.name)
        if (first === undefined) seen.set(item.name, index)
        else
          ctx.addIssue({
            code: 'custom',
            path: ['metrics', index, 'name'],
            message: `duplicate metric name "${item.name}" (also used by canary.judge.metrics[${first}])`
          })
      }
      if (groups && typeof item.group !== 'string') {
        ctx.addIssue({
          code: 'custom',
          path: ['metrics', index, 'group'],
          message: `required when canary.judge.groups is set (one of: ${Object.keys(groups).join(', ')})`
        })
      } else if (typeof item.group === 'string' && !groups) {
        ctx.addIssue({
          code: 'custom',
          path: ['metrics', index, 'group'],
          message: `names a group, but canary.judge.groups is not set; add groups: { ${item.group}: <weight> }`
        })
      } else if (groups && typeof item.group === 'string' && !(item.group in groups)) {
        ctx.addIssue({
          code: 'custom',
          path: ['metrics', index, 'group'],
          message: `unknown group "${item.group}" (known: ${Object.keys(groups).join(', ')})`
        })
      }
    })
  }, ALWAYS)
}

export function canarySchema(templateValues: Record<string, string>) {
  return strictObject({
    steps: z
      .array(
        strictObject({
          weight: z
            .number({ error: 'expected a weight from 0 to 100' })
            .min(0, { error: 'expected a weight from 0 to 100' })
            .max(100, { error: 'expected a weight from 0 to 100' })
            .optional(),
          pause: duration.optional(),
          analysis: z.boolean({ error: 'expected true or false' }).optional()
        }),
        { error: 'expected a list of steps' }
      )
      .min(1, { error: 'expected at least one step' }),
    traffic: strictObject({
      replicas: z.record(z.string(), z.unknown(), { error: 'expected a mapping' }).optional(),
      gatewayHTTPRoute: z.record(z.string(), z.unknown(), { error: 'expected a mapping' }).optional(),
      istioVirtualService: z.record(z.string(), z.unknown(), { error: 'expected a mapping' }).optional(),
      nginxIngress: z.record(z.string(), z.unknown(), { error: 'expected a mapping' }).optional()
    })
      .refine((routers) => Object.keys(routers).length === 1, {
        error: 'needs exactly one traffic router: replicas, gatewayHTTPRoute, istioVirtualService or nginxIngress'
      })
      .optional(),
    judge: judgeSchema(templateValues).optional()
  })
}

export type CanaryConfig = z.output<ReturnType<typeof canarySchema>>
export type CanaryJudgeConfig = NonNullable<CanaryConfig['judge']>
export type CanaryJudgeMetricConfig = CanaryJudgeConfig['metrics'][number]
