/**
 * .github/workflows/release.yml: started by hand with a version, it runs scripts/release.sh with that
 * version as data (never as an option or shell text), on full history, with the one permission a push
 * of tags needs. actionlint and the injection rules for every workflow are in test/unit/workflows.test.ts.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import YAML from 'yaml'

interface Step {
  id?: string
  if?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
}
interface Workflow {
  on: { workflow_dispatch: { inputs: Record<string, { type: string; required?: boolean; default?: unknown }> } }
  permissions: unknown
  concurrency: { group: string; 'cancel-in-progress': boolean }
  jobs: Record<string, { permissions: Record<string, string>; steps: Step[]; 'timeout-minutes': number }>
}

const workflow = YAML.parse(readFileSync('.github/workflows/release.yml', 'utf8')) as Workflow
const job = Object.values(workflow.jobs)[0]!
const dir = mkdtempSync(join(tmpdir(), 'dg-release-wf-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Runs the Release step's script with a stand-in scripts/release.sh that records its arguments. */
function releaseArgs(env: Record<string, string>): string[] {
  const step = job.steps.find((s) => s.id === 'release')!
  mkdirSync(join(dir, 'scripts'), { recursive: true })
  writeFileSync(join(dir, 'scripts/release.sh'), '#!/usr/bin/env bash\nprintf "%s\\n" "$@" > args.txt\n')
  chmodSync(join(dir, 'scripts/release.sh'), 0o755)
  spawnSync('git', ['init', '-q'], { cwd: dir })
  const result = spawnSync('bash', ['-e', '-c', step.run!], {
    cwd: dir,
    env: { PATH: process.env.PATH, GIT_CONFIG_GLOBAL: '/dev/null', ...env },
    encoding: 'utf8'
  })
  expect({ status: result.status, stderr: result.status === 0 ? '' : result.stderr }).toEqual({ status: 0, stderr: '' })
  return readFileSync(join(dir, 'args.txt'), 'utf8').split('\n').slice(0, -1)
}

/** Runs the Publish step's script with a stand-in `gh` that records its arguments. */
function publishArgs(version: string): string[] {
  const step = job.steps.find((s) => s.id === 'publish')!
  const bin = join(dir, 'bin')
  mkdirSync(bin, { recursive: true })
  writeFileSync(join(bin, 'gh'), `#!/usr/bin/env bash\nprintf "%s\\n" "$@" > ${join(dir, 'gh-args.txt')}\n`)
  chmodSync(join(bin, 'gh'), 0o755)
  const result = spawnSync('bash', ['-e', '-c', step.run!], {
    cwd: dir,
    env: { PATH: `${bin}:${process.env.PATH}`, VERSION: version, GH_TOKEN: 'token' },
    encoding: 'utf8'
  })
  expect({ status: result.status, stderr: result.status === 0 ? '' : result.stderr }).toEqual({ status: 0, stderr: '' })
  return readFileSync(join(dir, 'gh-args.txt'), 'utf8').split('\n').slice(0, -1)
}

describe('.github/workflows/release.yml', () => {
  it('is started by hand with a required version and an optional dry run', () => {
    expect(workflow.on.workflow_dispatch.inputs.version).toMatchObject({ type: 'string', required: true })
    expect(workflow.on.workflow_dispatch.inputs['dry-run']).toMatchObject({ type: 'boolean', default: false })
  })

  it('asks only for contents: write, queues releases without cancelling one, and bounds the job', () => {
    expect(workflow.permissions).toEqual({})
    expect(job.permissions).toEqual({ contents: 'write' })
    expect(workflow.concurrency['cancel-in-progress']).toBe(false)
    expect(job['timeout-minutes']).toBeGreaterThan(0)
  })

  it('checks out all history and tags (the major tag only moves forward, which needs both)', () => {
    const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'))
    expect(checkout?.with).toMatchObject({ 'fetch-depth': 0 })
  })

  it('publishes the GitHub release from the pushed tag, after a real run only; a pre-release as one', () => {
    const step = job.steps.find((s) => s.id === 'publish')!
    expect(job.steps.indexOf(step)).toBe(job.steps.length - 1)
    expect(step.if).toBe('${{ !inputs.dry-run }}')
    expect(step.env).toEqual({ VERSION: '${{ inputs.version }}', GH_TOKEN: '${{ github.token }}' })
    const common = ['release', 'create']
    expect(publishArgs('1.0.0')).toEqual([
      ...common,
      'v1.0.0',
      '--verify-tag',
      '--notes-from-tag',
      '--title',
      'deploy-guard v1.0.0'
    ])
    expect(publishArgs('v1.1.0-rc.1')).toEqual([
      ...common,
      'v1.1.0-rc.1',
      '--verify-tag',
      '--notes-from-tag',
      '--title',
      'deploy-guard v1.1.0-rc.1',
      '--prerelease'
    ])
  })

  it('hands the version to the script through env:, after --, so it is never an option or shell text', () => {
    const step = job.steps.find((s) => s.id === 'release')!
    expect(step.env).toEqual({ VERSION: '${{ inputs.version }}', DRY_RUN: '${{ inputs.dry-run }}' })
    expect(releaseArgs({ VERSION: '1.0.0', DRY_RUN: 'false' })).toEqual(['--', '1.0.0'])
    expect(releaseArgs({ VERSION: '1.0.0', DRY_RUN: 'true' })).toEqual(['--dry-run', '--', '1.0.0'])
    expect(releaseArgs({ VERSION: '--remote=evil', DRY_RUN: 'false' })).toEqual(['--', '--remote=evil'])
    expect(releaseArgs({ VERSION: '1.0.0"; touch pwned; "', DRY_RUN: 'false' })).toEqual([
      '--',
      '1.0.0"; touch pwned; "'
    ])
  })
})
