import { describe, expect, it } from '@jest/globals'
import {
  decideAction,
  DEFAULT_ROLLBACK_POLICY,
  resolveRollbackPolicy,
  type ActionKind,
  type RollbackPolicy,
  type RollbackPolicySwitches
} from '../../src/decide/action.js'
import type { Verdict } from '../../src/model/result.js'

const policy = (onFailure: boolean, onInconclusive: boolean): RollbackPolicy => ({ onFailure, onInconclusive })

describe('decideAction', () => {
  it.each<[string, Verdict, RollbackPolicy, boolean, boolean, ActionKind, RegExp]>([
    ['passed never rolls back', 'passed', policy(true, true), false, false, 'none', /passed/],
    ['failed rolls back by default', 'failed', DEFAULT_ROLLBACK_POLICY, false, false, 'rollback', /failed/],
    ['failed with onFailure off: none', 'failed', policy(false, false), false, false, 'none', /onFailure: false/],
    [
      'inconclusive never rolls back unless asked',
      'inconclusive',
      DEFAULT_ROLLBACK_POLICY,
      false,
      false,
      'none',
      /never rolls back unless asked/
    ],
    [
      'inconclusive rolls back when asked',
      'inconclusive',
      policy(false, true),
      false,
      false,
      'rollback',
      /onInconclusive/
    ],
    [
      'dry run reports but never acts',
      'failed',
      DEFAULT_ROLLBACK_POLICY,
      true,
      false,
      'dry-run-rollback',
      /nothing was changed/
    ],
    ['dry run of a passed run: none', 'passed', DEFAULT_ROLLBACK_POLICY, true, false, 'none', /passed/],
    ['dry run with onFailure off: none', 'failed', policy(false, false), true, false, 'none', /onFailure/],
    ['a cancelled run never starts a rollback', 'inconclusive', policy(true, true), false, true, 'none', /cancelled/],
    [
      'a cancelled failed run never starts one either',
      'failed',
      DEFAULT_ROLLBACK_POLICY,
      false,
      true,
      'none',
      /cancelled/
    ],
    ['cancelled dry run: none', 'failed', DEFAULT_ROLLBACK_POLICY, true, true, 'none', /cancelled/]
  ])('%s', (_name, verdict, pol, dryRun, cancelled, kind, reason) => {
    const decision = decideAction(verdict, pol, dryRun, { cancelled })
    expect(decision.kind).toBe(kind)
    expect(decision.reason).toMatch(reason)
  })
})

describe('resolveRollbackPolicy', () => {
  it.each<[string, RollbackPolicySwitches | undefined, RollbackPolicySwitches | undefined, RollbackPolicy]>([
    ['defaults: roll back on failure only', undefined, undefined, policy(true, false)],
    ['config section applies', { onFailure: false, onInconclusive: true }, {}, policy(false, true)],
    [
      'inputs override the config',
      { onFailure: false, onInconclusive: true },
      { onFailure: true, onInconclusive: false },
      policy(true, false)
    ],
    ['an input overrides only what it sets', { onFailure: false }, { onInconclusive: true }, policy(false, true)],
    ['inputs without config', undefined, { onFailure: false }, policy(false, false)]
  ])('%s', (_name, config, inputs, expected) => {
    expect(resolveRollbackPolicy(config, inputs)).toEqual(expected)
  })
})
