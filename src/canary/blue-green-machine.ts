/**
 * Blue-green decisions (issue 10, `canary.strategy: blueGreen`), pure. The I/O flow lives in
 * src/commands/blue-green.ts; this file says which labels pick each colour, whether a phase's
 * evaluations let the run go on, and what the run's verdict and action are where it stopped.
 *
 * The rules:
 * - Blue's labels are the active Service's selector; green's are the same keys read from green's pod
 *   template. Green must carry every key, and differ on at least one, or the switch would change nothing.
 * - A gate (before or after the switch) goes on only on passed evidence: any failed evaluation fails,
 *   any inconclusive one is inconclusive, and a phase whose analysis did not run is inconclusive —
 *   traffic is never switched (or left switched) on silence.
 * - The baseline judge runs before the switch only (afterwards blue serves nothing to compare with),
 *   and there is no later judgement, so only a `pass` score lets the switch happen.
 * - Before the switch nothing live changed: the run is `aborted`. After it, a failed gate switches
 *   back (`rolled-back`); if the switch-back itself fails, live traffic is still on green (`promoted`,
 *   never `passed`). A cancelled run never passes.
 */
import type { JudgeOutcome } from '../analysis/judge/types.js'
import type { ActionTaken, Verdict } from '../model/result.js'
import { judgeVerdict } from './step-machine.js'

export type Labels = Record<string, string>

/** `app=web,colour=blue`: how labels and selectors are written in messages (kubectl's form). */
export const labelText = (labels: Labels): string =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',')

/**
 * Which selector picks blue and which picks green, or why the Services cannot be switched between them.
 * @param activeSelector the active Service's selector as read (it selects blue at start)
 * @param greenPodLabels the labels of green's pod template
 */
export function colourLabels(
  activeSelector: Labels,
  greenPodLabels: Labels,
  names: { activeService: string; green: string }
): { blue: Labels; green: Labels } | { error: string } {
  const keys = Object.keys(activeSelector)
  if (keys.length === 0)
    return {
      error: `Service ${names.activeService} has no selector: blue-green switches a selector, so the active Service needs one that picks blue's pods`
    }
  const missing = keys.filter((key) => greenPodLabels[key] === undefined)
  if (missing.length > 0)
    return {
      error: `green's pods (Deployment ${names.green}) do not carry the label(s) ${missing.join(', ')} that Service ${names.activeService} selects on: add them to green's pod template with green's own values`
    }
  const green = Object.fromEntries(keys.map((key) => [key, greenPodLabels[key]!]))
  if (keys.every((key) => green[key] === activeSelector[key]))
    return {
      error: `green's pods (Deployment ${names.green}) carry the same ${labelText(activeSelector)} as blue, so Service ${names.activeService} cannot tell them apart: give green a different value on one of these labels (e.g. version or track)`
    }
  return { blue: { ...activeSelector }, green }
}

export type Gate = 'pre-promotion' | 'post-promotion'

/** How one gate's evaluations came out; `skipped` = not run. */
export interface GateEvaluation {
  health: Verdict | 'skipped'
  analysis: Verdict | 'skipped'
  judge: JudgeOutcome | 'skipped'
  /** Reasons of the evaluations that did not pass, most important first. */
  reasons: string[]
}

export type GateDecision =
  { go: true; reason: string } | { go: false; verdict: 'failed' | 'inconclusive'; reason: string }

const GATE_TEXT: Record<Gate, string> = {
  'pre-promotion': 'before the switch',
  'post-promotion': 'after the switch'
}

export function decideGate(gate: Gate, evaluation: GateEvaluation): GateDecision {
  const when = GATE_TEXT[gate]
  const judge = judgeVerdict(evaluation.judge, false)
  const outcomes = [evaluation.health, evaluation.analysis, judge]
  const first = evaluation.reasons[0]
  if (outcomes.includes('failed')) {
    const what =
      evaluation.health === 'failed'
        ? 'green is unhealthy'
        : evaluation.analysis === 'failed'
          ? 'the analysis failed'
          : `the baseline judge scored ${evaluation.judge}`
    return { go: false, verdict: 'failed', reason: `${when}: ${first ?? what}` }
  }
  if (outcomes.includes('inconclusive')) {
    const what =
      evaluation.health === 'inconclusive'
        ? "green's health is unknown"
        : evaluation.analysis === 'inconclusive'
          ? 'the analysis was inconclusive'
          : 'the baseline judge had too little data'
    return { go: false, verdict: 'inconclusive', reason: `${when}: ${first ?? what}` }
  }
  if (evaluation.analysis !== 'passed')
    return {
      go: false,
      verdict: 'inconclusive',
      reason: `${when}: no analysis ran, and blue-green never switches on silence (configure analysis.checks)`
    }
  return { go: true, reason: `${when}: green passed` }
}

