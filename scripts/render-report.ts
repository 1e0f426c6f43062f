/**
 * `npm run render -- <markdown file | scenario name> [--out DIR]`: renders a job summary or PR comment
 * as a person sees it — GitHub-flavoured Markdown with Mermaid charts, in headless Chromium — and
 * saves the page (`NAME.html`), a full-page screenshot (`NAME.png`) and one with every `<details>`
 * opened (`NAME-expanded.png`). Prints the paths and what the page measured (charts, first line).
 * Scenario names: see scripts/report-scenarios.ts (`npm run render -- --list`).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { renderInChromium } from './chromium.js'
import { markdownToHtml, reportPage, type PageReport } from './report-page.js'
import { REPORT_SCENARIOS } from './report-scenarios.js'

export interface RenderedReport {
  html: string
  png: string
  expandedPng: string
  /** The page as Chromium left it, after Mermaid ran. */
  dom: string
  report: PageReport
  /** ```mermaid blocks in the Markdown. */
  mermaidBlocks: number
}

/** Renders `markdown` into `outDir/NAME.{html,png}` and `NAME-expanded.png` with one Chromium launch. */
export async function renderReport(markdown: string, name: string, outDir: string): Promise<RenderedReport> {
  mkdirSync(outDir, { recursive: true })
  const html = join(outDir, `${name}.html`)
  const png = join(outDir, `${name}.png`)
  const expandedPng = join(outDir, `${name}-expanded.png`)
  writeFileSync(html, reportPage(markdown, name))
  const { ready, dom } = await renderInChromium<PageReport>(html, {
    readyExpression: 'window.renderReport',
    screenshot: png,
    expandedScreenshot: expandedPng
  })
  return { html, png, expandedPng, dom, report: ready, mermaidBlocks: markdownToHtml(markdown).mermaidBlocks }
}

function usage(): string {
  return `usage: npm run render -- <markdown file | scenario> [--out DIR]\nscenarios: ${Object.keys(REPORT_SCENARIOS).join(', ')}`
}

async function main(argv: string[]): Promise<void> {
  const outAt = argv.indexOf('--out')
  const out = outAt >= 0 ? argv[outAt + 1] : undefined
  if (outAt >= 0 && !out) throw new Error(`--out needs a directory\n${usage()}`)
  const rest = outAt >= 0 ? argv.filter((_a, i) => i !== outAt && i !== outAt + 1) : argv
  if (rest.includes('--list')) {
    for (const [name, s] of Object.entries(REPORT_SCENARIOS)) console.log(`${name}\t${s.description}`)
    return
  }
  const source = rest[0]
  if (!source || rest.length > 1) throw new Error(usage())
  const scenario = REPORT_SCENARIOS[source]
  const markdown = scenario ? scenario.markdown() : readMarkdown(source)
  const name = scenario ? source : basename(source).replace(/\.(md|markdown)$/i, '')
  const dir = resolve(out ?? mkdtempSync(join(tmpdir(), 'deploy-guard-render-')))
  const rendered = await renderReport(markdown, name, dir)
  const { report } = rendered
  const drawn = report.charts.filter((c) => c.hasSvg && c.kind !== 'error').length
  console.log(`page:       ${rendered.html}`)
  console.log(`screenshot: ${rendered.png} (${report.width}×${report.height} px)`)
  console.log(`expanded:   ${rendered.expandedPng}`)
  console.log(`charts:     ${drawn} of ${rendered.mermaidBlocks} rendered to SVG`)
  for (const error of report.mermaidErrors) console.log(`  mermaid error: ${error}`)
  console.log(
    `first line: ${report.firstVisible ? `<${report.firstVisible.tag}> ${report.firstVisible.text}` : '(nothing visible)'}`
  )
  if (drawn !== rendered.mermaidBlocks || report.mermaidErrors.length) process.exitCode = 1
}

function readMarkdown(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    throw new Error(`${path} is neither a readable Markdown file nor a scenario name\n${usage()}`)
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error))
    process.exitCode = 1
  })
}
