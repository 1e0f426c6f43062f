import { describe, expect, it } from '@jest/globals'
import { ROLLOUT_LOOKBACK_MS, rolloutSince, warningEventsSince } from '../../src/evaluate/events.js'
import type { KubeEvent } from '../../src/evaluate/k8s-types.js'

const ev = (e: Partial<KubeEvent> & { at?: string; on?: { kind: string; name: string; uid?: string } }): KubeEvent => ({
  metadata: { name: `ev-${Math.random()}`, creationTimestamp: e.at },
  type: 'Warning',
  reason: 'BackOff',
  message: 'Back-off restarting failed container',
  involvedObject: e.on ?? { kind: 'Pod', name: 'api-1', uid: 'p1' },
  lastTimestamp: e.at,
  ...e
})

const subjects = [
  { kind: 'Deployment', name: 'api', uid: 'd1' },
  { kind: 'ReplicaSet', name: 'api-bbb', uid: 'rs1' },
  { kind: 'Pod', name: 'api-1', uid: 'p1' }
]
const since = new Date('2024-05-01T12:00:00Z')

describe('warningEventsSince', () => {
  it.each([
    ['after since counts', [ev({ at: '2024-05-01T12:00:30Z' })], 1],
    ['in the same second as since counts', [ev({ at: '2024-05-01T12:00:00Z' })], 1],
    ['before since is ignored', [ev({ at: '2024-05-01T11:59:59Z' })], 0],
    ['Normal events are ignored', [ev({ at: '2024-05-01T12:01:00Z', type: 'Normal' })], 0],
    [
      'other objects are ignored',
      [ev({ at: '2024-05-01T12:01:00Z', on: { kind: 'Pod', name: 'web-1', uid: 'w1' } })],
      0
    ],
    [
      'uid decides when both sides have one',
      [ev({ at: '2024-05-01T12:01:00Z', on: { kind: 'Pod', name: 'api-1', uid: 'old-pod-same-name' } })],
      0
    ],
    [
      'kind+name when the event has no uid',
      [ev({ at: '2024-05-01T12:01:00Z', on: { kind: 'ReplicaSet', name: 'api-bbb' } })],
      1
    ],
    [
      'series.lastObservedTime wins over an old lastTimestamp',
      [ev({ at: '2024-05-01T11:00:00Z', series: { count: 3, lastObservedTime: '2024-05-01T12:05:00Z' } })],
      1
    ],
    [
      'eventTime when there is no lastTimestamp',
      [ev({ lastTimestamp: null, eventTime: '2024-05-01T12:05:00.123456Z' })],
      1
    ],
    ['ignored reasons', [ev({ at: '2024-05-01T12:01:00Z', reason: 'FailedMount' })], 0]
  ])('%s', (_name, events, groups) => {
    expect(warningEventsSince(events, { subjects, since, ignoreReasons: ['FailedMount'] })).toHaveLength(groups)
  })

  it('de-duplicates by reason, message and object, summing counts, newest first', () => {
    const groups = warningEventsSince(
      [
        ev({ at: '2024-05-01T12:01:00Z', count: 3 }),
        ev({ at: '2024-05-01T12:02:00Z', count: 2 }),
        ev({
          at: '2024-05-01T12:03:00Z',
          reason: 'FailedCreate',
          message: 'quota exceeded',
          on: { kind: 'ReplicaSet', name: 'api-bbb', uid: 'rs1' }
        })
      ],
      { subjects, since, ignoreReasons: [] }
    )
    expect(groups).toEqual([
      {
        reason: 'FailedCreate',
        message: 'quota exceeded',
        object: 'ReplicaSet/api-bbb',
        count: 1,
        lastSeen: '2024-05-01T12:03:00Z'
      },
      {
        reason: 'BackOff',
        message: 'Back-off restarting failed container',
        object: 'Pod/api-1',
        count: 5,
        lastSeen: '2024-05-01T12:02:00Z'
      }
    ])
  })
})

describe('rolloutSince', () => {
  const verifyStart = new Date('2024-05-01T12:00:00Z')
  it.each([
    ['revision created just before the verify: its creation', '2024-05-01T11:58:00Z', '2024-05-01T11:58:00.000Z'],
    ['revision created after the verify began: verify start', '2024-05-01T12:01:00Z', '2024-05-01T12:00:00.000Z'],
    [
      'old revision (no-op deploy or undo): capped look-back',
      '2024-04-01T00:00:00Z',
      new Date(verifyStart.getTime() - ROLLOUT_LOOKBACK_MS).toISOString()
    ],
    ['unknown: verify start', undefined, '2024-05-01T12:00:00.000Z']
  ])('%s', (_name, created, expected) => {
    expect(rolloutSince(verifyStart, created).toISOString()).toBe(expected)
  })
})
