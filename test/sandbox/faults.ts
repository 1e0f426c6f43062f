/**
 * Fault injection for the sandbox API server: tests add rules that make matching requests slow,
 * fail with a chosen status, lose their connection, or have their watch cut after a while.
 * Rules are checked in the order added; the first one that matches and has uses left applies.
 */
export interface FaultRule {
  /** HTTP method to match (any when omitted); case-insensitive. */
  method?: string
  /** Exact request path (without query) or a pattern tested against it (any when omitted). */
  path?: string | RegExp
  /** Answer with this status and a matching Status body instead of handling the request. */
  status?: 500 | 503 | 429 | 409 | 403
  /** Message of the injected Status body (e.g. a realistic RBAC denial for 403). */
  message?: string
  /** Adds a `Retry-After` header (and details.retryAfterSeconds) to a forced status. */
  retryAfterSeconds?: number
  /** Delay before the request is handled (or failed). */
  latencyMs?: number
  /** Destroy the socket without any response. */
  drop?: boolean
  /** Let the request start normally, then destroy its socket after this long (for watches). */
  dropWatchAfterMs?: number
  /** How many requests the rule applies to; unlimited when omitted. */
  times?: number
}

/** What the server should do for one request, resolved from the first matching rule. */
export interface FaultAction {
  latencyMs?: number
  status?: 500 | 503 | 429 | 409 | 403
  message?: string
  retryAfterSeconds?: number
  drop?: boolean
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
        retryAfterSeconds: rule.retryAfterSeconds,
        drop: rule.drop,
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
