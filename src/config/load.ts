/**
 * Loads the config once, before anything touches a cluster: action inputs + YAML file → one validated
 * DeployGuardConfig, or a ConfigError listing every problem with its path.
 *
 * Inputs win over the file: `target` REPLACES the file's targets when given; `namespace` is the default
 * namespace for targets that name none; `timeout`, `fail-fast-after`, `dry-run`, `version` and
 * `prometheus-url`/`-token` override their file keys; `prometheus-headers` are merged over the file's.
 * Input values are validated first (issues at `inputs.<name>`), then merged into the file's data so
 * the schema applies defaults and cross-checks to the result as a whole.
 */
import { isMap, parseDocument } from 'yaml'
import type { CommandName, TargetRef } from '../model/result.js'
import { ConfigError, attempt } from './errors.js'
import { COMMAND_SPECS, IMPLEMENTED_COMMANDS } from '../commands/registry.js'
import {
  parseBooleanInput,
  parseCommand,
  parseDurationInput,
  parseHeaders,
  parseAutoBoolean,
  parseNamespace,
  parseNotifyOn,
  parsePrNumber,
  parseRollbackTo,
  parseTargets,
  parseUrlInput,
  connectionInputsGiven,
  withConnectionInputs,
  type ActionInputs
} from './inputs.js'
import { zodIssuesToConfigIssues } from './issues.js'
import { parseCanaryResume, parseImageInput } from './canary-inputs.js'
import { alertsRequirements, mergeAlertInputs, parseAlertInputs } from './alerts-inputs.js'
import { ABSENT_SECTIONS, configSchemaOf, type SchemaContext } from './schema-root.js'
import { collectSecrets, redact, secretsInTree } from './secrets.js'
import { BUILTIN_VARIABLES, isVariableName, templateVariablesUsed } from './template.js'
import { DEFAULT_NOTIFY_ON, type ConfigIssue, type DeployGuardConfig, type RecordsConfig } from './types.js'
import { isPlainObject } from '../util/plain-object.js'

export interface LoadedConfig {
  command: CommandName
  config: DeployGuardConfig
  /** Every secret value found (tokens, passwords, credential headers) for the caller to mask. */
  secrets: string[]
}

type RawMap = Record<string, unknown>

/** Values the parsed inputs contribute; undefined = not given. */
interface InputValues {
  command?: CommandName
  namespace: string
  targets?: TargetRef[]
  timeout?: number
  failFastAfter?: number
  dryRun?: boolean
  version?: string
  prometheusUrl?: string
  prometheusToken?: string
  prometheusHeaders: Record<string, string>
  rollbackOnFailure?: boolean
  rollbackOnInconclusive?: boolean
  rollbackTo?: 'recorded' | 'previous' | number
  reason?: string
  records?: RecordsConfig
  /** `image` input: container → image for a canary made from the stable. */
  canaryImages?: Record<string, string>
  canaryResume?: 'start' | 'continue' | 'abort'
}

export async function loadConfig(
  inputs: ActionInputs,
  readFile: (path: string) => Promise<string>
): Promise<LoadedConfig> {
  const issues: ConfigIssue[] = []
  const values = parseInputs(inputs, issues)
  const alertInputs = parseAlertInputs(inputs, issues)
  const raw = inputs.config.trim() === '' ? {} : await readConfigFile(inputs.config.trim(), readFile, issues)

  let config: DeployGuardConfig | undefined
  if (raw !== undefined) {
    const merged = mergeAlertInputs(mergeInputs(raw, values), alertInputs)
    issues.push(...requirements(values, merged, inputs.target.trim() !== ''), ...alertsRequirements(merged))
    const schema = await schemaFor(merged, {
      defaultNamespace: values.namespace,
      templateValues: templateStandIns(merged, values)
    })
    // jitless: the config is parsed once, and compiling zod's fast path for each object costs more
    // than it saves (issue 11's start-up); the result is the same either way.
    const result = schema.safeParse(merged, { reportInput: true, jitless: true })
    if (result.success) config = result.data
    else issues.push(...zodIssuesToConfigIssues(result.error.issues))
  }

  if (config && values.reason !== undefined) config.rollback.reason = values.reason
  if (config && values.records) config.records = values.records

  if (issues.length > 0 || !config || !values.command) {
    const secrets = [...collectSecrets(inputs), ...secretsInTree(raw)]
    throw new ConfigError(issues.map((issue) => ({ ...issue, message: redact(issue.message, secrets) })))
  }
  return { command: values.command, config, secrets: collectSecrets(inputs, config) }
}

