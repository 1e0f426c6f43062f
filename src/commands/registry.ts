/**
 * Every command in one place: its name, what it needs from the config, and its flow. The `command`
 * input, config validation (src/config/load.ts) and dispatch (./index.ts) all read this table, so a
 * new command is one entry here and one file beside it.
 *
 * Flows are imported on use: each command's modules are start-up cost every other command would pay.
 */
import type { DeployGuardConfig } from '../config/types.js'
import type { CommandName, RunResult } from '../model/result.js'
import type { CommandContext } from './context.js'

export type CommandFlow = (config: DeployGuardConfig, ctx: CommandContext) => Promise<RunResult>

export interface CommandSpec {
  /** One line: what it does (docs, errors). */
  description: string
  /** False for names reserved for a later release: accepted by the input, reported as not implemented. */
  implemented: boolean
  /** What the command needs beyond a valid config, checked with every other config problem. */
  requires: {
    /** At least one target (input or file). */
    targets?: boolean
    /** `analysis.checks` and a Prometheus URL. */
    analysis?: boolean
    /** The `reason` input (a manual rollback says why). */
    reason?: boolean
    /** `canary.steps` (strategy canary) or `canary.blueGreen.activeService` (strategy blueGreen). */
    canary?: boolean
  }
  load(): Promise<CommandFlow>
}

export const COMMAND_SPECS: Record<CommandName, CommandSpec> = {
  verify: {
    description: 'is the rollout healthy? (rollout, pods, restarts, endpoints, events, smoke, GitOps, optional PromQL)',
    implemented: true,
    requires: { targets: true },
    load: async () => (await import('./verify.js')).runVerify
  },
  analyze: {
    description: 'run the PromQL checks once (interval × count) as a gate',
    implemented: true,
    requires: { analysis: true },
    load: async () => (await import('./analyze.js')).runAnalyze
  },
  snapshot: {
    description: 'record the running version of each target before the deploy (the last good version)',
    implemented: true,
    requires: { targets: true },
    load: async () => (await import('./snapshot.js')).runSnapshot
  },
  rollback: {
    description: 'undo to the recorded, previous or a chosen revision (the manual rollback workflow)',
    implemented: true,
    requires: { targets: true, reason: true },
    load: async () => (await import('./rollback.js')).runRollback
  },
  canary: {
    description: 'progressive steps with analysis at each, then promote or abort',
    implemented: true,
    // The target is the stable Deployment (its namespace is the canary's); checks are required
    // because a canary is never promoted on silence.
    requires: { targets: true, analysis: true, canary: true },
    load: async () => (await import('./canary.js')).runCanary
  }
}

export const COMMAND_NAMES = Object.keys(COMMAND_SPECS) as CommandName[]
export const IMPLEMENTED_COMMANDS = COMMAND_NAMES.filter((name) => COMMAND_SPECS[name].implemented)
