/**
 * `canary` with `strategy: blueGreen` (issue 10): green is scaled up beside blue and verified
 * healthy, pointed at by the preview Service and judged (pre-promotion analysis), then the active
 * Service's selector is switched from blue's labels to green's and green judged again (post-promotion
 * analysis). A failed or inconclusive gate puts everything back: the Services exactly as found, green
 * at zero. After a good switch blue is kept up for `scaleDownDelay`, then scaled to zero. The pure
 * decisions are in canary/blue-green-machine.ts; only src/act/ writes to the cluster.
 */
import { scaleDeployment } from '../act/promote.js'
import { routerFor } from '../act/traffic/index.js'
import {
  blueScaleDown,
  finalOutcome,
  labelText,
  planLines,
  type BlueGreenOutcome,
  type BlueGreenStop
} from '../canary/blue-green-machine.js'
import { formatDuration } from '../config/duration.js'
import type { DeployGuardConfig } from '../config/types.js'
import { serviceSelects } from '../evaluate/selector.js'
import type { KubeApi } from '../kube/api.js'
import { RESOURCES } from '../kube/resources.js'
import type { BlueGreenPhaseName, BlueGreenPhaseOutcome } from '../model/blue-green.js'
import type { AnalysisResult, RunResult, TargetResult } from '../model/result.js'
import { sleep } from '../util/sleep.js'
import { backToBlue, cleanupApi, recordSelectorsAfter } from './blue-green-cleanup.js'
import { greenFromImages } from './blue-green-green.js'
import { greenHealth, runGate } from './blue-green-gate.js'
import { prepareBlueGreen, selectorOf, type BlueGreenSetup } from './blue-green-setup.js'
import { errorText } from './canary-run.js'
import type { CommandContext } from './context.js'

interface Run {
  config: DeployGuardConfig
  ctx: CommandContext
  api: KubeApi
  setup: BlueGreenSetup
  targets: TargetResult[]
  analysis?: AnalysisResult
  /** The active Service was switched to green (a failed switch leaves nothing of ours on it to undo). */
  switched: boolean
  /** The phase running now, for an unexpected error's message. */
  current: BlueGreenPhaseName
}

function phase(run: Run, name: BlueGreenPhaseName, outcome: BlueGreenPhaseOutcome, detail: string, since: Date): void {
  run.setup.report.phases.push({
    phase: name,
    outcome,
    detail,
    startedAt: since.toISOString(),
    finishedAt: run.ctx.now().toISOString()
  })
  run.ctx.log(`${name}: ${outcome} — ${detail}`)
}

const CANCELLED = 'the run was cancelled'

