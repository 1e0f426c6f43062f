/**
 * zod schema of the `alerts` section: the "no critical alerts firing" check. Which severities count,
 * which alerts belong to the workload (label matchers, templated like queries), whether an alert that
 * was already firing before the deploy fails the run, and where alerts are read from.
 *
 * Matchers are a mapping of label name to value. A plain value is an equality match; Prometheus'
 * matcher operators are written in front of a double-quoted value: `'=~"web-.*"'`, `'!~"canary-.*"'`,
 * `'!="batch"'`, `'="=~literal"'` (the last only to match a value that itself starts with an operator).
 * Regexes are fully anchored, as in Prometheus and Alertmanager.
 */
import * as z from 'zod'
import { anchoredRegex, renderMatcher, type LabelMatcher, type MatchOperator } from '../evaluate/alerts.js'
import { templateProblems } from './template.js'
import { nonEmptyString, scalarString, strictObject } from './schema-parts.js'
import { prometheusSchema } from './schema-root.js'
import type { PrometheusConfig } from './types.js'

export type AlertSource = 'auto' | 'alertmanager' | 'prometheus'

/** One label matcher as configured: its `value` is still a template (`{{namespace}}`). */
export type AlertMatcherConfig = LabelMatcher

/** The Alertmanager's connection: the same settings (auth, headers, TLS, timeout, retries) as Prometheus'. */
export type AlertmanagerConnection = PrometheusConfig

export interface AlertsConfig {
  /** Values of the `severity` label that count (default `[critical]`). */
  severities: string[]
  /** Every matcher must hold for an alert to belong to the workload (default: its namespace). */
  matchers: AlertMatcherConfig[]
  /** `new`: only alerts that began at or after the deploy fail the run; `any`: every matching alert does. */
  failOn: 'new' | 'any'
  /** `auto`: the Alertmanager when one is configured, else Prometheus' own alerts. */
  source: AlertSource
  alertmanager?: AlertmanagerConnection
}

const DEFAULT_ALERT_MATCHERS: readonly AlertMatcherConfig[] = [{ label: 'namespace', op: '=', value: '{{namespace}}' }]

const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
const OPERATOR_FORM = /^(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"$/
const MATCHER_EXPECTED =
  'expected a label value, or an operator and a double-quoted value such as =~"web-.*", !~"canary-.*" or !="batch"'

/** A configured matcher value split into operator and (unescaped) value, or a message saying what is wrong. */
function parseMatcherValue(text: string): { op: MatchOperator; value: string } | string {
  const quoted = OPERATOR_FORM.exec(text)
  if (quoted) return { op: quoted[1] as MatchOperator, value: (quoted[2] as string).replace(/\\(.)/g, '$1') }
  // An operator without quotes is almost certainly a regex meant as one, not a literal value.
  if (/^(=~|!~|!=)/.test(text)) return MATCHER_EXPECTED
  return { op: '=', value: text }
}

const matchers = z
  .record(z.string(), scalarString, { error: 'expected a mapping of label names to values, e.g. { service: api }' })
  .transform((value, ctx): AlertMatcherConfig[] => {
    const parsed: AlertMatcherConfig[] = []
    for (const [label, text] of Object.entries(value)) {
      if (!LABEL_NAME.test(label)) {
        ctx.addIssue({
          code: 'custom',
          path: [label],
          message: 'expected a label name of letters, digits and _',
          input: label
        })
        continue
      }
      const matcher = parseMatcherValue(text)
      if (typeof matcher === 'string') ctx.addIssue({ code: 'custom', path: [label], message: matcher, input: text })
      else parsed.push({ label, ...matcher })
    }
    return parsed
  })

const severities = z
  .array(nonEmptyString, { error: 'expected a list of severity label values, e.g. [critical]' })
  .min(1, { error: 'expected at least one severity, e.g. [critical]' })

/** @param templateValues stand-ins for every template variable (see load.ts), to check matcher templates */
export function alertsSchema(templateValues: Record<string, string>) {
  const known = Object.keys(templateValues)
  return strictObject({
    severities: severities.default(() => ['critical']),
    matchers: matchers.optional(),
    failOn: z.enum(['new', 'any'], { error: 'expected new or any' }).default('new'),
    source: z
      .enum(['auto', 'alertmanager', 'prometheus'], { error: 'expected auto, alertmanager or prometheus' })
      .default('auto'),
    // A Prometheus-style connection: url, auth, headers, TLS, timeout, retries.
    alertmanager: prometheusSchema.optional()
  })
    .superRefine((value, ctx) => {
      for (const matcher of value.matchers ?? []) {
        const problems = templateProblems(matcher.value, known)
        for (const message of problems) ctx.addIssue({ code: 'custom', path: ['matchers', matcher.label], message })
        if (problems.length > 0 || (matcher.op !== '=~' && matcher.op !== '!~')) continue
        try {
          anchoredRegex(renderMatcher(matcher, templateValues).value)
        } catch (error) {
          const why = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : ''
          ctx.addIssue({
            code: 'custom',
            path: ['matchers', matcher.label],
            message: `invalid regular expression: ${why}`
          })
        }
      }
      if (value.source === 'alertmanager' && value.alertmanager === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['alertmanager', 'url'],
          message: 'required with source: alertmanager: set the alertmanager-url input or alerts.alertmanager.url'
        })
    })
    .transform(({ matchers: configured, alertmanager, ...rest }): AlertsConfig => ({
      ...rest,
      matchers: configured ?? [...DEFAULT_ALERT_MATCHERS],
      ...(alertmanager ? { alertmanager } : {})
    }))
}
