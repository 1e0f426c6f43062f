/**
 * Runs the configured GitOps checks (Argo CD, Flux, Helm) side by side and returns their rows in that
 * order. A read failure becomes an inconclusive row for that tool; the other tools still report.
 */
import type { GitOpsConfig } from '../config/types.js'
import type { KubeApi } from '../kube/api.js'
import type { CheckResult } from '../model/result.js'
import { ARGO_ROW, checkArgoCd } from './argocd.js'
import { readErrorRow, type RowIdentity } from './errors.js'
import { FLUX_ROW_ID, checkFlux, fluxTitle } from './flux.js'
import { HELM_ROW_ID, checkHelm, helmTitle } from './helm.js'

const DEFAULT_ARGO_NAMESPACE = 'argocd'

async function guarded(
  row: RowIdentity,
  namespace: string,
  read: () => Promise<CheckResult[]>
): Promise<CheckResult[]> {
  try {
    return await read()
  } catch (error) {
    return [readErrorRow(row, error, namespace)]
  }
}

export async function checkGitOps(
  api: KubeApi,
  gitops: GitOpsConfig,
  defaultNamespace: string
): Promise<CheckResult[]> {
  const pending: Array<Promise<CheckResult[]>> = []

  if (gitops.argocd) {
    const target = { ...gitops.argocd, namespace: gitops.argocd.namespace || DEFAULT_ARGO_NAMESPACE }
    const row = { ...ARGO_ROW, expected: 'Synced and Healthy' }
    pending.push(guarded(row, target.namespace, () => checkArgoCd(api, target)))
  }
  if (gitops.flux) {
    const target = { ...gitops.flux, namespace: gitops.flux.namespace || defaultNamespace }
    const row = { id: FLUX_ROW_ID, title: fluxTitle(target.kind, target.name), expected: 'Ready' }
    pending.push(guarded(row, target.namespace, async () => [await checkFlux(api, target)]))
  }
  if (gitops.helm) {
    const target = { release: gitops.helm.release, namespace: gitops.helm.namespace || defaultNamespace }
    const row = { id: HELM_ROW_ID, title: helmTitle(target.release), expected: 'deployed' }
    pending.push(guarded(row, target.namespace, async () => [await checkHelm(api, target)]))
  }
  return (await Promise.all(pending)).flat()
}

export { evaluateArgoApplication, revisionsMatch, type ArgoApplication } from './argocd.js'
export { evaluateFluxObject, type FluxObject } from './flux.js'
export { evaluateHelmRelease, latestReleaseSecret } from './helm.js'
export { decodeHelmRelease, type HelmReleaseRecord } from './helm-decode.js'
