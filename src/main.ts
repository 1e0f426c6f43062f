/**
 * Reads the inputs, dispatches the command, reports, and fails the step when the verdict is not
 * `passed`. Nothing else: every detail lives in the command and the modules it calls. Everything the
 * run prints goes through one RunnerLog (redacted, escaped); every surface through publishReports.
 */
import * as core from '@actions/core'
import { readFile } from 'node:fs/promises'
import { actionsJournal, type ProgressJournal } from './act/rollback/journal.js'
import { ConfigError } from './config/errors.js'
import { loadConfig } from './config/load.js'
import { collectSecrets } from './config/secrets.js'
import type { ActionInputs } from './config/inputs.js'
import { actionInputNames, parseCommand } from './config/inputs.js'
import { runCommand } from './commands/index.js'
import { actionContext } from './commands/context.js'
import type { CommandName, RunResult } from './model/result.js'
import { watchCancellation, type Cancellation } from './report/cancellation.js'
import { renderConfigIssues } from './report/config-issues.js'
import { configIssueReasons, configIssuesAnnotation, failureResult } from './report/failure-result.js'
import { createRunnerLog, type RunnerLog } from './report/logger.js'
import { actionsSink, publishNow, publishReports, type PublishOptions } from './report/publish.js'
import { Redactor } from './report/redact.js'
import { startSurfaces, type RunSurface } from './report/surfaces.js'
import { userMessage } from './errors.js'
import { verdictAnnotation } from './report/annotation.js'

/** Reads every documented input as a string ('' when unset), registering secret ones before anything logs. */
function readInputs(redactor: Redactor): ActionInputs {
  const inputs = {} as Record<string, string>
  for (const name of actionInputNames) inputs[name] = core.getInput(name)
  const typed = inputs as unknown as ActionInputs
  // Registered before validation, so even a config error can never echo a credential.
  for (const secret of collectSecrets(typed)) redactor.add(secret)
  return typed
}

/** What the run ends with: its result, and for a run that never judged anything, how to say so. */
interface Outcome {
  result: RunResult
  summary?: PublishOptions['summary']
  failMessage?: string
  surfaces?: RunSurface[]
}

async function execute(
  redactor: Redactor,
  log: RunnerLog,
  cancellation: Pick<Cancellation, 'signal' | 'hold'>,
  started: Started,
  journal: ProgressJournal
): Promise<Outcome> {
  const { signal } = cancellation
  try {
    const inputs = readInputs(redactor)
    try {
      started.command = parseCommand(inputs.command)
    } catch {
      // Reported with the other config issues below; the result needs a command name meanwhile.
    }
    const loaded = await loadConfig(inputs, (path) => readFile(path, 'utf8'))
    for (const secret of loaded.secrets) redactor.add(secret)
    const source = { kubeconfig: inputs.kubeconfig || undefined, context: inputs.context || undefined }
    const surfaces = await startSurfaces(
      {
        config: loaded.config,
        command: loaded.command,
        env: process.env,
        githubToken: inputs['github-token'],
        log: (line) => log.info(line),
        warn: (message) => log.warning(message),
        signal
      },
      started.at
    )
    return {
      result: await runCommand(
        loaded,
        source,
        actionContext(source, signal, { log, redactor, holdExit: cancellation.hold, journal }),
        signal
      ),
      surfaces
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      return {
        result: failureResult(started.command, started.at, configIssueReasons(error.issues)),
        summary: () => renderConfigIssues(redactor.value(error.issues)),
        failMessage: configIssuesAnnotation(error.issues)
      }
    }
    const message = userMessage(error, log)
    return {
      result: failureResult(started.command, started.at, [message]),
      failMessage: `deploy-guard ${started.command}: ${message}`
    }
  }
}

interface Started {
  at: Date
  command: CommandName
}

/**
 * Saved by the main step at start; the runner hands every saved state to the `post:` step as
 * `STATE_<name>`, so its presence tells the two apart (actions/checkout's way).
 */
const IS_POST_STATE = 'isPost'

/** The main step, or the `post:` step (action.yml) once the main step has run. */
export async function run(): Promise<void> {
  if (core.getState(IS_POST_STATE) === 'true') {
    // Loaded only here: the post step must stay fast, the main step never needs it.
    const { runPost } = await import('./commands/post.js')
    await runPost()
  } else {
    await runMain()
  }
}

async function runMain(): Promise<void> {
  const redactor = new Redactor((secret) => core.setSecret(secret))
  const log = createRunnerLog(redactor)
  const started: Started = { at: new Date(), command: 'verify' }
  const journal = actionsJournal({
    redact: (value) => redactor.value(value),
    onError: (message) => log.warning(message)
  })
  try {
    core.saveState(IS_POST_STATE, 'true')
  } catch (error) {
    log.warning(`deploy-guard could not save its step state for the post step: ${userMessage(error)}`)
  }
  const cancellation = watchCancellation({
    log,
    publishFallback: (reason) => publishNow(failureResult(started.command, started.at, [reason]), { redactor, log })
  })
  try {
    const { result, summary, failMessage, surfaces } = await execute(redactor, log, cancellation, started, journal)
    cancellation.publishing()
    await publishReports(result, { redactor, sink: actionsSink(log), summary, surfaces })
    // Reported: the post step has nothing to add (a run stopped before this point leaves it to report).
    journal.finished()
    if (result.verdict !== 'passed') {
      const message = failMessage ?? verdictAnnotation(result)
      if (result.dryRun) log.warning(`dry run: ${message} (the step is not failed)`)
      else log.fail(message)
    }
  } finally {
    cancellation.done()
  }
}
