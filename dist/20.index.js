export const id = 20;
export const ids = [20,805];
export const modules = {

/***/ 2020:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gateOnAlerts: () => (/* binding */ gateOnAlerts)
/* harmony export */ });
/* unused harmony export withAlertGate */
/* harmony import */ var _index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4805);

const RANK = { passed: 0, inconclusive: 1, failed: 2 };
/** Pure: the analysis with the alerts row attached and its verdict and reasons updated. */
function withAlertGate(analysis, row) {
    if (!row)
        return analysis;
    const rowVerdict = row.status === 'failed' || row.status === 'inconclusive' ? row.status : 'passed';
    const verdict = RANK[rowVerdict] > RANK[analysis.verdict] ? rowVerdict : analysis.verdict;
    const rowReason = rowVerdict === 'passed' ? [] : [`${row.title}: ${row.reason ?? row.actual}`];
    // A passed analysis' reasons describe passing checks: they no longer explain the verdict.
    const kept = analysis.verdict === 'passed' && verdict !== 'passed' ? [] : analysis.reasons;
    const reasons = rowVerdict === 'failed' ? [...rowReason, ...kept] : [...kept, ...rowReason];
    return { ...analysis, alerts: row, verdict, reasons };
}
/**
 * The action runs as its own process, so the process start is the run's start: "before the deploy"
 * for a command that cannot know the rollout's start (analyze, canary steps).
 */
function runStartedAt() {
    return new Date(Math.floor(performance.timeOrigin));
}
/** Reads and judges the alerts, then gates the analysis on them (unchanged when `alerts` is not configured: no row). */
async function gateOnAlerts(analysis, config, ctx, options) {
    const [row] = await (0,_index_js__WEBPACK_IMPORTED_MODULE_0__/* .checkAlerts */ .Q)(config, ctx, {
        since: options.since ?? runStartedAt(),
        ...(options.version !== undefined ? { version: options.version } : {})
    });
    return withAlertGate(analysis, row);
}


/***/ }),

/***/ 4805:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Q: () => (/* binding */ checkAlerts),
  verifyAlertRows: () => (/* binding */ verifyAlertRows)
});

// UNUSED EXPORTS: matcherSets

// EXTERNAL MODULE: ./src/config/template.ts
var template = __webpack_require__(9030);
// EXTERNAL MODULE: ./src/evaluate/alerts.ts
var evaluate_alerts = __webpack_require__(6200);
// EXTERNAL MODULE: ./src/prometheus/errors.ts
var errors = __webpack_require__(2737);
;// CONCATENATED MODULE: ./src/alerts/check-row.ts
/**
 * The alerts check as one checklist row (`CheckResult`), from a judgement. Pure. The reason names each
 * failing alert with its labels and `startsAt` (what a human needs to find it in Alertmanager); the
 * details list every alert seen, failing first, then the pre-existing and the muted ones. Label and
 * annotation values are outside text: they go into the row as data and are escaped by the renderers
 * and the runner log (src/report/escape.ts), never here.
 */

