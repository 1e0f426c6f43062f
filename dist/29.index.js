export const id = 29;
export const ids = [29,783,164];
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

/***/ 4029:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  JOB_DEPLOYMENT_MAX_AGE_MS: () => (/* binding */ JOB_DEPLOYMENT_MAX_AGE_MS),
  deploymentStatusWanted: () => (/* binding */ deploymentStatusWanted),
  deploymentSurface: () => (/* binding */ deploymentSurface)
});

// EXTERNAL MODULE: ./src/report/headline.ts + 2 modules
var headline = __webpack_require__(9213);
// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(6584);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(6412);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/report/rollback-facts.ts
var rollback_facts = __webpack_require__(5966);
;// CONCATENATED MODULE: ./src/github/deployment-record.ts



/** Tells our Deployments from anyone else's (GitHub's own for an `environment:` job has `{}`). */
const PAYLOAD_TOOL = 'deploy-guard';
const PAYLOAD_SCHEMA_VERSION = 1;
/** GitHub documents no exact payload limit; this stays well inside what it accepts. */
const PAYLOAD_MAX_BYTES = 60_000;
/** GitHub answers 422 above this. */
const DESCRIPTION_MAX_CHARS = 140;
const MAX_STRING = 300;
const MAX_REASONS = 3;
const bound = (text, max = MAX_STRING) => {
    const clean = (0,report_escape/* stripControl */.kU)(text).replace(/\s+/g, ' ').trim();
    return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
};
const boundImages = (images) => {
    if (!images)
        return undefined;
    const out = {};
    for (const [name, image] of Object.entries(images).slice(0, 20))
        out[bound(name, 100)] = bound(image, 512);
    return out;
};
const sameRef = (a, b) => a.kind.toLowerCase() === b.kind.toLowerCase() && a.name === b.name && a.namespace === b.namespace;
function snapshotOf(target, snapshots) {
    const taken = snapshots.find((s) => sameRef(s.ref, target.ref));
    if (taken)
        return {
            revision: taken.revision,
            ...(taken.templateHash ? { templateHash: bound(taken.templateHash, 100) } : {}),
            images: boundImages(taken.images),
            takenAt: taken.takenAt,
            source: 'snapshot'
        };
    if (target.preRollout)
        return {
            revision: target.preRollout.revision,
            ...(target.preRollout.templateHash ? { templateHash: bound(target.preRollout.templateHash, 100) } : {}),
            source: 'pre-rollout'
        };
    return undefined;
}
function payloadTarget(target, snapshots) {
    const snapshot = snapshotOf(target, snapshots);
    return {
        target: bound((0,format/* targetLabel */.Op)(target.ref), 300),
        namespace: bound(target.ref.namespace, 100),
        ...(target.revision ? { revision: bound(target.revision, 50) } : {}),
        ...(target.images ? { images: boundImages(target.images) } : {}),
        ...(target.previous
            ? {
                previous: { revision: bound(target.previous.revision, 50), images: boundImages(target.previous.images) ?? {} }
            }
            : {}),
        ...(snapshot ? { snapshot } : {})
    };
}
/** The payload of the Deployment created when the run starts: what is known before any check. */
function startPayload(command, targets, run, startedAt) {
    return fitPayload({
        tool: PAYLOAD_TOOL,
        schemaVersion: PAYLOAD_SCHEMA_VERSION,
        phase: 'started',
        command,
        environment: bound(run.environment, 255),
        ...(run.sha ? { sha: bound(run.sha, 64) } : {}),
        ...(run.runUrl ? { run: bound(run.runUrl, 500) } : {}),
        startedAt: startedAt.toISOString(),
        targets: targets.map((ref) => ({ target: bound((0,format/* targetLabel */.Op)(ref), 300), namespace: bound(ref.namespace, 100) }))
    });
}
/** The deploy's record: verdict, versions (old → new), the last good version per target, the rollback. */
function finalPayload(result, run) {
    const snapshots = result.snapshots ?? [];
    const rollback = result.rollback;
    return fitPayload({
        tool: PAYLOAD_TOOL,
        schemaVersion: PAYLOAD_SCHEMA_VERSION,
        phase: 'final',
        command: result.command,
        environment: bound(run.environment, 255),
        ...(run.sha ? { sha: bound(run.sha, 64) } : {}),
        ...(run.runUrl ? { run: bound(run.runUrl, 500) } : {}),
        startedAt: result.startedAt,
        finishedAt: result.finishedAt,
        verdict: result.verdict,
        action: (0,rollback_facts/* effectiveAction */.SM)(result),
        dryRun: result.dryRun,
        reasons: result.reasons.slice(0, MAX_REASONS).map((r) => bound(r)),
        targets: result.targets.map((t) => payloadTarget(t, snapshots)),
        ...(rollback
            ? {
                rollback: {
                    decision: rollback.decision,
                    targets: rollback.targets.map((t) => ({
                        target: bound((0,format/* targetLabel */.Op)(t.ref), 300),
                        state: t.state,
                        ...(t.fromRevision !== undefined ? { from: t.fromRevision } : {}),
                        ...(t.toRevision !== undefined ? { to: t.toRevision } : {}),
                        ...(t.restoredVerdict ? { restoredVerdict: t.restoredVerdict } : {})
                    }))
                }
            }
            : {})
    });
}
const payloadBytes = (payload) => Buffer.byteLength(JSON.stringify(payload), 'utf8');
/** Drops targets (then rollback rows) from the end until the JSON fits, saying how many went. */
function fitPayload(payload, maxBytes = PAYLOAD_MAX_BYTES) {
    if (payloadBytes(payload) <= maxBytes)
        return payload;
    const targets = [...payload.targets];
    const rows = [...(payload.rollback?.targets ?? [])];
    const total = { targets: targets.length, rows: rows.length };
    const build = () => {
        const notes = [
            targets.length < total.targets ? `${total.targets - targets.length} of ${total.targets} targets omitted` : '',
            rows.length < total.rows ? `${total.rows - rows.length} of ${total.rows} rollback rows omitted` : ''
        ].filter(Boolean);
        return {
            ...payload,
            targets,
            ...(payload.rollback ? { rollback: { ...payload.rollback, targets: rows } } : {}),
            trimmed: `${notes.join('; ')} to keep the payload under ${maxBytes} bytes; the run's record has everything`
        };
    };
    while (targets.length > 0 && payloadBytes(build()) > maxBytes)
        targets.pop();
    while (rows.length > 0 && payloadBytes(build()) > maxBytes)
        rows.pop();
    return build();
}
/** Reads a Deployment's payload as ours, or undefined (someone else's, or not JSON). */
function readPayload(payload) {
    let value = payload;
    if (typeof value === 'string') {
        try {
            value = JSON.parse(value);
        }
        catch {
            return undefined;
        }
    }
    if (!value || typeof value !== 'object')
        return undefined;
    const record = value;
    return record.tool === PAYLOAD_TOOL && Array.isArray(record.targets) ? record : undefined;
}
/** The final status of a run: only a pass is a success; inconclusive is a failure (a gate lets no unknown through). */
function finalState(result) {
    return result.verdict === 'passed' ? 'success' : 'failure';
}
/**
 * True when an undo landed on every target that was rolled back and each restored version was judged
 * healthy (or could not be waited for): the old version is live again, so its Deployment becomes current.
 */