/** Everything up to the switch and after it; returns where the run stopped (the caller cleans up). */
async function drive(run: Run): Promise<BlueGreenStop> {
  const { ctx, api, config, setup } = run
  const { report, spec, section, state } = setup
  const router = routerFor('serviceSelector')
  const begin = (name: BlueGreenPhaseName): Date => {
    run.current = name
    return ctx.now()
  }

  let since = begin('scale-up')
  if (await scaleDeployment(api, spec.namespace, report.green, setup.replicas))
    report.writes.push(`green ${report.green} scaled to ${setup.replicas}`)
  phase(run, 'scale-up', 'done', `green ${report.green} at ${setup.replicas} replica(s), as blue`, since)

  since = begin('health')
  const health = await ctx.group(`Green ${report.green}: health`, () =>
    greenHealth(api, config, ctx, { kind: 'Deployment', name: report.green, namespace: spec.namespace })
  )
  run.targets = [health.target]
  const unhealthy = health.reasons[0] ?? 'green is not healthy'
  phase(run, 'health', health.verdict, health.verdict === 'passed' ? 'green is ready' : unhealthy, since)
  if (health.verdict !== 'passed')
    return { stage: 'before-switch', verdict: health.verdict, reason: `green is not healthy: ${unhealthy}` }
  if (ctx.signal.aborted) return { stage: 'before-switch', verdict: 'inconclusive', reason: CANCELLED }

  since = begin('preview')
  if (spec.previewService) {
    await router.setWeight(api, state, 0)
    report.writes.push(`Service ${spec.previewService} pointed at green (${labelText(spec.green)})`)
    phase(run, 'preview', 'done', `Service ${spec.previewService} selects green`, since)
  } else phase(run, 'preview', 'skipped', 'no previewService: green is judged on what reaches it directly', since)

  since = begin('pre-promotion')
  const pre = await ctx.group('Pre-promotion analysis', () =>
    runGate('pre-promotion', section.prePromotion?.pause, config, ctx, setup.versions)
  )
  run.analysis = pre.analysis ?? run.analysis
  phase(run, 'pre-promotion', pre.decision.go ? 'passed' : pre.decision.verdict, pre.decision.reason, since)
  if (!pre.decision.go) return { stage: 'before-switch', verdict: pre.decision.verdict, reason: pre.decision.reason }
  if (ctx.signal.aborted) return { stage: 'before-switch', verdict: 'inconclusive', reason: CANCELLED }

  since = begin('switch')
  try {
    await router.setWeight(api, state, 100)
  } catch (error) {
    phase(run, 'switch', 'inconclusive', errorText(error), since)
    return {
      stage: 'before-switch',
      verdict: 'inconclusive',
      reason: `the switch to green failed: ${errorText(error)}`
    }
  }
  run.switched = true
  report.liveOn = 'green'
  report.writes.push(`Service ${spec.activeService} switched from ${labelText(spec.blue)} to ${labelText(spec.green)}`)
  phase(run, 'switch', 'done', `Service ${spec.activeService} selects green`, since)

  since = begin('post-promotion')
  const post = await ctx.group('Post-promotion analysis', () =>
    runGate('post-promotion', section.postPromotion?.pause, config, ctx, setup.versions)
  )
  run.analysis = post.analysis ?? run.analysis
  phase(run, 'post-promotion', post.decision.go ? 'passed' : post.decision.verdict, post.decision.reason, since)
  if (!post.decision.go)
    return { stage: 'after-switch', verdict: post.decision.verdict, reason: post.decision.reason, switchedBack: false }
  return scaleBlueDown(run)
}

/** After a good switch: blue kept up for the delay, then scaled to zero if live traffic is still on green. */
async function scaleBlueDown(run: Run): Promise<BlueGreenStop> {
  const { ctx, api, setup } = run
  const { report, spec } = setup
  const since = ctx.now()
  run.current = 'scale-down'
  const plan = blueScaleDown(setup.section.scaleDownDelay)
  if (plan.action === 'leave') {
    phase(run, 'scale-down', 'skipped', `scaleDownDelay is 0: blue ${report.blue} left running`, since)
    return { stage: 'done', problems: [] }
  }
  ctx.log(`keeping blue ${report.blue} up for ${formatDuration(plan.afterMs)} before scaling it to 0`)
  await sleep(plan.afterMs, ctx.signal)
  const leftUp = (why: string): BlueGreenStop => {
    phase(run, 'scale-down', 'skipped', why, since)
    return { stage: 'done', problems: [why] }
  }
  if (ctx.signal.aborted)
    return leftUp(`cancelled before blue ${report.blue} was scaled down: it is still running; scale it to 0 by hand`)
  try {
    const active = selectorOf(await api.get(RESOURCES.Service, spec.namespace, spec.activeService))
    if (!serviceSelects(active, setup.greenPodLabels))
      return leftUp(
        `Service ${spec.activeService} no longer selects green (${labelText(active)}: changed by someone else): blue ${report.blue} left running`
      )
    if (await scaleDeployment(api, spec.namespace, report.blue, 0))
      report.writes.push(`blue ${report.blue} scaled to 0`)
  } catch (error) {
    return leftUp(`could not scale blue ${report.blue} to 0: ${errorText(error)}`)
  }
  phase(run, 'scale-down', 'done', `blue ${report.blue} scaled to 0`, since)
  return { stage: 'done', problems: [] }
}

/** Puts blue back after a stop before or after the switch; fills in whether the switch back happened. */
async function cleanUp(run: Run, stop: BlueGreenStop): Promise<{ stop: BlueGreenStop; problems: string[] }> {
  if (stop.stage === 'done') return { stop, problems: [] }
  const since = run.ctx.now()
  run.ctx.log(`putting blue back: ${stop.reason}`)
  const putBack = backToBlue(cleanupApi(run.api), run.setup)
  run.ctx.holdExit?.(putBack)
  const back = await putBack
  if (run.switched)
    phase(
      run,
      'switch-back',
      back.activeRestored ? 'done' : 'failed',
      back.activeRestored
        ? `Service ${run.setup.spec.activeService} back on blue`
        : (back.problems[0] ?? 'not switched back'),
      since
    )
  if (stop.stage === 'after-switch')
    return { stop: { ...stop, switchedBack: back.activeRestored }, problems: back.problems }
  return { stop, problems: back.problems }
}

