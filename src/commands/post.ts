/**
 * The action's `post:` step (action.yml `post-if: always()`): runs after the main step however it
 * ended. When the main step published its result there is nothing to add. When it was stopped first
 * (the job cancelled or timed out) the post step reports what the main step left in its journal:
 * where each rollback stood, what was and was not done, and the command to finish it by hand; or,
 * when nothing at all was left, one inconclusive line so the job summary is never empty.
 *
 * The post step NEVER writes to the cluster: no undo, no patch, no retry of a half-done rollback. It
 * never starts a rollback the main step had not decided on, and it does not finish one either: a
 * second undo after an interrupted one could flip the workload back, and nobody is left to verify
 * it. The only cluster access is one read-only look at a workload whose undo had landed (is the
 * restored revision's rollout complete?), typed as ReadOnlyKube so no write verb is reachable.
 *
 * Fast by construction: the Kubernetes client (transport, credentials) is imported only when such a
 * look is needed; the status and history viewers are small pure modules.
 */
import * as core from '@actions/core'
import type { KubeApi, KubeObject } from '../kube/api.js'
import { readJournal, type JournalState } from '../act/rollback/journal.js'
import { historyViewer } from '../kube/history/index.js'
import { statusViewerFor } from '../kube/status/index.js'
import { selectorOf } from '../kube/workload/template.js'
import { selectorToString } from '../evaluate/selector.js'
import { actionInputNames, type ActionInputs } from '../config/inputs.js'
import { collectSecrets } from '../config/secrets.js'
import type { RollbackProgress } from '../model/rollback-progress.js'
import { createRunnerLog } from '../report/logger.js'
import { actionsSink, safeSink, type ReportSink } from '../report/publish.js'
import { Redactor } from '../report/redact.js'
import {
  isInFlight,
  phaseText,
  progressLogLines,
  progressTargetLabel,
  progressWarning,
  renderDidNotFinish,
  renderRollbackProgress,
  DID_NOT_FINISH,
  type RestoredRolloutCheck
} from '../report/sections/rollback-progress.js'

/** The only cluster access the post step has: reads. */
export type ReadOnlyKube = Pick<KubeApi, 'get' | 'list'>

/** At most this many warning annotations (the runner shows 10 per step; leave room for others). */
const MAX_WARNINGS = 5
/** Phases whose undo had landed, so the restored revision's rollout is worth one look. */
const CHECKED_PHASES: ReadonlyArray<RollbackProgress['phase']> = ['patched', 'waiting']

export interface PostStepDeps {
  journal: JournalState
  /** Log, annotations and job summary; must already be safe (safeSink: redacted and escaped). */
  sink: ReportSink
  /** Opens a read-only client for the one look at a restored workload; omitted: no look is taken. */
  kube?: () => Promise<ReadOnlyKube>
}

export type PostStepOutcome = 'main-finished' | 'rollback-reported' | 'did-not-finish'

/** The post step's flow over injected surfaces; never throws for a surface that cannot be written. */
export async function postStep(deps: PostStepDeps): Promise<PostStepOutcome> {
  const { journal, sink } = deps
  if (journal.mainFinished) {
    sink.info(finishedLine(journal.progress))
    return 'main-finished'
  }
  const notes = journal.unreadable ? [`${journal.unreadable}; the report below may be incomplete.`] : []
  if (!journal.progress.length) {
    sink.warning(DID_NOT_FINISH)
    await writeSummary(sink, renderDidNotFinish(notes))
    return 'did-not-finish'
  }
  const checks = await checkRestored(journal.progress, deps.kube)
  journal.progress.forEach((progress, i) => {
    for (const line of progressLogLines(progress, checks[i])) sink.info(line)
    if (i < MAX_WARNINGS) sink.warning(progressWarning(progress, checks[i]))
  })
  await writeSummary(sink, renderRollbackProgress(journal.progress, checks, notes))
  return 'rollback-reported'
}

/**
 * The one line after a main step that reported. A rollback it left half-way (stopped during the
 * restored revision's wait, then reported as unverified) is named again with its manual command:
 * the main step's summary has the details, this line keeps the state next to the job's last log.
 */