function restoredPrevious(result) {
    const targets = result.rollback?.targets ?? [];
    const landed = targets.filter(rollback_facts/* hasLanded */.hb);
    return landed.length > 0 && landed.every((t) => t.state !== 'rolled-back-unhealthy');
}
/** A status description: one line, control characters removed, at most 140 characters. */
function description(text) {
    const clean = (0,report_escape/* stripControl */.kU)(text).replace(/\s+/g, ' ').trim();
    if (clean.length <= DESCRIPTION_MAX_CHARS)
        return clean;
    let end = DESCRIPTION_MAX_CHARS - 1;
    const code = clean.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        end -= 1;
    return `${clean.slice(0, end)}…`;
}
/** The images a rollback restored, per target label, when the run knows them. */
function restoredImages(result) {
    const images = new Map();
    for (const rollback of result.rollback?.targets ?? []) {
        if (!(0,rollback_facts/* hasLanded */.hb)(rollback))
            continue;
        const label = (0,format/* targetLabel */.Op)(rollback.ref);
        const restored = rollback.restored?.images;
        const judged = result.targets.find((t) => sameRef(t.ref, rollback.ref));
        const previous = judged?.previous && rollback.toRevision !== undefined && String(rollback.toRevision) === judged.previous.revision
            ? judged.previous.images
            : undefined;
        const found = restored ?? previous;
        if (found)
            images.set(label, found);
    }
    return images;
}

