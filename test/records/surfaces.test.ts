/**
 * The three record surfaces in-process, against a temp workspace and a loopback webhook: what they
 * write, what they refuse, and that every problem is a warning (never an exception or a lost file).
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  DEFAULT_NOTIFY_ON,
  type DeployGuardConfig,
  type NotifyEvent,
  type RecordsConfig
} from '../../src/config/types.js'
import type { RunResult } from '../../src/model/result.js'
import { notifySurface } from '../../src/records/notify.js'
import { recordCopySurface } from '../../src/records/record-copy.js'
import { versionsFileSurface } from '../../src/records/versions-file.js'
import { writeRecord } from '../../src/report/record.js'
import type { RunSurface, SurfaceContext } from '../../src/report/surfaces.js'
import { result, rolledBack } from './results.js'
import { startWebhookServer, type WebhookServer } from './webhook-server.js'

let workspace: string
let logs: string[]
let warnings: string[]
const servers: WebhookServer[] = []

beforeEach(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'g4-ws-'))
  logs = []
  warnings = []
})
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()))
  await rm(workspace, { recursive: true, force: true })
})

function context(records: Partial<RecordsConfig>, version?: string): SurfaceContext {
  const config = {
    targets: [],
    variables: {},
    dryRun: false,
    ...(version ? { version } : {}),
    records: { commentOnPr: 'auto', deploymentStatus: 'auto', notifyOn: [...DEFAULT_NOTIFY_ON], ...records }
  } as unknown as DeployGuardConfig
  return {
    config,
    command: 'verify',
    env: {
      GITHUB_WORKSPACE: workspace,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'org/repo',
      GITHUB_RUN_ID: '7'
    },
    githubToken: '',
    log: (line) => logs.push(line),
    warn: (message) => warnings.push(message),
    signal: new AbortController().signal
  }
}

const finish = (surface: RunSurface | undefined, run: RunResult, recordPath = ''): ReturnType<RunSurface['finish']> => {
  if (!surface) throw new Error('expected a surface')
  return surface.finish(run, recordPath)
}

const VERSIONS = '# what runs in production\ncomponents:\n  api: "1.2.2" # the API\n  web: v7\n'

describe('versions-file', () => {
  it('is not opened without the input', () => {
    expect(versionsFileSurface(context({}))).toBeUndefined()
  })

  it('updates the file in place on a passed run, comments kept, and outputs its path', async () => {
    await mkdir(join(workspace, 'deploy'))
    await writeFile(join(workspace, 'deploy/versions.yml'), VERSIONS)
    const outputs = await finish(versionsFileSurface(context({ versionsFile: 'deploy/versions.yml' })), result())
    expect(outputs).toEqual({ 'versions-file': join(workspace, 'deploy/versions.yml') })
    expect(await readFile(join(workspace, 'deploy/versions.yml'), 'utf8')).toBe(VERSIONS.replace('"1.2.2"', '"v1.2.3"'))
    expect(logs).toContain('versions-file: updated deploy/versions.yml (api v1.2.3)')
  })

  it('creates a missing file (and its directory)', async () => {
    await finish(versionsFileSurface(context({ versionsFile: 'envs/prod/versions.yml' }, '2.0.0')), result())
    expect(await readFile(join(workspace, 'envs/prod/versions.yml'), 'utf8')).toMatch(
      /^#.*\n+components:\n {2}api: "2.0.0"\n$/
    )
  })

  it('leaves the file alone on a failed run, output empty', async () => {
    await writeFile(join(workspace, 'versions.yml'), VERSIONS)
    const outputs = await finish(
      versionsFileSurface(context({ versionsFile: 'versions.yml' })),
      result({ verdict: 'failed' })
    )
    expect(outputs).toEqual({ 'versions-file': '' })
    expect(await readFile(join(workspace, 'versions.yml'), 'utf8')).toBe(VERSIONS)
  })

  it('records the restored version after a rollback', async () => {
    await writeFile(join(workspace, 'versions.yml'), VERSIONS.replace('"1.2.2"', '"v1.2.3"'))
    await finish(versionsFileSurface(context({ versionsFile: 'versions.yml' })), rolledBack())
    expect(await readFile(join(workspace, 'versions.yml'), 'utf8')).toBe(VERSIONS.replace('"1.2.2"', '"v1.2.2"'))
  })

  it('bad YAML is a warning and the file stays untouched', async () => {
    await writeFile(join(workspace, 'versions.yml'), 'components: [\n')
    const outputs = await finish(versionsFileSurface(context({ versionsFile: 'versions.yml' })), result())
    expect(outputs).toEqual({ 'versions-file': '' })
    expect(warnings).toEqual([
      expect.stringMatching(/^deploy-guard left the versions file versions\.yml untouched: not valid YAML: /)
    ])
    expect(await readFile(join(workspace, 'versions.yml'), 'utf8')).toBe('components: [\n')
  })

  it.each(['../outside.yml', '/etc/versions.yml', 'a/../../outside.yml'])(
    'refuses %s (outside the workspace)',
    async (path) => {
      await expect(finish(versionsFileSurface(context({ versionsFile: path })), result())).rejects.toThrow(
        /^versions-file ".*" is outside the workspace/
      )
    }
  )

  it('refuses a symlink that leads out of the workspace', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'g4-out-'))
    try {
      await writeFile(join(outside, 'versions.yml'), VERSIONS)
      await symlink(outside, join(workspace, 'link'))
      await expect(
        finish(versionsFileSurface(context({ versionsFile: 'link/versions.yml' })), result())
      ).rejects.toThrow(/through a symlink/)
      expect(await readFile(join(outside, 'versions.yml'), 'utf8')).toBe(VERSIONS)
    } finally {
      await rm(outside, { recursive: true, force: true })
    }
  })
})

describe('record-path', () => {
  it('writes the same bytes as the record file, creating directories', async () => {
    const run = rolledBack()
    const recordDir = join(workspace, '.tmp-record')
    const recordPath = await writeRecord(run, recordDir)
    const outputs = await finish(recordCopySurface(context({ recordPath: 'out/records/deploy.json' })), run, recordPath)
    expect(outputs).toEqual({ 'record-path': join(workspace, 'out/records/deploy.json') })
    expect(await readFile(join(workspace, 'out/records/deploy.json'), 'utf8')).toBe(await readFile(recordPath, 'utf8'))
  })

  it('a directory path gets the record’s own file name; without a record file the result is serialised', async () => {
    const outputs = await finish(recordCopySurface(context({ recordPath: 'records/' })), result())
    const path = join(workspace, 'records/deploy-guard-verify-20260102T030500Z.json')
    expect(outputs).toEqual({ 'record-path': path })
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ schemaVersion: 1, verdict: 'passed' })
  })

  it('refuses a path outside the workspace', async () => {
    await expect(finish(recordCopySurface(context({ recordPath: '../r.json' })), result())).rejects.toThrow(
      /outside the workspace/
    )
  })
})

describe('notify-webhook', () => {
  async function hook(...script: Parameters<typeof startWebhookServer>[0] & object): Promise<WebhookServer> {
    const server = await startWebhookServer(script.length ? script : undefined)
    servers.push(server)
    return server
  }

  it.each([
    ['failed: one payload', result({ verdict: 'failed', reasons: ['pods crash'] }), 1],
    ['inconclusive: one payload', result({ verdict: 'inconclusive', reasons: ['no data'] }), 1],
    ['rolled back: one payload', rolledBack(), 1],
    ['passed: none', result(), 0]
  ])('default notify-on, %s', async (_name, run, count) => {
    const server = await hook()
    await finish(notifySurface(context({ notifyWebhook: server.url })), run)
    expect(server.requests).toHaveLength(count)
    if (count)
      expect((server.requests[0].body as { text: string }).text).toContain(`deploy-guard verify ${run.verdict}`)
    else expect(logs[0]).toMatch(/not notified \(passed is not in notify-on: failed, inconclusive, rolled-back\)/)
  })

  it('a pass notifies when asked', async () => {
    const server = await hook()
    await finish(notifySurface(context({ notifyWebhook: server.url, notifyOn: ['passed'] as NotifyEvent[] })), result())
    expect(server.requests).toHaveLength(1)
  })

  it('an undeliverable notification is one warning without the URL, and never throws', async () => {
    const server = await hook({ status: 403, body: `invalid_token for ${'x'}` })
    await finish(notifySurface(context({ notifyWebhook: server.url })), result({ verdict: 'failed' }))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /^deploy-guard could not deliver the notification to notify-webhook \(http:\/\/127\.0\.0\.1:\d+\/…\): HTTP 403: invalid_token/
    )
    expect(warnings[0]).not.toContain('SECRET')
  })
})
