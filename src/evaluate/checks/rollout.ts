/** Row 1: the rollout completed, in kubectl's words. Pure. */
import type { CheckResult } from '../../model/result.js'
import { podDetails } from '../details.js'
import { formatDuration } from '../format.js'
import { unhealthyPods, type CheckContext } from './context.js'

export function rolloutCheck(ctx: CheckContext): CheckResult {
  const { wait } = ctx
  const base = {
    id: 'rollout',
    title: 'Rollout complete',
    expected: 'successfully rolled out',
    actual: wait.status.message
  }
  const details = podDetails(unhealthyPods(ctx.pods), ctx.snapshot.logs)
  if (wait.status.error) return { ...base, status: 'failed', reason: wait.status.error, details }
  switch (wait.end) {
    case 'done':
      return { ...base, status: 'passed' }
    case 'fail-fast': {
      const f = wait.failFast
      const what = f?.subject
        ? `${f.subject} has reported ${f.reason}${f.message ? ` (${f.message})` : ''} for ${formatDuration(f.forMs)}`
        : f
          ? `pod ${f.pod}${f.olderRevision ? ' (an earlier revision)' : ''} has been in ${f.reason}${f.container ? ` (container ${f.container})` : ''} for ${formatDuration(f.forMs)}`
          : 'a pod failed'
      // The StatefulSet controller waits for that pod to become Ready before it replaces it, which it
      // never will: reverting the template is not enough (Kubernetes documents this as "forced rollback").
      const blocked =
        f?.olderRevision === true
          ? ` The ${ctx.kind.kind} waits for it to become Ready before replacing it, so the rollout cannot finish: delete the pod (kubectl delete pod ${f.pod} -n ${ctx.snapshot.ref.namespace}) to have it recreated at the current revision.`
          : ''
      return {
        ...base,
        status: 'failed',
        reason: `${what}, longer than failFastAfter ${formatDuration(ctx.settings.failFastAfter)}: ${wait.status.message}${blocked}`,
        details
      }
    }
    case 'timeout':
      return {
        ...base,
        status: 'failed',
        reason: `timed out after ${formatDuration(ctx.settings.timeout)}: ${wait.status.message}`,
        details
      }
    case 'error':
      return { ...base, status: 'failed', reason: wait.status.message, details }
  }
}
