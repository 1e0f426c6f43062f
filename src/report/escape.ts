/**
 * The one place where strings from outside (label values, object names, log lines, PromQL output)
 * are made safe for the surfaces we write: Markdown, raw HTML (core.summary escapes nothing),
 * fenced blocks and the job log. Every renderer goes through these functions.
 */

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/** For HTML text and attribute values (tables, `<summary>`, `<code>`, `href`). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c)
}

// C0 controls (except tab/newline) and DEL render as garbage or are dropped by GitHub; ANSI colour
// codes are common in container logs.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]/g
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

/** Removes ANSI escape sequences and control characters; normalises line endings to `\n`. */
export function stripControl(text: string): string {
  return text.replace(ANSI, '').replace(/\r\n?/g, '\n').replace(CONTROL, '')
}

/*
 * Markdown punctuation is escaped with numeric character references, not backslashes: references
 * work in Markdown text, inside GFM table cells and inside raw HTML blocks alike, whereas a
 * backslash shows up literally inside HTML blocks. `$` is escaped because GitHub renders `$…$` as math.
 */
const MD_ENTITIES: Record<string, string> = {
  '\\': '&#92;',
  '`': '&#96;',
  '*': '&#42;',
  _: '&#95;',
  '[': '&#91;',
  ']': '&#93;',
  '|': '&#124;',
  '~': '&#126;',
  '!': '&#33;',
  '#': '&#35;',
  $: '&#36;'
}

/*
 * GitHub links `@user`, `@org/team` and `#123` / `GH-123` after rendering, on the text of the HTML (so a
 * character reference such as `&#64;` is decoded first and still pings). What stops its matchers is a
 * non-word character right after the sigil: a WORD JOINER (U+2060) is invisible, is not whitespace (no
 * line break, nothing trimmed), and GitHub neither links nor notifies for `@\u2060team`. Like GitHub, a
 * sigil counts only at the start or after a non-word character, so `image@sha256:…` and `a#1` (which
 * GitHub would not link either) stay byte-for-byte copyable.
 */
const WORD_JOINER = '\u2060'
const MENTION_OR_REFERENCE = /(^|[^\p{L}\p{N}_])(@(?=[\p{L}\p{N}])|#(?=\d)|GH-(?=\d))/giu

/** Makes `@mentions` and `#123` / `GH-123` references inert (no ping, no cross-reference); text unchanged to a reader. */
export function neutraliseMentions(text: string): string {
  return text.replace(MENTION_OR_REFERENCE, (_m, before: string, sigil: string) => `${before}${sigil}${WORD_JOINER}`)
}

function escapeInline(text: string): string {
  // One pass over both tables: escaping HTML first and then `#` would break the `&#39;` it just wrote.
  const escaped = neutraliseMentions(stripControl(text)).replace(
    /[&<>"'\\`*_[\]|~!#$]/g,
    (c) => HTML_ENTITIES[c] ?? MD_ENTITIES[c] ?? c
  )
  // A leading `- `, `+ `, `1. ` (or a run like `---`) would start a list, heading or rule when the text
  // begins a line or list item; `-5` or `0.03` would not, and stay readable.
  return escaped
    .replace(/^(\s*)([-+=])(?=\s|$|\2)/, (_m, ws: string, c: string) => `${ws}&#${c.charCodeAt(0)};`)
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, (_m, num: string, c: string) => `${num}&#${c.charCodeAt(0)};`)
}

/** Inline Markdown text (list items, paragraphs): all markup inert, newlines become spaces. */
export function escapeMarkdownText(text: string): string {
  return escapeInline(text.replace(/\r?\n|\r/g, ' '))
}

/** A GFM table cell: like {@link escapeMarkdownText}, `|` made inert, newlines become `<br>`. */
export function escapeMarkdownCell(text: string): string {
  return stripControl(text)
    .split('\n')
    .map((line) => escapeInline(line))
    .join('<br>')
}

/**
 * Inline code that is safe everywhere (tables, lists, HTML blocks). An HTML `<code>` element is
 * used because a Markdown code span needs `\|` inside tables but shows the backslash elsewhere.
 */
export function codeSpan(text: string): string {
  return `<code>${escapeMarkdownText(text)}</code>`
}

/**
 * A fenced code block whose fence is longer than any backtick run inside, so the content can never
 * close it. Content is literal (no escaping needed) apart from control characters.
 */
export function fence(text: string, lang = ''): string {
  const body = stripControl(text).replace(/\n+$/, '')
  const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length))
  const marker = '`'.repeat(Math.max(3, longestRun + 1))
  const info = /^[A-Za-z0-9_+-]*$/.test(lang) ? lang : ''
  return `${marker}${info}\n${body}\n${marker}`
}

