import { describe, expect, it } from '@jest/globals'
import { matchesSelector, selectorToString } from '../../src/evaluate/selector.js'
import { normalizeImage, sameImage } from '../../src/evaluate/images.js'
import { formatDuration } from '../../src/evaluate/format.js'

describe('selectors', () => {
  const selector = {
    matchLabels: { app: 'api' },
    matchExpressions: [
      { key: 'tier', operator: 'In', values: ['web', 'api'] },
      { key: 'canary', operator: 'DoesNotExist' },
      { key: 'env', operator: 'Exists' },
      { key: 'zone', operator: 'NotIn', values: ['b'] }
    ]
  }
  it('renders kubectl form', () => {
    expect(selectorToString(selector)).toBe('app=api,tier in (api,web),!canary,env,zone notin (b)')
    expect(selectorToString(undefined)).toBe('')
  })
  it.each([
    [{ app: 'api', tier: 'web', env: 'prod' }, true],
    [{ app: 'api', tier: 'web', env: 'prod', zone: 'b' }, false],
    [{ app: 'api', tier: 'db', env: 'prod' }, false],
    [{ app: 'api', tier: 'web', env: 'prod', canary: 'true' }, false],
    [{ app: 'api', tier: 'web' }, false]
  ])('matches %j → %s', (labels, expected) => {
    expect(matchesSelector(labels, selector)).toBe(expected)
  })
})

describe('images and durations', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.25', 'docker.io/library/nginx:1.25'],
    ['org/app:v1', 'docker.io/org/app:v1'],
    ['ghcr.io/org/app:v1', 'ghcr.io/org/app:v1'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
    ['registry/api@sha256:abc', 'docker.io/registry/api@sha256:abc']
  ])('%s → %s', (input, expected) => {
    expect(normalizeImage(input)).toBe(expected)
  })
  it('compares normalised', () => {
    expect(sameImage('nginx:1.25', 'docker.io/library/nginx:1.25')).toBe(true)
    expect(sameImage('nginx:1.25', 'nginx:1.26')).toBe(false)
  })
  it.each([
    [600_000, '10m'],
    [41_000, '41s'],
    [90_000, '1m30s'],
    [3_900_000, '1h5m'],
    [250, '250ms']
  ])('formatDuration(%d) = %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })
})
