/**
 * Tokens for legacy `auth-provider` users, loaded only for the kubeconfigs that have one.
 *
 * gcp, azure and `tokenFile` configs use @kubernetes/client-node's own authenticator modules, imported
 * one by one: none of them reaches client-node's config.js, which loads every generated API and model
 * (the 19 MB chunk the old client-node fallback cost). OIDC is ours: client-node's oidc_auth.js imports
 * config.js (and openid-client), so we use the kubeconfig's `id-token` while its `exp` is in the future
 * and otherwise say to use an exec plugin, which is what kubectl itself has recommended since the
 * auth-provider plugins were removed from client-go.
 *
 * Messages name the user and provider, never a token.
 */
import type { User } from '@kubernetes/client-node/dist/config_types.js'
import type { AuthProviderConfig } from './kubeconfig.js'
import { CredentialsError } from './types.js'

export interface AuthProviderToken {
  token: string
  /** ms since the epoch after which the token must not be used; Infinity when it does not say. */
  expiresAt: number
}

interface Authenticator {
  applyAuthentication(user: User, opts: { headers: Record<string, string> }): Promise<void>
}

/** Renew (or refuse) an OIDC token this long before its `exp`, so it does not expire in flight. */
const OIDC_EXPIRY_SKEW_MS = 10_000

const EXEC_HINT =
  'use an exec credential plugin instead (for OIDC, kubelogin: `kubectl oidc-login get-token`; for GKE, gke-gcloud-auth-plugin; for AKS, kubelogin)'

/**
 * Returns a function giving the current token of `user`'s auth-provider. gcp and azure refresh through
 * their `cmd-path` command when the cached access token has expired (client-node's behaviour, state
 * kept on the config as it does); `tokenFile` is re-read every minute.
 */
export async function authProviderTokens(
  user: string,
  provider: AuthProviderConfig,
  now: () => number = Date.now
): Promise<() => Promise<AuthProviderToken>> {
  const who = `user "${user}" (auth-provider ${provider.name})`
  if (provider.name === 'oidc') return async () => oidcToken(who, provider.config, now())
  const authenticator = await clientNodeAuthenticator(provider)
  if (!authenticator) throw new CredentialsError(`${who}: this auth-provider is not supported; ${EXEC_HINT}`)
  // The authenticators keep refreshed tokens on the config object: one per transport.
  const clientNodeUser = {
    name: user,
    authProvider: { name: provider.name, config: { ...provider.config } }
  } as unknown as User
  return async () => {
    const opts = { headers: {} as Record<string, string> }
    try {
      await authenticator.applyAuthentication(clientNodeUser, opts)
    } catch (error) {
      // e.g. "Failed to refresh token: Error: Command failed: ..." — the command's output may hold a
      // token, so only the first line of the message is kept.
      const first = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200)
      throw new CredentialsError(`${who} could not provide a token: ${first}`)
    }
    const token = /^Bearer (.+)$/.exec(opts.headers.Authorization ?? '')?.[1]?.trim()
    if (!token) throw new CredentialsError(`${who} provided no token; ${EXEC_HINT}`)
    return { token, expiresAt: Infinity }
  }
}

async function clientNodeAuthenticator(provider: AuthProviderConfig): Promise<Authenticator | undefined> {
  // client-node picks by name first, then a tokenFile in any provider's config (FileAuth).
  if (provider.name === 'gcp') {
    const { GoogleCloudPlatformAuth } = await import('@kubernetes/client-node/dist/gcp_auth.js')
    return new GoogleCloudPlatformAuth()
  }
  if (provider.name === 'azure') {
    const { AzureAuth } = await import('@kubernetes/client-node/dist/azure_auth.js')
    return new AzureAuth()
  }
  if (provider.config.tokenFile) {
    const { FileAuth } = await import('@kubernetes/client-node/dist/file_auth.js')
    return new FileAuth()
  }
  return undefined
}

/** The kubeconfig's OIDC id-token while it is valid; refreshing it is an exec plugin's job. */
export function oidcToken(who: string, config: Record<string, string>, nowMs: number): AuthProviderToken {
  const token = config['id-token']
  if (!token) throw new CredentialsError(`${who} has no id-token; ${EXEC_HINT}`)
  const exp = jwtExpiry(token)
  // A token that is not a JWT, or has no exp, is used as it is; the API server judges it.
  if (exp === undefined) return { token, expiresAt: Infinity }
  const expiresAt = exp * 1000 - OIDC_EXPIRY_SKEW_MS
  if (expiresAt <= nowMs) {
    throw new CredentialsError(
      `${who}: the id-token expired at ${new Date(exp * 1000).toISOString()} and deploy-guard does not refresh OIDC tokens; ${EXEC_HINT}`
    )
  }
  return { token, expiresAt }
}

/** The `exp` claim (seconds since the epoch) of a JWT, or undefined when it is not one or has none. */
function jwtExpiry(token: string): number | undefined {
  const parts = token.split('.')
  if (parts.length !== 3) return undefined
  try {
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as { exp?: unknown }
    return typeof payload.exp === 'number' && Number.isFinite(payload.exp) ? payload.exp : undefined
  } catch {
    return undefined
  }
}
