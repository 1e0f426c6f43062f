/**
 * Promotion: the stable Deployment gets the canary's pod template (src/act/promote.ts) and waits for
 * its rollout while the canary still serves its share. Healthy: the routing goes back to the stable
 * as saved (100 %), and the canary is retired. Unhealthy: the stable's pre-promotion template is put
 * back and waited for, the routing restored, the canary retired — reported as an aborted promotion.
 * A job cancelled during the wait keeps the promotion (both sides run the new version), retires the
 * canary, and reports the rollout as unconfirmed.
 */
import { promoteCanaryTemplate, restoreStableTemplate } from '../act/promote.js'
import { replicaTotal } from '../act/traffic/replicas.js'
import type { PodTemplate } from '../evaluate/k8s-types.js'
import type { Verdict } from '../model/result.js'
import { abortCanary, cleanupApi, restoreRouting, retireCanary } from './canary-abort.js'
import { errorText, stableVerdict, type CanaryRun } from './canary-run.js'

export interface PromotionOutcome {
  verdict: Verdict
  action: 'promoted' | 'aborted'
  reasons: string[]
}

/** All traffic back on the (promoted) stable as the routing was found, then the canary retired. */
async function handBack(run: CanaryRun): Promise<string[]> {
  const api = cleanupApi(run.api)
  const problems: string[] = []
  if (run.state.kind !== 'replicas')
    await restoreRouting(run, api, problems, `routing restored: all traffic on ${run.names.stable}`)
  await retireCanary(run, api, problems)
  return problems
}

/** The promoted stable is unhealthy: its previous template back, then the routing and the canary as an abort leaves them. */
async function putBack(run: CanaryRun, previous: PodTemplate, found: { verdict: Verdict; reasons: string[] }) {
  const { names, ctx } = run
  ctx.log(`the promoted ${names.stable} is ${found.verdict}: putting its previous template back`)
  const reasons = [
    `the promoted ${names.stable} is not healthy (${found.verdict}); its previous template was put back`,
    ...found.reasons
  ]
  try {
    await restoreStableTemplate(cleanupApi(run.api), names.namespace, names.stable, previous)
    run.report.writes.push(`stable ${names.stable} given its pre-promotion template back`)
    const back = await stableVerdict(run)
    if (back.verdict !== 'passed') reasons.push(`the restored ${names.stable} is ${back.verdict} too: check it by hand`)
  } catch (error) {
    reasons.push(`could not put the previous template back: ${errorText(error)}`)
  }
  // The replicas router's stable already holds every pod: only the canary is left to retire.
  const problems: string[] = []
  if (run.state.kind === 'replicas') await retireCanary(run, cleanupApi(run.api), problems)
  else problems.push(...(await abortCanary(run)))
  return { verdict: 'failed' as const, action: 'aborted' as const, reasons: [...reasons, ...problems] }
}

export async function promote(run: CanaryRun): Promise<PromotionOutcome> {
  const { names, state, ctx } = run
  // The replicas router's total goes to the stable; a weighted router's stable keeps its own count.
  const replicas = state.kind === 'replicas' ? replicaTotal(state) : run.capacity.pods
  let previous: PodTemplate
  try {
    previous = (await promoteCanaryTemplate(run.api, names.namespace, names.stable, names.canary, replicas))
      .previousTemplate
  } catch (error) {
    // Not promoted: leave nothing half-done, as an abort would.
    const problems = await abortCanary(run)
    return { verdict: 'failed', action: 'aborted', reasons: [`promotion failed: ${errorText(error)}`, ...problems] }
  }
  run.report.writes.push(`stable ${names.stable} given the canary's pod template, ${replicas} replica(s)`)
  ctx.log(`promoted: waiting for ${names.stable} to roll out`)
  const found = await stableVerdict(run)
  if (ctx.signal.aborted) {
    const problems = await handBack(run)
    return {
      verdict: 'inconclusive',
      action: 'promoted',
      reasons: [
        `the job was cancelled while the promoted ${names.stable} rolled out: check it with kubectl rollout status deployment/${names.stable} -n ${names.namespace}`,
        ...problems
      ]
    }
  }
  if (found.verdict !== 'passed') return putBack(run, previous, found)
  const problems = await handBack(run)
  return { verdict: problems.length ? 'inconclusive' : 'passed', action: 'promoted', reasons: problems }
}
