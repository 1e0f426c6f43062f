/**
 * Issue 8, "When it rolls back" and "Manual rollback", through the bundle: a dry run reports the exact
 * patch and changes nothing; `rollback-on-failure: false` keeps the failed deploy; an inconclusive
 * verdict rolls back only when asked; `analyze` rolls back the targets it gates when its metrics fail,
 * and says so when it has none; `command: rollback` names who rolled back what and why, and needs a
 * reason.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startFakePrometheus, type FakePrometheus } from '../harness/fake-prometheus.js'
import { startSandbox, type Sandbox } from '../sandbox/index.js'
import { deployment, tempDir, type TempDir } from './fixtures.js'
import {
  FAILED_REVISION_ANNOTATION,
  annotationsOf,
  deployGood,
  deploymentRevision,
  failedMarks,
  plain,
  rollbackRows,
  runCommand,
  setImage,
  templateImage,
  waitRolledOut,
  type CommandRun
} from './rollback-fixtures.js'

let sandbox: Sandbox
let dir: TempDir

beforeAll(async () => {
  sandbox = await startSandbox({ timeScale: 20 })
  dir = await tempDir()
})

afterAll(async () => {
  await sandbox?.stop()
  await dir?.remove()
})

const run = (r: Omit<CommandRun, 'sandbox' | 'dir'>) => runCommand({ sandbox, dir, ...r })
const deploymentPath = (ns: string) => `/apis/apps/v1/namespaces/${ns}/deployments/api`
const writes = (ns: string) => sandbox.requests.filter((r) => r.method !== 'GET' && r.path === deploymentPath(ns))

/** v1 healthy, then the deploy of `image`. */
async function deployed(ns: string, image = 'registry/api:v2-crashloop'): Promise<void> {
  await deployGood(sandbox, 'Deployment', ns, 'api', deployment(ns, 'api', 'registry/api:v1', { replicas: 2 }))
  await setImage(sandbox, 'Deployment', ns, 'api', 'app', image)
  sandbox.clearRequests()
}

function expectNothingChanged(ns: string, image = 'registry/api:v2-crashloop'): void {
  expect(writes(ns)).toEqual([])
  expect(templateImage(sandbox, 'Deployment', ns, 'api')).toBe(image)
  expect(deploymentRevision(sandbox, ns, 'api')).toBe('2')
  expect(annotationsOf(sandbox, 'Deployment', ns, 'api')[FAILED_REVISION_ANNOTATION]).toBeUndefined()
}

