export const id = 242;
export const ids = [242];
export const modules = {

/***/ 3242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createClientNodeTransport: () => (/* binding */ createClientNodeTransport)
});

// EXTERNAL MODULE: ./node_modules/@kubernetes/client-node/dist/config.js + 850 modules
var config = __webpack_require__(6850);
// EXTERNAL MODULE: ./node_modules/@kubernetes/client-node/dist/gen/http/http.js
var http_http = __webpack_require__(1561);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/kube/kubeconfig.ts
/**
 * The credential source type, where default credentials would come from, and the client-node
 * loader. Since the fast path (src/kube/transport/kubeconfig.ts) reads kubeconfigs itself,
 * `loadKubeConfig` only serves the @kubernetes/client-node fallback (auth-provider users, proxies,
 * unrecognised fields), which hands it one already-selected context; its messages match the fast
 * path's. Error messages never quote the document: it may hold tokens or keys.
 */



const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';
/** Where the default loader would find credentials, or undefined when it would fall back to localhost:8080. */
function defaultCredentialSource(env = process.env, home = (0,external_node_os_.homedir)()) {
    if (env.KUBECONFIG && env.KUBECONFIG.length > 0)
        return 'KUBECONFIG';
    if (home && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(home, '.kube', 'config')))
        return '~/.kube/config';
    if (env.KUBERNETES_SERVICE_HOST && (0,external_node_fs_.existsSync)(SERVICE_ACCOUNT_TOKEN))
        return 'in-cluster service account';
    return undefined;
}
/** Fills `kc` from the source and checks that a usable context, cluster and server are selected. */
function loadKubeConfig(kc, source) {
    const content = source.kubeconfig?.trim();
    if (content) {
        try {
            kc.loadFromString(content);
        }
        catch (error) {
            throw new Error(describeLoadError(error));
        }
    }
    else {
        const from = defaultCredentialSource();
        if (!from) {
            throw new Error('no Kubernetes credentials found: pass the kubeconfig input, set KUBECONFIG, provide ~/.kube/config or run in a cluster');
        }
        try {
            kc.loadFromDefault();
        }
        catch (error) {
            throw new Error(`${describeLoadError(error)} (from ${from})`);
        }
    }
    selectContext(kc, source.context);
}
function describeLoadError(error) {
    const e = error;
    if (e?.name === 'YAMLException') {
        const where = e.mark?.line !== undefined ? ` (line ${e.mark.line + 1})` : '';
        return `kubeconfig is not valid YAML${where}`;
    }
    // client-node's own validation messages name fields only (e.g. "clusters[0].cluster.server is missing").
    return `kubeconfig is invalid: ${e?.message ?? String(error)}`;
}
function selectContext(kc, wanted) {
    const names = kc.getContexts().map((c) => c.name);
    const available = names.length > 0 ? names.join(', ') : 'none';
    if (wanted) {
        if (!names.includes(wanted))
            throw new Error(`context "${wanted}" not found in kubeconfig (available: ${available})`);
        kc.setCurrentContext(wanted);
    }
    else if (!kc.getCurrentContext()) {
        throw new Error(`kubeconfig has no current context (available: ${available}); set current-context or the context input`);
    }
    const name = kc.getCurrentContext();
    const context = kc.getContextObject(name);
    if (!context)
        throw new Error(`current context "${name}" not found in kubeconfig (available: ${available})`);
    const cluster = kc.getCurrentCluster();
    if (!cluster)
        throw new Error(`cluster "${context.cluster}" of context "${name}" not found in kubeconfig`);
    if (!/^https?:\/\//.test(cluster.server))
        throw new Error(`cluster "${cluster.name}" has an invalid server URL "${cluster.server}"`);
    if (cluster.server.startsWith('http:') && !cluster.skipTLSVerify) {
        throw new Error(`cluster "${cluster.name}" uses plain HTTP (${cluster.server}); use https or set insecure-skip-tls-verify: true`);
    }
}

// EXTERNAL MODULE: ./src/kube/transport/types.ts
var types = __webpack_require__(4854);
;// CONCATENATED MODULE: ./src/kube/transport/client-node.ts
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
    const kc = new config/* KubeConfig */.yp();
    loadKubeConfig(kc, { kubeconfig, context });
    const server = (kc.getCurrentCluster()?.server ?? '').replace(/\/+$/, '');
    const http = new http_http/* IsomorphicFetchHttpLibrary */.l1();
    let dispatcher;
    return {
        server,
        name: '@kubernetes/client-node',
        async prepare(request) {
            const ctx = new http_http/* RequestContext */.bb(`${server}${request.path}`, request.method);
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
                throw new types/* CredentialsError */.l(error instanceof Error ? error.message : String(error));
            }
            // client-node builds a new connection pool per request; keep the first so connections are reused.
            if (dispatcher === undefined)
                dispatcher = ctx.getDispatcher();
            else
                ctx.setDispatcher(dispatcher);
            ctx.setSignal(AbortSignal.timeout(request.timeoutMs));
            return {
                async send() {
                    const response = await http.send(ctx).toPromise();
                    return { status: response.httpStatusCode, headers: response.headers, text: await response.body.text() };
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
