/**
 * Reading a JSON annotation deploy-guard wrote earlier. Pure. An annotation is outside text: anyone
 * who can edit the workload (or copy a manifest from another one) controls it, so it is size-checked
 * before parsing and validated field by field, and a bad value is rejected with a reason a human can
 * act on instead of being half-trusted.
 */
import type { z } from 'zod'

export type AnnotationRead<T> = { ok: true; value: T } | { ok: false; reason: string }

export function readJsonAnnotation<T>(
  key: string,
  raw: string | undefined,
  schema: z.ZodType<T>,
  maxChars: number
): AnnotationRead<T> {
  if (raw === undefined || raw === '') return { ok: false, reason: `annotation ${key} is not set` }
  if (raw.length > maxChars)
    return {
      ok: false,
      reason: `annotation ${key} is ${raw.length} characters, more than the ${maxChars} deploy-guard writes; ignored`
    }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return { ok: false, reason: `annotation ${key} is not valid JSON; ignored` }
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(value)'
    return { ok: false, reason: `annotation ${key} is malformed at ${where}: ${issue?.message ?? 'invalid'}; ignored` }
  }
  return { ok: true, value: parsed.data }
}

/** Outside text made single-line and bounded before it is stored or shown: control characters become spaces. */
export function boundedText(text: string, maxChars: number): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim()
  return flat.length <= maxChars ? flat : `${flat.slice(0, maxChars - 1)}…`
}

/** A Kubernetes label value: what `pod-template-hash` and `controller-revision-hash` are. */
export const LABEL_VALUE = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/
