/**
 * The fast path over real TLS: the sandbox (its own CA, a bearer token) reached through its kubeconfig,
 * a tiny mutual-TLS server for client certificates, and the client-node fallback for what we hand it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:https'
import type { TLSSocket } from 'node:tls'
import { generate } from 'selfsigned'
import YAML from 'yaml'
import { KubeApiError } from '../../src/kube/api.js'
import { createKubeApi } from '../../src/kube/client.js'
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

  it('hands an unrecognised kubeconfig to @kubernetes/client-node, which still works', async () => {
    const api = await createKubeApi(
      { kubeconfig: edited(sandbox.kubeconfig, (doc) => (doc.clusters[0]!.cluster['some-future-field'] = true)) },
      fast
    )
    try {
      expect(api.transport).toBe('@kubernetes/client-node')
      expect((await api.list(PODS, 'big', { pageSize: 100 })).length).toBe(120)
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
