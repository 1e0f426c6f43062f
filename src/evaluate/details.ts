/** Evidence rows for failing pods: signals, last termination, exit code and the crashed container's log. Pure. */
import type { CheckDetail } from '../model/result.js'
import { bounded, tail } from './format.js'
import type { PodHealth } from './pod-signals.js'
import type { PodLog } from './snapshot.js'

export const MAX_PODS_LISTED = 10
export const MAX_EVENTS_LISTED = 20

export function podDetail(health: PodHealth, logs: PodLog[]): CheckDetail {
  const facts: Array<{ label: string; value: string }> = [{ label: 'phase', value: health.phase }]
  for (const s of health.signals) {
    facts.push({ label: s.container ? `${s.reason} (${s.container})` : s.reason, value: s.message ?? '' })
  }
  for (const c of health.containers) {
    if (c.waitingReason && !health.signals.some((s) => s.container === c.name)) {
      facts.push({
        label: `waiting (${c.name})`,
        value: c.waitingMessage ? `${c.waitingReason}: ${c.waitingMessage}` : c.waitingReason
      })
    }
    if (c.lastTerminationReason !== undefined) {
      facts.push({
        label: `last termination (${c.name})`,
        value: `${c.lastTerminationReason}, exit code ${c.lastExitCode ?? 'unknown'}`
      })
    }
    if (!c.init && !c.ready) facts.push({ label: `ready (${c.name})`, value: 'false' })
  }
  if (health.restarts > 0) facts.push({ label: 'restarts', value: String(health.restarts) })
  const log = logs.find((l) => l.pod === health.name)
  const detail: CheckDetail = { title: `pod ${health.name}`, facts }
  if (log?.unavailable !== undefined)
    facts.push({ label: `previous log (${log.container})`, value: `not read: ${log.unavailable}` })
  if (log && log.text) detail.text = `previous log of container ${log.container}:\n${tail(log.text)}`
  return detail
}

export const podDetails = (pods: PodHealth[], logs: PodLog[]): CheckDetail[] =>
  bounded(pods, MAX_PODS_LISTED, (p) => podDetail(p, logs), 'pods')
