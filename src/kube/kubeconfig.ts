/**
 * The credential source type, where default credentials would come from, and the client-node
 * loader. Since the fast path (src/kube/transport/kubeconfig.ts) reads kubeconfigs itself,
 * `loadKubeConfig` only serves the @kubernetes/client-node fallback (auth-provider users, proxies,
 * unrecognised fields), which hands it one already-selected context; its messages match the fast
 * path's. Error messages never quote the document: it may hold tokens or keys.
 */
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { KubeConfig } from '@kubernetes/client-node'

export interface KubeSource {
  /** Kubeconfig YAML content (e.g. from a secret). */
  kubeconfig?: string
  /** Context to use instead of the current one. */
  context?: string
}

/**
 * A `kubeconfig` input that cannot be a kubeconfig's content, said as what to do: a single line that
 * looks like a file path (`/home/runner/.kube/config`, `~/.kube/config`, `kubeconfig.yaml`) or like a
 * base64-encoded document. YAML would read either as a plain string ("not a mapping"), which tells a
 * user nothing. Never quotes the value.
 */
export function kubeconfigInputProblem(content: string): string | undefined {
  const value = content.trim()
  if (value === '' || /[\r\n]/.test(value) || /^[{[]/.test(value) || /:\s/.test(value)) return undefined
  const looksLikePath =
    /^(~|\.{1,2})?[\\/]/.test(value) ||
    /^[A-Za-z]:[\\/]/.test(value) ||
    /^\$\{?[A-Za-z_]/.test(value) ||
    /(^|[\\/])[^\s\\/]*(config|\.ya?ml|\.json|\.conf)$/i.test(value)
  if (looksLikePath) {
    return "the kubeconfig input expects the kubeconfig's content (YAML), not a path; to use a file, set KUBECONFIG in env or pass `${{ secrets.KUBECONFIG }}`"
  }
  if (/^[A-Za-z0-9+/]{40,}={0,2}$/.test(value)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8')
    if (/\b(clusters|apiVersion|current-context)\b/.test(decoded))
      return "the kubeconfig input looks base64-encoded; it expects the kubeconfig's content (YAML): decode it (base64 -d) before storing it in the secret"
  }
  return undefined
}

const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token'

/** Where the default loader would find credentials, or undefined when it would fall back to localhost:8080. */
export function defaultCredentialSource(env: NodeJS.ProcessEnv = process.env, home = homedir()): string | undefined {
  if (env.KUBECONFIG && env.KUBECONFIG.length > 0) return 'KUBECONFIG'
  if (home && existsSync(join(home, '.kube', 'config'))) return '~/.kube/config'
  if (env.KUBERNETES_SERVICE_HOST && existsSync(SERVICE_ACCOUNT_TOKEN)) return 'in-cluster service account'
  return undefined
}

/** Fills `kc` from the source and checks that a usable context, cluster and server are selected. */
export function loadKubeConfig(kc: KubeConfig, source: KubeSource): void {
  const content = source.kubeconfig?.trim()
  if (content) {
    const problem = kubeconfigInputProblem(content)
    if (problem) throw new Error(problem)
    try {
      kc.loadFromString(content)
    } catch (error) {
      throw new Error(describeLoadError(error))
    }
  } else {
    const from = defaultCredentialSource()
    if (!from) {
      throw new Error(
        'no Kubernetes credentials found: pass the kubeconfig input, set KUBECONFIG, provide ~/.kube/config or run in a cluster'
      )
    }
    try {
      kc.loadFromDefault()
    } catch (error) {
      throw new Error(`${describeLoadError(error)} (from ${from})`)
    }
  }
  selectContext(kc, source.context)
}

function describeLoadError(error: unknown): string {
  const e = error as { name?: string; mark?: { line?: number; column?: number }; message?: string }
  if (e?.name === 'YAMLException') {
    const where = e.mark?.line !== undefined ? ` (line ${e.mark.line + 1})` : ''
    return `kubeconfig is not valid YAML${where}`
  }
  // client-node's own validation messages name fields only (e.g. "clusters[0].cluster.server is missing").
  return `kubeconfig is invalid: ${e?.message ?? String(error)}`
}

function selectContext(kc: KubeConfig, wanted: string | undefined): void {
  const names = kc.getContexts().map((c) => c.name)
  const available = names.length > 0 ? names.join(', ') : 'none'
  if (wanted) {
    if (!names.includes(wanted))
      throw new Error(`context "${wanted}" not found in kubeconfig (available: ${available})`)
    kc.setCurrentContext(wanted)
  } else if (!kc.getCurrentContext()) {
    throw new Error(
      `kubeconfig has no current context (available: ${available}); set current-context or the context input`
    )
  }
  const name = kc.getCurrentContext()
  const context = kc.getContextObject(name)
  if (!context) throw new Error(`current context "${name}" not found in kubeconfig (available: ${available})`)
  const cluster = kc.getCurrentCluster()
  if (!cluster) throw new Error(`cluster "${context.cluster}" of context "${name}" not found in kubeconfig`)
  if (!/^https?:\/\//.test(cluster.server))
    throw new Error(`cluster "${cluster.name}" has an invalid server URL "${cluster.server}"`)
  if (cluster.server.startsWith('http:') && !cluster.skipTLSVerify) {
    throw new Error(
      `cluster "${cluster.name}" uses plain HTTP (${cluster.server}); use https or set insecure-skip-tls-verify: true`
    )
  }
}
