export const id = 964;
export const ids = [964];
export const modules = {

/***/ 3583:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runSmokeCheck: () => (/* reexport */ runSmokeCheck)
});

// UNUSED EXPORTS: describeAttempts, describeSmokeExpectation, evaluateSmokeError, evaluateSmokeResponse

// EXTERNAL MODULE: ./src/util/sleep.ts
var util_sleep = __webpack_require__(7783);
// EXTERNAL MODULE: ./node_modules/axios/lib/axios.js + 65 modules
var axios = __webpack_require__(1542);
;// CONCATENATED MODULE: ./src/smoke/json-path.ts
/**
 * Follows a dot path through objects and arrays; numeric segments index arrays. Keys that contain a dot
 * cannot be addressed — health endpoints rarely use them, and a richer syntax would need escaping rules.
 */
function lookupJsonPath(root, path) {
    let current = root;
    const walked = [];
    for (const segment of path.split('.')) {
        walked.push(segment);
        if (Array.isArray(current) && /^\d+$/.test(segment)) {
            const index = Number(segment);
            if (index >= current.length)
                return { found: false, missingAt: walked.join('.') };
            current = current[index];
        }
        else if (current !== null &&
            typeof current === 'object' &&
            !Array.isArray(current) &&
            Object.hasOwn(current, segment)) {
            current = current[segment];
        }
        else {
            return { found: false, missingAt: walked.join('.') };
        }
    }
    return { found: true, value: current };
}
/**
 * Compares a JSON value with the configured one. Primitives compare by their text so that YAML `equals: 200`
 * matches JSON `"200"` and vice versa; objects, arrays and null never match a configured scalar.
 */