// EXTERNAL MODULE: ./src/github/errors.ts
var errors = __webpack_require__(3116);
;// CONCATENATED MODULE: ./src/github/deployments.ts


const summary = (d) => ({
    id: d.id ?? 0,
    sha: d.sha ?? '',
    ref: d.ref ?? '',
    task: d.task ?? '',
    environment: d.environment ?? '',
    createdAt: d.created_at ?? '',
    creator: d.creator?.login ?? undefined,
    payload: d.payload
});
/**
 * Creates a Deployment: no required status checks (the checks are this run), no merge of the default
 * branch, a persistent environment. A 202 (GitHub merged or wants to merge first) has no id: an error.
 */
async function createDeployment(octokit, repo, input) {
    const route = 'POST /repos/{owner}/{repo}/deployments';
    const response = await octokit.request(route, {
        ...repo,
        ref: input.ref,
        task: 'deploy',
        environment: input.environment,
        description: input.description,
        required_contexts: [],
        auto_merge: false,
        transient_environment: false,
        payload: input.payload
    });
    const data = response.data;
    if (typeof data.id !== 'number') {
        throw new errors/* GitHubApiError */.OS('rejected', route, `no Deployment was created (${data.message ?? `HTTP ${response.status}`})`, response.status, 1);
    }
    return data.id;
}
async function postStatus(octokit, repo, deploymentId, status) {
    await octokit.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
        ...repo,
        deployment_id: deploymentId,
        state: status.state,
        description: status.description,
        ...(status.logUrl ? { log_url: status.logUrl } : {}),
        ...(status.environmentUrl ? { environment_url: status.environmentUrl } : {}),
        ...(status.autoInactive !== undefined ? { auto_inactive: status.autoInactive } : {})
    });
}
/** The environment's Deployments, newest first (one page: the searches below only look at recent ones). */
async function listDeployments(octokit, repo, environment, perPage = 30) {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/deployments', {
        ...repo,
        environment,
        per_page: perPage
    });
    return data.map(summary);
}
/** A Deployment's statuses, newest first (the first is its current state). */
async function listStatuses(octokit, repo, deploymentId, perPage = 10) {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
        ...repo,
        deployment_id: deploymentId,
        per_page: perPage
    });
    return data.map((s) => ({
        state: s.state ?? '',
        logUrl: s.log_url || s.target_url || '',
        createdAt: s.created_at ?? ''
    }));
}
/**
 * Retires a Deployment this run created and replaced: marked inactive (GitHub deletes only inactive
 * ones while others exist), then deleted.
 */
async function retireDeployment(octokit, repo, deploymentId, why) {
    await postStatus(octokit, repo, deploymentId, { state: 'inactive', description: why });
    await octokit.request('DELETE /repos/{owner}/{repo}/deployments/{deployment_id}', {
        ...repo,
        deployment_id: deploymentId
    });
}
const ACTIVE = new Set(['queued', 'in_progress', 'pending']);
const ACTIONS_BOT = 'github-actions[bot]';
const RUN_IN_URL = /\/actions\/runs\/(\d+)(?:\/|$)/;
const emptyPayload = (payload) => payload === undefined ||
    payload === null ||
    payload === '' ||
    (typeof payload === 'object' && Object.keys(payload).length === 0);
