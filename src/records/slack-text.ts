/**
 * Making outside text safe for Slack's `mrkdwn` (and the Slack-compatible receivers: Mattermost,
 * Rocket.Chat, Discord's /slack endpoint), and fitting it into Slack's size limits.
 *
 * Slack's rule (api.slack.com "Formatting text"): only `&`, `<` and `>` are control characters, escaped
 * as `&amp;`, `&lt;`, `&gt;`. With `<` escaped, outside text can never form a link, a `<!channel>` /
 * `<!here>` broadcast or a `<@U123>` user mention. Mattermost and Rocket.Chat also notify on a bare
 * `@channel` / `@all` / `@user`, so `@` before a word gets an invisible WORD JOINER (as on GitHub).
 */
import { neutraliseMentions, stripControl } from '../report/escape.js'

/** Slack's documented limits (Block Kit reference, chat.postMessage). */
export const SLACK_LIMITS = {
  /** The top-level `text` (Slack truncates longer messages). */
  text: 40_000,
  blocks: 50,
  /** A section block's `text`. */
  sectionText: 3_000,
  /** Each of a section's `fields`, and at most 10 of them. */
  fieldText: 2_000,
  fields: 10,
  /** A header block's plain_text. */
  headerText: 150,
  /** Elements of a context block. */
  contextElements: 10
} as const

const SLACK_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

/** Outside text as mrkdwn: control characters gone, `& < >` escaped, mentions inert. Newlines kept. */
export function escapeSlack(text: string): string {
  return neutraliseMentions(stripControl(text)).replace(/[&<>]/g, (c) => SLACK_ENTITIES[c])
}

/** One line of outside text (a list item, a field value): like escapeSlack, line breaks become spaces. */
export function escapeSlackLine(text: string): string {
  return escapeSlack(text.replace(/\s*[\r\n\u2028\u2029\u0085]+\s*/g, ' '))
}

/** Inline code from outside text: backticks removed (they would end the span), then escaped. */
export function slackCode(text: string): string {
  const inner = escapeSlackLine(text.replace(/`/g, "'"))
  return inner ? `\`${inner}\`` : ''
}

/**
 * A link `<url|label>`. Only http(s) URLs; `|` and `>` in the URL are percent-encoded so the URL
 * cannot end the link early; the label is escaped outside text. Not a URL → the label alone.
 */
export function slackLink(url: string, label: string): string {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return escapeSlackLine(label)
  const safeUrl = url.replace(/[|>]/g, (c) => encodeURIComponent(c)).replace(/</g, '%3C')
  return `<${safeUrl}|${escapeSlackLine(label).replace(/\|/g, '¦')}>`
}

/**
 * Cuts already-escaped mrkdwn to `max` characters with a note, never inside an entity (`&amp;`), a
 * link we built (`<…|…>`) or a surrogate pair.
 */
export function fitSlack(text: string, max: number): string {
  if (text.length <= max) return text
  const note = (n: number): string => ` … (${n.toLocaleString('en-US')} more characters)`
  let end = Math.max(0, max - note(text.length).length)
  const code = text.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end -= 1
  let head = text.slice(0, end)
  // An entity or a link cut in half would show raw or break the rest of the message.
  head = head.replace(/&[a-z]{0,4}$/, '')
  const open = head.lastIndexOf('<')
  if (open > head.lastIndexOf('>')) head = head.slice(0, open)
  return head + note(text.length - head.length)
}

/** plain_text for a header: no markup is parsed there, so only control characters go and it is cut. */
export function slackPlain(text: string, max: number): string {
  const line = stripControl(text).replace(/\s+/g, ' ').trim()
  if (line.length <= max) return line
  return `${line.slice(0, max - 1)}…`
}
