/**
 * Helm 3 release status from its storage Secrets (owner=helm, name=<release>, highest `version` label).
 * `evaluateHelmRelease` is pure; `checkHelm` lists the Secrets through KubeApi and decodes the latest.
 */
import type { KubeApi, KubeObject } from '../kube/api.js'
import type { CheckResult } from '../model/result.js'
import { decodeHelmRelease, type HelmReleaseRecord } from './helm-decode.js'
import { SECRETS } from './resources.js'
import { clip, joinPresent } from './text.js'

export interface HelmReleaseSecret extends KubeObject {
  type?: string
  data?: Record<string, string>
}

export interface HelmTarget {
  release: string
  namespace: string
}

export const HELM_ROW_ID = 'helm'

export function helmTitle(release: string): string {
  return `Helm release ${release}`
}

/** Revision of a release Secret: its `version` label, else the `.v<N>` suffix of `sh.helm.release.v1.<name>.v<N>`. */
function secretVersion(secret: HelmReleaseSecret): number {
  const label = secret.metadata.labels?.version
  if (label !== undefined) return Number(label)
  const suffix = /\.v(\d+)$/.exec(secret.metadata.name)
  return suffix ? Number(suffix[1]) : Number.NaN
}

/** The Secret of the newest revision (max `version`), as `helm status` picks it. */
export function latestReleaseSecret(secrets: HelmReleaseSecret[]): HelmReleaseSecret | undefined {
  let latest: { secret: HelmReleaseSecret; version: number } | undefined
  for (const secret of secrets) {
    const version = secretVersion(secret)
    if (Number.isInteger(version) && (!latest || version > latest.version)) latest = { secret, version }
  }
  return latest?.secret
}

function describeRecord(record: HelmReleaseRecord): string {
  const meta = record.chart?.metadata
  const chart = meta?.name ? `chart ${meta.name}${meta.version ? `-${meta.version}` : ''}` : undefined
  const details = joinPresent([
    record.version !== undefined ? `revision ${record.version}` : undefined,
    chart,
    record.info?.description ? clip(record.info.description, 200) : undefined
  ])
  return joinPresent([record.info?.status ?? 'no status', details ? `(${details})` : undefined], ' ')
}

function failureReason(release: string, status: string | undefined, description: string | undefined): string {
  const why = description ? `: ${clip(description, 300)}` : ''
  if (status?.startsWith('pending-')) {
    return `Helm release "${release}" is ${status}: an operation is still running or was interrupted${why}.`
  }
  if (status === 'superseded')
    return `The latest revision of Helm release "${release}" is superseded, not deployed${why}.`
  return `Helm release "${release}" is ${status ?? 'without status'}${why}.`
}

/** One row: passed when the newest revision is `deployed`; `unknown` is inconclusive; anything else failed. */
export function evaluateHelmRelease(
  release: string,
  record: HelmReleaseRecord | undefined,
  namespace: string
): CheckResult {
  const row: CheckResult = {
    id: HELM_ROW_ID,
    title: helmTitle(release),
    expected: 'deployed',
    actual: '',
    status: 'passed'
  }
  if (!record) {
    return {
      ...row,
      actual: 'release not found',
      status: 'failed',
      reason: `No Helm release "${release}" in namespace "${namespace}" (no Secrets labelled owner=helm,name=${release}): check verify.gitops.helm.release and namespace.`
    }
  }
  const status = record.info?.status
  row.actual = describeRecord(record)
  if (status === 'deployed') return row
  if (status === 'unknown') {
    return { ...row, status: 'inconclusive', reason: `Helm reports the state of release "${release}" as unknown.` }
  }
  return { ...row, status: 'failed', reason: failureReason(release, status, record.info?.description) }
}

/** Lists the release Secrets, decodes the newest and evaluates it. Throws KubeApiError on API failures. */
export async function checkHelm(api: KubeApi, target: HelmTarget): Promise<CheckResult> {
  const secrets = await api.list<HelmReleaseSecret>(SECRETS, target.namespace, {
    labelSelector: `owner=helm,name=${target.release}`
  })
  const latest = latestReleaseSecret(secrets)
  if (!latest) return evaluateHelmRelease(target.release, undefined, target.namespace)
  const data = latest.data?.release
  try {
    if (!data) throw new Error('the Secret has no data.release')
    return evaluateHelmRelease(target.release, decodeHelmRelease(data), target.namespace)
  } catch (error) {
    return {
      id: HELM_ROW_ID,
      title: helmTitle(target.release),
      expected: 'deployed',
      actual: `unreadable release Secret ${latest.metadata.name}`,
      status: 'inconclusive',
      reason: `Could not decode Helm release Secret "${latest.metadata.name}": ${error instanceof Error ? error.message : String(error)}.`
    }
  }
}
