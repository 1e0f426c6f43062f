/**
 * The action's inputs as raw strings (read by the caller with @actions/core; '' when unset) and the
 * parsers that turn them into typed values. Each parser throws a ConfigError whose issue path is
 * `inputs.<name>`, so loadConfig can collect every problem before reporting.
 */
import { parse as parseYaml } from 'yaml'
import type { CommandName, TargetRef } from '../model/result.js'
import type { NotifyEvent } from './types.js'
import { DURATION_EXPECTED, durationCapMessage, MAX_WAIT_MS, MAX_WAIT_TEXT, tryParseDuration } from './duration.js'
import { ConfigError } from './errors.js'
import { COMMAND_NAMES } from '../commands/registry.js'
import { suggest } from './suggest.js'
import {
  builtinKind,
  nearBuiltinKind,
  isHttpUrl,
  isK8sName,
  isNamespace,
  NAMESPACE_EXPECTED,
  URL_EXPECTED
} from './schema-parts.js'
import { isPlainObject } from '../util/plain-object.js'

export const ACTION_INPUT_NAMES = [
  'command',
  'target',
  'namespace',
  'config',
  'kubeconfig',
  'context',
  'timeout',
  'github-token',
  'prometheus-url',
  'prometheus-token',
  'prometheus-headers',
  'alertmanager-url',
  'alertmanager-token',
  'alertmanager-headers',
  'version',
  'dry-run',
  'fail-fast-after',
  'rollback-on-failure',
  'rollback-on-inconclusive',
  'rollback-to',
  'reason',
  'environment',
  'environment-url',
  'pr-number',
  'comment-on-pr',
  'deployment-status',
  'record-path',
  'versions-file',
  'notify-webhook',
  'notify-on',
  'image',
  'canary-resume'
] as const

/** Same list under the name src/main.ts imports. */
export const actionInputNames: readonly ActionInputName[] = ACTION_INPUT_NAMES

export type ActionInputName = (typeof ACTION_INPUT_NAMES)[number]
/** Every input as the runner gives it: a string, '' when unset. */
export type ActionInputs = Record<ActionInputName, string>

/** All inputs unset, with some given: for callers that build inputs by hand and for tests. */
export function actionInputs(values: Partial<ActionInputs> = {}): ActionInputs {
  const inputs = Object.fromEntries(ACTION_INPUT_NAMES.map((name) => [name, ''])) as ActionInputs
  return { ...inputs, ...values }
}

function fail(name: ActionInputName, message: string): never {
  throw new ConfigError([{ path: `inputs.${name}`, message }])
}

/** A command name from the registry (`verify` when unset), case-insensitive. */
export function parseCommand(value: string): CommandName {
  const text = value.trim().toLowerCase()
  if (text === '') return 'verify'
  const command = COMMAND_NAMES.find((name) => name === text)
  if (!command) {
    const near = suggest(text, COMMAND_NAMES)
    fail(
      'command',
      `expected one of ${COMMAND_NAMES.join(', ')}, got ${JSON.stringify(value)}${near ? ` (did you mean ${near}?)` : ''}`
    )
  }
  return command
}

const TARGET_EXPECTED = 'expected kind/name such as deployment/api'

/**
 * Targets from the `target` input: one per line or comma-separated, each `kind/name` or
 * `namespace/kind/name` (e.g. `deployment/api`, `production/statefulset/db`). Without a namespace the
 * `defaultNamespace` applies. Only built-in kinds (deployment, statefulset, daemonset and their short
 * names) are accepted here; custom resources need an apiVersion and go in the config file's `targets`.
 */
