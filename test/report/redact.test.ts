import { describe, expect, test } from '@jest/globals'
import { REDACTED, Redactor, secretForms } from '../../src/report/redact.js'

describe('Redactor', () => {
  test('replaces a secret and its URL-, JSON- and base64-encoded forms', () => {
    const secret = 'p@ss/w"rd+1'
    const redactor = new Redactor()
    redactor.add(secret)
    const text = [
      secret,
      encodeURIComponent(secret),
      JSON.stringify(secret),
      Buffer.from(secret).toString('base64'),
      JSON.stringify({ message: `token ${secret} rejected` })
    ].join(' | ')
    const out = redactor.text(text)
    for (const form of secretForms(secret)) expect(out).not.toContain(form)
    expect(out).toContain(REDACTED)
  })

  test('a secret containing another is replaced whole, not leaving a tail', () => {
    const redactor = new Redactor()
    redactor.add('abc')
    redactor.add('abcdef-long')
    expect(redactor.text('x abcdef-long y abc')).toBe('x *** y ***')
  })

  test('tells onSecret each new secret once, ignores blank and very short values', () => {
    const told: string[] = []
    const redactor = new Redactor((s) => told.push(s))
    for (const value of ['tok123', ' tok123 ', '', '  ', 'ab']) redactor.add(value)
    expect(told).toEqual(['tok123'])
    expect(redactor.text('ab tok123')).toBe('ab ***')
  })

  test('value() redacts every string of plain data, keys included, without changing the input', () => {
    const redactor = new Redactor()
    redactor.add('tok123')
    const input = { a: ['x tok123', 1, null, { tok123: 'tok123', b: true }] }
    expect(redactor.value(input)).toEqual({ a: ['x ***', 1, null, { '***': '***', b: true }] })
    expect(input.a[0]).toBe('x tok123')
  })

  test('a multi-line secret (a kubeconfig) is found with either line ending', () => {
    const redactor = new Redactor()
    redactor.add('line-one\nline-two')
    expect(redactor.text('a line-one\r\nline-two b')).toBe('a *** b')
  })
})
