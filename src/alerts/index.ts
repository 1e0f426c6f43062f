/**
 * The "no critical alerts firing" check, end to end: choose the source, render the matchers for every
 * target, read the alerts (I/O), judge them (pure, src/evaluate/alerts.ts) and return the check row.
 * A source that cannot be read after its retries makes the row inconclusive, never a pass.
 *
 * Used by `verify` (a run-level checklist row) and by the analysis step (a gate for analyze/canary).
 */
import type { AlertmanagerConnection, AlertsConfig } from '../config/schema-alerts.js'
import { targetTemplateValues } from '../config/template.js'
import type { DeployGuardConfig } from '../config/types.js'
import {
  judgeAlerts,
  renderMatcher,
  type AlertPolicy,
  type LabelMatcher,
  type ObservedAlert
} from '../evaluate/alerts.js'
import type { CheckResult, TargetRef, TargetResult } from '../model/result.js'
import { redactUrl } from '../prometheus/errors.js'
import { alertsRow, alertsUnavailableRow, describeAlert } from './check-row.js'
import { readAlertmanagerAlerts, readPrometheusAlerts, type AlertSourceName } from './sources.js'

export interface AlertCheckContext {
  log(line: string): void
  signal: AbortSignal
}

export interface AlertCheckOptions {
  /** When the deploy began: alerts that started earlier are pre-existing (`failOn: new`). */
  since: Date
  /** `{{version}}` for the matchers, when known. */
  version?: string
  /** Test seam: the first retry delay of the source's requests. */
  retryBaseDelayMs?: number
}

interface Source {
  name: AlertSourceName
  connection: AlertmanagerConnection
  read: typeof readAlertmanagerAlerts
}

/** Where alerts are read from; undefined when the config names none (only a hand-built config can). */
function alertSource(config: DeployGuardConfig, alerts: AlertsConfig): Source | undefined {
  const alertmanager = alerts.source !== 'prometheus' ? alerts.alertmanager : undefined
  if (alertmanager) return { name: 'Alertmanager', connection: alertmanager, read: readAlertmanagerAlerts }
  if (alerts.source !== 'alertmanager' && config.prometheus)
    return { name: 'Prometheus', connection: config.prometheus, read: readPrometheusAlerts }
  return undefined
}

/** One matcher set per target (the same variables as queries), without duplicates. */
export function matcherSets(config: DeployGuardConfig, alerts: AlertsConfig, version?: string): LabelMatcher[][] {
  const refs: Array<TargetRef | undefined> = config.targets.length > 0 ? config.targets : [undefined]
  const sets = new Map<string, LabelMatcher[]>()
  for (const ref of refs) {
    const values = targetTemplateValues(config.variables, ref, version)
    const set = alerts.matchers.map((matcher) => renderMatcher(matcher, values))
    sets.set(JSON.stringify(set), set)
  }
  return [...sets.values()]
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** The check's rows (one, or none when `alerts` is not configured). */
export async function checkAlerts(
  config: DeployGuardConfig,
  ctx: AlertCheckContext,
  options: AlertCheckOptions
): Promise<CheckResult[]> {
  const alerts = config.alerts
  if (!alerts) return []
  const source = alertSource(config, alerts)
  if (!source)
    return [
      alertsUnavailableRow(
        alerts.severities,
        'no alert source is configured: set alertmanager-url (or alerts.alertmanager.url) or prometheus-url'
      )
    ]
  const where = `${source.name} at ${redactUrl(new URL(source.connection.url))}`
  let sets: LabelMatcher[][]
  try {
    sets = matcherSets(config, alerts, options.version)
  } catch (error) {
    return [alertsUnavailableRow(alerts.severities, errorText(error))]
  }
  let observed: ObservedAlert[]
  try {
    observed = await source.read(source.connection, {
      signal: ctx.signal,
      ...(options.retryBaseDelayMs !== undefined ? { retryBaseDelayMs: options.retryBaseDelayMs } : {})
    })
  } catch (error) {
    const reason = `could not read alerts: ${errorText(error)}`
    ctx.log(`alerts: ${reason}`)
    return [alertsUnavailableRow(alerts.severities, reason)]
  }
  const policy: AlertPolicy = {
    severities: alerts.severities,
    matcherSets: sets,
    failOn: alerts.failOn,
    since: options.since
  }
  const judgement = judgeAlerts(observed, policy)
  ctx.log(
    `alerts: ${observed.length} active in ${where}; for this workload: ${judgement.failing.length} firing, ` +
      `${judgement.preexisting.length} since before ${options.since.toISOString()}, ${judgement.muted.length} silenced or inhibited`
  )
  for (const alert of judgement.failing) ctx.log(`alert firing: ${describeAlert(alert)}`)
  return [alertsRow(judgement, { ...policy, source: where })]
}

/**
 * Verify's row: "before the deploy" is the earliest rollout start verify saw (a rollout that began
 * before this step), else verify's own start.
 */
export function verifyAlertRows(
  config: DeployGuardConfig,
  ctx: AlertCheckContext,
  targets: readonly TargetResult[],
  run: { startedAt: Date; version?: string | undefined }
): Promise<CheckResult[]> {
  const starts = targets.flatMap((t) => (t.rolloutStartedAt ? [Date.parse(t.rolloutStartedAt)] : []))
  const since = starts.length > 0 ? new Date(Math.min(...starts, run.startedAt.getTime())) : run.startedAt
  return checkAlerts(config, ctx, { since, ...(run.version !== undefined ? { version: run.version } : {}) })
}
