/**
 * Report Markdown → one self-contained HTML page that looks like GitHub's rendering of it: marked with
 * GFM (raw HTML passed through, as GitHub does before its sanitiser), a small CSS of GitHub's
 * markdown-body look, and every ```mermaid block turned into a Mermaid diagram in the page.
 *
 * Mermaid is loaded from node_modules by a file:// URL, never from a CDN (the machines that run this
 * have no network). After the diagrams ran, the page measures what a reader sees and publishes it as
 * `window.renderReport` (a promise) and as JSON in `#render-report-result`, so both a live browser
 * and a dumped DOM can be asserted on.
 */
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Marked } from 'marked'
import { escapeHtml } from '../src/report/escape.js'

/** What the page measured once every diagram had been rendered (see PAGE_SCRIPT). */
export interface PageReport {
  /** Mermaid blocks in the Markdown, in order; sizes measured with every `<details>` open. */
  charts: Array<{
    index: number
    hasSvg: boolean
    /** The SVG's aria-roledescription: `xychart` for our charts, `error` for Mermaid's error picture. */
    kind: string
    width: number
    height: number
    plotted: number
    title: string
  }>
  /** Errors Mermaid threw (parse or render), one line each. */
  mermaidErrors: string[]
  /** The block holding the topmost visible text: its tag and its text (whitespace collapsed). */
  firstVisible: { tag: string; text: string } | null
  /** Full page size in CSS pixels, for the screenshot. */
  width: number
  height: number
}

/** The file:// URL of node_modules/mermaid/dist/mermaid.min.js, as this project resolves it. */
export function mermaidScriptUrl(): string {
  const require = createRequire(import.meta.url)
  // The package's exports map has no "./dist/mermaid.min.js"; resolve its package.json and go from there.
  const packageJson = require.resolve('mermaid/package.json')
  return pathToFileURL(packageJson.replace(/package\.json$/, 'dist/mermaid.min.js')).href
}

/** Markdown → HTML body, with each ```mermaid block as `<pre class="mermaid">` for Mermaid to replace. */
export function markdownToHtml(markdown: string): { html: string; mermaidBlocks: number } {
  let mermaidBlocks = 0
  const marked = new Marked({ gfm: true, async: false })
  marked.use({
    renderer: {
      code({ text, lang }) {
        if (lang?.trim() !== 'mermaid') return false
        const index = mermaidBlocks++
        return `<div class="mermaid-chart" data-chart="${index}"><pre class="mermaid">${escapeHtml(text)}</pre></div>\n`
      }
    }
  })
  const html = marked.parse(markdown) as string
  return { html, mermaidBlocks }
}

/** GitHub's markdown-body look, reduced to what our reports use; system fonts only. */
const CSS = `
:root { color-scheme: light; }
body { margin: 0; background: #f6f8fa; }
.markdown-body {
  box-sizing: border-box; max-width: 1012px; margin: 24px auto; padding: 32px; background: #fff;
  border: 1px solid #d1d9e0; border-radius: 6px; color: #1f2328; font-size: 16px; line-height: 1.5;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif,
    "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji";
  word-wrap: break-word;
}
.markdown-body > *:first-child { margin-top: 0 !important; }
.markdown-body h1, .markdown-body h2, .markdown-body h3, .markdown-body h4 {
  margin: 24px 0 16px; font-weight: 600; line-height: 1.25;
}
.markdown-body h1 { font-size: 2em; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3; }
.markdown-body h2 { font-size: 1.5em; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3; }
.markdown-body h3 { font-size: 1.25em; }
.markdown-body h4 { font-size: 1em; }
.markdown-body p, .markdown-body ul, .markdown-body ol, .markdown-body table, .markdown-body pre,
.markdown-body details, .markdown-body blockquote { margin: 0 0 16px; }
.markdown-body ul, .markdown-body ol { padding-left: 2em; }
.markdown-body li + li { margin-top: .25em; }
.markdown-body a { color: #0969da; text-decoration: none; }
.markdown-body a:hover { text-decoration: underline; }
.markdown-body code, .markdown-body pre {
  font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
  font-size: 85%;
}
.markdown-body code { padding: .2em .4em; background: #818b981f; border-radius: 6px; white-space: break-spaces; }
.markdown-body pre { padding: 16px; overflow: auto; line-height: 1.45; background: #f6f8fa; border-radius: 6px; }
.markdown-body pre code { padding: 0; background: transparent; font-size: 100%; white-space: pre; }
.markdown-body table { display: block; width: max-content; max-width: 100%; overflow: auto; border-spacing: 0; border-collapse: collapse; }
.markdown-body th { font-weight: 600; }
.markdown-body th, .markdown-body td { padding: 6px 13px; border: 1px solid #d1d9e0; }
.markdown-body tr { background: #fff; border-top: 1px solid #d1d9e0b3; }
.markdown-body tr:nth-child(2n) { background: #f6f8fa; }
.markdown-body details summary { cursor: pointer; display: list-item; }
.markdown-body details[open] > summary { margin-bottom: 8px; }
.markdown-body blockquote { padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
.markdown-body sub { font-size: 75%; }
.markdown-body hr { height: .25em; margin: 24px 0; background: #d1d9e0; border: 0; }
.markdown-body .mermaid-chart { margin: 0 0 16px; }
.markdown-body pre.mermaid { background: transparent; padding: 0; text-align: center; }
`

