/** Builds Helm 3 release Secrets exactly as the API returns them: base64(base64(gzip(JSON))). */
import { gzipSync } from 'node:zlib'
import type { HelmReleaseSecret } from '../../src/gitops/helm.js'

export interface ReleaseFixture {
  name: string
  namespace: string
  version: number
  status: string
  description: string
  chart?: { name: string; version: string }
}

export function encodeRelease(release: object, gzip = true): string {
  const json = Buffer.from(JSON.stringify(release))
  const helmEncoded = (gzip ? gzipSync(json) : json).toString('base64')
  return Buffer.from(helmEncoded).toString('base64')
}

export function releaseSecret(r: ReleaseFixture): HelmReleaseSecret {
  const chart = r.chart ?? { name: 'api', version: '1.2.3' }
  const release = {
    name: r.name,
    namespace: r.namespace,
    version: r.version,
    info: { status: r.status, description: r.description, first_deployed: '2025-01-01T00:00:00Z' },
    chart: { metadata: { name: chart.name, version: chart.version, appVersion: '1.0' }, templates: [] },
    config: {},
    manifest: '---\nkind: Deployment\n'
  }
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'helm.sh/release.v1',
    metadata: {
      name: `sh.helm.release.v1.${r.name}.v${r.version}`,
      namespace: r.namespace,
      labels: { owner: 'helm', name: r.name, status: r.status, version: String(r.version) }
    },
    data: { release: encodeRelease(release) }
  }
}
