/** Custom resources: wait until kstatus says Current (or Failed/Terminating, or the timeout); one row. */
import type { KubeApi } from '../kube/api.js'
import type { VerifyConfig } from '../config/types.js'
import type { TargetRef, TargetResult } from '../model/result.js'
import { computeKStatus, type KStatusResult } from '../evaluate/kstatus.js'
import { formatDuration } from '../evaluate/format.js'
import { KSTATUS_ROW, notFoundResult, targetMissingResult } from './workload-results.js'
import { ProgressLog } from './workload-progress.js'
import { rampedPollInterval } from './workload-wait.js'
import type { VerifyWorkloadOptions } from './workload.js'

export async function verifyCustomResource(
  api: KubeApi,
  ref: TargetRef,
  config: VerifyConfig,
  options: Required<VerifyWorkloadOptions>
): Promise<TargetResult> {
  let type
  try {
    type = await api.resourceFor(ref.kind, ref.apiVersion)
  } catch (error) {
    if (error instanceof Error && (error as { reason?: string }).reason === 'not-found') {
      return targetMissingResult(ref, 'unknown kind', error.message)
    }
    throw error
  }
  const started = options.timeoutFrom.getTime()
  const deadline = started + config.timeout
  const progress = new ProgressLog(options.log, `${ref.kind.toLowerCase()} "${ref.name}"`)
  let result: KStatusResult
  let polls = 0
  for (;;) {
    const obj = await api.get(type, ref.namespace, ref.name)
    if (!obj) return notFoundResult(api, ref, type)
    result = computeKStatus(obj)
    const now = options.now()
    progress.update(`${result.status}: ${result.message}`, now - started, now)
    if (result.status !== 'InProgress' || now >= deadline) break
    await options.sleep(Math.max(0, Math.min(rampedPollInterval(config.pollInterval, polls++), deadline - now)))
  }
  const row = { ...KSTATUS_ROW, expected: 'Current', actual: `${result.status}: ${result.message}` }
  switch (result.status) {
    case 'Current':
      return { ref, checks: [{ ...row, status: 'passed' }] }
    case 'Failed':
      return {
        ref,
        checks: [{ ...row, status: 'failed', reason: `${ref.kind} "${ref.name}" is stalled: ${result.message}` }]
      }
    case 'Terminating':
      return { ref, checks: [{ ...row, status: 'failed', reason: `${ref.kind} "${ref.name}" is being deleted.` }] }
    case 'InProgress':
      return {
        ref,
        checks: [
          { ...row, status: 'failed', reason: `timed out after ${formatDuration(config.timeout)}: ${result.message}` }
        ]
      }
  }
}
