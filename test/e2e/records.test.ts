/**
 * Issue 9, acceptance 5, through the bundle: the versions file is updated in place with its comments
 * kept (only on a pass, or with the restored version after a rollback), the JSON record is copied to
 * `record-path`, and the webhook receives one payload per notifiable verdict (none for a pass unless
 * asked) — retried past a 500 and a 429, bounded when it hangs, never failing the deploy, and its URL
 * never printed anywhere.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import { startWebhookServer, type Reply, type WebhookServer } from '../records/webhook-server.js'
import { deployment, tempDir, type TempDir } from './fixtures.js'
import { deployGood, runCommand, setImage, waitRolledOut } from './rollback-fixtures.js'
import type { ActionRun } from './run-action.js'

let sandbox: Sandbox
let dir: TempDir
let workspace: string
const hooks: WebhookServer[] = []

beforeAll(async () => {
  sandbox = await startSandbox({ timeScale: 20 })
  dir = await tempDir()
})

afterEach(async () => {
  await Promise.all(hooks.splice(0).map((hook) => hook.stop()))
  sandbox.faults.clear()
})

afterAll(async () => {
  await sandbox?.stop()
  await dir?.remove()
})

const VERSIONS = `# What runs in production. deploy-guard keeps this up to date; commit it after each deploy.
components:
  # the public API
  api: "v1"      # bumped by the deploy workflow
  web: 2.4.0
`

async function webhook(...script: Reply[]): Promise<WebhookServer> {
  const hook = await startWebhookServer(script.length ? script : undefined)
  hooks.push(hook)
  return hook
}

/** v1 healthy, then `kubectl set image` to `image` (the user's deploy step), in a fresh workspace. */
async function deployed(ns: string, image: string): Promise<void> {
  workspace = await mkdtemp(join(tmpdir(), 'dg-ws-'))
  await mkdir(join(workspace, 'deploy'))
  await writeFile(join(workspace, 'deploy/versions.yml'), VERSIONS)
  await deployGood(sandbox, 'Deployment', ns, 'api', deployment(ns, 'api', 'registry/api:v1', { replicas: 2 }))
  await setImage(sandbox, 'Deployment', ns, 'api', 'app', image)
}

async function verify(ns: string, hook: WebhookServer, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runCommand({
    sandbox,
    dir,
    command: 'verify',
    namespace: ns,
    target: 'deployment/api',
    inputs: {
      environment: 'production',
      'versions-file': 'deploy/versions.yml',
      'record-path': 'out/deploy-record.json',
      'notify-webhook': hook.url,
      ...inputs
    },
    env: { GITHUB_WORKSPACE: workspace, GITHUB_SHA: '0123456789abcdef' }
  })
}

const versionsFile = (): Promise<string> => readFile(join(workspace, 'deploy/versions.yml'), 'utf8')

interface Payload {
  text: string
  blocks: Array<{
    type: string
    text?: { text: string }
    fields?: Array<{ text: string }>
    elements?: Array<{ text: string }>
  }>
}
const payloads = (hook: WebhookServer): Payload[] => hook.requests.map((r) => r.body as Payload)
const payloadText = (payload: Payload): string =>
  [
    payload.text,
    ...payload.blocks.flatMap((b) => [
      b.text?.text ?? '',
      ...(b.fields ?? []).map((f) => f.text),
      ...(b.elements ?? []).map((e) => e.text)
    ])
  ].join('\n')

/** The webhook URL (a secret) never appears: not in the log, the summary, the outputs or the record. */
function expectUrlNeverShown(run: ActionRun, hook: WebhookServer): void {
  const secretPath = new URL(hook.url).pathname
  expect(run.everything).not.toContain(hook.url)
  expect(run.everything).not.toContain(secretPath)
  expect(run.everything).not.toContain('XXXXwebhookSECRETtokenXXXX')
  expect(run.masked).toContain(hook.url)
}