/** The sections whose schemas check PromQL (schema.ts); a verify-only config has none of them. */
const PROMQL_SECTIONS = ['analysis', 'canary', 'alerts'] as const

/**
 * The schema for this config: the whole one (with Prometheus' PromQL parser, loaded here on demand)
 * when it has an analysis, canary or alerts section, else the root alone, which accepts and refuses
 * the same configs without them (issue 11: keep config and PromQL parsing off the verify-only path).
 */
async function schemaFor(merged: RawMap, context: SchemaContext) {
  if (PROMQL_SECTIONS.some((section) => merged[section] !== undefined)) {
    const { configSchema } = await import('./schema.js')
    return configSchema(context)
  }
  return configSchemaOf(context, ABSENT_SECTIONS)
}

function parseInputs(inputs: ActionInputs, issues: ConfigIssue[]): InputValues {
  const command = attempt(issues, () => parseCommand(inputs.command))
  if (command && !IMPLEMENTED_COMMANDS.includes(command)) {
    issues.push({
      path: 'inputs.command',
      message: `"${command}" is not implemented yet (available: ${IMPLEMENTED_COMMANDS.join(', ')})`
    })
  }
  const namespace = attempt(issues, () => parseNamespace(inputs.namespace)) ?? 'default'
  const version = inputs.version.trim()
  const token = inputs['prometheus-token'].trim()
  const values: InputValues = {
    namespace,
    prometheusHeaders: attempt(issues, () => parseHeaders('prometheus-headers', inputs['prometheus-headers'])) ?? {}
  }
  const optional: Partial<InputValues> = {
    command,
    targets: inputs.target.trim() === '' ? undefined : attempt(issues, () => parseTargets(inputs.target, namespace)),
    timeout: attempt(issues, () => parseDurationInput('timeout', inputs.timeout)),
    failFastAfter: attempt(issues, () => parseDurationInput('fail-fast-after', inputs['fail-fast-after'])),
    dryRun: attempt(issues, () => parseBooleanInput('dry-run', inputs['dry-run'])),
    prometheusUrl: attempt(issues, () => parseUrlInput('prometheus-url', inputs['prometheus-url'])),
    version: version === '' ? undefined : version,
    prometheusToken: token === '' ? undefined : token,
    rollbackOnFailure: attempt(issues, () => parseBooleanInput('rollback-on-failure', inputs['rollback-on-failure'])),
    rollbackOnInconclusive: attempt(issues, () =>
      parseBooleanInput('rollback-on-inconclusive', inputs['rollback-on-inconclusive'])
    ),
    rollbackTo: attempt(issues, () => parseRollbackTo(inputs['rollback-to'])),
    reason: inputs.reason.trim() === '' ? undefined : inputs.reason.trim(),
    canaryImages: attempt(issues, () => parseImageInput(inputs.image)),
    canaryResume: attempt(issues, () => parseCanaryResume(inputs['canary-resume']))
  }
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(values, { [key]: value })
  values.records = parseRecordInputs(inputs, issues)
  return values
}

