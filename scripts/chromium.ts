/**
 * Headless Chromium (Debian's `chromium`) driven over the DevTools protocol on a pipe
 * (`--remote-debugging-pipe`: fd 3 in, fd 4 out, messages ended by NUL). No library and no port.
 *
 * Why the protocol rather than `--dump-dom` / `--screenshot`: one launch gives both the DOM and the
 * PNG, the wait is on the page's own "diagrams rendered" promise rather than a virtual-time budget,
 * and the screenshot covers the whole page, however tall, instead of a fixed window.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable, Writable } from 'node:stream'
import { pathToFileURL } from 'node:url'

export const INSTALL_CHROMIUM =
  "Headless Chromium is needed to render the report: install Debian's chromium and the emoji font with `apt-get install -y chromium fonts-noto-color-emoji` (`npm test` does this when run as root; CI runs .ci/run)."

/** The Chromium binary: $CHROMIUM_PATH, else `chromium` on PATH; throws a one-line "install it" error. */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, 'chromium', 'chromium-browser'].filter(Boolean) as string[]
  for (const candidate of candidates) {
    const found = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', candidate], { encoding: 'utf8' })
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim()
  }
  throw new Error(INSTALL_CHROMIUM)
}

/** Flags for a headless run that never reaches for the network, with its own throw-away profile. */
function chromiumArgs(profileDir: string, width: number): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--disable-default-apps',
    '--no-first-run',
    '--no-default-browser-check',
    '--hide-scrollbars',
    '--mute-audio',
    // The page loads mermaid.min.js from node_modules by a file:// URL.
    '--allow-file-access-from-files',
    `--user-data-dir=${profileDir}`,
    `--window-size=${width},1000`,
    '--remote-debugging-pipe',
    'about:blank'
  ]
}

interface CdpMessage {
  id?: number
  method?: string
  params?: Record<string, unknown>
  result?: Record<string, unknown>
  error?: { message: string }
  sessionId?: string
}

/** A minimal DevTools protocol client over the pipe: send a command, await its result or an event. */
class Cdp {
  private nextId = 1
  private buffer = ''
  private readonly pending = new Map<
    number,
    { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void }
  >()
  private readonly waiters: Array<{ method: string; resolve: (p: Record<string, unknown>) => void }> = []
  private closedError: Error | undefined

  constructor(
    private readonly input: Writable,
    output: Readable
  ) {
    output.setEncoding('utf8')
    output.on('data', (chunk: string) => this.receive(chunk))
    output.on('error', (error: Error) => this.fail(error))
  }

  fail(error: Error): void {
    this.closedError ??= error
    for (const p of this.pending.values()) p.reject(this.closedError)
    this.pending.clear()
  }

