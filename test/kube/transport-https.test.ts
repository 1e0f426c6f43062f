/**
 * The fast path over real TLS: the sandbox (its own CA, a bearer token) reached through its kubeconfig,
 * a tiny mutual-TLS server for client certificates, legacy auth-provider users, and proxy-url through
 * loopback HTTP CONNECT and SOCKS5 proxies.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer as createHttpServer } from 'node:http'
import { createServer, type Server } from 'node:https'
import { connect, createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TLSSocket } from 'node:tls'
import { generate } from 'selfsigned'
import YAML from 'yaml'
import { KubeApiError } from '../../src/kube/api.js'
import { createKubeApi } from '../../src/kube/client.js'
import { credentialProvider } from '../../src/kube/transport/credentials.js'
import { loadClusterConfig } from '../../src/kube/transport/kubeconfig.js'
import { startSandbox, type Sandbox } from '../sandbox/index.js'

const PODS = { apiVersion: 'v1', resource: 'pods', kind: 'Pod', namespaced: true }
const CONFIGMAPS = { apiVersion: 'v1', resource: 'configmaps', kind: 'ConfigMap', namespaced: true }
const fast = { retries: 0 }
let sandbox: Sandbox

type Doc = { clusters: Array<{ cluster: Record<string, unknown> }>; users: Array<{ user: Record<string, unknown> }> }
function edited(text: string, edit: (doc: Doc) => void): string {
  const doc = YAML.parse(text) as Doc
  edit(doc)
  return YAML.stringify(doc)
}

async function errorOf(promise: Promise<unknown>): Promise<KubeApiError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof KubeApiError) return error
    throw error
  }
  throw new Error('expected a KubeApiError')
}

beforeAll(async () => {
  const pods = Array.from(
    { length: 120 },
    (_, i) =>
      `---\napiVersion: v1\nkind: Pod\nmetadata: {name: p-${i}, namespace: big, labels: {app: big}, annotations: {sandbox.deploy-guard.dev/unmanaged: "true"}}\nspec: {containers: [{name: c, image: "nginx:1"}]}`
  )
  sandbox = await startSandbox({
    scenarioText: `apiVersion: v1\nkind: Namespace\nmetadata: {name: big}\n${pods.join('\n')}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: big}\ndata: {a: "1"}`
  })
})
afterAll(() => sandbox.stop())

describe('node:https against the sandbox', () => {
  it('lists pods in pages, gets and patches, counting every request', async () => {
    const api = await createKubeApi({ kubeconfig: sandbox.kubeconfig }, fast)
    try {
      expect(api.transport).toBe('node:https')
      expect(api.server).toBe(sandbox.url)
      sandbox.clearRequests()
      const listed = await api.list(PODS, 'big', { labelSelector: 'app=big', pageSize: 50 })
      expect(listed).toHaveLength(120)
      expect(new Set(listed.map((p) => p.metadata.name)).size).toBe(120)
      expect(listed[0]).toMatchObject({ apiVersion: 'v1', kind: 'Pod' })
      expect(sandbox.requests.map((r) => [r.path, r.query.limit, Boolean(r.query.continue)])).toEqual([
        ['/api/v1/namespaces/big/pods', '50', false],
        ['/api/v1/namespaces/big/pods', '50', true],
        ['/api/v1/namespaces/big/pods', '50', true]
      ])
      const patched = await api.patch(CONFIGMAPS, 'big', 'settings', { data: { b: '2' } }, 'merge')
      expect(patched.data).toEqual({ a: '1', b: '2' })
      expect(await api.get(CONFIGMAPS, 'big', 'settings')).toMatchObject({ kind: 'ConfigMap', data: { b: '2' } })
      expect(await api.get(CONFIGMAPS, 'big', 'nope')).toBeUndefined()
      expect(api.requestCount).toBe(sandbox.requests.length)
    } finally {
      await api.close()
    }
  })

  it('reads the kubeconfig file named by KUBECONFIG', async () => {
    const saved = process.env.KUBECONFIG
    process.env.KUBECONFIG = sandbox.kubeconfigPath
    try {
      const api = await createKubeApi({}, fast)
      expect((await api.list(PODS, 'big', { pageSize: 500 })).length).toBe(120)
      await api.close()
    } finally {
      if (saved === undefined) delete process.env.KUBECONFIG
      else process.env.KUBECONFIG = saved
    }
  })

  it('maps a 401 to the same message as before, without the token', async () => {
    const wrong = edited(sandbox.kubeconfig, (doc) => (doc.users[0]!.user = { token: 'wrong-token' }))
    const api = await createKubeApi({ kubeconfig: wrong }, fast)
    const error = await errorOf(api.list(PODS, 'big'))
    await api.close()
    expect(error.reason).toBe('unauthorized')
    expect(error.message).toBe(
      `the Kubernetes API at ${sandbox.url} rejected the credentials (401 Unauthorized); check the kubeconfig user`
    )
    expect(error.message).not.toContain('wrong-token')
  })

  it.each([
    [
      'without its CA: the certificate is not trusted',
      (c: Record<string, unknown>) => delete c['certificate-authority-data'],
      /cannot verify the TLS certificate of the Kubernetes API at .* \((SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\): the server's certificate is not signed by a trusted CA; check the cluster's certificate-authority-data/
    ],
    [
      'a tls-server-name the certificate does not name',
      (c: Record<string, unknown>) => (c['tls-server-name'] = 'other.example'),
      /\(ERR_TLS_CERT_ALTNAME_INVALID\): the server's certificate is not valid for this host name/
    ]
  ])('TLS fails %s, at once (a verification failure is not transient)', async (_name, edit, pattern) => {
    const api = await createKubeApi(
      { kubeconfig: edited(sandbox.kubeconfig, (doc) => edit(doc.clusters[0]!.cluster)) },
      fast
    )
    const error = await errorOf(api.list(PODS, 'big'))
    await api.close()
    expect(error.reason).toBe('tls')
    expect(error.transient).toBe(false)
    expect(error.message).toMatch(pattern)
    expect(error.message).not.toMatch(/after \d+ retries/)
  })

  it.each([
    ['tls-server-name the certificate names', (c: Record<string, unknown>) => (c['tls-server-name'] = 'localhost')],
    [
      'insecure-skip-tls-verify',
      (c: Record<string, unknown>) => {
        delete c['certificate-authority-data']
        c['insecure-skip-tls-verify'] = true
      }
    ]
  ])('TLS succeeds with %s', async (_name, edit) => {
    const api = await createKubeApi(
      { kubeconfig: edited(sandbox.kubeconfig, (doc) => edit(doc.clusters[0]!.cluster)) },
      fast
    )
    expect(await api.get(CONFIGMAPS, 'big', 'settings')).toBeDefined()
    await api.close()
  })

  it('ignores a kubeconfig field it does not know (as kubectl does) and still works', async () => {
    const api = await createKubeApi(
      { kubeconfig: edited(sandbox.kubeconfig, (doc) => (doc.clusters[0]!.cluster['some-future-field'] = true)) },
      fast
    )
    try {
      expect(api.transport).toBe('node:https')
      expect((await api.list(PODS, 'big', { pageSize: 100 })).length).toBe(120)
    } finally {
      await api.close()
    }
  })
})

describe('auth-provider users', () => {
  const withProvider = (provider: Record<string, unknown>) =>
    edited(sandbox.kubeconfig, (doc) => (doc.users[0]!.user = { 'auth-provider': provider }))
  const jwt = (exp: number) =>
    ['{"alg":"none"}', JSON.stringify({ exp }), 'sig'].map((p) => Buffer.from(p).toString('base64url')).join('.')

  it.each([
    [
      "gcp, through client-node's own authenticator",
      () => ({ name: 'gcp', config: { 'access-token': sandbox.token } })
    ],
    [
      "azure, through client-node's own authenticator",
      () => ({ name: 'azure', config: { 'access-token': sandbox.token } })
    ]
  ])('%s: the access token is the bearer token', async (_name, provider) => {
    const secrets: string[] = []
    const api = await createKubeApi(
      { kubeconfig: withProvider(provider()) },
      { ...fast, onSecret: (s) => secrets.push(s) }
    )
    try {
      expect(api.transport).toBe('node:https')
      expect(await api.get(CONFIGMAPS, 'big', 'settings')).toMatchObject({ data: { a: '1' } })
      expect(secrets).toContain(sandbox.token)
    } finally {
      await api.close()
    }
  })

  it("a tokenFile in the provider's config is read (client-node's FileAuth)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-authprovider-'))
    try {
      writeFileSync(join(dir, 'token'), sandbox.token)
      const api = await createKubeApi(
        { kubeconfig: withProvider({ name: 'custom', config: { tokenFile: join(dir, 'token') } }) },
        fast
      )
      expect(await api.get(CONFIGMAPS, 'big', 'settings')).toBeDefined()
      await api.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('oidc: an unexpired id-token is the bearer token until shortly before its exp', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3600
    const target = loadClusterConfig({
      kubeconfig: withProvider({ name: 'oidc', config: { 'id-token': jwt(exp) } })
    }).target
    let now = Date.now()
    const provider = credentialProvider(target, { now: () => now })
    expect(await provider.get()).toEqual({ headers: { Authorization: `Bearer ${jwt(exp)}` } })
    now = exp * 1000 - 5_000
    await expect(provider.get()).rejects.toThrow(/the id-token expired at/)
    // Through the API: the sandbox knows only its own token, so a 401 shows the id-token was sent.
    const api = await createKubeApi(
      { kubeconfig: withProvider({ name: 'oidc', config: { 'id-token': jwt(exp) } }) },
      fast
    )
    const error = await errorOf(api.list(PODS, 'big'))
    await api.close()
    expect(error.reason).toBe('unauthorized')
  })

  it.each([
    [
      'an expired oidc id-token',
      () => ({ name: 'oidc', config: { 'id-token': jwt(1_700_000_000), 'refresh-token': 'r', 'client-id': 'c' } }),
      /^could not get credentials for the Kubernetes API at .*: user "[^"]+" \(auth-provider oidc\): the id-token expired at 2023-11-14T22:13:20.000Z and deploy-guard does not refresh OIDC tokens; use an exec credential plugin instead \(for OIDC, kubelogin/
    ],
    [
      'an unknown provider',
      () => ({ name: 'openstack', config: {} }),
      /user "[^"]+" \(auth-provider openstack\): this auth-provider is not supported; use an exec credential plugin instead/
    ]
  ])('%s fails at once with what to do instead', async (_name, provider, pattern) => {
    const api = await createKubeApi({ kubeconfig: withProvider(provider()) }, fast)
    sandbox.clearRequests()
    const error = await errorOf(api.list(PODS, 'big'))
    await api.close()
    expect(error.message).toMatch(pattern)
    expect(error.transient).toBe(false)
    expect(sandbox.requests).toEqual([])
  })
})

describe('proxy-url', () => {
  const proxies: TcpServer[] = []
  afterAll(async () => {
    for (const proxy of proxies) await new Promise<void>((resolve) => proxy.close(() => resolve()))
  })
  /** Pipes a client socket to the sandbox's port, counting tunnels. */
  const tunnelTo = (client: Socket, port: number, onOpen: (upstream: Socket) => void) => {
    const upstream = connect(port, '127.0.0.1', () => onOpen(upstream))
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  }
  const sandboxPort = () => Number(new URL(sandbox.url).port)
  const listen = async (server: TcpServer): Promise<number> => {
    proxies.push(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return (server.address() as { port: number }).port
  }

  it('http: the API is reached through a CONNECT tunnel, TLS end to end, the proxy password masked', async () => {
    const tunnels: string[] = []
    const proxy = createHttpServer()
    proxy.on('connect', (req, client: Socket, head: Buffer) => {
      tunnels.push(`${req.url} ${req.headers['proxy-authorization'] ?? ''}`)
      tunnelTo(client, sandboxPort(), (upstream) => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
        upstream.write(head)
        client.pipe(upstream).pipe(client)
      })
    })
    const port = await listen(proxy)
    const secrets: string[] = []
    const api = await createKubeApi(
      {
        kubeconfig: edited(
          sandbox.kubeconfig,
          (doc) => (doc.clusters[0]!.cluster['proxy-url'] = `http://ci:pa%24s@127.0.0.1:${port}`)
        )
      },
      { ...fast, onSecret: (s) => secrets.push(s) }
    )
    try {
      expect((await api.list(PODS, 'big', { pageSize: 100 })).length).toBe(120)
      expect(tunnels.length).toBeGreaterThanOrEqual(1)
      expect(tunnels[0]).toBe(`127.0.0.1:${sandboxPort()} Basic ${Buffer.from('ci:pa$s').toString('base64')}`)
      expect(secrets).toContain('pa$s')
    } finally {
      await api.close()
    }
  })

  it('socks5: the API is reached through the SOCKS proxy', async () => {
    const connects: string[] = []
    // A minimal SOCKS5 server (RFC 1928): no authentication, CONNECT to an IPv4 address or a name.
    const proxy = createTcpServer((client) => {
      client.once('data', () => {
        client.write(Buffer.from([5, 0]))
        client.once('data', (request: Buffer) => {
          const type = request[3]
          const host =
            type === 1 ? [...request.subarray(4, 8)].join('.') : request.subarray(5, 5 + request[4]!).toString()
          const port = request.readUInt16BE(request.length - 2)
          connects.push(`${host}:${port}`)
          tunnelTo(client, port, (upstream) => {
            client.write(Buffer.from([5, 0, 0, 1, 127, 0, 0, 1, 0, 0]))
            client.pipe(upstream).pipe(client)
          })
        })
      })
    })
    const port = await listen(proxy)
    const api = await createKubeApi(
      {
        kubeconfig: edited(
          sandbox.kubeconfig,
          (doc) => (doc.clusters[0]!.cluster['proxy-url'] = `socks5://127.0.0.1:${port}`)
        )
      },
      fast
    )
    try {
      expect(await api.get(CONFIGMAPS, 'big', 'settings')).toMatchObject({ data: { a: '1' } })
      expect(connects).toEqual([`127.0.0.1:${sandboxPort()}`])
    } finally {
      await api.close()
    }
  })
})

