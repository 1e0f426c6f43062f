/**
 * Retry with exponential backoff for Prometheus requests. Written here rather than with p-retry because
 * a 429/503 may dictate the delay through `Retry-After`, which a fixed backoff schedule cannot honour.
 */
import { sleep, type Sleep } from '../util/sleep.js'
import { PrometheusError } from './errors.js'

export interface RetryPolicy {
  /** Extra attempts after the first. */
  retries: number
  /** First backoff; doubled on each retry. */
  baseDelayMs: number
  /** Upper bound for any single wait, including a server's Retry-After. */
  maxDelayMs: number
}

/** Connection problems, timeouts, 5xx and 429 are worth another try; a bad query is not. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof PrometheusError)) return false
  if (error.kind === 'network' || error.kind === 'timeout') return true
  return error.status !== undefined && (error.status === 429 || error.status >= 500)
}

export function backoffDelay(policy: RetryPolicy, retryNumber: number, retryAfterMs?: number): number {
  const exponential = policy.baseDelayMs * 2 ** (retryNumber - 1)
  return Math.min(policy.maxDelayMs, retryAfterMs ?? exponential)
}

export async function withRetries<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  sleep: Sleep,
  signal?: AbortSignal
): Promise<T> {
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await attempt()
    } catch (error) {
      const last = attemptNumber > policy.retries || !isRetryable(error) || signal?.aborted === true
      if (last) throw error instanceof PrometheusError ? error.withAttempts(attemptNumber) : error
      await sleep(
        backoffDelay(policy, attemptNumber, error instanceof PrometheusError ? error.retryAfterMs : undefined),
        signal
      )
    }
  }
}

export const defaultSleep: Sleep = sleep

export type { Sleep }
