/**
 * The fault matrix (issue 7): every case in cases.ts, run against the bundle as the runner runs it,
 * a few at a time, each checked by the shared rules in assert.ts. With
 * DEPLOY_GUARD_FAULTS_OBSERVED=PATH (set by `npm run test:faults`) the results are written there for
 * the README table (`npm run test:faults:table`).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cases } from './cases.js'
import { runCase, startSuite, type CaseResult, type Suite } from './run-case.js'
import { toObserved, writeObserved } from './observed.js'

/** Cases run at once: the machine has 2 cores; each case is one Node process plus servers. */
const CONCURRENCY = 4

let suite: Suite | undefined
const results = new Map<string, CaseResult | Error>()

async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items]
  await Promise.all(
    Array.from({ length: size }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item)
    })
  )
}

beforeAll(async () => {
  suite = await startSuite()
  await pool(cases, CONCURRENCY, async (c) => {
    results.set(
      c.id,
      await runCase(c, suite!).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))
    )
  })
  const out = process.env.DEPLOY_GUARD_FAULTS_OBSERVED
  if (out) {
    const done = [...results.values()].filter((r): r is CaseResult => !(r instanceof Error))
    await writeObserved(toObserved(done, process.env.DEPLOY_GUARD_BUNDLE || 'dist/index.js'), out)
  }
}, 280_000)

afterAll(async () => {
  await suite?.stop()
})

describe('fault matrix', () => {
  it.each(cases.map((c) => [c.id, c.description] as const))('%s: %s', (id) => {
    const result = results.get(id)
    if (result instanceof Error) throw result
    expect(result?.problems).toEqual([])
  })
})
