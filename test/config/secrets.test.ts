import { describe, expect, test } from '@jest/globals'
import { actionInputs } from '../../src/config/inputs.js'
import { loadConfig } from '../../src/config/load.js'
import { collectSecrets, headerSecrets, kubeconfigSecrets, redact } from '../../src/config/secrets.js'

describe('headerSecrets', () => {
  test.each([
    [{ 'X-Scope-OrgID': 'tenant' }, []],
    [{ Authorization: 'Bearer abc123' }, ['Bearer abc123', 'abc123']],
    [{ 'X-Api-Key': 'k-1' }, ['k-1']],
    [{ Cookie: 'session=s' }, ['session=s']]
  ])('%p', (headers, secrets) => {
    expect(headerSecrets(headers)).toEqual(secrets)
  })
})

describe('kubeconfigSecrets', () => {
  test('unset has none', () => {
    expect(kubeconfigSecrets('  ')).toEqual([])
  })

  test('single-line (JSON) content is masked whole', () => {
    expect(kubeconfigSecrets('{"users":[{"user":{"token":"t-1"}}]}')).toEqual([
      '{"users":[{"user":{"token":"t-1"}}]}',
      't-1'
    ])
  })

  test('inline content: the text and its credentials', () => {
    const text = 'apiVersion: v1\nusers:\n  - name: ci\n    user: { token: kube-tok, client-key-data: S0VZ }\n'
    expect(kubeconfigSecrets(text)).toEqual([text.trim(), 'kube-tok', 'S0VZ'])
  })
})

test('loadConfig returns every secret from inputs and file, longest first', async () => {
  const yaml = `
targets: [ { kind: Deployment, name: api } ]
verify:
  smoke: [ { url: "https://user:smoke-pass@api.example.com/health", headers: { Authorization: "Basic c21va2U=" } } ]
prometheus: { url: "http://prom:9090", basicAuth: { username: u, password: prom-pass }, headers: { X-Token: hdr-tok, X-Org: visible } }
`
  const inputs = actionInputs({
    config: 'c.yml',
    'github-token': 'ghs_abc',
    'prometheus-headers': 'X-Scope-OrgID: tenant'
  })
  const { secrets } = await loadConfig(inputs, async () => yaml)
  // Every prometheus-headers input value is masked (action.yml promises it), even a harmless-looking one.
  expect(secrets).toEqual([
    'user:smoke-pass',
    'Basic c21va2U=',
    'smoke-pass',
    'prom-pass',
    'c21va2U=',
    'ghs_abc',
    'hdr-tok',
    'tenant'
  ])
})

test('collectSecrets without a config still covers the inputs', () => {
  expect(collectSecrets(actionInputs({ 'github-token': 'ghs_x', 'prometheus-token': 'p-tok' }))).toEqual([
    'ghs_x',
    'p-tok'
  ])
})

test.each([
  ['token abc123 here', ['abc123'], 'token *** here'],
  ['a b', ['a'], 'a b'],
  ['x-long-secret and long-secret', ['x-long-secret', 'long-secret'], '*** and ***']
])('redact(%p)', (text, secrets, expected) => {
  expect(redact(text, secrets)).toBe(expected)
})
