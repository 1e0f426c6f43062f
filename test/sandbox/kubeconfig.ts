/** The kubeconfig a client uses to reach the sandbox: CA data, bearer token, names all `sandbox`. */
import YAML from 'yaml'

export function kubeconfigYaml(url: string, caPem: string, token: string): string {
  return YAML.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      { name: 'sandbox', cluster: { server: url, 'certificate-authority-data': Buffer.from(caPem).toString('base64') } }
    ],
    users: [{ name: 'sandbox', user: { token } }],
    contexts: [{ name: 'sandbox', context: { cluster: 'sandbox', user: 'sandbox', namespace: 'default' } }],
    'current-context': 'sandbox',
    preferences: {}
  })
}
