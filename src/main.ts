/**
 * Reads the inputs, dispatches the command, reports, and fails the step when the verdict is not
 * `passed`. Nothing else: every detail lives in the command and the modules it calls.
 */
import * as core from '@actions/core'
import { readFile } from 'node:fs/promises'
import { ConfigError } from './config/errors.js'
import { loadConfig } from './config/load.js'
import { collectSecrets } from './config/secrets.js'
import type { ActionInputs } from './config/inputs.js'
import { actionInputNames } from './config/inputs.js'
import { runCommand } from './commands/index.js'
import { publishReports } from './report/publish.js'
import { renderConfigIssues } from './report/config-issues.js'
import { userMessage } from './errors.js'

const masked = new Set<string>()

/** Registers a value with the runner's log redaction, once. */
function mask(secret: string): void {
  if (masked.has(secret)) return
  masked.add(secret)
  core.setSecret(secret)
}

/** Reads every documented input as a string ('' when unset), masking secret ones before anything logs. */
function readInputs(): ActionInputs {
  const inputs = {} as Record<string, string>
  for (const name of actionInputNames) inputs[name] = core.getInput(name)
  const typed = inputs as unknown as ActionInputs
  // Masked before validation, so even a config error can never echo a credential.
  for (const secret of collectSecrets(typed)) mask(secret)
  return typed
}

/**
 * The runner cancels a job with SIGINT, then SIGTERM a few seconds later. The first one stops every
 * wait at once so the run still reports (inconclusive, never passed); a second one exits.
 */
function cancellation(): AbortSignal {
  const controller = new AbortController()
  const onSignal = (name: string): void => {
    if (controller.signal.aborted) process.exit(1)
    core.warning(`deploy-guard received ${name}: stopping and reporting what was checked so far`)
    controller.abort()
  }
  process.once('SIGINT', () => onSignal('SIGINT'))
  process.once('SIGTERM', () => onSignal('SIGTERM'))
  return controller.signal
}

export async function run(): Promise<void> {
  const signal = cancellation()
  try {
    const inputs = readInputs()
    const loaded = await loadConfig(inputs, (path) => readFile(path, 'utf8'))
    for (const secret of loaded.secrets) mask(secret)
    const result = await runCommand(
      loaded,
      { kubeconfig: inputs.kubeconfig || undefined, context: inputs.context || undefined },
      undefined,
      signal
    )
    await publishReports(result)
    if (result.verdict !== 'passed') {
      const message = `deploy-guard ${result.command}: ${result.verdict}${result.reasons.length ? ` — ${result.reasons[0]}` : ''}`
      if (result.dryRun) core.warning(`dry run: ${message} (the step is not failed)`)
      else core.setFailed(message)
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      core.setOutput('verdict', 'inconclusive')
      core.setFailed(`Invalid configuration (nothing was sent to the cluster):\n${error.message}`)
      await core.summary
        .addRaw(renderConfigIssues(error.issues))
        .write()
        .catch(() => undefined) // outside Actions there is no summary file; the error above says it all
      return
    }
    core.setOutput('verdict', 'inconclusive')
    core.setFailed(userMessage(error))
  }
}
