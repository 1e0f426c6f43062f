/**
 * The reports as a person sees them: each page (job summary of a failed, rolled-back verify with
 * analysis charts; a passed one; the sticky PR comment after two runs) is rendered from GFM with its
 * Mermaid charts in Debian's headless Chromium. Asserted on the DOM Chromium leaves: every ```mermaid
 * block became an SVG with its lines drawn, no Mermaid error, and the verdict line is the first text
 * shown. Screenshots are saved and their paths printed.
 *
 * Chromium is required, never skipped: without it these tests fail with the command that installs it
 * (`npm test` installs it when run as root, CI through .ci/run).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { JSDOM } from 'jsdom'
import { findChromium } from '../../scripts/chromium.js'
import type { PageReport } from '../../scripts/report-page.js'
import { renderReport, type RenderedReport } from '../../scripts/render-report.js'
import { REPORT_SCENARIOS } from '../../scripts/report-scenarios.js'
import { VERDICT_ICON } from '../../src/report/format.js'
import { mermaidBlocks } from './mermaid-parser.js'

const outDir = mkdtempSync(join(tmpdir(), 'deploy-guard-rendered-'))
const saved: string[] = []

afterAll(() => {
  // Kept on purpose, for a person to look at.
  if (saved.length)
    console.log(`Rendered reports (HTML and PNG screenshots):\n${saved.map((p) => `  ${p}`).join('\n')}`)
})

it('headless Chromium is installed (CI installs it through .ci/run / scripts/ensure-deps.js)', () => {
  expect(() => findChromium()).not.toThrow()
})

describe.each(Object.entries(REPORT_SCENARIOS))('%s, rendered in Chromium', (name, scenario) => {
  const markdown = scenario.markdown()
  const blocks = mermaidBlocks(markdown)
  let rendered: RenderedReport
  let page: Document

  beforeAll(async () => {
    rendered = await renderReport(markdown, name, outDir)
    page = new JSDOM(rendered.dom).window.document
    saved.push(rendered.html, rendered.png, rendered.expandedPng)
  })

  it('has the charts this test is about', () => {
    // Every scenario shows analysis charts; a Markdown change that drops them must not pass silently.
    expect(blocks.length).toBeGreaterThanOrEqual(2)
    expect(rendered.mermaidBlocks).toBe(blocks.length)
  })

  it('turns every ```mermaid block into an SVG chart with its lines drawn', () => {
    const containers = [...page.querySelectorAll('.mermaid-chart')]
    expect(containers).toHaveLength(blocks.length)
    for (const box of containers) {
      const svg = box.querySelector('svg')
      expect(svg?.getAttribute('aria-roledescription')).toBe('xychart')
      // A value line and at least one threshold line, each a drawn path.
      const lines = [...(svg?.querySelectorAll('[class*="line-plot"] path') ?? [])].filter(
        (p) => (p.getAttribute('d') ?? '').length > 2
      )
      expect(lines.length).toBeGreaterThanOrEqual(2)
      expect(box.querySelector('g.chart-title text')?.textContent).toBeTruthy()
    }
    // Measured in the page with every <details> open: each chart takes real room on screen.
    const charts: PageReport['charts'] = rendered.report.charts
    expect(charts).toHaveLength(blocks.length)
    for (const chart of charts) {
      expect(chart).toMatchObject({ hasSvg: true, kind: 'xychart' })
      expect(chart.plotted).toBeGreaterThanOrEqual(2)
      expect(chart.width).toBeGreaterThan(200)
      expect(chart.height).toBeGreaterThan(100)
    }
  })

  it('shows no Mermaid error and no chart left as source text', () => {
    expect(rendered.report.mermaidErrors).toEqual([])
    const text = page.body.textContent ?? ''
    expect(text).not.toMatch(/Syntax error in text|Parse error|mermaid version/i)
    expect(text).not.toContain('xychart-beta')
    expect(page.querySelectorAll('pre.mermaid:not([data-processed])')).toHaveLength(0)
  })

  it('opens with the verdict line, the first text on the page', () => {
    const { verdict, command } = scenario.leading
    const first = rendered.report.firstVisible
    expect(first?.tag).toMatch(/^H[23]$/)
    expect(first?.text.startsWith(`${VERDICT_ICON[verdict]} deploy-guard ${command}`)).toBe(true)
    expect(first?.text.endsWith(`: ${verdict}`)).toBe(true)
    // …and nothing comes before it in the document either (the sticky marker is an HTML comment).
    const article = page.querySelector('article.markdown-body')
    expect(article?.firstElementChild?.tagName).toBe(first?.tag)
    expect(article?.firstElementChild?.textContent?.replace(/\s+/g, ' ').trim()).toBe(first?.text)
  })

  it('saves the page and full-page screenshots', () => {
    for (const file of [rendered.html, rendered.png, rendered.expandedPng]) {
      expect(existsSync(file)).toBe(true)
      expect(statSync(file).size).toBeGreaterThan(1000)
    }
    expect(rendered.report.height).toBeGreaterThan(300)
  })
})
