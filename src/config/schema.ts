/**
 * zod schema of the whole YAML config file. Parsing it yields exactly `DeployGuardConfig` (asserted
 * below): defaults applied, durations in ms, kinds canonical, namespaces resolved.
 * It is a factory because two defaults come from outside the file: the default namespace (input) and
 * the stand-in values used to check query templates.
 * The root (targets, verify, prometheus, rollback) is schema-root.ts; this module adds the sections
 * that check PromQL (analysis, canary, alerts), and loadConfig loads it only for a config that has one.
 */
import type * as z from 'zod'
import type { DeployGuardConfig } from './types.js'
import { analysisSchema } from './schema-analysis.js'
import { alertsSchema } from './schema-alerts.js'
import { canarySchema } from './schema-canary.js'
import { configSchemaOf, type SchemaContext } from './schema-root.js'

export type { SchemaContext } from './schema-root.js'

export function configSchema(context: SchemaContext) {
  return configSchemaOf(context, {
    analysis: analysisSchema(context.templateValues).optional(),
    canary: canarySchema(context.templateValues).optional(),
    alerts: alertsSchema(context.templateValues).optional()
  })
}

type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const configMatches: Equal<z.output<ReturnType<typeof configSchema>>, DeployGuardConfig> = true
void configMatches
