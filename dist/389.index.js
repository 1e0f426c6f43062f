export const id = 389;
export const ids = [389];
export const modules = {

/***/ 9389:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createKubeApi: () => (/* binding */ createKubeApi)
});

;// CONCATENATED MODULE: ./node_modules/is-network-error/index.js
const objectToString = Object.prototype.toString;

const isError = value => objectToString.call(value) === '[object Error]';

const errorMessages = new Set([
	'network error', // Chrome
	'NetworkError when attempting to fetch resource.', // Firefox
	'The Internet connection appears to be offline.', // Safari 16
	'Network request failed', // `cross-fetch`
	'fetch failed', // Undici (Node.js)
	'terminated', // Undici (Node.js)
	' A network error occurred.', // Bun (WebKit)
	'Network connection lost', // Cloudflare Workers (fetch)
]);

function isNetworkError(error) {
	const isValid = error
		&& isError(error)
		&& error.name === 'TypeError'
		&& typeof error.message === 'string';

	if (!isValid) {
		return false;
	}

	const {message, stack} = error;

	// Safari 17+ has generic message but no stack for network errors
	if (message === 'Load failed' || (message.startsWith('Load failed (') && message.endsWith(')'))) {
		return stack === undefined
			// Sentry adds its own stack trace to the fetch error, so also check for that
			|| '__sentry_captured__' in error;
	}

	// Deno network errors start with specific text
	if (message.startsWith('error sending request for url')) {
		return true;
	}

	// Chrome: exact "Failed to fetch" or with hostname: "Failed to fetch (example.com)"
	if (message === 'Failed to fetch' || (message.startsWith('Failed to fetch (') && message.endsWith(')'))) {
		return true;
	}

	// Standard network error messages
	return errorMessages.has(message);
}

;// CONCATENATED MODULE: ./node_modules/p-retry/index.js


function validateRetries(retries) {
	if (typeof retries === 'number') {
		if (retries < 0) {
			throw new TypeError('Expected `retries` to be a non-negative number.');
		}

		if (Number.isNaN(retries)) {
			throw new TypeError('Expected `retries` to be a valid number or Infinity, got NaN.');
		}
	} else if (retries !== undefined) {
		throw new TypeError('Expected `retries` to be a number or Infinity.');
	}
}

function validateNumberOption(name, value, {min = 0, allowInfinity = false} = {}) {
	if (value === undefined) {
		return;
	}

	if (typeof value !== 'number' || Number.isNaN(value)) {
		throw new TypeError(`Expected \`${name}\` to be a number${allowInfinity ? ' or Infinity' : ''}.`);
	}

	if (!allowInfinity && !Number.isFinite(value)) {
		throw new TypeError(`Expected \`${name}\` to be a finite number.`);
	}

	if (value < min) {
		throw new TypeError(`Expected \`${name}\` to be \u2265 ${min}.`);
	}
}

class AbortError extends Error {
	constructor(message) {
		super();

		if (message instanceof Error) {
			this.originalError = message;
			({message} = message);
		} else {
			this.originalError = new Error(message);
			this.originalError.stack = this.stack;
		}

		this.name = 'AbortError';
		this.message = message;
	}
}

function calculateDelay(retriesConsumed, options) {
	const attempt = Math.max(1, retriesConsumed + 1);
	const random = options.randomize ? (Math.random() + 1) : 1;

	let timeout = Math.round(random * options.minTimeout * (options.factor ** (attempt - 1)));
	timeout = Math.min(timeout, options.maxTimeout);

	return timeout;
}

function calculateRemainingTime(start, max) {
	if (!Number.isFinite(max)) {
		return max;
	}

	return max - (performance.now() - start);
}

