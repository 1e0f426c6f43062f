/**
 * What the ncc bundle loads at start, from a fresh build (scripts/build-to.sh, the same as
 * `npm run build`) and ncc's webpack stats: a run loads dist/index.js (the initial chunk); everything
 * else is a lazy chunk that waits for `import()`. Start-up is paid by every deploy job, so the
 * libraries only some runs need must stay out of index.js, and the sizes stay within what the build
 * achieves (bytes are deterministic, unlike timings; `npm run bench` prints them beside issue 11's
 * targets). The bundle is also run once with a legacy auth-provider user behind an HTTP proxy, since
 * those lazy chunks (client-node's authenticator, hpagent) must load from the bundle.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer as createHttpServer, type Server } from 'node:http'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import YAML from 'yaml'
import { bundleFiles } from '../../bench/bundle-files.js'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import { apply, deployment } from '../e2e/fixtures.js'
import { parseOutputFile } from '../e2e/run-action.js'

/** The parts of webpack's stats.json (ncc --stats-out) read here. */
interface Stats {
  chunks: Array<{ id: number | string; initial: boolean; files: string[] }>
  modules: Array<{ name: string; chunks: Array<number | string>; modules?: Array<{ name: string }> }>
}

const NODE = existsSync(resolve('node_modules/.bin/node')) ? resolve('node_modules/.bin/node') : process.execPath
let dir: string
let out: string
let stats: Stats

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dg-bundle-'))
  out = join(dir, 'dist')
  execFileSync('bash', ['scripts/build-to.sh', out, '--stats-out', join(dir, 'stats.json')], { stdio: 'pipe' })
  stats = JSON.parse(readFileSync(join(dir, 'stats.json'), 'utf8')) as Stats
}, 180_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Source modules (node_modules paths included) in the chunks matching `which`; concatenated ones unpacked. */
function modulesIn(which: (chunk: Stats['chunks'][number]) => boolean): string[] {
  const ids = new Set(stats.chunks.filter(which).map((c) => c.id))
  return stats.modules
    .filter((m) => m.chunks.some((c) => ids.has(c)))
    .flatMap((m) => [m.name, ...(m.modules ?? []).map((inner) => inner.name)])
}

