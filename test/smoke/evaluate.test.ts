import { describe, expect, it } from '@jest/globals'
import type { SmokeCheckConfig } from '../../src/config/types.js'
import {
  bodyExcerpt,
  describeAttempts,
  describeSmokeExpectation,
  displayUrl,
  evaluateSmokeError,
  evaluateSmokeResponse,
  transportHint
} from '../../src/smoke/evaluate.js'
import { lookupJsonPath } from '../../src/smoke/json-path.js'

function check(overrides: Partial<SmokeCheckConfig> = {}): SmokeCheckConfig {
  return {
    name: 'health',
    url: 'https://api.example.com/health',
    method: 'GET',
    expectStatus: [200],
    headers: {},
    retries: 0,
    delay: 0,
    timeout: 1000,
    ...overrides
  }
}

describe('evaluateSmokeResponse', () => {
  const health = JSON.stringify({
    status: 'UP',
    checks: [
      { name: 'db', status: 'UP' },
      { name: 'cache', status: 'DOWN' }
    ],
    code: 7
  })
  const cases: Array<[string, Partial<SmokeCheckConfig>, { status: number; body: string }, boolean, string]> = [
    ['accepted status', {}, { status: 200, body: 'ok' }, true, '200'],
    ['one of several statuses', { expectStatus: [200, 204] }, { status: 204, body: '' }, true, '204'],
    [
      'unexpected status shows an excerpt',
      {},
      { status: 503, body: 'Service\n Unavailable' },
      false,
      '503: Service Unavailable'
    ],
    ['unexpected status, empty body', {}, { status: 404, body: '' }, false, '404'],
    ['body contains', { bodyContains: 'ok' }, { status: 200, body: 'all ok' }, true, '200'],
    [
      'body lacks substring',
      { bodyContains: 'ok' },
      { status: 200, body: 'nope' },
      false,
      '200, body lacks "ok": nope'
    ],
    ['status checked before body', { bodyContains: 'ok' }, { status: 500, body: 'ok' }, false, '500: ok'],
    ['json field equals', { json: { path: 'status', equals: 'UP' } }, { status: 200, body: health }, true, '200'],
    [
      'json array index',
      { json: { path: 'checks.0.status', equals: 'UP' } },
      { status: 200, body: health },
      true,
      '200'
    ],
    [
      'json mismatch',
      { json: { path: 'checks.1.status', equals: 'UP' } },
      { status: 200, body: health },
      false,
      '200, checks.1.status == "DOWN"'
    ],
    [
      'json number vs string config',
      { json: { path: 'code', equals: '7' } },
      { status: 200, body: health },
      true,
      '200'
    ],
    [
      'json missing field',
      { json: { path: 'checks.5.status', equals: 'UP' } },
      { status: 200, body: health },
      false,
      '200, checks.5 missing: ' + bodyExcerpt(health)
    ],
    [
      'json object is not a scalar',
      { json: { path: 'checks', equals: 'UP' } },
      { status: 200, body: health },
      false,
      '200, checks == [{"name":"db","status":"UP"},{"name":"cache","status":"DOWN"}]'
    ],
    [
      'body not json',
      { json: { path: 'status', equals: 'UP' } },
      { status: 200, body: '<html>' },
      false,
      '200, body is not JSON: <html>'
    ],
    [
      'all assertions together',
      { bodyContains: 'UP', json: { path: 'status', equals: 'UP' } },
      { status: 200, body: health },
      true,
      '200'
    ]
  ]
  it.each(cases)('%s', (_name, overrides, response, ok, actual) => {
    const result = evaluateSmokeResponse(check(overrides), response)
    expect(result.ok).toBe(ok)
    expect(result.actual).toBe(actual)
  })

  it('keeps excerpts to 200 characters', () => {
    const result = evaluateSmokeResponse(check(), { status: 500, body: 'x'.repeat(5000) })
    expect(result.excerpt).toHaveLength(200)
    expect(result.actual.length).toBeLessThanOrEqual(205)
  })
})

describe('describeSmokeExpectation', () => {
  it.each([
    [{}, 'GET https://api.example.com/health → 200'],
    [
      { expectStatus: [200, 204], bodyContains: 'ok' },
      'GET https://api.example.com/health → 200/204, body contains "ok"'
    ],
    [{ json: { path: 'status', equals: 'UP' } }, 'GET https://api.example.com/health → 200, status == "UP"'],
    [
      { method: 'HEAD' as const, json: { path: 'ready', equals: true } },
      'HEAD https://api.example.com/health → 200, ready == true'
    ],
    [{ url: 'https://user:secret@api.example.com/health' }, 'GET https://api.example.com/health → 200']
  ])('%j', (overrides, expected) => {
    expect(describeSmokeExpectation(check(overrides))).toBe(expected)
  })
})

describe('describeAttempts', () => {
  it.each([
    [{ ok: true, outcome: '200', actual: '200' }, 1, '200'],
    [{ ok: true, outcome: '200', actual: '200' }, 3, '200 on attempt 3'],
    [{ ok: false, outcome: '503', excerpt: 'down', actual: '503: down' }, 4, '503 after 4 attempts: down'],
    [{ ok: false, outcome: '503', actual: '503' }, 1, '503 after 1 attempt']
  ])('%j on attempt %d', (evaluation, attempt, expected) => {
    expect(describeAttempts(evaluation, attempt)).toBe(expected)
  })
})

describe('transport errors', () => {
  it('are failures with the code first', () => {
    const result = evaluateSmokeError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' })
    expect(result).toMatchObject({
      ok: false,
      transport: true,
      actual: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1'
    })
  })
  it.each([
    ['ECONNREFUSED', /service up/],
    ['ENOTFOUND', /resolve/],
    ['ETIMEDOUT', /timeout/],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', /TLS/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', /TLS/]
  ])('%s has a hint', (code, hint) => {
    expect(transportHint(code)).toMatch(hint)
  })
})

describe('helpers', () => {
  it('lookupJsonPath walks objects and arrays', () => {
    expect(lookupJsonPath({ a: [{ b: 1 }] }, 'a.0.b')).toEqual({ found: true, value: 1 })
    expect(lookupJsonPath({ a: [] }, 'a.0.b')).toEqual({ found: false, missingAt: 'a.0' })
    expect(lookupJsonPath({ a: null }, 'a.b')).toEqual({ found: false, missingAt: 'a.b' })
    expect(lookupJsonPath({ a: 1 }, 'toString')).toEqual({ found: false, missingAt: 'toString' })
  })
  it('displayUrl leaves plain URLs and bad input alone', () => {
    expect(displayUrl('http://127.0.0.1:8080/x?y=1')).toBe('http://127.0.0.1:8080/x?y=1')
    expect(displayUrl('not a url')).toBe('not a url')
  })
})