describe('when verify rolls back', () => {
  it('dry-run: reports the exact patch it would send and changes nothing', async () => {
    const ns = 'dry'
    await deployed(ns)
    const verify = await run({
      command: 'verify',
      namespace: ns,
      target: 'deployment/api',
      inputs: { 'dry-run': 'true' }
    })

    expect(verify.outputs.verdict).toBe('failed')
    expect(verify.outputs.action).not.toBe('rolled-back')
    expect(verify.outputs['rolled-back-to']).toBe('')
    const [row] = rollbackRows(verify)
    expect(row).toMatchObject({ state: 'dry-run', dryRun: true, fromRevision: 2, toRevision: 1 })
    // kubectl's undo: a JSON patch of the template (v1's, without pod-template-hash) and the annotations.
    expect(row.change).toMatchObject({ kind: 'patch', patchType: 'json' })
    const body = row.change?.body as Array<{ op: string; path: string; value?: unknown }>
    const template = body.find((op) => op.path === '/spec/template')?.value as {
      metadata: { labels: Record<string, string> }
      spec: { containers: Array<{ image: string }> }
    }
    expect(template.spec.containers[0].image).toBe('registry/api:v1')
    expect(template.metadata.labels['pod-template-hash']).toBeUndefined()
    expect(body.some((op) => op.path === '/metadata/resourceVersion')).toBe(true)
    expect(row.summary).toMatch(
      /dry run: would roll deployment\/api back from revision 2 to revision 1; nothing was changed/
    )
    expect(plain(verify.summary)).toMatch(/dry run/i)
    expect(plain(verify.summary)).toContain('registry/api:v1')
    expectNothingChanged(ns)
  })

  it('rollback-on-failure: false: the deploy fails and stays as it is', async () => {
    const ns = 'no-rollback'
    await deployed(ns)
    const verify = await run({
      command: 'verify',
      namespace: ns,
      target: 'deployment/api',
      inputs: { 'rollback-on-failure': 'false' }
    })

    expect(verify.exitCode).not.toBe(0)
    expect(verify.outputs).toMatchObject({ verdict: 'failed', action: 'none', 'rolled-back-to': '', rollback: '[]' })
    expect(verify.record?.rollback).toMatchObject({
      decision: 'none',
      reason: expect.stringContaining('rollback.onFailure: false')
    })
    expectNothingChanged(ns)
  })

  describe('an inconclusive verdict (the API forbids reading pods)', () => {
    const forbidPods = (ns: string) =>
      sandbox.faults.add({
        method: 'GET',
        path: `/api/v1/namespaces/${ns}/pods`,
        status: 403,
        message: `pods is forbidden: User "ci" cannot list resource "pods" in API group "" in the namespace "${ns}"`
      })

    it('never rolls back by default', async () => {
      const ns = 'inconclusive'
      await deployed(ns, 'registry/api:v2')
      await waitRolledOut(sandbox, 'Deployment', ns, 'api')
      sandbox.clearRequests()
      forbidPods(ns)
      try {
        const verify = await run({ command: 'verify', namespace: ns, target: 'deployment/api' })
        expect(verify.outputs.verdict).toBe('inconclusive')
        expect(verify.exitCode).not.toBe(0)
        expect(verify.outputs.action).toBe('none')
        expect(verify.record?.rollback).toMatchObject({
          decision: 'none',
          reason: expect.stringContaining('never rolls back unless asked')
        })
        expectNothingChanged(ns, 'registry/api:v2')
      } finally {
        sandbox.faults.clear()
      }
    })

    it('with rollback-on-inconclusive: true, still not when the workload itself could not be judged', async () => {
      const ns = 'inconclusive-asked'
      await deployed(ns, 'registry/api:v2')
      await waitRolledOut(sandbox, 'Deployment', ns, 'api')
      sandbox.clearRequests()
      forbidPods(ns)
      try {
        const verify = await run({
          command: 'verify',
          namespace: ns,
          target: 'deployment/api',
          inputs: { 'rollback-on-inconclusive': 'true' }
        })
        expect(verify.outputs.verdict).toBe('inconclusive')
        expect(verify.outputs.action).toBe('none')
        const [row] = rollbackRows(verify)
        expect(row.state).toBe('refused')
        expect(row.summary).toContain('cannot tell whether someone changed it since')
        expectNothingChanged(ns, 'registry/api:v2')
      } finally {
        sandbox.faults.clear()
      }
    })
  })

  describe('an inconclusive verdict (the metrics have no data)', () => {
    let prometheus: FakePrometheus
    beforeAll(async () => {
      prometheus = await startFakePrometheus({ queries: [{ kind: 'empty' }] })
    })
    afterAll(async () => {
      await prometheus?.stop()
    })
    const noData = `
analysis:
  interval: 100ms
  count: 2
  checks:
    - name: error-rate
      query: sum(rate(http_requests_total{status=~"5.."}[1m]))
      max: 1
      onNoData: inconclusive
`

    it('never rolls back by default', async () => {
      const ns = 'nodata'
      await deployed(ns, 'registry/api:v2')
      await waitRolledOut(sandbox, 'Deployment', ns, 'api')
      sandbox.clearRequests()
      const verify = await run({
        command: 'verify',
        namespace: ns,
        target: 'deployment/api',
        config: noData,
        inputs: { 'prometheus-url': prometheus.url }
      })
      expect(verify.outputs).toMatchObject({ verdict: 'inconclusive', action: 'none' })
      expectNothingChanged(ns, 'registry/api:v2')
    })

    it('rolls back with rollback-on-inconclusive: true', async () => {
      const ns = 'nodata-asked'
      await deployed(ns, 'registry/api:v2')
      await waitRolledOut(sandbox, 'Deployment', ns, 'api')
      const verify = await run({
        command: 'verify',
        namespace: ns,
        target: 'deployment/api',
        config: noData,
        inputs: { 'prometheus-url': prometheus.url, 'rollback-on-inconclusive': 'true' }
      })
      // The deploy's verdict stays inconclusive; the restored version passes verify's workload checks.
      expect(verify.outputs).toMatchObject({
        verdict: 'inconclusive',
        action: 'rolled-back',
        'rolled-back-from': '2',
        'rolled-back-to': '1',
        'restored-verdict': 'passed'
      })
      expect(verify.exitCode).not.toBe(0)
      expect(verify.record?.rollback).toMatchObject({
        reason: expect.stringContaining('rollback.onInconclusive is on')
      })
      expect(templateImage(sandbox, 'Deployment', ns, 'api')).toBe('registry/api:v1')
      expect(failedMarks(sandbox, 'Deployment', ns, 'api').map((m) => m.revision)).toEqual([2])
    })
  })
})

