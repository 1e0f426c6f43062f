import { describe, expect, it } from '@jest/globals'
import { builtinResources } from './resources.js'
import { fieldMatcher, labelMatcher, parseLabelSelector } from './api/selectors.js'
import type { StoredObject } from './store.js'

describe('label selectors', () => {
  it.each<[string, Array<{ key: string; operator: string; values: string[] }>]>([
    ['', []],
    ['app=web', [{ key: 'app', operator: '=', values: ['web'] }]],
    ['app==web', [{ key: 'app', operator: '=', values: ['web'] }]],
    ['app != web', [{ key: 'app', operator: '!=', values: ['web'] }]],
    ['env in (prod, staging)', [{ key: 'env', operator: 'in', values: ['prod', 'staging'] }]],
    ['env notin (dev)', [{ key: 'env', operator: 'notin', values: ['dev'] }]],
    ['tier', [{ key: 'tier', operator: 'exists', values: [] }]],
    ['!canary', [{ key: 'canary', operator: '!', values: [] }]],
    ['app.kubernetes.io/name=web', [{ key: 'app.kubernetes.io/name', operator: '=', values: ['web'] }]],
    ['empty=', [{ key: 'empty', operator: '=', values: [''] }]],
    ['n>3', [{ key: 'n', operator: 'gt', values: ['3'] }]],
    [
      'app=web,env in (a,b),!x',
      [
        { key: 'app', operator: '=', values: ['web'] },
        { key: 'env', operator: 'in', values: ['a', 'b'] },
        { key: 'x', operator: '!', values: [] }
      ]
    ]
  ])('parses %j', (selector, expected) => {
    expect(parseLabelSelector(selector)).toEqual(expected)
  })

  it.each(['app=web=x', 'a in b', 'a,,b', '=web', 'bad key=1', 'a=b c', 'n>x'])(
    'rejects %j with 400 BadRequest',
    (selector) => {
      expect(() => parseLabelSelector(selector)).toThrow(expect.objectContaining({ code: 400, reason: 'BadRequest' }))
    }
  )

  const labels = { app: 'web', env: 'prod', n: '5' }
  it.each<[string, boolean]>([
    ['app=web', true],
    ['app=api', false],
    ['app!=api', true],
    ['missing!=x', true],
    ['env in (prod,staging)', true],
    ['env notin (prod)', false],
    ['missing notin (prod)', true],
    ['missing in (prod)', false],
    ['app', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['n>4,n<6', true],
    ['app=web,env=dev', false]
  ])('%j matches %j', (selector, expected) => {
    expect(labelMatcher(selector)(labels)).toBe(expected)
  })
})

describe('field selectors', () => {
  const events = builtinResources.find((r) => r.resource === 'events' && r.group === '')!
  const pods = builtinResources.find((r) => r.resource === 'pods')!
  const event = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'e', namespace: 'ns' },
    involvedObject: { kind: 'Pod', name: 'p1' },
    type: 'Warning',
    reason: 'BackOff'
  } as StoredObject

  it.each<[string, boolean]>([
    ['involvedObject.kind=Pod,involvedObject.name=p1', true],
    ['involvedObject.name=p2', false],
    ['type=Warning,reason!=Pulled', true],
    ['metadata.namespace==ns', true],
    ['metadata.name!=e', false]
  ])('events: %j matches %j', (selector, expected) => {
    expect(fieldMatcher(selector, events)(event)).toBe(expected)
  })

  it('selects pods by spec.nodeName and status.phase, and rejects unknown fields', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { nodeName: 'n1' },
      status: { phase: 'Running' }
    } as StoredObject
    expect(fieldMatcher('spec.nodeName=n1,status.phase=Running', pods)(pod)).toBe(true)
    expect(fieldMatcher('status.phase!=Running', pods)(pod)).toBe(false)
    expect(() => fieldMatcher('spec.image=x', pods)).toThrow(expect.objectContaining({ code: 400 }))
    expect(() => fieldMatcher('reason=x', pods)).toThrow(expect.objectContaining({ code: 400 }))
  })
})
