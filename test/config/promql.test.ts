import { describe, expect, test } from '@jest/globals'
import { checkPromql } from '../../src/config/promql.js'
import { queryTemplateProblems } from '../../src/config/query-check.js'

describe('checkPromql', () => {
  test.each([
    'up',
    'sum(rate(http_requests_total{status=~"5.."}[1m]))',
    'histogram_quantile(0.95, sum by (le) (rate(h_bucket[1m])))',
    'sum(rate(a[5m])) / sum(rate(b[5m]))',
    'max_over_time(up[10m:1m]) offset 5m',
    'x > bool 1',
    'sum without (pod) (x)\n/\nignoring(code) group_left sum(y)',
    '1'
  ])('accepts %p', (query) => {
    expect(checkPromql(query)).toEqual({ ok: true })
  })

  test.each([
    ['sum(rate(x[1m])', 'invalid PromQL at 1:16: unexpected end of query (unclosed "(")'],
    ['a{b="c"}}', 'invalid PromQL at 1:9: unexpected "}"'],
    ['rate(x[1m]) }', 'invalid PromQL at 1:13: unexpected "}"'],
    ['foo bar', 'invalid PromQL at 1:5: unexpected "bar"'],
    ['rate(x[1m]) /', 'invalid PromQL at 1:14: unexpected end of query'],
    ['sum(x)\n  / )', 'invalid PromQL at 2:5: unexpected ")"'],
    ['', 'invalid PromQL: the query is empty'],
    ['   ', 'invalid PromQL: the query is empty']
  ])('refuses %p with its position', (query, message) => {
    expect(checkPromql(query)).toEqual({ ok: false, message })
  })

  // Type errors Prometheus would only report at query time, minutes into an analysis: a check needs one
  // number per series, so a range vector (judged on its last point only) or a string is a config error.
  test.each([
    ['rate(x[1m])[5m:]', 'a range vector'],
    ['x[5m]', 'a range vector'],
    ['(rate(x[1m])[5m:1m])', 'a range vector'],
    ['x[5m] offset 1m', 'a range vector'],
    ['x[5m] @ 100', 'a range vector'],
    ['# comment\nx[5m]', 'a range vector'],
    ['"hello"', 'a string']
  ])('refuses %p, which returns %s', (query, what) => {
    const result = checkPromql(query)
    expect(result.ok).toBe(false)
    expect(result.ok === false && result.message).toContain(`returns ${what}`)
  })
})

describe('queryTemplateProblems', () => {
  const values = { namespace: 'production', version: 'v0', window: '5m' }
  test.each([
    ['sum(rate(x{version="{{version}}"}[{{window}}]))', []],
    // Column 36 is the "}" in the template as written, not in the longer rendered query.
    ['rate(x{namespace="{{ namespace }}"}}[1m])', ['invalid PromQL at 1:36: unexpected "}"']],
    ['rate(x{v="{{verison}}"}[1m])', ['unknown template variable {{verison}} (known: namespace, version, window)']],
    ['rate(x[{{window}}]) {{version}}', ['invalid PromQL at 1:21: unexpected "v0"']]
  ])('%p', (template, problems) => {
    expect(queryTemplateProblems(template, values)).toEqual(problems)
  })
})
