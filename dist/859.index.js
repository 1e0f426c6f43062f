export const id = 859;
export const ids = [859,783,164];
export const modules = {

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BN: () => (/* binding */ githubApiUrl),
/* harmony export */   LX: () => (/* binding */ createGitHubClient)
/* harmony export */ });
/* unused harmony exports DEFAULT_GITHUB_RETRY, retryDelay */
/* harmony import */ var _util_retry_after_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9361);
/* harmony import */ var _util_sleep_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7783);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3116);



const DEFAULT_GITHUB_RETRY = {
    retries: 3,
    baseDelayMs: 1000,
    maxWaitMs: 60_000,
    totalWaitMs: 90_000,
    timeoutMs: 15_000
};
/** The GitHub API URL of this run: `GITHUB_API_URL`, else github.com's. */
function githubApiUrl(env) {
    return (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
}
function readFailure(error) {
    const e = error;
    const answered = e?.response !== undefined;
    const status = answered && typeof e.response?.status === 'number' ? e.response.status : undefined;
    // The per-attempt deadline (AbortSignal.timeout) rejects fetch with a TimeoutError, which Octokit keeps as the cause.
    const timedOut = !answered && e?.cause?.name === 'TimeoutError';
    return {
        status,
        headers: answered ? (e.response?.headers ?? {}) : {},
        message: timedOut ? 'no answer in time' : (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubMessage */ .hg)(error),
        timedOut
    };
}
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE']);
/**
 * How long to wait before the next attempt, or undefined when this failure is final. Pure, for tests.
 */
function retryDelay(failure, method, retryNumber, policy, now) {
    const { status, headers } = failure;
    const backoff = policy.baseDelayMs * 2 ** (retryNumber - 1);
    if (status === undefined)
        return IDEMPOTENT.has(method) ? backoff : undefined;
    if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isRateLimit */ .a5)(status, headers, failure.message)) {
        const after = (0,_util_retry_after_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRetryAfter */ .m)(headers['retry-after'], new Date(now));
        const reset = Number(headers['x-ratelimit-reset']);
        const untilReset = headers['x-ratelimit-remaining'] === '0' && Number.isFinite(reset) ? reset * 1000 - now : undefined;
        // GitHub: without a header, wait at least a minute before retrying a secondary rate limit.
        const wait = Math.max(0, after ?? untilReset ?? Math.max(60_000, backoff));
        return wait <= policy.maxWaitMs ? wait : undefined;
    }
    if (status >= 500 && status !== 501)
        return backoff;
    return undefined;
}
/** An Octokit for the GitHub API of this run, with the retry policy above on every request. */
async function createGitHubClient(options) {
    if (!options.token)
        throw new Error('the `github-token` input is empty; pass `github-token: ${{ github.token }}`');
    // Loaded on first use: runs without a GitHub surface never pay for Octokit and undici.
    const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    const policy = { ...DEFAULT_GITHUB_RETRY, ...options.retry };
    const sleep = options.sleep ?? _util_sleep_js__WEBPACK_IMPORTED_MODULE_2__/* .sleep */ .y;
    const now = options.now ?? Date.now;
    const { signal } = options;
    const quiet = () => undefined;
    const baseUrl = (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, '');
    // The runner's proxy-aware fetch (@actions/github's default), with each attempt's deadline and the
    // job's cancellation added. (A signal set from a request hook is not honoured by this fetch; one
    // added here is.)
    const proxied = getOctokit(options.token, { baseUrl }).request.endpoint.DEFAULTS.request?.fetch;
    const fetchWithDeadline = (url, init) => {
        const signals = [
            AbortSignal.timeout(policy.timeoutMs),
            ...(signal ? [signal] : []),
            ...(init.signal ? [init.signal] : [])
        ];
        return (proxied ?? fetch)(url, { ...init, signal: AbortSignal.any(signals) });
    };
    const octokit = getOctokit(options.token, {
        baseUrl,
        log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
        request: { fetch: fetchWithDeadline }
    });
    octokit.hook.wrap('request', async (request, requestOptions) => {
        const opts = requestOptions;
        const method = (opts.method ?? 'GET').toUpperCase();
        // The route template (`/repos/{owner}/…`), or for later pages the path without host and query.
        const route = `${method} ${(opts.url ?? '').replace(baseUrl, '').split('?')[0]}`;
        let waited = 0;
        for (let attempt = 1;; attempt++) {
            if (signal?.aborted)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS('cancelled', route, 'the job was cancelled', undefined, attempt - 1);
            try {
                return await request(requestOptions);
            }
            catch (error) {
                if (signal?.aborted)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS('cancelled', route, 'the job was cancelled', undefined, attempt);
                const failure = readFailure(error);
                const wait = attempt > policy.retries ? undefined : retryDelay(failure, method, attempt, policy, now());
                if (wait === undefined || waited + wait > policy.totalWaitMs) {
                    const kind = failure.timedOut ? 'timeout' : (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .classify */ .L8)(failure.status, failure.headers, failure.message);
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS(kind, route, failure.message, failure.status, attempt);
                }
                const what = failure.status
                    ? `answered ${failure.status}`
                    : failure.timedOut
                        ? 'did not answer in time'
                        : `was unreachable (${failure.message})`;
                options.log?.(`GitHub ${what} to ${route}; retrying in ${Math.ceil(wait / 1000)} s (attempt ${attempt + 1} of ${policy.retries + 1})`);
                await sleep(wait, signal);
                waited += wait;
            }
        }
    });
    return octokit;
}


