import { describe, expect, test } from '@jest/globals'
import { ConfigError } from '../../../src/config/errors.js'
import { actionInputs } from '../../../src/config/inputs.js'
import { loadConfig } from '../../../src/config/load.js'
import { canarySchema } from '../../../src/config/schema-canary.js'
import YAML from 'yaml'

const FILE = '.github/deploy-guard.yml'
const STAND_INS = { namespace: 'default', target: 'api', kind: 'Deployment', version: '1.0.0' }
const ERROR_RATE =
  'sum(rate(http_requests_total{version="{{track}}",status=~"5.."}[30s])) / sum(rate(http_requests_total{version="{{track}}"}[30s]))'

/** Every issue of a config file, as `path: message` lines. */
async function issues(yaml: string): Promise<string[]> {
  try {
    await loadConfig(actionInputs({ config: FILE, command: 'verify' }), async () => yaml)
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`)
    throw error
  }
  return []
}

describe('canary.judge schema', () => {
  test("the issue's example parses with Kayenta-like defaults", () => {
    const parsed = canarySchema(STAND_INS).parse(
      YAML.parse(`
steps: [ { weight: 5, pause: 10m }, { weight: 100 } ]
judge:
  confidence: 0.98
  pass: 95
  marginal: 75
  tracks: { canary: "2.0.0", baseline: 1.0 }
  metrics:
    - name: error-rate
      query: ${ERROR_RATE}
      direction: increase
      allowedIncrease: 1.2
      critical: true
    - name: latency-p95
      query: histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{version="{{track}}"}[30s])))
      direction: increase
`)
    )
    expect(parsed.judge).toEqual({
      confidence: 0.98,
      pass: 95,
      marginal: 75,
      tracks: { canary: '2.0.0', baseline: '1' },
      metrics: [
        {
          name: 'error-rate',
          query: ERROR_RATE,
          direction: 'increase',
          allowedIncrease: 1.2,
          allowedDecrease: 1,
          critical: true,
          nanStrategy: 'remove',
          minSamples: 5
        },
        expect.objectContaining({ name: 'latency-p95', allowedIncrease: 1, critical: false, minSamples: 5 })
      ]
    })
  })

  test('defaults for the scores and confidence', () => {
    const parsed = canarySchema(STAND_INS).parse({
      steps: [{ weight: 100 }],
      judge: { metrics: [{ name: 'm', query: 'up{v="{{track}}"}', direction: 'either' }] }
    })
    expect(parsed.judge).toMatchObject({ confidence: 0.98, pass: 95, marginal: 75 })
  })

  test('every problem is reported with its path', async () => {
    expect(
      await issues(`
targets: [ { kind: Deployment, name: api } ]
canary:
  steps: [ { weight: 100 } ]
  judge:
    confidence: 98
    pass: 80
    marginal: 90
    groups: { latency: 2, errors: 0 }
    metrics:
      - { name: a, query: 'up{version="1.0"}', direction: increase, group: latency }
      - { name: a, query: 'rate(x{v="{{track}}"}[1m]', direction: up, allowedIncrease: 0.9, group: cpu }
      - { name: c, query: 'up{v="{{track}}"}', direction: decrease, allowedDecrease: 1.5, nanStrategy: zero, minSamples: 0 }
`)
    ).toEqual([
      'canary.judge.confidence: expected a confidence level between 0 and 1, such as 0.98, got 98',
      'canary.judge.groups.errors: expected a group weight greater than 0, got 0',
      'canary.judge.metrics[0].query: must use {{track}} (it becomes the canary and then the baseline version), or both sides query the same series',
      'canary.judge.metrics[1].query: invalid PromQL at 1:26: unexpected end of query (unclosed "(")',
      'canary.judge.metrics[1].direction: expected one of increase, decrease, either (which change counts against the canary), got "up"',
      'canary.judge.metrics[1].allowedIncrease: expected a mean ratio >= 1 (1.2 tolerates 20 % more than the baseline), got 0.9',
      'canary.judge.metrics[2].allowedDecrease: expected a mean ratio above 0 and at most 1 (0.8 tolerates 20 % less), got 1.5',
      'canary.judge.metrics[2].nanStrategy: expected one of remove, replace, got "zero"',
      'canary.judge.metrics[2].minSamples: expected a whole number >= 1, got 0',
      'canary.judge.marginal: must not be greater than pass (80): a marginal score is one below pass',
      'canary.judge.metrics[1].name: duplicate metric name "a" (also used by canary.judge.metrics[0])',
      'canary.judge.metrics[1].group: unknown group "cpu" (known: latency, errors)',
      'canary.judge.metrics[2].group: required when canary.judge.groups is set (one of: latency, errors)'
    ])
  })

  test('a group without groups, unknown keys and no metrics', async () => {
    expect(
      await issues(`
targets: [ { kind: Deployment, name: api } ]
canary:
  steps: [ { weight: 100 } ]
  judge: { metrics: [ { name: a, query: 'up{v="{{track}}"}', direction: either, group: latency, critcal: true } ] }
`)
    ).toEqual([
      'canary.judge.metrics[0].critcal: unknown key (did you mean "critical"?)',
      'canary.judge.metrics[0].group: names a group, but canary.judge.groups is not set; add groups: { latency: <weight> }'
    ])
    expect(
      await issues(`
targets: [ { kind: Deployment, name: api } ]
canary: { steps: [ { weight: 100 } ], judge: { metrics: [] } }
`)
    ).toEqual(['canary.judge.metrics: expected at least one metric, got a list'])
  })
})
