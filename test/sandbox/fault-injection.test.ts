/**
 * Fault injection reachable from outside the process: rules in a scenario's `faults:` document and
 * the `/_sandbox/faults` control endpoint (hang, raw bodies and RegExp paths included).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { request as httpsRequest } from 'node:https'
import { apiRequest, startApiOnly, type ApiOnlySandbox } from './api-harness.js'
import { parseFaultRules } from './faults.js'

const scenario = `
apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
faults:
  - { method: GET, path: /api/v1/namespaces/shop/configmaps, status: 503, retryAfterSeconds: 2, times: 1 }
  - { path: "/\\\\/secrets$/", status: 500, message: "echo Bearer tok-123", times: 1 }
  - { path: /api/v1/namespaces/shop/services, body: "<html>bad gateway</html>", status: 502, times: 1 }
`

describe('fault rules in a scenario file', () => {
  let sandbox: ApiOnlySandbox
  beforeAll(async () => {
    sandbox = await startApiOnly({ scenarioText: scenario })
  })
  afterAll(() => sandbox.stop())

  it('loads the objects and applies each rule as written, then lets requests through', async () => {
    const first = await apiRequest(sandbox, 'GET', '/api/v1/namespaces/shop/configmaps')
    expect(first.status).toBe(503)
    expect(first.headers['retry-after']).toBe('2')
    expect(first.json).toMatchObject({ kind: 'Status', reason: 'ServiceUnavailable', code: 503 })
    expect((await apiRequest(sandbox, 'GET', '/api/v1/namespaces/shop/configmaps')).status).toBe(200)

    // a path between slashes is a regular expression
    const secrets = await apiRequest(sandbox, 'GET', '/api/v1/namespaces/shop/secrets')
    expect(secrets.status).toBe(500)
    expect(secrets.json).toMatchObject({ message: 'echo Bearer tok-123', reason: 'InternalError' })

    const services = await apiRequest(sandbox, 'GET', '/api/v1/namespaces/shop/services')
    expect(services.status).toBe(502)
    expect(services.text).toBe('<html>bad gateway</html>')
    expect((await apiRequest(sandbox, 'GET', '/api/v1/namespaces/shop/services')).status).toBe(200)
  })

  it('rejects a rule with an unknown key or status, naming it', () => {
    expect(() => parseFaultRules([{ path: '/x', stauts: 500 }])).toThrow('faults[0].stauts: unknown key')
    expect(() => parseFaultRules([{ status: 418 }])).toThrow('faults[0].status: expected one of')
    expect(() => parseFaultRules({ path: '/(/' })).toThrow('faults.path: invalid regular expression')
  })
})

describe('the control endpoint', () => {
  let sandbox: ApiOnlySandbox
  beforeAll(async () => {
    sandbox = await startApiOnly()
  })
  afterAll(() => sandbox.stop())

  it('needs the sandbox token', async () => {
    const denied = await apiRequest(sandbox, 'POST', '/_sandbox/faults', { body: { status: 500 }, token: 'wrong' })
    expect(denied.status).toBe(401)
    expect(sandbox.faults.pending).toBe(0)
  })

  it('adds rules (a catch-all one cannot lock it out), reports them, and clears them', async () => {
    const added = await apiRequest(sandbox, 'POST', '/_sandbox/faults', {
      body: [{ path: '/\\/namespaces$/', status: 429, retryAfterSeconds: 1, times: 1 }, { status: 500 }]
    })
    expect(added.status).toBe(201)
    expect(added.json).toEqual({ added: 2, pending: 2 })
    const limited = await apiRequest(sandbox, 'GET', '/api/v1/namespaces')
    expect(limited.status).toBe(429)
    expect(limited.headers['retry-after']).toBe('1')
    expect((await apiRequest(sandbox, 'GET', '/api/v1/namespaces')).status).toBe(500)
    expect((await apiRequest(sandbox, 'GET', '/_sandbox/faults')).json).toEqual({ pending: 1 })

    expect((await apiRequest(sandbox, 'DELETE', '/_sandbox/faults')).status).toBe(200)
    expect((await apiRequest(sandbox, 'GET', '/api/v1/namespaces')).status).toBe(200)
  })

  it('answers a bad rule with a 400 Status naming the field', async () => {
    const bad = await apiRequest(sandbox, 'POST', '/_sandbox/faults', { body: { hang: 'yes' } })
    expect(bad.status).toBe(400)
    expect(bad.json?.message).toBe('fault rules: faults.hang: expected true or false')
  })

  it('hangs a request until the client gives up, and the server still stops', async () => {
    await apiRequest(sandbox, 'POST', '/_sandbox/faults', { body: { path: '/api/v1/namespaces/default', hang: true } })
    const outcome = await new Promise<string>((resolve) => {
      const req = httpsRequest(new URL('/api/v1/namespaces/default', sandbox.url), {
        ca: sandbox.caPem,
        headers: { authorization: `Bearer ${sandbox.token}` }
      })
      req.on('response', () => resolve('answered'))
      req.on('error', (error) => resolve(error.message))
      req.setTimeout(300, () => req.destroy(new Error('client timeout')))
      req.end()
    })
    expect(outcome).toBe('client timeout')
    await apiRequest(sandbox, 'DELETE', '/_sandbox/faults')
  })
})
