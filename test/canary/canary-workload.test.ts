/**
 * The canary Deployment made from the stable one (issue 10): the track label on pods and selector,
 * new images, 0 replicas, and a refusal when the stable's selector would select the canary's pods;
 * ensureCanaryWorkload against the in-memory KubeApi; and the promoted template.
 */
import { describe, expect, it } from '@jest/globals'
import { ensureCanaryWorkload } from '../../src/act/canary-workload.js'
import { promotedTemplate } from '../../src/act/promote.js'
import { canaryManifest, CanaryManifestError, TRACK_LABEL } from '../../src/canary/canary-manifest.js'
import type { KubeObject } from '../../src/kube/api.js'
import { RESOURCES } from '../../src/kube/resources.js'
import { FakeKubeApi } from '../fakes/kube-api.js'

function stable(selector: Record<string, unknown>, labels: Record<string, string>, containers = ['app']): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'shop',
      uid: 'u1',
      resourceVersion: '7',
      labels: { app: 'web' },
      annotations: { 'deployment.kubernetes.io/revision': '4' }
    },
    spec: {
      replicas: 5,
      selector,
      template: {
        metadata: { labels, annotations: { 'prometheus.io/scrape': 'true' } },
        spec: { containers: containers.map((name) => ({ name, image: `registry/${name}:1.0.0` })) }
      }
    },
    status: { readyReplicas: 5 }
  }
}

const SEPARATE = stable(
  { matchLabels: { app: 'web', [TRACK_LABEL]: 'stable' } },
  { app: 'web', [TRACK_LABEL]: 'stable' }
)

describe('canaryManifest', () => {
  it('copies the template with the track label, the new image and 0 replicas; no status or server fields', () => {
    const made = canaryManifest(SEPARATE, 'web-canary', { '*': 'registry/app:2.0.0' }) as KubeObject & {
      spec: Record<string, unknown>
    }
    expect(made.metadata).toEqual({
      name: 'web-canary',
      namespace: 'shop',
      labels: { app: 'web', [TRACK_LABEL]: 'canary' },
      annotations: { 'deploy-guard.io/created-from': 'web' }
    })
    expect(made.spec).toEqual({
      replicas: 0,
      selector: { matchLabels: { app: 'web', [TRACK_LABEL]: 'canary' } },
      template: {
        metadata: { labels: { app: 'web', [TRACK_LABEL]: 'canary' }, annotations: { 'prometheus.io/scrape': 'true' } },
        spec: { containers: [{ name: 'app', image: 'registry/app:2.0.0' }] }
      }
    })
    expect(made.status).toBeUndefined()
  })

  it('refuses a stable whose selector would select the canary pods, saying what to change', () => {
    const overlapping = stable({ matchLabels: { app: 'web' } }, { app: 'web' })
    expect(() => canaryManifest(overlapping, 'web-canary', { '*': 'x:2' })).toThrow(
      /Deployment shop\/web's selector \(app=web\) would also select the canary's pods.*deploy-guard\.io\/track: stable/
    )
  })

  it("puts blue-green's green labels in place of the stable's, in the pod labels and the selector", () => {
    const blue = stable({ matchLabels: { app: 'web', colour: 'blue' } }, { app: 'web', colour: 'blue', tier: 'fe' })
    const green = canaryManifest(blue, 'web-green', { '*': 'registry/app:2.0.0' }, 'green', {
      colour: 'green'
    }) as unknown as {
      spec: {
        selector: { matchLabels: Record<string, string> }
        template: { metadata: { labels: Record<string, string> } }
      }
    }
    expect(green.spec.template.metadata.labels).toEqual({
      app: 'web',
      colour: 'green',
      tier: 'fe',
      [TRACK_LABEL]: 'green'
    })
    expect(green.spec.selector.matchLabels).toEqual({ app: 'web', colour: 'green', [TRACK_LABEL]: 'green' })
    // Without a label that sets them apart, blue's selector would adopt green's pods: refused.
    const loose = stable({ matchLabels: { app: 'web' } }, { app: 'web', colour: 'blue' })
    expect(() => canaryManifest(loose, 'web-green', { '*': 'x:2' }, 'green', { colour: 'green' })).toThrow(
      CanaryManifestError
    )
  })

  it('names the containers when the image input does not fit the pod', () => {
    const two = stable(
      { matchLabels: { app: 'web', [TRACK_LABEL]: 'stable' } },
      { app: 'web', [TRACK_LABEL]: 'stable' },
      ['app', 'proxy']
    )
    expect(() => canaryManifest(two, 'c', { '*': 'x:2' })).toThrow(
      'has 2 containers (app, proxy): name the one to change'
    )
    expect(() => canaryManifest(two, 'c', { api: 'x:2' })).toThrow('has no container "api" (containers: app, proxy)')
    expect(() => canaryManifest(two, 'c', { api: 'x:2' })).toThrow(CanaryManifestError)
  })
})

describe('ensureCanaryWorkload', () => {
  it('creates a missing canary from the stable, and uses an existing one (with the new images)', async () => {
    const api = new FakeKubeApi().add(RESOURCES.Deployment, SEPARATE)
    const spec = { namespace: 'shop', stable: 'web', name: 'web-canary', images: { app: 'registry/app:2.0.0' } }
    expect(await ensureCanaryWorkload(api, spec)).toEqual({ created: true })
    expect(await ensureCanaryWorkload(api, spec)).toEqual({ created: false })
    expect(await ensureCanaryWorkload(api, { ...spec, images: { app: 'registry/app:2.0.1' } })).toEqual({
      created: false
    })
    const canary = api.stored<
      KubeObject & { spec: { replicas: number; template: { spec: { containers: Array<{ image: string }> } } } }
    >(RESOURCES.Deployment, 'shop', 'web-canary')!
    expect(canary.spec.replicas).toBe(0)
    expect(canary.spec.template.spec.containers[0]!.image).toBe('registry/app:2.0.1')
  })

  it('without images a missing canary is an error saying how to get one', async () => {
    const api = new FakeKubeApi().add(RESOURCES.Deployment, SEPARATE)
    await expect(ensureCanaryWorkload(api, { namespace: 'shop', stable: 'web', name: 'web-canary' })).rejects.toThrow(
      'Deployment shop/web-canary not found: create the canary Deployment, name it in canary.workload, or give the image input'
    )
  })
})

describe('promotedTemplate', () => {
  it("is the canary's template without the track label, keeping the stable's selector labels and its other labels", () => {
    const stableObject = stable(
      { matchLabels: { app: 'web', [TRACK_LABEL]: 'stable' } },
      { app: 'web', [TRACK_LABEL]: 'stable', team: 'shop' }
    )
    const canary = canaryManifest(SEPARATE, 'web-canary', { '*': 'registry/app:2.0.0' }) as KubeObject & {
      spec: { template: { metadata: { labels: Record<string, string>; annotations: Record<string, string> } } }
    }
    canary.spec.template.metadata.labels.version = '2.0.0'
    canary.spec.template.metadata.annotations = { 'prometheus.io/port': '9100' }
    expect(promotedTemplate(stableObject, canary)).toEqual({
      metadata: {
        labels: { app: 'web', [TRACK_LABEL]: 'stable', team: 'shop', version: '2.0.0' },
        annotations: { 'prometheus.io/port': '9100' }
      },
      spec: { containers: [{ name: 'app', image: 'registry/app:2.0.0' }] }
    })
  })
})
