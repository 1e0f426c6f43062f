import { describe, expect, it } from '@jest/globals'
import { KubeConfig } from '@kubernetes/client-node'
import { loadKubeConfig } from '../../src/kube/kubeconfig.js'
import { createKubeApi } from '../../src/kube/client.js'

const valid = (extra = '') => `apiVersion: v1
kind: Config
clusters:
- name: prod
  cluster: { server: "https://prod.example:6443" }
- name: dev
  cluster: { server: "http://dev.example:8080" }
users:
- name: ci
  user: { token: s3cr3t-token }
contexts:
- name: prod
  context: { cluster: prod, user: ci }
- name: dev
  context: { cluster: dev, user: ci }
${extra}`

const load = (kubeconfig: string, context?: string) => () => loadKubeConfig(new KubeConfig(), { kubeconfig, context })

describe('loadKubeConfig', () => {
  it.each([
    ['not YAML', 'clusters: [oops\ntoken: s3cr3t-token', 'kubeconfig is not valid YAML (line 2)', undefined],
    [
      'unknown context',
      valid('current-context: prod'),
      'context "staging" not found in kubeconfig (available: prod, dev)',
      'staging'
    ],
    [
      'no current context',
      valid(),
      'kubeconfig has no current context (available: prod, dev); set current-context or the context input',
      undefined
    ],
    [
      'current context missing',
      valid('current-context: gone'),
      'current context "gone" not found in kubeconfig (available: prod, dev)',
      undefined
    ],
    [
      'plain http without skip-verify',
      valid('current-context: dev'),
      'cluster "dev" uses plain HTTP (http://dev.example:8080); use https or set insecure-skip-tls-verify: true',
      undefined
    ],
    [
      'cluster without server',
      'clusters:\n- name: c\n  cluster: {}\n',
      'kubeconfig is invalid: clusters[0].cluster.server is missing',
      undefined
    ]
  ])('%s', (_name: string, text: string, message: string, context: string | undefined) => {
    expect(load(text, context)).toThrow(message)
    try {
      load(text, context)()
    } catch (error) {
      expect((error as Error).message).not.toContain('s3cr3t')
    }
  })

  it('selects the context asked for', () => {
    const kc = new KubeConfig()
    loadKubeConfig(kc, { kubeconfig: valid('current-context: dev'), context: 'prod' })
    expect(kc.getCurrentCluster()?.server).toBe('https://prod.example:6443')
  })

  it('createKubeApi exposes the server and counts no requests before use', async () => {
    const api = await createKubeApi({ kubeconfig: valid('current-context: prod') })
    expect(api.server).toBe('https://prod.example:6443')
    expect(api.requestCount).toBe(0)
    expect((await api.resourceFor('deployment')).resource).toBe('deployments')
    expect(api.requestCount).toBe(0)
    await api.close()
  })
})