const ALERTS_CHECK_ID = 'alerts';
/** Alerts named in the reason before "and N more". */
const MAX_NAMED = 3;
/** Alerts given their own detail block; the rest are counted. */
const MAX_DETAILED = 20;
const plural = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;
function alertsTitle(severities) {
    return `No ${severities.join('/')} alerts firing`;
}
function expectedText(context) {
    const matchers = context.matcherSets.map((set) => `{${(0,evaluate_alerts/* formatMatchers */.zl)(set)}}`).join(' or ');
    const which = context.failOn === 'new' ? 'new ' : '';
    return `no ${which}${context.severities.join('/')} alert firing for ${matchers}`;
}
function actualText(judgement) {
    const { failing, preexisting, muted } = judgement;
    if (failing.length + preexisting.length + muted.length === 0)
        return 'none firing';
    const parts = [`${failing.length} firing`];
    if (preexisting.length)
        parts.push(`${preexisting.length} firing since before the deploy`);
    if (muted.length)
        parts.push(`${muted.length} silenced or inhibited`);
    return parts.join(', ');
}
/** `HighErrorRate {labels} firing since 2026-11-30T10:02:03.000Z`. */
function describeAlert(alert) {
    return `${alert.name || '(no alertname)'} ${(0,evaluate_alerts/* formatLabels */.h6)(alert.labels)} firing since ${alert.startsAt}`;
}
function detail(alert, kind) {
    const facts = [
        { label: 'state', value: kind },
        { label: 'startsAt', value: alert.startsAt },
        { label: 'labels', value: (0,evaluate_alerts/* formatLabels */.h6)(alert.labels) }
    ];
    for (const key of ['summary', 'description']) {
        const value = alert.annotations[key];
        if (value)
            facts.push({ label: key, value });
    }
    if (alert.mutedBy?.length)
        facts.push({ label: 'muted by', value: alert.mutedBy.join(', ') });
    return { title: `${alert.name || '(no alertname)'} (${kind})`, facts };
}
function details(judgement) {
    const all = [
        ...judgement.failing.map((a) => [a, 'firing']),
        ...judgement.preexisting.map((a) => [a, 'firing since before the deploy']),
        ...judgement.muted.map((a) => [a, a.state])
    ];
    const shown = all.slice(0, MAX_DETAILED).map(([alert, kind]) => detail(alert, kind));
    if (all.length > MAX_DETAILED)
        shown.push({ title: `and ${all.length - MAX_DETAILED} more alerts` });
    return shown;
}
function notes(judgement) {
    const out = [];
    if (judgement.preexisting.length)
        out.push(`${plural(judgement.preexisting.length, 'alert')} firing since before the deploy (${judgement.preexisting
            .slice(0, MAX_NAMED)
            .map((a) => a.name)
            .join(', ')}) not counted (failOn: new)`);
    if (judgement.muted.length)
        out.push(`${plural(judgement.muted.length, 'alert')} silenced or inhibited, not counted`);
    return out;
}
function alertsRow(judgement, context) {
    const base = {
        id: ALERTS_CHECK_ID,
        title: alertsTitle(context.severities),
        expected: expectedText(context),
        actual: actualText(judgement)
    };
    const evidence = details(judgement);
    const { failing } = judgement;
    if (failing.length > 0) {
        const named = failing.slice(0, MAX_NAMED).map(describeAlert).join('; ');
        const more = failing.length > MAX_NAMED ? `; and ${failing.length - MAX_NAMED} more` : '';
        return {
            ...base,
            status: 'failed',
            reason: `${plural(failing.length, 'alert')} firing (read from ${context.source}): ${named}${more}`,
            details: evidence
        };
    }
    const note = notes(judgement);
    return {
        ...base,
        status: 'passed',
        ...(note.length ? { caveat: note.join('; ') } : {}),
        ...(evidence.length ? { details: evidence } : {})
    };
}
/** The source could not be read (after its retries): never a pass. */
function alertsUnavailableRow(severities, reason) {
    return {
        id: ALERTS_CHECK_ID,
        title: alertsTitle(severities),
        expected: `no ${severities.join('/')} alert firing`,
        actual: 'unknown',
        status: 'inconclusive',
        reason
    };
}

// EXTERNAL MODULE: ./src/prometheus/graph-url.ts
var graph_url = __webpack_require__(6652);
// EXTERNAL MODULE: ./src/prometheus/retry.ts
var retry = __webpack_require__(6490);
// EXTERNAL MODULE: ./src/prometheus/transport.ts
var transport = __webpack_require__(3153);
// EXTERNAL MODULE: ./src/util/retry-after.ts
var retry_after = __webpack_require__(9361);
// EXTERNAL MODULE: ./src/util/tls-errors.ts
var tls_errors = __webpack_require__(8557);
;// CONCATENATED MODULE: ./src/alerts/http.ts






