import { describe, expect, it } from '@jest/globals'
import { computeKStatus } from '../../src/evaluate/kstatus.js'
import type { KubeObject } from '../../src/kube/api.js'

const obj = (metadata: Partial<KubeObject['metadata']>, status?: Record<string, unknown>): KubeObject => ({
  kind: 'Application',
  metadata: { name: 'x', ...metadata },
  status
})
const cond = (type: string, status: string, reason?: string, message?: string) => ({ type, status, reason, message })

describe('computeKStatus (generic rules)', () => {
  it.each([
    [
      'deletion wins over everything',
      obj({ deletionTimestamp: '2024-01-01T00:00:00Z', generation: 2 }, { observedGeneration: 1 }),
      'Terminating',
      'Resource scheduled for deletion'
    ],
    [
      'generation not observed',
      obj({ generation: 3 }, { observedGeneration: 2, conditions: [cond('Ready', 'True')] }),
      'InProgress',
      'Application generation is 3, but latest observed generation is 2'
    ],
    [
      'no observedGeneration: not comparable',
      obj({ generation: 3 }, { conditions: [cond('Ready', 'True')] }),
      'Current',
      'Resource is Ready'
    ],
    [
      'Reconciling=True',
      obj({}, { conditions: [cond('Reconciling', 'True', 'Progressing', 'applying')] }),
      'InProgress',
      'applying'
    ],
    [
      'Stalled=True',
      obj({}, { conditions: [cond('Stalled', 'True', 'BuildFailed', 'kustomize build failed')] }),
      'Failed',
      'kustomize build failed'
    ],
    [
      'first of Reconciling/Stalled wins in order',
      obj({}, { conditions: [cond('Stalled', 'True', 'X', 'stalled'), cond('Reconciling', 'True', 'Y', 'rec')] }),
      'Failed',
      'stalled'
    ],
    [
      'Reconciling=False is ignored',
      obj({}, { conditions: [cond('Reconciling', 'False'), cond('Ready', 'True')] }),
      'Current',
      'Resource is Ready'
    ],
    [
      'Ready=False',
      obj({}, { conditions: [cond('Ready', 'False', 'HealthCheckFailed', 'pods not ready')] }),
      'InProgress',
      'pods not ready'
    ],
    [
      'Ready=Unknown',
      obj({}, { conditions: [cond('Ready', 'Unknown', 'Progressing', 'reconciliation in progress')] }),
      'InProgress',
      'reconciliation in progress'
    ],
    ['no conditions', obj({ generation: 1 }, { observedGeneration: 1 }), 'Current', 'Resource is current'],
    ['no status at all', obj({}), 'Current', 'Resource is current']
  ])('%s', (_name, input, status, message) => {
    expect(computeKStatus(input)).toMatchObject({ status, message })
  })
})
