import { afterAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { startSandboxProcess, type SandboxProcess } from '../faults/sandbox-process.js'

const run = promisify(execFile)
const root = join(import.meta.dirname, '..', '..')

/** kubectl's outcome, failure included (its stderr carries the Status message). */
async function kubectl(kubeconfig: string, ...args: string[]): Promise<string> {
  try {
    return (await run('kubectl', ['--kubeconfig', kubeconfig, ...args])).stdout
  } catch (error) {
    return `error: ${(error as { stderr?: string }).stderr ?? String(error)}`
  }
}

describe('npm run sandbox (cli.ts)', () => {
  let sandbox: SandboxProcess | undefined
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-cli-'))

  afterAll(async () => {
    await sandbox?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('prints one ready line, serves kubectl, takes faults from the scenario and the control endpoint, and exits 0 on SIGTERM', async () => {
    const scenario = join(dir, 'scenario.yaml')
    const forbidden = 'deployments.apps is forbidden: User "ci" cannot list resource "deployments" (from the scenario)'
    writeFileSync(
      scenario,
      readFileSync(join(root, 'test/sandbox/scenarios/sample.yaml'), 'utf8') +
        `\n---\nfaults:\n  - method: GET\n    path: /apis/apps/v1/namespaces/shop/deployments\n    status: 403\n    message: '${forbidden}'\n    times: 1\n`
    )
    sandbox = await startSandboxProcess(['--scenario', scenario, '--time-scale', '20'])
    const kc = sandbox.kubeconfigPath

    // the scenario's rule applies once
    expect(await kubectl(kc, 'get', 'deploy', '-n', 'shop', '-o', 'name')).toContain('(from the scenario)')
    expect(await kubectl(kc, 'get', 'deploy', '-n', 'shop', '-o', 'name')).toBe('deployment.apps/web\n')

    // a rule added from outside the process, with a RegExp path
    await sandbox.addFaults({
      path: '/\\/namespaces\\/shop\\/deployments$/',
      status: 500,
      message: 'injected via control'
    })
    expect(await kubectl(kc, 'get', 'deploy', '-n', 'shop', '-o', 'name')).toContain('injected via control')
    await sandbox.clearFaults()
    expect(await kubectl(kc, 'get', 'deploy', '-n', 'shop', '-o', 'name')).toBe('deployment.apps/web\n')

    expect(await sandbox.stop()).toBe(0)
  })
})
