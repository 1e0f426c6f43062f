export const id = 514;
export const ids = [514];
export const modules = {

/***/ 514:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createPrometheusClient: () => (/* binding */ createPrometheusClient)
});

// UNUSED EXPORTS: MAX_REDIRECTS, POST_THRESHOLD, PrometheusClient

// EXTERNAL MODULE: ./src/prometheus/errors.ts
var errors = __webpack_require__(2737);
// EXTERNAL MODULE: ./src/prometheus/graph-url.ts
var graph_url = __webpack_require__(6652);
// EXTERNAL MODULE: ./src/util/plain-object.ts
var plain_object = __webpack_require__(3838);
;// CONCATENATED MODULE: ./src/prometheus/parse.ts

function isSamplePair(value) {
    return Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'string';
}
function isLabels(value) {
    return (0,plain_object/* isPlainObject */.Q)(value) && Object.values(value).every((v) => typeof v === 'string');
}
function parseData(data) {
    if (!(0,plain_object/* isPlainObject */.Q)(data))
        return 'no "data" object';
    const { resultType, result } = data;
    switch (resultType) {
        case 'scalar':
        case 'string':
            return isSamplePair(result) ? { resultType, result } : `a ${resultType} result that is not [time, "value"]`;
        case 'vector':
            if (Array.isArray(result) && result.every((s) => (0,plain_object/* isPlainObject */.Q)(s) && isLabels(s.metric) && isSamplePair(s.value)))
                return { resultType, result: result };
            return 'a vector result with invalid samples';
        case 'matrix':
            if (Array.isArray(result) &&
                result.every((s) => (0,plain_object/* isPlainObject */.Q)(s) && isLabels(s.metric) && Array.isArray(s.values) && s.values.every(isSamplePair)))
                return { resultType, result: result };
            return 'a matrix result with invalid series';
        default:
            return `unknown resultType ${JSON.stringify(resultType)}`;
    }
}
function parseWarnings(value) {
    return Array.isArray(value) ? value.filter((w) => typeof w === 'string') : [];
}
function parseBody(body) {
    if (!(0,plain_object/* isPlainObject */.Q)(body))
        return { ok: 'malformed', problem: 'the body is not a JSON object' };
    if (body.status === 'error') {
        return {
            ok: false,
            errorType: typeof body.errorType === 'string' ? body.errorType : 'unknown',
            error: typeof body.error === 'string' ? body.error : 'no error text'
        };
    }
    if (body.status !== 'success')
        return { ok: 'malformed', problem: 'the body has no "status" of success or error' };
    const data = parseData(body.data);
    if (typeof data === 'string')
        return { ok: 'malformed', problem: data };
    return { ok: true, result: { data, warnings: parseWarnings(body.warnings) } };
}

// EXTERNAL MODULE: ./src/prometheus/retry.ts
var retry = __webpack_require__(6490);
// EXTERNAL MODULE: ./src/prometheus/transport.ts
var transport = __webpack_require__(3153);
// EXTERNAL MODULE: ./src/util/retry-after.ts
var retry_after = __webpack_require__(9361);
// EXTERNAL MODULE: ./src/util/tls-errors.ts
var tls_errors = __webpack_require__(8557);
;// CONCATENATED MODULE: ./src/prometheus/client.ts