/***/ }),

/***/ 3116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L8: () => (/* binding */ classify),
/* harmony export */   OS: () => (/* binding */ GitHubApiError),
/* harmony export */   Po: () => (/* binding */ describeGitHubFailure),
/* harmony export */   a5: () => (/* binding */ isRateLimit),
/* harmony export */   hg: () => (/* binding */ githubMessage)
/* harmony export */ });
/**
 * GitHub API failures as one line a person can act on: what failed, what GitHub said, and the fix
 * (`add permissions: pull-requests: write to the job`). Pure: it reads the error Octokit threw (status,
 * headers, GitHub's message) and never the request, so the token cannot reach the text.
 */
/** Thrown by the client after its retries: the kind, GitHub's status and words, attempts made. */
class GitHubApiError extends Error {
    kind;
    route;
    detail;
    status;
    attempts;
    constructor(kind, 
    /** `GET /repos/{owner}/{repo}/issues/{issue_number}/comments`: the route, never the URL with values. */
    route, 
    /** GitHub's own message (bounded), e.g. `Resource not accessible by integration`. */
    detail, status, attempts) {
        super(`${route}: ${status ? `HTTP ${status} ` : ''}${detail}`);
        this.kind = kind;
        this.route = route;
        this.detail = detail;
        this.status = status;
        this.attempts = attempts;
        this.name = 'GitHubApiError';
    }
}
const MAX_DETAIL_CHARS = 300;
/** GitHub's `message` from the body, else the error's; documentation links dropped, one line, bounded. */
function githubMessage(error) {
    const e = (error ?? {});
    const data = e.response?.data;
    const fromBody = data && typeof data === 'object' && 'message' in data && typeof data.message === 'string' ? data.message : undefined;
    const raw = fromBody ?? (typeof e.message === 'string' ? e.message : String(error));
    const oneLine = raw
        .replace(/ - https:\/\/docs\.github\.com\S*/g, '')
        .replace(/\s+/g, ' ')
        .trim();
    return oneLine.length > MAX_DETAIL_CHARS ? `${oneLine.slice(0, MAX_DETAIL_CHARS - 1)}…` : oneLine;
}
/** A 403/429 that a later attempt may pass: secondary rate limit, or the primary one used up. */
function isRateLimit(status, headers, message) {
    if (status === 429)
        return true;
    if (status !== 403)
        return false;
    return headers['retry-after'] !== undefined || headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(message);
}
/** Kind of a failed answer (after the client's retries) or of a request that never got one. */
function classify(status, headers, message) {
    if (status === undefined)
        return 'network';
    if (status === 401)
        return 'bad-credentials';
    if (isRateLimit(status, headers, message))
        return 'rate-limited';
    if (status === 403)
        return /not accessible by integration|permission/i.test(message) ? 'no-permission' : 'forbidden';
    if (status === 404)
        return 'not-found';
    if (status >= 500)
        return 'server';
    return 'rejected';
}
/** The fix for each kind, in the user's words. */
function fixFor(error, context) {
    switch (error.kind) {
        case 'bad-credentials':
            return 'the `github-token` input is invalid or expired; pass `github-token: ${{ github.token }}` or a valid token';
        case 'no-permission':
            return `add \`permissions: ${context.permission}\` to the job (a pull request from a fork gets a read-only token whatever the job asks)`;
        case 'forbidden':
            return `the token may not do this; check that it can write to the repository (\`permissions: ${context.permission}\`) and any organisation SSO/IP rules`;
        case 'rate-limited':
            return 'GitHub’s API rate limit was hit; it clears by itself — fewer concurrent jobs or a token of its own helps';
        case 'not-found':
            return 'check the repository and the PR number (`pr-number`), and that the token can see the repository (a token without access gets 404)';
        case 'rejected':
            return 'GitHub refused the request as sent; this is a deploy-guard bug if it persists, please report it with this line';
        case 'server':
            return 'GitHub had an error; it is usually temporary — re-run the job to update the record';
        case 'timeout':
            return 'GitHub did not answer in time; re-run the job to update the record';
        case 'network':
            return 'check that the runner can reach the GitHub API (`GITHUB_API_URL`, proxy settings)';
        case 'cancelled':
            return 'the job was cancelled';
    }
}
/** One line for a warning: `could not update the PR comment on #12: HTTP 403 Resource not … — add …`. */
function describeGitHubFailure(error, context) {
    if (!(error instanceof GitHubApiError)) {
        return `deploy-guard could not ${context.doing}: ${githubMessage(error)}`;
    }
    const status = error.status ? `HTTP ${error.status} ` : '';
    const tries = error.attempts > 1 ? ` (after ${error.attempts} attempts)` : '';
    return `deploy-guard could not ${context.doing}: ${status}${error.detail}${tries} — ${fixFor(error, context)}.`;
}


