/**
 * The kubeconfig reader (src/kube/transport/kubeconfig.ts): what it resolves (auth-provider users and
 * proxy-url included, which once needed client-node) and that every error is one sentence without
 * the document.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadClusterConfig, type ClusterTarget, type LoadedConfig } from '../../src/kube/transport/kubeconfig.js'

const SECRET = 's3cr3t-token'
const b64 = (text: string) => Buffer.from(text).toString('base64')

/** A kubeconfig with two clusters/contexts; `cluster`/`user` are YAML flow mappings for the `prod` entries. */
const kubeconfig = ({
  cluster = `{ server: "https://prod.example:6443", certificate-authority-data: "${b64('CA-PEM')}" }`,
  user = `{ token: ${SECRET} }`,
  extra = 'current-context: prod'
} = {}) => `apiVersion: v1
kind: Config
clusters:
- name: prod
  cluster: ${cluster}
- name: dev
  cluster: { server: "https://dev.example:6443/" }
users:
- name: ci
  user: ${user}
contexts:
- name: prod
  context: { cluster: prod, user: ci, namespace: shop }
- name: dev
  context: { cluster: dev, user: ci }
${extra}
`

let dir: string
const noEnv = {}
const load = (text: string, context?: string): LoadedConfig =>
  loadClusterConfig({ kubeconfig: text, context }, noEnv, '')
