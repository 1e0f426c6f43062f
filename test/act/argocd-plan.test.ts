/** The pure Argo CD rollback plan (what `argocd app rollback` would do, or why not): tables. */
import { describe, expect, it } from '@jest/globals'
import {
  autoSyncEnabled,
  pickHistoryEntry,
  planArgoRollback,
  type ArgoApplicationForRollback,
  type ArgoHistoryEntry,
  type ArgoPlanInput,
  type ArgoRollbackPlan
} from '../../src/act/rollback/argocd-plan.js'

const source = { repoURL: 'https://git.example/shop.git', path: 'deploy' }
const entry = (id: number, revision: string, extra: Partial<ArgoHistoryEntry> = {}): ArgoHistoryEntry => ({
  id,
  revision,
  source,
  ...extra
})
const HISTORY = [entry(1, 'aaaaaaaa11'), entry(2, 'bbbbbbbb22'), entry(3, 'cccccccc33')]

function app(
  over: {
    automated?: Record<string, unknown> | null
    history?: ArgoHistoryEntry[]
    operation?: unknown
    deleting?: boolean
    synced?: string
    namespace?: string
  } = {}
): ArgoApplicationForRollback {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: 'api',
      namespace: over.namespace ?? 'argocd',
      resourceVersion: '42',
      ...(over.deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {})
    },
    spec: { syncPolicy: { ...(over.automated !== undefined ? { automated: over.automated } : {}) } },
    ...(over.operation !== undefined ? { operation: over.operation } : {}),
    status: { history: over.history ?? HISTORY, sync: { revision: over.synced ?? 'cccccccc33' } }
  }
}

const sync = (a: ArgoApplicationForRollback, extra: Partial<ArgoPlanInput> = {}): ArgoPlanInput => ({
  app: a,
  mode: 'sync',
  ...extra
})

