/**
 * The post step's flow over a recording sink (wrapped in the real safeSink, as production does) and
 * the behaving KubeApi fake: one line when the main step reported; the rollback's state, what was and
 * was not done and the manual command when it did not; one inconclusive line when nothing was left;
 * and never a write to the cluster.
 */
import { describe, expect, it } from '@jest/globals'
import type { JournalState } from '../../src/act/rollback/journal.js'
import { checkRestoredRollout, postStep } from '../../src/commands/post.js'
import type { KubeObject } from '../../src/kube/api.js'
import { RESOURCES } from '../../src/kube/resources.js'
import type { RollbackProgress } from '../../src/model/rollback-progress.js'
import { safeSink, type ReportSink } from '../../src/report/publish.js'
import { Redactor } from '../../src/report/redact.js'
import { DID_NOT_FINISH } from '../../src/report/sections/rollback-progress.js'
import { FakeKubeApi } from '../fakes/kube-api.js'

function recordingSink(redactor = new Redactor()): {
  sink: ReportSink
  info: string[]
  warnings: string[]
  summary: string[]
} {
  const info: string[] = []
  const warnings: string[] = []
  const summary: string[] = []
  const raw: ReportSink = {
    setOutput: () => undefined,
    info: (line) => info.push(line),
    warning: (message) => warnings.push(message),
    writeSummary: async (markdown) => {
      summary.push(markdown)
    }
  }
  return { sink: safeSink(raw, redactor), info, warnings, summary }
}

const progress = (overrides: Partial<RollbackProgress> = {}): RollbackProgress => ({
  phase: 'waiting',
  target: { kind: 'Deployment', name: 'api', namespace: 'prod' },
  method: 'kubectl',
  fromRevision: '5',
  toRevision: '3',
  reason: 'verify failed: 2 pods in CrashLoopBackOff',
  manualCommand: 'kubectl rollout status deployment/api -n prod',
  at: '2026-01-01T00:00:00.000Z',
  ...overrides
})

const journal = (overrides: Partial<JournalState> = {}): JournalState => ({
  mainFinished: false,
  progress: [],
  ...overrides
})

function deployment(status: Record<string, unknown>, revision = '6'): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'api',
      namespace: 'prod',
      uid: 'u-api',
      generation: 7,
      annotations: { 'deployment.kubernetes.io/revision': revision }
    },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'api' } },
      template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'app', image: 'img:1' }] } }
    },
    status
  }
}

function restoredCluster(status: Record<string, unknown>): FakeKubeApi {
  const api = new FakeKubeApi()
  const d = deployment(status)
  api.put(RESOURCES.Deployment, d)
  api.put(RESOURCES.ReplicaSet, {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: 'api-abc',
      namespace: 'prod',
      uid: 'u-rs',
      labels: { app: 'api', 'pod-template-hash': 'abc' },
      annotations: { 'deployment.kubernetes.io/revision': '6' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'api', uid: 'u-api', controller: true }]
    },
    spec: {
      template: {
        metadata: { labels: { app: 'api', 'pod-template-hash': 'abc' } },
        spec: { containers: [{ name: 'app', image: 'img:1' }] }
      }
    }
  })
  return api
}

const complete = { observedGeneration: 7, replicas: 2, updatedReplicas: 2, availableReplicas: 2 }
const rolling = { observedGeneration: 7, replicas: 3, updatedReplicas: 2, availableReplicas: 1 }

