/**
 * zod schema of `canary.blueGreen` (used when `canary.strategy: blueGreen`): the Services that carry
 * live and preview traffic, the analysis before and after the switch, and how long blue stays up after
 * a good switch. The canary schema (schema-canary.ts) holds it as `canary.blueGreen`.
 */
import * as z from 'zod'
import { duration, k8sName, strictObject } from './schema-parts.js'

const phase = strictObject({ pause: duration.optional() })

// templateValues: kept in the signature so later fields may hold templated queries like the canary's.
export function blueGreenSchema(_templateValues: Record<string, string>) {
  return strictObject({
    activeService: k8sName,
    previewService: k8sName.optional(),
    prePromotion: phase.optional(),
    postPromotion: phase.optional(),
    scaleDownDelay: duration.default(30_000)
  })
}

export type BlueGreenConfig = z.output<ReturnType<typeof blueGreenSchema>>
