/** Row 3: every current pod Running with all containers ready. Pure. */
import type { CheckResult } from '../../model/result.js'
import { podDetails } from '../details.js'
import { unhealthyPods, type CheckContext } from './context.js'

export function podsReadyCheck(ctx: CheckContext): CheckResult {
  const bad = unhealthyPods(ctx.pods)
  const row = {
    id: 'pods-ready',
    title: 'Pods running and ready',
    expected: 'all pods Running, all containers ready',
    actual: `${ctx.pods.length - bad.length}/${ctx.pods.length} pods running and ready`
  }
  if (ctx.pods.length === 0) {
    if (ctx.kind.desiredReplicas(ctx.snapshot.object) === 0)
      return { ...row, status: 'passed', actual: 'no pods wanted' }
    return { ...row, status: 'failed', reason: `No pods of ${ctx.revisionLabel} exist.` }
  }
  if (bad.length === 0) return { ...row, status: 'passed' }
  const first = bad[0]
  const signal = first?.signals[0]
  const why = signal
    ? `${signal.reason}${signal.container ? ` in container ${signal.container}` : ''}`
    : `phase ${first?.phase}, not ready`
  return {
    ...row,
    status: 'failed',
    reason: `${bad.length} of ${ctx.pods.length} pods are not running and ready (pod ${first?.name}: ${why}).`,
    details: podDetails(bad, ctx.snapshot.logs)
  }
}