async function onAttemptFailure({error, attemptNumber, retriesConsumed, startTime, options}) {
	const normalizedError = error instanceof Error
		? error
		: new TypeError(`Non-error was thrown: "${error}". You should only throw errors.`);

	if (normalizedError instanceof AbortError) {
		throw normalizedError.originalError;
	}

	const retriesLeft = Number.isFinite(options.retries)
		? Math.max(0, options.retries - retriesConsumed)
		: options.retries;

	const maxRetryTime = options.maxRetryTime ?? Number.POSITIVE_INFINITY;

	const context = Object.freeze({
		error: normalizedError,
		attemptNumber,
		retriesLeft,
		retriesConsumed,
	});

	await options.onFailedAttempt(context);

	if (calculateRemainingTime(startTime, maxRetryTime) <= 0) {
		throw normalizedError;
	}

	const consumeRetry = await options.shouldConsumeRetry(context);

	const remainingTime = calculateRemainingTime(startTime, maxRetryTime);

	if (remainingTime <= 0 || retriesLeft <= 0) {
		throw normalizedError;
	}

	if (normalizedError instanceof TypeError && !isNetworkError(normalizedError)) {
		if (consumeRetry) {
			throw normalizedError;
		}

		options.signal?.throwIfAborted();
		return false;
	}

	if (!await options.shouldRetry(context)) {
		throw normalizedError;
	}

	if (!consumeRetry) {
		options.signal?.throwIfAborted();
		return false;
	}

	const delayTime = calculateDelay(retriesConsumed, options);
	const finalDelay = Math.min(delayTime, remainingTime);

	options.signal?.throwIfAborted();

	if (finalDelay > 0) {
		await new Promise((resolve, reject) => {
			const onAbort = () => {
				clearTimeout(timeoutToken);
				options.signal?.removeEventListener('abort', onAbort);
				reject(options.signal.reason);
			};

			const timeoutToken = setTimeout(() => {
				options.signal?.removeEventListener('abort', onAbort);
				resolve();
			}, finalDelay);

			if (options.unref) {
				timeoutToken.unref?.();
			}

			options.signal?.addEventListener('abort', onAbort, {once: true});
		});
	}

	options.signal?.throwIfAborted();

	return true;
}

async function pRetry(input, options = {}) {
	options = {...options};

	validateRetries(options.retries);

	if (Object.hasOwn(options, 'forever')) {
		throw new Error('The `forever` option is no longer supported. For many use-cases, you can set `retries: Infinity` instead.');
	}

	options.retries ??= 10;
	options.factor ??= 2;
	options.minTimeout ??= 1000;
	options.maxTimeout ??= Number.POSITIVE_INFINITY;
	options.maxRetryTime ??= Number.POSITIVE_INFINITY;
	options.randomize ??= false;
	options.onFailedAttempt ??= () => {};
	options.shouldRetry ??= () => true;
	options.shouldConsumeRetry ??= () => true;

	// Validate numeric options and normalize edge cases
	validateNumberOption('factor', options.factor, {min: 0, allowInfinity: false});
	validateNumberOption('minTimeout', options.minTimeout, {min: 0, allowInfinity: false});
	validateNumberOption('maxTimeout', options.maxTimeout, {min: 0, allowInfinity: true});
	validateNumberOption('maxRetryTime', options.maxRetryTime, {min: 0, allowInfinity: true});

	// Treat non-positive factor as 1 to avoid zero backoff or negative behavior
	if (!(options.factor > 0)) {
		options.factor = 1;
	}

	options.signal?.throwIfAborted();

	let attemptNumber = 0;
	let retriesConsumed = 0;
	const startTime = performance.now();

	while (Number.isFinite(options.retries) ? retriesConsumed <= options.retries : true) {
		attemptNumber++;

		try {
			options.signal?.throwIfAborted();

			const result = await input(attemptNumber);

			options.signal?.throwIfAborted();

			return result;
		} catch (error) {
			if (await onAttemptFailure({
				error,
				attemptNumber,
				retriesConsumed,
				startTime,
				options,
			})) {
				retriesConsumed++;
			}
		}
	}

	// Should not reach here, but in case it does, throw an error
	throw new Error('Retry attempts exhausted without throwing an error.');
}

function makeRetriable(function_, options) {
	return function (...arguments_) {
		return pRetry(() => function_.apply(this, arguments_), options);
	};
}

// EXTERNAL MODULE: ./src/kube/api.ts
var kube_api = __webpack_require__(985);
// EXTERNAL MODULE: ./src/kube/resources.ts
var resources = __webpack_require__(6804);
;// CONCATENATED MODULE: ./src/kube/discovery.ts
/** Kind → resource mapping: the built-in table first, then API discovery (cached per group/version). */