describe('postStep', () => {
  it('prints one line and nothing else when the main step finished', async () => {
    const out = recordingSink()
    const outcome = await postStep({
      journal: journal({ mainFinished: true, progress: [progress({ phase: 'verified' })] }),
      sink: out.sink
    })
    expect(outcome).toBe('main-finished')
    expect(out.info).toEqual(['deploy-guard post: the main step finished and reported its result; nothing to add.'])
    expect(out.warnings).toEqual([])
    expect(out.summary).toEqual([])
  })

  it('names a rollback the finished main step left half-way in that one line, and looks at nothing', async () => {
    const out = recordingSink()
    let opened = 0
    await postStep({
      journal: journal({ mainFinished: true, progress: [progress()] }),
      sink: out.sink,
      kube: async () => {
        opened++
        return new FakeKubeApi()
      }
    })
    expect(out.info).toEqual([
      'deploy-guard post: the main step finished and reported its result; the rollback of deployment/api in prod was left at "waiting" (waiting for the restored revision to become healthy; by hand: kubectl rollout status deployment/api -n prod). Nothing was done by this step.'
    ])
    expect(out.summary).toEqual([])
    expect(opened).toBe(0)
  })

  it('writes the inconclusive line when the main step left nothing behind, so the summary is never empty', async () => {
    const out = recordingSink()
    expect(await postStep({ journal: journal(), sink: out.sink })).toBe('did-not-finish')
    expect(out.summary.join('')).toContain(
      'deploy-guard did not finish: the job was cancelled or timed out before a verdict'
    )
    expect(out.warnings).toEqual([DID_NOT_FINISH])
  })

  it('reports an interrupted wait with the read-only check of the restored revision, and writes nothing', async () => {
    const api = restoredCluster(rolling)
    const out = recordingSink()
    const outcome = await postStep({
      journal: journal({ progress: [progress()] }),
      sink: out.sink,
      kube: async () => api
    })
    expect(outcome).toBe('rollback-reported')
    expect(api.patches).toEqual([])
    const summary = out.summary.join('')
    expect(summary).toContain('## ⚠️ deploy-guard: Rollback interrupted')
    expect(summary).toContain('### deployment/api in prod')
    expect(summary).toContain('revision 5 → revision 3')
    expect(summary).toContain('<code>waiting</code> waiting for the restored revision to become healthy')
    expect(summary).toContain('**Done:** The undo landed')
    expect(summary).toContain('**Not done:** The wait was interrupted: the restored revision was not verified healthy.')
    expect(summary).toContain('```bash\nkubectl rollout status deployment/api -n prod\n```')
    expect(summary).toContain('⏳ rollout still in progress at revision 6: Waiting for deployment')
    expect(summary).toMatch(/never writes to the cluster/)
    expect(out.info[0]).toBe(
      'deploy-guard post: rollback of deployment/api in prod (kubectl, revision 5 → revision 3): waiting for the restored revision to become healthy'
    )
    expect(out.info).toContain('  by hand: kubectl rollout status deployment/api -n prod')
    expect(out.warnings).toHaveLength(1)
    expect(out.warnings[0]).toMatch(/^deploy-guard: the rollback of deployment\/api in prod was interrupted/)
    expect(out.warnings[0]).toContain('Finish or check it by hand: kubectl rollout status deployment/api -n prod')
  })

  it('says when the restored rollout is already complete', async () => {
    const out = recordingSink()
    await postStep({
      journal: journal({ progress: [progress({ phase: 'patched' })] }),
      sink: out.sink,
      kube: async () => restoredCluster(complete)
    })
    expect(out.summary.join('')).toContain(
      '✅ rollout complete at revision 6: deployment &quot;api&quot; successfully rolled out'
    )
  })

  it('does not look at the cluster for phases whose undo had not landed or had ended', async () => {
    for (const phase of ['decided', 'patching', 'failed', 'refused', 'verified'] as const) {
      let opened = 0
      const out = recordingSink()
      await postStep({
        journal: journal({ progress: [progress({ phase })] }),
        sink: out.sink,
        kube: async () => {
          opened++
          return restoredCluster(complete)
        }
      })
      expect(opened).toBe(0)
      expect(out.summary.join('')).not.toContain('Checked now')
    }
  })

  it('describes a decided-but-not-started rollback without starting it', async () => {
    const api = restoredCluster(complete)
    const out = recordingSink()
    await postStep({
      journal: journal({
        progress: [
          progress({ phase: 'decided', manualCommand: 'kubectl rollout undo deployment/api -n prod --to-revision=3' })
        ]
      }),
      sink: out.sink,
      kube: async () => api
    })
    const summary = out.summary.join('')
    expect(summary).toContain('**Not done:** The undo was never started: the workload still runs revision 5.')
    expect(summary).toContain('kubectl rollout undo deployment/api -n prod --to-revision=3')
    expect(api.patches).toEqual([])
    expect(api.requestCount).toBe(0)
  })

  it('titles rollbacks that had ended but were never reported differently from interrupted ones', async () => {
    const out = recordingSink()
    await postStep({ journal: journal({ progress: [progress({ phase: 'unhealthy' })] }), sink: out.sink })
    expect(out.summary.join('')).toContain('## ⚠️ deploy-guard: Rollback not reported')
    expect(out.warnings[0]).toContain('ended but was not reported')
  })

  it('reports a cluster it cannot reach as unknown, still with the manual command', async () => {
    const out = recordingSink()
    await postStep({
      journal: journal({ progress: [progress()] }),
      sink: out.sink,
      kube: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:6443')
      }
    })
    const summary = out.summary.join('')
    expect(summary).toContain('❔ could not be checked: the cluster could not be reached: connect ECONNREFUSED')
    expect(summary).toContain('kubectl rollout status deployment/api -n prod')
  })

  it('redacts secrets and keeps outside text inert on every surface', async () => {
    const redactor = new Redactor()
    redactor.add('tok-123456789')
    const out = recordingSink(redactor)
    const reason = 'server said tok-123456789\n::error::pwned ##[group]x | <img src=x> `code` *bold*'
    await postStep({
      journal: journal({
        progress: [progress({ reason, manualCommand: 'kubectl rollout status deployment/api -n prod ```' })]
      }),
      sink: out.sink
    })
    const everything = [...out.info, ...out.warnings, ...out.summary].join('\n')
    expect(everything).not.toContain('tok-123456789')
    for (const line of out.info) expect(line).not.toMatch(/^\s*::|##\[/)
    for (const message of out.warnings) expect(message.split('\n').some((l) => /##\[/.test(l))).toBe(false)
    const summary = out.summary.join('')
    expect(summary).not.toContain('<img')
    // The manual command's own backticks cannot close its fence: the fence is longer.
    expect(summary).toContain('````bash\nkubectl rollout status deployment/api -n prod ```\n````')
  })

  it('notes an unreadable journal', async () => {
    const out = recordingSink()
    await postStep({
      journal: journal({ unreadable: 'the saved rollback progress is not valid JSON' }),
      sink: out.sink
    })
    expect(out.summary.join('')).toContain(
      'the saved rollback progress is not valid JSON; the report below may be incomplete.'
    )
  })

  it('keeps to a few warning annotations however many targets there are', async () => {
    const out = recordingSink()
    const many = Array.from({ length: 8 }, (_, i) =>
      progress({ target: { kind: 'Deployment', name: `api-${i}`, namespace: 'prod' } })
    )
    await postStep({ journal: journal({ progress: many }), sink: out.sink })
    expect(out.warnings).toHaveLength(5)
    for (let i = 0; i < 8; i++) expect(out.summary.join('')).toContain(`### deployment/api-${i} in prod`)
  })
})

describe('checkRestoredRollout', () => {
  it('reads a workload that is gone as unknown', async () => {
    const check = await checkRestoredRollout(new FakeKubeApi(), progress())
    expect(check).toEqual({ state: 'unknown', message: 'Deployment prod/api was not found' })
  })

  it('reports kubectl’s failure for a rollout past its progress deadline', async () => {
    const api = restoredCluster({
      ...rolling,
      conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }]
    })
    const check = await checkRestoredRollout(api, progress())
    expect(check).toEqual({
      state: 'failed',
      message: 'deployment "api" exceeded its progress deadline',
      revision: '6'
    })
  })
})
