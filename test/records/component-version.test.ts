import { describe, expect, it } from '@jest/globals'
import { imageVersion, versionChanges, versionsToRecord } from '../../src/records/component-version.js'
import { landedRollback, result, rolledBack, target } from './results.js'

describe('imageVersion', () => {
  it.each([
    ['registry/api:v1.2.3', 'v1.2.3'],
    ['registry.example.com:5000/team/api:1.2.3', '1.2.3'],
    ['registry.example.com:5000/team/api', 'latest'],
    ['api', 'latest'],
    ['api@sha256:abc123', 'sha256:abc123'],
    ['api:v2@sha256:abc123', 'v2']
  ])('%s → %s', (image, version) => {
    expect(imageVersion(image)).toBe(version)
  })
})

describe('versionsToRecord', () => {
  it('a passed deploy records the tag of each target’s first container', () => {
    const run = result({ targets: [target('api'), target('web', 'web:2.0.0', 'web:1.9.0')] })
    expect(versionsToRecord(run)).toEqual({ versions: { api: 'v1.2.3', web: '2.0.0' }, notes: [] })
  })

  it('the version input wins over the image tag', () => {
    expect(versionsToRecord(result(), '2026.01.02-abc').versions).toEqual({ api: '2026.01.02-abc' })
  })

  it.each(['failed', 'inconclusive'] as const)('a %s deploy without a rollback claims nothing', (verdict) => {
    const recorded = versionsToRecord(result({ verdict }))
    expect(recorded.versions).toEqual({})
    expect(recorded.notes[0]).toContain(`the verdict is ${verdict}`)
  })

  it('a landed rollback records the restored version, never the version input of the failed deploy', () => {
    expect(versionsToRecord(rolledBack(), '1.2.3').versions).toEqual({ api: 'v1.2.2' })
  })

  it('an unverified rollback to the previous revision records the previous revision’s version', () => {
    expect(versionsToRecord(rolledBack({ restored: undefined, state: 'rolled-back-unverified' })).versions).toEqual({
      api: 'v1.2.2'
    })
  })

  it('a rollback to an unknown version leaves the component alone, with a note', () => {
    const recorded = versionsToRecord(rolledBack({ restored: undefined, toRevision: 1 }))
    expect(recorded.versions).toEqual({})
    expect(recorded.notes[0]).toMatch(/^deployment\/api: /)
  })

  it('a dry run’s would-be rollback changes nothing, so nothing is claimed', () => {
    const run = { ...rolledBack({ state: 'dry-run', dryRun: true }), dryRun: true, action: 'none' as const }
    expect(versionsToRecord(run).versions).toEqual({})
  })

  it('a snapshot deploys nothing', () => {
    expect(versionsToRecord(result({ command: 'snapshot' })).versions).toEqual({})
  })

  it('a target without images is left alone with a note', () => {
    const run = result({ targets: [{ ...target(), images: undefined }] })
    expect(versionsToRecord(run)).toEqual({ versions: {}, notes: ['deployment/api: no image known; left as it is'] })
  })
})

describe('versionChanges', () => {
  it('old → new, and the restored version after a rollback', () => {
    expect(versionChanges(rolledBack())).toEqual([
      {
        component: 'api',
        target: 'deployment/api',
        namespace: 'production',
        old: 'v1.2.2',
        new: 'v1.2.3',
        restored: 'v1.2.2'
      }
    ])
  })

  it('only the landed rollback of the same target counts', () => {
    const run = rolledBack()
    run.rollback!.targets = [landedRollback({ ref: { kind: 'Deployment', name: 'api', namespace: 'staging' } })]
    expect(versionChanges(run)[0].restored).toBeUndefined()
  })
})