/** Alert lists are small; 5 MiB is thousands of alerts with long annotations. */
const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 5;
/** GETs `path` under the connection's base URL and returns the decoded JSON body of a 2xx answer. */
async function getJson(connection, path, params, options) {
    const http = (0,transport/* createTransport */.oO)(connection, MAX_RESPONSE_BYTES);
    const first = (0,graph_url/* endpoint */.s)(connection.url, path);
    for (const [name, value] of Object.entries(params))
        first.searchParams.set(name, value);
    const where = (0,errors/* redactUrl */.B)(first);
    const { source } = options;
    const fail = (init) => new errors/* PrometheusError */.H({ url: where, ...init });
    const attempt = async () => {
        const timeout = AbortSignal.timeout(connection.timeout);
        const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
        let url = first;
        for (let redirects = 0;; redirects++) {
            let response;
            try {
                response = await http.get(url.toString(), { signal });
            }
            catch (error) {
                throw transportError(error, { source, where, timeoutMs: connection.timeout, signal: options.signal, timeout });
            }
            const location = response.headers.location;
            if ([301, 302, 303, 307, 308].includes(response.status) && typeof location === 'string' && location !== '') {
                const next = new URL(location, url);
                if (next.origin !== first.origin)
                    throw fail({
                        kind: 'redirect',
                        status: response.status,
                        shortCause: `redirected to ${next.origin}, another origin`,
                        message: `${source} at ${where} redirected to ${next.origin}; deploy-guard does not follow redirects to another origin (credentials would leak): set the URL to the final one.`
                    });
                if (redirects >= MAX_REDIRECTS)
                    throw fail({
                        kind: 'redirect',
                        status: response.status,
                        shortCause: `more than ${MAX_REDIRECTS} redirects`,
                        message: `${source} at ${where} redirected more than ${MAX_REDIRECTS} times (a redirect loop?): set the URL to the final one.`
                    });
                url = next;
                continue;
            }
            return decode(response, source, where);
        }
    };
    return (0,retry/* withRetries */.LH)(attempt, { retries: connection.retries, baseDelayMs: options.retryBaseDelayMs ?? 500, maxDelayMs: 30_000 }, options.sleep ?? retry/* defaultSleep */.JG, options.signal);
}
function decode(response, source, where) {
    const { status } = response;
    if (status < 200 || status >= 300) {
        const header = response.headers['retry-after'];
        const hint = status === 401
            ? ' (unauthorized: check the token or basic auth)'
            : status === 403
                ? ' (forbidden: the credentials lack access)'
                : status === 404
                    ? ' (not found: check the URL and its path prefix)'
                    : '';
        throw new errors/* PrometheusError */.H({
            kind: 'http',
            url: where,
            status,
            retryAfterMs: (0,retry_after/* parseRetryAfter */.m)(typeof header === 'string' ? header : undefined),
            shortCause: `HTTP ${status}${hint}`,
            message: `${source} at ${where} answered HTTP ${status}${hint}.`
        });
    }
    try {
        return JSON.parse(response.data);
    }
    catch {
        throw new errors/* PrometheusError */.H({
            kind: 'malformed',
            url: where,
            status,
            shortCause: `HTTP ${status} with a body that is not JSON (is this the ${source} URL?)`,
            message: `${source} at ${where} answered HTTP ${status} with a body that is not JSON (is this the ${source} URL?).`
        });
    }
}
function transportError(error, context) {
    const { source, where } = context;
    const base = { url: where };
    if (context.signal?.aborted)
        return new errors/* PrometheusError */.H({
            ...base,
            kind: 'cancelled',
            shortCause: 'cancelled',
            message: `The request to ${source} at ${where} was cancelled.`
        });
    if (context.timeout.aborted)
        return new errors/* PrometheusError */.H({
            ...base,
            kind: 'timeout',
            shortCause: `no answer within ${context.timeoutMs} ms`,
            message: `${source} at ${where} did not answer within ${context.timeoutMs} ms.`
        });
    const text = error instanceof Error ? error.message : '';
    if (text.includes('maxContentLength'))
        return new errors/* PrometheusError */.H({
            ...base,
            kind: 'too-large',
            shortCause: 'an answer larger than 5 MiB',
            message: `${source} at ${where} answered with more than 5 MiB of alerts.`
        });
    const tls = (0,tls_errors/* tlsVerificationProblem */.g)(error);
    if (tls)
        return new errors/* PrometheusError */.H({
            ...base,
            kind: 'tls',
            shortCause: `${tls.code}: ${tls.hint}`,
            message: `Cannot verify the TLS certificate of ${source} at ${where} (${tls.code}): ${tls.hint}; set its ca to the CA that signed it.`
        });
    const code = error?.code;
    const reason = (text || (typeof code === 'string' ? code : '') || 'request failed').replace(/\.$/, '');
    return new errors/* PrometheusError */.H({
        ...base,
        kind: 'network',
        shortCause: typeof code === 'string' && code ? code : reason,
        message: `Cannot reach ${source} at ${where}: ${reason}.`
    });
}

