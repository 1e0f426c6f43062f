export const id = 994;
export const ids = [994,783];
export const modules = {

/***/ 985:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ KubeRequestAbortedError),
/* harmony export */   W: () => (/* binding */ KubeApiError)
/* harmony export */ });
/**
 * The one interface between deploy-guard and a Kubernetes API server. Everything that gathers from or
 * acts on a cluster goes through it, so commands can be tested against the sandbox or a fake that
 * behaves, and evaluation code never sees a client object.
 *
 * Implemented in src/kube/client.ts (retries for transient failures) over a light HTTPS transport
 * (tokens, client certificates, exec plugins, in-cluster, auth providers, proxies): see
 * src/kube/transport/.
 */
class KubeApiError extends Error {
    reason;
    status;
    verb;
    resource;
    constructor(message, reason, 
    /** HTTP status when there was a response. */
    status, 
    /** e.g. `get`, `list`, `patch` — used in RBAC hints. */
    verb, 
    /** e.g. `deployments.apps` */
    resource) {
        super(message);
        this.reason = reason;
        this.status = status;
        this.verb = verb;
        this.resource = resource;
        this.name = 'KubeApiError';
    }
    /** Transient failures are retried, then reported as inconclusive (never as pass or fail). */
    get transient() {
        return this.reason === 'unreachable' || this.reason === 'server-error' || this.reason === 'timeout';
    }
}
/**
 * A request the caller stopped: its AbortSignal fired (the run was cancelled, or a deadline such as the
 * verify timeout passed). Reason `timeout`, so anything that treats it generically reads it as "the API
 * did not answer in time" (inconclusive, never pass or fail); it is never retried.
 */
class KubeRequestAbortedError extends KubeApiError {
    by;
    constructor(message, verb, resource, 
    /** `deadline` when the signal's reason was a TimeoutError (AbortSignal.timeout), else `cancelled`. */
    by) {
        super(message, 'timeout', undefined, verb, resource);
        this.by = by;
        this.name = 'KubeRequestAbortedError';
    }
}


/***/ }),

/***/ 1994:
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

// EXTERNAL MODULE: ./src/util/sleep.ts
var sleep = __webpack_require__(7783);
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

// EXTERNAL MODULE: ./src/kube/errors.ts
var errors = __webpack_require__(3646);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/kube/kubeconfig.ts
/**
 * The credential source type, where default credentials would come from, and the client-node
 * loader. Since the fast path (src/kube/transport/kubeconfig.ts) reads kubeconfigs itself,
 * `loadKubeConfig` only serves the @kubernetes/client-node fallback (auth-provider users, proxies,
 * unrecognised fields), which hands it one already-selected context; its messages match the fast
 * path's. Error messages never quote the document: it may hold tokens or keys.
 */



/**
 * A `kubeconfig` input that cannot be a kubeconfig's content, said as what to do: a single line that
 * looks like a file path (`/home/runner/.kube/config`, `~/.kube/config`, `kubeconfig.yaml`) or like a
 * base64-encoded document. YAML would read either as a plain string ("not a mapping"), which tells a
 * user nothing. Never quotes the value.
 */