describe('planArgoRollback', () => {
  const cases: Array<[string, ArgoPlanInput, Partial<ArgoRollbackPlan>]> = [
    [
      'refuse mode, auto-sync on',
      { app: app({ automated: { selfHeal: true } }), mode: 'refuse' },
      { action: 'refuse', reason: 'auto-sync', toId: 2, fromId: 3 }
    ],
    [
      'refuse mode, auto-sync off',
      { app: app(), mode: 'refuse' },
      { action: 'refuse', reason: 'manual-only', manualCommand: 'argocd app rollback api 2' }
    ],
    [
      'refuse mode, automated kept but enabled: false',
      { app: app({ automated: { enabled: false } }), mode: 'refuse' },
      { reason: 'manual-only' }
    ],
    [
      'refuse mode, no usable history: the command without an id',
      { app: app({ history: [] }), mode: 'refuse' },
      { reason: 'manual-only', manualCommand: 'argocd app rollback api ID' }
    ],
    [
      'deleting wins over everything',
      { app: app({ deleting: true, automated: {} }), mode: 'refuse' },
      { action: 'refuse', reason: 'deleting' }
    ],
    [
      'sync: history[len-2]',
      sync(app({ automated: {} })),
      { action: 'sync', fromId: 3, toId: 2, targetRevisions: ['bbbbbbbb22'] }
    ],
    ['sync: an explicit id', sync(app(), { id: 1 }), { action: 'sync', toId: 1 }],
    [
      'sync: an unknown id',
      sync(app(), { id: 9 }),
      {
        action: 'refuse',
        reason: 'history-id-not-found',
        message: 'application api does not have deployment with id 9'
      }
    ],
    [
      'sync: the recorded revision (short SHA)',
      sync(app(), { recordedRevision: 'aaaaaaaa' }),
      { action: 'sync', toId: 1 }
    ],
    [
      'sync: the newest entry at the recorded revision',
      sync(
        app({
          history: [entry(1, 'aaaaaaaa11'), entry(2, 'bbbbbbbb22'), entry(3, 'aaaaaaaa11'), entry(4, 'cccccccc33')]
        }),
        { recordedRevision: 'aaaaaaaa11' }
      ),
      { action: 'sync', toId: 3 }
    ],
    [
      'sync: recorded revision not in history',
      sync(app(), { recordedRevision: 'dddddddd' }),
      { action: 'refuse', reason: 'recorded-not-in-history' }
    ],
    [
      'sync: recorded = the synced revision: the deploy changed nothing, skip',
      sync(app(), { recordedRevision: 'cccccccc33' }),
      {
        action: 'skip',
        toId: 3,
        message:
          'skipped rollback (Argo CD application "api" is still synced to history id 3, revision cccccccc33: the deploy did not change it)'
      }
    ],
    [
      'sync: recorded = last entry but a failed sync moved on: re-sync it',
      sync(app({ synced: 'dddddddd44' }), { recordedRevision: 'cccccccc33' }),
      { action: 'sync', toId: 3 }
    ],
    [
      'sync: one entry only',
      sync(app({ history: [entry(1, 'aaaaaaaa11')] })),
      {
        action: 'refuse',
        reason: 'history-too-short',
        message: "application 'api' should have at least two successful deployments"
      }
    ],
    [
      'sync: an entry without a source (Argo CD ≤ 0.11)',
      sync(app({ history: [{ id: 1, revision: 'aaaaaaaa11' }, entry(2, 'bbbbbbbb22')] })),
      {
        action: 'refuse',
        reason: 'no-source',
        message: 'cannot rollback to revision deployed with Argo CD v0.11 or lower. sync to revision instead.'
      }
    ],
    [
      'sync: another operation in progress',
      sync(app({ operation: { sync: {} } })),
      { action: 'refuse', reason: 'operation-in-progress' }
    ],
    ['sync: operation null is no operation', sync(app({ operation: null })), { action: 'sync' }]
  ]
  it.each(cases)('%s', (_title, given, expected) => {
    expect(planArgoRollback(given)).toMatchObject(expected)
  })

  it('the patch: automation removed, the operation of argocd app rollback, guarded by resourceVersion', () => {
    const a = app({ automated: { prune: true, selfHeal: false } })
    a.spec!.syncPolicy!.syncOptions = ['ServerSideApply=true']
    const plan = planArgoRollback(sync(a, { prune: true }))
    expect(plan).toEqual({
      action: 'sync',
      fromId: 3,
      toId: 2,
      targetRevisions: ['bbbbbbbb22'],
      removedAutomation: { prune: true, selfHeal: false },
      reenableCommand: 'argocd app set api --sync-policy automated --auto-prune',
      patch: {
        type: 'merge',
        body: {
          metadata: { resourceVersion: '42' },
          spec: { syncPolicy: { automated: null } },
          operation: {
            sync: {
              revision: 'bbbbbbbb22',
              source,
              prune: true,
              syncOptions: ['ServerSideApply=true'],
              syncStrategy: { apply: {} }
            },
            initiatedBy: { username: 'deploy-guard' },
            info: [{ name: 'Reason', value: 'deploy-guard rollback to history id 2' }]
          },
          status: { operationState: null }
        }
      }
    })
  })

  it('auto-sync already off: the patch leaves spec alone', () => {
    const plan = planArgoRollback(sync(app()))
    expect(plan.action === 'sync' && plan.patch.body).not.toHaveProperty('spec')
    expect(plan).toMatchObject({ removedAutomation: undefined, reenableCommand: undefined })
  })

  it('refusal texts give the commands to run, with --app-namespace outside argocd', () => {
    expect(planArgoRollback({ app: app({ automated: {}, namespace: 'team' }), mode: 'refuse' })).toMatchObject({
      manualCommand:
        'argocd app set api --app-namespace team --sync-policy none && argocd app rollback api 2 --app-namespace team'
    })
    expect(planArgoRollback({ app: app(), mode: 'refuse' })).toMatchObject({
      message:
        'Workload managed by Argo CD application "api": deploy-guard did not roll it back, because a plain undo would leave it OutOfSync and the next sync would put Git\'s version back. Roll back through Argo CD (`argocd app rollback api 2`); or set `rollback.argocd: sync` to let deploy-guard do this.'
    })
  })
})

describe('helpers', () => {
  it('autoSyncEnabled', () => {
    expect(autoSyncEnabled(app())).toBe(false)
    expect(autoSyncEnabled(app({ automated: null }))).toBe(false)
    expect(autoSyncEnabled(app({ automated: {} }))).toBe(true)
    expect(autoSyncEnabled(app({ automated: { enabled: true } }))).toBe(true)
    expect(autoSyncEnabled(app({ automated: { enabled: false } }))).toBe(false)
  })
  it('pickHistoryEntry matches multi-source revisions', () => {
    const multi = app({
      history: [
        { id: 1, revisions: ['aaaaaaaa11', '1.0.0'], sources: [source] },
        { id: 2, revisions: ['bbbbbbbb22', '1.1.0'], sources: [source] }
      ]
    })
    expect(pickHistoryEntry(multi, undefined, '1.0.0')).toMatchObject({ entry: { id: 1 } })
  })
})
