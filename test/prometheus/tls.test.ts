import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generate } from 'selfsigned'
import { PrometheusClient } from '../../src/prometheus/client.js'

let server: Server
let url: string
let cert: string
let dir: string

beforeAll(async () => {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }
    ]
  })
  cert = pems.cert
  server = createServer({ key: pems.private, cert: pems.cert }, (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify({ status: 'success', data: { resultType: 'scalar', result: [1, '1'] } }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/prometheus`
  dir = await mkdtemp(join(tmpdir(), 'deploy-guard-ca-'))
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  await rm(dir, { recursive: true, force: true })
})

const client = (extra: { ca?: string; insecureSkipTlsVerify?: boolean }) =>
  new PrometheusClient({ url, timeout: 2000, retries: 0, headers: {}, insecureSkipTlsVerify: false, ...extra })

describe('PrometheusClient over TLS', () => {
  it('refuses a server whose CA is unknown, as a TLS error (not a transient network one)', async () => {
    await expect(client({}).instantQuery('1')).rejects.toMatchObject({ kind: 'tls' })
  })

  it('trusts a CA given as PEM content', async () => {
    await expect(client({ ca: cert }).instantQuery('1')).resolves.toMatchObject({ data: { resultType: 'scalar' } })
  })

  it('trusts a CA given as a file path', async () => {
    const path = join(dir, 'ca.pem')
    await writeFile(path, cert)
    await expect(client({ ca: path }).instantQuery('1')).resolves.toMatchObject({ data: { resultType: 'scalar' } })
  })

  it('skips verification only when asked to', async () => {
    await expect(client({ insecureSkipTlsVerify: true }).instantQuery('1')).resolves.toMatchObject({
      data: { resultType: 'scalar' }
    })
  })

  it('explains an unreadable CA path', () => {
    expect(() => client({ ca: join(dir, 'missing.pem') })).toThrow(
      /^Cannot read the Prometheus CA bundle at .*missing\.pem/
    )
  })
})