function kubeconfigInputProblem(content) {
    const value = content.trim();
    if (value === '' || /[\r\n]/.test(value) || /^[{[]/.test(value) || /:\s/.test(value))
        return undefined;
    const looksLikePath = /^(~|\.{1,2})?[\\/]/.test(value) ||
        /^[A-Za-z]:[\\/]/.test(value) ||
        /^\$\{?[A-Za-z_]/.test(value) ||
        /(^|[\\/])[^\s\\/]*(config|\.ya?ml|\.json|\.conf)$/i.test(value);
    if (looksLikePath) {
        return "the kubeconfig input expects the kubeconfig's content (YAML), not a path; to use a file, set KUBECONFIG in env or pass `${{ secrets.KUBECONFIG }}`";
    }
    if (/^[A-Za-z0-9+/]{40,}={0,2}$/.test(value)) {
        const decoded = Buffer.from(value, 'base64').toString('utf8');
        if (/\b(clusters|apiVersion|current-context)\b/.test(decoded))
            return "the kubeconfig input looks base64-encoded; it expects the kubeconfig's content (YAML): decode it (base64 -d) before storing it in the secret";
    }
    return undefined;
}
const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';
/** Where the default loader would find credentials, or undefined when it would fall back to localhost:8080. */
function defaultCredentialSource(env = process.env, home = homedir()) {
    if (env.KUBECONFIG && env.KUBECONFIG.length > 0)
        return 'KUBECONFIG';
    if (home && existsSync(join(home, '.kube', 'config')))
        return '~/.kube/config';
    if (env.KUBERNETES_SERVICE_HOST && existsSync(SERVICE_ACCOUNT_TOKEN))
        return 'in-cluster service account';
    return undefined;
}
/** Fills `kc` from the source and checks that a usable context, cluster and server are selected. */
function loadKubeConfig(kc, source) {
    const content = source.kubeconfig?.trim();
    if (content) {
        const problem = kubeconfigInputProblem(content);
        if (problem)
            throw new Error(problem);
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

;// CONCATENATED MODULE: ./src/kube/transport/kubeconfig.ts
/**
 * Our own kubeconfig reader for the fast path: finds the credentials in the documented order
 * (`kubeconfig` input → $KUBECONFIG → ~/.kube/config → in-cluster service account), merges a
 * $KUBECONFIG list the way kubectl does (the first file to define a name or `current-context` wins),
 * selects the context and resolves everything a request needs: server, TLS material, credentials.
 *
 * Why not @kubernetes/client-node's KubeConfig: importing it loads every generated API and model
 * (~250-380 ms of a ~400 ms cold start on the 2-core CI machines, and a 19 MB bundle chunk); this file
 * needs only `yaml`, which the main bundle already holds. It reads every field client-node reads:
 * auth-provider users get their token from client-node's small authenticator modules, or our OIDC
 * reader (./auth-provider.ts), and proxy-url is carried by a proxy agent (./proxy-agent.ts), both
 * loaded only for the kubeconfigs that use them. Fields neither knows are ignored, as kubectl and
 * client-node ignore them (`ignoredFields` names them for the debug log).
 *
 * Every error is one sentence naming fields, files and entry names, never quoting the document: it
 * may hold tokens or keys.
 */






const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';
// Fields of client-go's Cluster and AuthInfo we implement or may ignore safely (a superset of what
// client-node 2.x reads). Anything else is ignored and named in ClusterTarget.ignoredFields.
const CLUSTER_FIELDS = new Set([
    'server',
    'proxy-url',
    'certificate-authority',
    'certificate-authority-data',
    'insecure-skip-tls-verify',
    'tls-server-name',
    'disable-compression',
    'extensions'
]);
const USER_FIELDS = new Set([
    'token',
    'tokenFile',
    'token-file',
    'username',
    'password',
    'client-certificate',
    'client-certificate-data',
    'client-key',
    'client-key-data',
    'exec',
    'auth-provider',
    'as',
    'as-uid',
    'as-groups',
    'as-user-extra',
    'extensions'
]);
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** Parses one kubeconfig document. Throws one sentence (line number at most) for bad YAML or shape. */
function parseKubeconfig(text, baseDir) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: false, lineCounter });
    const yamlError = doc.errors[0];
    if (yamlError)
        throw new Error(`kubeconfig is not valid YAML (line ${lineCounter.linePos(yamlError.pos[0]).line})`);
    let obj;
    try {
        obj = doc.toJS({ maxAliasCount: 100 });
    }
    catch {
        // e.g. an alias without its anchor; the library's message may quote the document.
        throw new Error('kubeconfig is not valid YAML (unresolvable alias)');
    }
    if (obj === null || obj === undefined)
        obj = {};
    if (!isObject(obj))
        throw new Error('kubeconfig is invalid: the document is not a mapping');
    const list = (key, body) => {
        const value = obj[key];
        if (value === undefined || value === null)
            return [];
        if (!Array.isArray(value))
            throw new Error(`kubeconfig is invalid: ${key} is not a list`);
        return value.map((elt, i) => {
            if (!isObject(elt))
                throw new Error(`kubeconfig is invalid: ${key}[${i}] is not a mapping`);
            if (!elt.name)
                throw new Error(`kubeconfig is invalid: ${key}[${i}].name is missing`);
            if (typeof elt.name !== 'string')
                throw new Error(`kubeconfig is invalid: ${key}[${i}].name is not a string`);
            const inner = elt[body];
            // client-go accepts a user without fields (no credentials); a cluster or context needs its body.
            if (inner === undefined || inner === null) {
                if (body === 'user')
                    return { name: elt.name, body: {}, baseDir };
                throw new Error(`kubeconfig is invalid: ${key}[${i}].${body} is missing`);
            }
            if (!isObject(inner))
                throw new Error(`kubeconfig is invalid: ${key}[${i}].${body} is not a mapping`);
            if (body === 'cluster') {
                if (!inner.server)
                    throw new Error(`kubeconfig is invalid: ${key}[${i}].cluster.server is missing`);
                if (typeof inner.server !== 'string')
                    throw new Error(`kubeconfig is invalid: ${key}[${i}].cluster.server is not a string`);
            }
            if (body === 'context' && !inner.cluster)
                throw new Error(`kubeconfig is invalid: ${key}[${i}].context.cluster is missing`);
            return { name: elt.name, body: inner, baseDir };
        });
    };
    const current = obj['current-context'];
    return {
        clusters: list('clusters', 'cluster'),
        users: list('users', 'user'),
        contexts: list('contexts', 'context'),
        currentContext: typeof current === 'string' && current !== '' ? current : undefined
    };
}
/** kubectl's merge of a KUBECONFIG list: the first file to define a name (or current-context) wins. */
function mergeKubeconfigs(configs) {
    const merged = { clusters: [], users: [], contexts: [] };
    for (const config of configs) {
        merged.currentContext ??= config.currentContext;
        for (const key of ['clusters', 'users', 'contexts']) {
            for (const entry of config[key])
                if (!merged[key].some((e) => e.name === entry.name))
                    merged[key].push(entry);
        }
    }
    return merged;
}
/** Where credentials come from, in the documented order; the same answer as defaultCredentialSource. */
function loadClusterConfig(source, env = process.env, home = (0,external_node_os_.homedir)(), serviceAccountDir = SERVICE_ACCOUNT_DIR) {
    const content = source.kubeconfig?.trim();
    if (content) {
        const problem = kubeconfigInputProblem(content);
        if (problem)
            throw new Error(problem);
        return selectTarget(parseKubeconfig(content, process.cwd()), source.context);
    }
    if (env.KUBECONFIG) {
        const files = env.KUBECONFIG.split(external_node_path_.delimiter).filter((file) => file !== '');
        const configs = [];
        for (const file of files) {
            // kubectl skips names that do not exist; an existing file that cannot be read is an error.
            if (!(0,external_node_fs_.existsSync)(file))
                continue;
            const text = readText(file);
            configs.push(withOrigin(`KUBECONFIG file ${file}`, () => parseKubeconfig(text, (0,external_node_path_.dirname)((0,external_node_path_.resolve)(file)))));
        }
        if (configs.length === 0)
            throw new Error(`KUBECONFIG names no existing file (${files.join(', ') || 'empty list'})`);
        return withOrigin('KUBECONFIG', () => selectTarget(mergeKubeconfigs(configs), source.context));
    }
    const homeConfig = home ? (0,external_node_path_.join)(home, '.kube', 'config') : '';
    if (homeConfig && (0,external_node_fs_.existsSync)(homeConfig)) {
        const text = readText(homeConfig);
        return withOrigin('~/.kube/config', () => selectTarget(parseKubeconfig(text, (0,external_node_path_.dirname)(homeConfig)), source.context));
    }
    const tokenPath = (0,external_node_path_.join)(serviceAccountDir, 'token');
    if (env.KUBERNETES_SERVICE_HOST && (0,external_node_fs_.existsSync)(tokenPath)) {
        return { kind: 'native', target: inClusterTarget(env, serviceAccountDir) };
    }
    throw new Error('no Kubernetes credentials found: pass the kubeconfig input, set KUBECONFIG, provide ~/.kube/config or run in a cluster');
}
function withOrigin(origin, fn) {
    try {
        return fn();
    }
    catch (error) {
        throw new Error(`${error.message} (from ${origin})`);
    }
}
function readText(file) {
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (error) {
        throw new Error(`cannot read kubeconfig file ${file}: ${error.code ?? 'error'}`);
    }
}
/** The pod's service account, as client-go's InClusterConfig (and client-node's loadFromCluster). */
function inClusterTarget(env, dir) {
    const host = env.KUBERNETES_SERVICE_HOST;
    const port = env.KUBERNETES_SERVICE_PORT || '443';
    // client-node's rule, kept so the switch changes nothing: these ports are plain HTTP.
    const scheme = port === '80' || port === '8080' || port === '8001' ? 'http' : 'https';
    const caPath = (0,external_node_path_.join)(dir, 'ca.crt');
    return {
        server: `${scheme}://${(0,external_node_net_.isIPv6)(host) ? `[${host}]` : host}:${port}`,
        context: 'in-cluster',
        cluster: 'in-cluster',
        user: 'service-account',
        tls: { ca: (0,external_node_fs_.existsSync)(caPath) ? readMaterial(caPath, 'the service account CA') : undefined, insecure: false },
        auth: { type: 'token-file', path: (0,external_node_path_.join)(dir, 'token') },
        headers: {}
    };
}
/** Checks the selection the way the client-node path did (same messages), then resolves it. */
function selectTarget(config, wanted) {
    const names = config.contexts.map((c) => c.name);
    const available = names.length > 0 ? names.join(', ') : 'none';
    let name;
    if (wanted) {
        if (!names.includes(wanted))
            throw new Error(`context "${wanted}" not found in kubeconfig (available: ${available})`);
        name = wanted;
    }
    else if (config.currentContext) {
        name = config.currentContext;
    }
    else {
        throw new Error(`kubeconfig has no current context (available: ${available}); set current-context or the context input`);
    }
    const context = config.contexts.find((c) => c.name === name);
    if (!context)
        throw new Error(`current context "${name}" not found in kubeconfig (available: ${available})`);
    const clusterName = String(context.body.cluster);
    const cluster = config.clusters.find((c) => c.name === clusterName);
    if (!cluster)
        throw new Error(`cluster "${clusterName}" of context "${name}" not found in kubeconfig`);
    const server = cluster.body.server.replace(/\/+$/, '');
    if (!/^https?:\/\/[^/]/.test(server) || !URL.canParse(server))
        throw new Error(`cluster "${cluster.name}" has an invalid server URL "${server}"`);
    const insecure = cluster.body['insecure-skip-tls-verify'] === true;
    if (server.startsWith('http:') && !insecure) {
        throw new Error(`cluster "${cluster.name}" uses plain HTTP (${server}); use https or set insecure-skip-tls-verify: true`);
    }
    const userName = context.body.user === undefined || context.body.user === '' ? undefined : String(context.body.user);
    const user = userName === undefined ? undefined : config.users.find((u) => u.name === userName);
    if (userName !== undefined && !user)
        throw new Error(`user "${userName}" of context "${name}" not found in kubeconfig`);
    const target = resolveTarget(name, cluster, user, server, insecure);
    const ignored = unknownFields(cluster, user);
    return { kind: 'native', target: ignored.length > 0 ? { ...target, ignoredFields: ignored } : target };
}
/** Fields of the selected cluster and user that no reader here knows (kubectl ignores them too). */
function unknownFields(cluster, user) {
    return [
        ...Object.keys(cluster.body)
            .filter((k) => !CLUSTER_FIELDS.has(k))
            .map((k) => `cluster "${cluster.name}" field ${k}`),
        ...Object.keys(user?.body ?? {})
            .filter((k) => !USER_FIELDS.has(k))
            .map((k) => `user "${user?.name}" field ${k}`)
    ];
}
function resolveTarget(name, cluster, user, server, insecure) {
    const c = cluster.body;
    const u = user?.body ?? {};
    const where = (kind, entry) => `${kind} "${entry.name}"`;
    const str = (body, key, owner) => {
        const value = body[key];
        if (value === undefined || value === null || value === '')
            return undefined;
        if (typeof value !== 'string')
            throw new Error(`kubeconfig is invalid: ${key} of ${owner} is not a string`);
        return value;
    };
    const clusterOwner = where('cluster', cluster);
    // kubectl: *-data overrides the matching file path.
    const material = (entry, owner, dataKey, fileKey) => {
        const data = str(entry.body, dataKey, owner);
        if (data)
            return Buffer.from(data, 'base64');
        const file = str(entry.body, fileKey, owner);
        return file
            ? readMaterial((0,external_node_path_.isAbsolute)(file) ? file : (0,external_node_path_.join)(entry.baseDir, file), `the ${fileKey} file of ${owner}`)
            : undefined;
    };
    const ca = material(cluster, clusterOwner, 'certificate-authority-data', 'certificate-authority');
    const servername = str(c, 'tls-server-name', clusterOwner);
    const proxyUrl = str(c, 'proxy-url', clusterOwner);
    if (proxyUrl !== undefined && (!URL.canParse(proxyUrl) || !PROXY_SCHEMES.has(new URL(proxyUrl).protocol)))
        throw new Error(`${clusterOwner} has an unsupported proxy-url (use http://, https://, socks4://, socks4a://, socks5:// or socks5h://)`);
    let cert;
    let key;
    let auth = { type: 'none' };
    const headers = {};
    if (user) {
        const owner = where('user', user);
        cert = material(user, owner, 'client-certificate-data', 'client-certificate');
        key = material(user, owner, 'client-key-data', 'client-key');
        if (cert && !key)
            throw new Error(`${owner} has a client certificate but no client-key or client-key-data`);
        if (key && !cert)
            throw new Error(`${owner} has a client key but no client-certificate or client-certificate-data`);
        // Precedence as client-node applied it (and kubectl): token, then exec, then basic auth.
        const token = str(u, 'token', owner);
        const tokenFile = str(u, 'tokenFile', owner) ?? str(u, 'token-file', owner);
        const username = str(u, 'username', owner);
        if (token)
            auth = { type: 'token', token };
        else if (tokenFile)
            auth = { type: 'token-file', path: (0,external_node_path_.isAbsolute)(tokenFile) ? tokenFile : (0,external_node_path_.join)(user.baseDir, tokenFile) };
        else if (u['auth-provider'] !== undefined && u['auth-provider'] !== null)
            auth = { type: 'auth-provider', user: user.name, provider: authProvider(u['auth-provider'], owner, user.baseDir) };
        else if (u.exec !== undefined && u.exec !== null)
            auth = { type: 'exec', exec: execConfig(u.exec, owner, user.baseDir) };
        else if (username)
            auth = { type: 'basic', username, password: str(u, 'password', owner) ?? '' };
        const as = str(u, 'as', owner);
        if (as)
            headers['Impersonate-User'] = as;
        const uid = str(u, 'as-uid', owner);
        if (uid)
            headers['Impersonate-Uid'] = uid;
        const groups = u['as-groups'];
        if (Array.isArray(groups) && groups.length > 0)
            headers['Impersonate-Group'] = groups.map(String);
        const extra = u['as-user-extra'];
        if (isObject(extra)) {
            for (const [k, v] of Object.entries(extra)) {
                headers[`Impersonate-Extra-${encodeURIComponent(k)}`] = (Array.isArray(v) ? v : [v]).map(String);
            }
        }
    }
    return {
        server,
        context: name,
        cluster: cluster.name,
        user: user?.name,
        tls: { ca, cert, key, servername, insecure },
        auth,
        headers,
        ...(proxyUrl === undefined ? {} : { proxyUrl })
    };
}
const PROXY_SCHEMES = new Set(['http:', 'https:', 'socks4:', 'socks4a:', 'socks5:', 'socks5h:']);
/** An `auth-provider` entry: its name and string settings (a relative tokenFile made absolute). */
function authProvider(value, owner, baseDir) {
    const invalid = (what) => new Error(`kubeconfig is invalid: auth-provider of ${owner} ${what}`);
    if (!isObject(value))
        throw invalid('is not a mapping');
    if (typeof value.name !== 'string' || value.name === '')
        throw invalid('has no name');
    const raw = value.config ?? {};
    if (!isObject(raw))
        throw invalid('config is not a mapping');
    const config = {};
    for (const [key, setting] of Object.entries(raw))
        if (setting !== undefined && setting !== null)
            config[key] = String(setting);
    if (config.tokenFile && !(0,external_node_path_.isAbsolute)(config.tokenFile))
        config.tokenFile = (0,external_node_path_.join)(baseDir, config.tokenFile);
    return { name: value.name, config };
}
function execConfig(value, owner, baseDir) {
    const invalid = (what) => new Error(`kubeconfig is invalid: exec of ${owner} ${what}`);
    if (!isObject(value))
        throw invalid('is not a mapping');
    if (typeof value.command !== 'string' || value.command === '')
        throw invalid('has no command');
    const args = value.args ?? [];
    if (!Array.isArray(args))
        throw invalid('args is not a list');
    const env = value.env ?? [];
    if (!Array.isArray(env) || !env.every((e) => isObject(e) && typeof e.name === 'string'))
        throw invalid('env is not a list of {name, value}');
    return {
        command: value.command,
        args: args.map(String),
        env: env.map((e) => ({ name: String(e.name), value: String(e.value ?? '') })),
        // kubectl requires it; client-node did not, so default to the version every plugin speaks.
        apiVersion: typeof value.apiVersion === 'string' && value.apiVersion
            ? value.apiVersion
            : 'client.authentication.k8s.io/v1beta1',
        interactiveMode: typeof value.interactiveMode === 'string' ? value.interactiveMode : undefined,
        installHint: typeof value.installHint === 'string' ? value.installHint : undefined,
        provideClusterInfo: value.provideClusterInfo === true,
        baseDir
    };
}
function readMaterial(path, what) {
    try {
        return (0,external_node_fs_.readFileSync)(path);
    }
    catch (error) {
        throw new Error(`cannot read ${what} (${path}): ${error.code ?? 'error'}`);
    }
}

// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/kube/transport/types.ts
var types = __webpack_require__(4854);
;// CONCATENATED MODULE: ./src/kube/transport/credentials.ts
/**
 * Credentials for the native transport: static tokens, token files (re-read every minute, as client-go
 * does, so rotated service-account tokens are picked up), basic auth, exec credential plugins
 * (client.authentication.k8s.io ExecCredential, cached until its expirationTimestamp) and legacy
 * auth-provider users (./auth-provider.ts, imported only for them).
 *
 * Messages name the plugin command and what went wrong; they never contain the plugin's stdout (it
 * holds the credential).
 */



/** Renew an exec credential this long before it expires, so it does not expire in flight. */
const EXPIRY_SKEW_MS = 10_000;
function credentialProvider(target, options = {}) {
    const now = options.now ?? Date.now;
    const secret = (value) => {
        if (value)
            options.onSecret?.(value);
    };
    const auth = target.auth;
    switch (auth.type) {
        case 'none':
            return { get: async () => ({ headers: {} }), invalidate: () => false };
        case 'token': {
            secret(auth.token);
            const creds = { headers: { Authorization: `Bearer ${auth.token}` } };
            return { get: async () => creds, invalidate: () => false };
        }
        case 'basic': {
            secret(auth.password);
            const basic = Buffer.from(`${auth.username}:${auth.password}`).toString('base64');
            const creds = { headers: { Authorization: `Basic ${basic}` } };
            return { get: async () => creds, invalidate: () => false };
        }
        case 'token-file':
            return cached(now, async () => {
                const token = await readTokenFile(auth.path);
                secret(token);
                return {
                    value: { headers: { Authorization: `Bearer ${token}` } },
                    expiresAt: now() + (options.tokenFileTtlMs ?? 60_000)
                };
            });
        case 'exec':
            return cached(now, async () => {
                const status = await runExecPlugin(auth.exec, target, options.execTimeoutMs);
                secret(status.token);
                // A PEM key is multi-line; each line is masked too, as the runner matches line by line.
                secret(status.clientKeyData);
                for (const line of status.clientKeyData?.split('\n') ?? [])
                    if (line.length > 16 && !line.startsWith('-----'))
                        secret(line);
                const creds = { headers: {} };
                if (status.token)
                    creds.headers.Authorization = `Bearer ${status.token}`;
                if (status.clientCertificateData) {
                    creds.cert = status.clientCertificateData;
                    creds.key = status.clientKeyData;
                }
                const expiry = status.expirationTimestamp ? Date.parse(status.expirationTimestamp) : NaN;
                return { value: creds, expiresAt: Number.isNaN(expiry) ? Infinity : expiry - EXPIRY_SKEW_MS };
            });
        case 'auth-provider': {
            let tokens;
            return cached(now, async () => {
                tokens ??= __webpack_require__.e(/* import() */ 347).then(__webpack_require__.bind(__webpack_require__, 4347)).then((m) => m.authProviderTokens(auth.user, auth.provider, now));
                tokens.catch(() => (tokens = undefined));
                const { token, expiresAt } = await (await tokens)();
                secret(token);
                // gcp/azure/tokenFile tokens are cheap to ask for again (each caches its own): ask every minute.
                return {
                    value: { headers: { Authorization: `Bearer ${token}` } },
                    expiresAt: Math.min(expiresAt, now() + (options.tokenFileTtlMs ?? 60_000))
                };
            });
        }
    }
}
/** One fetch at a time, reused until it expires; a failure is not cached. */
function cached(now, fetch) {
    let current;
    return {
        async get() {
            if (current) {
                const entry = await current.catch(() => undefined);
                if (entry && entry.expiresAt > now())
                    return entry.value;
                current = undefined;
            }
            const pending = fetch();
            current = pending;
            pending.catch(() => {
                if (current === pending)
                    current = undefined;
            });
            return (await pending).value;
        },
        invalidate() {
            current = undefined;
            return true;
        }
    };
}
async function readTokenFile(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new types/* CredentialsError */.lE(`cannot read the token file ${path}: ${error.code ?? 'error'}`);
    }
    const token = text.trim();
    if (!token)
        throw new types/* CredentialsError */.lE(`the token file ${path} is empty`);
    return token;
}
/** Runs the plugin once and returns the ExecCredential status it printed. */
async function runExecPlugin(exec, target, timeoutMs = 60_000) {
    const name = `exec credential plugin "${exec.command}"`;
    if (exec.interactiveMode === 'Always') {
        throw new types/* CredentialsError */.lE(`${name} needs an interactive terminal (interactiveMode: Always), which this job does not have`);
    }
    // kubectl: a relative command with a path separator is relative to the kubeconfig's directory.
    const command = exec.command.includes('/') && !(0,external_node_path_.isAbsolute)(exec.command) ? (0,external_node_path_.join)(exec.baseDir, exec.command) : exec.command;
    const spec = { interactive: false };
    if (exec.provideClusterInfo && target) {
        spec.cluster = {
            server: target.server,
            'tls-server-name': target.tls.servername,
            'insecure-skip-tls-verify': target.tls.insecure || undefined,
            'certificate-authority-data': target.tls.ca?.toString('base64')
        };
    }
    const env = { ...process.env };
    for (const { name: key, value } of exec.env)
        env[key] = value;
    env.KUBERNETES_EXEC_INFO = JSON.stringify({ apiVersion: exec.apiVersion, kind: 'ExecCredential', spec });
    // Loaded here, not at the top: only exec-plugin kubeconfigs need it, and node:child_process (with
    // the modules it pulls in) would otherwise load before every run's first request.
    const { spawn } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1421, 23));
    const { code, signal, stdout, stderr, spawnError, timedOut } = await new Promise((resolvePromise) => {
        let stdout = '';
        let stderr = '';
        let spawnError;
        let timedOut = false;
        const child = spawn(command, exec.args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
        }, timeoutMs);
        child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk) => {
            if (stderr.length < 64 * 1024)
                stderr += chunk;
        });
        child.on('error', (error) => (spawnError = error));
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            resolvePromise({ code, signal, stdout, stderr, spawnError, timedOut });
        });
    });
    if (spawnError) {
        if (spawnError.code === 'ENOENT') {
            const hint = exec.installHint ? `; ${exec.installHint.replace(/\s+/g, ' ').trim()}` : '';
            throw new types/* CredentialsError */.lE(`${name} was not found${hint}`);
        }
        throw new types/* CredentialsError */.lE(`${name} could not be started: ${spawnError.code ?? spawnError.message}`);
    }
    if (timedOut)
        throw new types/* CredentialsError */.lE(`${name} did not finish within ${Math.round(timeoutMs / 1000)} s`);
    if (code !== 0) {
        const detail = stderr.replace(/\s+/g, ' ').trim().slice(0, 300);
        const how = code === null ? `was killed by ${signal}` : `failed (exit code ${code})`;
        throw new types/* CredentialsError */.lE(`${name} ${how}${detail ? `: ${detail}` : ''}`);
    }
    let credential;
    try {
        credential = JSON.parse(stdout);
    }
    catch {
        throw new types/* CredentialsError */.lE(`${name} did not print an ExecCredential JSON object`);
    }
    const c = credential;
    if (typeof c !== 'object' || c === null || (c.kind !== undefined && c.kind !== 'ExecCredential')) {
        throw new types/* CredentialsError */.lE(`${name} did not print an ExecCredential JSON object`);
    }
    const status = c.status;
    if (typeof status !== 'object' || status === null)
        throw new types/* CredentialsError */.lE(`${name} printed an ExecCredential without status`);
    const hasCert = typeof status.clientCertificateData === 'string' && status.clientCertificateData !== '';
    const hasKey = typeof status.clientKeyData === 'string' && status.clientKeyData !== '';
    if (hasCert !== hasKey) {
        throw new types/* CredentialsError */.lE(`${name} printed only one of clientCertificateData and clientKeyData; both are needed`);
    }
    if (!(typeof status.token === 'string' && status.token !== '') && !hasCert) {
        throw new types/* CredentialsError */.lE(`${name} printed neither a token nor a client certificate`);
    }
    return status;
}

