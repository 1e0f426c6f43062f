/**
 * loadConfig parses a config without analysis, canary or alerts sections with the schema's root alone
 * (schema-root.ts, no PromQL parser loaded: issue 11's start-up). For such configs the root must accept,
 * default and refuse exactly as the whole schema does, messages and "did you mean" included.
 */
import { describe, expect, it } from '@jest/globals'
import { zodIssuesToConfigIssues } from '../../src/config/issues.js'
import { configSchema } from '../../src/config/schema.js'
import { ABSENT_SECTIONS, configSchemaOf } from '../../src/config/schema-root.js'

const context = { defaultNamespace: 'prod', templateValues: { namespace: 'prod', version: 'v0' } }

/** What a schema makes of `input`: the config, or the issues as users read them. */
function outcome(schema: ReturnType<typeof configSchema>, input: unknown): unknown {
  const result = schema.safeParse(input, { reportInput: true, jitless: true })
  return result.success ? { config: result.data } : { issues: zodIssuesToConfigIssues(result.error.issues) }
}

describe('the root schema alone, for configs without analysis, canary or alerts', () => {
  it.each<[string, unknown]>([
    ['an empty file', {}],
    [
      'targets, verify and rollback',
      {
        targets: [
          { kind: 'deploy', name: 'api' },
          { kind: 'Rollout', apiVersion: 'argoproj.io/v1alpha1', name: 'web' }
        ],
        verify: { timeout: '5m', smoke: [{ url: 'https://api.example.com/health' }] },
        rollback: { onFailure: true, to: 'previous' },
        prometheus: { url: 'http://prom:9090', token: 't' },
        variables: { team: 'payments' },
        version: 1.2
      }
    ],
    ['a misspelt section', { analsis: {}, targts: [] }],
    [
      'wrong types everywhere',
      { targets: 'api', verify: { timeout: 'soon' }, dryRun: 'yes', prometheus: { url: 'prom' } }
    ],
    ['a near miss of a built-in kind', { targets: [{ kind: 'Deploymnet', name: 'api' }] }],
    ['a redefined built-in variable', { variables: { namespace: 'x' } }]
  ])('%s: the same result as the whole schema', (_what, input) => {
    const whole = outcome(configSchema(context), input)
    expect(outcome(configSchemaOf(context, ABSENT_SECTIONS), input)).toEqual(whole)
  })

  it('still names analysis, canary and alerts among the known keys', () => {
    expect(outcome(configSchemaOf(context, ABSENT_SECTIONS), { alert: {} })).toEqual({
      issues: [expect.objectContaining({ path: 'alert', message: expect.stringContaining('alerts') })]
    })
  })
})