/** The inputs that say where the run's record goes (PR comment, Deployment, versions file, webhook). */
function parseRecordInputs(inputs: ActionInputs, issues: ConfigIssue[]): RecordsConfig {
  const text = (name: keyof ActionInputs): string | undefined => inputs[name].trim() || undefined
  const environmentUrl = attempt(issues, () => parseUrlInput('environment-url', inputs['environment-url']))
  const prNumber = attempt(issues, () => parsePrNumber(inputs['pr-number']))
  const notifyWebhook = attempt(issues, () => parseUrlInput('notify-webhook', inputs['notify-webhook']))
  const records: RecordsConfig = {
    commentOnPr: attempt(issues, () => parseAutoBoolean('comment-on-pr', inputs['comment-on-pr'])) ?? 'auto',
    deploymentStatus:
      attempt(issues, () => parseAutoBoolean('deployment-status', inputs['deployment-status'])) ?? 'auto',
    notifyOn: attempt(issues, () => parseNotifyOn(inputs['notify-on'])) ?? [...DEFAULT_NOTIFY_ON]
  }
  const optional: Partial<RecordsConfig> = {
    environment: text('environment'),
    environmentUrl,
    prNumber,
    recordPath: text('record-path'),
    versionsFile: text('versions-file'),
    notifyWebhook
  }
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(records, { [key]: value })
  return records
}

async function readConfigFile(
  path: string,
  readFile: (path: string) => Promise<string>,
  issues: ConfigIssue[]
): Promise<RawMap | undefined> {
  let text: string
  try {
    text = await readFile(path)
  } catch (error) {
    const code = (error as { code?: unknown }).code
    const message =
      code === 'ENOENT'
        ? `file ${JSON.stringify(path)} not found`
        : code === 'EISDIR'
          ? `${JSON.stringify(path)} is a directory, expected a YAML file`
          : `cannot read ${JSON.stringify(path)}: ${error instanceof Error ? error.message : String(error)}`
    issues.push({ path: 'inputs.config', message })
    return undefined
  }
  let doc: ReturnType<typeof parseDocument>
  try {
    // merge: `<<: *defaults` as users know it from compose files and GitHub's own YAML habits.
    doc = parseDocument(text, { prettyErrors: false, merge: true })
  } catch (error) {
    // The parser reports problems in doc.errors; a throw is a limit of the library itself.
    issues.push({ path: 'inputs.config', message: `cannot parse ${JSON.stringify(path)} as YAML: ${errorText(error)}` })
    return undefined
  }
  const first = doc.errors[0]
  if (first) {
    const { line, col } = lineCol(text, first.pos[0])
    const more = doc.errors.length > 1 ? ` (and ${doc.errors.length - 1} more after it)` : ''
    issues.push({
      path: 'inputs.config',
      message: `YAML syntax error in ${JSON.stringify(path)} at ${line}:${col}: ${firstLine(first.message)}${more}`
    })
    return undefined
  }
  if (doc.contents === null) return {}
  if (!isMap(doc.contents)) {
    issues.push({
      path: 'inputs.config',
      message: `expected ${JSON.stringify(path)} to hold a mapping of sections (targets, verify, analysis, prometheus)`
    })
    return undefined
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as RawMap
  } catch (error) {
    // Expanding aliases is where a "billion laughs" document explodes; the library stops it at
    // maxAliasCount with a bare message that names neither the file nor the cause.
    const message = /excessive alias count/i.test(errorText(error))
      ? `too many YAML aliases in ${JSON.stringify(path)} (a "billion laughs" document?); a config needs no more than ${MAX_YAML_ALIASES} alias expansions: write the values out or use fewer *references`
      : `cannot read the YAML in ${JSON.stringify(path)}: ${errorText(error)}`
    issues.push({ path: 'inputs.config', message })
    return undefined
  }
}

/**
 * Alias expansions allowed while reading the file (the yaml library's maxAliasCount). A real config
 * uses a handful of anchors; each nested expansion counts, so a small cap stops exponential documents.
 */
const MAX_YAML_ALIASES = 100

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** The library's messages can carry a code excerpt on further lines; an issue is one line. */
function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message
}

function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split('\n')
  return { line: before.length, col: (before[before.length - 1] as string).length + 1 }
}