;// CONCATENATED MODULE: ./src/kube/transport/native.ts



const USER_AGENT = 'deploy-guard';
// Loaded with require, not `import`: an ES import of node:http makes Node build its ES module facade,
// which reads every export, and Node 24's lazy undici-backed exports then load Node's whole bundled
// undici (~20 ms of CPU before the first request, measured on the 2-core CI machine).
const nodeRequire = (0,external_node_module_.createRequire)(import.meta.url);
const http = nodeRequire('node:http');
const https = nodeRequire('node:https');
function createNativeTransport(target, options = {}) {
    const url = new URL(target.server);
    const secure = url.protocol === 'https:';
    const basePath = url.pathname.replace(/\/+$/, '');
    // URL keeps the brackets of an IPv6 literal; http.request wants the bare address.
    const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = url.port || (secure ? 443 : 80);
    const credentials = credentialProvider(target, options);
    const agents = new Map();
    // The proxy's password (user:password@ in proxy-url) is a credential like any other.
    if (target.proxyUrl && URL.canParse(target.proxyUrl)) {
        const password = new URL(target.proxyUrl).password;
        if (password)
            options.onSecret?.(decodeURIComponent(password));
    }
    /** The kubeconfig's client certificate, unless an exec plugin supplied one (it may rotate). */
    function agentFor(creds) {
        const cert = creds.cert ?? target.tls.cert;
        const key = creds.key ?? target.tls.key;
        const id = creds.cert ? creds.cert : 'kubeconfig';
        let agent = agents.get(id);
        if (!agent) {
            // 30 s keep-alive probes like client-go, so idle load-balancer timeouts do not bite.
            const common = { keepAlive: true, keepAliveMsecs: 30_000, maxSockets: 16 };
            const tls = {
                ca: target.tls.ca,
                cert,
                key,
                servername: target.tls.servername,
                rejectUnauthorized: !target.tls.insecure
            };
            agent = target.proxyUrl
                ? __webpack_require__.e(/* import() */ 87).then(__webpack_require__.bind(__webpack_require__, 6087)).then((m) => m.createProxyAgent(target.proxyUrl, secure, { ...common, ...tls }))
                : Promise.resolve(secure ? new https.Agent({ ...common, ...tls }) : new http.Agent(common));
            agents.set(id, agent);
        }
        return agent;
    }
    return {
        server: target.server,
        name: 'node:https',
        async prepare(request) {
            const creds = await credentials.get();
            const agent = await agentFor(creds);
            const query = new URLSearchParams();
            for (const [k, v] of Object.entries(request.query ?? {}))
                if (v !== undefined)
                    query.set(k, String(v));
            const qs = query.toString();
            const headers = {
                ...target.headers,
                Accept: request.accept ?? 'application/json',
                'User-Agent': USER_AGENT,
                ...creds.headers
            };
            const body = request.body === undefined ? undefined : Buffer.from(request.body);
            if (body) {
                headers['Content-Type'] = request.contentType ?? 'application/json';
                headers['Content-Length'] = body.length;
            }
            const requestOptions = {
                hostname,
                port,
                method: request.method,
                path: `${basePath}${request.path}${qs ? `?${qs}` : ''}`,
                headers,
                agent,
                servername: target.tls.servername
            };
            const limits = { timeoutMs: request.timeoutMs, maxBytes: request.maxResponseBytes ?? types/* DEFAULT_MAX_RESPONSE_BYTES */.fe };
            return { send: (signal) => send(secure, requestOptions, body, limits, signal) };
        },
        credentialsRejected: () => target.auth.type !== 'none' && credentials.invalidate(),
        async close() {
            for (const agent of agents.values())
                (await agent.catch(() => undefined))?.destroy();
            agents.clear();
        }
    };
}
function send(secure, options, body, limits, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject((0,types/* abortError */.vt)(signal));
        let settled = false;
        const finish = () => {
            settled = true;
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
        };
        const fail = (error) => {
            if (settled)
                return;
            finish();
            reject(error);
        };
        // Destroying the request destroys its socket, so a hung server holds nothing after we give up.
        const tearDown = (error) => {
            fail(error);
            req.destroy(error);
        };
        const onAbort = () => tearDown((0,types/* abortError */.vt)(signal));
        const req = (secure ? https : http).request(options, (res) => {
            const chunks = [];
            let size = 0;
            res.on('data', (chunk) => {
                size += chunk.length;
                if (size > limits.maxBytes)
                    return tearDown(new types/* ResponseTooLargeError */.by(limits.maxBytes));
                chunks.push(chunk);
            });
            res.on('error', (error) => fail(asTransportError(error)));
            res.on('end', () => {
                if (settled)
                    return;
                finish();
                const headers = {};
                for (const [k, v] of Object.entries(res.headers))
                    if (v !== undefined)
                        headers[k] = Array.isArray(v) ? v.join(', ') : v;
                resolve({ status: res.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString('utf8') });
            });
        });
        const timer = setTimeout(() => {
            const error = new Error(`no answer within ${limits.timeoutMs} ms`);
            error.name = 'TimeoutError';
            tearDown(error);
        }, limits.timeoutMs);
        signal?.addEventListener('abort', onAbort, { once: true });
        req.on('error', (error) => fail(asTransportError(error)));
        req.end(body);
    });
}
/**
 * Node's socket and TLS errors carry their code on the error itself; errorForTransport reads it from
 * `cause` (undici's shape), so give it one. "socket hang up" then reads "ECONNRESET: socket hang up".
 */
