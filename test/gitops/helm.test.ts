import { describe, expect, it } from '@jest/globals'
import { gzipSync } from 'node:zlib'
import { decodeHelmRelease, type HelmReleaseRecord } from '../../src/gitops/helm-decode.js'
import { checkHelm, evaluateHelmRelease, latestReleaseSecret } from '../../src/gitops/helm.js'
import { SECRETS } from '../../src/gitops/resources.js'
import type { CheckStatus } from '../../src/model/result.js'
import { FakeKubeApi as FakeKube } from '../fakes/kube-api.js'
import { encodeRelease, releaseSecret } from './helm-fixtures.js'

describe('decodeHelmRelease', () => {
  const release = {
    name: 'api',
    namespace: 'prod',
    version: 7,
    info: { status: 'deployed', description: 'Upgrade complete' },
    chart: { metadata: { name: 'api', version: '1.2.3' }, templates: [{ name: 'x', data: 'eA==' }] },
    manifest: '---\nkind: Deployment'
  }

  it('decodes base64 → base64 → gzip → JSON and keeps only what is reported', () => {
    const encoded = encodeRelease(release)
    // The fixture really is gzip underneath two base64 layers.
    expect([...Buffer.from(Buffer.from(encoded, 'base64').toString(), 'base64').subarray(0, 3)]).toEqual([
      0x1f, 0x8b, 0x08
    ])
    expect(decodeHelmRelease(encoded)).toEqual({
      name: 'api',
      namespace: 'prod',
      version: 7,
      info: { status: 'deployed', description: 'Upgrade complete' },
      chart: { metadata: { name: 'api', version: '1.2.3' } }
    })
  })

  it('accepts uncompressed JSON, as Helm does', () => {
    expect(decodeHelmRelease(encodeRelease(release, false)).info?.status).toBe('deployed')
  })

  it.each([
    ['empty', ''],
    ['not JSON', Buffer.from(Buffer.from('hello').toString('base64')).toString('base64')],
    ['gzip of garbage', Buffer.from(gzipSync(Buffer.from('{oops')).toString('base64')).toString('base64')],
    ['JSON scalar', encodeRelease(42 as unknown as object)]
  ])('rejects %s with an explanation', (_name, data) => {
    expect(() => decodeHelmRelease(data)).toThrow(/release data/)
  })
})

describe('latestReleaseSecret', () => {
  it('picks the highest numeric version, not the last listed or lexically highest', () => {
    const secrets = [2, 10, 9].map((version) =>
      releaseSecret({ name: 'api', namespace: 'prod', version, status: 'superseded', description: '' })
    )
    expect(latestReleaseSecret(secrets)?.metadata.name).toBe('sh.helm.release.v1.api.v10')
  })
  it('falls back to the name suffix when the label is missing', () => {
    const secret = releaseSecret({ name: 'api', namespace: 'prod', version: 3, status: 'deployed', description: '' })
    delete secret.metadata.labels?.version
    expect(latestReleaseSecret([secret])).toBe(secret)
  })
  it('is undefined for no secrets', () => {
    expect(latestReleaseSecret([])).toBeUndefined()
  })
})

describe('evaluateHelmRelease', () => {
  const record = (status: string, description: string): HelmReleaseRecord => ({
    name: 'api',
    version: 5,
    info: { status, description },
    chart: { metadata: { name: 'api', version: '1.2.3' } }
  })
  const cases: Array<[string, string, CheckStatus, RegExp | null]> = [
    ['deployed', 'Upgrade complete', 'passed', null],
    [
      'failed',
      'Upgrade "api" failed: context deadline exceeded',
      'failed',
      /is failed: Upgrade "api" failed: context deadline exceeded/
    ],
    [
      'pending-upgrade',
      'Preparing upgrade',
      'failed',
      /pending-upgrade: an operation is still running or was interrupted: Preparing upgrade/
    ],
    ['pending-install', 'Initial install underway', 'failed', /pending-install/],
    ['pending-rollback', 'Rollback to 4', 'failed', /pending-rollback.*Rollback to 4/],
    ['uninstalling', 'Deletion in progress', 'failed', /uninstalling: Deletion in progress/],
    ['superseded', 'Upgrade complete', 'failed', /superseded/],
    ['uninstalled', 'Uninstallation complete', 'failed', /uninstalled/],
    ['unknown', '', 'inconclusive', /unknown/]
  ]
  it.each(cases)('%s', (status, description, expected, reason) => {
    const row = evaluateHelmRelease('api', record(status, description), 'prod')
    expect(row).toMatchObject({ id: 'helm', title: 'Helm release api', expected: 'deployed', status: expected })
    expect(row.actual).toBe(`${status} (revision 5, chart api-1.2.3${description ? `, ${description}` : ''})`)
    if (reason) expect(row.reason).toMatch(reason)
    else expect(row.reason).toBeUndefined()
  })

  it('reports a missing release as failed', () => {
    expect(evaluateHelmRelease('api', undefined, 'prod')).toMatchObject({
      status: 'failed',
      actual: 'release not found',
      reason: expect.stringMatching(/owner=helm,name=api/)
    })
  })
})

describe('checkHelm', () => {
  it('reads the newest release Secret of that release in that namespace', async () => {
    const api = new FakeKube().add(
      SECRETS,
      releaseSecret({
        name: 'api',
        namespace: 'prod',
        version: 1,
        status: 'superseded',
        description: 'Install complete'
      }),
      releaseSecret({
        name: 'api',
        namespace: 'prod',
        version: 2,
        status: 'deployed',
        description: 'Upgrade complete'
      }),
      releaseSecret({
        name: 'api',
        namespace: 'staging',
        version: 9,
        status: 'failed',
        description: 'other namespace'
      }),
      releaseSecret({ name: 'worker', namespace: 'prod', version: 4, status: 'failed', description: 'other release' })
    )
    expect(await checkHelm(api, { release: 'api', namespace: 'prod' })).toEqual({
      id: 'helm',
      title: 'Helm release api',
      expected: 'deployed',
      actual: 'deployed (revision 2, chart api-1.2.3, Upgrade complete)',
      status: 'passed'
    })
  })

  it('fails a release whose newest revision failed', async () => {
    const api = new FakeKube().add(
      SECRETS,
      releaseSecret({
        name: 'api',
        namespace: 'prod',
        version: 2,
        status: 'deployed',
        description: 'Upgrade complete'
      }),
      releaseSecret({
        name: 'api',
        namespace: 'prod',
        version: 3,
        status: 'failed',
        description: 'Upgrade "api" failed: timed out'
      })
    )
    expect(await checkHelm(api, { release: 'api', namespace: 'prod' })).toMatchObject({
      status: 'failed',
      actual: expect.stringMatching(/^failed \(revision 3/)
    })
  })

  it('fails when there is no release', async () => {
    expect(await checkHelm(new FakeKube(), { release: 'api', namespace: 'prod' })).toMatchObject({
      status: 'failed',
      actual: 'release not found'
    })
  })

  it('is inconclusive when the Secret cannot be decoded', async () => {
    const secret = releaseSecret({ name: 'api', namespace: 'prod', version: 1, status: 'deployed', description: '' })
    secret.data = { release: Buffer.from('garbage').toString('base64') }
    const row = await checkHelm(new FakeKube().add(SECRETS, secret), { release: 'api', namespace: 'prod' })
    expect(row).toMatchObject({
      status: 'inconclusive',
      reason: expect.stringMatching(/Could not decode .*sh.helm.release.v1.api.v1/)
    })
  })
})
