export const id = 833;
export const ids = [833,783];
export const modules = {

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   nM: () => (/* binding */ surfaceClient)
/* harmony export */ });
/* unused harmony exports DEFAULT_GITHUB_RETRY, githubApiUrl, retryDelay, createGitHubClient */
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
/** The client a record surface uses (PR comment, Deployments): this run's token, API URL, cancellation and log. */
function surfaceClient(ctx) {
    return createGitHubClient({
        token: ctx.githubToken,
        baseUrl: githubApiUrl(ctx.env),
        signal: ctx.signal,
        log: ctx.log
    });
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

/***/ 7318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lB: () => (/* binding */ upsertComment),
/* harmony export */   rA: () => (/* binding */ findOwnComment),
/* harmony export */   sX: () => (/* binding */ tokenIdentity),
/* harmony export */   yQ: () => (/* binding */ ACTIONS_BOT_LOGIN)
/* harmony export */ });
/* unused harmony export normaliseLogin */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3116);

const ACTIONS_BOT_LOGIN = 'github-actions[bot]';
const normaliseLogin = (login) => login
    .trim()
    .toLowerCase()
    .replace(/\[bot\]$/, '');
/** A failure no other way of asking can get past: the token is bad, or the job was cancelled. */
const final = (error) => error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS && (error.kind === 'bad-credentials' || error.kind === 'cancelled');
/** The login that authors this token's comments (see the header). Throws GitHubApiError on bad credentials. */
async function tokenIdentity(octokit) {
    try {
        const { data } = await octokit.request('GET /user');
        if (data.login)
            return { login: data.login, source: 'rest' };
    }
    catch (error) {
        if (final(error))
            throw error;
    }
    try {
        const data = await octokit.graphql('query { viewer { login } }');
        const login = data.viewer?.login;
        if (login)
            return { login, source: 'graphql' };
    }
    catch (error) {
        if (final(error))
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
            if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS && error.kind === 'not-found'))
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


/***/ })

};
