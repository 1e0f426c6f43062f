/**
 * Runs the committed bundle `dist/index.js` in a child process exactly as the Actions runner does:
 * inputs as INPUT_* variables, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_STATE files, the runner's
 * Node (24). A run can also be the action's `post:` step: the runner gives the post step the same
 * inputs and every value the main step saved with saveState as `STATE_<name>` (runPostStep).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface ActionRun {
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** Values saved with core.saveState ($GITHUB_STATE), last write per name wins as on the runner. */
  state: Record<string, string>
  /** Parsed JSON record written by the run (outputs.report), when present. */
  record?: Record<string, unknown>
  /** Values registered with `::add-mask::` (the runner redacts these from the log). */
  masked: string[]
  /**
   * Everything the run printed or wrote (saved state included), except the `::add-mask::` commands
   * themselves (the runner consumes those and never shows them), for secret-leak assertions.
   */
  everything: string
}

// DEPLOY_GUARD_BUNDLE lets a developer run the e2e tests against a bundle built elsewhere
// (scripts/build-to.sh DIR); CI and the default always use the committed dist/.
const bundle = resolve(process.cwd(), process.env.DEPLOY_GUARD_BUNDLE || 'dist/index.js')

/** `name<<DELIM\nvalue\nDELIM` blocks, as @actions/core writes them. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!match) continue
    const [, name, delimiter] = match
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
    outputs[name] = value.join('\n')
  }
  return outputs
}

export interface RunActionOptions {
  /** Keep the summary, outputs and record in this directory instead of a temp dir removed afterwards. */
  keepIn?: string
  /** Called with the child process once it runs (e.g. to cancel it like the runner does). */
  onSpawn?: (child: ChildProcess) => void
  /**
   * Runs as the `post:` step: each entry becomes `STATE_<name>`, as the runner passes the main
   * step's saved state. Usually a main run's `state` (see runPostStep).
   */
  postState?: Record<string, string>
  /** Called with the path of $GITHUB_STATE before the child starts (e.g. to watch a rollback's phases). */
  onStateFile?: (path: string) => void
}

export async function runAction(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  options: RunActionOptions = {}
): Promise<ActionRun> {
  const dir = options.keepIn ?? (await mkdtemp(join(tmpdir(), 'dg-e2e-')))
  if (options.keepIn) await mkdir(dir, { recursive: true })
  try {
    const outputFile = join(dir, 'output')
    const summaryFile = join(dir, 'summary.md')
    const stateFile = join(dir, 'state')
    await writeFile(outputFile, '')
    await writeFile(summaryFile, '')
    await writeFile(stateFile, '')
    options.onStateFile?.(stateFile)
    const stateEnv: Record<string, string> = {}
    for (const [name, value] of Object.entries(options.postState ?? {})) stateEnv[`STATE_${name}`] = value
    const inputEnv: Record<string, string> = {}
    for (const [name, value] of Object.entries(inputs))
      inputEnv[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
    const childEnv: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      RUNNER_TEMP: dir,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_STATE: stateFile,
      GITHUB_WORKSPACE: process.cwd(),
      GITHUB_ACTIONS: 'true',
      ...inputEnv,
      ...stateEnv,
      ...env
    }
    const { exitCode, stdout, stderr } = await new Promise<{ exitCode: number; stdout: string; stderr: string }>(
      (resolvePromise, reject) => {
        const child = spawn(process.execPath, [bundle], { env: childEnv, cwd: process.cwd() })
        options.onSpawn?.(child)
        let out = ''
        let err = ''
        child.stdout.on('data', (d: Buffer) => (out += d.toString()))
        child.stderr.on('data', (d: Buffer) => (err += d.toString()))
        child.on('error', reject)
        child.on('close', (code) => resolvePromise({ exitCode: code ?? -1, stdout: out, stderr: err }))
      }
    )
    const outputs = parseOutputFile(await readFile(outputFile, 'utf8'))
    const summary = await readFile(summaryFile, 'utf8')
    const state = parseOutputFile(await readFile(stateFile, 'utf8'))
    let record: Record<string, unknown> | undefined
    let recordText = ''
    if (outputs.report) {
      recordText = await readFile(outputs.report, 'utf8').catch(() => '')
      if (recordText) record = JSON.parse(recordText) as Record<string, unknown>
    }
    const maskCommand = /^::add-mask::(.*)$/
    const masked = stdout.split('\n').flatMap((line) => {
      const match = maskCommand.exec(line)
      return match ? [match[1].replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%')] : []
    })
    const visibleStdout = stdout
      .split('\n')
      .filter((line) => !maskCommand.test(line))
      .join('\n')
    // The saved state too: the runner keeps it and hands it to the post step's environment.
    const everything = [
      visibleStdout,
      stderr,
      summary,
      JSON.stringify(outputs),
      JSON.stringify(state),
      recordText
    ].join('\n')
    return { exitCode, stdout, stderr, outputs, summary, state, record, masked, everything }
  } finally {
    if (!options.keepIn) await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Runs the bundle again as the action's `post:` step after `main`, as the runner does: the same
 * inputs, and the state the main step saved as `STATE_<name>` (so it can tell it is the post step).
 */
export function runPostStep(
  main: Pick<ActionRun, 'state'>,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  options: Omit<RunActionOptions, 'postState'> = {}
): Promise<ActionRun> {
  return runAction(inputs, env, { ...options, postState: main.state })
}