  private receive(chunk: string): void {
    this.buffer += chunk
    for (let end = this.buffer.indexOf('\0'); end >= 0; end = this.buffer.indexOf('\0')) {
      const message = JSON.parse(this.buffer.slice(0, end)) as CdpMessage
      this.buffer = this.buffer.slice(end + 1)
      if (message.id !== undefined) {
        const waiting = this.pending.get(message.id)
        this.pending.delete(message.id)
        if (message.error) waiting?.reject(new Error(`Chromium: ${message.error.message}`))
        else waiting?.resolve(message.result ?? {})
      } else if (message.method) {
        const i = this.waiters.findIndex((w) => w.method === message.method)
        if (i >= 0) this.waiters.splice(i, 1)[0]?.resolve(message.params ?? {})
      }
    }
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    if (this.closedError) return Promise.reject(this.closedError)
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`)
    })
  }

  /** Resolves on the next event named `method`; register before the command that causes it. */
  once(method: string): Promise<Record<string, unknown>> {
    return new Promise((resolve) => this.waiters.push({ method, resolve }))
  }
}

export interface RenderedPage<T> {
  /** What `readyExpression` resolved to (returned by value). */
  ready: T
  /** document.documentElement.outerHTML after the page was ready. */
  dom: string
}

export interface RenderOptions {
  /** Viewport width in CSS pixels (GitHub's page is about this wide). */
  width?: number
  /** A JS expression the page resolves when it is ready to be looked at. */
  readyExpression: string
  /** Full-page PNG of the page as loaded. */
  screenshot?: string
  /** A second full-page PNG after opening every `<details>` (what a reader sees after clicking). */
  expandedScreenshot?: string
  /** Gives up after this long (a broken page must not hang a test). */
  timeoutMs?: number
}

async function fullPagePng(cdp: Cdp, session: string, file: string, width: number): Promise<void> {
  const metrics = await cdp.send('Page.getLayoutMetrics', {}, session)
  const size = metrics.cssContentSize as { width: number; height: number }
  const shot = await cdp.send(
    'Page.captureScreenshot',
    {
      format: 'png',
      captureBeyondViewport: true,
      clip: { x: 0, y: 0, width: Math.max(width, Math.ceil(size.width)), height: Math.ceil(size.height), scale: 1 }
    },
    session
  )
  writeFileSync(file, Buffer.from(shot.data as string, 'base64'))
}

async function drive<T>(cdp: Cdp, htmlFile: string, options: RenderOptions, width: number): Promise<RenderedPage<T>> {
  const { targetId } = (await cdp.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string }
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string }
  await cdp.send('Page.enable', {}, sessionId)
  const loaded = cdp.once('Page.loadEventFired')
  const nav = await cdp.send('Page.navigate', { url: pathToFileURL(htmlFile).href }, sessionId)
  if (nav.errorText) throw new Error(`Chromium could not open ${htmlFile}: ${String(nav.errorText)}`)
  await loaded
  const evaluate = async (expression: string): Promise<unknown> => {
    const out = await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId)
    const thrown = out.exceptionDetails as { exception?: { description?: string }; text?: string } | undefined
    if (thrown)
      throw new Error(`page script failed: ${thrown.exception?.description ?? thrown.text ?? 'unknown error'}`)
    return (out.result as { value?: unknown }).value
  }
  const ready = (await evaluate(options.readyExpression)) as T
  const dom = (await evaluate('document.documentElement.outerHTML')) as string
  if (options.screenshot) await fullPagePng(cdp, sessionId, options.screenshot, width)
  if (options.expandedScreenshot) {
    await evaluate(
      'document.querySelectorAll("details").forEach((d) => { d.open = true }); document.fonts.ready.then(() => true)'
    )
    await fullPagePng(cdp, sessionId, options.expandedScreenshot, width)
  }
  return { ready, dom }
}

/** Opens one local HTML file in a fresh headless Chromium, waits for it, returns its DOM, saves PNGs. */
export async function renderInChromium<T>(htmlFile: string, options: RenderOptions): Promise<RenderedPage<T>> {
  const binary = findChromium()
  const width = options.width ?? 1200
  const profile = mkdtempSync(join(tmpdir(), 'deploy-guard-chromium-'))
  const child: ChildProcess = spawn(binary, chromiumArgs(profile, width), {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe']
  })
  let stderr = ''
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr = (stderr + d).slice(-4000)
  })
  const cdp = new Cdp(child.stdio[3] as Writable, child.stdio[4] as Readable)
  const exited = new Promise<never>((_, reject) => {
    child.once('error', (e) => reject(new Error(`could not start ${binary}: ${e.message}. ${INSTALL_CHROMIUM}`)))
    child.once('exit', (code, signal) =>
      reject(
        new Error(
          `Chromium exited early (${signal ?? `code ${code}`}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`
        )
      )
    )
  })
  exited.catch((error: Error) => cdp.fail(error))
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Chromium did not finish rendering ${htmlFile} within ${options.timeoutMs ?? 30_000} ms`)),
      options.timeoutMs ?? 30_000
    )
  })
  try {
    return await Promise.race([drive<T>(cdp, htmlFile, options, width), exited, timeout])
  } finally {
    clearTimeout(timer)
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((resolve) => child.once('exit', resolve))
      await cdp.send('Browser.close').catch(() => undefined)
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000)
      await gone
      clearTimeout(kill)
    }
    rmSync(profile, { recursive: true, force: true })
  }
}
