/**
 * Delivers a JSON payload to the notification webhook. Never throws: the outcome says whether it was
 * delivered and, if not, why in one sentence (the caller turns that into a warning; a notification
 * that cannot be sent never changes a deploy's verdict).
 *
 * - The URL is a secret (a Slack webhook URL *is* the credential): messages name only its origin.
 * - Retried on a network error, a timeout, 5xx and 429 with exponential backoff, honouring
 *   `Retry-After`, all within one wall-time budget (30 s by default) and stopped by the run's signal.
 *   Other 4xx answers (Slack's `invalid_payload`, `no_service`) are final: retrying cannot help.
 * - Redirects are followed only to the same origin, and only 307/308 (which keep the POST and body):
 *   a payload must never be handed to a host the webhook did not name.
 */
import { parseRetryAfter } from '../util/retry-after.js'
import { stripControl } from '../report/escape.js'
import { formatDuration } from '../util/duration-text.js'
import { sleep as defaultSleep, type Sleep } from '../util/sleep.js'

export interface DeliveryOptions {
  /** Aborts waiting and any request in flight (the job was cancelled). */
  signal?: AbortSignal
  /** Wall-time budget for every attempt and wait together. */
  budgetMs?: number
  /** One request's limit (a hanging server costs this much per attempt). */
  attemptTimeoutMs?: number
  maxAttempts?: number
  /** First backoff; doubled for each retry. */
  baseDelayMs?: number
  sleep?: Sleep
  now?: () => number
}

export type DeliveryOutcome =
  { delivered: true; attempts: number; status: number } | { delivered: false; attempts: number; problem: string }

const DEFAULTS = { budgetMs: 30_000, attemptTimeoutMs: 10_000, maxAttempts: 5, baseDelayMs: 1_000 }
const MAX_REDIRECTS = 3
const MAX_BODY_CHARS = 200

/** `https://hooks.slack.com/…`: the webhook as messages may name it (its path and query are the secret). */
export function describeWebhook(url: string): string {
  try {
    return `${new URL(url).origin}/…`
  } catch {
    return 'the webhook'
  }
}

/** Removes every form of the URL (and its path) from text a server or a library returned. */
function scrub(text: string, url: string): string {
  let out = stripControl(text).replace(/\s+/g, ' ').trim()
  let path = ''
  try {
    const parsed = new URL(url)
    path = parsed.pathname + parsed.search
  } catch {
    // Not a URL: only the raw text is scrubbed.
  }
  for (const form of [url, encodeURIComponent(url), path, encodeURIComponent(path)]) {
    if (form.length > 1) out = out.split(form).join('***')
  }
  return out.length > MAX_BODY_CHARS ? `${out.slice(0, MAX_BODY_CHARS)}…` : out
}

type Attempt =
  | { kind: 'delivered'; status: number }
  | { kind: 'retry'; problem: string; retryAfterMs?: number }
  | { kind: 'final'; problem: string }

/** The innermost cause's code and message (duck-typed: errors from fetch may come from another realm). */
function networkProblem(error: unknown, url: string, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `no answer within ${formatDuration(timeoutMs)}`
  const outer = error as { cause?: unknown; message?: unknown } | undefined
  const cause = (outer?.cause && typeof outer.cause === 'object' ? outer.cause : outer) as
    { code?: unknown; message?: unknown } | undefined
  const code = typeof cause?.code === 'string' ? cause.code : ''
  const message = typeof cause?.message === 'string' ? cause.message : String(error)
  return scrub(code && !message.includes(code) ? `${code}: ${message}` : message, url)
}

async function bodySnippet(response: Response, url: string): Promise<string> {
  const text = await response.text().catch(() => '')
  const snippet = scrub(text, url)
  return snippet ? `: ${snippet}` : ''
}

