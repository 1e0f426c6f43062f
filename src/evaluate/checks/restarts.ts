/**
 * Row 4: container restarts since the deploy. Pods created after the rollout began count from 0 (all
 * their restarts are this deploy's); older pods are compared with the restartCount taken when the
 * verify began, so restarts from before the deploy do not count. Pure.
 */
import type { CheckResult } from '../../model/result.js'
import { podDetails } from '../details.js'
import type { PodHealth } from '../pod-signals.js'
import type { CheckContext } from './context.js'

export function restartsSince(pod: PodHealth, ctx: Pick<CheckContext, 'since' | 'restartBaseline'>): number {
  const created = pod.createdAt ? Date.parse(pod.createdAt) : Number.NaN
  const isNew = !Number.isNaN(created) && created >= Math.floor(ctx.since.getTime() / 1000) * 1000
  const baseline = isNew || !pod.uid ? undefined : ctx.restartBaseline[pod.uid]
  return pod.containers.reduce((sum, c) => sum + Math.max(0, c.restartCount - (baseline?.[c.name] ?? 0)), 0)
}

export function restartsCheck(ctx: CheckContext): CheckResult {
  const counted = ctx.pods.map((p) => ({ pod: p, restarts: restartsSince(p, ctx) })).filter((x) => x.restarts > 0)
  const total = counted.reduce((sum, x) => sum + x.restarts, 0)
  const allowed = ctx.settings.allowRestarts
  const row = { id: 'restarts', title: 'Restarts since deploy', expected: `≤ ${allowed}`, actual: String(total) }
  if (total <= allowed) return { ...row, status: 'passed' }
  counted.sort((a, b) => b.restarts - a.restarts)
  const worst = counted[0]
  return {
    ...row,
    status: 'failed',
    reason: `${total} container restarts since the rollout began, more than allowRestarts ${allowed} (most: pod ${worst?.pod.name}, ${worst?.restarts}).`,
    details: podDetails(
      counted.map((x) => x.pod),
      ctx.snapshot.logs
    )
  }
}
