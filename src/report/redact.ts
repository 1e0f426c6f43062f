/**
 * The one place secrets are taken out of what deploy-guard writes. A server may echo a credential
 * back (a Prometheus 401 body quoting the bearer token, a Kubernetes Status quoting the kubeconfig
 * token), and that text travels into reasons, check rows and measurement messages. The runner's
 * `add-mask` only protects stdout; the job summary, the outputs, the JSON record, annotations and
 * later PR comments and Deployment statuses are ours to clean. Every surface passes through a
 * Redactor: publishReports redacts the whole RunResult before rendering (so escaping or truncation
 * can never split a secret into something unrecognisable), and the sink redacts again line by line.
 */

/** What replaces a secret, the runner's own mask. */
export const REDACTED = '***'

/** Shorter values are not redacted: a 1–2 character "secret" would blank out ordinary text. */
const MIN_SECRET_LENGTH = 3

/** The forms a secret takes when a server or a serialiser echoes it: raw, URL-, JSON- and base64-encoded. */
export function secretForms(secret: string): string[] {
  const forms = new Set([secret])
  forms.add(encodeURIComponent(secret))
  forms.add(JSON.stringify(secret).slice(1, -1))
  forms.add(Buffer.from(secret, 'utf8').toString('base64'))
  forms.add(Buffer.from(secret, 'utf8').toString('base64url'))
  // A secret holding a line break also appears with the other line ending, or trimmed per line.
  if (/\r?\n/.test(secret)) forms.add(secret.replace(/\r?\n/g, '\r\n')).add(secret.replace(/\r\n/g, '\n'))
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH)
}

export class Redactor {
  private readonly forms = new Set<string>()
  // Longest first, so a secret that contains another is replaced whole.
  private ordered: string[] = []

  /** `onSecret` is told each new secret once (e.g. core.setSecret, so the runner masks stdout too). */
  constructor(private readonly onSecret: (secret: string) => void = () => undefined) {}

  /** Registers a secret (and its encoded forms); blank and very short values are ignored. */
  add(secret: string): void {
    const value = secret.trim()
    if (value.length < MIN_SECRET_LENGTH || this.forms.has(value)) return
    this.onSecret(value)
    for (const form of secretForms(value)) this.forms.add(form)
    this.ordered = [...this.forms].sort((a, b) => b.length - a.length)
  }

  /** `text` with every known secret form replaced by `***`. */
  text(text: string): string {
    let out = text
    for (const form of this.ordered) if (out.includes(form)) out = out.split(form).join(REDACTED)
    return out
  }

  /** A deep copy of plain data (JSON-like) with every string redacted, object keys included. */
  value<T>(value: T): T {
    if (!this.ordered.length) return value
    const walk = (node: unknown): unknown => {
      if (typeof node === 'string') return this.text(node)
      if (Array.isArray(node)) return node.map(walk)
      if (node !== null && typeof node === 'object') {
        return Object.fromEntries(Object.entries(node).map(([key, child]) => [this.text(key), walk(child)]))
      }
      return node
    }
    return walk(value) as T
  }
}
