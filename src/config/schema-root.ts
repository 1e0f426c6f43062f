/**
 * The root of the config schema: targets, variables, verify, prometheus, rollback, and whatever
 * schemas it is given for the three sections a verify-only run never has (analysis, canary, alerts).
 * Why given: those sections check PromQL with Prometheus' lezer parser and build most of the schema,
 * so loadConfig (load.ts) loads them (schema.ts) only when the config has one of them, and a plain
 * `verify` starts without them (issue 11's start-up). schema.ts puts the whole schema together.
 */
import * as z from 'zod'
import type { TargetRef } from '../model/result.js'
import type { AlertsConfig, AnalysisConfig, CanaryConfig, DeployGuardConfig } from './types.js'
import {
  builtinKind,
  count,
  nearBuiltinKind,
  duration,
  httpUrl,
  k8sName,
  kind,
  namespace,
  nonEmptyString,
  scalarString,
  strictObject
} from './schema-parts.js'
import { verifySchema } from './schema-verify.js'
import { rollbackSchema } from './schema-rollback.js'
import { BUILTIN_VARIABLES, isVariableName } from './template.js'

export interface SchemaContext {
  /** Namespace for targets (and Flux objects) that name none: the `namespace` input, else `default`. */
  defaultNamespace: string
  /** Stand-in values for every template variable a query may use (see load.ts). */
  templateValues: Record<string, string>
}

const ALWAYS = { when: () => true }
const API_VERSION = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?v[0-9]+((alpha|beta)[0-9]+)?$/
const API_VERSION_EXPECTED = 'expected an apiVersion such as apps/v1 or argoproj.io/v1alpha1'

const target = strictObject({
  kind,
  name: k8sName,
  namespace: namespace.optional(),
  apiVersion: z.string({ error: API_VERSION_EXPECTED }).regex(API_VERSION, { error: API_VERSION_EXPECTED }).optional()
}).superRefine((value, ctx) => {
  if (typeof value !== 'object' || value === null) return
  const raw = value as { kind?: unknown; apiVersion?: unknown }
  if (typeof raw.kind !== 'string' || !/^[A-Za-z][A-Za-z0-9]*$/.test(raw.kind)) return
  const builtin = builtinKind(raw.kind)
  // A near miss of a built-in kind is a typo, not a custom resource missing its apiVersion (a kind
  // that comes with an apiVersion is taken as the custom resource it says it is).
  const near = !builtin && raw.apiVersion === undefined ? nearBuiltinKind(raw.kind) : undefined
  if (near) {
    ctx.addIssue({
      code: 'custom',
      path: ['kind'],
      message: `unknown kind "${raw.kind}" (did you mean ${near}?); custom resources need an apiVersion`
    })
  } else if (!builtin && raw.apiVersion === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['apiVersion'],
      message: `required for the custom resource kind "${raw.kind}" (e.g. argoproj.io/v1alpha1)`
    })
  }
  if (builtin && typeof raw.apiVersion === 'string' && raw.apiVersion !== 'apps/v1') {
    ctx.addIssue({
      code: 'custom',
      path: ['apiVersion'],
      message: `${builtin} is served as apps/v1; leave apiVersion out or set it to apps/v1`
    })
  }
}, ALWAYS)

const variables = z
  .record(
    z.string().refine(isVariableName, { error: 'expected a variable name of letters, digits and _' }),
    scalarString,
    {
      error: 'expected a mapping of variable names to values'
    }
  )
  .superRefine((value, ctx) => {
    if (typeof value !== 'object' || value === null) return
    for (const name of Object.keys(value)) {
      if ((BUILTIN_VARIABLES as readonly string[]).includes(name)) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `"${name}" is a built-in variable and cannot be redefined`
        })
      }
    }
  }, ALWAYS)

/** The `prometheus` section (also the alerts section's default connection). */
export const prometheusSchema = strictObject({
  url: httpUrl,
  token: nonEmptyString.optional(),
  basicAuth: strictObject({ username: nonEmptyString, password: z.string({ error: 'expected a string' }) }).optional(),
  headers: z
    .record(z.string(), scalarString, { error: 'expected a mapping of header names to values' })
    .default(() => ({})),
  ca: nonEmptyString.optional(),
  insecureSkipTlsVerify: z.boolean({ error: 'expected true or false' }).default(false),
  timeout: duration.refine((ms) => ms > 0, { error: 'expected a duration greater than 0' }).default(10_000),
  retries: count.default(3)
}).superRefine((value, ctx) => {
  if (typeof value !== 'object' || value === null) return
  const raw = value as { token?: unknown; basicAuth?: unknown }
  if (raw.token !== undefined && raw.basicAuth !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['basicAuth'], message: 'cannot be combined with token; use one of them' })
  }
}, ALWAYS)

/** Schemas of the optional sections, each accepting undefined (the section left out). */
export interface ConfigSections {
  analysis: z.ZodType<AnalysisConfig | undefined, unknown>
  canary: z.ZodType<CanaryConfig | undefined, unknown>
  alerts: z.ZodType<AlertsConfig | undefined, unknown>
}

/**
 * Stand-ins for a config that has none of the sections (loadConfig checks): never run, since zod skips
 * an optional key that is absent, but they keep the sections' names among the known keys.
 */
export const ABSENT_SECTIONS: ConfigSections = {
  analysis: z.undefined().optional(),
  canary: z.undefined().optional(),
  alerts: z.undefined().optional()
}

export function configSchemaOf(context: SchemaContext, sections: ConfigSections) {
  return strictObject({
    version: scalarString.optional(),
    variables: variables.default(() => ({})),
    dryRun: z.boolean({ error: 'expected true or false' }).default(false),
    targets: z
      .array(target, { error: 'expected a list of targets like [{ kind: Deployment, name: api }]' })
      .default(() => []),
    verify: verifySchema.prefault({}),
    analysis: sections.analysis,
    prometheus: prometheusSchema.optional(),
    rollback: rollbackSchema.prefault({}),
    canary: sections.canary,
    alerts: sections.alerts
  }).transform(
    ({ canary, targets: parsedTargets, verify, version, analysis, prometheus: prom, ...rest }): DeployGuardConfig => {
      const targets: TargetRef[] = parsedTargets.map(({ namespace: ns, apiVersion, ...ref }) => ({
        ...ref,
        namespace: ns ?? context.defaultNamespace,
        ...(apiVersion !== undefined ? { apiVersion } : {})
      }))
      const { flux, ...gitops } = verify.gitops
      const fluxNamespace = flux?.namespace ?? targets[0]?.namespace ?? context.defaultNamespace
      return {
        ...rest,
        targets,
        ...(version !== undefined ? { version } : {}),
        verify: { ...verify, gitops: { ...gitops, ...(flux ? { flux: { ...flux, namespace: fluxNamespace } } : {}) } },
        ...(analysis ? { analysis } : {}),
        ...(prom ? { prometheus: prom } : {}),
        ...(canary ? { canary } : {})
      }
    }
  )
}
