export const id = 347;
export const ids = [347];
export const modules = {

/***/ 4347:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   authProviderTokens: () => (/* binding */ authProviderTokens),
/* harmony export */   oidcToken: () => (/* binding */ oidcToken)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4854);

/** Renew (or refuse) an OIDC token this long before its `exp`, so it does not expire in flight. */
const OIDC_EXPIRY_SKEW_MS = 10_000;
const EXEC_HINT = 'use an exec credential plugin instead (for OIDC, kubelogin: `kubectl oidc-login get-token`; for GKE, gke-gcloud-auth-plugin; for AKS, kubelogin)';
/**
 * Returns a function giving the current token of `user`'s auth-provider. gcp and azure refresh through
 * their `cmd-path` command when the cached access token has expired (client-node's behaviour, state
 * kept on the config as it does); `tokenFile` is re-read every minute.
 */
async function authProviderTokens(user, provider, now = Date.now) {
    const who = `user "${user}" (auth-provider ${provider.name})`;
    if (provider.name === 'oidc')
        return async () => oidcToken(who, provider.config, now());
    const authenticator = await clientNodeAuthenticator(provider);
    if (!authenticator)
        throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .CredentialsError */ .lE(`${who}: this auth-provider is not supported; ${EXEC_HINT}`);
    // The authenticators keep refreshed tokens on the config object: one per transport.
    const clientNodeUser = {
        name: user,
        authProvider: { name: provider.name, config: { ...provider.config } }
    };
    return async () => {
        const opts = { headers: {} };
        try {
            await authenticator.applyAuthentication(clientNodeUser, opts);
        }
        catch (error) {
            // e.g. "Failed to refresh token: Error: Command failed: ..." — the command's output may hold a
            // token, so only the first line of the message is kept.
            const first = (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 200);
            throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .CredentialsError */ .lE(`${who} could not provide a token: ${first}`);
        }
        const token = /^Bearer (.+)$/.exec(opts.headers.Authorization ?? '')?.[1]?.trim();
        if (!token)
            throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .CredentialsError */ .lE(`${who} provided no token; ${EXEC_HINT}`);
        return { token, expiresAt: Infinity };
    };
}
async function clientNodeAuthenticator(provider) {
    // client-node picks by name first, then a tokenFile in any provider's config (FileAuth).
    if (provider.name === 'gcp') {
        const { GoogleCloudPlatformAuth } = await Promise.all(/* import() */[__webpack_require__.e(229), __webpack_require__.e(704)]).then(__webpack_require__.bind(__webpack_require__, 7323));
        return new GoogleCloudPlatformAuth();
    }
    if (provider.name === 'azure') {
        const { AzureAuth } = await Promise.all(/* import() */[__webpack_require__.e(229), __webpack_require__.e(779)]).then(__webpack_require__.bind(__webpack_require__, 5779));
        return new AzureAuth();
    }
    if (provider.config.tokenFile) {
        const { FileAuth } = await __webpack_require__.e(/* import() */ 752).then(__webpack_require__.bind(__webpack_require__, 5752));
        return new FileAuth();
    }
    return undefined;
}
/** The kubeconfig's OIDC id-token while it is valid; refreshing it is an exec plugin's job. */
function oidcToken(who, config, nowMs) {
    const token = config['id-token'];
    if (!token)
        throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .CredentialsError */ .lE(`${who} has no id-token; ${EXEC_HINT}`);
    const exp = jwtExpiry(token);
    // A token that is not a JWT, or has no exp, is used as it is; the API server judges it.
    if (exp === undefined)
        return { token, expiresAt: Infinity };
    const expiresAt = exp * 1000 - OIDC_EXPIRY_SKEW_MS;
    if (expiresAt <= nowMs) {
        throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .CredentialsError */ .lE(`${who}: the id-token expired at ${new Date(exp * 1000).toISOString()} and deploy-guard does not refresh OIDC tokens; ${EXEC_HINT}`);
    }
    return { token, expiresAt };
}
/** The `exp` claim (seconds since the epoch) of a JWT, or undefined when it is not one or has none. */
function jwtExpiry(token) {
    const parts = token.split('.');
    if (parts.length !== 3)
        return undefined;
    try {
        const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
        return typeof payload.exp === 'number' && Number.isFinite(payload.exp) ? payload.exp : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ })

};