/** One POST, following same-origin 307/308 redirects; classified for the retry loop. */
async function attemptOnce(url: string, body: string, signal: AbortSignal, timeoutMs: number): Promise<Attempt> {
  let target = url
  for (let hop = 0; ; hop++) {
    let response: Response
    try {
      response = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body,
        redirect: 'manual',
        signal
      })
    } catch (error) {
      return { kind: 'retry', problem: networkProblem(error, url, signal.aborted, timeoutMs) }
    }
    const status = response.status
    if (status >= 200 && status < 300) {
      await response.body?.cancel().catch(() => undefined)
      return { kind: 'delivered', status }
    }
    if (status >= 300 && status < 400) {
      await response.body?.cancel().catch(() => undefined)
      const location = response.headers.get('location')
      let next: URL | undefined
      try {
        next = location ? new URL(location, target) : undefined
      } catch {
        next = undefined
      }
      if (!next) return { kind: 'final', problem: `HTTP ${status} without a usable Location` }
      if (next.origin !== new URL(url).origin) {
        return {
          kind: 'final',
          problem: `HTTP ${status} redirect to another origin (${next.origin}); not followed, so the payload was not sent there`
        }
      }
      if ((status !== 307 && status !== 308) || hop >= MAX_REDIRECTS) {
        return {
          kind: 'final',
          problem: `HTTP ${status} redirect not followed (only same-origin 307/308, at most ${MAX_REDIRECTS})`
        }
      }
      target = next.href
      continue
    }
    const problem = `HTTP ${status}${await bodySnippet(response, url)}`
    if (status === 429 || status >= 500) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after') ?? undefined)
      return { kind: 'retry', problem, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) }
    }
    return { kind: 'final', problem }
  }
}

/** Posts `payload` as JSON to `url`, retrying within the budget; see the header for the rules. */
export async function postWebhook(
  url: string,
  payload: unknown,
  options: DeliveryOptions = {}
): Promise<DeliveryOutcome> {
  const budgetMs = options.budgetMs ?? DEFAULTS.budgetMs
  const attemptTimeoutMs = options.attemptTimeoutMs ?? DEFAULTS.attemptTimeoutMs
  const maxAttempts = options.maxAttempts ?? DEFAULTS.maxAttempts
  const baseDelayMs = options.baseDelayMs ?? DEFAULTS.baseDelayMs
  const sleep = options.sleep ?? defaultSleep
  const now = options.now ?? Date.now
  const deadline = now() + budgetMs
  const body = JSON.stringify(payload)
  let last = ''
  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted)
      return {
        delivered: false,
        attempts: attempt - 1,
        problem: `the run was cancelled${last ? ` (last: ${last})` : ''}`
      }
    const timeoutMs = Math.max(1, Math.min(attemptTimeoutMs, deadline - now()))
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
    const result = await attemptOnce(url, body, signal, timeoutMs)
    if (result.kind === 'delivered') return { delivered: true, attempts: attempt, status: result.status }
    last = result.problem
    const tries = `${attempt} attempt${attempt > 1 ? 's' : ''}`
    if (result.kind === 'final') return { delivered: false, attempts: attempt, problem: `${last} (${tries})` }
    if (options.signal?.aborted)
      return { delivered: false, attempts: attempt, problem: `the run was cancelled (last: ${last})` }
    if (attempt >= maxAttempts)
      return { delivered: false, attempts: attempt, problem: `${last} (gave up after ${tries})` }
    const delay = result.retryAfterMs ?? baseDelayMs * 2 ** (attempt - 1)
    const left = deadline - now()
    if (delay >= left) {
      const why =
        result.retryAfterMs !== undefined
          ? `the server asked to retry after ${Math.ceil(delay / 1000)} s`
          : 'no time left'
      return {
        delivered: false,
        attempts: attempt,
        problem: `${last} (gave up after ${tries}: ${why}, beyond the ${Math.round(budgetMs / 1000)} s budget)`
      }
    }
    await sleep(delay, options.signal)
  }
}
