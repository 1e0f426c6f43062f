/** Row 2: enough ready pods of the current revision. More than expected passes (an autoscaler may add some). Pure. */
import type { CheckResult } from '../../model/result.js'
import { plural } from '../format.js'
import type { CheckContext } from './context.js'

export function podCountCheck(ctx: CheckContext): CheckResult {
  const expected = ctx.settings.expect.replicas ?? ctx.kind.desiredReplicas(ctx.snapshot.object)
  const ready = ctx.pods.filter((p) => p.ready).length
  const row = {
    id: 'pod-count',
    title: 'Pod count',
    expected: `${expected} ready (${ctx.revisionLabel})`,
    actual: `${ready} ready of ${plural(ctx.pods.length, 'pod')}`
  }
  if (ready >= expected) return { ...row, status: 'passed' }
  return {
    ...row,
    status: 'failed',
    reason: `${ready} of ${expected} expected pods of ${ctx.revisionLabel} are ready.`
  }
}
