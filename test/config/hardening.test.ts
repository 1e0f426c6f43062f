/**
 * Issue 7 (config and judgement): minJudged, duration caps, YAML limits, and the errors a newcomer
 * hits (`kind: Deploymnet`, `max: 1%`). Every case goes through loadConfig as the action does.
 */
import { describe, expect, test } from '@jest/globals'
import { ConfigError } from '../../src/config/errors.js'
import { actionInputs, parseTargets, type ActionInputs } from '../../src/config/inputs.js'
import { loadConfig, type LoadedConfig } from '../../src/config/load.js'

const FILE = '.github/deploy-guard.yml'

async function load(yaml: string, inputs: Partial<ActionInputs> = {}): Promise<LoadedConfig> {
  return loadConfig(actionInputs({ config: FILE, ...inputs }), async (path) => {
    if (path !== FILE) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' })
    return yaml
  })
}

async function issues(yaml: string, inputs: Partial<ActionInputs> = {}): Promise<string[]> {
  const error = await load(yaml, inputs).then(
    () => undefined,
    (e: unknown) => e
  )
  if (!(error instanceof ConfigError)) throw new Error(`expected a ConfigError, got ${String(error)}`)
  return error.issues.map((issue) => `${issue.path}: ${issue.message}`)
}

const ANALYZE = { command: 'analyze', 'prometheus-url': 'http://p:9090', version: 'v1' }
const analysis = (extra: string): string => `
analysis:
${extra}
  checks: [ { name: errors, query: up, max: 0.01 } ]
`

describe('analysis.minJudged: a whole number of measurements, a share of count, or majority', () => {
  test.each<[string, string, number]>([
    ['default: a majority of count 5', 'count: 5', 3],
    ['default: a majority of count 4 (half is not one)', 'count: 4', 3],
    ['default: a majority of the default count 10', 'interval: 1s', 6],
    ['a number of measurements', 'count: 5\n  minJudged: 2', 2],
    ['all of them', 'count: 5\n  minJudged: 5', 5],
    ['a percentage of count', 'count: 5\n  minJudged: 60%', 3],
    ['a fraction of count, rounded up', 'count: 5\n  minJudged: 0.5', 3],
    ['majority spelled out', 'count: 6\n  minJudged: majority', 4]
  ])('%s', async (_name, settings, expected) => {
    const loaded = await load(analysis(`  ${settings}`), ANALYZE)
    expect(loaded.config.analysis?.minJudged).toBe(expected)
  })

  test.each<[string, string, string]>([
    [
      'zero',
      'minJudged: 0',
      'analysis.minJudged: expected a whole number of measurements (at least 1), a share of count such as 60% or 0.6, or majority, got 0'
    ],
    [
      'negative',
      'minJudged: -2',
      'analysis.minJudged: expected a whole number of measurements (at least 1), a share of count such as 60% or 0.6, or majority, got -2'
    ],
    [
      'a word',
      'minJudged: most',
      'analysis.minJudged: expected a whole number of measurements (at least 1), a share of count such as 60% or 0.6, or majority, got "most"'
    ],
    [
      'over 100%',
      'minJudged: 150%',
      'analysis.minJudged: expected a whole number of measurements (at least 1), a share of count such as 60% or 0.6, or majority, got "150%"'
    ],
    [
      'more than count',
      'count: 3\n  minJudged: 4',
      'analysis.minJudged: must not exceed count (3): a check cannot judge more measurements than it takes'
    ]
  ])('%s is refused with the accepted forms', async (_name, settings, expected) => {
    expect(await issues(analysis(`  ${settings}`), ANALYZE)).toEqual([expected])
  })
})