function jsonValueEquals(value, expected) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        return String(value) === String(expected);
    }
    return false;
}
/** Renders a value the way a user would write it in an assertion: strings quoted, everything else as JSON. */
function formatJsonValue(value) {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

;// CONCATENATED MODULE: ./src/smoke/evaluate.ts

const MAX_EXCERPT = 200;
/** Collapses whitespace and control characters and cuts to `max` characters, so rows stay one line. */
function bodyExcerpt(body, max = MAX_EXCERPT) {
    // eslint-disable-next-line no-control-regex
    const flat = body.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
/** Drops `user:password@` from a URL before it is shown anywhere. */
function displayUrl(url) {
    try {
        const parsed = new URL(url);
        if (parsed.username || parsed.password) {
            parsed.username = '';
            parsed.password = '';
        }
        return parsed.toString();
    }
    catch {
        return url;
    }
}
/** `GET https://api/health → 200, body contains "ok", status == "UP"` */
function describeSmokeExpectation(check) {
    const parts = [`${check.method} ${displayUrl(check.url)} → ${check.expectStatus.join('/')}`];
    if (check.bodyContains !== undefined)
        parts.push(`body contains ${JSON.stringify(check.bodyContains)}`);
    if (check.json)
        parts.push(`${check.json.path} == ${formatJsonValue(check.json.equals)}`);
    return parts.join(', ');
}
function evaluation(ok, outcome, excerpt) {
    const actual = excerpt ? `${outcome}: ${excerpt}` : outcome;
    return excerpt ? { ok, actual, outcome, excerpt } : { ok, actual, outcome };
}
/** Passes when the status is accepted AND the body contains the substring AND the JSON field equals. */
function evaluateSmokeResponse(check, response) {
    const status = String(response.status);
    const excerpt = bodyExcerpt(response.body) || undefined;
    if (!check.expectStatus.includes(response.status))
        return evaluation(false, status, excerpt);
    if (check.bodyContains !== undefined && !response.body.includes(check.bodyContains)) {
        return evaluation(false, `${status}, body lacks ${JSON.stringify(check.bodyContains)}`, excerpt);
    }
    if (check.json) {
        let parsed;
        try {
            parsed = JSON.parse(response.body);
        }
        catch {
            return evaluation(false, `${status}, body is not JSON`, excerpt);
        }
        const found = lookupJsonPath(parsed, check.json.path);
        if (!found.found)
            return evaluation(false, `${status}, ${found.missingAt} missing`, excerpt);
        if (!jsonValueEquals(found.value, check.json.equals)) {
            return evaluation(false, `${status}, ${check.json.path} == ${formatJsonValue(found.value)}`);
        }
    }
    return evaluation(true, status);
}
/** Row text for the last evaluation: `200 on attempt 3`, `503 after 4 attempts: <excerpt>`. */
function describeAttempts(last, attempt) {
    if (last.ok)
        return attempt === 1 ? last.outcome : `${last.outcome} on attempt ${attempt}`;
    const head = `${last.outcome} after ${attempt} attempt${attempt === 1 ? '' : 's'}`;
    return last.excerpt ? `${head}: ${last.excerpt}` : head;
}
/** A transport error is a failed attempt: the service being unreachable is exactly what we check. */
function evaluateSmokeError(error) {
    return { ...evaluation(false, error.code, bodyExcerpt(error.message) || undefined), transport: true };
}
const TLS_CODE = /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/i;
/** What to look at next, by error code; undefined when the code says nothing more than itself. */
function transportHint(code) {
    if (code === 'ECONNREFUSED')
        return 'nothing accepted the connection: is the service up and the port right?';
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
        return 'the host name did not resolve from the runner';
    if (code === 'ETIMEDOUT' || code === 'ECONNABORTED')
        return 'no answer within the timeout';
    if (code === 'ECONNRESET' || code === 'EPIPE')
        return 'the connection was closed before a response';
    if (TLS_CODE.test(code))
        return 'TLS verification failed (certificate or host name)';
    return undefined;
}

;// CONCATENATED MODULE: ./src/smoke/run.ts
/**
 * The I/O loop of one smoke check: request, judge (evaluate.ts), retry with a delay, build the row.
 */



/** Health bodies are small; a cap keeps a misrouted download from filling memory. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** Attempts listed in the row's details; enough to show a pattern without flooding the summary. */
const MAX_LISTED_ATTEMPTS = 10;
async function attemptOnce(check, signal) {
    try {
        const response = await axios/* default */.A.request({
            url: check.url,
            signal,
            method: check.method,
            headers: { 'User-Agent': 'deploy-guard', ...check.headers },
            timeout: check.timeout,
            // Judge every status ourselves; a 503 is an answer, not an exception.
            validateStatus: () => true,
            responseType: 'text',
            transformResponse: (data) => data,
            maxContentLength: MAX_BODY_BYTES,
            // Report a timeout as ETIMEDOUT instead of the ambiguous ECONNABORTED.
            transitional: { clarifyTimeoutError: true },
            beforeRedirect: (options) => stripHeadersOffOrigin(options, check)
        });
        const body = typeof response.data === 'string' ? response.data : '';
        return evaluateSmokeResponse(check, { status: response.status, body });
    }
    catch (error) {
        return evaluateSmokeError(transportErrorOf(error));
    }
}
/**
 * A redirect to another origin (host, port or scheme) gets none of the configured headers: they may
 * carry credentials (an API key, a tenant id) meant for the checked service only. follow-redirects
 * drops Authorization and Cookie itself, but not custom headers.
 */
function stripHeadersOffOrigin(options, check) {
    const protocol = String(options.protocol ?? '');
    const host = String(options.hostname ?? options.host ?? '');
    const port = options.port ? `:${String(options.port)}` : '';
    let origin;
    try {
        origin = new URL(`${protocol}//${host}${port}`).origin;
    }
    catch {
        origin = '';
    }
    if (origin === new URL(check.url).origin)
        return;
    const configured = new Set(Object.keys(check.headers).map((name) => name.toLowerCase()));
    const headers = (options.headers ?? {});
    for (const name of Object.keys(headers))
        if (configured.has(name.toLowerCase()))
            delete headers[name];
}
function transportErrorOf(error) {
    if (error instanceof Error) {
        const cause = error.cause;
        const code = error.code ?? cause?.code;
        return { code: typeof code === 'string' && code ? code : 'ERROR', message: error.message };
    }
    return { code: 'ERROR', message: String(error) };
}
function failureReason(check, last, attempts) {
    const request = `${check.method} ${displayUrl(check.url)}`;
    const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
    if (last.transport) {
        const hint = transportHint(last.outcome);
        return `${request} got no response in ${tries} (${last.outcome})${hint ? `: ${hint}` : ''}.`;
    }
    return `${request} did not meet the expectation in ${tries}; last response: ${last.outcome}.`;
}
/** Runs one smoke check with `retries` extra attempts `delay` ms apart; one row, passed or failed. */
async function runSmokeCheck(check, options = {}) {
    const sleep = options.sleep ?? util_sleep/* sleep */.y;
    const log = options.log ?? (() => undefined);
    const total = Math.max(1, check.retries + 1);
    const history = [];
    const { signal } = options;
    for (let attempt = 1;; attempt++) {
        const result = await attemptOnce(check, signal);
        if (signal?.aborted)
            return cancelledRow(check, attempt);
        history.push({ label: `#${attempt}`, value: result.outcome });
        log(`smoke ${check.name}: attempt ${attempt}/${total}: ${result.outcome}`);
        const row = {
            id: `smoke:${check.name}`,
            title: `Smoke: ${check.name}`,
            expected: describeSmokeExpectation(check),
            actual: describeAttempts(result, attempt),
            status: result.ok ? 'passed' : 'failed'
        };
        if (result.ok)
            return row;
        if (attempt >= total) {
            const details = [{ title: 'Attempts', facts: history.slice(-MAX_LISTED_ATTEMPTS) }];
            return { ...row, reason: failureReason(check, result, attempt), details };
        }
        await sleep(check.delay, signal);
        if (signal?.aborted)
            return cancelledRow(check, attempt);
    }
}
/** The run was cancelled before the check could be judged: unknown, never passed or failed. */
function cancelledRow(check, attempts) {
    return {
        id: `smoke:${check.name}`,
        title: `Smoke: ${check.name}`,
        expected: describeSmokeExpectation(check),
        actual: 'not judged',
        status: 'inconclusive',
        reason: `${check.method} ${displayUrl(check.url)}: the run was cancelled during attempt ${attempts}.`
    };
}

;// CONCATENATED MODULE: ./src/smoke/index.ts




/***/ })

};
