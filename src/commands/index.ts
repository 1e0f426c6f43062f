/** Command dispatch: one file per command, chosen by name. */
import type { LoadedConfig } from '../config/load.js'
import type { RunResult } from '../model/result.js'
import { actionContext, type CommandContext, type KubeSource } from './context.js'
import { runVerify } from './verify.js'
import { runAnalyze } from './analyze.js'

export async function runCommand(
  loaded: LoadedConfig,
  source: KubeSource,
  ctx?: CommandContext,
  signal?: AbortSignal
): Promise<RunResult> {
  const context = ctx ?? actionContext(source, signal)
  try {
    switch (loaded.command) {
      case 'verify':
        return await runVerify(loaded.config, context)
      case 'analyze':
        return await runAnalyze(loaded.config, context)
      default:
        // The config loader already rejects commands that are not implemented; this is a safety net.
        throw new Error(`command "${loaded.command}" is not implemented yet; use verify or analyze`)
    }
  } finally {
    await context.close()
  }
}
