/**
 * Fault injection for the sandbox API server: tests add rules that make matching requests slow,
 * fail with a chosen status, lose their connection, hang, or have their watch cut after a while.
 * Rules are checked in the order added; the first one that matches and has uses left applies.
 *
 * Rules come from code (`sandbox.faults.add`), from a scenario file (a `faults:` document) or from the
 * control endpoint (`POST /_sandbox/faults`); the last two arrive as JSON/YAML, which
 * `parseFaultRules` validates (a path written `/.../flags` is a regular expression).
 */

/** Statuses a rule may force; each is answered with a Status of the matching reason. */
export const faultStatuses = [400, 401, 403, 404, 409, 410, 422, 429, 500, 502, 503, 504] as const
export type FaultStatus = (typeof faultStatuses)[number]

export interface FaultRule {
  /** HTTP method to match (any when omitted); case-insensitive. */
  method?: string
  /** Exact request path (without query) or a pattern tested against it (any when omitted). */
  path?: string | RegExp
  /** Answer with this status and a matching Status body instead of handling the request. */
  status?: FaultStatus
  /** Message of the injected Status body (e.g. a realistic RBAC denial for 403, or a token echoed back). */
  message?: string
  /** Raw response body sent instead of a Status (with `status`, default 500), e.g. a proxy's HTML page. */
  body?: string
  /** Adds a `Retry-After` header (and details.retryAfterSeconds) to a forced status. */
  retryAfterSeconds?: number
  /** Delay before the request is handled (or failed). */
  latencyMs?: number
  /** Destroy the socket without any response. */
  drop?: boolean
  /** Never answer; the request stays open until the client (or the server's stop) closes it. */
  hang?: boolean
  /** Let the request start normally, then destroy its socket after this long (for watches). */
  dropWatchAfterMs?: number
  /** How many requests the rule applies to; unlimited when omitted. */
  times?: number
}

/** What the server should do for one request, resolved from the first matching rule. */
export interface FaultAction {
  latencyMs?: number
  status?: FaultStatus
  message?: string
  body?: string
  retryAfterSeconds?: number
  drop?: boolean
  hang?: boolean
  dropWatchAfterMs?: number
}

interface ActiveRule {
  rule: FaultRule
  remaining: number
}

export class FaultInjector {
  private rules: ActiveRule[] = []

  add(rule: FaultRule): void {
    this.rules.push({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY })
  }

  clear(): void {
    this.rules = []
  }

  /** Number of rules that can still apply (handy for tests waiting for a fault to be used up). */
  get pending(): number {
    return this.rules.filter((r) => r.remaining > 0).length
  }

  /** Finds the rule for a request and uses up one of its applications. */
  match(method: string, path: string): FaultAction | undefined {
    for (const active of this.rules) {
      if (active.remaining <= 0) continue
      const { rule } = active
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue
      if (rule.path !== undefined) {
        if (typeof rule.path === 'string' ? rule.path !== path : !matchesPattern(rule.path, path)) continue
      }
      active.remaining -= 1
      return {
        latencyMs: rule.latencyMs,
        status: rule.status,
        message: rule.message,
        body: rule.body,
        retryAfterSeconds: rule.retryAfterSeconds,
        drop: rule.drop,
        hang: rule.hang,
        dropWatchAfterMs: rule.dropWatchAfterMs
      }
    }
    return undefined
  }
}

function matchesPattern(pattern: RegExp, path: string): boolean {
  // a global/sticky RegExp keeps lastIndex between calls; reset so every request is tested alike
  pattern.lastIndex = 0
  return pattern.test(path)
}

const ruleKeys = new Set([
  'method',
  'path',
  'status',
  'message',
  'body',
  'retryAfterSeconds',
  'latencyMs',
  'drop',
  'hang',
  'dropWatchAfterMs',
  'times'
])

/**
 * Turns rules written as data (scenario YAML, control-endpoint JSON) into FaultRules, or throws one
 * message naming the rule and field. A path written between slashes (`"/\\/pods$/"`) is a RegExp;
 * any other string matches the path exactly.
 */
export function parseFaultRules(value: unknown, where = 'faults'): FaultRule[] {
  const list = Array.isArray(value) ? value : [value]
  return list.map((item, i) => parseFaultRule(item, Array.isArray(value) ? `${where}[${i}]` : where))
}

function parseFaultRule(item: unknown, where: string): FaultRule {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new Error(`${where}: expected a mapping`)
  const raw = item as Record<string, unknown>
  for (const key of Object.keys(raw))
    if (!ruleKeys.has(key)) throw new Error(`${where}.${key}: unknown key (known: ${[...ruleKeys].join(', ')})`)
  const rule: FaultRule = {}
  const text = (key: string): string | undefined => {
    const v = raw[key]
    if (v === undefined) return undefined
    if (typeof v !== 'string') throw new Error(`${where}.${key}: expected a string`)
    return v
  }
  const count = (key: string): number | undefined => {
    const v = raw[key]
    if (v === undefined) return undefined
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new Error(`${where}.${key}: expected a number ≥ 0`)
    return v
  }
  const flag = (key: string): boolean | undefined => {
    const v = raw[key]
    if (v === undefined) return undefined
    if (typeof v !== 'boolean') throw new Error(`${where}.${key}: expected true or false`)
    return v
  }
  rule.method = text('method')
  const path = text('path')
  if (path !== undefined) rule.path = pathPattern(path, `${where}.path`)
  if (raw.status !== undefined) {
    if (!faultStatuses.includes(raw.status as FaultStatus))
      throw new Error(`${where}.status: expected one of ${faultStatuses.join(', ')}`)
    rule.status = raw.status as FaultStatus
  }
  rule.message = text('message')
  rule.body = text('body')
  rule.retryAfterSeconds = count('retryAfterSeconds')
  rule.latencyMs = count('latencyMs')
  rule.drop = flag('drop')
  rule.hang = flag('hang')
  rule.dropWatchAfterMs = count('dropWatchAfterMs')
  rule.times = count('times')
  for (const key of Object.keys(rule) as Array<keyof FaultRule>) if (rule[key] === undefined) delete rule[key]
  return rule
}

// Kubernetes API paths never end with a slash, so `/.../` cannot be mistaken for an exact path.
function pathPattern(path: string, where: string): string | RegExp {
  if (path.length < 3 || !path.startsWith('/') || !path.endsWith('/')) return path
  try {
    return new RegExp(path.slice(1, -1))
  } catch (error) {
    throw new Error(`${where}: invalid regular expression: ${(error as Error).message}`)
  }
}
