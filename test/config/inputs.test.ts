import { describe, expect, test } from '@jest/globals'
import { ConfigError } from '../../src/config/errors.js'
import {
  ACTION_INPUT_NAMES,
  actionInputs,
  parseBooleanInput,
  parseCommand,
  parseDurationInput,
  parseHeaders,
  parseNamespace,
  parseTargets,
  parseUrlInput
} from '../../src/config/inputs.js'

/** The issues a parser reports, as `path: message` lines. */
function problems(parse: () => unknown): string[] {
  try {
    parse()
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`)
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('parseCommand', () => {
  test.each([
    ['', 'verify'],
    ['verify', 'verify'],
    ['Analyze', 'analyze'],
    [' canary ', 'canary'],
    ['rollback', 'rollback']
  ])('%p → %p', (input, command) => {
    expect(parseCommand(input)).toBe(command)
  })

  test('an unknown command lists the known ones', () => {
    expect(problems(() => parseCommand('deploy'))).toEqual([
      'inputs.command: expected one of verify, analyze, snapshot, rollback, canary, got "deploy"'
    ])
  })
})

describe('parseTargets', () => {
  test.each([
    ['deployment/api', [{ kind: 'Deployment', name: 'api', namespace: 'prod' }]],
    [
      'deployment/api\nstatefulset/db',
      [
        { kind: 'Deployment', name: 'api', namespace: 'prod' },
        { kind: 'StatefulSet', name: 'db', namespace: 'prod' }
      ]
    ],
    [
      'deploy/api, sts/db ,ds/agent',
      [
        { kind: 'Deployment', name: 'api', namespace: 'prod' },
        { kind: 'StatefulSet', name: 'db', namespace: 'prod' },
        { kind: 'DaemonSet', name: 'agent', namespace: 'prod' }
      ]
    ],
    ['staging/Deployment/web\n\n', [{ kind: 'Deployment', name: 'web', namespace: 'staging' }]]
  ])('%p', (input, targets) => {
    expect(parseTargets(input, 'prod')).toEqual(targets)
  })

  test.each([
    ['api', ['inputs.target: expected kind/name such as deployment/api (optionally namespace/kind/name), got "api"']],
    [
      'a/b/c/d',
      ['inputs.target: expected kind/name such as deployment/api (optionally namespace/kind/name), got "a/b/c/d"']
    ],
    [
      'deployment/',
      ['inputs.target: expected kind/name such as deployment/api (optionally namespace/kind/name), got "deployment/"']
    ],
    [
      'rollout/api',
      [
        'inputs.target: unknown kind "rollout" in "rollout/api": use deployment, statefulset or daemonset here; list custom resources under targets in the config file'
      ]
    ],
    [
      'deployment/API',
      ['inputs.target: expected a Kubernetes name (lower-case RFC 1123) in "deployment/API", got "API"']
    ],
    [
      'Prod/deployment/api',
      [
        'inputs.target: expected a Kubernetes namespace (lower-case RFC 1123 label, at most 63 characters) in "Prod/deployment/api", got "Prod"'
      ]
    ],
    [
      'api\ndeployment/ok\ndeployment/Bad',
      [
        'inputs.target: expected kind/name such as deployment/api (optionally namespace/kind/name), got "api"',
        'inputs.target: expected a Kubernetes name (lower-case RFC 1123) in "deployment/Bad", got "Bad"'
      ]
    ],
    [' , ', ['inputs.target: expected kind/name such as deployment/api, got an empty value']]
  ])('%p reports every bad entry', (input, expected) => {
    expect(problems(() => parseTargets(input, 'prod'))).toEqual(expected)
  })
})

describe('parseBooleanInput', () => {
  test.each([
    ['', undefined],
    ['true', true],
    ['True', true],
    ['yes', true],
    ['on', true],
    ['FALSE', false],
    ['no', false],
    ['off', false]
  ])('%p → %p', (input, value) => {
    expect(parseBooleanInput('dry-run', input)).toBe(value)
  })

  test('anything else is an issue', () => {
    expect(problems(() => parseBooleanInput('dry-run', 'maybe'))).toEqual([
      'inputs.dry-run: expected true or false, got "maybe"'
    ])
  })
})

describe('scalar inputs', () => {
  test.each([
    ['', undefined],
    ['10m', 600_000],
    ['90', 90_000],
    ['1h30m', 5_400_000]
  ])('timeout %p → %p', (input, ms) => {
    expect(parseDurationInput('timeout', input)).toBe(ms)
  })

  test.each(['ten', '0s', '-1m'])('timeout %p is an issue', (input) => {
    expect(problems(() => parseDurationInput('timeout', input))).toEqual([
      `inputs.timeout: expected a duration like 30s, 5m or 1h30m, got ${JSON.stringify(input)}`
    ])
  })

  test.each([
    ['', 'default'],
    ['production', 'production']
  ])('namespace %p → %p', (input, namespace) => {
    expect(parseNamespace(input)).toBe(namespace)
  })

  test('a bad namespace is an issue', () => {
    expect(problems(() => parseNamespace('Prod_1'))).toEqual([
      'inputs.namespace: expected a Kubernetes namespace (lower-case RFC 1123 label, at most 63 characters), got "Prod_1"'
    ])
  })

  test.each([
    ['', undefined],
    ['http://prometheus:9090', 'http://prometheus:9090'],
    [' https://p.example.com/prom/ ', 'https://p.example.com/prom/']
  ])('prometheus-url %p → %p', (input, url) => {
    expect(parseUrlInput('prometheus-url', input)).toBe(url)
  })

  test.each(['prometheus:9090', 'ftp://x', 'http://'])('prometheus-url %p is an issue', (input) => {
    expect(problems(() => parseUrlInput('prometheus-url', input))).toEqual([
      `inputs.prometheus-url: expected an http(s) URL, got ${JSON.stringify(input)}`
    ])
  })
})

describe('parseHeaders', () => {
  test.each([
    ['', {}],
    ['X-Scope-OrgID: tenant-1', { 'X-Scope-OrgID': 'tenant-1' }],
    ['{"X-Scope-OrgID": "t1", "X-Num": 3}', { 'X-Scope-OrgID': 't1', 'X-Num': '3' }],
    ['Authorization: Bearer abc\nX-Org: a: b', { Authorization: 'Bearer abc', 'X-Org': 'a: b' }],
    ['{ X-A: "1" }', { 'X-A': '1' }]
  ])('%p', (input, headers) => {
    expect(parseHeaders('prometheus-headers', input)).toEqual(headers)
  })

  test('a line without a name is an issue that does not echo the line', () => {
    expect(problems(() => parseHeaders('prometheus-headers', 'X-A: 1\nsecret-token-value'))).toEqual([
      'inputs.prometheus-headers: expected "Name: value" lines or a YAML/JSON mapping; line 2 has no "Name:"'
    ])
  })

  test('header names are checked', () => {
    expect(problems(() => parseHeaders('prometheus-headers', 'Bad Name: 1'))).toEqual([
      'inputs.prometheus-headers: expected HTTP header names, got "Bad Name"'
    ])
  })
})

test('actionInputs fills every input with an empty string', () => {
  const inputs = actionInputs({ target: 'deployment/api' })
  expect(inputs.target).toBe('deployment/api')
  expect(inputs['prometheus-url']).toBe('')
  expect(Object.keys(inputs)).toHaveLength(ACTION_INPUT_NAMES.length)
})
