/**
 * The I/O loop of one smoke check: request, judge (evaluate.ts), retry with a delay, build the row.
 */
import { sleep as defaultSleep } from '../util/sleep.js'
import axios from 'axios'
import type { SmokeCheckConfig } from '../config/types.js'
import type { CheckDetail, CheckResult } from '../model/result.js'
import {
  describeAttempts,
  describeSmokeExpectation,
  displayUrl,
  evaluateSmokeError,
  evaluateSmokeResponse,
  transportHint,
  type SmokeEvaluation
} from './evaluate.js'

export interface SmokeRunOptions {
  /** Waits between attempts; injectable so tests can observe or shorten the delay. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /** The run's cancel signal: ends a request in flight and the wait between attempts at once. */
  signal?: AbortSignal
  /** Progress lines (one per attempt). Never receives header values. */
  log?: (line: string) => void
}

/** Health bodies are small; a cap keeps a misrouted download from filling memory. */
const MAX_BODY_BYTES = 5 * 1024 * 1024
/** Attempts listed in the row's details; enough to show a pattern without flooding the summary. */
const MAX_LISTED_ATTEMPTS = 10

async function attemptOnce(check: SmokeCheckConfig, signal: AbortSignal | undefined): Promise<SmokeEvaluation> {
  try {
    const response = await axios.request<string>({
      url: check.url,
      signal,
      method: check.method,
      headers: { 'User-Agent': 'deploy-guard', ...check.headers },
      timeout: check.timeout,
      // Judge every status ourselves; a 503 is an answer, not an exception.
      validateStatus: () => true,
      responseType: 'text',
      transformResponse: (data: unknown) => data,
      maxContentLength: MAX_BODY_BYTES,
      // Report a timeout as ETIMEDOUT instead of the ambiguous ECONNABORTED.
      transitional: { clarifyTimeoutError: true },
      beforeRedirect: (options) => stripHeadersOffOrigin(options, check)
    })
    const body = typeof response.data === 'string' ? response.data : ''
    return evaluateSmokeResponse(check, { status: response.status, body })
  } catch (error) {
    return evaluateSmokeError(transportErrorOf(error))
  }
}

/**
 * A redirect to another origin (host, port or scheme) gets none of the configured headers: they may
 * carry credentials (an API key, a tenant id) meant for the checked service only. follow-redirects
 * drops Authorization and Cookie itself, but not custom headers.
 */
export function stripHeadersOffOrigin(
  options: Record<string, unknown>,
  check: Pick<SmokeCheckConfig, 'url' | 'headers'>
): void {
  const protocol = String(options.protocol ?? '')
  const host = String(options.hostname ?? options.host ?? '')
  const port = options.port ? `:${String(options.port)}` : ''
  let origin: string
  try {
    origin = new URL(`${protocol}//${host}${port}`).origin
  } catch {
    origin = ''
  }
  if (origin === new URL(check.url).origin) return
  const configured = new Set(Object.keys(check.headers).map((name) => name.toLowerCase()))
  const headers = (options.headers ?? {}) as Record<string, unknown>
  for (const name of Object.keys(headers)) if (configured.has(name.toLowerCase())) delete headers[name]
}

function transportErrorOf(error: unknown): { code: string; message: string } {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: unknown } }).cause
    const code = (error as Error & { code?: unknown }).code ?? cause?.code
    return { code: typeof code === 'string' && code ? code : 'ERROR', message: error.message }
  }
  return { code: 'ERROR', message: String(error) }
}

function failureReason(check: SmokeCheckConfig, last: SmokeEvaluation, attempts: number): string {
  const request = `${check.method} ${displayUrl(check.url)}`
  const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`
  if (last.transport) {
    const hint = transportHint(last.outcome)
    return `${request} got no response in ${tries} (${last.outcome})${hint ? `: ${hint}` : ''}.`
  }
  return `${request} did not meet the expectation in ${tries}; last response: ${last.outcome}.`
}

/** Runs one smoke check with `retries` extra attempts `delay` ms apart; one row, passed or failed. */
export async function runSmokeCheck(check: SmokeCheckConfig, options: SmokeRunOptions = {}): Promise<CheckResult> {
  const sleep = options.sleep ?? defaultSleep
  const log = options.log ?? (() => undefined)
  const total = Math.max(1, check.retries + 1)
  const history: Array<{ label: string; value: string }> = []
  const { signal } = options

  for (let attempt = 1; ; attempt++) {
    const result = await attemptOnce(check, signal)
    if (signal?.aborted) return cancelledRow(check, attempt)
    history.push({ label: `#${attempt}`, value: result.outcome })
    log(`smoke ${check.name}: attempt ${attempt}/${total}: ${result.outcome}`)

    const row: CheckResult = {
      id: `smoke:${check.name}`,
      title: `Smoke: ${check.name}`,
      expected: describeSmokeExpectation(check),
      actual: describeAttempts(result, attempt),
      status: result.ok ? 'passed' : 'failed'
    }
    if (result.ok) return row
    if (attempt >= total) {
      const details: CheckDetail[] = [{ title: 'Attempts', facts: history.slice(-MAX_LISTED_ATTEMPTS) }]
      return { ...row, reason: failureReason(check, result, attempt), details }
    }
    await sleep(check.delay, signal)
    if (signal?.aborted) return cancelledRow(check, attempt)
  }
}

/** The run was cancelled before the check could be judged: unknown, never passed or failed. */
function cancelledRow(check: SmokeCheckConfig, attempts: number): CheckResult {
  return {
    id: `smoke:${check.name}`,
    title: `Smoke: ${check.name}`,
    expected: describeSmokeExpectation(check),
    actual: 'not judged',
    status: 'inconclusive',
    reason: `${check.method} ${displayUrl(check.url)}: the run was cancelled during attempt ${attempts}.`
  }
}
