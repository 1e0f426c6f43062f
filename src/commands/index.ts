/** Command dispatch: the registry names the flow; this opens the context around it and closes it after. */
import type { LoadedConfig } from '../config/load.js'
import type { RunResult } from '../model/result.js'
import { actionContext, type CommandContext, type KubeSource } from './context.js'
import { COMMAND_SPECS } from './registry.js'

export async function runCommand(
  loaded: LoadedConfig,
  source: KubeSource,
  ctx?: CommandContext,
  signal?: AbortSignal
): Promise<RunResult> {
  const context = ctx ?? actionContext(source, signal)
  try {
    // The config loader already refused commands that are not implemented; load() says so otherwise.
    const flow = await COMMAND_SPECS[loaded.command].load()
    const result = await flow(loaded.config, context)
    const server = await context.kubeServer?.()
    const cluster = { ...(context.kubeContext ? { context: context.kubeContext } : {}), ...(server ? { server } : {}) }
    return Object.keys(cluster).length > 0 ? { ...result, cluster } : result
  } finally {
    await context.close()
  }
}
