import { describe, expect, test } from '@jest/globals'
import { codeSpan, escapeMarkdownCell, escapeMarkdownText, neutraliseMentions } from '../../src/report/escape.js'
import { renderToDom } from './render-html.js'

const WJ = '\u2060'

/** What GitHub's mention and issue-reference matchers would pick out of rendered text (simplified, case-insensitive). */
function linkedBy(text: string): string[] {
  const found: string[] = []
  for (const m of text.matchAll(
    /(?:^|[^\p{L}\p{N}_])(@[\p{L}\p{N}][\p{L}\p{N}-]*(?:\/[\p{L}\p{N}-]+)?|#\d+|GH-\d+)/giu
  ))
    found.push(m[1])
  return found
}

describe('neutraliseMentions', () => {
  test.each([
    ['@octocat', `@${WJ}octocat`],
    ['ping @org/team now', `ping @${WJ}org/team now`],
    ['fixes #1 and GH-22', `fixes #${WJ}1 and GH-${WJ}22`],
    ['(#12)', `(#${WJ}12)`],
    ['gh-3', `gh-${WJ}3`]
  ])('%j is made inert', (input, expected) => {
    expect(neutraliseMentions(input)).toBe(expected)
    expect(linkedBy(neutraliseMentions(input))).toEqual([])
  })

  test.each(['registry/api@sha256:0123abcd', 'user@example.com', 'a#1', '#heading', '@ alone', 'C# 12'])(
    '%j, which GitHub would not link, is unchanged',
    (input) => {
      // `C# 12` has a space: GitHub needs the digit right after `#`.
      expect(neutraliseMentions(input)).toBe(input)
    }
  )
})

describe('escaped outside text pings nobody', () => {
  const hostile = 'pod-@org/team-#1 @octocat #42 GH-7 `@x` <b>@y</b>'

  test.each([
    ['escapeMarkdownText', escapeMarkdownText],
    ['escapeMarkdownCell', escapeMarkdownCell],
    ['codeSpan', codeSpan]
  ])('%s: the rendered text reads the same and holds no mention or reference', (_name, escape) => {
    const doc = renderToDom(`| a |\n| --- |\n| ${escape(hostile)} |`)
    const text = doc.querySelector('td')?.textContent ?? ''
    expect(text.replace(new RegExp(WJ, 'g'), '')).toBe(hostile)
    expect(linkedBy(text)).toEqual([])
    expect(doc.querySelectorAll('b, code code')).toHaveLength(0)
  })

  test('a character reference would not have been enough: GitHub matches the decoded text', () => {
    // What the old escaping produced for `#1`: decoded, it is `#1` again, which GitHub links.
    const doc = renderToDom('&#35;1 &#64;octocat')
    expect(linkedBy(doc.body.textContent ?? '')).toEqual(['#1', '@octocat'])
  })
})