describe('what every run loads at start', () => {
  it('is index.js alone: every other chunk is lazy', () => {
    expect(stats.chunks.filter((c) => c.initial).flatMap((c) => c.files)).toEqual(['index.js'])
  })

  it.each([
    [
      '@kubernetes/client-node (auth-provider users load its authenticators)',
      /node_modules\/@kubernetes\/client-node\//
    ],
    ['the GitHub API client (only runs that publish to GitHub load it)', /node_modules\/(@octokit|@actions\/github)\//],
    ['axios (the Prometheus and webhook client)', /node_modules\/axios\//],
    ['the proxy agents (only proxy-url kubeconfigs load them)', /node_modules\/(hpagent|socks|socks-proxy-agent)\//],
    ["zod's translations (only English messages are shown)", /node_modules\/zod\/v4\/locales\/(?!en\.js)/],
    [
      'the PromQL parser (only configs with analysis, canary or alerts load it)',
      /node_modules\/(@lezer|@prometheus-io)\//
    ],
    [
      'the analysis, canary and alerts config schemas',
      /src\/config\/(schema\.ts|schema-(analysis|canary|alerts)\.ts|promql\.ts|query-check\.ts)$/
    ]
  ])('leaves out %s', (_what, pattern) => {
    expect(modulesIn((c) => c.initial).filter((name) => pattern.test(name))).toEqual([])
  })

  it("holds none of client-node's generated API and models, lazily or not (the old 19 MB chunk)", () => {
    const all = modulesIn(() => true)
    expect(all.filter((name) => /client-node\/dist\/(gen\/|config\.js|index\.js|oidc_auth\.js)/.test(name))).toEqual([])
    // What it does bundle from client-node: the authenticators, each a small module.
    expect(all.filter((name) => /client-node\//.test(name)).sort()).toEqual([
      './node_modules/@kubernetes/client-node/dist/azure_auth.js',
      './node_modules/@kubernetes/client-node/dist/file_auth.js',
      './node_modules/@kubernetes/client-node/dist/gcp_auth.js'
    ])
  })

  it("is what the bench's figure counts, within the sizes ncc achieves", async () => {
    const files = await bundleFiles(join(out, 'index.js'))
    expect(files.startupFiles).toBe(1)
    expect(files.startupBytes).toBe(statSync(join(out, 'index.js')).size)
    // Measured 885 KiB (minified). Issue 11's target is 700 KiB: @actions/core 3 imports its OIDC client
    // eagerly, and with it @actions/http-client and undici (~490 KiB, ~35 ms of start-up), for a token
    // deploy-guard never asks for; we keep the library rather than re-implement the runner protocol.
    // zod and yaml are most of the rest, both needed before the first request. 3 MiB in all (8 MiB).
    expect(files.startupBytes).toBeLessThanOrEqual(950 * 1024)
    expect(files.allBytes).toBeLessThanOrEqual(8 * 1024 * 1024)
  })

  // ncc's own list misses packages concatenated into a chunk (all of index.js's): the build completes it.
  it('ships the license of every bundled package, those inside index.js included', () => {
    const licenses = readFileSync(join(out, 'licenses.txt'), 'utf8')
    for (const name of [
      '@actions/core',
      '@kubernetes/client-node',
      'hpagent',
      'socks-proxy-agent',
      'undici',
      'yaml',
      'zod'
    ])
      expect(licenses).toMatch(new RegExp(`^${name.replace('/', '\\/')}\\n`, 'm'))
  })
})

describe('the bundle with a legacy auth-provider user behind an HTTP proxy', () => {
  let sandbox: Sandbox
  let proxy: Server
  const tunnels: string[] = []
  beforeAll(async () => {
    sandbox = await startSandbox({ timeScale: 50 })
    apply(
      sandbox,
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod' } },
      deployment('prod', 'api', 'registry/api:v1')
    )
    proxy = createHttpServer()
    proxy.on('connect', (req, client: Socket, head: Buffer) => {
      tunnels.push(String(req.url))
      const [host, port] = String(req.url).split(':')
      const upstream = connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
        upstream.write(head)
        client.pipe(upstream).pipe(client)
      })
      upstream.on('error', () => client.destroy())
      client.on('error', () => upstream.destroy())
    })
    await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done))
  })
  afterAll(async () => {
    proxy.closeAllConnections()
    await new Promise<void>((done) => proxy.close(() => done()))
    await sandbox.stop()
  })

  it("verifies a Deployment: client-node's gcp authenticator and hpagent load from their chunks", async () => {
    const doc = YAML.parse(sandbox.kubeconfig) as {
      clusters: Array<{ cluster: Record<string, unknown> }>
      users: Array<{ user: Record<string, unknown> }>
    }
    doc.clusters[0]!.cluster['proxy-url'] = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`
    doc.users[0]!.user = { 'auth-provider': { name: 'gcp', config: { 'access-token': sandbox.token } } }
    const output = join(dir, 'output')
    writeFileSync(output, '')
    writeFileSync(join(dir, 'summary.md'), '')
    const code = await new Promise<number>((done, reject) => {
      const child = spawn(NODE, [join(out, 'index.js')], {
        env: {
          PATH: process.env.PATH ?? '',
          HOME: dir,
          RUNNER_TEMP: dir,
          GITHUB_OUTPUT: output,
          GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
          INPUT_COMMAND: 'verify',
          INPUT_TARGET: 'deployment/api',
          INPUT_NAMESPACE: 'prod',
          INPUT_TIMEOUT: '30s',
          INPUT_KUBECONFIG: YAML.stringify(doc)
        },
        stdio: 'ignore'
      })
      child.on('error', reject)
      child.on('close', (c) => done(c ?? -1))
    })
    const outputs = parseOutputFile(readFileSync(output, 'utf8'))
    expect({ code, verdict: outputs.verdict }).toEqual({ code: 0, verdict: 'passed' })
    expect(sandbox.requests.some((r) => r.path === '/apis/apps/v1/namespaces/prod/deployments/api')).toBe(true)
    expect(tunnels.length).toBeGreaterThanOrEqual(1)
    expect(new Set(tunnels)).toEqual(new Set([`127.0.0.1:${new URL(sandbox.url).port}`]))
  }, 60_000)
})