function asTransportError(error) {
    return new Error(error.message, { cause: error });
}

;// CONCATENATED MODULE: ./src/kube/transport/index.ts



async function openTransport(source, options = {}) {
    const { target } = loadClusterConfig(source);
    return createNativeTransport(target, options);
}

;// CONCATENATED MODULE: ./src/kube/client.ts
/**
 * The KubeApi: plain REST paths, so one small client covers GET/LIST (selectors, pagination), pod
 * logs and every patch type. Transient failures are retried with exponential backoff, then thrown as
 * transient KubeApiErrors.
 *
 * Requests go through one transport (./transport/): node:https with our own kubeconfig reader (tokens,
 * token files, client certificates, exec plugins, in-cluster, and — loaded only when a kubeconfig needs
 * them — auth-provider users through client-node's authenticator modules and proxy-url agents).
 * client-node's KubeConfig is not used: it imports every generated API and model (19 MB, 250-380 ms on
 * the 2-core CI machines, more than the rest of the action's start-up).
 */







const PATCH_TYPES = {
    json: 'application/json-patch+json',
    merge: 'application/merge-patch+json',
    strategic: 'application/strategic-merge-patch+json'
};
async function createKubeApi(source, options = {}) {
    const transport = await (options.transport ?? ((s) => openTransport(s, { onSecret: options.onSecret })))(source);
    const server = transport.server;
    const retries = options.retries ?? 4;
    const minTimeout = options.minRetryDelayMs ?? 200;
    const maxTimeout = options.maxRetryDelayMs ?? 3000;
    const maxRetryAfter = options.maxRetryAfterMs ?? 5000;
    const timeoutMs = options.requestTimeoutMs ?? 30_000;
    let requestCount = 0;
    const maxResponseBytes = options.maxResponseBytes;
    async function attempt(spec, signal, renewedCredentials = false) {
        const describe = { ...spec.describe, server };
        let prepared;
        try {
            prepared = await transport.prepare({
                method: spec.method,
                path: spec.path,
                query: spec.query,
                body: spec.body,
                contentType: spec.contentType,
                accept: spec.accept,
                timeoutMs,
                maxResponseBytes
            });
        }
        catch (error) {
            // e.g. an exec credential plugin that is missing or failed: not something a retry fixes.
            const message = error instanceof types/* CredentialsError */.lE || error instanceof Error ? error.message : String(error);
            throw new kube_api/* KubeApiError */.W(`could not get credentials for the Kubernetes API at ${server}: ${message}`, 'unauthorized', undefined, describe.verb, describe.resource);
        }
        requestCount++;
        let response;
        try {
            response = await prepared.send(signal);
        }
        catch (error) {
            throw signal?.aborted ? (0,errors/* errorForAbort */._z)(signal, describe) : (0,errors/* errorForTransport */.Zy)(error, describe);
        }
        const { status, headers, text } = response;
        if (status >= 200 && status < 300)
            return response;
        // An expired exec credential or a rotated token file: renew once, as kubectl does.
        if (status === 401 && !renewedCredentials && transport.credentialsRejected?.())
            return attempt(spec, signal, true);
        throw (0,errors/* errorForStatus */.U6)(status, text, describe, headers);
    }
    /** One request with retries; `signal` (the run's, maybe combined with a view's) stops it all. */
    async function request(spec, signal) {
        if (signal?.aborted)
            throw (0,errors/* errorForAbort */._z)(signal, { ...spec.describe, server });
        return pRetry(() => attempt(spec, signal), {
            retries,
            minTimeout,
            maxTimeout,
            factor: 2,
            // Backoff waits end when the signal aborts (p-retry then rejects with the signal's reason).
            signal,
            shouldRetry: ({ error }) => error instanceof kube_api/* KubeApiError */.W && error.transient && !(error instanceof kube_api/* KubeRequestAbortedError */.M),
            onFailedAttempt: async ({ error, retriesLeft }) => {
                // Honour Retry-After on top of the backoff p-retry applies next; the wait ends on abort too.
                if (retriesLeft > 0 && error instanceof errors/* RetryAfterKubeApiError */.Wd) {
                    await (0,sleep/* sleep */.y)(Math.min(error.retryAfterMs, maxRetryAfter), signal);
                }
            }
        }).catch((error) => {
            if (signal?.aborted) {
                throw error instanceof kube_api/* KubeRequestAbortedError */.M ? error : (0,errors/* errorForAbort */._z)(signal, { ...spec.describe, server });
            }
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
    /** The KubeApi whose requests stop when `signal` aborts (undefined: only the per-request timeout). */
    function view(signal) {
        const getJson = async (path) => {
            const response = await request({ method: 'GET', path, describe: { verb: 'get', resource: path, group: '' } }, signal);
            return JSON.parse(response.text);
        };
        // One per view: a cached discovery answer must not be one another view's deadline cut short.
        const discovery = new Discovery(getJson);
        return {
            server,
            get requestCount() {
                return requestCount;
            },
            withSignal: (scope) => view(signal ? AbortSignal.any([signal, scope]) : scope),
            detachedFromRun: (scope) => view(scope),
            resourceFor: (kind, apiVersion) => discovery.resourceFor(kind, apiVersion),
            async get(type, namespace, name) {
                try {
                    const response = await request({
                        method: 'GET',
                        path: (0,resources/* resourcePath */.oU)(type, namespace, name),
                        describe: describeFor(type, 'get', namespace, name)
                    }, signal);
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
                        }, signal);
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
                    for (const item of page.items ?? []) {
                        const typed = withTypeMeta(item, type);
                        if (!opts.keep || opts.keep(typed))
                            items.push(typed);
                    }
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
                    }, signal);
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
                }, signal);
                return withTypeMeta(JSON.parse(response.text), type);
            },
            async create(type, namespace, body) {
                const response = await request({
                    method: 'POST',
                    path: (0,resources/* resourcePath */.oU)(type, namespace),
                    body: JSON.stringify(body),
                    contentType: 'application/json',
                    describe: describeFor(type, 'create', namespace, body.metadata.name)
                }, signal);
                return withTypeMeta(JSON.parse(response.text), type);
            },
            async delete(type, namespace, name, opts = {}) {
                const body = {
                    kind: 'DeleteOptions',
                    apiVersion: 'v1',
                    ...(opts.uid ? { preconditions: { uid: opts.uid } } : {}),
                    ...(opts.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: opts.gracePeriodSeconds } : {})
                };
                try {
                    await request({
                        method: 'DELETE',
                        path: (0,resources/* resourcePath */.oU)(type, namespace, name),
                        body: JSON.stringify(body),
                        contentType: 'application/json',
                        describe: describeFor(type, 'delete', namespace, name)
                    }, signal);
                }
                catch (error) {
                    if (error instanceof kube_api/* KubeApiError */.W && error.reason === 'not-found')
                        return;
                    throw error;
                }
            }
        };
    }
    // The client itself is the view of the run's signal, plus what owns the connections.
    const base = view(options.signal);
    const api = {
        server,
        transport: transport.name,
        get requestCount() {
            return requestCount;
        },
        withSignal: base.withSignal,
        detachedFromRun: base.detachedFromRun,
        create: base.create,
        resourceFor: base.resourceFor,
        get: base.get,
        list: base.list,
        podLog: base.podLog,
        patch: base.patch,
        delete: base.delete,
        close: () => transport.close()
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


/***/ }),

