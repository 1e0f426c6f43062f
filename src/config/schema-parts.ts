/**
 * Small zod building blocks shared by the config schema. Every message starts with "expected ..." and
 * names the expected form; src/config/issues.ts appends the offending value (", got ...").
 */
import * as z from 'zod'
import { suggest } from './suggest.js'
import { workloadKindName } from '../kube/workload/kinds.js'
import {
  DURATION_EXPECTED,
  durationCapMessage,
  MAX_LOOKBACK_MS,
  MAX_LOOKBACK_TEXT,
  MAX_WAIT_MS,
  MAX_WAIT_TEXT,
  PERCENT_EXPECTED,
  tryParseDuration,
  tryParsePercent
} from './duration.js'

/**
 * A strict object: unknown keys are issues. The message carries the known keys so issues.ts can turn
 * each unknown key into its own issue with a "did you mean" suggestion (zod reports them as one list).
 */
export function strictObject<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const known = Object.keys(shape).join(',')
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `${UNKNOWN_KEYS_MARK}${known}` : 'expected a mapping')
  })
}
export const UNKNOWN_KEYS_MARK = 'known-keys:'

/** A duration in ms of at most `cap` (named as `capText` in the message), else an issue. */
function cappedDuration(cap: number, capText: string, why?: string) {
  // z.unknown() so a wrong type gets the same one-line message as a wrong format.
  return z.unknown().transform((value, ctx) => {
    const ms = tryParseDuration(value)
    if (ms === undefined) ctx.addIssue({ code: 'custom', message: DURATION_EXPECTED, input: value })
    else if (ms > cap) ctx.addIssue({ code: 'custom', message: durationCapMessage(capText, why), input: value })
    return ms !== undefined && ms <= cap ? ms : 0
  })
}

/** Duration in ms from `"30s"`, `"1h30m"`, `"500ms"` or a number of seconds; a wait, so at most 24h. */
export const duration = cappedDuration(MAX_WAIT_MS, MAX_WAIT_TEXT)

/** A look-back span (baseline window, offset): a query range rather than a wait, at most 30 days. */
export const lookback = cappedDuration(
  MAX_LOOKBACK_MS,
  MAX_LOOKBACK_TEXT,
  'a longer look-back is almost certainly a typo'
)

/** Fraction from `"10%"` or `0.1`. */
export const percent = z.unknown().transform((value, ctx) => {
  const fraction = tryParsePercent(value)
  if (fraction === undefined) ctx.addIssue({ code: 'custom', message: PERCENT_EXPECTED, input: value })
  return fraction ?? 0
})

export const count = z
  .number({ error: 'expected a whole number >= 0' })
  .int({ error: 'expected a whole number >= 0' })
  .min(0, {
    error: 'expected a whole number >= 0'
  })
export const positiveCount = z
  .number({ error: 'expected a whole number >= 1' })
  .int({ error: 'expected a whole number >= 1' })
  .min(1, {
    error: 'expected a whole number >= 1'
  })
/**
 * A plain number (thresholds such as max/min). `"1%"` is the commonest slip: the thresholds compare
 * with the query's own value, so a ratio is written as a fraction, and the message says which one.
 */
export const finiteNumber = z.unknown().transform((value, ctx) => {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  ctx.addIssue({ code: 'custom', message: numberExpected(value), input: value })
  return 0
})

export function numberExpected(value: unknown): string {
  const percent = typeof value === 'string' ? /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/.exec(value) : null
  if (percent) {
    const fraction = Number((Number(percent[1]) / 100).toPrecision(12))
    return `expected a number, got ${JSON.stringify(value)}; write ${percent[1] as string}% as ${fraction}`
  }
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return `expected a number, got ${JSON.stringify(value)}; write it without quotes`
  if (typeof value === 'number') return 'expected a finite number'
  return 'expected a number'
}

export const nonEmptyString = z
  .string({ error: 'expected a non-empty string' })
  .trim()
  .min(1, { error: 'expected a non-empty string' })

/** Scalars users write unquoted in YAML (`version: 1.2`, `replicas: "3"` is not accepted) kept as strings. */
export const scalarString = z
  .union([z.string(), z.number(), z.boolean()], { error: 'expected a string' })
  .transform((value) => String(value))

export const stringMap = z.record(z.string({ error: 'expected a string key' }), scalarString, {
  error: 'expected a mapping of names to strings'
})

// DNS subdomain (object names) and DNS label (namespaces), as Kubernetes validates them.
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
export const K8S_NAME_EXPECTED = 'expected a Kubernetes name (lower-case RFC 1123)'
export const NAMESPACE_EXPECTED = 'expected a Kubernetes namespace (lower-case RFC 1123 label, at most 63 characters)'

export function isK8sName(value: string): boolean {
  return value.length <= 253 && SUBDOMAIN.test(value)
}
export function isNamespace(value: string): boolean {
  return value.length <= 63 && LABEL.test(value)
}
export const k8sName = z.string({ error: K8S_NAME_EXPECTED }).refine(isK8sName, { error: K8S_NAME_EXPECTED })
export const namespace = z.string({ error: NAMESPACE_EXPECTED }).refine(isNamespace, { error: NAMESPACE_EXPECTED })

export const URL_EXPECTED = 'expected an http(s) URL'
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false
  try {
    return new URL(value).hostname !== ''
  } catch {
    return false
  }
}
export const httpUrl = z.string({ error: URL_EXPECTED }).refine(isHttpUrl, { error: URL_EXPECTED })

export const BUILTIN_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'] as const

/** Canonical Kind for a built-in alias, undefined for anything else (a custom resource kind). */
export function builtinKind(kind: string): string | undefined {
  // One vocabulary of kind spellings for the config and every per-kind lookup.
  return workloadKindName(kind)
}
/** The built-in Kind a misspelt kind most likely means (`Deploymnet` → `Deployment`), if any. */
export function nearBuiltinKind(kind: string): string | undefined {
  // Full names only: the short names (ds, sts) are so short that any short word would be "near".
  const spelling = suggest(kind, [
    'deployment',
    'deployments',
    'statefulset',
    'statefulsets',
    'daemonset',
    'daemonsets'
  ])
  return spelling === undefined ? undefined : workloadKindName(spelling)
}
export const KIND_EXPECTED = 'expected a Kind such as Deployment, StatefulSet, DaemonSet or a custom resource Kind'
const KIND_PATTERN = /^[A-Za-z][A-Za-z0-9]*$/
export const kind = z
  .string({ error: KIND_EXPECTED })
  .refine((value) => KIND_PATTERN.test(value), { error: KIND_EXPECTED })
  .transform((value) => builtinKind(value) ?? value)
