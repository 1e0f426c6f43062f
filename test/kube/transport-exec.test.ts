/**
 * Exec credential plugins on the fast path: tiny shell scripts in a temp dir print an ExecCredential;
 * the sandbox checks the bearer token. Failures name the command and never show the credential.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import YAML from 'yaml'
import { KubeApiError } from '../../src/kube/api.js'
import { createKubeApi } from '../../src/kube/client.js'
import { credentialProvider, runExecPlugin } from '../../src/kube/transport/credentials.js'
import type { ClusterTarget, ExecConfig } from '../../src/kube/transport/kubeconfig.js'
import { startSandbox, type Sandbox } from '../sandbox/index.js'

const PODS = { apiVersion: 'v1', resource: 'pods', kind: 'Pod', namespaced: true }
const fast = { retries: 0 }
let dir: string
let sandbox: Sandbox

/** Writes an executable sh script; `$COUNT` is a file the script appends a line to on every run. */
async function script(name: string, body: string): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, `#!/bin/sh\nCOUNT="${path}.count"\necho run >> "$COUNT"\n${body}\n`)
  await chmod(path, 0o755)
  return path
}
const runs = async (path: string): Promise<number> =>
  (await readFile(`${path}.count`, 'utf8').catch(() => '')).split('\n').filter(Boolean).length
const credential = (status: Record<string, string>) =>
  JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status })

/** The sandbox's kubeconfig with its user replaced by an exec plugin. */
function withExec(exec: Record<string, unknown>): string {
  const doc = YAML.parse(sandbox.kubeconfig) as { users: Array<{ user: unknown }> }
  doc.users[0] = {
    ...doc.users[0],
    user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', ...exec } }
  } as never
  return YAML.stringify(doc)
}

async function errorOf(promise: Promise<unknown>): Promise<KubeApiError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof KubeApiError) return error
    throw error
  }
  throw new Error('expected a KubeApiError')
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dg-exec-'))
  sandbox = await startSandbox()
})
afterAll(async () => {
  await sandbox.stop()
  await rm(dir, { recursive: true, force: true })
})

