/**
 * A throw-away certificate authority and a server certificate for 127.0.0.1/localhost, made at start-up
 * with `selfsigned`, so clients verify the sandbox over TLS exactly as they would a real cluster.
 */
import { generate } from 'selfsigned'

export interface SandboxTls {
  caPem: string
  cert: string
  key: string
}

export async function generateTls(): Promise<SandboxTls> {
  const notBeforeDate = new Date(Date.now() - 60_000)
  const notAfterDate = new Date(Date.now() + 7 * 24 * 3600_000)
  const ca = await generate([{ name: 'commonName', value: 'deploy-guard-sandbox-ca' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true }
    ]
  })
  const server = await generate([{ name: 'commonName', value: 'sandbox-apiserver' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' }
        ]
      }
    ]
  })
  return { caPem: ca.cert, cert: server.cert, key: server.private }
}