// EXTERNAL MODULE: ./src/util/plain-object.ts
var plain_object = __webpack_require__(3838);
;// CONCATENATED MODULE: ./src/alerts/sources.ts




const isStringMap = (value) => (0,plain_object/* isPlainObject */.Q)(value) && Object.values(value).every((v) => typeof v === 'string');
const strings = (value) => Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
function malformed(source, connection, path, problem) {
    const where = (0,errors/* redactUrl */.B)((0,graph_url/* endpoint */.s)(connection.url, path));
    return new errors/* PrometheusError */.H({
        kind: 'malformed',
        url: where,
        shortCause: `an unexpected body (${problem})`,
        message: `${source} at ${where} answered with an unexpected body: ${problem}.`
    });
}
/** One Alertmanager v2 alert, or a problem. */
function fromAlertmanager(item) {
    if (!(0,plain_object/* isPlainObject */.Q)(item))
        return 'an alert that is not an object';
    const { labels, annotations, startsAt, status } = item;
    if (!isStringMap(labels))
        return 'an alert without string labels';
    if (typeof startsAt !== 'string')
        return 'an alert without startsAt';
    if (!(0,plain_object/* isPlainObject */.Q)(status) || typeof status.state !== 'string')
        return 'an alert without status.state';
    const silencedBy = strings(status.silencedBy);
    const inhibitedBy = strings(status.inhibitedBy);
    // `suppressed` = silenced and/or inhibited; `unprocessed` = received but not yet muted or routed: firing.
    const state = silencedBy.length > 0 ? 'silenced' : inhibitedBy.length > 0 ? 'inhibited' : 'firing';
    const mutedBy = [...silencedBy, ...inhibitedBy];
    return {
        name: labels.alertname ?? '',
        labels,
        annotations: isStringMap(annotations) ? annotations : {},
        startsAt,
        state: status.state === 'suppressed' && state === 'firing' ? 'silenced' : state,
        ...(mutedBy.length > 0 ? { mutedBy } : {})
    };
}
async function readAlertmanagerAlerts(connection, options = {}) {
    const path = 'api/v2/alerts';
    const params = { active: 'true', silenced: 'true', inhibited: 'true', unprocessed: 'true' };
    const body = await getJson(connection, path, params, { ...options, source: 'Alertmanager' });
    if (!Array.isArray(body))
        throw malformed('Alertmanager', connection, path, 'not a list of alerts');
    const alerts = [];
    for (const item of body) {
        const alert = fromAlertmanager(item);
        if (typeof alert === 'string')
            throw malformed('Alertmanager', connection, path, alert);
        alerts.push(alert);
    }
    return alerts;
}
/** One Prometheus rule alert (`firing` only), undefined for a pending/inactive one, or a problem. */
function fromPrometheus(item) {
    if (!(0,plain_object/* isPlainObject */.Q)(item))
        return 'an alert that is not an object';
    const { labels, annotations, state, activeAt } = item;
    if (!isStringMap(labels))
        return 'an alert without string labels';
    if (state !== 'firing')
        return undefined;
    if (typeof activeAt !== 'string')
        return 'a firing alert without activeAt';
    return {
        name: labels.alertname ?? '',
        labels,
        annotations: isStringMap(annotations) ? annotations : {},
        startsAt: activeAt,
        state: 'firing'
    };
}
async function readPrometheusAlerts(connection, options = {}) {
    const path = 'api/v1/alerts';
    const body = await getJson(connection, path, {}, { ...options, source: 'Prometheus' });
    if (!(0,plain_object/* isPlainObject */.Q)(body) ||
        body.status !== 'success' ||
        !(0,plain_object/* isPlainObject */.Q)(body.data) ||
        !Array.isArray(body.data.alerts))
        throw malformed('Prometheus', connection, path, 'no data.alerts list');
    const alerts = [];
    for (const item of body.data.alerts) {
        const alert = fromPrometheus(item);
        if (typeof alert === 'string')
            throw malformed('Prometheus', connection, path, alert);
        if (alert)
            alerts.push(alert);
    }
    return alerts;
}

