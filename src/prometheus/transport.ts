/**
 * The axios instance for one Prometheus: auth headers, custom headers (e.g. `X-Scope-OrgID`) and TLS
 * settings from `PrometheusConfig`. Auth lives only in the instance's default headers, so nothing that
 * builds an error message ever sees it.
 */
import { readFileSync } from 'node:fs'
import { Agent as HttpsAgent } from 'node:https'
import axios, { type AxiosInstance } from 'axios'
import type { PrometheusConfig } from '../config/types.js'

export type TransportConfig = Pick<PrometheusConfig, 'token' | 'basicAuth' | 'headers' | 'ca' | 'insecureSkipTlsVerify'>

/** A CA given inline (PEM text) or as a path to a PEM file. */
export function loadCa(ca: string): string {
  if (ca.includes('-----BEGIN')) return ca
  try {
    return readFileSync(ca, 'utf8')
  } catch (error) {
    throw new Error(`Cannot read the Prometheus CA bundle at ${ca}: ${(error as Error).message}`)
  }
}

export function authHeaders(config: TransportConfig): Record<string, string> {
  if (config.token) return { Authorization: `Bearer ${config.token}` }
  if (config.basicAuth) {
    const { username, password } = config.basicAuth
    return { Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` }
  }
  return {}
}

/** 20 MiB: 10k series of an instant vector is ~2 MiB; more is a query that should be aggregated. */
export const DEFAULT_MAX_RESPONSE_BYTES = 20 * 1024 * 1024

export function createTransport(config: TransportConfig, maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES): AxiosInstance {
  const httpsAgent =
    config.ca !== undefined || config.insecureSkipTlsVerify
      ? new HttpsAgent({
          ca: config.ca !== undefined ? loadCa(config.ca) : undefined,
          rejectUnauthorized: !config.insecureSkipTlsVerify
        })
      : undefined
  return axios.create({
    headers: { Accept: 'application/json', ...config.headers, ...authHeaders(config) },
    httpsAgent,
    // We parse and judge every answer ourselves: malformed JSON and error bodies are typed errors.
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    // Redirects are followed by the client, same origin only (client.ts): axios' follower drops
    // Authorization on a cross-host hop but keeps every other configured header (X-Scope-OrgID, ...).
    maxRedirects: 0,
    // Checked while the body streams in: the connection is dropped at the cap, not after buffering it all.
    maxContentLength: maxResponseBytes
  })
}
