/**
 * Pure judgement of one smoke-check response and the wording of its row. No I/O: run.ts feeds it.
 */
import type { SmokeCheckConfig } from '../config/types.js'
import { formatJsonValue, jsonValueEquals, lookupJsonPath } from './json-path.js'

/** What one HTTP attempt returned, reduced to what the assertions need. */
export interface SmokeResponse {
  status: number
  body: string
}

export interface SmokeEvaluation {
  ok: boolean
  /** Full one-line description of this response, e.g. `503: Service Unavailable` or `200`. */
  actual: string
  /** The part before the excerpt, e.g. `503` or `200, status == "DOWN"`. */
  outcome: string
  /** Short body excerpt, only when it helps explain a failure. */
  excerpt?: string
  /** Set when no HTTP response came back (refused, DNS, TLS, timeout); `outcome` is then the error code. */
  transport?: true
}

export const MAX_EXCERPT = 200

/** Collapses whitespace and control characters and cuts to `max` characters, so rows stay one line. */
export function bodyExcerpt(body: string, max = MAX_EXCERPT): string {
  // eslint-disable-next-line no-control-regex
  const flat = body.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/** Drops `user:password@` from a URL before it is shown anywhere. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.username || parsed.password) {
      parsed.username = ''
      parsed.password = ''
    }
    return parsed.toString()
  } catch {
    return url
  }
}

/** `GET https://api/health → 200, body contains "ok", status == "UP"` */
export function describeSmokeExpectation(check: SmokeCheckConfig): string {
  const parts = [`${check.method} ${displayUrl(check.url)} → ${check.expectStatus.join('/')}`]
  if (check.bodyContains !== undefined) parts.push(`body contains ${JSON.stringify(check.bodyContains)}`)
  if (check.json) parts.push(`${check.json.path} == ${formatJsonValue(check.json.equals)}`)
  return parts.join(', ')
}

function evaluation(ok: boolean, outcome: string, excerpt?: string): SmokeEvaluation {
  const actual = excerpt ? `${outcome}: ${excerpt}` : outcome
  return excerpt ? { ok, actual, outcome, excerpt } : { ok, actual, outcome }
}

/** Passes when the status is accepted AND the body contains the substring AND the JSON field equals. */
export function evaluateSmokeResponse(check: SmokeCheckConfig, response: SmokeResponse): SmokeEvaluation {
  const status = String(response.status)
  const excerpt = bodyExcerpt(response.body) || undefined
  if (!check.expectStatus.includes(response.status)) return evaluation(false, status, excerpt)

  if (check.bodyContains !== undefined && !response.body.includes(check.bodyContains)) {
    return evaluation(false, `${status}, body lacks ${JSON.stringify(check.bodyContains)}`, excerpt)
  }

  if (check.json) {
    let parsed: unknown
    try {
      parsed = JSON.parse(response.body)
    } catch {
      return evaluation(false, `${status}, body is not JSON`, excerpt)
    }
    const found = lookupJsonPath(parsed, check.json.path)
    if (!found.found) return evaluation(false, `${status}, ${found.missingAt} missing`, excerpt)
    if (!jsonValueEquals(found.value, check.json.equals)) {
      return evaluation(false, `${status}, ${check.json.path} == ${formatJsonValue(found.value)}`)
    }
  }
  return evaluation(true, status)
}

/** Row text for the last evaluation: `200 on attempt 3`, `503 after 4 attempts: <excerpt>`. */
export function describeAttempts(last: SmokeEvaluation, attempt: number): string {
  if (last.ok) return attempt === 1 ? last.outcome : `${last.outcome} on attempt ${attempt}`
  const head = `${last.outcome} after ${attempt} attempt${attempt === 1 ? '' : 's'}`
  return last.excerpt ? `${head}: ${last.excerpt}` : head
}

/** A request that produced no HTTP response (refused, DNS, TLS, timeout). */
export interface SmokeTransportError {
  /** Node/axios error code, e.g. `ECONNREFUSED`, `ENOTFOUND`, `ETIMEDOUT`, `CERT_HAS_EXPIRED`. */
  code: string
  message: string
}

/** A transport error is a failed attempt: the service being unreachable is exactly what we check. */
export function evaluateSmokeError(error: SmokeTransportError): SmokeEvaluation {
  return { ...evaluation(false, error.code, bodyExcerpt(error.message) || undefined), transport: true }
}

const TLS_CODE = /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/i

/** What to look at next, by error code; undefined when the code says nothing more than itself. */
export function transportHint(code: string): string | undefined {
  if (code === 'ECONNREFUSED') return 'nothing accepted the connection: is the service up and the port right?'
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name did not resolve from the runner'
  if (code === 'ETIMEDOUT' || code === 'ECONNABORTED') return 'no answer within the timeout'
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'the connection was closed before a response'
  if (TLS_CODE.test(code)) return 'TLS verification failed (certificate or host name)'
  return undefined
}
