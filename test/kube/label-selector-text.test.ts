import { describe, expect, it } from '@jest/globals'
import { labelSelectorPredicate } from '../../src/kube/label-selector-text.js'
import { selectorToString } from '../../src/evaluate/selector.js'

const labels = { app: 'api', 'pod-template-hash': 'bbb', 'app.kubernetes.io/part-of': 'shop' }

describe('labelSelectorPredicate', () => {
  it.each([
    ['', true],
    ['app=api', true],
    ['app==api', true],
    ['app=web', false],
    ['app=api,pod-template-hash=bbb', true],
    ['app=api, pod-template-hash=ccc', false],
    ['app!=web', true],
    ['missing!=x', true],
    ['app in (web,api)', true],
    ['app in (web)', false],
    ['missing in (a)', false],
    ['app notin (web)', true],
    ['missing notin (a)', true],
    ['app notin (api,web)', false],
    ['app.kubernetes.io/part-of', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['app in (api,web),!legacy,pod-template-hash=bbb', true]
  ])('%s → %s', (selector, expected) => {
    expect(labelSelectorPredicate(selector)?.(labels)).toBe(expected)
  })

  it('treats objects without labels as having none', () => {
    expect(labelSelectorPredicate('app=api')?.(undefined)).toBe(false)
    expect(labelSelectorPredicate('!app')?.(undefined)).toBe(true)
  })

  it.each(['version>1', 'app in (a', 'app=api,,x=y', 'app = a b', '(a)', 'app in ((a))'])(
    'leaves %s to the API server (undefined)',
    (selector) => {
      expect(labelSelectorPredicate(selector)).toBeUndefined()
    }
  )

  it('understands every form selectorToString writes', () => {
    const text = selectorToString({
      matchLabels: { app: 'api' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['web', 'api'] },
        { key: 'track', operator: 'NotIn', values: ['canary'] },
        { key: 'team', operator: 'Exists' },
        { key: 'legacy', operator: 'DoesNotExist' }
      ]
    })
    const matches = labelSelectorPredicate(text)
    expect(matches?.({ app: 'api', tier: 'web', team: 'x' })).toBe(true)
    expect(matches?.({ app: 'api', tier: 'web', team: 'x', track: 'canary' })).toBe(false)
    expect(matches?.({ app: 'api', tier: 'web', team: 'x', legacy: '' })).toBe(false)
  })
})
