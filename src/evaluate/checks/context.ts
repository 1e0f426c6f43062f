/** What every workload check reads, computed once from the snapshot. Pure. */
import type { StatusViewer } from '../../kube/status/types.js'
import { podHealth, type PodHealth } from '../pod-signals.js'
import type { RestartBaseline, WaitOutcome, WorkloadSnapshot, WorkloadVerifySettings } from '../snapshot.js'

export interface WorkloadCheckInput {
  snapshot: WorkloadSnapshot
  kind: StatusViewer
  wait: WaitOutcome
  settings: WorkloadVerifySettings
  /** Start of the rollout for "since the deploy" questions (see rolloutSince in ../events.ts). */
  since: Date
  restartBaseline: RestartBaseline
}

export interface CheckContext extends WorkloadCheckInput {
  /** Current-revision pods that are not being deleted. */
  pods: PodHealth[]
  /** `revision 5`, or `the current revision` when unknown. */
  revisionLabel: string
}

export function checkContext(input: WorkloadCheckInput): CheckContext {
  const pods = input.snapshot.pods.map(podHealth).filter((p) => !p.terminating)
  const rev = input.snapshot.revision?.revision
  return { ...input, pods, revisionLabel: rev ? `revision ${rev}` : 'the current revision' }
}

/** Pods with something to show: failure signals first, then not ready. */
export function unhealthyPods(pods: PodHealth[]): PodHealth[] {
  return pods.filter((p) => p.signals.length > 0 || !p.ready).sort((a, b) => b.signals.length - a.signals.length)
}