const native = (loaded: LoadedConfig): ClusterTarget => loaded.target
const messageOf = (fn: () => unknown): string => {
  try {
    fn()
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('expected an error')
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dg-kubeconfig-'))
  await mkdir(join(dir, 'certs'))
  await writeFile(join(dir, 'certs', 'ca.crt'), 'CA-FROM-FILE')
  await writeFile(join(dir, 'certs', 'client.crt'), 'CERT-FROM-FILE')
  await writeFile(join(dir, 'certs', 'client.key'), 'KEY-FROM-FILE')
  await writeFile(join(dir, 'token'), `${SECRET}\n`)
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('the fast path resolves', () => {
  it('a bearer token and the CA from data, in the current context', () => {
    const target = native(load(kubeconfig()))
    expect(target).toMatchObject({
      server: 'https://prod.example:6443',
      context: 'prod',
      cluster: 'prod',
      user: 'ci',
      auth: { type: 'token', token: SECRET },
      tls: { insecure: false }
    })
    expect(target.tls.ca?.toString()).toBe('CA-PEM')
  })

  it.each([
    ['a token file', `{ tokenFile: ${'TOKEN'} }`, { type: 'token-file', path: 'TOKEN' }],
    ["client-node's token-file spelling", `{ token-file: ${'TOKEN'} }`, { type: 'token-file', path: 'TOKEN' }],
    ['basic auth', '{ username: admin, password: pw }', { type: 'basic', username: 'admin', password: 'pw' }],
    ['no credentials', '{}', { type: 'none' }],
    ['a token over an exec plugin', `{ token: ${SECRET}, exec: { command: aws } }`, { type: 'token', token: SECRET }]
  ])('%s', (_name, user, auth) => {
    const expected = 'path' in auth ? { ...auth, path: join(dir, 'token') } : auth
    expect(native(load(kubeconfig({ user: user.replace('TOKEN', join(dir, 'token')) }))).auth).toEqual(expected)
  })

  it('client certificate and key from data', () => {
    const target = native(
      load(kubeconfig({ user: `{ client-certificate-data: "${b64('CERT')}", client-key-data: "${b64('KEY')}" }` }))
    )
    expect([target.tls.cert?.toString(), target.tls.key?.toString()]).toEqual(['CERT', 'KEY'])
    expect(target.auth).toEqual({ type: 'none' })
  })

  it('CA, client certificate, key and token file paths relative to the kubeconfig file', async () => {
    const file = join(dir, 'relative.yaml')
    await writeFile(
      file,
      kubeconfig({
        cluster: '{ server: "https://prod.example:6443", certificate-authority: certs/ca.crt }',
        user: '{ client-certificate: certs/client.crt, client-key: ./certs/client.key, tokenFile: token }'
      })
    )
    const target = native(loadClusterConfig({}, { KUBECONFIG: file }, ''))
    expect(target.tls.ca?.toString()).toBe('CA-FROM-FILE')
    expect(target.tls.cert?.toString()).toBe('CERT-FROM-FILE')
    expect(target.tls.key?.toString()).toBe('KEY-FROM-FILE')
    expect(target.auth).toEqual({ type: 'token-file', path: join(dir, 'token') })
  })

  it('insecure-skip-tls-verify and tls-server-name', () => {
    const target = native(
      load(
        kubeconfig({
          cluster: '{ server: "https://10.0.0.1:6443", insecure-skip-tls-verify: true, tls-server-name: api.internal }'
        })
      )
    )
    expect(target.tls).toMatchObject({ insecure: true, servername: 'api.internal' })
  })

  it('plain http only with insecure-skip-tls-verify', () => {
    expect(
      native(load(kubeconfig({ cluster: '{ server: "http://127.0.0.1:8080", insecure-skip-tls-verify: true }' })))
        .server
    ).toBe('http://127.0.0.1:8080')
  })

  it('the context asked for instead of the current one (trailing slash dropped)', () => {
    expect(native(load(kubeconfig(), 'dev'))).toMatchObject({ context: 'dev', server: 'https://dev.example:6443' })
  })

  it('an exec plugin with args, env and apiVersion', () => {
    const target = native(
      load(
        kubeconfig({
          user: `{ exec: { command: ./bin/get-token, args: [--cluster, prod], env: [{ name: REGION, value: eu }], apiVersion: client.authentication.k8s.io/v1, interactiveMode: Never } }`
        })
      )
    )
    expect(target.auth).toEqual({
      type: 'exec',
      exec: {
        command: './bin/get-token',
        args: ['--cluster', 'prod'],
        env: [{ name: 'REGION', value: 'eu' }],
        apiVersion: 'client.authentication.k8s.io/v1',
        interactiveMode: 'Never',
        installHint: undefined,
        provideClusterInfo: false,
        baseDir: process.cwd()
      }
    })
  })

  it('impersonation headers', () => {
    const target = native(load(kubeconfig({ user: `{ token: ${SECRET}, as: jane, as-groups: [devs, ops] }` })))
    expect(target.headers).toEqual({ 'Impersonate-User': 'jane', 'Impersonate-Group': ['devs', 'ops'] })
  })

  it('the in-cluster service account when nothing else is configured', async () => {
    const sa = join(dir, 'sa')
    await mkdir(sa, { recursive: true })
    await writeFile(join(sa, 'token'), SECRET)
    await writeFile(join(sa, 'ca.crt'), 'CLUSTER-CA')
    const target = native(
      loadClusterConfig(
        {},
        { KUBERNETES_SERVICE_HOST: 'fd00::1', KUBERNETES_SERVICE_PORT: '443' },
        join(dir, 'nohome'),
        sa
      )
    )
    expect(target).toMatchObject({
      server: 'https://[fd00::1]:443',
      auth: { type: 'token-file', path: join(sa, 'token') }
    })
    expect(target.tls.ca?.toString()).toBe('CLUSTER-CA')
  })

  it('~/.kube/config before the service account', async () => {
    const home = join(dir, 'home')
    await mkdir(join(home, '.kube'), { recursive: true })
    await writeFile(join(home, '.kube', 'config'), kubeconfig({ extra: 'current-context: dev' }))
    expect(native(loadClusterConfig({}, { KUBERNETES_SERVICE_HOST: '10.0.0.1' }, home)).context).toBe('dev')
  })
})

describe('a KUBECONFIG list', () => {
  it('merges like kubectl: missing files skipped, the first definition of a name wins', async () => {
    const first = join(dir, 'first.yaml')
    const second = join(dir, 'second.yaml')
    await writeFile(
      first,
      'current-context: staging\nclusters:\n- name: prod\n  cluster: { server: "https://first.example" }\n'
    )
    await writeFile(
      second,
      kubeconfig({ extra: 'current-context: prod\n- name: staging\n  context: { cluster: prod, user: ci }' }).replace(
        'current-context: prod\n- name: staging',
        '- name: staging'
      )
    )
    const env = { KUBECONFIG: [join(dir, 'missing.yaml'), first, second].join(':') }
    const target = native(loadClusterConfig({}, env, ''))
    // current-context from the first file, the context from the second, cluster "prod" from the first.
    expect(target).toMatchObject({ context: 'staging', server: 'https://first.example', auth: { token: SECRET } })
    expect(native(loadClusterConfig({ context: 'dev' }, env, '')).server).toBe('https://dev.example:6443')
  })

  it('naming no existing file is an error', () => {
    expect(messageOf(() => loadClusterConfig({}, { KUBECONFIG: '/nope/a:/nope/b' }, ''))).toBe(
      'KUBECONFIG names no existing file (/nope/a, /nope/b)'
    )
  })
})

describe('what client-node used to carry, read natively', () => {
  it('auth-provider users: name and string config, a relative tokenFile made absolute', async () => {
    const file = join(dir, 'provider.yaml')
    await writeFile(
      file,
      kubeconfig({
        user: '{ auth-provider: { name: gcp, config: { access-token: abc, expiry-key: "{.x}", tokenFile: tok } } }'
      })
    )
    expect(native(loadClusterConfig({}, { KUBECONFIG: file }, '')).auth).toEqual({
      type: 'auth-provider',
      user: 'ci',
      provider: { name: 'gcp', config: { 'access-token': 'abc', 'expiry-key': '{.x}', tokenFile: join(dir, 'tok') } }
    })
  })

  it('a static token wins over an auth-provider (as client-node applied them)', () => {
    const target = native(load(kubeconfig({ user: `{ token: ${SECRET}, auth-provider: { name: oidc } }` })))
    expect(target.auth).toEqual({ type: 'token', token: SECRET })
  })

  it.each(['http://proxy:3128', 'https://u:p@proxy:3129', 'socks5://proxy:1080', 'socks5h://proxy', 'socks4a://p:1'])(
    'proxy-url %s',
    (url) => {
      const target = native(load(kubeconfig({ cluster: `{ server: "https://prod.example", proxy-url: "${url}" }` })))
      expect(target.proxyUrl).toBe(url)
    }
  )

  it('an unsupported proxy-url scheme is one sentence that does not quote the URL', () => {
    const message = messageOf(() =>
      load(kubeconfig({ cluster: '{ server: "https://prod.example", proxy-url: "ftp://user:hunter2@proxy" }' }))
    )
    expect(message).toBe(
      'cluster "prod" has an unsupported proxy-url (use http://, https://, socks4://, socks4a://, socks5:// or socks5h://)'
    )
  })

  it('unrecognised fields are ignored, as kubectl and client-node ignore them, and named', () => {
    const target = native(load(kubeconfig({ cluster: '{ server: "https://prod.example", future-field: 1 }' })))
    expect(target.server).toBe('https://prod.example')
    expect(target.ignoredFields).toEqual(['cluster "prod" field future-field'])
  })
})

describe('a kubeconfig input that is not a kubeconfig', () => {
  const PATH_HINT =
    "the kubeconfig input expects the kubeconfig's content (YAML), not a path; to use a file, set KUBECONFIG in env or pass `${{ secrets.KUBECONFIG }}`"
  it.each([
    '/home/runner/.kube/config',
    '~/.kube/config',
    './kubeconfig.yaml',
    'C:\\Users\\runner\\.kube\\config',
    '$HOME/.kube/config',
    'kubeconfig.yml',
    '  /home/runner/.kube/config\n'
  ])('%j is taken for a path and told what the input expects', (value) => {
    expect(messageOf(() => load(value))).toBe(PATH_HINT)
  })

  it('a base64-encoded kubeconfig is told to decode it, without quoting it', () => {
    const encoded = Buffer.from(kubeconfig()).toString('base64')
    const message = messageOf(() => load(encoded))
    expect(message).toBe(
      "the kubeconfig input looks base64-encoded; it expects the kubeconfig's content (YAML): decode it (base64 -d) before storing it in the secret"
    )
  })

  it('a one-line document is still read as YAML', () => {
    expect(messageOf(() => load('{clusters: []}'))).toBe(
      'kubeconfig has no current context (available: none); set current-context or the context input'
    )
    expect(messageOf(() => load('just-a-word'))).toBe('kubeconfig is invalid: the document is not a mapping')
  })
})

describe('errors are one sentence that never quotes the document', () => {
  it.each([
    ['invalid YAML', `clusters: [oops\ntoken: ${SECRET}`, undefined, 'kubeconfig is not valid YAML (line 2)'],
    [
      'duplicate keys',
      `current-context: a\ncurrent-context: ${SECRET}`,
      undefined,
      'kubeconfig is not valid YAML (line 2)'
    ],
    ['not a mapping', `- ${SECRET}`, undefined, 'kubeconfig is invalid: the document is not a mapping'],
    ['unknown context', kubeconfig(), 'staging', 'context "staging" not found in kubeconfig (available: prod, dev)'],
    [
      'no current context',
      kubeconfig({ extra: '' }),
      undefined,
      'kubeconfig has no current context (available: prod, dev); set current-context or the context input'
    ],
    [
      'current context missing',
      kubeconfig({ extra: 'current-context: gone' }),
      undefined,
      'current context "gone" not found in kubeconfig (available: prod, dev)'
    ],
    [
      'cluster without server',
      `clusters:\n- name: c\n  cluster: { token: ${SECRET} }\n`,
      undefined,
      'kubeconfig is invalid: clusters[0].cluster.server is missing'
    ],
    [
      'context without cluster',
      'contexts:\n- name: c\n  context: {}\n',
      undefined,
      'kubeconfig is invalid: contexts[0].context.cluster is missing'
    ],
    [
      'cluster of the context missing',
      kubeconfig().replace('cluster: prod, user: ci, namespace', 'cluster: gone, user: ci, namespace'),
      undefined,
      'cluster "gone" of context "prod" not found in kubeconfig'
    ],
    [
      'user of the context missing',
      kubeconfig().replace('cluster: prod, user: ci, namespace', 'cluster: prod, user: nobody, namespace'),
      undefined,
      'user "nobody" of context "prod" not found in kubeconfig'
    ],
    [
      'plain http',
      kubeconfig({ cluster: '{ server: "http://dev.example:8080" }' }),
      undefined,
      'cluster "prod" uses plain HTTP (http://dev.example:8080); use https or set insecure-skip-tls-verify: true'
    ],
    [
      'bad server URL',
      kubeconfig({ cluster: '{ server: "prod.example:6443" }' }),
      undefined,
      'cluster "prod" has an invalid server URL "prod.example:6443"'
    ],
    [
      'certificate without key',
      kubeconfig({ user: `{ client-certificate-data: "${b64(SECRET)}" }` }),
      undefined,
      'user "ci" has a client certificate but no client-key or client-key-data'
    ],
    [
      'missing CA file',
      kubeconfig({ cluster: '{ server: "https://prod.example", certificate-authority: /nonexistent/ca.crt }' }),
      undefined,
      'cannot read the certificate-authority file of cluster "prod" (/nonexistent/ca.crt): ENOENT'
    ],
    [
      'exec without command',
      kubeconfig({ user: '{ exec: { args: [x] } }' }),
      undefined,
      'kubeconfig is invalid: exec of user "ci" has no command'
    ]
  ])('%s', (_name, text, context, message) => {
    const actual = messageOf(() => load(text, context))
    expect(actual).toBe(message)
    expect(actual).not.toContain(SECRET)
  })

  it('names the file it came from', async () => {
    const file = join(dir, 'broken.yaml')
    await writeFile(file, `users: [${SECRET}`)
    expect(messageOf(() => loadClusterConfig({}, { KUBECONFIG: file }, ''))).toBe(
      `kubeconfig is not valid YAML (line 1) (from KUBECONFIG file ${file})`
    )
  })

  it('says where credentials could come from when there are none', () => {
    expect(messageOf(() => loadClusterConfig({}, {}, join(dir, 'nohome'), join(dir, 'no-sa')))).toBe(
      'no Kubernetes credentials found: pass the kubeconfig input, set KUBECONFIG, provide ~/.kube/config or run in a cluster'
    )
  })
})