class Discovery {
    getJson;
    cache = new Map();
    constructor(getJson) {
        this.getJson = getJson;
    }
    async resourceFor(kind, apiVersion) {
        const builtin = (0,resources/* builtinResource */.uu)(kind, apiVersion);
        if (builtin)
            return builtin;
        if (apiVersion) {
            const found = findKind(await this.resources(apiVersion), kind);
            if (found)
                return found;
            throw notServed(`kind "${kind}" is not served by the API server under apiVersion "${apiVersion}"`);
        }
        // No apiVersion: search the preferred version of every group (rare; costs one request per group once).
        const groups = (await this.getJson('/apis')).groups ?? [];
        for (const groupVersion of [
            'v1',
            ...groups.map((g) => g.preferredVersion?.groupVersion ?? g.versions?.[0]?.groupVersion ?? '')
        ]) {
            if (!groupVersion)
                continue;
            const found = findKind(await this.resources(groupVersion).catch(() => []), kind);
            if (found)
                return found;
        }
        throw notServed(`kind "${kind}" is not served by the API server; give its apiVersion (e.g. argoproj.io/v1alpha1)`);
    }
    resources(groupVersion) {
        let cached = this.cache.get(groupVersion);
        if (!cached) {
            const path = groupVersion.includes('/') ? `/apis/${groupVersion}` : `/api/${groupVersion}`;
            cached = this.getJson(path)
                .then((body) => (body.resources ?? [])
                .filter((r) => !r.name.includes('/'))
                .map((r) => ({ apiVersion: groupVersion, resource: r.name, kind: r.kind, namespaced: r.namespaced })))
                .catch((error) => {
                this.cache.delete(groupVersion);
                if (error instanceof kube_api/* KubeApiError */.W && error.reason === 'not-found') {
                    throw notServed(`apiVersion "${groupVersion}" is not served by the API server`);
                }
                throw error;
            });
            this.cache.set(groupVersion, cached);
        }
        return cached;
    }
}
function findKind(resources, kind) {
    return resources.find((r) => r.kind === kind) ?? resources.find((r) => r.kind.toLowerCase() === kind.toLowerCase());
}
const notServed = (message) => new kube_api/* KubeApiError */.W(message, 'not-found', 404, 'get', 'discovery');

;// CONCATENATED MODULE: ./src/kube/errors.ts
/** Turns HTTP responses and transport failures into KubeApiError with messages a user can act on. Pure. */

/** A transient error that also says how long the server asked us to wait (429/503 Retry-After). */
class RetryAfterKubeApiError extends kube_api/* KubeApiError */.W {
    retryAfterMs;
    constructor(source, retryAfterMs) {
        super(source.message, source.reason, source.status, source.verb, source.resource);
        this.retryAfterMs = retryAfterMs;
    }
}
const qualified = (d) => (d.group ? `${d.resource}.${d.group}` : d.resource);
const scope = (d) => (d.namespace ? `in namespace "${d.namespace}"` : 'at cluster scope');
/** The message field of a Kubernetes Status body, if the body is one. */
function statusMessage(body) {
    try {
        const parsed = JSON.parse(body);
        return typeof parsed.message === 'string' ? parsed.message : undefined;
    }
    catch {
        return undefined;
    }
}
/** Retry-After in ms: delta-seconds or an HTTP date; undefined when absent or unparsable. */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    const seconds = Number(value);
    if (Number.isFinite(seconds))
        return Math.max(0, seconds * 1000);
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function errorForStatus(status, body, d, headers = {}) {
    const serverSays = statusMessage(body) ?? (body.trim().slice(0, 300) || `HTTP ${status}`);
    const make = (message, reason) => new kube_api/* KubeApiError */.W(message, reason, status, d.verb, qualified(d));
    switch (true) {
        case status === 404:
            return make(d.name ? `${qualified(d)} "${d.name}" not found ${scope(d)}` : `not found: ${serverSays}`, 'not-found');
        case status === 403:
            return make(`forbidden: cannot ${d.verb} ${d.resource} ${scope(d)} — grant verbs ["${d.verb}"] on resources ["${d.resource}"] (apiGroups ["${d.group}"])`, 'forbidden');
        case status === 401:
            return make(`the Kubernetes API at ${d.server} rejected the credentials (401 Unauthorized); check the kubeconfig user`, 'unauthorized');
        case status === 409:
            return make(`conflict: ${serverSays}`, 'conflict');
        case status === 429 || status >= 500: {
            const error = make(`the Kubernetes API at ${d.server} answered ${status} to ${d.verb} ${qualified(d)}: ${serverSays}`, 'server-error');
            const retryAfter = parseRetryAfter(headers['retry-after']);
            return retryAfter === undefined ? error : new RetryAfterKubeApiError(error, retryAfter);
        }
        default:
            return make(`invalid request to ${d.verb} ${qualified(d)} (${status}): ${serverSays}`, 'invalid');
    }
}
/** A failure without a response: timeout, refused, reset, DNS, TLS. */
function errorForTransport(error, d) {
    const e = error;
    if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
        return new kube_api/* KubeApiError */.W(`the Kubernetes API at ${d.server} did not answer ${d.verb} ${qualified(d)} in time`, 'timeout', undefined, d.verb, qualified(d));
    }
    const cause = e?.cause;
    // Node's messages usually embed the code ("connect ECONNREFUSED 127.0.0.1:6443"); add it when they do not.
    const message = cause?.message ?? e?.message ?? String(error);
    const detail = cause?.code && !message.includes(cause.code) ? `${cause.code}: ${message}` : message;
    return new kube_api/* KubeApiError */.W(`cannot reach the Kubernetes API at ${d.server}: ${detail}`, 'unreachable', undefined, d.verb, qualified(d));
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/kube/kubeconfig.ts
/**
 * Loads credentials in the documented order: `kubeconfig` content → KUBECONFIG → ~/.kube/config →
 * in-cluster service account, and turns every way a kubeconfig can be wrong into one clear sentence.
 * Error messages never quote the document: it may hold tokens or keys.
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

;// CONCATENATED MODULE: ./src/kube/client.ts
/**
 * The KubeApi on top of @kubernetes/client-node 2.x: the library supplies credentials (kubeconfig,
 * exec plugins, in-cluster), TLS and its undici fetch; requests themselves are plain REST paths so one
 * small client covers GET/LIST (selectors, pagination), pod logs and every patch type. Transient
 * failures are retried with exponential backoff, then thrown as transient KubeApiErrors.
 */






