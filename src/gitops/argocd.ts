/**
 * Argo CD Application state: is the app Synced, Healthy and at the expected revision?
 * `evaluateArgoApplication` is pure; `checkArgoCd` only reads the object through KubeApi.
 */
import type { KubeApi, KubeObject } from '../kube/api.js'
import type { CheckDetail, CheckResult, CheckStatus } from '../model/result.js'
import { ARGO_APPLICATIONS } from './resources.js'
import { clip, joinPresent, shortRevision } from './text.js'

/** The parts of argoproj.io/v1alpha1 Application we read (argo-cd pkg/apis/application/v1alpha1/types.go). */
export interface ArgoApplication extends KubeObject {
  status?: {
    sync?: { status?: string; revision?: string; revisions?: string[] }
    health?: { status?: string; message?: string }
    conditions?: Array<{ type?: string; message?: string }>
    operationState?: {
      phase?: string
      message?: string
      startedAt?: string
      finishedAt?: string
      operation?: { sync?: { revision?: string; revisions?: string[] } }
      syncResult?: { revision?: string; revisions?: string[] }
    }
  }
}

export interface ArgoCdTarget {
  application: string
  namespace: string
  revision?: string
}

/** Ids and titles of the Argo CD rows; `argocd` alone is the row for "could not read the Application". */
export const ARGO_ROW = { id: 'argocd', title: 'Argo CD application' } as const

const MIN_SHA_PREFIX = 7

/** Revisions of the app: `revisions[]` for multi-source apps, else `revision`. */
function syncedRevisions(app: ArgoApplication): string[] {
  const sync = app.status?.sync
  if (sync?.revisions && sync.revisions.length > 0) return sync.revisions
  return sync?.revision ? [sync.revision] : []
}

/**
 * Same revision when equal, or when both are ≥ 7 characters and one is a prefix of the other (a short SHA
 * from CI against Argo's full one, either way round). Case-insensitive because SHAs are hex.
 */
export function revisionsMatch(expected: string, actual: string): boolean {
  const a = expected.trim().toLowerCase()
  const b = actual.trim().toLowerCase()
  if (a === '' || b === '') return false
  if (a === b) return true
  return a.length >= MIN_SHA_PREFIX && b.length >= MIN_SHA_PREFIX && (a.startsWith(b) || b.startsWith(a))
}

function operationDetails(app: ArgoApplication): CheckDetail[] {
  const details: CheckDetail[] = []
  const op = app.status?.operationState
  if (op && (op.phase === 'Failed' || op.phase === 'Error')) {
    const revision = op.syncResult?.revision ?? op.operation?.sync?.revision
    const facts = [
      { label: 'phase', value: op.phase },
      { label: 'message', value: clip(op.message ?? '') },
      { label: 'revision', value: revision ? shortRevision(revision) : '' },
      { label: 'finished', value: op.finishedAt ?? '' }
    ].filter((fact) => fact.value !== '')
    details.push({ title: `Last sync operation ${op.phase}`, facts })
  }
  // ComparisonError, SyncError, InvalidSpecError... explain an Unknown or OutOfSync status.
  for (const condition of app.status?.conditions ?? []) {
    if (condition.type && /Error|Warning/.test(condition.type)) {
      details.push({ title: condition.type, text: clip(condition.message ?? '', 1000) })
    }
  }
  return details
}

function failedOperationNote(app: ArgoApplication): string | undefined {
  const op = app.status?.operationState
  if (op && (op.phase === 'Failed' || op.phase === 'Error')) {
    return `the last sync operation ${op.phase === 'Error' ? 'errored' : 'failed'}${op.message ? `: ${clip(op.message, 200)}` : ''}`
  }
  return undefined
}

function syncRow(app: ArgoApplication): CheckResult {
  const name = app.metadata.name
  const status = app.status?.sync?.status
  const revisions = syncedRevisions(app).map(shortRevision)
  const actual = joinPresent(
    [status ?? 'no sync status', revisions.length ? `at ${revisions.join(', ')}` : undefined],
    ' '
  )
  const details = operationDetails(app)
  const note = failedOperationNote(app)
  const row: CheckResult = { id: 'argocd:sync', title: 'Argo CD sync', expected: 'Synced', actual, status: 'passed' }
  if (details.length) row.details = details

  if (status === 'Synced') return row
  if (status === 'OutOfSync') {
    const why = `Application "${name}" is OutOfSync: the cluster does not match Git${note ? `; ${note}` : ''}.`
    return { ...row, status: 'failed', reason: why }
  }
  const why =
    status === 'Unknown'
      ? `Argo CD could not compare "${name}" with Git (sync status Unknown)${note ? `; ${note}` : ''}; see the application's conditions.`
      : `Application "${name}" has no sync status yet; Argo CD may not have reconciled it.`
  return { ...row, status: 'inconclusive', reason: why }
}