describe('client certificates', () => {
  let server: Server
  let url: string
  let connections = 0
  let pems: { ca: string; clientCert: string; clientKey: string }

  beforeAll(async () => {
    const days = (n: number) => new Date(Date.now() + n * 86_400_000)
    const opts = {
      keyType: 'ec' as const,
      curve: 'P-256' as const,
      algorithm: 'sha256',
      notBeforeDate: days(-1),
      notAfterDate: days(1)
    }
    const ca = await generate([{ name: 'commonName', value: 'test-ca' }], {
      ...opts,
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true }
      ]
    })
    const signed = (cn: string, extensions: unknown[]) =>
      generate([{ name: 'commonName', value: cn }], {
        ...opts,
        ca: { key: ca.private, cert: ca.cert },
        extensions
      } as never)
    const serverCert = await signed('apiserver', [
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }
    ])
    const client = await signed('ci-bot', [{ name: 'extKeyUsage', clientAuth: true }])
    pems = { ca: ca.cert, clientCert: client.cert, clientKey: client.private }
    server = createServer(
      { key: serverCert.private, cert: serverCert.cert, ca: ca.cert, requestCert: true, rejectUnauthorized: false },
      (req, res) => {
        const socket = req.socket as TLSSocket
        const cn = socket.authorized ? socket.getPeerCertificate().subject?.CN : undefined
        res.writeHead(cn ? 200 : 401, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: String(cn) } }))
      }
    )
    server.on('secureConnection', () => connections++)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `https://127.0.0.1:${(server.address() as { port: number }).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('are presented from kubeconfig data (mutual TLS), over one kept-alive connection', async () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64')
    const kubeconfig = YAML.stringify({
      clusters: [{ name: 'c', cluster: { server: url, 'certificate-authority-data': b64(pems.ca) } }],
      users: [
        { name: 'u', user: { 'client-certificate-data': b64(pems.clientCert), 'client-key-data': b64(pems.clientKey) } }
      ],
      contexts: [{ name: 'c', context: { cluster: 'c', user: 'u' } }],
      'current-context': 'c'
    })
    const api = await createKubeApi({ kubeconfig }, fast)
    for (let i = 0; i < 3; i++) expect((await api.get(PODS, 'x', 'anything'))?.metadata.name).toBe('ci-bot')
    expect(connections).toBe(1)
    await api.close()
  })
})