/** What a real run would do, one line per phase (a dry run prints it). */
function planOf(setup: BlueGreenSetup, config: DeployGuardConfig): string[] {
  const { report, spec, section } = setup
  return planLines({
    blue: report.blue,
    green: report.green,
    replicas: setup.replicas,
    activeService: spec.activeService,
    ...(spec.previewService ? { previewService: spec.previewService } : {}),
    labels: report.labels,
    ...(section.prePromotion?.pause ? { prePause: section.prePromotion.pause } : {}),
    ...(section.postPromotion?.pause ? { postPause: section.postPromotion.pause } : {}),
    scaleDownDelay: section.scaleDownDelay,
    judge: config.canary?.judge !== undefined
  })
}

export async function runBlueGreen(config: DeployGuardConfig, ctx: CommandContext): Promise<RunResult> {
  const startedAt = ctx.now()
  const finish = (outcome: BlueGreenOutcome, extra: Partial<RunResult> = {}): RunResult => ({
    command: 'canary',
    startedAt: startedAt.toISOString(),
    dryRun: config.dryRun,
    targets: [],
    checks: [],
    ...extra,
    finishedAt: ctx.now().toISOString(),
    ...outcome
  })
  const api = await ctx.kube()
  const green = await greenFromImages(api, config, ctx)
  if (green.kind === 'refused')
    return finish({ verdict: 'inconclusive', action: 'none', reasons: [`blue-green not started: ${green.reason}`] })
  if (green.kind === 'planned' && green.missing) {
    ctx.log(`dry run: would make ${green.line}`)
    const reason = `dry run: would make ${green.line}; nothing else can be planned before green exists`
    return finish({ verdict: 'inconclusive', action: 'none', reasons: [reason] })
  }
  const setup = await prepareBlueGreen(api, config)
  if (typeof setup === 'string')
    return finish({ verdict: 'inconclusive', action: 'none', reasons: [`blue-green not started: ${setup}`] })
  const { report, spec } = setup
  if (green.kind === 'written') report.writes.push(green.line)
  if (green.kind === 'planned') report.plan = [green.line]
  ctx.log(
    `blue-green in ${spec.namespace}: blue ${report.blue} (${labelText(spec.blue)}) → green ${report.green} ` +
      `(${labelText(spec.green)}, version ${setup.versions.green ?? 'unknown'}) through Service ${spec.activeService}`
  )
  if (config.dryRun) {
    report.plan = [...(report.plan ?? []), ...planOf(setup, config)]
    for (const line of report.plan) ctx.log(`dry run: would ${line}`)
    await recordSelectorsAfter(api, setup)
    const reason = 'dry run: nothing was changed or judged; the summary lists what a real run would do'
    return finish({ verdict: 'inconclusive', action: 'none', reasons: [reason] }, { blueGreen: report })
  }
  const run: Run = { config, ctx, api, setup, targets: [], switched: false, current: 'scale-up' }
  let stop: BlueGreenStop
  try {
    stop = await drive(run)
  } catch (error) {
    const reason = `${run.current}: ${errorText(error)}`
    stop = run.switched
      ? { stage: 'after-switch', verdict: 'inconclusive', reason, switchedBack: false }
      : { stage: 'before-switch', verdict: 'inconclusive', reason }
  }
  const cleaned = await cleanUp(run, stop)
  await recordSelectorsAfter(cleanupApi(api), setup)
  const outcome = finalOutcome(cleaned.stop, ctx.signal.aborted, cleaned.problems)
  // Green's checklist is shown when it explains the stop or green is live; otherwise the headline would
  // read a metric failure as "undo green's rollout", while green is already at zero and blue live.
  const healthStopped = report.phases.some((p) => p.phase === 'health' && p.outcome !== 'passed')
  return finish(outcome, {
    blueGreen: report,
    targets: healthStopped || report.liveOn === 'green' ? run.targets : [],
    ...(run.analysis ? { analysis: run.analysis } : {})
  })
}