const HEALTH_VERDICTS: Record<string, { status: CheckStatus; why: (name: string) => string }> = {
  Healthy: { status: 'passed', why: () => '' },
  Progressing: {
    status: 'inconclusive',
    why: (n) => `Application "${n}" is still Progressing: its resources are not ready yet.`
  },
  Missing: {
    status: 'inconclusive',
    why: (n) => `Resources of "${n}" are Missing from the cluster: not created yet, or pruned.`
  },
  Unknown: { status: 'inconclusive', why: (n) => `Argo CD cannot assess the health of "${n}" (Unknown).` },
  Degraded: { status: 'failed', why: (n) => `Application "${n}" is Degraded.` },
  Suspended: {
    status: 'failed',
    why: (n) =>
      `Application "${n}" is Suspended: a resource is paused (e.g. a suspended rollout or CronJob) and will not progress.`
  }
}

function healthRow(app: ArgoApplication): CheckResult {
  const name = app.metadata.name
  const health = app.status?.health
  const message = health?.message ? clip(health.message) : undefined
  const row: CheckResult = {
    id: 'argocd:health',
    title: 'Argo CD health',
    expected: 'Healthy',
    actual: joinPresent([health?.status ?? 'no health status', message], ': '),
    status: 'passed'
  }
  const verdict = health?.status ? HEALTH_VERDICTS[health.status] : undefined
  if (!verdict) {
    const why = health?.status
      ? `Argo CD reports an unrecognised health status "${health.status}" for "${name}".`
      : `Application "${name}" has no health status yet; Argo CD may not have assessed it.`
    return { ...row, status: 'inconclusive', reason: why }
  }
  if (verdict.status === 'passed') return row
  const reason = message ? `${verdict.why(name).replace(/\.$/, '')}: ${message}` : verdict.why(name)
  return { ...row, status: verdict.status, reason }
}

function revisionRow(app: ArgoApplication, expected: string): CheckResult {
  const name = app.metadata.name
  const actualRevisions = syncedRevisions(app)
  const row: CheckResult = {
    id: 'argocd:revision',
    title: 'Argo CD revision',
    expected: shortRevision(expected),
    actual: actualRevisions.length ? actualRevisions.map(shortRevision).join(', ') : 'no revision',
    status: 'passed'
  }
  if (actualRevisions.some((revision) => revisionsMatch(expected, revision))) return row
  if (actualRevisions.length === 0) {
    return { ...row, status: 'inconclusive', reason: `Application "${name}" reports no synced revision yet.` }
  }
  // A sync to the expected revision still running is "not yet", not drift.
  const op = app.status?.operationState
  const pending = [op?.operation?.sync?.revision, ...(op?.operation?.sync?.revisions ?? [])].filter(
    (revision): revision is string => typeof revision === 'string'
  )
  if (op?.phase === 'Running' && pending.some((revision) => revisionsMatch(expected, revision))) {
    return {
      ...row,
      status: 'inconclusive',
      reason: `A sync of "${name}" to ${shortRevision(expected)} is still running.`
    }
  }
  return {
    ...row,
    status: 'failed',
    reason: `Drift: "${name}" is at ${row.actual}, not the expected ${shortRevision(expected)}; Argo CD may not have picked up the new commit (refresh) or it points at another branch.`
  }
}

/** Rows for one Application: sync, health, and revision when an expected revision is given. */
export function evaluateArgoApplication(app: ArgoApplication, expectedRevision?: string): CheckResult[] {
  const rows = [syncRow(app), healthRow(app)]
  if (expectedRevision) rows.push(revisionRow(app, expectedRevision))
  return rows
}

/** The row when the Application does not exist: almost always a wrong name or namespace. */
export function argoApplicationNotFound(target: ArgoCdTarget): CheckResult {
  return {
    ...ARGO_ROW,
    expected: `Application ${target.namespace}/${target.application} Synced and Healthy`,
    actual: 'not found',
    status: 'failed',
    reason: `No Argo CD Application "${target.application}" in namespace "${target.namespace}": check verify.gitops.argocd.application and .namespace (Argo CD keeps Applications in "argocd" unless apps-in-any-namespace is used), and that Argo CD is installed.`
  }
}

/** Reads the Application and evaluates it. Throws KubeApiError on API failures (see index.ts). */
export async function checkArgoCd(api: KubeApi, target: ArgoCdTarget): Promise<CheckResult[]> {
  const app = await api.get<ArgoApplication>(ARGO_APPLICATIONS, target.namespace, target.application)
  if (!app) return [argoApplicationNotFound(target)]
  return evaluateArgoApplication(app, target.revision)
}
