export const id = 29;
export const ids = [29];
export const modules = {

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

// EXTERNAL MODULE: ./src/github/comment.ts
var comment = __webpack_require__(7318);
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
    const byJob = creator === comment/* ACTIONS_BOT_LOGIN */.yQ || job.actors.some((a) => a.toLowerCase() === creator);
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
        this.client ??= await (this.options.createClient ?? client/* surfaceClient */.nM)(this.ctx);
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
                await postStatus(octokit, repo, previous.id, {
                    state: 'success',
                    description: description(manual
                        ? 'live again: restored by a deploy-guard rollback'
                        : `live again: deploy-guard rolled back ${(facts.sha ?? '').slice(0, 12)}`),
                    ...this.statusUrls(facts),
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


/***/ })

};