describe('an exec credential plugin', () => {
  it('supplies the bearer token, runs once for many requests and sees args, env and KUBERNETES_EXEC_INFO', async () => {
    const plugin = await script(
      'token.sh',
      `echo "$1 $REGION $KUBERNETES_EXEC_INFO" > "${join(dir, 'seen')}"\necho '${credential({ token: sandbox.token })}'`
    )
    const api = await createKubeApi(
      { kubeconfig: withExec({ command: plugin, args: ['--region'], env: [{ name: 'REGION', value: 'eu' }] }) },
      fast
    )
    try {
      expect(api.transport).toBe('node:https')
      expect(await api.list(PODS, 'default')).toEqual([])
      expect(await api.get(PODS, 'default', 'missing')).toBeUndefined()
      expect(await runs(plugin)).toBe(1)
      const seen = await readFile(join(dir, 'seen'), 'utf8')
      expect(seen).toContain('--region eu ')
      expect(JSON.parse(seen.slice(seen.indexOf('{')))).toEqual({
        apiVersion: 'client.authentication.k8s.io/v1',
        kind: 'ExecCredential',
        spec: { interactive: false }
      })
      expect(sandbox.requests.at(-1)?.path).toBe('/api/v1/namespaces/default/pods/missing')
    } finally {
      await api.close()
    }
  })

  it('is run again after a 401 (an expired credential) and the request retried once', async () => {
    // First run prints a stale token, later runs the right one.
    const plugin = await script(
      'rotating.sh',
      `if [ "$(wc -l < "$COUNT")" -le 1 ]; then echo '${credential({ token: 'stale' })}'; else echo '${credential({ token: sandbox.token })}'; fi`
    )
    const api = await createKubeApi({ kubeconfig: withExec({ command: plugin }) }, fast)
    try {
      expect(await api.list(PODS, 'default')).toEqual([])
      expect(await runs(plugin)).toBe(2)
      expect(api.requestCount).toBe(2)
    } finally {
      await api.close()
    }
  })

  it('is cached until shortly before expirationTimestamp', async () => {
    const plugin = await script(
      'expiring.sh',
      `echo '${credential({ token: 't', expirationTimestamp: '2030-01-01T00:00:00Z' })}'`
    )
    const exec: ExecConfig = {
      command: plugin,
      args: [],
      env: [],
      apiVersion: 'client.authentication.k8s.io/v1',
      provideClusterInfo: false,
      baseDir: dir
    }
    let now = Date.parse('2029-12-31T23:00:00Z')
    const target = {
      server: 'https://x',
      tls: { insecure: false },
      auth: { type: 'exec', exec },
      headers: {}
    } as unknown as ClusterTarget
    const provider = credentialProvider(target, { now: () => now })
    expect((await provider.get()).headers.Authorization).toBe('Bearer t')
    await provider.get()
    expect(await runs(plugin)).toBe(1)
    now = Date.parse('2029-12-31T23:59:55Z')
    await provider.get()
    expect(await runs(plugin)).toBe(2)
  })

  it('a client certificate from the plugin replaces the token', async () => {
    const plugin = await script(
      'cert.sh',
      `echo '${credential({ clientCertificateData: 'CERT', clientKeyData: 'KEY' })}'`
    )
    const status = await runExecPlugin({
      command: plugin,
      args: [],
      env: [],
      apiVersion: 'v1',
      provideClusterInfo: false,
      baseDir: dir
    })
    expect(status).toMatchObject({ clientCertificateData: 'CERT', clientKeyData: 'KEY' })
  })

  it.each([
    [
      'a failing plugin: exit code and stderr, not retried',
      async () => script('fail.sh', `echo "token expired, run aws sso login" >&2\nexit 3`),
      (cmd: string) =>
        `could not get credentials for the Kubernetes API at URL: exec credential plugin "${cmd}" failed (exit code 3): token expired, run aws sso login`
    ],
    [
      'output that is not JSON, never echoed',
      async () => script('garbage.sh', `echo "token: TOP-SECRET"`),
      (cmd: string) =>
        `could not get credentials for the Kubernetes API at URL: exec credential plugin "${cmd}" did not print an ExecCredential JSON object`
    ],
    [
      'neither token nor certificate',
      async () => script('empty.sh', `echo '${credential({})}'`),
      (cmd: string) =>
        `could not get credentials for the Kubernetes API at URL: exec credential plugin "${cmd}" printed neither a token nor a client certificate`
    ],
    [
      'a missing command, with its install hint',
      async () => join(dir, 'no-such-plugin'),
      (cmd: string) =>
        `could not get credentials for the Kubernetes API at URL: exec credential plugin "${cmd}" was not found; install it with: brew install thing`
    ]
  ])('%s', async (_name, make, expected) => {
    const command = await make()
    const api = await createKubeApi(
      { kubeconfig: withExec({ command, installHint: 'install it with:\n  brew install thing' }) },
      { retries: 3, minRetryDelayMs: 1 }
    )
    try {
      const error = await errorOf(api.list(PODS, 'default'))
      expect(error.message).toBe(expected(command).replace('URL', sandbox.url))
      expect(error.reason).toBe('unauthorized')
      expect(error.message).not.toContain('TOP-SECRET')
      expect(api.requestCount).toBe(0)
      if (!command.endsWith('no-such-plugin')) expect(await runs(command)).toBe(1)
    } finally {
      await api.close()
    }
  })

  it('interactiveMode: Always is refused: a CI job has no terminal', async () => {
    const error = await errorOf(
      createKubeApi({ kubeconfig: withExec({ command: 'gcloud-login', interactiveMode: 'Always' }) }, fast).then(
        (api) => api.list(PODS, 'default').finally(() => api.close())
      )
    )
    expect(error.message).toContain(
      'exec credential plugin "gcloud-login" needs an interactive terminal (interactiveMode: Always)'
    )
  })
})