/** Beyond this many characters (query plus parameters) we POST, to stay under proxies' URL limits. */
const POST_THRESHOLD = 1500;
/** Same-origin redirects followed for one request before it is called a loop. */
const MAX_REDIRECTS = 5;
/** The probe's retries: enough for a blip (a 503 while a replica restarts), short enough to fail fast. */
const PROBE_POLICY = { retries: 2, baseDelayMs: 500, maxDelayMs: 2000 };
const seconds = (date) => (date.getTime() / 1000).toString();
class PrometheusClient {
    config;
    options;
    http;
    policy;
    sleep;
    origin;
    maxResponseBytes;
    constructor(config, options = {}) {
        this.config = config;
        this.options = options;
        this.maxResponseBytes = options.maxResponseBytes ?? transport/* DEFAULT_MAX_RESPONSE_BYTES */.fe;
        this.origin = new URL(config.url).origin;
        this.http = (0,transport/* createTransport */.oO)({
            token: config.token,
            basicAuth: config.basicAuth,
            headers: config.headers ?? {},
            ca: config.ca,
            insecureSkipTlsVerify: config.insecureSkipTlsVerify ?? false
        }, this.maxResponseBytes);
        this.policy = {
            retries: config.retries,
            baseDelayMs: options.retryBaseDelayMs ?? 500,
            maxDelayMs: options.maxRetryDelayMs ?? 30_000
        };
        this.sleep = options.sleep ?? retry/* defaultSleep */.JG;
    }
    instantQuery(query, time) {
        const params = { query };
        if (time)
            params.time = seconds(time);
        return this.request('api/v1/query', params);
    }
    rangeQuery(query, start, end, stepSeconds) {
        return this.request('api/v1/query_range', {
            query,
            start: seconds(start),
            end: seconds(end),
            step: stepSeconds.toString()
        });
    }
    graphUrl(query, start, end) {
        return (0,graph_url/* graphUrl */.U)(this.config.url, query, start, end);
    }
    /**
     * One cheap query (`1`) with a short retry policy, before an analysis measures anything: rejects
     * with a PrometheusError whose message is one line, `Prometheus at URL unreachable: CAUSE`, when
     * Prometheus cannot be queried at all (refused, DNS, TLS, timeout, 401/403/404, not Prometheus, a
     * redirect we refuse). A 5xx or 429 that outlasts the probe's retries does not reject: it may
     * clear, and the measurements' own error budget judges it.
     */
    async probe() {
        const policy = { ...PROBE_POLICY, retries: Math.min(PROBE_POLICY.retries, this.config.retries) };
        const url = (0,graph_url/* endpoint */.s)(this.config.url, 'api/v1/query');
        try {
            await (0,retry/* withRetries */.LH)(() => this.attempt(url, { query: '1' }), policy, this.sleep, this.options.signal);
        }
        catch (error) {
            if (!(error instanceof errors/* PrometheusError */.H) || error.kind === 'cancelled')
                throw error;
            if (error.status !== undefined && (error.status === 429 || error.status >= 500))
                return;
            const base = (0,errors/* redactUrl */.B)(new URL(this.config.url));
            const tries = error.attempts > 1 ? ` (${error.attempts} attempts)` : '';
            throw new errors/* PrometheusError */.H({
                kind: error.kind,
                url: base,
                status: error.status,
                attempts: error.attempts,
                shortCause: error.shortCause,
                message: `Prometheus at ${base} unreachable: ${error.shortCause ?? error.message}${tries}`
            });
        }
    }
    request(path, params) {
        const url = (0,graph_url/* endpoint */.s)(this.config.url, path);
        return (0,retry/* withRetries */.LH)(() => this.attempt(url, params), this.policy, this.sleep, this.options.signal);
    }
    /** One attempt, following same-origin redirects; every hop shares the per-request timeout. */
    async attempt(url, params) {
        const where = (0,errors/* redactUrl */.B)(url);
        const form = new URLSearchParams(params);
        const timeout = AbortSignal.timeout(this.config.timeout);
        const signal = this.options.signal ? AbortSignal.any([timeout, this.options.signal]) : timeout;
        let hop = { url, method: form.toString().length > POST_THRESHOLD ? 'POST' : 'GET', params: form };
        for (let redirects = 0;; redirects++) {
            const response = await this.send(hop, signal, timeout, where);
            const next = redirectTarget(response, hop);
            if (!next)
                return interpret(response, where);
            if (next.url.origin !== this.origin) {
                const other = next.url.origin;
                throw new errors/* PrometheusError */.H({
                    kind: 'redirect',
                    url: where,
                    status: response.status,
                    shortCause: `redirected to ${other}, another origin`,
                    message: `Prometheus at ${where} redirected to ${other}; deploy-guard does not follow redirects to another origin (credentials would leak): set prometheus-url to the final URL.`
                });
            }
            if (redirects >= MAX_REDIRECTS) {
                throw new errors/* PrometheusError */.H({
                    kind: 'redirect',
                    url: where,
                    status: response.status,
                    shortCause: `more than ${MAX_REDIRECTS} redirects`,
                    message: `Prometheus at ${where} redirected more than ${MAX_REDIRECTS} times (a redirect loop?): set prometheus-url to the final URL.`
                });
            }
            hop = next;
        }
    }
    async send(hop, signal, timeout, where) {
        try {
            return hop.method === 'POST'
                ? await this.http.post(hop.url.toString(), hop.params?.toString() ?? '', {
                    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                    signal
                })
                : await this.http.get(hop.url.toString(), { params: hop.params, signal });
        }
        catch (error) {
            throw this.transportError(error, timeout, where);
        }
    }
    transportError(error, timeout, where) {
        if (this.options.signal?.aborted) {
            return new errors/* PrometheusError */.H({
                kind: 'cancelled',
                url: where,
                shortCause: 'cancelled',
                message: `The request to Prometheus at ${where} was cancelled.`
            });
        }
        if (timeout.aborted) {
            return new errors/* PrometheusError */.H({
                kind: 'timeout',
                url: where,
                shortCause: `no answer within ${this.config.timeout} ms`,
                message: `Prometheus at ${where} did not answer within ${this.config.timeout} ms.`
            });
        }
        const message = error instanceof Error ? error.message : '';
        if (message.includes('maxContentLength')) {
            const cap = `${Math.round(this.maxResponseBytes / 1024 / 1024)} MiB`;
            return new errors/* PrometheusError */.H({
                kind: 'too-large',
                url: where,
                shortCause: `an answer larger than ${cap}`,
                message: `Prometheus at ${where} answered with more than ${cap}, deploy-guard's response size cap: make the query return fewer series (aggregate it, e.g. with sum by (...)).`
            });
        }
        const tls = (0,tls_errors/* tlsVerificationProblem */.g)(error);
        if (tls) {
            return new errors/* PrometheusError */.H({
                kind: 'tls',
                url: where,
                shortCause: `${tls.code}: ${tls.hint}; set prometheus-ca to the CA that signed it`,
                message: `Cannot verify the TLS certificate of Prometheus at ${where} (${tls.code}): ${tls.hint}; set prometheus-ca to the CA that signed it.`
            });
        }
        const code = error?.code;
        return new errors/* PrometheusError */.H({
            kind: 'network',
            url: where,
            shortCause: typeof code === 'string' && code ? code : networkReason(error),
            message: `Cannot reach Prometheus at ${where}: ${networkReason(error)}.`
        });
    }
}
/**
 * Where a redirect leads, or undefined when the response is not one to follow. A 303, or a 301/302
 * answering a POST, turns into a GET with the form in the query (as browsers do); 307/308 repeat the
 * request as it was.
 */