/***/ }),

/***/ 2859:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  prCommentSurface: () => (/* binding */ prCommentSurface)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/report/budget.ts
var report_budget = __webpack_require__(2585);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(6412);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/report/long-strings.ts
var long_strings = __webpack_require__(2497);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/report/rollback-facts.ts
var rollback_facts = __webpack_require__(5966);
// EXTERNAL MODULE: ./src/report/sections/analysis.ts + 2 modules
var analysis = __webpack_require__(5520);
// EXTERNAL MODULE: ./src/report/sections/canary.ts
var canary = __webpack_require__(3691);
// EXTERNAL MODULE: ./src/report/sections/canary-judge.ts
var canary_judge = __webpack_require__(6765);
// EXTERNAL MODULE: ./src/report/sections/checks.ts
var sections_checks = __webpack_require__(1702);
// EXTERNAL MODULE: ./src/report/sections/rollback.ts
var rollback = __webpack_require__(2095);
// EXTERNAL MODULE: ./src/report/sections/verdict.ts
var verdict = __webpack_require__(4910);
;// CONCATENATED MODULE: ./src/report/pr-comment.ts
/**
 * The sticky PR comment: one comment per environment + target set, the newest run in full and earlier
 * runs collapsed under `<details>` (newest first, oldest dropped first), always ≤ 65,536 characters
 * (GitHub's limit for a comment body). Pure: result and facts in, Markdown out; src/github/ posts it.
 *
 * The body is built from blocks we can find again in the previous body:
 *   <!-- deploy-guard:record env=… targets=… -->          the sticky marker (first line, always)
 *   <!-- deploy-guard:run id=NONCE kind=current summary=BASE64 -->  …  <!-- /deploy-guard:run id=NONCE -->
 *   <!-- deploy-guard:run id=NONCE kind=earlier summary=BASE64 -->  …  <!-- /deploy-guard:run id=NONCE -->
 * A run block ends only at the end marker with its own random id: outside text inside a block (a log
 * line in a fenced block is literal) cannot end it early or forge a block, because it cannot know the id.
 * Everything from outside is escaped by src/report/escape.ts (Markdown, HTML, @mentions, #123).
 */