/** A link to an http(s) URL, as inline HTML so the URL's own characters cannot break Markdown. */
export function link(url: string, text: string): string {
  if (!/^https?:\/\//i.test(url)) return escapeMarkdownText(text)
  return `<a href="${escapeHtml(url)}">${escapeMarkdownText(text)}</a>`
}

/**
 * A double-quoted Mermaid string (titles, axis labels). Mermaid has no escape syntax inside quotes,
 * so quotes become apostrophes; backticks go too, so the ``` fence can never be closed from inside.
 */
export function escapeMermaidString(text: string): string {
  return stripControl(text)
    .replace(/[\n\t]+/g, ' ')
    .replace(/["`]/g, "'")
    .trim()
}

/*
 * The runner's log is a command channel. A line whose first non-blank characters are `::` is a
 * workflow command (`::add-mask::`, `::set-output …::`, `::warning …::`), and the legacy `##[name]`
 * form is matched anywhere in a line. Outside text therefore must never bring its own line break (the
 * runner splits on \n and \r; the log viewer also breaks on NEL, U+2028 and U+2029) and must never
 * hold those two sequences where they count. They are neutralised with a ZERO WIDTH SPACE (U+200B)
 * between the two characters: the text still reads the same to a person (`::` and `##[` look
 * unchanged), copy-pastes nearly unchanged, and the runner neither trims U+200B as whitespace nor
 * matches the split sequence.
 */
const ZWSP = '\u200b'
// C1 controls (NEL among them) are line breaks or garbage in the log.
const C1_CONTROL = /[\u0080-\u009f]/g
const UNICODE_BREAKS = /[\u0085\u2028\u2029]/g

/** Makes one line unable to form a runner command: `::` at its start and `##[` anywhere are split. */
export function neutraliseRunnerCommands(line: string): string {
  return line.replace(/##\[/g, `#${ZWSP}#[`).replace(/^(\s*):(?=:)/, `$1:${ZWSP}`)
}

/**
 * One line for the job log: no line break of any kind survives (each becomes a space) and no
 * `::`/`##[` sequence can start a runner command. Every line deploy-guard prints goes through this.
 */
export function escapeLogLine(text: string): string {
  const oneLine = stripControl(text.replace(UNICODE_BREAKS, '\n'))
    .replace(/[\n\t]/g, ' ')
    .replace(C1_CONTROL, '')
  return neutraliseRunnerCommands(oneLine)
}

/**
 * The message of an annotation (`::warning::`, `::error::`, setFailed) or a `::debug::` line.
 * @actions/core encodes `%`, `\r` and `\n` in a command's message, so several lines stay one log
 * line and are kept; but `##[` is matched anywhere, so each line is neutralised like a log line.
 */
export function escapeAnnotation(text: string): string {
  return stripControl(text.replace(UNICODE_BREAKS, '\n'))
    .replace(C1_CONTROL, '')
    .split('\n')
    .map(neutraliseRunnerCommands)
    .join('\n')
}

// Cut positions never split a UTF-16 surrogate pair.
function safeCut(text: string, index: number): number {
  const code = text.charCodeAt(index - 1)
  return code >= 0xd800 && code <= 0xdbff ? index - 1 : index
}

export interface TruncateOptions {
  /** `start` keeps the beginning (default); `end` keeps the tail, e.g. for logs. */
  keep?: 'start' | 'end'
}

/**
 * Shortens `text` to at most `max` characters (UTF-16 units) including a note that says how much was
 * cut, e.g. `… (1,234 more characters omitted)`. Apply before escaping so entities are never split.
 */
export function truncate(text: string, max: number, options: TruncateOptions = {}): string {
  if (text.length <= max) return text
  const limit = Math.max(0, Math.floor(max))
  const count = (n: number): string => n.toLocaleString('en-US')
  // The note's length depends on the number in it; size it for the largest possible number.
  const noteFor = (n: number): string =>
    options.keep === 'end' ? `… (${count(n)} earlier characters omitted)\n` : ` … (${count(n)} more characters omitted)`
  const room = limit - noteFor(text.length).length
  if (room < 0) return '…'.slice(0, limit)
  if (options.keep === 'end') {
    let start = text.length - room
    const code = text.charCodeAt(start)
    if (code >= 0xdc00 && code <= 0xdfff) start += 1
    return noteFor(start) + text.slice(start)
  }
  const end = safeCut(text, room)
  return text.slice(0, end) + noteFor(text.length - end)
}

/** Keeps the last (or first) `maxLines` lines, with a note line saying how many were omitted. */
export function truncateLines(text: string, maxLines: number, options: TruncateOptions = {}): string {
  const lines = text.replace(/\n+$/, '').split('\n')
  if (lines.length <= maxLines) return text
  const omitted = lines.length - maxLines
  if (options.keep === 'end') {
    return [`… (${omitted.toLocaleString('en-US')} earlier lines omitted)`, ...lines.slice(omitted)].join('\n')
  }
  return [...lines.slice(0, maxLines), `… (${omitted.toLocaleString('en-US')} more lines omitted)`].join('\n')
}
