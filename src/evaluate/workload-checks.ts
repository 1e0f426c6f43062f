/** The workload checklist: seven rows from one gathered snapshot and the outcome of the wait. Pure. */
import type { CheckResult } from '../model/result.js'
import { checkContext, type WorkloadCheckInput } from './checks/context.js'
import { endpointsCheck } from './checks/endpoints.js'
import { eventsCheck } from './checks/events.js'
import { imagesCheck } from './checks/images.js'
import { podCountCheck } from './checks/pod-count.js'
import { podsReadyCheck } from './checks/pods-ready.js'
import { restartsCheck } from './checks/restarts.js'
import { rolloutCheck } from './checks/rollout.js'

export type { WorkloadCheckInput } from './checks/context.js'

/** Ids of the rows, in order; also used to report every row as inconclusive when the API failed. */
export const WORKLOAD_CHECKS: ReadonlyArray<{ id: string; title: string }> = [
  { id: 'rollout', title: 'Rollout complete' },
  { id: 'pod-count', title: 'Pod count' },
  { id: 'pods-ready', title: 'Pods running and ready' },
  { id: 'restarts', title: 'Restarts since deploy' },
  { id: 'endpoints', title: 'Service endpoints' },
  { id: 'events', title: 'No Warning events' },
  { id: 'images', title: 'Expected version running' }
]

export function evaluateWorkload(input: WorkloadCheckInput): CheckResult[] {
  const ctx = checkContext(input)
  return [
    rolloutCheck(ctx),
    podCountCheck(ctx),
    podsReadyCheck(ctx),
    restartsCheck(ctx),
    endpointsCheck(ctx),
    eventsCheck(ctx),
    imagesCheck(ctx)
  ]
}