export function parseTargets(value: string, defaultNamespace: string): TargetRef[] {
  const entries = value
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
  const targets: TargetRef[] = []
  const problems: string[] = []
  for (const entry of entries) {
    const parts = entry.split('/')
    if (parts.length < 2 || parts.length > 3 || parts.some((part) => part === '')) {
      problems.push(`${TARGET_EXPECTED} (optionally namespace/kind/name), got ${JSON.stringify(entry)}`)
      continue
    }
    const [namespace, kindText, name] =
      parts.length === 3
        ? (parts as [string, string, string])
        : [defaultNamespace, parts[0] as string, parts[1] as string]
    const kind = builtinKind(kindText)
    const near = kind ? undefined : nearBuiltinKind(kindText)
    if (!kind && near) {
      problems.push(`unknown kind "${kindText}" in ${JSON.stringify(entry)} (did you mean ${near.toLowerCase()}?)`)
    } else if (!kind) {
      problems.push(
        `unknown kind "${kindText}" in ${JSON.stringify(entry)}: use deployment, statefulset or daemonset here; list custom resources under targets in the config file`
      )
    } else if (!isK8sName(name)) {
      problems.push(
        `expected a Kubernetes name (lower-case RFC 1123) in ${JSON.stringify(entry)}, got ${JSON.stringify(name)}`
      )
    } else if (!isNamespace(namespace)) {
      problems.push(`${NAMESPACE_EXPECTED} in ${JSON.stringify(entry)}, got ${JSON.stringify(namespace)}`)
    } else {
      targets.push({ kind, name, namespace })
    }
  }
  if (entries.length === 0) problems.push(`${TARGET_EXPECTED}, got an empty value`)
  if (problems.length > 0) throw new ConfigError(problems.map((message) => ({ path: 'inputs.target', message })))
  return targets
}

/** The `namespace` input, `default` when unset. */
export function parseNamespace(value: string): string {
  const text = value.trim()
  if (text === '') return 'default'
  if (!isNamespace(text)) fail('namespace', `${NAMESPACE_EXPECTED}, got ${JSON.stringify(value)}`)
  return text
}

const TRUE = ['true', 'yes', 'on']
const FALSE = ['false', 'no', 'off']

/** YAML-ish booleans (`true|false|yes|no|on|off`, any case); undefined when unset. */
export function parseBooleanInput(name: ActionInputName, value: string): boolean | undefined {
  const text = value.trim().toLowerCase()
  if (text === '') return undefined
  if (TRUE.includes(text)) return true
  if (FALSE.includes(text)) return false
  return fail(name, `expected true or false, got ${JSON.stringify(value)}`)
}

/** A duration input (`10m`, `1h30m`, or a bare number of seconds) in ms; undefined when unset. */
export function parseDurationInput(name: ActionInputName, value: string): number | undefined {
  if (value.trim() === '') return undefined
  const ms = tryParseDuration(value)
  if (ms === undefined || ms === 0) fail(name, `${DURATION_EXPECTED}, got ${JSON.stringify(value)}`)
  if (ms > MAX_WAIT_MS) fail(name, `${durationCapMessage(MAX_WAIT_TEXT)}, got ${JSON.stringify(value)}`)
  return ms
}

/** The `rollback-to` input: `recorded`, `previous` or a revision number; undefined when unset. */
export function parseRollbackTo(value: string): 'recorded' | 'previous' | number | undefined {
  const text = value.trim().toLowerCase()
  if (text === '') return undefined
  if (text === 'recorded' || text === 'previous') return text
  if (/^\d+$/.test(text) && Number(text) > 0) return Number(text)
  return fail('rollback-to', `expected recorded, previous or a revision number such as 3, got ${JSON.stringify(value)}`)
}

/** `auto` (also when unset), or a boolean: `comment-on-pr`, `deployment-status`. */
export function parseAutoBoolean(name: ActionInputName, value: string): 'auto' | boolean {
  if (value.trim().toLowerCase() === 'auto') return 'auto'
  return parseBooleanInput(name, value) ?? 'auto'
}

