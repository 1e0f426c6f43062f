import { describe, expect, test } from '@jest/globals'
import {
  codeSpan,
  escapeHtml,
  escapeLogLine,
  escapeMarkdownCell,
  escapeMarkdownText,
  fence,
  link,
  truncate,
  truncateLines
} from '../../src/report/escape.js'
import { MALICIOUS } from './fixtures.js'
import { renderToDom } from './render-html.js'

describe('escapeHtml', () => {
  test('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;')
  })
})

describe('escapeMarkdownCell', () => {
  const hostile = [
    MALICIOUS,
    'a|b',
    'tick ` and ``` run',
    'two\nlines',
    '**bold** _it_ [l](javascript:alert(1)) ![i](x)',
    '$x$ ~~s~~ #h'
  ]
  test.each(hostile)('%j has no raw markup characters left', (value) => {
    const cell = escapeMarkdownCell(value)
    expect(cell.replace(/<br>/g, '')).not.toMatch(/[<>|`*_[\]\n$~!]/)
  })

  test('newlines become <br>, CRLF included', () => {
    expect(escapeMarkdownCell('a\r\nb\nc')).toBe('a<br>b<br>c')
  })

  test('a table of hostile cells renders with exactly its cells and the original text', () => {
    const row = hostile.map(escapeMarkdownCell)
    const md = [
      `| ${hostile.map((_v, i) => `c${i}`).join(' | ')} |`,
      `|${hostile.map(() => '---').join('|')}|`,
      `| ${row.join(' | ')} |`
    ].join('\n')
    const doc = renderToDom(md)
    expect(doc.querySelectorAll('script, a, img, strong, em, del, h1, code')).toHaveLength(0)
    const cells = [...doc.querySelectorAll('tbody td')]
    expect(cells).toHaveLength(hostile.length)
    expect(cells.map((c) => c.textContent)).toEqual(hostile.map((v) => v.replace(/\n/g, '')))
  })
})

describe('escapeMarkdownText', () => {
  it("escapes an apostrophe and a hash once each (Node's #1 renders as typed)", () => {
    // The WORD JOINER after `#` keeps GitHub from linking issue #1 (escape-mentions.test.ts).
    expect(escapeMarkdownText("Node's #1")).toBe('Node&#39;s &#35;\u20601')
  })

  test('block markers at the start are inert inside a list item', () => {
    const doc = renderToDom(
      ['- not a list', '# not a heading', '1. not ordered', '> not a quote', '+ plus']
        .map((t) => `- ${escapeMarkdownText(t)}`)
        .join('\n')
    )
    expect(doc.querySelectorAll('li')).toHaveLength(5)
    expect(doc.querySelectorAll('ul ul, ol, h1, blockquote')).toHaveLength(0)
    expect([...doc.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '- not a list',
      '# not a heading',
      '1. not ordered',
      '> not a quote',
      '+ plus'
    ])
  })

  test('newlines become spaces', () => {
    expect(escapeMarkdownText('a\n\nb')).toBe('a  b')
  })

  test('control characters and ANSI colours are dropped', () => {
    expect(escapeMarkdownText('\u001b[31mred\u001b[0m\u0000')).toBe('red')
  })
})

describe('codeSpan', () => {
  test('renders as code with the exact text, pipes and backticks included, even in a table', () => {
    const value = 'img`|`:v1 <b>'
    const doc = renderToDom(`| a |\n|---|\n| ${codeSpan(value)} |`)
    expect(doc.querySelectorAll('td')).toHaveLength(1)
    expect(doc.querySelector('td code')?.textContent).toBe(value)
    expect(doc.querySelectorAll('b')).toHaveLength(0)
  })
})

describe('fence', () => {
  test('uses a fence longer than the longest backtick run', () => {
    const block = fence('a ``` b\n`````\nc', 'text')
    expect(block.startsWith('``````text\n')).toBe(true)
    expect(block.endsWith('\n``````')).toBe(true)
  })

  test('content cannot close the fence or inject HTML', () => {
    const text = '```\n</details><script>alert(1)</script>\n````'
    const doc = renderToDom(`${fence(text)}\n\nafter`)
    expect(doc.querySelectorAll('script')).toHaveLength(0)
    expect(doc.querySelector('pre code')?.textContent).toBe(`${text}\n`)
  })

  test('an unsafe info string is dropped', () => {
    expect(fence('x', 'js onload=1').split('\n')[0]).toBe('```')
  })
})

describe('link', () => {
  test('only http(s) URLs become links, with the URL escaped', () => {
    expect(link('javascript:alert(1)', 'x')).toBe('x')
    expect(link('https://p/graph?a="b"&c', 'open')).toBe('<a href="https://p/graph?a=&quot;b&quot;&amp;c">open</a>')
  })
})

describe('escapeLogLine', () => {
  test('a value cannot start a workflow command on its own line', () => {
    expect(escapeLogLine('ok\n::error::pwned\r\n::set-env name=x::y')).not.toMatch(/\n/)
  })
})

describe('truncate', () => {
  test('returns short text unchanged', () => {
    expect(truncate('abc', 3)).toBe('abc')
  })

  test('keeps the start with a note, within max', () => {
    const out = truncate('x'.repeat(10_000), 100)
    expect(out.length).toBeLessThanOrEqual(100)
    expect(out).toMatch(/^x+ … \([\d,]+ more characters omitted\)$/)
    const omitted = Number(/\(([\d,]+) more/.exec(out)?.[1]?.replace(/,/g, ''))
    expect(out.indexOf(' …') + omitted).toBe(10_000)
  })

  test('keeps the end for logs', () => {
    const out = truncate(`${'a'.repeat(5000)}THE END`, 80, { keep: 'end' })
    expect(out.length).toBeLessThanOrEqual(80)
    expect(out).toMatch(/^… \([\d,]+ earlier characters omitted\)\n/)
    expect(out.endsWith('THE END')).toBe(true)
  })

  test('never splits a surrogate pair', () => {
    for (let max = 40; max < 60; max++) {
      for (const keep of ['start', 'end'] as const) {
        const out = truncate('😀'.repeat(100), max, { keep })
        expect(out.length).toBeLessThanOrEqual(max)
        expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/)
      }
    }
  })

  test('a tiny max still honours the limit', () => {
    expect(truncate('abcdef', 0)).toBe('')
    expect(truncate('abcdef', 3).length).toBeLessThanOrEqual(3)
  })
})

describe('truncateLines', () => {
  test('keeps the last lines with a note', () => {
    const text = Array.from({ length: 10 }, (_v, i) => `l${i}`).join('\n')
    expect(truncateLines(text, 3, { keep: 'end' })).toBe('… (7 earlier lines omitted)\nl7\nl8\nl9')
    expect(truncateLines(text, 2)).toBe('l0\nl1\n… (8 more lines omitted)')
    expect(truncateLines(text, 10)).toBe(text)
  })
})