/** Where the run stopped, and how it left the cluster. */
export type BlueGreenStop =
  /** Stopped before the active Service was switched: live traffic never left blue. */
  | { stage: 'before-switch'; verdict: 'failed' | 'inconclusive'; reason: string }
  /** A gate after the switch failed: switched back to blue, or not (`switchedBack: false`). */
  | { stage: 'after-switch'; verdict: 'failed' | 'inconclusive'; reason: string; switchedBack: boolean }
  /** Green kept the live traffic; `problems` = what went wrong afterwards (blue not scaled down …). */
  | { stage: 'done'; problems: string[] }

export interface BlueGreenOutcome {
  verdict: Verdict
  action: ActionTaken
  reasons: string[]
}

export function finalOutcome(
  stop: BlueGreenStop,
  cancelled: boolean,
  cleanupProblems: string[] = []
): BlueGreenOutcome {
  const outcome = ((): BlueGreenOutcome => {
    switch (stop.stage) {
      case 'before-switch':
        return { verdict: stop.verdict, action: 'aborted', reasons: [stop.reason, ...cleanupProblems] }
      case 'after-switch':
        return stop.switchedBack
          ? { verdict: stop.verdict, action: 'rolled-back', reasons: [stop.reason, ...cleanupProblems] }
          : {
              verdict: stop.verdict,
              action: 'promoted',
              reasons: [
                stop.reason,
                'live traffic is still on green: switch the active Service back by hand',
                ...cleanupProblems
              ]
            }
      case 'done': {
        const problems = [...stop.problems, ...cleanupProblems]
        return { verdict: problems.length ? 'inconclusive' : 'passed', action: 'promoted', reasons: problems }
      }
    }
  })()
  if (!cancelled) return outcome
  return {
    ...outcome,
    verdict: outcome.verdict === 'passed' ? 'inconclusive' : outcome.verdict,
    reasons: ['the run was cancelled before every phase had run', ...outcome.reasons]
  }
}

/** After a good switch: blue is scaled to zero after the delay; a delay of 0 leaves it running. */
export function blueScaleDown(delayMs: number): { action: 'leave' } | { action: 'scale-down'; afterMs: number } {
  return delayMs <= 0 ? { action: 'leave' } : { action: 'scale-down', afterMs: delayMs }
}

export interface PlanInput {
  blue: string
  green: string
  replicas: number
  activeService: string
  previewService?: string
  labels: { blue: Labels; green: Labels }
  /** ms; undefined = the configured analysis count */
  prePause?: number
  postPause?: number
  scaleDownDelay: number
  judge: boolean
}

/** What a real run would do, one line per phase (the dry run prints it). */
export function planLines(input: PlanInput): string[] {
  const over = (pause: number | undefined) => (pause ? ` over ${Math.round(pause / 1000)} s` : '')
  const scaleDown = blueScaleDown(input.scaleDownDelay)
  return [
    `scale green ${input.green} to ${input.replicas} replica(s) (blue ${input.blue}'s count) and wait until it is healthy`,
    ...(input.previewService
      ? [`point Service ${input.previewService} at green (${labelText(input.labels.green)})`]
      : []),
    `run the analysis${input.judge ? ' and the baseline judge' : ''} on green${over(input.prePause)}; switch only if it passes`,
    `switch Service ${input.activeService} from ${labelText(input.labels.blue)} to ${labelText(input.labels.green)}`,
    `run the analysis on green again${over(input.postPause)}; on failure switch ${input.activeService} back to blue and scale green to 0`,
    scaleDown.action === 'leave'
      ? `leave blue ${input.blue} running (scaleDownDelay 0)`
      : `after ${Math.round(scaleDown.afterMs / 1000)} s scale blue ${input.blue} to 0`
  ]
}

/**
 * Why a run cannot be judged at all (so it must not start: green would be brought up and torn down
 * for nothing), or undefined. Both gates need PromQL checks and a Prometheus to ask.
 */
export function unjudgeable(analysis: { checks: number; prometheus: boolean }): string | undefined {
  if (analysis.checks === 0)
    return 'blue-green needs analysis.checks: traffic is never switched without evidence that green is good'
  if (!analysis.prometheus) return 'blue-green needs a Prometheus to judge green: set the prometheus-url input'
  return undefined
}