/** Is this Deployment (with its statuses, newest first) the one GitHub created for this job? Pure. */
function isJobDeployment(d, statuses, job) {
    if (readPayload(d.payload))
        return false;
    if (!job.shas.includes(d.sha))
        return false;
    const runs = statuses.map((s) => RUN_IN_URL.exec(s.logUrl)?.[1]).filter((r) => !!r);
    if (runs.length)
        return job.runId !== undefined && runs.includes(job.runId);
    const created = Date.parse(d.createdAt);
    const recent = Number.isFinite(created) && job.now - created <= job.maxAgeMs;
    const creator = (d.creator ?? '').toLowerCase();
    const byJob = creator === ACTIONS_BOT || job.actors.some((a) => a.toLowerCase() === creator);
    const active = statuses.length === 0 || ACTIVE.has(statuses[0].state);
    return recent && byJob && active && emptyPayload(d.payload) && d.task === 'deploy';
}
/** The Deployment GitHub created for this job, when the job declares this environment. */
async function findJobDeployment(octokit, repo, environment, job) {
    const candidates = (await listDeployments(octokit, repo, environment))
        .filter((d) => job.shas.includes(d.sha) && !readPayload(d.payload))
        .slice(0, 5);
    for (const candidate of candidates) {
        const statuses = await listStatuses(octokit, repo, candidate.id);
        if (isJobDeployment(candidate, statuses, job))
            return candidate;
    }
    return undefined;
}
const GOOD = new Set(['success', 'inactive']);
const MAX_INSPECTED = 10;
const imagesMatch = (payload, restored) => {
    if (!restored.size)
        return false;
    for (const [label, images] of restored) {
        const target = payload.targets.find((t) => t.target === label);
        if (!target?.images)
            return false;
        for (const [container, image] of Object.entries(images))
            if (target.images[container] !== image)
                return false;
    }
    return true;
};
/**
 * The Deployment that was current before this run's: among the environment's Deployments older than
 * `exclude` (this run's; none for a manual rollback), those whose latest status is success or inactive;
 * the one whose recorded images are the restored ones when a payload says so, else (unless
 * `requireMatch`, as for a manual rollback, where the newest good one is the version just undone) the newest.
 */
async function findPreviousGood(octokit, repo, environment, exclude, restored, requireMatch = false) {
    const all = await listDeployments(octokit, repo, environment, 50);
    const newestOurs = exclude.length ? Math.max(...exclude) : Number.POSITIVE_INFINITY;
    // Newest first: everything listed before our newest is newer than this run (another run): skipped.
    const older = all.filter((d) => !exclude.includes(d.id) && d.id < newestOurs).slice(0, MAX_INSPECTED);
    let newestGood;
    for (const d of older) {
        const [latest] = await listStatuses(octokit, repo, d.id, 1);
        if (!latest || !GOOD.has(latest.state))
            continue;
        const payload = readPayload(d.payload);
        if (payload && imagesMatch(payload, restored))
            return d;
        newestGood ??= d;
        if (!restored.size)
            break;
    }
    return requireMatch ? undefined : newestGood;
}

// EXTERNAL MODULE: ./src/github/pr.ts
var pr = __webpack_require__(3437);
;// CONCATENATED MODULE: ./src/github/deployment-surface.ts