/***/ 3646:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U6: () => (/* binding */ errorForStatus),
/* harmony export */   Wd: () => (/* binding */ RetryAfterKubeApiError),
/* harmony export */   Zy: () => (/* binding */ errorForTransport),
/* harmony export */   _z: () => (/* binding */ errorForAbort)
/* harmony export */ });
/* unused harmony exports statusMessage, describeRequest */
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(985);
/* harmony import */ var _transport_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4854);
/* harmony import */ var _util_tls_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8557);
/* harmony import */ var _util_retry_after_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9361);
/** Turns HTTP responses and transport failures into KubeApiError with messages a user can act on. Pure. */




/** A transient error that also says how long the server asked us to wait (429/503 Retry-After). */
class RetryAfterKubeApiError extends _api_js__WEBPACK_IMPORTED_MODULE_0__/* .KubeApiError */ .W {
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
function errorForStatus(status, body, d, headers = {}) {
    const serverSays = statusMessage(body) ?? (body.trim().slice(0, 300) || `HTTP ${status}`);
    const make = (message, reason) => new _api_js__WEBPACK_IMPORTED_MODULE_0__/* .KubeApiError */ .W(message, reason, status, d.verb, qualified(d));
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
            const retryAfter = (0,_util_retry_after_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRetryAfter */ .m)(headers['retry-after']);
            return retryAfter === undefined ? error : new RetryAfterKubeApiError(error, retryAfter);
        }
        default:
            return make(`invalid request to ${d.verb} ${qualified(d)} (${status}): ${serverSays}`, 'invalid');
    }
}
/** `get deployments.apps "api" in namespace "prod"`: the request, for messages. */
function describeRequest(d) {
    return `${d.verb} ${qualified(d)}${d.name ? ` "${d.name}"` : ''} ${scope(d)}`;
}
/** A request its caller's signal stopped: a deadline passed (AbortSignal.timeout) or the run was cancelled. */
function errorForAbort(signal, d) {
    const reason = signal.reason;
    const deadline = reason?.name === 'TimeoutError';
    return new _api_js__WEBPACK_IMPORTED_MODULE_0__/* .KubeRequestAbortedError */ .M(deadline
        ? `the Kubernetes API at ${d.server} did not answer ${describeRequest(d)} before the deadline`
        : `${describeRequest(d)} at ${d.server} was cancelled`, d.verb, qualified(d), deadline ? 'deadline' : 'cancelled');
}
/** A failure without a response: timeout, refused, reset, DNS, TLS, a body over the size cap. */
function errorForTransport(error, d) {
    const e = error;
    if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
        return new _api_js__WEBPACK_IMPORTED_MODULE_0__/* .KubeApiError */ .W(`the Kubernetes API at ${d.server} did not answer ${d.verb} ${qualified(d)} in time`, 'timeout', undefined, d.verb, qualified(d));
    }
    if (error instanceof _transport_types_js__WEBPACK_IMPORTED_MODULE_1__/* .ResponseTooLargeError */ .by) {
        return new _api_js__WEBPACK_IMPORTED_MODULE_0__/* .KubeApiError */ .W(`the Kubernetes API at ${d.server} answered ${describeRequest(d)} with more than ${Math.round(error.limitBytes / 1024 / 1024)} MiB; deploy-guard does not read answers that large (a misbehaving server or proxy?)`, 'too-large', undefined, d.verb, qualified(d));
    }
    const tls = (0,_util_tls_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .tlsVerificationProblem */ .g)(error);
    if (tls) {
        return new _api_js__WEBPACK_IMPORTED_MODULE_0__/* .KubeApiError */ .W(`cannot verify the TLS certificate of the Kubernetes API at ${d.server} (${tls.code}): ${tls.hint}; check the cluster's certificate-authority-data (or certificate-authority, tls-server-name) in the kubeconfig`, 'tls', undefined, d.verb, qualified(d));
    }
    const cause = e?.cause;
    // Node's messages usually embed the code ("connect ECONNREFUSED 127.0.0.1:6443"); add it when they do not.
    const message = cause?.message ?? e?.message ?? String(error);
    const detail = cause?.code && !message.includes(cause.code) ? `${cause.code}: ${message}` : message;
    return new _api_js__WEBPACK_IMPORTED_MODULE_0__/* .KubeApiError */ .W(`cannot reach the Kubernetes API at ${d.server}: ${detail}`, 'unreachable', undefined, d.verb, qualified(d));
}