/**
 * Runs Mermaid over every chart (errors collected, not thrown, so one bad chart cannot hide the
 * others), then measures the topmost visible text as loaded, and each chart's SVG and plotted lines
 * with every `<details>` opened (then closed again, so the screenshot shows the page as loaded).
 */
const PAGE_SCRIPT = `
window.renderReport = (async () => {
  const mermaidErrors = [];
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' });
  mermaid.parseError = (err) => mermaidErrors.push(String(err && err.message || err).split('\\n')[0]);
  try {
    await mermaid.run({ querySelector: 'pre.mermaid', suppressErrors: true });
  } catch (err) {
    mermaidErrors.push(String(err && err.message || err).split('\\n')[0]);
  }
  await document.fonts.ready;
  const blockOf = (node) => node.parentElement.closest('h1,h2,h3,h4,h5,h6,p,li,td,th,summary,pre,blockquote,div') || node.parentElement;
  let first = null;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim() || node.parentElement.closest('script,style')) continue;
    const style = getComputedStyle(node.parentElement);
    if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width <= 0 || r.height <= 0) continue;
      if (!first || r.top < first.top - 0.5 || (Math.abs(r.top - first.top) <= 0.5 && r.left < first.left)) first = { top: r.top, left: r.left, node };
    }
  }
  const firstVisible = first ? { tag: blockOf(first.node).tagName, text: blockOf(first.node).innerText.replace(/\\s+/g, ' ').trim() } : null;
  // Charts in a collapsed <details> have no layout; measure every chart as a reader sees it after a click.
  const closed = [...document.querySelectorAll('details:not([open])')];
  closed.forEach((d) => { d.open = true; });
  const charts = [...document.querySelectorAll('.mermaid-chart')].map((box) => {
    const svg = box.querySelector('svg');
    const rect = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
    const titleText = svg && svg.querySelector('g.chart-title text');
    const title = titleText ? titleText.textContent : '';
    // xychart draws each series as a <path> inside a "line-plot-N" group; count the ones with a drawn path.
    const plotted = svg ? [...svg.querySelectorAll('[class*="line-plot"] path')].filter((p) => (p.getAttribute('d') || '').length > 2).length : 0;
    const kind = svg ? svg.getAttribute('aria-roledescription') || '' : '';
    return { index: Number(box.dataset.chart), hasSvg: !!svg, kind, width: Math.round(rect.width), height: Math.round(rect.height), plotted, title };
  });
  closed.forEach((d) => { d.open = false; });
  const report = { charts, mermaidErrors: [...new Set(mermaidErrors)], firstVisible, width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight };
  const out = document.createElement('script');
  out.type = 'application/json';
  out.id = 'render-report-result';
  out.textContent = JSON.stringify(report).replace(/</g, '\\\\u003c');
  document.body.appendChild(out);
  return report;
})();
`

/** The whole page. `title` is plain text. */
export function reportPage(markdown: string, title: string, mermaidUrl = mermaidScriptUrl()): string {
  const { html } = markdownToHtml(markdown)
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
<script src="${escapeHtml(mermaidUrl)}"></script>
</head>
<body>
<article class="markdown-body">
${html}
</article>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`
}