/** How old GitHub's Deployment for this job may be when the step starts (a hosted job runs ≤ 6 h). */
const JOB_DEPLOYMENT_MAX_AGE_MS = 6 * 60 * 60 * 1000;
const PERMISSION = 'deployments: write';
const defaultClient = (ctx) => (0,client/* createGitHubClient */.LX)({ token: ctx.githubToken, baseUrl: (0,client/* githubApiUrl */.BN)(ctx.env), signal: ctx.signal, log: ctx.log });
/** Whether statuses are written: `deployment-status` true, or `auto` with an environment. */
function deploymentStatusWanted(ctx) {
    // A snapshot is taken before the deploy: it records nothing about the new version.
    if (ctx.command === 'snapshot')
        return false;
    const mode = ctx.config.records?.deploymentStatus ?? 'auto';
    return mode === true || (mode === 'auto' && !!ctx.config.records?.environment);
}
/** The surface, when wanted; a wanted surface without an environment or token is a warning. */
function deploymentSurface(ctx, options = {}) {
    if (!deploymentStatusWanted(ctx))
        return undefined;
    const environment = ctx.config.records?.environment;
    if (!environment) {
        ctx.warn('deploy-guard cannot write a Deployment status: `deployment-status` is on but `environment` is empty; set `environment: production` (or the environment name)');
        return undefined;
    }
    if (!ctx.githubToken) {
        // `auto` stays silent, as the PR comment does: only a run outside Actions (or one that cleared the
        // token, whose default is the job's) has none.
        if (ctx.config.records?.deploymentStatus === true)
            ctx.warn('deploy-guard cannot write a Deployment status: the `github-token` input is empty; pass `github-token: ${{ github.token }}`');
        return undefined;
    }
    if (!ctx.env.GITHUB_REPOSITORY && ctx.config.records?.deploymentStatus === 'auto')
        return undefined;
    return new DeploymentRecorder(ctx, environment, options);
}
/** One warning per failure, with the fix; a 404 here is about the repository or the token's access. */
function failure(error, doing) {
    if (error instanceof errors/* GitHubApiError */.OS && error.kind === 'not-found') {
        return `deploy-guard could not ${doing}: HTTP 404 ${error.detail} — check GITHUB_REPOSITORY and that the token can see the repository and has \`permissions: ${PERMISSION}\` (a token without access gets 404).`;
    }
    return (0,errors/* describeGitHubFailure */.Po)(error, { doing, permission: PERMISSION });
}
class DeploymentRecorder {
    ctx;
    environment;
    options;
    name = 'the GitHub Deployment';
    tracked;
    client;
    facts;
    constructor(ctx, environment, options) {
        this.ctx = ctx;
        this.environment = environment;
        this.options = options;
    }
    async octokit() {
        this.client ??= await (this.options.createClient ?? defaultClient)(this.ctx);
        return this.client;
    }
    runFacts() {
        this.facts ??= (0,pr/* runFacts */.pI)(this.ctx.env, (0,pr/* readEventPayload */.N5)(this.ctx.env));
        return this.facts;
    }
    identity(facts) {
        return { environment: this.environment, sha: facts.sha, runUrl: facts.runUrl };
    }
    statusUrls(facts) {
        const environmentUrl = this.ctx.config.records?.environmentUrl;
        return { ...(facts.runUrl ? { logUrl: facts.runUrl } : {}), ...(environmentUrl ? { environmentUrl } : {}) };
    }
    async start(at) {
        if (this.ctx.command === 'rollback')
            return;
        let doing = `find the Deployment of environment '${this.environment}'`;
        try {
            const facts = this.runFacts();
            if (!facts.sha) {
                this.ctx.warn('deploy-guard cannot write a Deployment status: the run names no commit (GITHUB_SHA is empty)');
                return;
            }
            const octokit = await this.octokit();
            const repo = { owner: facts.owner, repo: facts.repo };
            const env = this.ctx.env;
            const job = await findJobDeployment(octokit, repo, this.environment, {
                shas: [...new Set([facts.sha, env.GITHUB_SHA].filter((s) => !!s))],
                runId: env.GITHUB_RUN_ID,
                actors: [env.GITHUB_ACTOR, env.GITHUB_TRIGGERING_ACTOR].filter((a) => !!a),
                now: (this.options.now ?? Date.now)(),
                maxAgeMs: JOB_DEPLOYMENT_MAX_AGE_MS
            });
            const checking = description(`deploy-guard ${this.ctx.command}: checking ${this.ctx.config.targets.length === 1 ? 'the deploy' : `${this.ctx.config.targets.length} targets`}`);
            if (job) {
                this.tracked = { id: job.id, ours: false };
                this.ctx.log(`deploy-guard: this job declares environment '${this.environment}'; updating the Deployment GitHub created for it (${job.id}) instead of creating another. Its payload is GitHub's and cannot hold the record; to have deploy-guard record it, declare \`environment: { name: ${this.environment}, deployment: false }\` on the job`);
            }
            else {
                doing = `create a Deployment for environment '${this.environment}'`;
                const id = await createDeployment(octokit, repo, {
                    ref: facts.sha,
                    environment: this.environment,
                    description: checking,
                    payload: startPayload(this.ctx.command, this.ctx.config.targets, this.identity(facts), at)
                });
                this.tracked = { id, ours: true };
            }
            doing = `mark Deployment ${this.tracked.id} in progress`;
            await postStatus(octokit, repo, this.tracked.id, {
                state: 'in_progress',
                description: checking,
                ...this.statusUrls(facts)
            });
            this.ctx.log(`deploy-guard: Deployment ${this.tracked.id} (${this.environment}) is in progress`);
        }
        catch (error) {
            this.ctx.warn(failure(error, doing));
        }
    }
    async finish(result) {
        let doing = `record the verdict on a Deployment of environment '${this.environment}'`;
        try {
            const facts = this.runFacts();
            if (!facts.sha && !this.tracked && this.ctx.command !== 'rollback')
                return; // start said why
            const octokit = await this.octokit();
            const repo = { owner: facts.owner, repo: facts.repo };
            const state = finalState(result);
            const said = (0,headline/* headline */.Pl)(result, { maxPartChars: 200 });
            const restored = restoredPrevious(result);
            const text = description(`${result.dryRun ? '[dry run] ' : ''}${result.command} ${result.verdict}${restored ? ', rolled back' : ''}${said.cause ? ` — ${said.cause}` : ''}`);
            const status = { state, description: text, ...this.statusUrls(facts) };
            const ids = [];
            if (this.ctx.command === 'rollback') {
                // Nothing new was deployed: only the restored version's Deployment changes (below).
            }
            else if (this.tracked && !this.tracked.ours) {
                doing = `update Deployment ${this.tracked.id} (the job's) to ${state}`;
                await postStatus(octokit, repo, this.tracked.id, status);
                ids.push(this.tracked.id);
                this.ctx.log(`deploy-guard: Deployment ${this.tracked.id} (${this.environment}) is ${state}`);
            }
            else if (facts.sha) {
                const started = this.tracked;
                doing = `create the Deployment record for environment '${this.environment}'`;
                let finalId;
                try {
                    finalId = await createDeployment(octokit, repo, {
                        ref: facts.sha,
                        environment: this.environment,
                        description: text,
                        payload: finalPayload(result, this.identity(facts))
                    });
                }
                catch (error) {
                    // The status matters more than the payload: fall back to the Deployment made at start.
                    if (!started)
                        throw error;
                    this.ctx.warn(failure(error, doing));
                }
                const target = finalId ?? started.id;
                doing = `mark Deployment ${target} ${state}`;
                await postStatus(octokit, repo, target, status);
                ids.push(target);
                this.ctx.log(`deploy-guard: Deployment ${target} (${this.environment}) is ${state}${finalId ? ', with the run’s record in its payload' : ''}`);
                if (finalId && started) {
                    doing = `retire Deployment ${started.id} (replaced by ${finalId}, which holds the record)`;
                    ids.push(started.id);
                    await retireDeployment(octokit, repo, started.id, description(`replaced by Deployment ${finalId}, which holds this run's record`));
                }
            }
            else {
                return;
            }
            if (restored) {
                doing = `make the previous Deployment of environment '${this.environment}' current again after the rollback`;
                const manual = this.ctx.command === 'rollback';
                const previous = await findPreviousGood(octokit, repo, this.environment, ids, restoredImages(result), manual);
                if (!previous) {
                    this.ctx.log(`deploy-guard: no earlier successful Deployment of '${this.environment}'${manual ? ' records the restored images' : ''}; none marked current again after the rollback`);
                    return;
                }
                const environmentUrl = this.ctx.config.records?.environmentUrl;
                await postStatus(octokit, repo, previous.id, {
                    state: 'success',
                    description: description(manual
                        ? 'live again: restored by a deploy-guard rollback'
                        : `live again: deploy-guard rolled back ${(facts.sha ?? '').slice(0, 12)}`),
                    ...(facts.runUrl ? { logUrl: facts.runUrl } : {}),
                    ...(environmentUrl ? { environmentUrl } : {}),
                    autoInactive: true
                });
                this.ctx.log(`deploy-guard: Deployment ${previous.id} (${previous.sha.slice(0, 12)}) of '${this.environment}' is current again after the rollback`);
            }
        }
        catch (error) {
            this.ctx.warn(failure(error, doing));
        }
    }
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