;// CONCATENATED MODULE: ./src/alerts/index.ts





/** Where alerts are read from; undefined when the config names none (only a hand-built config can). */
function alertSource(config, alerts) {
    const alertmanager = alerts.source !== 'prometheus' ? alerts.alertmanager : undefined;
    if (alertmanager)
        return { name: 'Alertmanager', connection: alertmanager, read: readAlertmanagerAlerts };
    if (alerts.source !== 'alertmanager' && config.prometheus)
        return { name: 'Prometheus', connection: config.prometheus, read: readPrometheusAlerts };
    return undefined;
}
/** One matcher set per target (the same variables as queries), without duplicates. */
function matcherSets(config, alerts, version) {
    const refs = config.targets.length > 0 ? config.targets : [undefined];
    const sets = new Map();
    for (const ref of refs) {
        const values = (0,template/* targetTemplateValues */.sz)(config.variables, ref, version);
        const set = alerts.matchers.map((matcher) => (0,evaluate_alerts/* renderMatcher */.Df)(matcher, values));
        sets.set(JSON.stringify(set), set);
    }
    return [...sets.values()];
}
const errorText = (error) => (error instanceof Error ? error.message : String(error));
/** The check's rows (one, or none when `alerts` is not configured). */
async function checkAlerts(config, ctx, options) {
    const alerts = config.alerts;
    if (!alerts)
        return [];
    const source = alertSource(config, alerts);
    if (!source)
        return [
            alertsUnavailableRow(alerts.severities, 'no alert source is configured: set alertmanager-url (or alerts.alertmanager.url) or prometheus-url')
        ];
    const where = `${source.name} at ${(0,errors/* redactUrl */.B)(new URL(source.connection.url))}`;
    let sets;
    try {
        sets = matcherSets(config, alerts, options.version);
    }
    catch (error) {
        return [alertsUnavailableRow(alerts.severities, errorText(error))];
    }
    let observed;
    try {
        observed = await source.read(source.connection, {
            signal: ctx.signal,
            ...(options.retryBaseDelayMs !== undefined ? { retryBaseDelayMs: options.retryBaseDelayMs } : {})
        });
    }
    catch (error) {
        const reason = `could not read alerts: ${errorText(error)}`;
        ctx.log(`alerts: ${reason}`);
        return [alertsUnavailableRow(alerts.severities, reason)];
    }
    const policy = {
        severities: alerts.severities,
        matcherSets: sets,
        failOn: alerts.failOn,
        since: options.since
    };
    const judgement = (0,evaluate_alerts/* judgeAlerts */.tH)(observed, policy);
    ctx.log(`alerts: ${observed.length} active in ${where}; for this workload: ${judgement.failing.length} firing, ` +
        `${judgement.preexisting.length} since before ${options.since.toISOString()}, ${judgement.muted.length} silenced or inhibited`);
    for (const alert of judgement.failing)
        ctx.log(`alert firing: ${describeAlert(alert)}`);
    return [alertsRow(judgement, { ...policy, source: where })];
}
/**
 * Verify's row: "before the deploy" is the earliest rollout start verify saw (a rollout that began
 * before this step), else verify's own start.
 */
function verifyAlertRows(config, ctx, targets, run) {
    const starts = targets.flatMap((t) => (t.rolloutStartedAt ? [Date.parse(t.rolloutStartedAt)] : []));
    const since = starts.length > 0 ? new Date(Math.min(...starts, run.startedAt.getTime())) : run.startedAt;
    return checkAlerts(config, ctx, { since, ...(run.version !== undefined ? { version: run.version } : {}) });
}


/***/ }),

