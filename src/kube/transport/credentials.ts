/**
 * Credentials for the native transport: static tokens, token files (re-read every minute, as client-go
 * does, so rotated service-account tokens are picked up), basic auth, exec credential plugins
 * (client.authentication.k8s.io ExecCredential, cached until its expirationTimestamp) and legacy
 * auth-provider users (./auth-provider.ts, imported only for them).
 *
 * Messages name the plugin command and what went wrong; they never contain the plugin's stdout (it
 * holds the credential).
 */
import { readFile } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import type { ClusterTarget, ExecConfig } from './kubeconfig.js'
import type { AuthProviderToken } from './auth-provider.js'
import { CredentialsError } from './types.js'

export interface Credentials {
  /** `Authorization` when there is one. */
  headers: Record<string, string>
  /** Client certificate and key from an exec plugin (PEM); replace the kubeconfig's for TLS. */
  cert?: string
  key?: string
}

export interface CredentialProvider {
  get(): Promise<Credentials>
  /** Drops renewable credentials after a 401; true when asking again may give different ones. */
  invalidate(): boolean
}

export interface CredentialOptions {
  now?: () => number
  /** How long a token file's content is reused (default 60 s, as client-go). */
  tokenFileTtlMs?: number
  /** Longest an exec plugin may run (default 60 s). */
  execTimeoutMs?: number
  /**
   * Told every credential as it is obtained (tokens from kubeconfig files, token files and exec
   * plugins; passwords), so the action can register it for log masking before anything could print it.
   */
  onSecret?: (value: string) => void
}

/** Renew an exec credential this long before it expires, so it does not expire in flight. */
const EXPIRY_SKEW_MS = 10_000

export function credentialProvider(target: ClusterTarget, options: CredentialOptions = {}): CredentialProvider {
  const now = options.now ?? Date.now
  const secret = (value: string | undefined): void => {
    if (value) options.onSecret?.(value)
  }
  const auth = target.auth
  switch (auth.type) {
    case 'none':
      return { get: async () => ({ headers: {} }), invalidate: () => false }
    case 'token': {
      secret(auth.token)
      const creds = { headers: { Authorization: `Bearer ${auth.token}` } }
      return { get: async () => creds, invalidate: () => false }
    }
    case 'basic': {
      secret(auth.password)
      const basic = Buffer.from(`${auth.username}:${auth.password}`).toString('base64')
      const creds = { headers: { Authorization: `Basic ${basic}` } }
      return { get: async () => creds, invalidate: () => false }
    }
    case 'token-file':
      return cached(now, async () => {
        const token = await readTokenFile(auth.path)
        secret(token)
        return {
          value: { headers: { Authorization: `Bearer ${token}` } },
          expiresAt: now() + (options.tokenFileTtlMs ?? 60_000)
        }
      })
    case 'exec':
      return cached(now, async () => {
        const status = await runExecPlugin(auth.exec, target, options.execTimeoutMs)
        secret(status.token)
        // A PEM key is multi-line; each line is masked too, as the runner matches line by line.
        secret(status.clientKeyData)
        for (const line of status.clientKeyData?.split('\n') ?? [])
          if (line.length > 16 && !line.startsWith('-----')) secret(line)
        const creds: Credentials = { headers: {} }
        if (status.token) creds.headers.Authorization = `Bearer ${status.token}`
        if (status.clientCertificateData) {
          creds.cert = status.clientCertificateData
          creds.key = status.clientKeyData
        }
        const expiry = status.expirationTimestamp ? Date.parse(status.expirationTimestamp) : NaN
        return { value: creds, expiresAt: Number.isNaN(expiry) ? Infinity : expiry - EXPIRY_SKEW_MS }
      })
    case 'auth-provider': {
      let tokens: Promise<() => Promise<AuthProviderToken>> | undefined
      return cached(now, async () => {
        tokens ??= import('./auth-provider.js').then((m) => m.authProviderTokens(auth.user, auth.provider, now))
        tokens.catch(() => (tokens = undefined))
        const { token, expiresAt } = await (await tokens)()
        secret(token)
        // gcp/azure/tokenFile tokens are cheap to ask for again (each caches its own): ask every minute.
        return {
          value: { headers: { Authorization: `Bearer ${token}` } },
          expiresAt: Math.min(expiresAt, now() + (options.tokenFileTtlMs ?? 60_000))
        }
      })
    }
  }
}

/** One fetch at a time, reused until it expires; a failure is not cached. */
function cached(
  now: () => number,
  fetch: () => Promise<{ value: Credentials; expiresAt: number }>
): CredentialProvider {
  let current: Promise<{ value: Credentials; expiresAt: number }> | undefined
  return {
    async get() {
      if (current) {
        const entry = await current.catch(() => undefined)
        if (entry && entry.expiresAt > now()) return entry.value
        current = undefined
      }
      const pending = fetch()
      current = pending
      pending.catch(() => {
        if (current === pending) current = undefined
      })
      return (await pending).value
    },
    invalidate() {
      current = undefined
      return true
    }
  }
}

