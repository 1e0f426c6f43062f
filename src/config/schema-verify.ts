/** zod schema of the `verify` section: rollout wait, expectations, endpoints, smoke checks, GitOps. */
import * as z from 'zod'
import type { GitOpsConfig, SmokeCheckConfig, VerifyConfig } from './types.js'
import {
  count,
  duration,
  httpUrl,
  k8sName,
  namespace,
  nonEmptyString,
  positiveCount,
  scalarString,
  strictObject
} from './schema-parts.js'

const positiveDuration = duration.refine((ms) => ms > 0, { error: 'expected a duration greater than 0' })

const method = z
  .string({ error: 'expected one of GET, HEAD, POST' })
  .transform((value) => value.toUpperCase())
  .pipe(z.enum(['GET', 'HEAD', 'POST'], { error: 'expected one of GET, HEAD, POST' }))

const status = z
  .number({ error: 'expected an HTTP status (100-599)' })
  .int({ error: 'expected an HTTP status (100-599)' })
  .min(100, { error: 'expected an HTTP status (100-599)' })
  .max(599, { error: 'expected an HTTP status (100-599)' })
const expectStatus = z
  .union([status, z.array(status).min(1, { error: 'expected at least one HTTP status' })], {
    error: 'expected an HTTP status or a list of them, e.g. 200 or [200, 204]'
  })
  .transform((value) => (Array.isArray(value) ? value : [value]))

/** `https://api.example.com/health?x=1` → `api.example.com/health`: readable and usually unique. */
export function defaultSmokeName(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`
  } catch {
    return url
  }
}

const smokeCheck = strictObject({
  name: nonEmptyString.optional(),
  url: httpUrl,
  method: method.default('GET'),
  expectStatus: expectStatus.default(() => [200]),
  bodyContains: z.string({ error: 'expected a string' }).optional(),
  json: strictObject({
    path: nonEmptyString,
    equals: z.union([z.string(), z.number(), z.boolean()], { error: 'expected a string, number or boolean' })
  }).optional(),
  headers: z
    .record(z.string(), scalarString, { error: 'expected a mapping of header names to values' })
    .default(() => ({})),
  retries: count.default(0),
  delay: duration.default(5_000),
  timeout: positiveDuration.default(10_000)
}).transform(({ name, bodyContains, json, ...rest }): SmokeCheckConfig => ({
  name: name ?? defaultSmokeName(rest.url),
  ...rest,
  ...(bodyContains !== undefined ? { bodyContains } : {}),
  ...(json ? { json } : {})
}))

const smokeList = z.array(smokeCheck, { error: 'expected a list of smoke checks' }).superRefine((checks, ctx) => {
  // Smoke results are reported as `smoke:<name>`, so two checks must not share a name.
  const seen = new Map<string, number>()
  checks.forEach((check, index) => {
    const first = seen.get(check.name)
    if (first === undefined) seen.set(check.name, index)
    else
      ctx.addIssue({
        code: 'custom',
        path: [index, 'name'],
        message: `duplicate smoke check name "${check.name}" (also used by verify.smoke[${first}]); set a distinct name`
      })
  })
})

const gitops = strictObject({
  argocd: strictObject({
    application: k8sName,
    namespace: namespace.default('argocd'),
    revision: nonEmptyString.optional()
  }).optional(),
  flux: strictObject({
    kind: z
      .enum(['Kustomization', 'HelmRelease'], { error: 'expected one of Kustomization, HelmRelease' })
      .default('Kustomization'),
    name: k8sName,
    // Resolved to the first target's namespace by the top-level schema.
    namespace: namespace.optional()
  }).optional(),
  helm: strictObject({ release: k8sName, namespace: namespace.optional() }).optional()
})

/** GitOps as parsed; flux.namespace is filled in later because it depends on the targets. */
export type ParsedGitOps = Omit<GitOpsConfig, 'flux'> & {
  flux?: Omit<NonNullable<GitOpsConfig['flux']>, 'namespace'> & { namespace?: string }
}

export const verifySchema = strictObject({
  timeout: positiveDuration.default(600_000),
  failFastAfter: duration.default(30_000),
  pollInterval: positiveDuration.default(2_000),
  // Optional (the default lives in src/verify/targets.ts) so configs built in code need not name it.
  concurrency: positiveCount.max(64, { error: 'expected a whole number >= 1 and <= 64' }).optional(),
  expect: strictObject({
    replicas: count.optional(),
    image: nonEmptyString.optional(),
    images: z
      .record(z.string(), nonEmptyString, { error: 'expected a mapping of container names to images' })
      .optional()
  }).prefault({}),
  allowRestarts: count.default(0),
  endpoints: strictObject({
    require: z.enum(['any', 'all'], { error: 'expected one of any, all' }).default('any'),
    minReady: count.default(1)
  }).prefault({}),
  ignoreEventReasons: z.array(nonEmptyString, { error: 'expected a list of event reasons' }).default(() => []),
  smoke: smokeList.default(() => []),
  gitops: gitops.prefault({})
})

// The schema's output differs from VerifyConfig only in flux.namespace, which the top level resolves.
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const verifyMatches: Equal<Omit<z.output<typeof verifySchema>, 'gitops'>, Omit<VerifyConfig, 'gitops'>> = true
const gitopsMatches: Equal<z.output<typeof gitops>, ParsedGitOps> = true
void verifyMatches
void gitopsMatches