/***/ 6200:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Df: () => (/* binding */ renderMatcher),
/* harmony export */   gR: () => (/* binding */ anchoredRegex),
/* harmony export */   h6: () => (/* binding */ formatLabels),
/* harmony export */   tH: () => (/* binding */ judgeAlerts),
/* harmony export */   zl: () => (/* binding */ formatMatchers)
/* harmony export */ });
/* unused harmony export matchesLabel */
/* harmony import */ var _config_template_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9030);
/**
 * The "no critical alerts firing" judgement. Pure: alerts as read from Alertmanager or Prometheus in,
 * three lists out. Which alerts belong to the workload (label matchers, Prometheus semantics: a missing
 * label is the empty string, regexes are fully anchored), which severities count (the `severity`
 * label, compared without case), and whether an alert is the deploy's doing:
 * - silenced or inhibited alerts were muted by a human or a rule: reported, never failing;
 * - an alert whose `startsAt` is before the deploy began was already burning: reported separately and
 *   failing only with `failOn: any`, so a deploy is not blamed for an old fire;
 * - every other matching firing alert fails the check.
 */

/** Escapes a value for use as a literal inside a regular expression. */
function escapeRegex(value) {
    return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/**
 * A matcher's value with its `{{name}}` placeholders filled. Values landing in a regex are escaped,
 * so a name like `api.v2` matches itself only. Throws on an unknown variable (the config check names
 * them first, so this means a value the run did not provide).
 */
function renderMatcher(matcher, values) {
    const isRegex = matcher.op === '=~' || matcher.op === '!~';
    const value = matcher.value.replace(_config_template_js__WEBPACK_IMPORTED_MODULE_0__/* .PLACEHOLDER */ .Kx, (whole, name) => {
        const filled = Object.hasOwn(values, name) ? values[name] : undefined;
        if (filled === undefined)
            throw new Error(`unknown template variable ${whole} in alerts.matchers.${matcher.label}`);
        return isRegex ? escapeRegex(filled) : filled;
    });
    return { ...matcher, value };
}
/** Compiles a regex matcher's value fully anchored, as Prometheus and Alertmanager do. */
function anchoredRegex(value) {
    return new RegExp(`^(?:${value})$`);
}
function matchesLabel(labels, matcher) {
    const actual = labels[matcher.label] ?? '';
    switch (matcher.op) {
        case '=':
            return actual === matcher.value;
        case '!=':
            return actual !== matcher.value;
        case '=~':
            return anchoredRegex(matcher.value).test(actual);
        case '!~':
            return !anchoredRegex(matcher.value).test(actual);
    }
}
function matchesAll(labels, matchers) {
    return matchers.every((matcher) => matchesLabel(labels, matcher));
}
function hasSeverity(alert, severities) {
    const severity = (alert.labels.severity ?? '').toLowerCase();
    return severities.some((wanted) => wanted.toLowerCase() === severity);
}
const startedBefore = (alert, since) => {
    const at = Date.parse(alert.startsAt);
    // An unreadable start cannot prove the alert is old: it counts as new (a gate never guesses "fine").
    return Number.isFinite(at) && at < since.getTime();
};
/** Earliest first, then by name: the order reports list alerts in. */
function byStart(a, b) {
    return Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.name.localeCompare(b.name);
}
function judgeAlerts(alerts, policy) {
    const judgement = { failing: [], preexisting: [], muted: [] };
    for (const alert of alerts) {
        if (!hasSeverity(alert, policy.severities))
            continue;
        if (!policy.matcherSets.some((set) => matchesAll(alert.labels, set)))
            continue;
        if (alert.state !== 'firing')
            judgement.muted.push(alert);
        else if (policy.failOn === 'new' && startedBefore(alert, policy.since))
            judgement.preexisting.push(alert);
        else
            judgement.failing.push(alert);
    }
    judgement.failing.sort(byStart);
    judgement.preexisting.sort(byStart);
    judgement.muted.sort(byStart);
    return judgement;
}
/** `namespace="shop", service=~"web-.*"`: matchers as Prometheus writes them. */
function formatMatchers(matchers) {
    return matchers.map((m) => `${m.label}${m.op}${JSON.stringify(m.value)}`).join(', ');
}
/** `{alertname="X", severity="critical"}`: labels as Prometheus writes them, sorted by name. */
function formatLabels(labels) {
    const entries = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([name, value]) => `${name}=${JSON.stringify(value)}`).join(', ')}}`;
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
