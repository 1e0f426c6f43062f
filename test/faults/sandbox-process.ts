/**
 * A sandbox cluster in its own process (`npm run sandbox`), driven from outside as a separate test
 * process would: faults go in through the scenario file and the `/_sandbox/faults` control endpoint.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { request as httpsRequest } from 'node:https'
import { join } from 'node:path'
import YAML from 'yaml'

const root = join(import.meta.dirname, '..', '..')

export interface SandboxProcess {
  url: string
  kubeconfigPath: string
  kubeconfig: string
  caPem: string
  token: string
  /** POST /_sandbox/faults with the rules as JSON (paths between slashes are RegExps). */
  addFaults(rules: object | object[]): Promise<void>
  /** DELETE /_sandbox/faults. */
  clearFaults(): Promise<void>
  /** SIGTERM, then waits for the exit code. */
  stop(): Promise<number | null>
}

interface KubeconfigDoc {
  clusters: Array<{ cluster: { 'certificate-authority-data': string } }>
  users: Array<{ user: { token: string } }>
}

export async function startSandboxProcess(args: string[]): Promise<SandboxProcess> {
  const child: ChildProcess = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['test/sandbox/cli.ts', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox: no ready line; stderr: ${stderr}`)), 60_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const match = /^sandbox ready: kubeconfig=(\S+) url=(https:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout)
      if (match) {
        clearTimeout(timer)
        resolve(match)
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`sandbox exited early with ${code}: ${stderr}`))
    })
  })
  const kubeconfigPath = ready[1]!
  const kubeconfig = readFileSync(kubeconfigPath, 'utf8')
  const doc = YAML.parse(kubeconfig) as KubeconfigDoc
  const caPem = Buffer.from(doc.clusters[0]!.cluster['certificate-authority-data'], 'base64').toString('utf8')
  const token = doc.users[0]!.user.token
  const url = ready[2]!
  const control = (method: string, body?: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const req = httpsRequest(
        new URL('/_sandbox/faults', url),
        {
          method,
          ca: caPem,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
        },
        (res) => {
          let text = ''
          res.on('data', (c: Buffer) => (text += c.toString()))
          res.on('end', () =>
            (res.statusCode ?? 0) < 300 ? resolve() : reject(new Error(`control ${method}: ${res.statusCode} ${text}`))
          )
        }
      )
      req.on('error', reject)
      req.end(body)
    })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {
    url,
    kubeconfigPath,
    kubeconfig,
    caPem,
    token,
    addFaults: (rules) => control('POST', JSON.stringify(rules)),
    clearFaults: () => control('DELETE'),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      return exited
    }
  }
}
