export const id = 355;
export const ids = [355];
export const modules = {

/***/ 3355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createPrometheusClient: () => (/* binding */ createPrometheusClient)
});

// UNUSED EXPORTS: POST_THRESHOLD, PrometheusClient

// EXTERNAL MODULE: ./src/prometheus/errors.ts
var errors = __webpack_require__(2737);
;// CONCATENATED MODULE: ./src/prometheus/graph-url.ts
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

;// CONCATENATED MODULE: ./src/prometheus/parse.ts
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isSamplePair(value) {
    return Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'string';
}
function isLabels(value) {
    return isObject(value) && Object.values(value).every((v) => typeof v === 'string');
}
function parseData(data) {
    if (!isObject(data))
        return 'no "data" object';
    const { resultType, result } = data;
    switch (resultType) {
        case 'scalar':
        case 'string':
            return isSamplePair(result) ? { resultType, result } : `a ${resultType} result that is not [time, "value"]`;
        case 'vector':
            if (Array.isArray(result) && result.every((s) => isObject(s) && isLabels(s.metric) && isSamplePair(s.value)))
                return { resultType, result: result };
            return 'a vector result with invalid samples';
        case 'matrix':
            if (Array.isArray(result) &&
                result.every((s) => isObject(s) && isLabels(s.metric) && Array.isArray(s.values) && s.values.every(isSamplePair)))
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
    if (!isObject(body))
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

// EXTERNAL MODULE: ./src/util/sleep.ts
var sleep = __webpack_require__(7783);
;// CONCATENATED MODULE: ./src/prometheus/retry.ts
/**
 * Retry with exponential backoff for Prometheus requests. Written here rather than with p-retry because
 * a 429/503 may dictate the delay through `Retry-After`, which a fixed backoff schedule cannot honour.
 */


/** Connection problems, timeouts, 5xx and 429 are worth another try; a bad query is not. */
function isRetryable(error) {
    if (!(error instanceof errors/* PrometheusError */.H))
        return false;
    if (error.kind === 'network' || error.kind === 'timeout')
        return true;
    return error.status !== undefined && (error.status === 429 || error.status >= 500);
}
/**
 * `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). Returns milliseconds,
 * or undefined when absent or unparsable.
 */
function parseRetryAfter(header, now = new Date()) {
    if (header === undefined)
        return undefined;
    const trimmed = header.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Math.round(Number(trimmed) * 1000);
    const at = Date.parse(trimmed);
    if (Number.isNaN(at))
        return undefined;
    return Math.max(0, at - now.getTime());
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
                throw error instanceof errors/* PrometheusError */.H ? error.withAttempts(attemptNumber) : error;
            await sleep(backoffDelay(policy, attemptNumber, error instanceof errors/* PrometheusError */.H ? error.retryAfterMs : undefined), signal);
        }
    }
}
const defaultSleep = sleep/* sleep */.y;

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: ./node_modules/axios/lib/axios.js + 65 modules
var axios = __webpack_require__(1542);
;// CONCATENATED MODULE: ./src/prometheus/transport.ts
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
        return (0,external_node_fs_.readFileSync)(ca, 'utf8');
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
function createTransport(config) {
    const httpsAgent = config.ca !== undefined || config.insecureSkipTlsVerify
        ? new external_node_https_.Agent({
            ca: config.ca !== undefined ? loadCa(config.ca) : undefined,
            rejectUnauthorized: !config.insecureSkipTlsVerify
        })
        : undefined;
    return axios/* default */.A.create({
        headers: { Accept: 'application/json', ...config.headers, ...authHeaders(config) },
        httpsAgent,
        // We parse and judge every answer ourselves: malformed JSON and error bodies are typed errors.
        responseType: 'text',
        transformResponse: [(data) => data],
        validateStatus: () => true,
        maxRedirects: 5
    });
}

;// CONCATENATED MODULE: ./src/prometheus/client.ts





/** Beyond this many characters (query plus parameters) we POST, to stay under proxies' URL limits. */
const POST_THRESHOLD = 1500;
const seconds = (date) => (date.getTime() / 1000).toString();
class PrometheusClient {
    config;
    options;
    http;
    policy;
    sleep;
    constructor(config, options = {}) {
        this.config = config;
        this.options = options;
        this.http = createTransport({
            token: config.token,
            basicAuth: config.basicAuth,
            headers: config.headers ?? {},
            ca: config.ca,
            insecureSkipTlsVerify: config.insecureSkipTlsVerify ?? false
        });
        this.policy = {
            retries: config.retries,
            baseDelayMs: options.retryBaseDelayMs ?? 500,
            maxDelayMs: options.maxRetryDelayMs ?? 30_000
        };
        this.sleep = options.sleep ?? defaultSleep;
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
        return graphUrl(this.config.url, query, start, end);
    }
    request(path, params) {
        const url = endpoint(this.config.url, path);
        return withRetries(() => this.attempt(url, params), this.policy, this.sleep, this.options.signal);
    }
    async attempt(url, params) {
        const where = (0,errors/* redactUrl */.B)(url);
        const form = new URLSearchParams(params);
        const usePost = form.toString().length > POST_THRESHOLD;
        const timeout = AbortSignal.timeout(this.config.timeout);
        const signal = this.options.signal ? AbortSignal.any([timeout, this.options.signal]) : timeout;
        let response;
        try {
            response = usePost
                ? await this.http.post(url.toString(), form.toString(), {
                    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                    signal
                })
                : await this.http.get(url.toString(), { params: form, signal });
        }
        catch (error) {
            if (timeout.aborted) {
                throw new errors/* PrometheusError */.H({
                    kind: 'timeout',
                    url: where,
                    message: `Prometheus at ${where} did not answer within ${this.config.timeout} ms.`
                });
            }
            throw new errors/* PrometheusError */.H({
                kind: 'network',
                url: where,
                message: `Cannot reach Prometheus at ${where}: ${networkReason(error)}.`
            });
        }
        return interpret(response, where);
    }
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
    const retryAfterMs = parseRetryAfter(typeof retryAfterHeader === 'string' ? retryAfterHeader : undefined);
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
            message: `Prometheus at ${where} rejected the query (HTTP ${status}, ${parsed.errorType}): ${parsed.error}.`
        });
    }
    else if (status >= 200 && status < 300) {
        throw new errors/* PrometheusError */.H({
            kind: 'malformed',
            url: where,
            status,
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


/***/ })

};
