/**
 * main's report path through the bundle, as the runner runs it: a config error writes every output
 * and one annotation header; an output file that cannot be written still leaves the verdict line and
 * a failed step, without a stack trace; no line on stdout is a runner command from outside text.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from '../e2e/run-action.js'

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dg-main-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const commandLines = (stdout: string): string[] =>
  stdout
    .split('\n')
    .filter(
      (line) =>
        (/^\s*::/.test(line) && !/^::(add-mask|warning|error|debug|group|endgroup)::/.test(line)) ||
        line.includes('##[')
    )

describe('a config error', () => {
  test('writes every output (failed-checks as []), a one-line summary, the issues summary and one annotation header', async () => {
    const config = join(dir, 'bad.yml')
    await writeFile(config, 'verify:\n  timeout: ten\n  bogus: "x\\n::warning::INJECTED ##[error]INJ"\n')
    const run = await runAction({ command: 'verify', target: 'deployment/api', namespace: 'ns', config })
    expect(run.exitCode).toBe(1)
    expect(Object.keys(run.outputs).sort()).toEqual([
      'action',
      'analysis',
      'canary-state',
      'canary-step',
      'failed-checks',
      'report',
      'restored-verdict',
      'rollback',
      'rolled-back-from',
      'rolled-back-to',
      'snapshot',
      'summary',
      'verdict'
    ])
    expect(run.outputs.verdict).toBe('inconclusive')
    expect(run.outputs.action).toBe('none')
    expect(JSON.parse(run.outputs['failed-checks']!)).toEqual([])
    expect(JSON.parse(run.outputs.analysis!)).toEqual([])
    expect(run.outputs.summary).toMatch(
      /^deploy-guard verify inconclusive — invalid configuration, nothing was sent to the cluster or to Prometheus: verify\.timeout: .* \(\+1 more problem\); next: fix verify\.timeout in the config and re-run; action: no action$/
    )
    expect(run.outputs.summary).not.toMatch(/\n/)
    expect(run.summary).toContain('invalid configuration')
    expect(run.summary).toContain('verify.timeout')
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error::'))
    expect(errors).toHaveLength(1)
    expect(errors[0]!.match(/invalid (deploy-guard )?configuration/gi)).toHaveLength(1)
    expect(commandLines(run.stdout)).toEqual([])
  })
})

describe('an output file that cannot be written', () => {
  test('is a warning: the verdict line comes out, the step fails, no stack trace', async () => {
    const config = join(dir, 'bad2.yml')
    await writeFile(config, 'verify:\n  timeout: ten\n')
    const run = await runAction(
      { command: 'verify', target: 'deployment/api', namespace: 'ns', config },
      { GITHUB_OUTPUT: join(dir, 'missing', 'output') }
    )
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('deploy-guard verify: INCONCLUSIVE')
    expect(run.stdout).toMatch(/::warning::deploy-guard could not write the outputs: verdict/)
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at .*\(.*:\d+:\d+\)$/m)
    expect(run.summary).toContain('verify.timeout')
  })
})
