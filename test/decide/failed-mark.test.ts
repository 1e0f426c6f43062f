import { describe, expect, it } from '@jest/globals'
import {
  addFailedMark,
  findFailedMark,
  MAX_MARKS,
  MAX_REASON_CHARS,
  MAX_VALUE_CHARS,
  parseFailedMarks,
  withFailedMarks
} from '../../src/decide/failed-mark.js'
import type { FailedRevisionMark } from '../../src/model/rollback.js'

const mark = (revision: number, templateHash: string, extra: Partial<FailedRevisionMark> = {}): FailedRevisionMark => ({
  revision,
  templateHash,
  reason: 'rollout: CrashLoopBackOff',
  runUrl: 'https://github.com/o/r/actions/runs/7',
  at: '2026-01-01T00:00:00.000Z',
  ...extra
})

const stored = (...marks: unknown[]) => JSON.stringify({ version: 1, marks })

describe('parseFailedMarks', () => {
  it.each<[string, string | undefined, FailedRevisionMark[] | RegExp]>([
    ['unset', undefined, /is not set/],
    ['a written value reads back', stored(mark(2, 'bbb')), [mark(2, 'bbb')]],
    ['not JSON', '{revision: 2', /not valid JSON/],
    ['wrong version', JSON.stringify({ version: 2, marks: [] }), /malformed at version/],
    ['negative revision', stored({ ...mark(2, 'b'), revision: -1 }), /malformed at marks\.0\.revision/],
    ['unknown field (strict)', stored({ ...mark(2, 'b'), extra: 1 }), /malformed at marks\.0/],
    ['a hash that is not a label value', stored(mark(2, 'b b')), /marks\.0\.templateHash: expected a template hash/],
    [
      'a run URL that is not http(s)',
      stored(mark(2, 'bbb', { runUrl: 'javascript:alert(1)' })),
      /marks\.0\.runUrl: expected an http\(s\) URL/
    ],
    ['a time that is not ISO', stored(mark(2, 'bbb', { at: 'yesterday' })), /marks\.0\.at/],
    [
      'too many marks',
      stored(...Array.from({ length: MAX_MARKS + 1 }, (_, i) => mark(i + 1, `h${i}`))),
      /malformed at marks/
    ],
    ['oversized value', 'x'.repeat(MAX_VALUE_CHARS + 1), /more than the 8192/],
    [
      'control characters in the reason are flattened',
      stored(mark(2, 'bbb', { reason: 'bad\n::error::injected' })),
      [mark(2, 'bbb', { reason: 'bad ::error::injected' })]
    ]
  ])('%s', (_name, raw, expected) => {
    const read = parseFailedMarks(raw)
    if (expected instanceof RegExp) {
      expect(read.ok).toBe(false)
      if (!read.ok) expect(read.reason).toMatch(expected)
    } else {
      expect(read).toEqual({ ok: true, value: expected })
    }
  })
})

describe('addFailedMark', () => {
  it.each<[string, string | undefined, FailedRevisionMark, number[], RegExp | undefined]>([
    ['first mark', undefined, mark(2, 'bbb'), [2], undefined],
    ['newest first', stored(mark(2, 'bbb')), mark(4, 'ddd'), [4, 2], undefined],
    [
      'the same revision is replaced, not duplicated',
      stored(mark(2, 'bbb'), mark(1, 'aaa')),
      mark(5, 'bbb'),
      [5, 1],
      undefined
    ],
    ['an unreadable value is replaced and said so', 'garbage', mark(2, 'bbb'), [2], /not valid JSON/],
    [
      'bounded to MAX_MARKS, oldest dropped',
      stored(...Array.from({ length: MAX_MARKS }, (_, i) => mark(MAX_MARKS - i, `h${MAX_MARKS - i}`))),
      mark(99, 'new'),
      [99, ...Array.from({ length: MAX_MARKS - 1 }, (_, i) => MAX_MARKS - i)],
      undefined
    ]
  ])('%s', (_name, existing, added, revisions, replaced) => {
    const update = addFailedMark(existing, added)
    const read = parseFailedMarks(update.value)
    expect(read.ok && read.value.map((m) => m.revision)).toEqual(revisions)
    if (replaced) expect(update.replacedUnreadable).toMatch(replaced)
    else expect(update.replacedUnreadable).toBeUndefined()
  })

  it('bounds reasons and drops what its own parser would reject', () => {
    const update = addFailedMark(undefined, mark(2, 'bad hash', { reason: 'x'.repeat(5000), runUrl: 'ftp://x' }))
    const read = parseFailedMarks(update.value)
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.value[0]?.reason).toHaveLength(MAX_REASON_CHARS)
    expect(read.value[0]).not.toHaveProperty('runUrl')
    expect(read.value[0]).not.toHaveProperty('templateHash')
  })

  it('stays within MAX_VALUE_CHARS with long reasons', () => {
    let value: string | undefined
    for (let i = 1; i <= 40; i++)
      value = addFailedMark(
        value,
        mark(i, `h${i}`, { reason: 'r'.repeat(MAX_REASON_CHARS), runUrl: `https://x.example/${'p'.repeat(400)}` })
      ).value
    expect(value!.length).toBeLessThanOrEqual(MAX_VALUE_CHARS)
    expect(parseFailedMarks(value).ok).toBe(true)
  })
})

describe('findFailedMark / withFailedMarks', () => {
  const marks = [mark(2, 'bbb'), { ...mark(7, 'x'), templateHash: undefined }]
  it.each<[string, { revision: number; templateHash?: string }, number | undefined]>([
    ['by hash', { revision: 2, templateHash: 'bbb' }, 2],
    ['by hash after renumbering', { revision: 5, templateHash: 'bbb' }, 2],
    ['same number, other hash: not marked', { revision: 2, templateHash: 'zzz' }, undefined],
    ['a mark without a hash matches by number', { revision: 7, templateHash: 'q' }, 7],
    ['unmarked', { revision: 3, templateHash: 'ccc' }, undefined]
  ])('%s', (_name, revision, expected) => {
    expect(findFailedMark(revision, marks)?.revision).toBe(expected)
    expect(withFailedMarks([revision], marks)[0]?.failedMark?.revision).toBe(expected)
  })
})
