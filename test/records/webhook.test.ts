import { afterEach, describe, expect, it } from '@jest/globals'
import { describeWebhook, postWebhook, type DeliveryOutcome } from '../../src/records/webhook.js'
import { startWebhookServer, type Reply, type WebhookServer } from './webhook-server.js'

const servers: WebhookServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()))
})

async function server(script?: Reply[]): Promise<WebhookServer> {
  const started = await startWebhookServer(script)
  servers.push(started)
  return started
}

/** A sleep that records the waits asked for and returns at once. */
function recordingSleep(): { delays: number[]; sleep: (ms: number) => Promise<void> } {
  const delays: number[] = []
  return { delays, sleep: async (ms) => void delays.push(ms) }
}

const payload = { text: 'hello', blocks: [] }

function expectNoSecret(outcome: DeliveryOutcome, hook: WebhookServer): void {
  expect(JSON.stringify(outcome)).not.toContain('SECRET')
  expect(JSON.stringify(outcome)).not.toContain(new URL(hook.url).pathname)
}

describe('postWebhook', () => {
  it('posts the payload as JSON once when the receiver answers 200', async () => {
    const hook = await server()
    const outcome = await postWebhook(hook.url, payload)
    expect(outcome).toEqual({ delivered: true, attempts: 1, status: 200 })
    expect(hook.requests).toHaveLength(1)
    expect(hook.requests[0].body).toEqual(payload)
    expect(hook.requests[0].headers['content-type']).toMatch(/^application\/json/)
  })

  it('retries a 500 with backoff and delivers on the next attempt', async () => {
    const hook = await server([{ status: 500, body: 'boom' }, { status: 200 }])
    const { delays, sleep } = recordingSleep()
    const outcome = await postWebhook(hook.url, payload, { sleep })
    expect(outcome).toEqual({ delivered: true, attempts: 2, status: 200 })
    expect(delays).toEqual([1000])
    expect(hook.requests.map((r) => r.body)).toEqual([payload, payload])
  })

  it('honours Retry-After on a 429', async () => {
    const hook = await server([{ status: 429, headers: { 'retry-after': '2' } }, { status: 200 }])
    const { delays, sleep } = recordingSleep()
    const outcome = await postWebhook(hook.url, payload, { sleep })
    expect(outcome.delivered).toBe(true)
    expect(delays).toEqual([2000])
  })

  it('gives up at once when Retry-After is beyond the budget, saying so', async () => {
    const hook = await server([{ status: 429, headers: { 'retry-after': '120' } }, { status: 200 }])
    const outcome = await postWebhook(hook.url, payload, { sleep: recordingSleep().sleep })
    expect(outcome).toEqual({
      delivered: false,
      attempts: 1,
      problem: 'HTTP 429 (gave up after 1 attempt: the server asked to retry after 120 s, beyond the 30 s budget)'
    })
    expect(hook.requests).toHaveLength(1)
  })

  it('stops after the attempt limit on a receiver that keeps failing', async () => {
    const hook = await server([{ status: 503, body: 'unavailable' }])
    const { delays, sleep } = recordingSleep()
    const outcome = await postWebhook(hook.url, payload, { sleep, maxAttempts: 3 })
    expect(outcome).toEqual({
      delivered: false,
      attempts: 3,
      problem: 'HTTP 503: unavailable (gave up after 3 attempts)'
    })
    expect(delays).toEqual([1000, 2000])
  })

  it('never retries a 4xx other than 429 (Slack: invalid_payload, no_service)', async () => {
    const hook = await server([{ status: 400, body: 'invalid_payload' }])
    const outcome = await postWebhook(hook.url, payload, { sleep: recordingSleep().sleep })
    expect(outcome).toEqual({ delivered: false, attempts: 1, problem: 'HTTP 400: invalid_payload (1 attempt)' })
  })

  it('bounds a hanging receiver by the attempt timeout and the budget', async () => {
    const hook = await server(['hang'])
    const started = Date.now()
    const outcome = await postWebhook(hook.url, payload, { attemptTimeoutMs: 200, budgetMs: 1500, baseDelayMs: 50 })
    expect(outcome.delivered).toBe(false)
    expect(outcome).toMatchObject({ problem: expect.stringMatching(/^no answer within (200ms|[1-9]\d*ms)/) })
    expect(hook.requests.length).toBeGreaterThanOrEqual(2)
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('stops at once when the run is cancelled', async () => {
    const hook = await server(['hang'])
    const controller = new AbortController()
    const pending = postWebhook(hook.url, payload, { signal: controller.signal })
    await hook.received(1)
    controller.abort()
    const outcome = await pending
    expect(outcome).toMatchObject({
      delivered: false,
      attempts: 1,
      problem: expect.stringMatching(/^the run was cancelled/)
    })
  })

  it('follows a same-origin 307 and delivers there', async () => {
    const hook = await server([{ status: 307, headers: { location: '/moved' } }, { status: 200 }])
    const outcome = await postWebhook(hook.url, payload)
    expect(outcome.delivered).toBe(true)
    expect(hook.requests.map((r) => r.path)).toEqual([new URL(hook.url).pathname, '/moved'])
    expect(hook.requests[1].body).toEqual(payload)
  })

  it.each([307, 302])('never follows a %s to another origin: the payload is not sent there', async (status) => {
    const elsewhere = await server()
    const hook = await server([{ status, headers: { location: `${elsewhere.origin}/steal` } }])
    const outcome = await postWebhook(hook.url, payload)
    expect(outcome).toEqual({
      delivered: false,
      attempts: 1,
      problem: `HTTP ${status} redirect to another origin (${elsewhere.origin}); not followed, so the payload was not sent there (1 attempt)`
    })
    expect(elsewhere.requests).toHaveLength(0)
  })

  it('reports a refused connection without the URL, after retrying', async () => {
    const hook = await server()
    const url = hook.url
    await hook.stop()
    servers.splice(servers.indexOf(hook), 1)
    const outcome = await postWebhook(url, payload, { sleep: recordingSleep().sleep, maxAttempts: 2 })
    expect(outcome).toMatchObject({ delivered: false, attempts: 2, problem: expect.stringContaining('ECONNREFUSED') })
    expectNoSecret(outcome, hook)
  })

  it('scrubs the webhook URL from an error body that echoes it', async () => {
    const hook = await server()
    const echo = await server([{ status: 404, body: `no such hook: ${hook.url} (path ${new URL(hook.url).pathname})` }])
    const url = `${echo.origin}${new URL(hook.url).pathname}`
    const outcome = await postWebhook(url, payload)
    expect(outcome.delivered).toBe(false)
    expectNoSecret(outcome, hook)
  })

  it('names a webhook by its origin only', () => {
    expect(describeWebhook('https://hooks.slack.com/services/T0/B0/secret?x=1')).toBe('https://hooks.slack.com/…')
    expect(describeWebhook('https://user:pass@example.com/hook')).toBe('https://example.com/…')
    expect(describeWebhook('not a url')).toBe('the webhook')
  })
})