function redirectTarget(response, hop) {
    if (![301, 302, 303, 307, 308].includes(response.status))
        return undefined;
    const location = response.headers.location;
    if (typeof location !== 'string' || location === '')
        return undefined;
    const url = new URL(location, hop.url);
    const asGet = response.status === 303 || (hop.method === 'POST' && response.status !== 307 && response.status !== 308);
    const method = asGet ? 'GET' : hop.method;
    // A GET's Location normally carries the query already; only add ours when it does not.
    const params = method === 'POST' ? hop.params : url.search ? undefined : hop.params;
    return { url, method, params };
}
/** A short cause such as `connect ECONNREFUSED 127.0.0.1:9090`; axios' own messages carry no headers. */
function networkReason(error) {
    if (error instanceof Error) {
        const code = error.code;
        const text = error.message || code || 'request failed';
        return text.replace(/\.$/, '');
    }
    return 'request failed';
}
function interpret(response, where) {
    const status = response.status;
    const retryAfterHeader = response.headers['retry-after'];
    const retryAfterMs = (0,retry_after/* parseRetryAfter */.m)(typeof retryAfterHeader === 'string' ? retryAfterHeader : undefined);
    let body;
    try {
        body = JSON.parse(response.data);
    }
    catch {
        if (status >= 200 && status < 300) {
            throw new errors/* PrometheusError */.H({
                kind: 'malformed',
                url: where,
                status,
                shortCause: `HTTP ${status} with a body that is not JSON (is this the Prometheus URL?)`,
                message: `Prometheus at ${where} answered HTTP ${status} with a body that is not JSON.`
            });
        }
        throw httpError(where, status, retryAfterMs);
    }
    const parsed = parseBody(body);
    if (parsed.ok === true) {
        if (status >= 200 && status < 300)
            return parsed.result;
    }
    else if (parsed.ok === false) {
        throw new errors/* PrometheusError */.H({
            kind: 'api',
            url: where,
            status,
            retryAfterMs,
            errorType: parsed.errorType,
            apiError: parsed.error,
            shortCause: `HTTP ${status}, ${parsed.errorType}: ${parsed.error}`,
            message: `Prometheus at ${where} rejected the query (HTTP ${status}, ${parsed.errorType}): ${parsed.error}.`
        });
    }
    else if (status >= 200 && status < 300) {
        throw new errors/* PrometheusError */.H({
            kind: 'malformed',
            url: where,
            status,
            shortCause: `an unexpected body (${parsed.problem})`,
            message: `Prometheus at ${where} answered with an unexpected body: ${parsed.problem}.`
        });
    }
    throw httpError(where, status, retryAfterMs);
}
function httpError(where, status, retryAfterMs) {
    return new errors/* PrometheusError */.H({
        kind: 'http',
        url: where,
        status,
        retryAfterMs,
        shortCause: `HTTP ${status}${statusHint(status)}`,
        message: `Prometheus at ${where} answered HTTP ${status}${statusHint(status)}.`
    });
}
/** What to do about the statuses users hit most. */
function statusHint(status) {
    if (status === 401)
        return ' (unauthorized: check prometheus-token or basic auth)';
    if (status === 403)
        return ' (forbidden: the credentials lack access, or X-Scope-OrgID is wrong)';
    if (status === 404)
        return ' (not found: check the URL and its path prefix, e.g. https://host/prometheus)';
    if (status === 429)
        return ' (too many requests)';
    return '';
}
function createPrometheusClient(config, options) {
    return new PrometheusClient(config, options);
}


