/**
 * What a blue-green run (`canary.strategy: blueGreen`) did, phase by phase, for the reports (summary
 * section, JSON record). Plain data.
 */
import type { Verdict } from './result.js'

export type BlueGreenPhaseName =
  'scale-up' | 'health' | 'preview' | 'pre-promotion' | 'switch' | 'post-promotion' | 'switch-back' | 'scale-down'

/** How a phase came out: an evaluation's verdict, `done` for a write, `skipped` when it did not apply. */
export type BlueGreenPhaseOutcome = Verdict | 'done' | 'skipped'

export interface BlueGreenPhaseReport {
  phase: BlueGreenPhaseName
  outcome: BlueGreenPhaseOutcome
  /** One line: what was done or judged, and why it came out so. */
  detail: string
  startedAt: string
  finishedAt: string
}

/** A Service's selector before the run and after it (absent after: it could not be read). */
export interface BlueGreenServiceReport {
  role: 'active' | 'preview'
  name: string
  before: Record<string, string>
  after?: Record<string, string>
}

export interface BlueGreenReport {
  namespace: string
  /** Deployment names: blue is the stable (targets[0]), green the new version. */
  blue: string
  green: string
  /** The selector labels that pick each colour's pods (blue's = the active Service's selector). */
  labels: { blue: Record<string, string>; green: Record<string, string> }
  services: BlueGreenServiceReport[]
  phases: BlueGreenPhaseReport[]
  /** Whether live traffic (the active Service) ended the run on green. */
  liveOn: 'blue' | 'green'
  /** What the run wrote to the cluster, one line each. */
  writes: string[]
  /** A dry run: what a real run would do, one line per phase (nothing was written). */
  plan?: string[]
}
