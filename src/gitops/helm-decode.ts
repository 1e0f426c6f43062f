/**
 * Decodes a Helm 3 release Secret's `data.release` as read through the Kubernetes API:
 * base64 (API encoding of Secret data) → base64 (Helm's own) → gzip → JSON (helm pkg/storage/driver/util.go).
 */
import { gunzipSync } from 'node:zlib'

/** The parts of a Helm release record we report (helm pkg/release). */
export interface HelmReleaseRecord {
  name?: string
  namespace?: string
  /** Release revision. */
  version?: number
  info?: { status?: string; description?: string; first_deployed?: string; last_deployed?: string }
  chart?: { metadata?: { name?: string; version?: string; appVersion?: string } }
}

const GZIP_MAGIC = [0x1f, 0x8b, 0x08]
/** Release JSON carries the rendered manifest; bound it so a corrupt stream cannot exhaust memory. */
const MAX_RELEASE_BYTES = 64 * 1024 * 1024

function isGzip(bytes: Buffer): boolean {
  return GZIP_MAGIC.every((byte, i) => bytes[i] === byte)
}

/** Throws an Error saying which layer was wrong; returns only the fields we use (manifest etc. dropped). */
export function decodeHelmRelease(data: string): HelmReleaseRecord {
  const helmEncoded = Buffer.from(data, 'base64').toString('latin1')
  const payload = Buffer.from(helmEncoded, 'base64')
  if (payload.length === 0) throw new Error('release data is empty after base64 decoding')
  // Helm has always gzipped, but util.go accepts plain JSON too, so do we.
  const json = isGzip(payload) ? gunzipSync(payload, { maxOutputLength: MAX_RELEASE_BYTES }) : payload
  let parsed: unknown
  try {
    parsed = JSON.parse(json.toString('utf8'))
  } catch {
    throw new Error('release data is not JSON after base64, base64 and gzip decoding')
  }
  if (parsed === null || typeof parsed !== 'object') throw new Error('release data is not a JSON object')
  const record = parsed as Record<string, unknown> & HelmReleaseRecord
  return {
    name: record.name,
    namespace: record.namespace,
    version: record.version,
    info: record.info,
    chart: record.chart?.metadata ? { metadata: record.chart.metadata } : undefined
  }
}
