/**
 * Renders report Markdown the way a GFM renderer would (marked, GFM on, raw HTML passed through like
 * GitHub before its sanitiser) and loads it into a DOM, so tests can assert what a reader would get:
 * no injected elements, the right number of table cells.
 */
import { JSDOM } from 'jsdom'
import { marked } from 'marked'

export function renderToDom(markdown: string): Document {
  const html = marked.parse(markdown, { gfm: true, async: false })
  return new JSDOM(`<!doctype html><body>${html}</body>`).window.document
}