/** `pr-number`: a positive whole number; undefined when unset. */
export function parsePrNumber(value: string): number | undefined {
  const text = value.trim().replace(/^#/, '')
  if (text === '') return undefined
  if (!/^\d+$/.test(text) || Number(text) <= 0)
    fail('pr-number', `expected a pull request number such as 123, got ${JSON.stringify(value)}`)
  return Number(text)
}

const NOTIFY_EVENTS: readonly NotifyEvent[] = ['failed', 'inconclusive', 'rolled-back', 'passed']

/** `notify-on`: comma- or newline-separated outcomes; `all` for every one. Undefined when unset. */
export function parseNotifyOn(value: string): NotifyEvent[] | undefined {
  const words = value
    .split(/[\n,]/)
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean)
  if (words.length === 0) return undefined
  if (words.includes('all')) return [...NOTIFY_EVENTS]
  const unknown = words.filter((w) => !(NOTIFY_EVENTS as readonly string[]).includes(w))
  if (unknown.length > 0)
    fail(
      'notify-on',
      `expected some of ${NOTIFY_EVENTS.join(', ')} (or all), got ${unknown.map((w) => JSON.stringify(w)).join(', ')}`
    )
  return words as NotifyEvent[]
}

/** The `prometheus-url` input; undefined when unset. */
export function parseUrlInput(name: ActionInputName, value: string): string | undefined {
  const text = value.trim()
  if (text === '') return undefined
  if (!isHttpUrl(text)) fail(name, `${URL_EXPECTED}, got ${JSON.stringify(value)}`)
  return text
}

/** A Prometheus-style connection's inputs (`prometheus-*`, `alertmanager-*`): URL, token, headers. */
export interface ConnectionInputValues {
  url?: string | undefined
  token?: string | undefined
  headers: Record<string, string>
}

export function connectionInputsGiven(values: ConnectionInputValues): boolean {
  return values.url !== undefined || values.token !== undefined || Object.keys(values.headers).length > 0
}

/** A connection section of the file (`prometheus`, `alerts.alertmanager`) with its inputs applied: inputs win, headers merge. */
export function withConnectionInputs(
  section: Record<string, unknown>,
  values: ConnectionInputValues
): Record<string, unknown> {
  const { headers } = section
  const fileHeaders = isPlainObject(headers) ? headers : {}
  return {
    ...section,
    ...(values.url !== undefined ? { url: values.url } : {}),
    ...(values.token !== undefined ? { token: values.token } : {}),
    ...(Object.keys(values.headers).length > 0 ? { headers: { ...fileHeaders, ...values.headers } } : {})
  }
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

/**
 * Headers from a YAML or JSON mapping (`{"X-Scope-OrgID": "t1"}`) or `Name: value` lines; lines that
 * are not valid YAML (e.g. a value with `: ` inside) are split at their first colon.
 */
export function parseHeaders(name: ActionInputName, value: string): Record<string, string> {
  if (value.trim() === '') return {}
  const headers = headersFromYaml(value) ?? headersFromLines(name, value)
  const bad = Object.keys(headers).filter((header) => !HEADER_NAME.test(header))
  if (bad.length > 0)
    fail(name, `expected HTTP header names, got ${bad.map((header) => JSON.stringify(header)).join(', ')}`)
  return headers
}

function headersFromYaml(value: string): Record<string, string> | undefined {
  let parsed: unknown
  try {
    parsed = parseYaml(value)
  } catch {
    return undefined
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined
  const entries = Object.entries(parsed as Record<string, unknown>)
  if (entries.some(([, v]) => typeof v === 'object' && v !== null)) return undefined
  return Object.fromEntries(entries.map(([k, v]) => [k, v === null ? '' : String(v)]))
}

function headersFromLines(name: ActionInputName, value: string): Record<string, string> {
  const headers: Record<string, string> = {}
  const lines = value.split('\n')
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim()
    if (line === '') continue
    const colon = line.indexOf(':')
    // The line itself is not echoed: it may hold a credential.
    if (colon <= 0) fail(name, `expected "Name: value" lines or a YAML/JSON mapping; line ${index + 1} has no "Name:"`)
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim()
  }
  return headers
}