/***/ }),

/***/ 6652:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ graphUrl),
/* harmony export */   s: () => (/* binding */ endpoint)
/* harmony export */ });
/** Links to the Prometheus expression browser (`/graph`), relative to a base URL that may carry a path prefix. */
/** `https://host/prometheus` and `https://host/prometheus/` both resolve `api/v1/query` under the prefix. */
function endpoint(baseUrl, path) {
    const base = new URL(baseUrl);
    if (!base.pathname.endsWith('/'))
        base.pathname += '/';
    base.search = '';
    base.hash = '';
    return new URL(path.replace(/^\//, ''), base);
}
/** The graph page's end time format: `YYYY-MM-DD HH:MM:SS` in UTC. */
function endInput(end) {
    return end.toISOString().slice(0, 19).replace('T', ' ');
}
function graphUrl(baseUrl, query, start, end) {
    const url = endpoint(baseUrl, 'graph');
    url.username = '';
    url.password = '';
    const rangeSeconds = Math.max(1, Math.ceil((end.getTime() - start.getTime()) / 1000));
    url.searchParams.set('g0.expr', query);
    url.searchParams.set('g0.range_input', `${rangeSeconds}s`);
    url.searchParams.set('g0.end_input', endInput(end));
    url.searchParams.set('g0.tab', '0');
    return url.toString();
}


/***/ }),

