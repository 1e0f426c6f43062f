export const id = 101;
export const ids = [101];
export const modules = {

/***/ 58101:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createClientNodeTransport: () => (/* binding */ createClientNodeTransport)
/* harmony export */ });
/* harmony import */ var _kubernetes_client_node_dist_config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(16850);
/* harmony import */ var _kubernetes_client_node_dist_gen_http_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91561);
/* harmony import */ var _kubeconfig_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(67598);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(54854);
/**
 * The fallback transport: @kubernetes/client-node 2.x supplies credentials and TLS (auth-provider
 * users — oidc, gcp, azure —, proxy-url with HTTP or SOCKS proxies, anything our reader does not
 * recognise) and its undici fetch carries the request.
 *
 * Only loaded when ./kubeconfig.ts says so: importing KubeConfig pulls in every generated API and model
 * (a 17 MB chunk; 250-380 ms on the 2-core CI machines, against ~150 ms for the whole action without
 * it), which is why the common kubeconfigs never come here.
 */




/** `kubeconfig`: the selected context, cluster and user as one document (see loadClusterConfig). */
function createClientNodeTransport(kubeconfig, context) {
    const kc = new _kubernetes_client_node_dist_config_js__WEBPACK_IMPORTED_MODULE_0__/* .KubeConfig */ .yp();
    (0,_kubeconfig_js__WEBPACK_IMPORTED_MODULE_2__/* .loadKubeConfig */ .u3)(kc, { kubeconfig, context });
    const server = (kc.getCurrentCluster()?.server ?? '').replace(/\/+$/, '');
    const http = new _kubernetes_client_node_dist_gen_http_http_js__WEBPACK_IMPORTED_MODULE_1__/* .IsomorphicFetchHttpLibrary */ .l1();
    let dispatcher;
    return {
        server,
        name: '@kubernetes/client-node',
        async prepare(request) {
            const ctx = new _kubernetes_client_node_dist_gen_http_http_js__WEBPACK_IMPORTED_MODULE_1__/* .RequestContext */ .bb(`${server}${request.path}`, request.method);
            for (const [key, value] of Object.entries(request.query ?? {}))
                if (value !== undefined)
                    ctx.setQueryParam(key, String(value));
            ctx.setHeaderParam('Accept', request.accept ?? 'application/json');
            if (request.body !== undefined) {
                ctx.setHeaderParam('Content-Type', request.contentType ?? 'application/json');
                ctx.setBody(request.body);
            }
            try {
                await kc.applySecurityAuthentication(ctx);
            }
            catch (error) {
                // e.g. an auth provider that cannot refresh: not something a retry fixes.
                throw new _types_js__WEBPACK_IMPORTED_MODULE_3__/* .CredentialsError */ .lE(error instanceof Error ? error.message : String(error));
            }
            // client-node builds a new connection pool per request; keep the first so connections are reused.
            if (dispatcher === undefined)
                dispatcher = ctx.getDispatcher();
            else
                ctx.setDispatcher(dispatcher);
            return {
                // undici aborts the fetch (and its socket) on the signal; a caller's abort surfaces as AbortError.
                async send(signal) {
                    if (signal?.aborted)
                        throw (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .abortError */ .vt)(signal);
                    const timeout = AbortSignal.timeout(request.timeoutMs);
                    ctx.setSignal(signal ? AbortSignal.any([timeout, signal]) : timeout);
                    try {
                        const response = await http.send(ctx).toPromise();
                        // The body arrives whole (client-node reads it as text); the size cap is the native path's.
                        return { status: response.httpStatusCode, headers: response.headers, text: await response.body.text() };
                    }
                    catch (error) {
                        if (signal?.aborted)
                            throw (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .abortError */ .vt)(signal);
                        if (timeout.aborted) {
                            const timedOut = new Error(`no answer within ${request.timeoutMs} ms`);
                            timedOut.name = 'TimeoutError';
                            throw timedOut;
                        }
                        throw error;
                    }
                }
            };
        },
        async close() {
            await dispatcher?.close?.();
            dispatcher = undefined;
        }
    };
}


/***/ })

};
