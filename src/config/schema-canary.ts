/**
 * zod schema of the `canary` section: strategy, workloads, steps, traffic router, what silence and a
 * manual pause mean, clean-up, and the baseline judge (`canary.judge`, Kayenta's canary-vs-baseline
 * metrics). The loaded config carries it as `canary` (src/config/types.ts). Which keys a command
 * needs (steps for strategy canary, blueGreen.activeService for blueGreen) is checked by load.ts.
 */
import * as z from 'zod'
import { querySchema } from './schema-analysis.js'
import { blueGreenSchema } from './schema-blue-green.js'
import {
  count,
  duration,
  finiteNumber,
  k8sName,
  nonEmptyString,
  positiveCount,
  scalarString,
  strictObject
} from './schema-parts.js'
import { templateVariablesUsed } from './template.js'
import { isPlainObject } from '../util/plain-object.js'

const ALWAYS = { when: () => true }
const METRIC_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/
const METRIC_NAME_EXPECTED = 'expected a metric name of letters, digits, "-", "_", "." or ":"'
/** What `{{track}}` stands for while a query is checked (the real values are the two versions). */
const TRACK_STAND_IN = '1.0.0'

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
    if (!isPlainObject(raw)) return
    if (typeof raw.pass === 'number' && typeof raw.marginal === 'number' && raw.marginal > raw.pass) {
      ctx.addIssue({
        code: 'custom',
        path: ['marginal'],
        message: `must not be greater than pass (${raw.pass}): a marginal score is one below pass`
      })
    }
    if (!Array.isArray(raw.metrics)) return
    const groups = isPlainObject(raw.groups) ? raw.groups : undefined
    const seen = new Map<string, number>()
    raw.metrics.forEach((item: unknown, index) => {
      if (!isPlainObject(item)) return
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

const WEIGHT_EXPECTED = 'expected a weight from 0 to 100'
const weight = z
  .number({ error: WEIGHT_EXPECTED })
  .min(0, { error: WEIGHT_EXPECTED })
  .max(100, { error: WEIGHT_EXPECTED })

/** `pause: manual` (hold for approval: the run stops here and a later run resumes) or a duration. */
const pause = z.unknown().transform((value, ctx): 'manual' | number => {
  if (value === 'manual') return 'manual'
  const parsed = duration.safeParse(value)
  if (parsed.success) return parsed.data
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, input: value })
  return 0
})

/** One configured step as loaded (see `step` below). */
export interface CanaryStepConfig {
  /** Percent of traffic to the canary. */
  weight?: number
  /** Hotfix fast-track: this many canary pods (the replicas router gives them their share of the pods). */
  replicas?: number
  /** ms */
  pause?: number
  /** `pause: manual`: the run stops after this step, keeping the traffic, until a later run resumes. */
  manual?: boolean
  analysis?: boolean
}

/**
 * One step: `{ weight, pause }`, `{ replicas: N, pause }` (hotfix fast-track: N canary pods, the
 * stable keeps serving) or `{ pause: manual }`. `pause: manual` comes out as `manual: true`, so
 * `pause` is always a duration in ms for the step machine.
 */
const step = strictObject({
  weight: weight.optional(),
  replicas: count.optional(),
  pause: pause.optional(),
  analysis: z.boolean({ error: 'expected true or false' }).optional()
})
  .refine((s) => s.weight === undefined || s.replicas === undefined, {
    error: "give weight or replicas, not both (replicas: N sends the canary N pods' share of traffic)"
  })
  .transform(({ pause: p, ...rest }): CanaryStepConfig => ({
    ...rest,
    ...(p === 'manual' ? { manual: true } : p !== undefined ? { pause: p } : {})
  }))

const istioDestination = strictObject({ host: nonEmptyString, subset: nonEmptyString.optional() })

/** One traffic router, by key; the names are those of the routing objects (Deployments for replicas). */
const traffic = strictObject({
  // Both names optional: stable defaults to targets[0], canary to canary.workload (or <stable>-canary).
  replicas: strictObject({ canary: k8sName.optional(), stable: k8sName.optional() }).optional(),
  gatewayHTTPRoute: strictObject({ route: k8sName, stable: k8sName, canary: k8sName }).optional(),
  istioVirtualService: strictObject({
    virtualService: k8sName,
    stable: istioDestination,
    canary: istioDestination
  }).optional(),
  nginxIngress: strictObject({ canaryIngress: k8sName }).optional()
}).refine((routers) => Object.values(routers).filter((r) => r !== undefined).length === 1, {
  error: 'needs exactly one traffic router: replicas, gatewayHTTPRoute, istioVirtualService or nginxIngress'
})

/** `container: image` pairs (the `image` input); `*` stands for the only container. */
const images = z.record(nonEmptyString, nonEmptyString, { error: 'expected a mapping of container names to images' })

export function canarySchema(templateValues: Record<string, string>) {
  return strictObject({
    strategy: z.enum(['canary', 'blueGreen'], { error: 'expected canary or blueGreen' }).default('canary'),
    steps: z
      .array(step, { error: 'expected a list of steps' })
      .min(1, { error: 'expected at least one step' })
      .optional(),
    /** The canary Deployment (default: <stable>-canary). Created from the stable with `images` when absent. */
    workload: k8sName.optional(),
    /** New images for a canary created from the stable (the `image` input). */
    images: images.optional(),
    /** Canary pods with a weighted router (default: the stable's replicas). */
    replicas: positiveCount.optional(),
    traffic: traffic.optional(),
    /** What a step whose analysis or judge had no data does: wait for data until stepTimeout, or stop. */
    onNoData: z
      .enum(['hold', 'inconclusive', 'abort'], { error: 'expected one of hold, inconclusive, abort' })
      .default('hold'),
    /** How long a step may hold for data (default: twice its pause). */
    stepTimeout: duration.optional(),
    cleanup: z.enum(['scaleToZero', 'delete'], { error: 'expected scaleToZero or delete' }).default('scaleToZero'),
    /**
     * What this run does about a canary paused for approval (the `canary-resume` input): `start` refuses
     * to touch one (so a re-run or a new push never resumes past an approval by accident), `continue`
     * goes on from its next step, `abort` restores the routing and retires it.
     */
    resume: z.enum(['start', 'continue', 'abort'], { error: 'expected start, continue or abort' }).default('start'),
    judge: judgeSchema(templateValues).optional(),
    blueGreen: blueGreenSchema(templateValues).optional()
  })
}

export type CanaryConfig = z.output<ReturnType<typeof canarySchema>>
export type CanaryJudgeConfig = NonNullable<CanaryConfig['judge']>