describe('analyze', () => {
  let prometheus: FakePrometheus
  beforeAll(async () => {
    // The check's query returns an error ratio of 0.2, well over its max.
    prometheus = await startFakePrometheus({ queries: [{ kind: 'value', value: 0.2 }] })
  })
  afterAll(async () => {
    await prometheus?.stop()
  })

  const analysis = `
analysis:
  interval: 100ms
  count: 2
  checks:
    - name: error-rate
      query: sum(rate(http_requests_total{status=~"5.."}[1m])) / sum(rate(http_requests_total[1m]))
      max: 0.05
`

  it('rolls back the targets it gates when the metrics fail', async () => {
    const ns = 'analyze'
    // A deploy that looks healthy to Kubernetes; only the metrics say it is bad.
    await deployed(ns, 'registry/api:v2')
    await waitRolledOut(sandbox, 'Deployment', ns, 'api')
    const analyze = await run({
      command: 'analyze',
      namespace: ns,
      target: 'deployment/api',
      config: analysis,
      inputs: { 'prometheus-url': prometheus.url }
    })

    expect(analyze.outputs.verdict).toBe('failed')
    expect(analyze.outputs).toMatchObject({
      action: 'rolled-back',
      'rolled-back-from': '2',
      'rolled-back-to': '1',
      'restored-verdict': 'passed'
    })
    expect(templateImage(sandbox, 'Deployment', ns, 'api')).toBe('registry/api:v1')
    expect(plain(analyze.summary)).toMatch(/error-rate/)
    expect(plain(analyze.summary)).toMatch(/rolled back/i)
  })

  it('without targets: fails, and says it has nothing to roll back', async () => {
    const analyze = await run({
      command: 'analyze',
      namespace: 'default',
      config: analysis,
      inputs: { 'prometheus-url': prometheus.url, kubeconfig: '' }
    })
    expect(analyze.outputs.verdict).toBe('failed')
    expect(analyze.outputs.action).toBe('none')
    expect(analyze.record?.rollback).toMatchObject({
      decision: 'none',
      reason: expect.stringContaining('no targets to roll back')
    })
    expect(analyze.stdout).toContain('no targets to roll back')
    expect(plain(analyze.summary)).toContain('no targets to roll back')
  })
})

describe('command: rollback (the manual workflow)', () => {
  it('rolls back to the previous revision; the summary names who and why', async () => {
    const ns = 'manual'
    await deployed(ns, 'registry/api:v2')
    await waitRolledOut(sandbox, 'Deployment', ns, 'api')
    const rollback = await run({
      command: 'rollback',
      namespace: ns,
      target: 'deployment/api',
      inputs: { reason: 'checkout errors since v2 (INC-42)', 'rollback-to': 'previous' },
      env: { GITHUB_ACTOR: 'oncall-alice' }
    })

    expect(rollback.exitCode).toBe(0)
    expect(rollback.outputs).toMatchObject({
      verdict: 'passed',
      action: 'rolled-back',
      'rolled-back-from': '2',
      'rolled-back-to': '1',
      'restored-verdict': 'passed'
    })
    expect(templateImage(sandbox, 'Deployment', ns, 'api')).toBe('registry/api:v1')
    expect(deploymentRevision(sandbox, ns, 'api')).toBe('3')
    const [mark] = failedMarks(sandbox, 'Deployment', ns, 'api')
    expect(mark).toMatchObject({ revision: 2, reason: 'manual rollback: checkout errors since v2 (INC-42)' })
    const summary = plain(rollback.summary)
    expect(summary).toContain('oncall-alice')
    expect(summary).toContain('checkout errors since v2 (INC-42)')
    expect(summary).toMatch(/revision 2.*revision 1/)
    expect(rollback.record?.rollback).toMatchObject({ decision: 'rollback', requestedBy: 'oncall-alice' })
  })

  it('without a reason: a config error naming inputs.reason, before anything touches the cluster', async () => {
    const ns = 'manual-no-reason'
    await deployed(ns, 'registry/api:v2')
    const rollback = await run({
      command: 'rollback',
      namespace: ns,
      target: 'deployment/api',
      inputs: { 'rollback-to': 'previous' }
    })

    expect(rollback.exitCode).not.toBe(0)
    expect(rollback.stdout + rollback.summary).toContain('inputs.reason')
    expect(rollback.outputs.action).toBe('none')
    expect(sandbox.requests.filter((r) => r.path.includes(`/namespaces/${ns}/`))).toEqual([])
    expect(templateImage(sandbox, 'Deployment', ns, 'api')).toBe('registry/api:v2')
  })
})