describe('durations above a safe cap are refused at config time, naming the field and the cap', () => {
  const cap = 'expected a duration of at most 24h (a longer wait outlives any job and overflows Node.js timers)'
  test.each<[string, string, string]>([
    ['analysis.interval', analysis('  interval: 1000000h'), `analysis.interval: ${cap}, got "1000000h"`],
    ['analysis.initialDelay', analysis('  initialDelay: 25d'), `analysis.initialDelay: ${cap}, got "25d"`],
    ['a number of seconds', analysis('  interval: 99999999999'), `analysis.interval: ${cap}, got 99999999999`],
    [
      'so many digits it overflows',
      analysis(`  interval: "${'9'.repeat(400)}s"`),
      `analysis.interval: expected a duration like 30s, 5m or 1h30m, got "${'9'.repeat(77)}..."`
    ],
    [
      'prometheus.timeout',
      analysis('') + 'prometheus: { url: "http://p", timeout: 48h }',
      `prometheus.timeout: ${cap}, got "48h"`
    ]
  ])('%s', async (_name, yaml, expected) => {
    expect(await issues(yaml, ANALYZE)).toEqual([expected])
  })

  test('verify and canary waits have the same cap', async () => {
    const found = await issues(
      `
targets: [ { kind: Deployment, name: api } ]
verify:
  timeout: 30d
  failFastAfter: 25h
  pollInterval: 1000000h
  smoke: [ { url: "https://a.example.com", delay: 2d, timeout: 100d } ]
canary: { steps: [ { weight: 5, pause: 7d } ] }
`
    )
    expect(found.sort()).toEqual(
      [
        `verify.timeout: ${cap}, got "30d"`,
        `verify.failFastAfter: ${cap}, got "25h"`,
        `verify.pollInterval: ${cap}, got "1000000h"`,
        `verify.smoke[0].delay: ${cap}, got "2d"`,
        `verify.smoke[0].timeout: ${cap}, got "100d"`,
        `canary.steps[0].pause: ${cap}, got "7d"`
      ].sort()
    )
  })

  test('exactly the cap is accepted; the baseline look-back (a query range) may reach 30 days', async () => {
    const loaded = await load(analysis('  interval: 24h\n  count: 2\n  baseline: { window: 7d, offset: 7d }'), ANALYZE)
    expect(loaded.config.analysis).toMatchObject({ interval: 86_400_000, baseline: { window: 604_800_000 } })
    expect(await issues(analysis('  baseline: { window: 31d }'), ANALYZE)).toEqual([
      'analysis.baseline.window: expected a duration of at most 30d (a longer look-back is almost certainly a typo), got "31d"'
    ])
  })

  test('the timeout and fail-fast-after inputs have the cap too', async () => {
    expect(await issues('{}', { target: 'deployment/api', timeout: '1000000h', 'fail-fast-after': '25d' })).toEqual([
      `inputs.timeout: ${cap}, got "1000000h"`,
      `inputs.fail-fast-after: ${cap}, got "25d"`
    ])
  })
})

describe('YAML problems are config errors naming the file and the position', () => {
  const bomb = [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
    'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
    'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
    'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
    ''
  ].join('\n')

  test('an alias bomb ("billion laughs") is refused quickly with the file named', async () => {
    const started = Date.now()
    expect(await issues(bomb, { target: 'deployment/api' })).toEqual([
      'inputs.config: too many YAML aliases in ".github/deploy-guard.yml" (a "billion laughs" document?); a config needs no more than 100 alias expansions: write the values out or use fewer *references'
    ])
    expect(Date.now() - started).toBeLessThan(5000)
  })

  test('the error message is a ConfigError listing the problem', async () => {
    const error = await load(bomb, { target: 'deployment/api' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as Error).message).toMatch(
      /^Invalid deploy-guard configuration \(1 problem\):\ninputs\.config: too many YAML aliases/
    )
  })

  test('a few anchors, as real configs use them, are fine', async () => {
    const loaded = await load(
      `
targets: [ { kind: Deployment, name: api } ]
analysis:
  interval: 1s
  checks:
    - &check { name: a, query: up, max: 1 }
    - { <<: *check, name: b }
`,
      { target: 'deployment/api', version: 'v1' }
    )
    expect(loaded.config.analysis?.checks.map((c) => c.name)).toEqual(['a', 'b'])
  })

  test.each<[string, string, string]>([
    ['a tab as indentation', 'verify:\n\ttimeout: 1m\n', 'at 2:1: Tabs are not allowed as indentation'],
    ['duplicate keys', 'verify: {}\nverify: {}\n', 'at 2:1: Map keys must be unique'],
    ['an unclosed quote', "verify: { timeout: '1m }\n", "Missing closing 'quote"],
    ['an unclosed flow sequence', 'targets: [ { kind: Deployment, name: api }\n', 'at 2:1:']
  ])('%s', async (_name, yaml, expected) => {
    const found = await issues(yaml, { target: 'deployment/api' })
    expect(found).toHaveLength(1)
    expect(found[0]).toMatch(/^inputs\.config: YAML syntax error in "\.github\/deploy-guard\.yml" at \d+:\d+: /)
    expect(found[0]).toContain(expected)
  })

  test('an alias to an anchor that does not exist is a config error too', async () => {
    const found = await issues('verify: *nope\n', { target: 'deployment/api' })
    expect(found).toHaveLength(1)
    expect(found[0]).toMatch(/^inputs\.config: /)
    expect(found[0]).toContain('nope')
  })
})