/** GitHub refuses a comment body longer than this (characters; a JS length counts at least as many). */
const MAX_COMMENT_CHARS = 65_536;
/** No single outside string is shown longer than this in the comment. */
const MAX_STRING_CHARS = 4000;
/** Room the newest run may take, so at least the earlier runs' one-line summaries still fit. */
const MAX_CURRENT_CHARS = 56_000;
/** Marker values use only [A-Za-z0-9._] and %XX: nothing that could end an HTML comment (`--`, `>`). */
const markerValue = (text) => [...new TextEncoder().encode(text)]
    .map((b) => /[A-Za-z0-9._]/.test(String.fromCharCode(b))
    ? String.fromCharCode(b)
    : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
/** The identity of a target set: order and duplicates do not matter. */
function targetSetKey(targets) {
    const keys = [...new Set(targets.map((t) => `${t.kind.toLowerCase()}/${t.name}@${t.namespace}`))].sort();
    return (0,external_node_crypto_.createHash)('sha256').update(keys.join('\n')).digest('hex').slice(0, 16);
}
/** The hidden marker that makes a comment "the record of this environment and target set". */
function commentMarker(environment, targets) {
    return `<!-- deploy-guard:record env=${markerValue((0,report_escape/* truncate */.xv)(environment ?? '', 200))} targets=${targetSetKey(targets)} -->`;
}
// ---- the newest run ---------------------------------------------------------------------------------
function versionText(target, budget) {
    const images = Object.entries(target.images ?? {});
    const before = target.previous;
    const changed = images.filter(([name, image]) => before?.images[name] !== undefined && before.images[name] !== image);
    const shown = (changed.length ? changed : images).slice(0, 1);
    const more = (changed.length || images.length) - shown.length;
    const cell = (text) => (0,report_escape/* codeSpan */.SS)((0,report_escape/* truncate */.xv)(text, budget.maxCellChars));
    const parts = shown.map(([name, image]) => {
        const old = before?.images[name];
        return old !== undefined && old !== image ? `${cell(old)} → ${cell(image)}` : cell(image);
    });
    if (more > 0)
        parts.push(`+${more} more`);
    const revision = target.revision
        ? before
            ? `revision ${(0,report_escape/* escapeMarkdownText */.m4)(before.revision)} → ${(0,report_escape/* escapeMarkdownText */.m4)(target.revision)}`
            : `revision ${(0,report_escape/* escapeMarkdownText */.m4)(target.revision)}`
        : '';
    return [...parts, revision].filter(Boolean).join('<br>') || '—';
}
function checksText(target) {
    const counts = new Map();
    for (const check of target.checks)
        counts.set(check.status, (counts.get(check.status) ?? 0) + 1);
    const order = ['failed', 'inconclusive', 'passed', 'skipped'];
    const parts = order.filter((s) => counts.get(s)).map((s) => `${format/* STATUS_ICON */.tW[s]} ${counts.get(s)} ${s}`);
    return parts.join(' · ') || '—';
}
const sameRef = (a, b) => a.kind.toLowerCase() === b.kind.toLowerCase() && a.name === b.name && a.namespace === b.namespace;
function rollbackText(t) {
    if (!t)
        return '—';
    const move = (0,report_escape/* escapeMarkdownText */.m4)((0,rollback_facts/* revisionMoveText */.Wh)(t));
    if (!(0,rollback_facts/* hasLanded */.hb)(t))
        return `${rollback_facts/* STATE_ICON */.S7[t.state]} ${(0,report_escape/* codeSpan */.SS)(t.state)}`;
    const restored = t.restoredVerdict
        ? `${format/* VERDICT_ICON */.YY[t.restoredVerdict]} restored ${t.restoredVerdict}`
        : '⚠️ restored, not verified';
    return `${rollback_facts/* STATE_ICON */.S7[t.state]} ${move}<br>${restored}`;
}
/** Component, environment, namespace, old → new, checks, rollback: one row per target. */
function recordTable(result, facts, budget) {
    const env = facts.environment ? (0,report_escape/* codeSpan */.SS)((0,report_escape/* truncate */.xv)(facts.environment, budget.maxCellChars)) : '—';
    const { items, omitted } = (0,markdown/* selectItems */.rM)(result.targets, budget.maxTableRows, (t) => t.checks.some((c) => c.status === 'failed' || c.status === 'inconclusive'));
    const rows = items.map((t) => [
        (0,report_escape/* codeSpan */.SS)((0,report_escape/* truncate */.xv)((0,format/* targetLabel */.Op)(t.ref), budget.maxCellChars)),
        env,
        (0,report_escape/* codeSpan */.SS)((0,report_escape/* truncate */.xv)(t.ref.namespace, budget.maxCellChars)),
        versionText(t, budget),
        checksText(t),
        rollbackText(result.rollback?.targets.find((r) => sameRef(r.ref, t.ref)))
    ]);
    const rendered = (0,markdown/* table */.tp)(['Component', 'Environment', 'Namespace', 'Version', 'Checks', 'Rollback'], rows);
    return omitted ? `${rendered}\n\n_… ${omitted.toLocaleString('en-US')} more targets not shown._` : rendered;
}
function footer(result, facts) {
    const parts = [];
    if (facts.runUrl)
        parts.push((0,report_escape/* link */.nf)(facts.runUrl, 'workflow run'));
    if (facts.actor)
        parts.push(`by ${(0,report_escape/* escapeMarkdownText */.m4)(`@${(0,report_escape/* truncate */.xv)(facts.actor, 100)}`)}`);
    if (facts.sha) {
        const short = facts.sha.slice(0, 7);
        parts.push(`commit ${facts.commitUrl ? (0,report_escape/* link */.nf)(facts.commitUrl, short) : (0,report_escape/* codeSpan */.SS)(short)}`);
    }
    const duration = (0,format/* formatDuration */.a3)(result.startedAt, result.finishedAt);
    parts.push((0,report_escape/* escapeMarkdownText */.m4)(`${result.startedAt.slice(0, 10)} ${(0,format/* formatClock */.ei)(result.startedAt)} → ${(0,format/* formatClock */.ei)(result.finishedAt)} UTC${duration ? ` (${duration})` : ''}`));
    return `<sub>${parts.join(' · ')}</sub>`;
}
/** The line an earlier run shows collapsed: verdict, command, environment, time, commit. */
function runSummaryLine(result, facts) {
    const parts = [`${format/* VERDICT_ICON */.YY[result.verdict]} <b>${result.verdict}</b>`, `deploy-guard ${result.command}`];
    if (result.action !== 'none')
        parts.push((0,report_escape/* escapeMarkdownText */.m4)(result.action));
    parts.push((0,report_escape/* escapeMarkdownText */.m4)(`${result.finishedAt.slice(0, 10)} ${(0,format/* formatClock */.ei)(result.finishedAt)} UTC`));
    if (facts.sha)
        parts.push((0,report_escape/* codeSpan */.SS)(facts.sha.slice(0, 7)));
    return parts.join(' · ');
}
function renderCurrent(result, facts, budget, headline, trimmed) {
    const title = `deploy-guard ${result.command}${facts.environment ? ` · ${facts.environment}` : ''}`;
    const head = headline ?? (0,verdict/* renderVerdict */.g)(result, (0,report_escape/* truncate */.xv)(title, 300), budget).replace(/^## /, '### ');
    const blocks = [head, recordTable(result, facts, budget)];
    blocks.push((0,rollback/* renderRollback */.x)(result, budget));
    // A canary's steps (weights, outcomes, the judge's per-metric evidence) one click away; the headline says where it stopped.
    if (result.canary?.steps.length)
        blocks.push((0,markdown/* detailsBlock */.g4)(`Canary steps (${result.canary.steps.length} of ${result.canary.plannedSteps})`, [(0,canary/* renderCanary */.P)(result.canary), (0,canary_judge/* renderCanaryJudge */.e)(result.canary)].filter(Boolean).join('\n\n'), false));
    // The headline already gives the cause and what was done; the full checklist and the charts stay one
    // click away, so a failed run's record does not repeat the whole job summary in the PR.
    const checks = (0,sections_checks/* renderChecks */.gH)(result, budget);
    const count = result.targets.reduce((n, t) => n + t.checks.length, result.checks.length);
    if (checks)
        blocks.push((0,markdown/* detailsBlock */.g4)(`Checks (${count})`, checks, false));
    if (result.analysis)
        blocks.push((0,markdown/* detailsBlock */.g4)(`Analysis (${result.analysis.checks.length} queries)`, (0,analysis/* renderAnalysis */.fA)(result.analysis, budget), false));
    if (trimmed) {
        const where = facts.runUrl
            ? `the ${(0,report_escape/* link */.nf)(facts.runUrl, 'workflow run')}'s job summary and JSON record`
            : 'the job summary and JSON record';
        blocks.push(`_Long tables were trimmed to fit a PR comment; ${where} have everything._`);
    }
    blocks.push(footer(result, facts));
    return blocks.filter(Boolean).join('\n\n');
}
/** The leanest form: headline, record table and a pointer to the run. */
function renderMinimal(result, facts, headline) {
    const leanest = {
        ...report_budget/* BUDGETS */.b[report_budget/* BUDGETS */.b.length - 1],
        maxTableRows: 20,
        maxReasons: 5,
        maxCellChars: 200,
        maxReasonChars: 500
    };
    const title = `deploy-guard ${result.command}${facts.environment ? ` · ${facts.environment}` : ''}`;
    const head = headline && headline.length <= 8000
        ? headline
        : (0,verdict/* renderVerdict */.g)(result, (0,report_escape/* truncate */.xv)(title, 300), leanest).replace(/^## /, '### ');
    const where = facts.runUrl ? (0,report_escape/* link */.nf)(facts.runUrl, 'the workflow run') : 'the job summary';
    return [
        head,
        recordTable(result, facts, leanest),
        `_Details did not fit a PR comment; see ${where}._`,
        footer(result, facts)
    ].join('\n\n');
}
/** The newest run's Markdown, within `maxChars`: the fullest budget that fits, else the minimal form. */
function renderRunRecord(full, facts, options = {}) {
    const result = (0,long_strings/* capLongStrings */.r)(full, MAX_STRING_CHARS);
    const max = options.maxChars ?? MAX_CURRENT_CHARS;
    for (const [i, budget] of report_budget/* BUDGETS */.b.entries()) {
        const text = renderCurrent(result, facts, budget, options.headline, i > 0);
        if (text.length <= max)
            return text;
    }
    const minimal = renderMinimal(result, facts, options.headline);
    return minimal.length <= max ? minimal : (0,report_escape/* truncate */.xv)(minimal, max);
}
const encodeSummary = (summary) => Buffer.from(summary, 'utf8').toString('base64');
const decodeSummary = (base64) => Buffer.from(base64, 'base64').toString('utf8');
function blockText(block, id = (0,external_node_crypto_.randomBytes)(12).toString('hex')) {
    return `<!-- deploy-guard:run id=${id} kind=${block.kind} summary=${encodeSummary(block.summary)} -->\n${block.content}\n<!-- /deploy-guard:run id=${id} -->`;
}
const START = /<!-- deploy-guard:run id=([0-9a-f]{8,64}) kind=(current|earlier) summary=([A-Za-z0-9+/=]*) -->\n/g;
/** The run blocks of one of our earlier bodies, in order (see the header for why ends carry the id). */
function parseRunBlocks(body) {
    const blocks = [];
    let from = 0;
    for (;;) {
        START.lastIndex = from;
        const start = START.exec(body);
        if (!start)
            return blocks;
        const [whole, id, kind, summary] = start;
        const end = `\n<!-- /deploy-guard:run id=${id} -->`;
        const contentStart = start.index + whole.length;
        const endAt = body.indexOf(end, contentStart);
        if (endAt < 0)
            return blocks;
        blocks.push({ kind, summary: decodeSummary(summary), content: body.slice(contentStart, endAt) });
        from = endAt + end.length;
    }
}
/** A previous run as it is kept: collapsed in full, or (when space is short) its summary line only. */
function asEarlier(block) {
    if (block.kind === 'earlier')
        return [block];
    return [{ kind: 'earlier', summary: block.summary, content: (0,markdown/* detailsBlock */.g4)(block.summary, block.content) }];
}
const summaryOnly = (block) => ({
    kind: 'earlier',
    summary: block.summary,
    content: `- ${block.summary}`
});
/** The whole comment body: marker, the newest run, earlier runs collapsed, ≤ maxChars. */
function renderPrComment(input) {
    const max = Math.min(input.maxChars ?? MAX_COMMENT_CHARS, MAX_COMMENT_CHARS);
    const current = {
        kind: 'current',
        summary: runSummaryLine(input.result, input.facts),
        content: renderRunRecord(input.result, input.facts, {
            headline: input.headline,
            maxChars: Math.min(MAX_CURRENT_CHARS, max - 2000)
        })
    };
    const earlier = input.previousBody ? parseRunBlocks(input.previousBody).flatMap(asEarlier) : [];
    const head = `${input.marker}\n${blockText(current)}`;
    const heading = '\n\n**Earlier runs** (newest first)\n\n';
    // The count of dropped runs is carried from body to body, so the note stays true after the next update.
    const droppedBefore = Number(/<!-- deploy-guard:dropped (\d{1,9}) -->/.exec(input.previousBody ?? '')?.[1] ?? 0);
    const dropNote = (n) => `\n\n<!-- deploy-guard:dropped ${n} -->\n_${n.toLocaleString('en-US')} older ${n === 1 ? 'run was' : 'runs were'} dropped to stay under GitHub's comment size limit._`;
    const reserve = heading.length + dropNote(droppedBefore + earlier.length).length;
    const kept = [];
    let used = head.length + reserve;
    let dropped = 0;
    for (const block of earlier) {
        // Newest first: a run that does not fit whole is kept as its summary line; once even that does not
        // fit, it and every older run are dropped.
        if (dropped) {
            dropped++;
            continue;
        }
        const fits = [block, summaryOnly(block)].map((b) => blockText(b)).find((t) => used + t.length + 2 <= max);
        if (fits === undefined) {
            dropped++;
            continue;
        }
        kept.push(fits);
        used += fits.length + 2;
    }
    const body = kept.length ? `${head}${heading}${kept.join('\n\n')}` : head;
    const totalDropped = droppedBefore + dropped;
    const text = totalDropped ? `${body}${dropNote(totalDropped)}` : body;
    return text.length <= max ? text : (0,report_escape/* truncate */.xv)(text, max);
}

// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(6584);
// EXTERNAL MODULE: ./src/github/errors.ts
var errors = __webpack_require__(3116);
;// CONCATENATED MODULE: ./src/github/comment.ts

const ACTIONS_BOT_LOGIN = 'github-actions[bot]';
const normaliseLogin = (login) => login
    .trim()
    .toLowerCase()
    .replace(/\[bot\]$/, '');
/** The login that authors this token's comments (see the header). Throws GitHubApiError on bad credentials. */
async function tokenIdentity(octokit) {
    try {
        const { data } = await octokit.request('GET /user');
        if (data.login)
            return { login: data.login, source: 'rest' };
    }
    catch (error) {
        if (error instanceof errors/* GitHubApiError */.OS && error.kind === 'bad-credentials')
            throw error;
        if (error instanceof errors/* GitHubApiError */.OS && error.kind === 'cancelled')
            throw error;
    }
    try {
        const data = await octokit.graphql('query { viewer { login } }');
        const login = data.viewer?.login;
        if (login)
            return { login, source: 'graphql' };
    }
    catch (error) {
        if (error instanceof errors/* GitHubApiError */.OS && (error.kind === 'bad-credentials' || error.kind === 'cancelled'))
            throw error;
    }
    return { login: ACTIONS_BOT_LOGIN, source: 'assumed' };
}
/** Our comment carrying `marker` (first one, oldest first), or undefined. Pages through every comment. */
async function findOwnComment(octokit, issue, marker, identity) {
    const me = normaliseLogin(identity.login);
    const iterator = octokit.paginate.iterator('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: issue.owner,
        repo: issue.repo,
        issue_number: issue.issueNumber,
        per_page: 100
    });
    for await (const page of iterator) {
        for (const comment of page.data) {
            const mine = normaliseLogin(comment.user?.login ?? '') === me;
            if (mine && comment.body?.includes(marker))
                return { id: comment.id, body: comment.body, url: comment.html_url };
        }
    }
    return undefined;
}
/** Updates comment `id` in place, or creates one when there is none (or it was deleted meanwhile). */
async function upsertComment(octokit, issue, existingId, body) {
    if (existingId !== undefined) {
        try {
            const { data } = await octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
                owner: issue.owner,
                repo: issue.repo,
                comment_id: existingId,
                body
            });
            return { action: 'updated', id: Number(data.id), url: data.html_url };
        }
        catch (error) {
            // Deleted between the lookup and the update: a new one is what the user would want.
            if (!(error instanceof errors/* GitHubApiError */.OS && error.kind === 'not-found'))
                throw error;
        }
    }
    const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: issue.owner,
        repo: issue.repo,
        issue_number: issue.issueNumber,
        body
    });
    return { action: 'created', id: Number(data.id), url: data.html_url };
}