async function readTokenFile(path: string): Promise<string> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new CredentialsError(
      `cannot read the token file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`
    )
  }
  const token = text.trim()
  if (!token) throw new CredentialsError(`the token file ${path} is empty`)
  return token
}

export interface ExecCredentialStatus {
  token?: string
  clientCertificateData?: string
  clientKeyData?: string
  expirationTimestamp?: string
}

/** Runs the plugin once and returns the ExecCredential status it printed. */
export async function runExecPlugin(
  exec: ExecConfig,
  target?: Pick<ClusterTarget, 'server' | 'tls'>,
  timeoutMs = 60_000
): Promise<ExecCredentialStatus> {
  const name = `exec credential plugin "${exec.command}"`
  if (exec.interactiveMode === 'Always') {
    throw new CredentialsError(
      `${name} needs an interactive terminal (interactiveMode: Always), which this job does not have`
    )
  }
  // kubectl: a relative command with a path separator is relative to the kubeconfig's directory.
  const command =
    exec.command.includes('/') && !isAbsolute(exec.command) ? join(exec.baseDir, exec.command) : exec.command
  const spec: Record<string, unknown> = { interactive: false }
  if (exec.provideClusterInfo && target) {
    spec.cluster = {
      server: target.server,
      'tls-server-name': target.tls.servername,
      'insecure-skip-tls-verify': target.tls.insecure || undefined,
      'certificate-authority-data': target.tls.ca?.toString('base64')
    }
  }
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const { name: key, value } of exec.env) env[key] = value
  env.KUBERNETES_EXEC_INFO = JSON.stringify({ apiVersion: exec.apiVersion, kind: 'ExecCredential', spec })

  // Loaded here, not at the top: only exec-plugin kubeconfigs need it, and node:child_process (with
  // the modules it pulls in) would otherwise load before every run's first request.
  const { spawn } = await import('node:child_process')
  const { code, signal, stdout, stderr, spawnError, timedOut } = await new Promise<{
    code: number | null
    signal: NodeJS.Signals | null
    stdout: string
    stderr: string
    spawnError?: NodeJS.ErrnoException
    timedOut: boolean
  }>((resolvePromise) => {
    let stdout = ''
    let stderr = ''
    let spawnError: NodeJS.ErrnoException | undefined
    let timedOut = false
    const child = spawn(command, exec.args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 64 * 1024) stderr += chunk
    })
    child.on('error', (error) => (spawnError = error))
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolvePromise({ code, signal, stdout, stderr, spawnError, timedOut })
    })
  })

  if (spawnError) {
    if (spawnError.code === 'ENOENT') {
      const hint = exec.installHint ? `; ${exec.installHint.replace(/\s+/g, ' ').trim()}` : ''
      throw new CredentialsError(`${name} was not found${hint}`)
    }
    throw new CredentialsError(`${name} could not be started: ${spawnError.code ?? spawnError.message}`)
  }
  if (timedOut) throw new CredentialsError(`${name} did not finish within ${Math.round(timeoutMs / 1000)} s`)
  if (code !== 0) {
    const detail = stderr.replace(/\s+/g, ' ').trim().slice(0, 300)
    const how = code === null ? `was killed by ${signal}` : `failed (exit code ${code})`
    throw new CredentialsError(`${name} ${how}${detail ? `: ${detail}` : ''}`)
  }
  let credential: unknown
  try {
    credential = JSON.parse(stdout)
  } catch {
    throw new CredentialsError(`${name} did not print an ExecCredential JSON object`)
  }
  const c = credential as { kind?: unknown; status?: ExecCredentialStatus } | null
  if (typeof c !== 'object' || c === null || (c.kind !== undefined && c.kind !== 'ExecCredential')) {
    throw new CredentialsError(`${name} did not print an ExecCredential JSON object`)
  }
  const status = c.status
  if (typeof status !== 'object' || status === null)
    throw new CredentialsError(`${name} printed an ExecCredential without status`)
  const hasCert = typeof status.clientCertificateData === 'string' && status.clientCertificateData !== ''
  const hasKey = typeof status.clientKeyData === 'string' && status.clientKeyData !== ''
  if (hasCert !== hasKey) {
    throw new CredentialsError(`${name} printed only one of clientCertificateData and clientKeyData; both are needed`)
  }
  if (!(typeof status.token === 'string' && status.token !== '') && !hasCert) {
    throw new CredentialsError(`${name} printed neither a token nor a client certificate`)
  }
  return status
}
