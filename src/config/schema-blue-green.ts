/**
 * zod schema of `canary.blueGreen` (used when `canary.strategy: blueGreen`): the Services that carry
 * live and preview traffic, the analysis before and after the switch, and how long blue stays up after
 * a good switch. The canary schema (schema-canary.ts) holds it as `canary.blueGreen`.
 */
import * as z from 'zod'
import { duration, k8sName, strictObject } from './schema-parts.js'

/** A label key as Kubernetes accepts it: an optional DNS prefix, then a name of at most 63 characters. */
const labelKey = z
  .string()
  .regex(/^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/, {
    error: 'expected a label key such as colour or example.com/colour'
  })

const phase = strictObject({ pause: duration.optional() })

// templateValues: kept in the signature so later fields may hold templated queries like the canary's.
export function blueGreenSchema(_templateValues: Record<string, string>) {
  return strictObject({
    activeService: k8sName,
    previewService: k8sName.optional(),
    prePromotion: phase.optional(),
    postPromotion: phase.optional(),
    scaleDownDelay: duration.default(30_000),
    /**
     * Labels that set green's pods apart on the active Service's selector (e.g. `colour: green` where
     * it selects `colour: blue`): what a green made from blue with the `image` input carries instead.
     */
    greenLabels: z
      .record(labelKey, z.string({ error: 'expected a label value (a string)' }), {
        error: 'expected a mapping of label keys to values, e.g. { colour: green }'
      })
      .optional()
  })
}

export type BlueGreenConfig = z.output<ReturnType<typeof blueGreenSchema>>