function finishedLine(progress: RollbackProgress[]): string {
  const open = progress.filter(isInFlight)
  if (!open.length) return 'deploy-guard post: the main step finished and reported its result; nothing to add.'
  const states = open.map(
    (p) => `${progressTargetLabel(p)} was left at "${p.phase}" (${phaseText(p.phase)}; by hand: ${p.manualCommand})`
  )
  return `deploy-guard post: the main step finished and reported its result; the rollback of ${states.join('; ')}. Nothing was done by this step.`
}

async function writeSummary(sink: ReportSink, markdown: string): Promise<void> {
  try {
    await sink.writeSummary(markdown)
  } catch (error) {
    sink.warning(
      `deploy-guard could not write the job summary: ${error instanceof Error ? error.message : String(error)}`
    )
  }
}

/** One read-only look per target whose undo had landed; undefined for the others. */
async function checkRestored(
  progress: RollbackProgress[],
  open: PostStepDeps['kube']
): Promise<Array<RestoredRolloutCheck | undefined>> {
  const wanted = progress.map((p) => isInFlight(p) && CHECKED_PHASES.includes(p.phase))
  if (!open || !wanted.some(Boolean)) return progress.map(() => undefined)
  let kube: ReadOnlyKube
  try {
    kube = await open()
  } catch (error) {
    const message = `the cluster could not be reached: ${error instanceof Error ? error.message : String(error)}`
    return wanted.map((yes) => (yes ? { state: 'unknown', message } : undefined))
  }
  const checks: Array<RestoredRolloutCheck | undefined> = []
  for (const [i, p] of progress.entries()) checks.push(wanted[i] ? await checkRestoredRollout(kube, p) : undefined)
  return checks
}

/**
 * kubectl `rollout status` of the workload, evaluated once (no wait), plus its current revision.
 * Read-only: one GET of the workload and one LIST of its history (for the revision number).
 */
export async function checkRestoredRollout(
  kube: ReadOnlyKube,
  progress: RollbackProgress
): Promise<RestoredRolloutCheck> {
  const { target } = progress
  const viewer = statusViewerFor(target.kind)
  if (!viewer) return { state: 'unknown', message: `deploy-guard cannot read the rollout status of a ${target.kind}` }
  try {
    const object = await kube.get(viewer.resource, target.namespace, target.name)
    if (!object) return { state: 'unknown', message: `${target.kind} ${target.namespace}/${target.name} was not found` }
    const status = viewer.rolloutStatus(object)
    const state = status.error ? 'failed' : status.done ? 'complete' : 'in-progress'
    let revision: string | undefined
    try {
      const owned = await kube.list<KubeObject>(historyViewer(viewer.kind).resource, target.namespace, {
        labelSelector: selectorToString(selectorOf(object))
      })
      revision = viewer.currentRevision({ object, owned })?.revision || undefined
    } catch {
      // The revision number is a detail; the rollout status above is the answer.
    }
    return { state, message: status.message, revision }
  } catch (error) {
    return { state: 'unknown', message: `could not read it: ${error instanceof Error ? error.message : String(error)}` }
  }
}

/** The post step as the runner runs it: secrets registered first, every surface through the safe sink. */
export async function runPost(): Promise<void> {
  const redactor = new Redactor((secret) => core.setSecret(secret))
  // The runner gives the post step the same inputs as the main step: mask their secrets before any line.
  const inputs = Object.fromEntries(actionInputNames.map((name) => [name, core.getInput(name)])) as ActionInputs
  for (const secret of collectSecrets(inputs)) redactor.add(secret)
  const log = createRunnerLog(redactor)
  const sink = safeSink(actionsSink(log), redactor)
  const source = { kubeconfig: inputs.kubeconfig || undefined, context: inputs.context || undefined }
  let client: { close(): Promise<void> } | undefined
  try {
    await postStep({
      journal: redactor.value(readJournal()),
      sink,
      kube: async () => {
        const { createKubeApi } = await import('../kube/client.js')
        // A short budget: the runner gives a cancelled job's post steps only a few minutes in all.
        const opened = await createKubeApi(source, {
          retries: 1,
          requestTimeoutMs: 10_000,
          signal: AbortSignal.timeout(20_000),
          onSecret: (value) => redactor.add(value)
        })
        client = opened
        return opened
      }
    })
  } catch (error) {
    // A post step that cannot report must not fail the job on top of what already happened.
    log.warning(`deploy-guard post step: ${error instanceof Error ? error.message : String(error)}`)
  } finally {
    await client?.close().catch(() => undefined)
  }
}