describe('a misspelt built-in kind gets "did you mean", not a custom-resource hint', () => {
  test.each<[string, string]>([
    ['Deploymnet', 'Deployment'],
    ['deploymnet', 'Deployment'],
    ['Deployement', 'Deployment'],
    ['StatefullSet', 'StatefulSet'],
    ['DaemonSett', 'DaemonSet'],
    ['Deploymnets', 'Deployment']
  ])('kind: %s → did you mean %s?', async (kind, meant) => {
    expect(await issues(`targets: [ { kind: ${kind}, name: api } ]`)).toEqual([
      `targets[0].kind: unknown kind "${kind}" (did you mean ${meant}?); custom resources need an apiVersion`
    ])
  })

  test('a custom resource kind far from every built-in one still asks for its apiVersion', async () => {
    expect(await issues('targets: [ { kind: Rollout, name: api } ]')).toEqual([
      'targets[0].apiVersion: required for the custom resource kind "Rollout" (e.g. argoproj.io/v1alpha1)'
    ])
  })

  test('a near kind with an apiVersion is the custom resource it says it is', async () => {
    const loaded = await load('targets: [ { kind: Deploymnet, apiVersion: example.com/v1, name: api } ]')
    expect(loaded.config.targets[0]).toMatchObject({ kind: 'Deploymnet', apiVersion: 'example.com/v1' })
  })

  test.each<[string, string]>([
    ['deploymnet/api', 'unknown kind "deploymnet" in "deploymnet/api" (did you mean deployment?)'],
    ['prod/statefulst/db', 'unknown kind "statefulst" in "prod/statefulst/db" (did you mean statefulset?)'],
    [
      'rollout/api',
      'unknown kind "rollout" in "rollout/api": use deployment, statefulset or daemonset here; list custom resources under targets in the config file'
    ]
  ])('the target input %s', (target, message) => {
    let error: unknown
    try {
      parseTargets(target, 'default')
    } catch (e) {
      error = e
    }
    expect((error as ConfigError).issues).toEqual([{ path: 'inputs.target', message }])
  })
})

describe('thresholds are numbers: a percentage or a quoted number says what to write', () => {
  test.each<[string, string, string]>([
    ['max: 1%', 'max: "1%"', 'analysis.checks[0].max: expected a number, got "1%"; write 1% as 0.01'],
    ['min: 99.5%', 'min: 99.5%', 'analysis.checks[0].min: expected a number, got "99.5%"; write 99.5% as 0.995'],
    ['a quoted number', 'max: "0.5"', 'analysis.checks[0].max: expected a number, got "0.5"; write it without quotes'],
    ['infinity', 'max: .inf', 'analysis.checks[0].max: expected a finite number, got Infinity'],
    ['a word', 'max: high', 'analysis.checks[0].max: expected a number, got "high"']
  ])('%s', async (_name, threshold, expected) => {
    const yaml = `analysis:\n  checks:\n    - { name: e, query: up, ${threshold} }\n`
    expect(await issues(yaml, ANALYZE)).toEqual([expected])
  })

  test('minTraffic.min gets the same hint and must not be negative', async () => {
    const yaml = (min: string): string =>
      `analysis:\n  minTraffic: { query: up, min: ${min} }\n  checks: [ { name: e, query: up, max: 1 } ]\n`
    expect(await issues(yaml('5%'), ANALYZE)).toEqual([
      'analysis.minTraffic.min: expected a number, got "5%"; write 5% as 0.05'
    ])
    expect(await issues(yaml('-1'), ANALYZE)).toEqual([
      'analysis.minTraffic.min: expected a number >= 0 (a request rate), got -1'
    ])
  })
})

describe('other settings that would silently disable a gate', () => {
  test('failureLimit of count or more means nothing can fail', async () => {
    expect(await issues(analysis('  count: 3\n  failureLimit: 3'), ANALYZE)).toEqual([
      'analysis.failureLimit: must be less than count (3), or no check could ever fail (failed means more than failureLimit failures)'
    ])
  })

  test('count must be at least 1', async () => {
    expect(await issues(analysis('  count: 0'), ANALYZE)).toEqual([
      'analysis.count: expected a whole number >= 1, got 0'
    ])
  })
})
