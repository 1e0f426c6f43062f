/**
 * The Alertmanager inputs (`alertmanager-url`, `-token`, `-headers`) and the `alerts` section's
 * cross-section requirement (somewhere to read alerts from). Inputs win over the file, as the
 * Prometheus ones do: they land in `alerts.alertmanager`, and giving the URL turns the check on
 * (the URL has no other use). Kept apart from load.ts so that file only calls three functions.
 */
import { attempt } from './errors.js'
import {
  connectionInputsGiven,
  parseHeaders,
  parseUrlInput,
  withConnectionInputs,
  type ActionInputs,
  type ConnectionInputValues
} from './inputs.js'
import type { ConfigIssue } from './types.js'
import { isPlainObject } from '../util/plain-object.js'

type RawMap = Record<string, unknown>

export function parseAlertInputs(inputs: ActionInputs, issues: ConfigIssue[]): ConnectionInputValues {
  const url = attempt(issues, () => parseUrlInput('alertmanager-url', inputs['alertmanager-url']))
  const token = inputs['alertmanager-token'].trim()
  return {
    ...(url !== undefined ? { url } : {}),
    ...(token !== '' ? { token } : {}),
    headers: attempt(issues, () => parseHeaders('alertmanager-headers', inputs['alertmanager-headers'])) ?? {}
  }
}

/** The file's data with the Alertmanager inputs applied (a section of the wrong type is left for the schema). */
export function mergeAlertInputs(merged: RawMap, values: ConnectionInputValues): RawMap {
  if (!connectionInputsGiven(values)) return merged
  const alerts = merged.alerts ?? {}
  if (!isPlainObject(alerts)) return merged
  const alertmanager = alerts.alertmanager ?? {}
  if (!isPlainObject(alertmanager)) return merged
  return { ...merged, alerts: { ...alerts, alertmanager: withConnectionInputs(alertmanager, values) } }
}

/** With an `alerts` section, there must be somewhere to read alerts from. */
export function alertsRequirements(merged: RawMap): ConfigIssue[] {
  const alerts = merged.alerts
  if (!isPlainObject(alerts)) return []
  const hasPrometheus = isPlainObject(merged.prometheus) && merged.prometheus.url !== undefined
  const hasAlertmanager = alerts.alertmanager !== undefined
  if (alerts.source === 'prometheus' && !hasPrometheus)
    return [
      {
        path: 'prometheus.url',
        message: 'required by alerts.source: prometheus: set the prometheus-url input or prometheus.url'
      }
    ]
  if ((alerts.source === undefined || alerts.source === 'auto') && !hasPrometheus && !hasAlertmanager)
    return [
      {
        path: 'alerts',
        message:
          'the alerts check needs somewhere to read alerts from: set the alertmanager-url input (or alerts.alertmanager.url), or prometheus-url'
      }
    ]
  return []
}