/** The file's data with input values applied. Sections of the wrong type are left for the schema to report. */
function mergeInputs(raw: RawMap, values: InputValues): RawMap {
  const merged: RawMap = { ...raw }
  if (values.targets) merged.targets = values.targets
  if (values.dryRun !== undefined) merged.dryRun = values.dryRun
  if (values.version !== undefined) merged.version = values.version
  if (values.timeout !== undefined || values.failFastAfter !== undefined) {
    const verify = merged.verify ?? {}
    if (isPlainObject(verify)) {
      merged.verify = {
        ...verify,
        ...(values.timeout !== undefined ? { timeout: `${values.timeout}ms` } : {}),
        ...(values.failFastAfter !== undefined ? { failFastAfter: `${values.failFastAfter}ms` } : {})
      }
    }
  }
  const rollbackInputs = {
    ...(values.rollbackOnFailure !== undefined ? { onFailure: values.rollbackOnFailure } : {}),
    ...(values.rollbackOnInconclusive !== undefined ? { onInconclusive: values.rollbackOnInconclusive } : {}),
    ...(values.rollbackTo !== undefined ? { to: values.rollbackTo } : {})
  }
  if (Object.keys(rollbackInputs).length > 0) {
    const rollback = merged.rollback ?? {}
    if (isPlainObject(rollback)) merged.rollback = { ...rollback, ...rollbackInputs }
  }
  mergeCanaryInputs(merged, values)
  const prometheusInputs = {
    url: values.prometheusUrl,
    token: values.prometheusToken,
    headers: values.prometheusHeaders
  }
  const prometheus = merged.prometheus ?? {}
  if (connectionInputsGiven(prometheusInputs) && isPlainObject(prometheus))
    merged.prometheus = withConnectionInputs(prometheus, prometheusInputs)
  return merged
}

/** What each command needs beyond a valid file (the registry says), checked with the rest. */
function requirements(values: InputValues, merged: RawMap, targetInputGiven: boolean): ConfigIssue[] {
  const issues: ConfigIssue[] = []
  const command = values.command
  if (!command) return issues
  const needs = COMMAND_SPECS[command].requires
  const targets = merged.targets
  // A bad target input is already reported; "no targets" on top of it would only add noise.
  if (
    needs.targets &&
    !targetInputGiven &&
    (targets === undefined || (Array.isArray(targets) && targets.length === 0))
  ) {
    issues.push({
      path: 'targets',
      message: `at least one target is required for ${command}: set the target input (e.g. deployment/api) or targets in the config file`
    })
  }
  if (needs.reason && values.reason === undefined) {
    issues.push({
      path: 'inputs.reason',
      message: `required for ${command}: say why (it is recorded on the workload and in the summary), e.g. "checkout errors after 1.4.2"`
    })
  }
  if (needs.canary) issues.push(...canaryRequirements(merged.canary, command))
  if (needs.analysis) {
    const analysis = merged.analysis
    const checks = isPlainObject(analysis) ? analysis.checks : undefined
    if (checks === undefined || (Array.isArray(checks) && checks.length === 0)) {
      issues.push({ path: 'analysis.checks', message: `at least one check is required for ${command}` })
    }
    issues.push(...versionRequirements(merged, analysis))
    const prometheus = merged.prometheus
    if (prometheus === undefined || (isPlainObject(prometheus) && prometheus.url === undefined)) {
      issues.push({
        path: 'prometheus.url',
        message: `required for ${command}: set the prometheus-url input or prometheus.url in the config file`
      })
    }
  }
  return issues
}

/**
 * What `command: canary` needs beyond the schema: steps for strategy canary, the active Service for
 * blueGreen. Router names are checked by the schema (each router's required keys); the replicas
 * router's names default to the target and `canary.workload` (or `<target>-canary`).
 */
