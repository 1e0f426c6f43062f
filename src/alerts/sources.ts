/**
 * Reading the alerts that are active now, from Alertmanager's API v2 (`GET /api/v2/alerts`, with
 * silenced, inhibited and not-yet-processed alerts) or, without an Alertmanager, from Prometheus'
 * own `GET /api/v1/alerts` (firing alerts only: a pending one has not fired). The bodies are outside
 * data: anything not of the documented shape is a `malformed` error, never a guess.
 */
import type { AlertmanagerConnection } from '../config/schema-alerts.js'
import type { ObservedAlert } from '../evaluate/alerts.js'
import { PrometheusError, redactUrl } from '../prometheus/errors.js'
import { endpoint } from '../prometheus/graph-url.js'
import { getJson, type JsonGetOptions } from './http.js'
import { isPlainObject } from '../util/plain-object.js'

export type AlertSourceName = 'Alertmanager' | 'Prometheus'

type Options = Omit<JsonGetOptions, 'source'>

const isStringMap = (value: unknown): value is Record<string, string> =>
  isPlainObject(value) && Object.values(value).every((v) => typeof v === 'string')

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []

function malformed(source: AlertSourceName, connection: AlertmanagerConnection, path: string, problem: string) {
  const where = redactUrl(endpoint(connection.url, path))
  return new PrometheusError({
    kind: 'malformed',
    url: where,
    shortCause: `an unexpected body (${problem})`,
    message: `${source} at ${where} answered with an unexpected body: ${problem}.`
  })
}

/** One Alertmanager v2 alert, or a problem. */
function fromAlertmanager(item: unknown): ObservedAlert | string {
  if (!isPlainObject(item)) return 'an alert that is not an object'
  const { labels, annotations, startsAt, status } = item
  if (!isStringMap(labels)) return 'an alert without string labels'
  if (typeof startsAt !== 'string') return 'an alert without startsAt'
  if (!isPlainObject(status) || typeof status.state !== 'string') return 'an alert without status.state'
  const silencedBy = strings(status.silencedBy)
  const inhibitedBy = strings(status.inhibitedBy)
  // `suppressed` = silenced and/or inhibited; `unprocessed` = received but not yet muted or routed: firing.
  const state = silencedBy.length > 0 ? 'silenced' : inhibitedBy.length > 0 ? 'inhibited' : 'firing'
  const mutedBy = [...silencedBy, ...inhibitedBy]
  return {
    name: labels.alertname ?? '',
    labels,
    annotations: isStringMap(annotations) ? annotations : {},
    startsAt,
    state: status.state === 'suppressed' && state === 'firing' ? 'silenced' : state,
    ...(mutedBy.length > 0 ? { mutedBy } : {})
  }
}

export async function readAlertmanagerAlerts(
  connection: AlertmanagerConnection,
  options: Options = {}
): Promise<ObservedAlert[]> {
  const path = 'api/v2/alerts'
  const params = { active: 'true', silenced: 'true', inhibited: 'true', unprocessed: 'true' }
  const body = await getJson(connection, path, params, { ...options, source: 'Alertmanager' })
  if (!Array.isArray(body)) throw malformed('Alertmanager', connection, path, 'not a list of alerts')
  const alerts: ObservedAlert[] = []
  for (const item of body) {
    const alert = fromAlertmanager(item)
    if (typeof alert === 'string') throw malformed('Alertmanager', connection, path, alert)
    alerts.push(alert)
  }
  return alerts
}

/** One Prometheus rule alert (`firing` only), undefined for a pending/inactive one, or a problem. */
function fromPrometheus(item: unknown): ObservedAlert | undefined | string {
  if (!isPlainObject(item)) return 'an alert that is not an object'
  const { labels, annotations, state, activeAt } = item
  if (!isStringMap(labels)) return 'an alert without string labels'
  if (state !== 'firing') return undefined
  if (typeof activeAt !== 'string') return 'a firing alert without activeAt'
  return {
    name: labels.alertname ?? '',
    labels,
    annotations: isStringMap(annotations) ? annotations : {},
    startsAt: activeAt,
    state: 'firing'
  }
}

export async function readPrometheusAlerts(
  connection: AlertmanagerConnection,
  options: Options = {}
): Promise<ObservedAlert[]> {
  const path = 'api/v1/alerts'
  const body = await getJson(connection, path, {}, { ...options, source: 'Prometheus' })
  if (
    !isPlainObject(body) ||
    body.status !== 'success' ||
    !isPlainObject(body.data) ||
    !Array.isArray(body.data.alerts)
  )
    throw malformed('Prometheus', connection, path, 'no data.alerts list')
  const alerts: ObservedAlert[] = []
  for (const item of body.data.alerts) {
    const alert = fromPrometheus(item)
    if (typeof alert === 'string') throw malformed('Prometheus', connection, path, alert)
    if (alert) alerts.push(alert)
  }
  return alerts
}
