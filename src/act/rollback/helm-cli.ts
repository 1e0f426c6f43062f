/**
 * Finding and running the `helm` CLI. The process is spawned directly (no shell: arguments never pass
 * through a shell's parser), its output kept to a bounded tail so a chatty helm can neither exhaust
 * memory nor be killed for talking too much (execFile's maxBuffer kills the child), and it is stopped
 * when the run is cancelled or overruns its budget.
 */
import { spawn } from 'node:child_process'
import { accessSync, constants, statSync } from 'node:fs'
import { delimiter, isAbsolute, join } from 'node:path'

/** How much of helm's stderr and stdout is kept (the end: errors come last). */
export const HELM_OUTPUT_LIMIT = 8 * 1024

export const helmNotFoundMessage = (): string =>
  'Helm-managed workload: deploy-guard rolls back with `helm rollback`, but no `helm` was found on PATH; install it (GitHub-hosted runners have it) or set `rollback.helm: kubectl` to undo the Deployment directly (the next helm upgrade will revert it)'

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/**
 * The path of `name` (or of `binary` when it is a path) as a shell would find it on PATH, or
 * undefined. On Windows, PATHEXT's extensions are tried too.
 */
export function findExecutable(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (isAbsolute(name) || name.includes('/')) return isExecutableFile(name) ? name : undefined
  const extensions = process.platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';')] : ['']
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue
    for (const ext of extensions) {
      const candidate = join(dir, name + ext)
      if (isExecutableFile(candidate)) return candidate
    }
  }
  return undefined
}

/** Keeps the last `limit` characters of a stream, saying how much was dropped. */
class Tail {
  private text = ''
  private dropped = 0
  constructor(private readonly limit: number) {}
  push(chunk: string): void {
    this.text += chunk
    if (this.text.length > this.limit) {
      this.dropped += this.text.length - this.limit
      this.text = this.text.slice(-this.limit)
    }
  }
  toString(): string {
    return this.dropped > 0 ? `[${this.dropped} characters cut]…${this.text}` : this.text
  }
}

export interface CliRun {
  /** Exit code, or undefined when the process was stopped by a signal. */
  code?: number
  signal?: string
  /** True when it was stopped because `timeoutMs` passed or `signal` aborted. */
  stopped: boolean
  stdout: string
  stderr: string
}

export interface CliOptions {
  env: NodeJS.ProcessEnv
  /** Hard stop: SIGTERM after this long, SIGKILL 5 s later. */
  timeoutMs: number
  signal?: AbortSignal
}

/** Runs `binary args` without a shell and resolves when it exits (never rejects for a non-zero exit). */
export function runCli(binary: string, args: readonly string[], options: CliOptions): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { env: options.env, stdio: ['ignore', 'pipe', 'pipe'], shell: false })
    const stdout = new Tail(HELM_OUTPUT_LIMIT)
    const stderr = new Tail(HELM_OUTPUT_LIMIT)
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => stdout.push(chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk))
    let stopped = false
    let killer: NodeJS.Timeout | undefined
    const stop = (): void => {
      if (stopped) return
      stopped = true
      child.kill('SIGTERM')
      killer = setTimeout(() => child.kill('SIGKILL'), 5000)
      killer.unref()
    }
    const timer = setTimeout(stop, options.timeoutMs)
    options.signal?.addEventListener('abort', stop, { once: true })
    if (options.signal?.aborted) stop()
    const finish = (): void => {
      clearTimeout(timer)
      if (killer) clearTimeout(killer)
      options.signal?.removeEventListener('abort', stop)
    }
    child.on('error', (error) => {
      finish()
      reject(error)
    })
    child.on('close', (code, signal) => {
      finish()
      resolve({
        code: code ?? undefined,
        signal: signal ?? undefined,
        stopped,
        stdout: stdout.toString(),
        stderr: stderr.toString()
      })
    })
  })
}