/***/ }),

/***/ 4854:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   by: () => (/* binding */ ResponseTooLargeError),
/* harmony export */   fe: () => (/* binding */ DEFAULT_MAX_RESPONSE_BYTES),
/* harmony export */   lE: () => (/* binding */ CredentialsError),
/* harmony export */   vt: () => (/* binding */ abortError)
/* harmony export */ });
/**
 * What src/kube/client.ts needs from a transport: a server URL, a way to turn a request into one that
 * carries credentials, and a way to send it. One implementation today: node:https with our own
 * kubeconfig reader (./native.ts); tests inject fakes.
 */
/** 64 MiB: a 500-item page of large objects is a few MiB; more is a misbehaving server or proxy. */
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
/** Credentials could not be obtained (exec plugin failed, token file unreadable). Never retried. */
class CredentialsError extends Error {
    constructor(message) {
        super(message);
        this.name = 'CredentialsError';
    }
}
/** The response body went past TransportRequest.maxResponseBytes; the connection was dropped. */
class ResponseTooLargeError extends Error {
    limitBytes;
    constructor(limitBytes) {
        super(`the response is larger than ${Math.round(limitBytes / 1024 / 1024)} MiB`);
        this.limitBytes = limitBytes;
        this.name = 'ResponseTooLargeError';
    }
}
/** The error a send() rejects with when its signal aborts. */
function abortError(signal) {
    const error = new Error('the request was aborted', { cause: signal.reason });
    error.name = 'AbortError';
    return error;
}


