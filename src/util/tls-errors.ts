/**
 * Recognises a TLS certificate verification failure in an error from node:https, undici or axios.
 * These are configuration problems (wrong CA, self-signed certificate, wrong host name, expired
 * certificate, TLS spoken to a plain-HTTP port): retrying cannot fix them, so callers report them at
 * once instead of as a transient network failure.
 */

/** OpenSSL's X509 verification results as Node names them, plus Node's own host name check. */
const VERIFICATION_CODES = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_NOT_YET_VALID',
  'CERT_HAS_EXPIRED',
  'ERROR_IN_CERT_NOT_BEFORE_FIELD',
  'ERROR_IN_CERT_NOT_AFTER_FIELD',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_CHAIN_TOO_LONG',
  'CERT_REVOKED',
  'INVALID_CA',
  'PATH_LENGTH_EXCEEDED',
  'INVALID_PURPOSE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  // An https:// URL pointing at a port that speaks plain HTTP.
  'ERR_SSL_WRONG_VERSION_NUMBER'
])

export interface TlsProblem {
  code: string
  /** What to check, in words (the caller adds where to fix it). */
  hint: string
}

function hintFor(code: string): string {
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH')
    return "the server's certificate is not valid for this host name"
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID')
    return "the server's certificate is outside its validity period"
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER')
    return 'the server does not speak TLS on this port (http:// instead of https://?)'
  return "the server's certificate is not signed by a trusted CA"
}

/** The verification failure carried by `error` or one of its causes, if any. */
export function tlsVerificationProblem(error: unknown): TlsProblem | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && VERIFICATION_CODES.has(code)) return { code, hint: hintFor(code) }
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}