// EXTERNAL MODULE: ./src/github/pr.ts
var github_pr = __webpack_require__(3437);
;// CONCATENATED MODULE: ./src/github/pr-comment-surface.ts





const defaultClient = (ctx) => (0,client/* createGitHubClient */.LX)({ token: ctx.githubToken, baseUrl: (0,client/* githubApiUrl */.BN)(ctx.env), signal: ctx.signal, log: ctx.log });
/** The surface, when `comment-on-pr` is not `false` and there is a token. */
function prCommentSurface(ctx, options = {}) {
    const mode = ctx.config.records?.commentOnPr ?? 'auto';
    if (mode === false)
        return undefined;
    // `auto` stays silent where no comment could be meant: no token (the action's default is the job's
    // token, so only a run outside Actions or one that cleared it), or no repository (not in Actions).
    if (!ctx.githubToken) {
        if (mode === true)
            ctx.warn('deploy-guard cannot comment on the PR: the `github-token` input is empty; pass `github-token: ${{ github.token }}`');
        return undefined;
    }
    if (mode === 'auto' && !ctx.env.GITHUB_REPOSITORY)
        return undefined;
    return {
        name: 'the PR comment',
        finish: (result) => postComment(ctx, result, options)
    };
}
async function postComment(ctx, result, options) {
    let step = { doing: 'find the pull request of this run', permission: 'pull-requests: read' };
    try {
        const facts = (0,github_pr/* runFacts */.pI)(ctx.env, (0,github_pr/* readEventPayload */.N5)(ctx.env));
        const octokit = await (options.createClient ?? defaultClient)(ctx);
        const pr = await (0,github_pr/* findPullRequest */._f)(octokit, facts, ctx.config.records?.prNumber);
        if (pr.number === undefined) {
            ctx.log(`deploy-guard: no pull request for this run (${pr.why}); no PR comment posted`);
            return;
        }
        const issue = { owner: facts.owner, repo: facts.repo, issueNumber: pr.number };
        step = { doing: `read the comments of PR #${pr.number}`, permission: 'pull-requests: read' };
        const identity = await tokenIdentity(octokit);
        const environment = ctx.config.records?.environment;
        const marker = commentMarker(environment, ctx.config.targets);
        const existing = await findOwnComment(octokit, issue, marker, identity);
        const body = renderPrComment({
            result,
            facts: { environment, runUrl: facts.runUrl, actor: facts.actor, sha: facts.sha, commitUrl: facts.commitUrl },
            marker,
            previousBody: existing?.body,
            headline: options.headline?.(result)
        });
        step = {
            doing: existing ? `update the PR comment on #${pr.number}` : `comment on PR #${pr.number}`,
            permission: 'pull-requests: write'
        };
        const done = await upsertComment(octokit, issue, existing?.id, body);
        const by = identity.source === 'assumed' ? ` (as ${identity.login}, assumed: the token could not say who it is)` : '';
        ctx.log(`deploy-guard: ${done.action} the PR comment on #${pr.number}${by}${done.url ? `: ${done.url}` : ''}`);
    }
    catch (error) {
        ctx.warn((0,errors/* describeGitHubFailure */.Po)(error, step));
    }
}


