/**
 * The headline's words for a canary run (issue 10, records): where it stopped and why, in one line —
 * `aborted at step 1 of 4 (weight 5 %): error-rate 5.1× the baseline (p=0.001)` — and what the run
 * left behind (`routing restored, traffic back on api; canary api-canary at 0`). A promotion names its
 * steps: `promoted api-canary to api after 4 of 4 steps (5 % → 25 % → 50 % → 100 %)`. Pure; the
 * headline escapes what it shows.
 */
import type { CanaryReport, CanaryStepReport } from '../model/canary.js'
import type { RunResult } from '../model/result.js'

/** `5 %`: the step's weight, else the last one set before it; `1 pod` for a fast-track step. */
function shareOf(report: CanaryReport, step: CanaryStepReport): string {
  if (step.replicas !== undefined) return `${step.replicas} pod${step.replicas === 1 ? '' : 's'}`
  const upTo = report.steps.slice(0, report.steps.indexOf(step) + 1)
  const weight = [...upTo].reverse().find((s) => s.weight !== undefined)?.weight
  return weight === undefined ? 'unchanged' : `${weight} %`
}

/** `weight 5 %`, or `1 canary pod` for a fast-track step. */
const weightOf = (report: CanaryReport, step: CanaryStepReport): string =>
  step.replicas !== undefined ? shareOf(report, step).replace(/pod/, 'canary pod') : `weight ${shareOf(report, step)}`

/** `step 1 of 4: ` as the step machine words it, dropped where the headline says it already. */
const withoutStepLabel = (reason: string): string => reason.replace(/^step \d+ of \d+: /, '')

/** Why the step stopped the canary: the judge's finding when the judge decided, else the first cause. */
function whyStopped(step: CanaryStepReport, firstCause: string | undefined): string {
  const judgeDecided =
    step.judge !== undefined &&
    step.judge.outcome !== 'pass' &&
    step.health !== 'failed' &&
    step.analysis !== 'failed' &&
    step.analysis !== 'inconclusive'
  if (judgeDecided && step.judge) return step.judge.reason
  return withoutStepLabel(firstCause ?? step.reason)
}

const stepsPath = (report: CanaryReport): string => report.steps.map((step) => shareOf(report, step)).join(' → ')

/**
 * The cause line of a canary run, or undefined when the run did not get to a step (the generic
 * cause then says why) or is not a canary. `firstCause` is the headline's first cause, already one line.
 */
export function canaryCause(result: RunResult, firstCause: string | undefined): string | undefined {
  const report = result.canary
  if (!report || report.steps.length === 0) return undefined
  const last = report.steps[report.steps.length - 1] as CanaryStepReport
  const where = `step ${last.number} of ${report.plannedSteps} (${weightOf(report, last)})`
  // A sentence's full stop would end the headline's clause early (`…judge.; next: …`).
  if (result.action === 'aborted') return `aborted at ${where}: ${whyStopped(last, firstCause).replace(/\.$/, '')}`
  if (result.action === 'paused') return `paused for approval after ${where}: the step passed`
  if (result.action === 'promoted' && result.verdict === 'passed') {
    const judged = report.steps.filter((s) => s.judge)
    const judge =
      judged.length > 0
        ? `; baseline judge ${judged.map((s) => `${s.judge!.outcome}${s.judge!.score === null ? '' : ` ${Math.round(s.judge!.score)}`}`).join(', ')}`
        : ''
    return `promoted ${report.canary} to ${report.stable} after ${report.steps.length} of ${report.plannedSteps} steps (${stepsPath(report)})${judge}`
  }
  return undefined
}

/**
 * What an aborted canary left behind, from the writes the run recorded: the routing restored (or
 * not: then say so first) and the canary at zero. Undefined for other runs.
 */
export function canaryAbortNext(result: RunResult): string | undefined {
  const report = result.canary
  if (!report || result.action !== 'aborted') return undefined
  const restored = report.writes.some((w) => w.startsWith('routing restored'))
  const failedRestore = result.reasons.find((r) => r.startsWith('could not restore the routing'))
  const atZero = report.writes.some((w) => w.includes('scaled to 0'))
  const parts = [
    failedRestore
      ? `${failedRestore}: check the routing by hand`
      : restored || report.steps.length === 0
        ? `routing restored, traffic back on ${report.stable}`
        : `traffic back on ${report.stable}`,
    atZero || !result.reasons.some((r) => r.startsWith('could not scale the canary'))
      ? `canary ${report.canary} at 0`
      : `canary ${report.canary} not scaled to 0`
  ]
  return `${parts.join('; ')}; fix the new version, then run the canary again`
}

/**
 * What a blue-green run that did not pass left behind: which colour takes live traffic. Undoing the
 * green Deployment would be wrong advice (green is not serving, or the switch back is the undo).
 */
export function blueGreenNext(result: RunResult): string | undefined {
  const report = result.blueGreen
  if (!report || result.verdict === 'passed') return undefined
  const active = report.services.find((s) => s.role === 'active')?.name ?? 'the active Service'
  if (report.liveOn === 'green')
    return `live traffic is still on green ${report.green} (${active} selects it): check it, or switch ${active} back to blue ${report.blue} by hand`
  return `live traffic on blue ${report.blue} (${active} selects its pods); fix green ${report.green}, then run the blue-green again`
}
