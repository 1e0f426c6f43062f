import { describe, expect, test } from '@jest/globals'
import {
  escapePromqlString,
  renderTemplate,
  templateProblems,
  templateVariablesUsed
} from '../../src/config/template.js'

const values = { namespace: 'prod', target: 'api', kind: 'Deployment', version: 'v1.2.3', window: '5m' }

describe('templateVariablesUsed', () => {
  test.each([
    ['up', []],
    ['up{namespace="{{namespace}}"}', ['namespace']],
    ['x{a="{{ version }}",b="{{version}}"}[{{window}}]', ['version', 'window']],
    ['{{ bad-name }} {{target}}', ['target']]
  ])('%p uses %p', (template, names) => {
    expect(templateVariablesUsed(template)).toEqual(names)
  })
})

describe('renderTemplate', () => {
  test.each([
    ['up{namespace="{{namespace}}"}', values, 'up{namespace="prod"}'],
    ['rate(x{v="{{ version }}"}[{{window}}])', values, 'rate(x{v="v1.2.3"}[5m])'],
    ['x{a="{{v}}"}', { v: 'a"b\\c' }, 'x{a="a\\"b\\\\c"}'],
    ["x{a='{{v}}'}", { v: "it's" }, "x{a='it\\'s'}"],
    ['x{a=~"{{v}}"}', { v: 'a|b' }, 'x{a=~"a|b"}'],
    ['x{a="\\"{{v}}"}', { v: 'q"' }, 'x{a="\\"q\\""}'],
    ['x{a=`{{v}}`}', { v: 'raw\\' }, 'x{a=`raw\\`}'],
    ['{{v}}', { v: 'a"b' }, 'a"b']
  ])('%p', (template, vars, expected) => {
    expect(renderTemplate(template, vars)).toBe(expected)
  })

  test('an unknown variable names the known ones', () => {
    expect(() => renderTemplate('x{v="{{verison}}"}', values)).toThrow(
      'unknown template variable {{verison}} (known: namespace, target, kind, version, window)'
    )
  })

  test('a backtick in a raw string cannot be escaped, so it is refused', () => {
    expect(() => renderTemplate('x{a=`{{v}}`}', { v: 'a`b' })).toThrow('contains a backtick')
  })
})

describe('templateProblems', () => {
  test.each([
    ['up{n="{{namespace}}"}', []],
    ['up{n="{{nmespace}}"}', ['unknown template variable {{nmespace}} (known: namespace, version)']],
    ['{{ a-b }}', ['invalid template placeholder {{ a-b }} (expected {{name}} with letters, digits and _)']],
    ['{{x}} {{x}}', ['unknown template variable {{x}} (known: namespace, version)']]
  ])('%p', (template, problems) => {
    expect(templateProblems(template, ['namespace', 'version'])).toEqual(problems)
  })
})

test.each([
  ['plain', 'plain'],
  ['a"b', 'a\\"b'],
  ['a\\b', 'a\\\\b'],
  ['\\"', '\\\\\\"']
])('escapePromqlString(%p)', (value, escaped) => {
  expect(escapePromqlString(value)).toBe(escaped)
})
