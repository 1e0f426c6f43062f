/**
 * What every part of a canary run shares (the run's config, context, client, names, router state and
 * report), and the two reads they all use: the canary's health and a Deployment's version.
 */
import type { RouterState } from '../act/traffic/index.js'
import type { Capacity, CanaryNames } from '../canary/traffic-plan.js'
import type { DeployGuardConfig } from '../config/types.js'
import { decideVerdict } from '../decide/verdict.js'
import type { KubeApi } from '../kube/api.js'
import { readTemplateImages } from '../kube/template-images.js'
import type { CanaryReport } from '../model/canary.js'
import type { TargetRef, TargetResult, Verdict } from '../model/result.js'
import { verifyWorkload } from '../verify/workload.js'
import type { CommandContext } from './context.js'
import { imageTag } from './version.js'

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error))

export interface CanaryRun {
  config: DeployGuardConfig
  ctx: CommandContext
  /** The run's client: its requests stop when the job is cancelled (clean-up uses a detached view). */
  api: KubeApi
  names: CanaryNames
  state: RouterState
  capacity: Capacity
  /** deploy-guard created the canary Deployment (this run or the paused run it resumes). */
  created: boolean
  version: string | undefined
  /** The stable's version (its image tag): the judge's baseline track unless configured. */
  stableVersion: string | undefined
  report: CanaryReport
  /** An earlier step's analysis ran and passed (promotion needs one). */
  analysedBefore: boolean
}

/** Verifies the canary workload at the current weight (its own pods only: no expectations, smoke or GitOps). */
export function canaryHealth(run: CanaryRun): Promise<TargetResult> {
  return workloadHealth(run, run.names.canary)
}

/** Verifies the stable workload (after a promotion or an abort), with the same workload-only checks. */
export function stableHealth(run: CanaryRun): Promise<TargetResult> {
  return workloadHealth(run, run.names.stable)
}

/** The stable's health as one verdict with its reasons (after a promotion or an abort). */
export async function stableVerdict(run: CanaryRun): Promise<{ verdict: Verdict; reasons: string[] }> {
  return decideVerdict({ targets: [await stableHealth(run)], checks: [] })
}

function workloadHealth(run: CanaryRun, name: string): Promise<TargetResult> {
  const ref: TargetRef = { kind: 'Deployment', name, namespace: run.names.namespace }
  return verifyWorkload(
    run.api,
    ref,
    { ...run.config.verify, expect: {}, smoke: [], gitops: {} },
    {
      startedAt: run.ctx.now(),
      log: run.ctx.log,
      signal: run.ctx.signal
    }
  )
}

/** The version a Deployment runs: its first container's image tag (for {{version}} and the judge's tracks). */
export async function imageVersion(
  api: KubeApi,
  namespace: string,
  name: string,
  ctx: CommandContext
): Promise<string | undefined> {
  try {
    const images = await readTemplateImages(api, { kind: 'Deployment', name, namespace })
    const image = Object.values(images)[0]
    return image ? imageTag(image) : undefined
  } catch (error) {
    ctx.warn(`could not read the version of Deployment/${name}: ${errorText(error)}`)
    return undefined
  }
}
