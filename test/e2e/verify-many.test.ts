/**
 * Issue 11, acceptance 3: 200 targets verified concurrently through the bundle, as the runner runs
 * it, against the sandbox. Every target is reported in config order; a target that never becomes
 * ready (first in the config) does not starve the others: they pass and print before it, a target
 * that only becomes ready late passes within its own timeout, and the stuck one reports its own
 * timeout. Targets sharing the namespace share its LISTs: far fewer than 7 requests a target.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import { runAction } from './run-action.js'
import { apply, deployment, resource, tempDir, waitFor, type TempDir } from './fixtures.js'

// Controller time 1000× faster: healthy pods are ready in about a millisecond; `late` (ready after
// 3000 s of controller time) in about 3 s of wall time.
const TIME_SCALE = 1000
const NAMESPACE = 'fleet'
const HEALTHY = Array.from({ length: 200 }, (_, i) => `svc-${String(i).padStart(3, '0')}`)
const TIMEOUT_S = 15

let sandbox: Sandbox
let dir: TempDir

beforeAll(async () => {
  sandbox = await startSandbox({ timeScale: TIME_SCALE })
  dir = await tempDir()
})

afterAll(async () => {
  await sandbox?.stop()
  await dir?.remove()
})

interface RecordedTarget {
  ref: { kind: string; name: string; namespace: string }
  checks: Array<{ id: string; status: string; reason?: string }>
}

describe('verify, many targets at once', () => {
  it('reports every one of 200+ targets; one that never becomes ready does not starve the others', async () => {
    const deployments = resource('Deployment', 'apps/v1')
    apply(
      sandbox,
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } },
      ...HEALTHY.map((name) => deployment(NAMESPACE, name, `registry/${name}:v1`, { replicas: 1 }))
    )
    await waitFor(
      () =>
        HEALTHY.every(
          (name) =>
            (sandbox.store.get(deployments, NAMESPACE, name)?.status as { availableReplicas?: number } | undefined)
              ?.availableReplicas === 1
        ),
      '200 Deployments available',
      60_000
    )
    // Deployed "just now", like the user's deploy step before this one.
    apply(
      sandbox,
      deployment(NAMESPACE, 'stuck', 'registry/stuck:v1', {
        replicas: 1,
        // At 1000× the default 600 s progress deadline would pass in 0.6 s: the timeout is what we test.
        progressDeadlineSeconds: 1_000_000,
        annotations: { 'sandbox.deploy-guard.dev/behavior': 'never-ready' }
      }),
      deployment(NAMESPACE, 'late', 'registry/late:v1', {
        replicas: 1,
        progressDeadlineSeconds: 1_000_000,
        annotations: { 'sandbox.deploy-guard.dev/ready-after': '3000s' }
      })
    )
    const names = ['stuck', 'late', ...HEALTHY]
    const config = await dir.write(
      'many.yml',
      `verify:\n  timeout: ${TIMEOUT_S}s\n  pollInterval: 200ms\n  concurrency: 8\n`
    )
    sandbox.clearRequests()
    const started = Date.now()
    // When each target's group reached the log, read live from the child's stdout.
    const printedAt = new Map<string, number>()
    let partial = ''
    const run = await runAction(
      {
        command: 'verify',
        target: names.map((name) => `deployment/${name}`).join('\n'),
        namespace: NAMESPACE,
        config,
        kubeconfig: sandbox.kubeconfig
      },
      {},
      {
        onSpawn: (child) =>
          child.stdout?.on('data', (chunk: Buffer) => {
            const lines = (partial + chunk.toString('utf8')).split('\n')
            partial = lines.pop() ?? ''
            for (const line of lines) {
              const title = /^::group::verify deployment\/(\S+) in /.exec(line)?.[1]
              if (title) printedAt.set(title, Date.now() - started)
            }
          })
      }
    )
    const wallMs = Date.now() - started

    expect(run.outputs.verdict).toBe('failed')
    expect(run.exitCode).toBe(1)

    // Every target reported, in config order; only the stuck one failed, with its own timeout.
    const targets = run.record?.targets as RecordedTarget[]
    expect(targets.map((t) => t.ref.name)).toEqual(names)
    const rollout = (t: RecordedTarget) => t.checks.find((c) => c.id === 'rollout')
    expect(rollout(targets[0]!)).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(new RegExp(`^timed out after ${TIMEOUT_S}s: `))
    })
    for (const target of targets.slice(1)) {
      // No Services here: the endpoints row is skipped, never failed.
      const notPassed = target.checks.filter((c) => c.status !== 'passed' && c.id !== 'endpoints')
      expect(target.checks.find((c) => c.id === 'endpoints')?.status).toBe('skipped')
      expect({ name: target.ref.name, failed: notPassed }).toEqual({
        name: target.ref.name,
        failed: []
      })
    }

    // The log: one whole group per target, printed as each finishes; `stuck` last, after its timeout.
    const titles = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('::group::verify '))
      .map((line) => line.replace(/^::group::verify deployment\//, '').replace(` in ${NAMESPACE}`, ''))
    expect(titles).toHaveLength(names.length)
    expect(new Set(titles)).toEqual(new Set(names))
    expect(titles.at(-1)).toBe('stuck')
    // Not starved: every other target was done and printed while `stuck` was still waiting, and
    // `stuck` itself waited its whole timeout (the bound is the code's, not the machine's speed).
    const stuckAt = printedAt.get('stuck')!
    expect(stuckAt).toBeGreaterThanOrEqual(TIMEOUT_S * 1000)
    for (const name of names.slice(1))
      expect({ name, before: printedAt.get(name)! < stuckAt }).toEqual({ name, before: true })
    // Generous: `late` is ready ~3 s in; the 200 healthy ones need no waiting at all.
    expect(Math.max(...names.slice(1).map((name) => printedAt.get(name)!))).toBeLessThan(TIMEOUT_S * 1000)
    expect(run.stdout).toContain(`verifying ${names.length} targets, 8 at a time`)

    // Shared namespace LISTs: a fraction of the 7 requests a target each would make alone.
    expect(sandbox.requests.length).toBeLessThan(2 * names.length)
    // Generous bound: the stuck target's own timeout plus start-up and reporting on a loaded machine.
    expect(wallMs).toBeLessThan((TIMEOUT_S + 30) * 1000)
  })
})