/***/ }),

/***/ 3437:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N5: () => (/* binding */ readEventPayload),
/* harmony export */   _f: () => (/* binding */ findPullRequest),
/* harmony export */   pI: () => (/* binding */ runFacts)
/* harmony export */ });
/* unused harmony export choosePullRequest */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Which pull request a run belongs to, and the facts of the run the records show (run link, actor,
 * commit). The event payload and the environment are read here; the only request is the commit's PRs.
 *
 * - `pr-number` input wins.
 * - `pull_request`, `pull_request_target` (and review events, and `issue_comment` on a PR): the payload's number.
 * - Anything else (`push`, `workflow_dispatch`, `deployment`, `schedule`, …): the PRs GitHub associates
 *   with the commit, `GET /repos/{owner}/{repo}/commits/{sha}/pulls`: an open PR whose head is this
 *   commit first, then the PR this commit merged, then any open one, then any merged one. A closed,
 *   unmerged PR is never chosen: commenting on an abandoned PR tells nobody anything.
 */

const asRecord = (value) => value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
const asNumber = (value) => typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
const asString = (value) => (typeof value === 'string' && value ? value : undefined);
/** The event payload (`GITHUB_EVENT_PATH`); an unreadable one is an empty payload (a run outside Actions). */
function readEventPayload(env) {
    if (!env.GITHUB_EVENT_PATH)
        return {};
    try {
        return asRecord(JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'))) ?? {};
    }
    catch {
        return {};
    }
}
const PR_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment']);
/** The run's facts from the environment and the event payload; throws when GITHUB_REPOSITORY is unusable. */
function runFacts(env, payload) {
    const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!owner || !repo || rest.length) {
        throw new Error(`GITHUB_REPOSITORY is '${env.GITHUB_REPOSITORY ?? ''}', expected owner/repo (run the action in GitHub Actions)`);
    }
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const pullRequest = asRecord(payload.pull_request);
    const issue = asRecord(payload.issue);
    let eventPullRequest;
    if (PR_EVENTS.has(eventName) || (!eventName && pullRequest))
        eventPullRequest = asNumber(pullRequest?.number);
    else if (eventName === 'issue_comment' && issue?.pull_request)
        eventPullRequest = asNumber(issue.number);
    const sha = asString(asRecord(pullRequest?.head)?.sha) ??
        asString(asRecord(payload.deployment)?.sha) ??
        asString(asRecord(payload.workflow_run)?.head_sha) ??
        asString(env.GITHUB_SHA);
    const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? '1');
    const runUrl = env.GITHUB_RUN_ID
        ? `${server}/${owner}/${repo}/actions/runs/${encodeURIComponent(env.GITHUB_RUN_ID)}${attempt > 1 ? `/attempts/${attempt}` : ''}`
        : undefined;
    return {
        owner,
        repo,
        eventName,
        sha,
        actor: asString(env.GITHUB_TRIGGERING_ACTOR) ?? asString(env.GITHUB_ACTOR),
        runUrl,
        commitUrl: sha && /^[0-9a-f]{7,64}$/i.test(sha) ? `${server}/${owner}/${repo}/commit/${sha}` : undefined,
        eventPullRequest
    };
}
/** Picks the PR a commit belongs to among those GitHub associates with it (see the header). */
function choosePullRequest(pulls, sha) {
    const open = pulls.filter((p) => p.state === 'open');
    const merged = pulls.filter((p) => !!p.merged_at);
    return open.find((p) => p.head?.sha === sha) ?? merged.find((p) => p.merge_commit_sha === sha) ?? open[0] ?? merged[0];
}
/** The PR of this run, or why there is none. Throws GitHubApiError when the commit's PRs cannot be listed. */
async function findPullRequest(octokit, facts, prNumber) {
    if (prNumber)
        return { number: prNumber, source: 'input' };
    if (facts.eventPullRequest)
        return { number: facts.eventPullRequest, source: 'event' };
    if (!facts.sha)
        return { why: `the ${facts.eventName || 'unknown'} event names no pull request and no commit` };
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
        owner: facts.owner,
        repo: facts.repo,
        commit_sha: facts.sha,
        per_page: 100
    });
    const chosen = choosePullRequest(data, facts.sha);
    if (chosen)
        return { number: chosen.number, source: 'commit' };
    return {
        why: `commit ${facts.sha.slice(0, 12)} (${facts.eventName || 'unknown'} event) belongs to no open or merged pull request`
    };
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
/* harmony export */   y: () => (/* binding */ sleep)
/* harmony export */ });
/* unused harmony export MAX_TIMER_MS */
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


/***/ })

};
