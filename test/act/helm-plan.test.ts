/** The pure Helm rollback plan and command line: tables. */
import { describe, expect, it } from '@jest/globals'
import {
  helmCommandLine,
  helmRollbackArgs,
  planHelmRollback,
  previousDeployedRevision,
  type HelmPlanInput,
  type HelmRevision,
  type HelmRollbackPlan
} from '../../src/act/rollback/helm-plan.js'
import { shellWord } from '../../src/util/shell.js'

const h = (...statuses: string[]): HelmRevision[] => statuses.map((status, i) => ({ version: i + 1, status }))
const input = (history: HelmRevision[], extra: Partial<HelmPlanInput> = {}): HelmPlanInput => ({
  release: 'api',
  namespace: 'shop',
  history,
  ...extra
})

describe('planHelmRollback', () => {
  const cases: Array<[string, HelmPlanInput, Partial<HelmRollbackPlan>]> = [
    [
      'previous deployed: v1 superseded, v2 deployed',
      input(h('superseded', 'deployed')),
      { action: 'rollback', fromRevision: 2, toRevision: 1 }
    ],
    [
      'a failed upgrade on top: the still-deployed revision below it',
      input(h('superseded', 'deployed', 'failed')),
      { action: 'rollback', fromRevision: 3, toRevision: 2 }
    ],
    [
      "two failed upgrades in a row: past them to the last that ran (Helm's current−1 would pick a failed one)",
      input(h('superseded', 'deployed', 'failed', 'failed')),
      { action: 'rollback', fromRevision: 4, toRevision: 2 }
    ],
    [
      'the recorded revision wins over "previous"',
      input(h('superseded', 'superseded', 'deployed'), { recordedRevision: 1 }),
      { action: 'rollback', toRevision: 1 }
    ],
    [
      'an explicit revision wins over the recorded one',
      input(h('superseded', 'superseded', 'deployed'), { recordedRevision: 1, toRevision: 2 }),
      { action: 'rollback', toRevision: 2 }
    ],
    [
      'recorded = current: the deploy changed nothing, skip',
      input(h('superseded', 'deployed'), { recordedRevision: 2 }),
      {
        action: 'skip',
        fromRevision: 2,
        toRevision: 2,
        message: 'skipped rollback (Helm release "api" is still at revision 2: the deploy did not change the release)'
      }
    ],
    ['no history: release not found', input([]), { action: 'refuse', reason: 'release-not-found' }],
    [
      'only one revision: nothing before it',
      input(h('deployed')),
      { action: 'refuse', reason: 'no-previous', fromRevision: 1 }
    ],
    ['nothing before it ever ran', input(h('failed', 'failed')), { action: 'refuse', reason: 'no-previous' }],
    [
      'an operation in progress',
      input(h('superseded', 'deployed', 'pending-upgrade')),
      { action: 'refuse', reason: 'operation-in-progress', fromRevision: 3 }
    ],
    [
      'a pruned recorded revision',
      input(
        [
          { version: 5, status: 'superseded' },
          { version: 6, status: 'deployed' }
        ],
        { recordedRevision: 2 }
      ),
      { action: 'refuse', reason: 'revision-not-found' }
    ]
  ]
  it.each(cases)('%s', (_title, given, expected) => {
    expect(planHelmRollback(given)).toMatchObject(expected)
  })

  it('messages name the release, the namespace and what to do', () => {
    expect(planHelmRollback(input([]))).toMatchObject({
      message:
        'Helm release "api" was not found in namespace "shop" (no Secrets labelled owner=helm,name=api); check the meta.helm.sh/release-name and meta.helm.sh/release-namespace annotations of the workload.'
    })
    expect(planHelmRollback(input(h('superseded', 'deployed', 'pending-upgrade')))).toMatchObject({
      message:
        'Helm release "api" has an operation in progress (revision 3 is pending-upgrade); Helm refuses to roll back until it ends. If it was interrupted, see `helm history api -n shop`.'
    })
    expect(
      planHelmRollback(
        input(
          [
            { version: 5, status: 'superseded' },
            { version: 6, status: 'deployed' }
          ],
          { recordedRevision: 2 }
        )
      )
    ).toMatchObject({
      message:
        'Helm release "api" has no revision 2 (recorded by the snapshot); it keeps revisions 5–6 (older ones are pruned by --history-max).'
    })
  })

  it('previousDeployedRevision ignores failed, pending and newer revisions', () => {
    expect(previousDeployedRevision(h('deployed', 'failed', 'superseded', 'pending-rollback'), 4)).toBe(3)
    expect(previousDeployedRevision(h('deployed', 'superseded'), 1)).toBeUndefined()
  })
})

describe('the helm command', () => {
  const command = { release: 'api', namespace: 'shop', toRevision: 3, timeoutMs: 299_001 }
  it('argv: revision, namespace, --wait, --timeout in whole seconds, the cluster deploy-guard uses', () => {
    expect(helmRollbackArgs({ ...command, kubeconfigPath: '/tmp/kc', context: 'prod' })).toEqual([
      'rollback',
      'api',
      '3',
      '--namespace',
      'shop',
      '--wait',
      '--timeout',
      '300s',
      '--kubeconfig',
      '/tmp/kc',
      '--kube-context',
      'prod'
    ])
    expect(helmRollbackArgs({ ...command, timeoutMs: 10 })).toContain('1s')
  })
  it('the command line shown to people leaves the temporary kubeconfig out and quotes what a shell would split', () => {
    expect(helmCommandLine({ ...command, kubeconfigPath: '/tmp/kc', context: 'my ctx' })).toBe(
      "helm rollback api 3 --namespace shop --wait --timeout 300s --kube-context 'my ctx'"
    )
    expect(shellWord("it's")).toBe(`'it'\\''s'`)
    expect(shellWord('a$(b)')).toBe(`'a$(b)'`)
  })
})
