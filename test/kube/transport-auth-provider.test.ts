/**
 * Legacy auth-provider users (src/kube/transport/auth-provider.ts): our OIDC rule as a table, and gcp's
 * `cmd-path` refresh through client-node's own authenticator, with a real command.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { authProviderTokens, oidcToken } from '../../src/kube/transport/auth-provider.js'
import { CredentialsError } from '../../src/kube/transport/types.js'

const NOW = Date.parse('2026-01-01T00:00:00Z')
const jwt = (payload: object) =>
  ['{"alg":"none"}', JSON.stringify(payload), 'sig'].map((p) => Buffer.from(p).toString('base64url')).join('.')

describe('oidc: the id-token while it is valid', () => {
  it.each([
    ['a JWT whose exp is an hour away', jwt({ exp: NOW / 1000 + 3600 }), NOW + 3_600_000 - 10_000],
    ['a JWT without exp (the server judges it)', jwt({ sub: 'ci' }), Infinity],
    ['a token that is not a JWT', 'opaque-token', Infinity],
    ['three parts whose payload is not JSON', 'a.b.c', Infinity]
  ])('%s is used', (_name, token, expiresAt) => {
    expect(oidcToken('user "ci" (auth-provider oidc)', { 'id-token': token }, NOW)).toEqual({ token, expiresAt })
  })

  it.each([
    ['expired', jwt({ exp: NOW / 1000 - 1 }), /the id-token expired at 2025-12-31T23:59:59\.000Z/],
    ['expiring within 10 s', jwt({ exp: NOW / 1000 + 5 }), /the id-token expired at 2026-01-01T00:00:05\.000Z/],
    ['missing', undefined, /has no id-token/]
  ])('an id-token %s is a CredentialsError saying to use an exec plugin', (_name, token, pattern) => {
    const config: Record<string, string> = token === undefined ? {} : { 'id-token': token }
    let error: unknown
    try {
      oidcToken('user "ci" (auth-provider oidc)', config, NOW)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(CredentialsError)
    expect((error as Error).message).toMatch(pattern)
    expect((error as Error).message).toMatch(/use an exec credential plugin instead \(for OIDC, kubelogin/)
  })
})

describe("gcp through client-node's authenticator", () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dg-gcp-'))
    writeFileSync(
      join(dir, 'gcloud'),
      `#!/bin/sh\necho "$@" >> "${join(dir, 'calls')}"\necho '{"credential": {"access_token": "fresh-token", "token_expiry": "2999-01-01T00:00:00Z"}}'\n`
    )
    writeFileSync(join(dir, 'broken'), '#!/bin/sh\nexit 3\n')
    chmodSync(join(dir, 'gcloud'), 0o755)
    chmodSync(join(dir, 'broken'), 0o755)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const refreshing = (cmd: string) => ({
    name: 'gcp',
    config: {
      'cmd-path': join(dir, cmd),
      'cmd-args': 'config config-helper --format=json',
      'token-key': '{.credential.access_token}',
      'expiry-key': '{.credential.token_expiry}',
      'access-token': 'stale-token',
      expiry: '2000-01-01T00:00:00Z'
    }
  })

  it('refreshes an expired access token with cmd-path once, then reuses it', async () => {
    const tokens = await authProviderTokens('ci', refreshing('gcloud'))
    expect((await tokens()).token).toBe('fresh-token')
    expect((await tokens()).token).toBe('fresh-token')
    expect(readFileSync(join(dir, 'calls'), 'utf8')).toBe('config config-helper --format=json\n')
  })

  it('a failing cmd-path is one CredentialsError line naming the user', async () => {
    const tokens = await authProviderTokens('ci', refreshing('broken'))
    const error = await tokens().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CredentialsError)
    expect((error as Error).message).toMatch(
      /^user "ci" \(auth-provider gcp\) could not provide a token: Failed to refresh token/
    )
    expect((error as Error).message).not.toContain('\n')
  })
})