describe('records through the bundle', () => {
  it('a pass: versions file updated in place (comments kept), record copied, no notification by default', async () => {
    const ns = 'rec-pass'
    await deployed(ns, 'registry/api:v2')
    const hook = await webhook()
    const run = await verify(ns, hook)
    try {
      expect(run.outputs.verdict).toBe('passed')
      expect(run.exitCode).toBe(0)
      expect(await versionsFile()).toBe(VERSIONS.replace('"v1"', '"v2"'))
      expect(run.outputs['versions-file']).toBe(join(workspace, 'deploy/versions.yml'))
      expect(run.outputs['record-path']).toBe(join(workspace, 'out/deploy-record.json'))
      expect(JSON.parse(await readFile(join(workspace, 'out/deploy-record.json'), 'utf8'))).toEqual(run.record)
      expect(hook.requests).toHaveLength(0)
      expect(run.stdout).toContain('not notified (passed is not in notify-on')
      expectUrlNeverShown(run, hook)
    } finally {
      await rm(workspace, { recursive: true, force: true })
    }
  })

  it('a pass notifies when asked, retried past a 429 with Retry-After: one payload', async () => {
    const ns = 'rec-pass-notify'
    await deployed(ns, 'registry/api:v2')
    const hook = await webhook(
      { status: 429, headers: { 'retry-after': '1' }, body: 'rate_limited' },
      { status: 200, body: 'ok' }
    )
    const run = await verify(ns, hook, { 'notify-on': 'passed' })
    try {
      expect(run.outputs.verdict).toBe('passed')
      expect(hook.requests).toHaveLength(2)
      expect(hook.requests[1].raw).toBe(hook.requests[0].raw)
      const [payload] = payloads(hook)
      expect(payload.text).toMatch(/^:white_check_mark: deploy-guard verify passed: deployment\/api in production/)
      expect(payloadText(payload)).toContain('`v1` → `v2`')
      expect(payloadText(payload)).toContain('<https://github.com/org/shop/actions/runs/4242|View run>')
      expect(run.stdout).toContain('notified (passed) after 2 attempts')
      expectUrlNeverShown(run, hook)
    } finally {
      await rm(workspace, { recursive: true, force: true })
    }
  })

  it('a failed deploy kept as it is: one payload (after a 500), the versions file untouched', async () => {
    const ns = 'rec-failed'
    await deployed(ns, 'registry/api:v2-crashloop')
    const hook = await webhook({ status: 500, body: 'oops' }, { status: 200, body: 'ok' })
    const run = await verify(ns, hook, { 'rollback-on-failure': 'false' })
    try {
      expect(run.outputs.verdict).toBe('failed')
      expect(run.exitCode).not.toBe(0)
      expect(hook.requests).toHaveLength(2)
      const [payload] = payloads(hook)
      expect(payload.text).toMatch(/^:x: deploy-guard verify failed: deployment\/api in production — /)
      expect(payloadText(payload)).toContain('*Action*\nno action')
      expect(await versionsFile()).toBe(VERSIONS)
      expect(run.outputs['versions-file']).toBe('')
      expectUrlNeverShown(run, hook)
    } finally {
      await rm(workspace, { recursive: true, force: true })
    }
  })

  it('a rollback: one payload that says so, and the versions file records the restored version', async () => {
    const ns = 'rec-rollback'
    await deployed(ns, 'registry/api:v2-crashloop')
    // The deploy workflow bumped the file before deploying; after the rollback it must say v1 again.
    await writeFile(join(workspace, 'deploy/versions.yml'), VERSIONS.replace('"v1"', '"v2-crashloop"'))
    const hook = await webhook()
    const run = await verify(ns, hook)
    try {
      expect(run.outputs.verdict).toBe('failed')
      expect(run.outputs.action).toBe('rolled-back')
      expect(hook.requests).toHaveLength(1)
      const text = payloadText(payloads(hook)[0])
      expect(text).toMatch(/^:x: deploy-guard verify failed, rolled back: deployment\/api in production/)
      expect(text).toContain('`v1` → `v2-crashloop`, rolled back to `v1`')
      expect(text).toContain('*Rollback*\n• rolled back deployment/api to revision 1')
      expect(await versionsFile()).toBe(VERSIONS)
      expectUrlNeverShown(run, hook)
    } finally {
      await rm(workspace, { recursive: true, force: true })
    }
  })

  it('inconclusive: one payload; a webhook that refuses it is a warning, the verdict unchanged', async () => {
    const ns = 'rec-inconclusive'
    await deployed(ns, 'registry/api:v2')
    await waitRolledOut(sandbox, 'Deployment', ns, 'api')
    sandbox.faults.add({
      method: 'GET',
      path: `/api/v1/namespaces/${ns}/pods`,
      status: 403,
      message: 'pods is forbidden'
    })
    const hook = await webhook({ status: 404, body: `no_service ${'(echoing the path) '}` })
    const run = await verify(ns, hook)
    try {
      expect(run.outputs.verdict).toBe('inconclusive')
      expect(hook.requests).toHaveLength(1)
      expect(payloads(hook)[0].text).toMatch(/^:warning: deploy-guard verify inconclusive/)
      expect(run.stdout).toMatch(
        /::warning::deploy-guard could not deliver the notification to notify-webhook \(http:\/\/127\.0\.0\.1:\d+\/…\): HTTP 404: no_service/
      )
      expect(await versionsFile()).toBe(VERSIONS)
      expectUrlNeverShown(run, hook)
    } finally {
      await rm(workspace, { recursive: true, force: true })
    }
  })

  it('a webhook that hangs costs at most ~30 s and never fails a passed deploy', async () => {
    const ns = 'rec-hang'
    await deployed(ns, 'registry/api:v2')
    const hook = await webhook('hang')
    const started = Date.now()
    const run = await verify(ns, hook, { 'notify-on': 'all' })
    try {
      expect(run.outputs.verdict).toBe('passed')
      expect(run.exitCode).toBe(0)
      expect(Date.now() - started).toBeLessThan(50_000)
      expect(run.stdout).toMatch(/could not deliver the notification .*no answer within/)
      expect(await versionsFile()).toBe(VERSIONS.replace('"v1"', '"v2"'))
      expectUrlNeverShown(run, hook)
    } finally {
      await rm(workspace, { recursive: true, force: true })
    }
  }, 90_000)
})