/***/ }),

/***/ 9361:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/**
 * `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP date. Milliseconds, or undefined when
 * absent or unparsable. The one reading every client (Kubernetes, Prometheus, GitHub, webhook) uses.
 */
function parseRetryAfter(header, now = Date.now()) {
    if (header === undefined)
        return undefined;
    const trimmed = header.trim();
    if (trimmed === '')
        return undefined;
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Math.round(Number(trimmed) * 1000);
    const at = Date.parse(trimmed);
    if (Number.isNaN(at))
        return undefined;
    return Math.max(0, at - (typeof now === 'number' ? now : now.getTime()));
}


/***/ }),

/***/ 7783:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ MAX_TIMER_MS),
/* harmony export */   y: () => (/* binding */ sleep)
/* harmony export */ });
/** setTimeout turns anything longer into 1 ms (TimeoutOverflowWarning): longer waits go in chunks. */
const MAX_TIMER_MS = 2 ** 31 - 1;
function wait(ms, signal) {
    return new Promise((resolve) => {
        if (ms <= 0 || signal?.aborted)
            return resolve();
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
    });
}
const sleep = async (ms, signal) => {
    let left = Number.isFinite(ms) ? ms : MAX_TIMER_MS;
    while (left > 0 && !signal?.aborted) {
        const chunk = Math.min(left, MAX_TIMER_MS);
        await wait(chunk, signal);
        left -= chunk;
    }
};


/***/ }),

/***/ 8557:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ tlsVerificationProblem)
/* harmony export */ });
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
]);
function hintFor(code) {
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH')
        return "the server's certificate is not valid for this host name";
    if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID')
        return "the server's certificate is outside its validity period";
    if (code === 'ERR_SSL_WRONG_VERSION_NUMBER')
        return 'the server does not speak TLS on this port (http:// instead of https://?)';
    return "the server's certificate is not signed by a trusted CA";
}
/** The verification failure carried by `error` or one of its causes, if any. */
function tlsVerificationProblem(error) {
    let current = error;
    for (let depth = 0; depth < 5 && current; depth++) {
        const code = current.code;
        if (typeof code === 'string' && VERIFICATION_CODES.has(code))
            return { code, hint: hintFor(code) };
        current = current.cause;
    }
    return undefined;
}


/***/ })

};