function canaryRequirements(canary: unknown, command: string): ConfigIssue[] {
  const section = isPlainObject(canary) ? canary : {}
  if (section.strategy === 'blueGreen') {
    const blueGreen = isPlainObject(section.blueGreen) ? section.blueGreen : undefined
    return blueGreen?.activeService === undefined
      ? [
          {
            path: 'canary.blueGreen.activeService',
            message: `required for ${command} with strategy blueGreen: the Service whose selector switches from blue to green`
          }
        ]
      : []
  }
  if (section.steps === undefined)
    return [
      { path: 'canary.steps', message: `required for ${command}: e.g. [ { weight: 10, pause: 5m }, { weight: 100 } ]` }
    ]
  if (Array.isArray(section.steps) && section.steps.length > 0 && !section.steps.some(stepMeasures))
    return [
      {
        path: 'canary.steps',
        message:
          'no step runs the analysis, so every run would end in an abort (a canary is never promoted on pod health alone): give at least one step a pause to measure over, e.g. { weight: 25, pause: 5m }'
      }
    ]
  return []
}

/** Whether a step as written runs the analysis: `analysis: true`, or a pause that is not manual or zero. */
function stepMeasures(step: unknown): boolean {
  if (!isPlainObject(step)) return true // the schema reports it
  if (step.analysis !== undefined) return step.analysis !== false
  const pause = step.pause
  if (pause === undefined || pause === 'manual') return false
  return !(pause === 0 || (typeof pause === 'string' && /^\s*0+(\.0+)?\s*[a-z]*\s*$/i.test(pause)))
}

/** The `image` and `canary-resume` inputs go into the canary section (inputs win over the file). */
function mergeCanaryInputs(merged: RawMap, values: InputValues): void {
  if (values.canaryImages === undefined && values.canaryResume === undefined) return
  const canary = merged.canary ?? {}
  if (!isPlainObject(canary)) return
  merged.canary = {
    ...canary,
    ...(values.canaryImages !== undefined ? { images: values.canaryImages } : {}),
    ...(values.canaryResume !== undefined ? { resume: values.canaryResume } : {})
  }
}

/**
 * `{{version}}` comes from the version input/key or from the first target's image tag. With neither,
 * analyze could only end inconclusive after start-up, so say so now with the other problems.
 */
function versionRequirements(merged: RawMap, analysis: unknown): ConfigIssue[] {
  const hasTargets = Array.isArray(merged.targets) && merged.targets.length > 0
  if (hasTargets || merged.version !== undefined || !isPlainObject(analysis)) return []
  const queries: Array<[string, unknown]> = []
  if (isPlainObject(analysis.minTraffic)) queries.push(['analysis.minTraffic.query', analysis.minTraffic.query])
  if (Array.isArray(analysis.checks))
    analysis.checks.forEach((check: unknown, i) => {
      if (isPlainObject(check)) queries.push([`analysis.checks[${i}].query`, check.query])
    })
  return queries
    .filter(([, query]) => typeof query === 'string' && templateVariablesUsed(query).includes('version'))
    .map(([path]) => ({
      path,
      message:
        'uses {{version}}, but no version is known: set the version input (or version in the file), or a target whose image tag is the version'
    }))
}

/**
 * Stand-in values to check query templates with: the real value where it is known now (namespace,
 * first target, user variables), a plausible one otherwise (version → `v0`).
 */
function templateStandIns(merged: RawMap, values: InputValues): Record<string, string> {
  const first = Array.isArray(merged.targets) && isPlainObject(merged.targets[0]) ? merged.targets[0] : {}
  const text = (value: unknown, fallback: string): string =>
    typeof value === 'string' && value !== '' ? value : fallback
  const standIns: Record<string, string> = {
    namespace: text(first.namespace, values.namespace),
    target: text(first.name, 'target'),
    kind: text(first.kind, 'Deployment'),
    version: text(merged.version, 'v0')
  }
  if (isPlainObject(merged.variables)) {
    for (const [name, value] of Object.entries(merged.variables)) {
      if (
        isVariableName(name) &&
        !(BUILTIN_VARIABLES as readonly string[]).includes(name) &&
        ['string', 'number', 'boolean'].includes(typeof value)
      ) {
        standIns[name] = String(value)
      }
    }
  }
  return standIns
}