/***/ 6490:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JG: () => (/* binding */ defaultSleep),
/* harmony export */   LH: () => (/* binding */ withRetries)
/* harmony export */ });
/* unused harmony exports isRetryable, backoffDelay */
/* harmony import */ var _util_sleep_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7783);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2737);
/**
 * Retry with exponential backoff for Prometheus requests. Written here rather than with p-retry because
 * a 429/503 may dictate the delay through `Retry-After`, which a fixed backoff schedule cannot honour.
 */


/** Connection problems, timeouts, 5xx and 429 are worth another try; a bad query is not. */
function isRetryable(error) {
    if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PrometheusError */ .H))
        return false;
    if (error.kind === 'network' || error.kind === 'timeout')
        return true;
    return error.status !== undefined && (error.status === 429 || error.status >= 500);
}
function backoffDelay(policy, retryNumber, retryAfterMs) {
    const exponential = policy.baseDelayMs * 2 ** (retryNumber - 1);
    return Math.min(policy.maxDelayMs, retryAfterMs ?? exponential);
}
async function withRetries(attempt, policy, sleep, signal) {
    for (let attemptNumber = 1;; attemptNumber++) {
        try {
            return await attempt();
        }
        catch (error) {
            const last = attemptNumber > policy.retries || !isRetryable(error) || signal?.aborted === true;
            if (last)
                throw error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PrometheusError */ .H ? error.withAttempts(attemptNumber) : error;
            await sleep(backoffDelay(policy, attemptNumber, error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PrometheusError */ .H ? error.retryAfterMs : undefined), signal);
        }
    }
}
const defaultSleep = _util_sleep_js__WEBPACK_IMPORTED_MODULE_1__/* .sleep */ .y;


/***/ }),

/***/ 3153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fe: () => (/* binding */ DEFAULT_MAX_RESPONSE_BYTES),
/* harmony export */   oO: () => (/* binding */ createTransport)
/* harmony export */ });
/* unused harmony exports loadCa, authHeaders */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var axios__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1542);
/**
 * The axios instance for one Prometheus: auth headers, custom headers (e.g. `X-Scope-OrgID`) and TLS
 * settings from `PrometheusConfig`. Auth lives only in the instance's default headers, so nothing that
 * builds an error message ever sees it.
 */



/** A CA given inline (PEM text) or as a path to a PEM file. */
function loadCa(ca) {
    if (ca.includes('-----BEGIN'))
        return ca;
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(ca, 'utf8');
    }
    catch (error) {
        throw new Error(`Cannot read the Prometheus CA bundle at ${ca}: ${error.message}`);
    }
}
function authHeaders(config) {
    if (config.token)
        return { Authorization: `Bearer ${config.token}` };
    if (config.basicAuth) {
        const { username, password } = config.basicAuth;
        return { Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` };
    }
    return {};
}
/** 20 MiB: 10k series of an instant vector is ~2 MiB; more is a query that should be aggregated. */
const DEFAULT_MAX_RESPONSE_BYTES = 20 * 1024 * 1024;
function createTransport(config, maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES) {
    const httpsAgent = config.ca !== undefined || config.insecureSkipTlsVerify
        ? new node_https__WEBPACK_IMPORTED_MODULE_1__.Agent({
            ca: config.ca !== undefined ? loadCa(config.ca) : undefined,
            rejectUnauthorized: !config.insecureSkipTlsVerify
        })
        : undefined;
    return axios__WEBPACK_IMPORTED_MODULE_2__/* ["default"] */ .A.create({
        headers: { Accept: 'application/json', ...config.headers, ...authHeaders(config) },
        httpsAgent,
        // We parse and judge every answer ourselves: malformed JSON and error bodies are typed errors.
        responseType: 'text',
        transformResponse: [(data) => data],
        validateStatus: () => true,
        // Redirects are followed by the client, same origin only (client.ts): axios' follower drops
        // Authorization on a cross-host hop but keeps every other configured header (X-Scope-OrgID, ...).
        maxRedirects: 0,
        // Checked while the body streams in: the connection is dropped at the cap, not after buffering it all.
        maxContentLength: maxResponseBytes
    });
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
