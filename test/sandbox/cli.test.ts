import { afterAll, describe, expect, it } from '@jest/globals'
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const root = join(import.meta.dirname, '..', '..')

describe('npm run sandbox (cli.ts)', () => {
  let child: ChildProcess | undefined

  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL')
  })

  it('prints one ready line, serves kubectl, and exits 0 on SIGTERM', async () => {
    child = spawn(
      join(root, 'node_modules', '.bin', 'tsx'),
      ['test/sandbox/cli.ts', '--scenario', 'test/sandbox/scenarios/sample.yaml', '--time-scale', '20'],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    let stdout = ''
    const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line; output: ${stdout}`)), 30_000)
      child!.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        const match = /^sandbox ready: kubeconfig=(\S+) url=(https:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout)
        if (match) {
          clearTimeout(timer)
          resolve(match)
        }
      })
      child!.on('exit', (code) => reject(new Error(`exited early with ${code}: ${stdout}`)))
    })
    const { stdout: deployments } = await run('kubectl', [
      '--kubeconfig',
      ready[1]!,
      'get',
      'deploy',
      '-n',
      'shop',
      '-o',
      'name'
    ])
    expect(deployments).toBe('deployment.apps/web\n')

    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(stdout.trim().split('\n')).toHaveLength(1)
  })
})