const PATCH_TYPES = {
    json: 'application/json-patch+json',
    merge: 'application/merge-patch+json',
    strategic: 'application/strategic-merge-patch+json'
};
async function createKubeApi(source, options = {}) {
    // Imported here, not at the top: client-node costs ~0.4 s to load and only cluster commands need it.
    // The deep imports skip the index (every generated API) that we do not use.
    const [{ KubeConfig }, { RequestContext, IsomorphicFetchHttpLibrary }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(133), __webpack_require__.e(850)]).then(__webpack_require__.bind(__webpack_require__, 6850)),
        __webpack_require__.e(/* import() */ 133).then(__webpack_require__.bind(__webpack_require__, 1561))
    ]);
    const kc = new KubeConfig();
    loadKubeConfig(kc, source);
    const server = (kc.getCurrentCluster()?.server ?? '').replace(/\/+$/, '');
    const http = new IsomorphicFetchHttpLibrary();
    const retries = options.retries ?? 4;
    const minTimeout = options.minRetryDelayMs ?? 200;
    const maxTimeout = options.maxRetryDelayMs ?? 3000;
    const maxRetryAfter = options.maxRetryAfterMs ?? 5000;
    const timeoutMs = options.requestTimeoutMs ?? 30_000;
    let dispatcher;
    let requestCount = 0;
    async function attempt(spec) {
        const describe = { ...spec.describe, server };
        const ctx = new RequestContext(`${server}${spec.path}`, spec.method);
        for (const [key, value] of Object.entries(spec.query ?? {}))
            if (value !== undefined)
                ctx.setQueryParam(key, String(value));
        ctx.setHeaderParam('Accept', spec.accept ?? 'application/json');
        if (spec.body !== undefined) {
            ctx.setHeaderParam('Content-Type', spec.contentType ?? 'application/json');
            ctx.setBody(spec.body);
        }
        try {
            await kc.applySecurityAuthentication(ctx);
        }
        catch (error) {
            // e.g. an exec credential plugin that is missing or failed: not something a retry fixes.
            const message = error instanceof Error ? error.message : String(error);
            throw new kube_api/* KubeApiError */.W(`could not get credentials for the Kubernetes API at ${server}: ${message}`, 'unauthorized', undefined, describe.verb, describe.resource);
        }
        // client-node builds a new connection pool per request; keep the first so connections are reused.
        if (dispatcher === undefined)
            dispatcher = ctx.getDispatcher();
        else
            ctx.setDispatcher(dispatcher);
        ctx.setSignal(AbortSignal.timeout(timeoutMs));
        requestCount++;
        let status;
        let headers;
        let text;
        try {
            const response = await http.send(ctx).toPromise();
            status = response.httpStatusCode;
            headers = response.headers;
            text = await response.body.text();
        }
        catch (error) {
            throw errorForTransport(error, describe);
        }
        if (status >= 200 && status < 300)
            return { status, headers, text };
        throw errorForStatus(status, text, describe, headers);
    }
    async function request(spec) {
        return pRetry(() => attempt(spec), {
            retries,
            minTimeout,
            maxTimeout,
            factor: 2,
            shouldRetry: ({ error }) => error instanceof kube_api/* KubeApiError */.W && error.transient,
            onFailedAttempt: async ({ error, retriesLeft }) => {
                // Honour Retry-After on top of the backoff p-retry applies next.
                if (retriesLeft > 0 && error instanceof RetryAfterKubeApiError) {
                    await new Promise((resolve) => setTimeout(resolve, Math.min(error.retryAfterMs, maxRetryAfter)));
                }
            }
        }).catch((error) => {
            if (error instanceof kube_api/* KubeApiError */.W && error.transient && retries > 0) {
                throw new kube_api/* KubeApiError */.W(`${error.message} (after ${retries} retries)`, error.reason, error.status, error.verb, error.resource);
            }
            throw error;
        });
    }
    const describeFor = (type, verb, namespace, name) => ({
        verb,
        resource: type.resource,
        group: (0,resources/* groupOf */.F8)(type.apiVersion),
        namespace: type.namespaced ? namespace : undefined,
        name
    });
    const getJson = async (path) => {
        const response = await request({ method: 'GET', path, describe: { verb: 'get', resource: path, group: '' } });
        return JSON.parse(response.text);
    };
    const discovery = new Discovery(getJson);
    const api = {
        server,
        get requestCount() {
            return requestCount;
        },
        resourceFor: (kind, apiVersion) => discovery.resourceFor(kind, apiVersion),
        async get(type, namespace, name) {
            try {
                const response = await request({
                    method: 'GET',
                    path: (0,resources/* resourcePath */.oU)(type, namespace, name),
                    describe: describeFor(type, 'get', namespace, name)
                });
                return withTypeMeta(JSON.parse(response.text), type);
            }
            catch (error) {
                if (error instanceof kube_api/* KubeApiError */.W && error.reason === 'not-found')
                    return undefined;
                throw error;
            }
        },
        async list(type, namespace, opts = {}) {
            const items = [];
            let token;
            let restarted = false;
            do {
                let page;
                try {
                    const response = await request({
                        method: 'GET',
                        path: (0,resources/* resourcePath */.oU)(type, namespace),
                        query: {
                            labelSelector: opts.labelSelector || undefined,
                            fieldSelector: opts.fieldSelector || undefined,
                            limit: opts.pageSize ?? 500,
                            continue: token
                        },
                        describe: describeFor(type, 'list', namespace)
                    });
                    page = JSON.parse(response.text);
                }
                catch (error) {
                    // 410 Gone: the continue token expired (compaction); a fresh list is consistent again.
                    if (error instanceof kube_api/* KubeApiError */.W && error.status === 410 && token && !restarted) {
                        restarted = true;
                        items.length = 0;
                        token = undefined;
                        continue;
                    }
                    throw error;
                }
                for (const item of page.items ?? [])
                    items.push(withTypeMeta(item, type));
                token = page.metadata?.continue || undefined;
            } while (token);
            return items;
        },
        async podLog(namespace, pod, opts) {
            try {
                const response = await request({
                    method: 'GET',
                    path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log`,
                    query: {
                        container: opts.container,
                        previous: opts.previous || undefined,
                        tailLines: opts.tailLines,
                        limitBytes: 64 * 1024
                    },
                    accept: '*/*',
                    describe: { verb: 'get', resource: 'pods/log', group: '', namespace, name: pod }
                });
                return response.text;
            }
            catch (error) {
                // 400: no previous container instance yet; 404: the pod is gone. Neither is an API failure.
                if (error instanceof kube_api/* KubeApiError */.W && (error.status === 400 || error.status === 404))
                    return '';
                throw error;
            }
        },
        async patch(type, namespace, name, body, patchType) {
            const response = await request({
                method: 'PATCH',
                path: (0,resources/* resourcePath */.oU)(type, namespace, name),
                body: JSON.stringify(body),
                contentType: PATCH_TYPES[patchType],
                describe: describeFor(type, 'patch', namespace, name)
            });
            return withTypeMeta(JSON.parse(response.text), type);
        },
        async close() {
            await dispatcher?.close?.();
            dispatcher = undefined;
        }
    };
    return api;
}
/** List items come without apiVersion/kind; put them back so objects describe themselves. */
function withTypeMeta(obj, type) {
    if (!obj.apiVersion)
        obj.apiVersion = type.apiVersion;
    if (!obj.kind)
        obj.kind = type.kind;
    return obj;
}


/***/ })

};
