/**
 * Finds every secret value in the inputs and the validated config so the caller can mask it in logs
 * (core.setSecret) before anything is printed. Over-collecting is cheap; a leaked token is not.
 */
import { parse as parseYaml } from 'yaml'
import { parseHeaders, type ActionInputs } from './inputs.js'
import type { DeployGuardConfig } from './types.js'

const SENSITIVE_HEADER = /authorization|token|secret|password|passwd|api[-_]?key|cookie|auth/i

/** Values of credential-looking headers, plus the credential after an auth scheme (`Bearer abc` → `abc`). */
export function headerSecrets(headers: Record<string, string>): string[] {
  const found: string[] = []
  for (const [name, value] of Object.entries(headers)) {
    if (!SENSITIVE_HEADER.test(name)) continue
    found.push(value)
    const scheme = /^\s*(?:bearer|basic|token|apikey)\s+(\S+)\s*$/i.exec(value)
    if (scheme) found.push(scheme[1] as string)
  }
  return found
}

/** Password (and the whole userinfo) of a URL like `https://user:pass@host`. */
function urlSecrets(url: string): string[] {
  try {
    const parsed = new URL(url)
    return parsed.password ? [decodeURIComponent(parsed.password), `${parsed.username}:${parsed.password}`] : []
  } catch {
    return []
  }
}

const KUBECONFIG_SECRET_KEYS = new Set([
  'token',
  'password',
  'client-key-data',
  'access-token',
  'id-token',
  'refresh-token',
  'client-secret'
])

/** The `kubeconfig` input is content (action.yml): the whole text plus its credential fields. */
export function kubeconfigSecrets(value: string): string[] {
  if (value.trim() === '') return []
  const found = [value.trim()]
  let parsed: unknown
  try {
    parsed = parseYaml(value)
  } catch {
    return found
  }
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit)
    else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) {
        if (KUBECONFIG_SECRET_KEYS.has(key) && typeof child === 'string') found.push(child)
        else visit(child)
      }
    }
  }
  visit(parsed)
  return found
}

/** action.yml promises every `prometheus-headers` value is masked, credential-looking or not. */
function inputHeaderValues(value: string): string[] {
  try {
    return Object.values(parseHeaders('prometheus-headers', value))
  } catch {
    // Unparsable: mask each line's value part, and the line itself, rather than nothing.
    return value.split('\n').flatMap((line) => [line.trim(), line.slice(line.indexOf(':') + 1).trim()])
  }
}

/** Every secret in inputs and config, de-duplicated, longest first (so masking never leaves a tail). */
export function collectSecrets(inputs: ActionInputs, config?: DeployGuardConfig): string[] {
  const found: string[] = [
    inputs['github-token'],
    inputs['prometheus-token'],
    inputs['alertmanager-token'],
    // A webhook URL is its own credential (Slack's carries the token in the path).
    inputs['notify-webhook'],
    ...urlSecrets(inputs['notify-webhook']),
    ...kubeconfigSecrets(inputs.kubeconfig),
    ...inputHeaderValues(inputs['prometheus-headers']),
    ...inputHeaderValues(inputs['alertmanager-headers'])
  ]
  for (const connection of [config?.prometheus, config?.alerts?.alertmanager]) {
    if (!connection) continue
    if (connection.token) found.push(connection.token)
    if (connection.basicAuth) found.push(connection.basicAuth.password)
    found.push(...headerSecrets(connection.headers), ...urlSecrets(connection.url))
  }
  for (const smoke of config?.verify.smoke ?? []) found.push(...headerSecrets(smoke.headers), ...urlSecrets(smoke.url))
  const unique = new Set(found.map((value) => value.trim()).filter((value) => value !== ''))
  return [...unique].sort((a, b) => b.length - a.length)
}

/** String values under credential-looking keys anywhere in a raw (unvalidated) tree, e.g. the YAML file. */
export function secretsInTree(node: unknown): string[] {
  const found: string[] = []
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit)
    else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        if (SENSITIVE_HEADER.test(key) && (typeof child === 'string' || typeof child === 'number'))
          found.push(String(child))
        else visit(child)
      }
    }
  }
  visit(node)
  return found
}

/** Replace secrets in issue messages, for errors raised before masking was set up. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => (secret.length >= 3 ? out.split(secret).join('***') : out), text)
}
