export const id = 960;
export const ids = [960,804];
export const modules = {

/***/ 9701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPost: () => (/* binding */ runPost)
});

// UNUSED EXPORTS: checkRestoredRollout, postStep

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./src/act/rollback/journal.ts
var journal = __webpack_require__(2182);
// EXTERNAL MODULE: ./src/kube/history/index.ts
var kube_history = __webpack_require__(4218);
// EXTERNAL MODULE: ./src/kube/status/index.ts + 4 modules
var kube_status = __webpack_require__(390);
// EXTERNAL MODULE: ./src/kube/workload/template.ts
var template = __webpack_require__(2482);
// EXTERNAL MODULE: ./src/evaluate/selector.ts
var selector = __webpack_require__(2342);
// EXTERNAL MODULE: ./src/config/inputs.ts
var config_inputs = __webpack_require__(4389);
// EXTERNAL MODULE: ./src/config/secrets.ts
var secrets = __webpack_require__(8019);
// EXTERNAL MODULE: ./src/report/logger.ts
var logger = __webpack_require__(7116);
// EXTERNAL MODULE: ./src/report/publish.ts + 7 modules
var publish = __webpack_require__(3862);
// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(649);
// EXTERNAL MODULE: ./src/model/rollback-progress.ts
var rollback_progress = __webpack_require__(8197);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(6412);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
;// CONCATENATED MODULE: ./src/report/sections/rollback-progress.ts
/**
 * What the `post:` step says about a rollback the main step did not get to report (the job was
 * cancelled or timed out in the middle of it): per target, the phase it had reached, what was and
 * was not done, and the exact command to finish or check it by hand. Pure: progress records and an
 * optional read-only check of the workload in, Markdown and plain log text out. Log text is escaped
 * by the RunnerLog that prints it; Markdown is escaped here (escape.ts), like every other section.
 */



/** Heading of the summary when at least one rollback was stopped half-way. */
const INTERRUPTED_TITLE = 'Rollback interrupted';
/** Heading when every recorded rollback had ended but the main step never reported it. */
const UNREPORTED_TITLE = 'Rollback not reported';
/** The one summary line the post step writes when the main step left nothing at all behind. */
const DID_NOT_FINISH = 'deploy-guard did not finish: the job was cancelled or timed out before a verdict. Nothing is known about the deploy; re-run the job to check it.';
const MAX_REASON_CHARS = 2000;
const MAX_COMMAND_CHARS = 2000;
const isInFlight = (progress) => rollback_progress/* IN_FLIGHT_PHASES */.s.includes(progress.phase);
/** `deployment/api in prod`, as users type targets. */
function progressTargetLabel({ target }) {
    return `${target.kind.toLowerCase()}/${target.name} in ${target.namespace}`;
}
const revisionText = (revision) => revision ? `revision ${revision}` : 'an unknown revision';
/** `revision 5 → revision 3`. */
function revisionMove(progress) {
    return `${revisionText(progress.fromRevision)} → ${revisionText(progress.toRevision)}`;
}
const PHASE_TEXT = {
    decided: 'decided, not started',
    patching: 'undo being written',
    patched: 'undo written, not yet verified',
    waiting: 'waiting for the restored revision to become healthy',
    verified: 'restored and verified healthy',
    unhealthy: 'restored, but not healthy',
    failed: 'undo rejected',
    refused: 'refused by a guard rail',
    skipped: 'skipped (already at the target)'
};
const phaseText = (phase) => PHASE_TEXT[phase];
/** What had been done, and what had not, when the run stopped at this phase. */
function doneAndNotDone(progress) {
    const from = revisionText(progress.fromRevision);
    const to = revisionText(progress.toRevision);
    switch (progress.phase) {
        case 'decided':
            return {
                done: `The rollback to ${to} was decided; nothing was written to the cluster.`,
                notDone: `The undo was never started: the workload still runs ${from}.`
            };
        case 'patching':
            return {
                done: `The undo to ${to} was being written when the run stopped: it may or may not have landed.`,
                notDone: 'Whether the workload was set back is unknown, and the restored revision was not verified.'
            };
        case 'patched':
            return {
                done: `The undo landed: the workload was set back to ${to}.`,
                notDone: 'The restored revision was not verified healthy.'
            };
        case 'waiting':
            return {
                done: `The undo landed: the workload was set back to ${to}, and the wait for it to become healthy had begun.`,
                notDone: 'The wait was interrupted: the restored revision was not verified healthy.'
            };
        case 'verified':
            return {
                done: `The undo landed and ${to} was verified healthy.`,
                notDone: 'The run was stopped before it published its report.'
            };
        case 'unhealthy':
            return {
                done: `The undo landed, but ${to} was judged not healthy.`,
                notDone: 'The restored revision is not healthy: the workload needs a look.'
            };
        case 'failed':
            return {
                done: 'The undo was rejected: nothing was changed.',
                notDone: `The workload still runs ${from}.`
            };
        case 'refused':
            return {
                done: 'A guard rail refused the undo: nothing was changed.',
                notDone: `The workload still runs ${from}.`
            };
        case 'skipped':
            return {
                done: `The workload already ran ${to}: nothing was changed.`,
                notDone: 'Nothing.'
            };
    }
}
const CHECK_ICON = {
    complete: '✅',
    'in-progress': '⏳',
    failed: '❌',
    unknown: '❔'
};
const CHECK_TEXT = {
    complete: 'rollout complete',
    'in-progress': 'rollout still in progress',
    failed: 'rollout failed',
    unknown: 'could not be checked'
};
/** `rollout complete at revision 6: deployment "api" successfully rolled out`. */
function checkText(check) {
    const at = check.revision ? ` at revision ${check.revision}` : '';
    return `${CHECK_TEXT[check.state]}${at}: ${check.message}`;
}
/** The plain-text lines the post step prints for one target (the RunnerLog escapes them). */
function progressLogLines(progress, check) {
    const { done, notDone } = doneAndNotDone(progress);
    const lines = [
        `deploy-guard post: rollback of ${progressTargetLabel(progress)} (${progress.method}, ${revisionMove(progress)}): ${phaseText(progress.phase)}`,
        `  done: ${done}`,
        `  not done: ${notDone}`,
        `  why: ${(0,report_escape/* truncate */.xv)(progress.reason, MAX_REASON_CHARS)}`
    ];
    if (check)
        lines.push(`  checked now (read-only): ${checkText(check)}`);
    if (progress.manualCommand)
        lines.push(`  by hand: ${(0,report_escape/* truncate */.xv)(progress.manualCommand, MAX_COMMAND_CHARS)}`);
    return lines;
}
/** The warning annotation for one target: the whole story in one message. */
function progressWarning(progress, check) {
    const { done, notDone } = doneAndNotDone(progress);
    const stopped = isInFlight(progress) ? 'was interrupted' : 'ended but was not reported';
    const parts = [
        `deploy-guard: the rollback of ${progressTargetLabel(progress)} ${stopped} (${phaseText(progress.phase)}). ${done} ${notDone}`
    ];
    if (check)
        parts.push(`Checked now: ${checkText(check)}.`);
    if (progress.manualCommand)
        parts.push(`Finish or check it by hand: ${(0,report_escape/* truncate */.xv)(progress.manualCommand, MAX_COMMAND_CHARS)}`);
    return parts.join(' ');
}
function targetSection(progress, check) {
    const { done, notDone } = doneAndNotDone(progress);
    const rows = [
        ['Phase', `${(0,report_escape/* codeSpan */.SS)(progress.phase)} ${(0,report_escape/* escapeMarkdownCell */.Vf)(phaseText(progress.phase))}`],
        ['Revision', (0,report_escape/* escapeMarkdownCell */.Vf)(revisionMove(progress))],
        ['Method', (0,report_escape/* codeSpan */.SS)(progress.method)],
        ['Why', (0,report_escape/* escapeMarkdownCell */.Vf)((0,report_escape/* truncate */.xv)(progress.reason, MAX_REASON_CHARS))],
        ['Recorded at', (0,report_escape/* escapeMarkdownCell */.Vf)(progress.at)]
    ];
    if (check)
        rows.push(['Checked now (read-only)', `${CHECK_ICON[check.state]} ${(0,report_escape/* escapeMarkdownCell */.Vf)(checkText(check))}`]);
    const lines = [
        `### ${(0,report_escape/* escapeMarkdownText */.m4)(progressTargetLabel(progress))}`,
        '',
        (0,markdown/* table */.tp)(['', ''], rows),
        '',
        `**Done:** ${(0,report_escape/* escapeMarkdownText */.m4)(done)}`,
        '',
        `**Not done:** ${(0,report_escape/* escapeMarkdownText */.m4)(notDone)}`
    ];
    if (progress.manualCommand) {
        lines.push('', 'To finish or check it by hand:', '', (0,report_escape/* fence */.EU)((0,report_escape/* truncate */.xv)(progress.manualCommand, MAX_COMMAND_CHARS), 'bash'));
    }
    return lines.join('\n');
}
/**
 * The job-summary section for the rollbacks the main step left unreported. `checks` holds the
 * post step's read-only look at a target, by index into `progress`.
 */
function renderRollbackProgress(progress, checks = [], notes = []) {
    const interrupted = progress.some(isInFlight);
    const lead = interrupted
        ? 'The job was cancelled or timed out while deploy-guard was rolling back. This is where the rollback stood. The post step only reports: it never writes to the cluster, so nothing below was finished for you.'
        : 'The job was cancelled or timed out after the rollback ended but before deploy-guard reported it. This is how it ended. The post step only reports: it never writes to the cluster.';
    const parts = [
        `## ⚠️ deploy-guard: ${interrupted ? INTERRUPTED_TITLE : UNREPORTED_TITLE}`,
        '',
        (0,report_escape/* escapeMarkdownText */.m4)(lead)
    ];
    for (const note of notes)
        parts.push('', `> ${(0,report_escape/* escapeMarkdownText */.m4)(note)}`);
    progress.forEach((entry, i) => parts.push('', targetSection(entry, checks[i])));
    return `${parts.join('\n')}\n`;
}
/** The summary when the main step was stopped before it published anything and left no rollback behind. */
function renderDidNotFinish(notes = []) {
    const parts = [`## ⚠️ ${(0,report_escape/* escapeMarkdownText */.m4)(DID_NOT_FINISH)}`];
    for (const note of notes)
        parts.push('', `> ${(0,report_escape/* escapeMarkdownText */.m4)(note)}`);
    return `${parts.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/commands/post.ts
/**
 * The action's `post:` step (action.yml `post-if: always()`): runs after the main step however it
 * ended. When the main step published its result there is nothing to add. When it was stopped first
 * (the job cancelled or timed out) the post step reports what the main step left in its journal:
 * where each rollback stood, what was and was not done, and the command to finish it by hand; or,
 * when nothing at all was left, one inconclusive line so the job summary is never empty.
 *
 * The post step NEVER writes to the cluster: no undo, no patch, no retry of a half-done rollback. It
 * never starts a rollback the main step had not decided on, and it does not finish one either: a
 * second undo after an interrupted one could flip the workload back, and nobody is left to verify
 * it. The only cluster access is one read-only look at a workload whose undo had landed (is the
 * restored revision's rollout complete?), typed as ReadOnlyKube so no write verb is reachable.
 *
 * Fast by construction: the Kubernetes client (transport, credentials) is imported only when such a
 * look is needed; the status and history viewers are small pure modules.
 */












/** At most this many warning annotations (the runner shows 10 per step; leave room for others). */
const MAX_WARNINGS = 5;
/** Phases whose undo had landed, so the restored revision's rollout is worth one look. */
const CHECKED_PHASES = ['patched', 'waiting'];
/** The post step's flow over injected surfaces; never throws for a surface that cannot be written. */
async function postStep(deps) {
    const { journal, sink } = deps;
    if (journal.mainFinished) {
        sink.info(finishedLine(journal.progress));
        return 'main-finished';
    }
    const notes = journal.unreadable ? [`${journal.unreadable}; the report below may be incomplete.`] : [];
    if (!journal.progress.length) {
        sink.warning(DID_NOT_FINISH);
        await writeSummary(sink, renderDidNotFinish(notes));
        return 'did-not-finish';
    }
    const checks = await checkRestored(journal.progress, deps.kube);
    journal.progress.forEach((progress, i) => {
        for (const line of progressLogLines(progress, checks[i]))
            sink.info(line);
        if (i < MAX_WARNINGS)
            sink.warning(progressWarning(progress, checks[i]));
    });
    await writeSummary(sink, renderRollbackProgress(journal.progress, checks, notes));
    return 'rollback-reported';
}
/**
 * The one line after a main step that reported. A rollback it left half-way (stopped during the
 * restored revision's wait, then reported as unverified) is named again with its manual command:
 * the main step's summary has the details, this line keeps the state next to the job's last log.
 */
function finishedLine(progress) {
    const open = progress.filter(isInFlight);
    if (!open.length)
        return 'deploy-guard post: the main step finished and reported its result; nothing to add.';
    const states = open.map((p) => `${progressTargetLabel(p)} was left at "${p.phase}" (${phaseText(p.phase)}; by hand: ${p.manualCommand})`);
    return `deploy-guard post: the main step finished and reported its result; the rollback of ${states.join('; ')}. Nothing was done by this step.`;
}
async function writeSummary(sink, markdown) {
    try {
        await sink.writeSummary(markdown);
    }
    catch (error) {
        sink.warning(`deploy-guard could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
    }
}
/** One read-only look per target whose undo had landed; undefined for the others. */
async function checkRestored(progress, open) {
    const wanted = progress.map((p) => isInFlight(p) && CHECKED_PHASES.includes(p.phase));
    if (!open || !wanted.some(Boolean))
        return progress.map(() => undefined);
    let kube;
    try {
        kube = await open();
    }
    catch (error) {
        const message = `the cluster could not be reached: ${error instanceof Error ? error.message : String(error)}`;
        return wanted.map((yes) => (yes ? { state: 'unknown', message } : undefined));
    }
    const checks = [];
    for (const [i, p] of progress.entries())
        checks.push(wanted[i] ? await checkRestoredRollout(kube, p) : undefined);
    return checks;
}
/**
 * kubectl `rollout status` of the workload, evaluated once (no wait), plus its current revision.
 * Read-only: one GET of the workload and one LIST of its history (for the revision number).
 */
async function checkRestoredRollout(kube, progress) {
    const { target } = progress;
    const viewer = (0,kube_status/* statusViewerFor */.s)(target.kind);
    if (!viewer)
        return { state: 'unknown', message: `deploy-guard cannot read the rollout status of a ${target.kind}` };
    try {
        const object = await kube.get(viewer.resource, target.namespace, target.name);
        if (!object)
            return { state: 'unknown', message: `${target.kind} ${target.namespace}/${target.name} was not found` };
        const status = viewer.rolloutStatus(object);
        const state = status.error ? 'failed' : status.done ? 'complete' : 'in-progress';
        let revision;
        try {
            const owned = await kube.list((0,kube_history/* historyViewer */.j)(viewer.kind).resource, target.namespace, {
                labelSelector: (0,selector/* selectorToString */.CI)((0,template/* selectorOf */.Bk)(object))
            });
            revision = viewer.currentRevision({ object, owned })?.revision || undefined;
        }
        catch {
            // The revision number is a detail; the rollout status above is the answer.
        }
        return { state, message: status.message, revision };
    }
    catch (error) {
        return { state: 'unknown', message: `could not read it: ${error instanceof Error ? error.message : String(error)}` };
    }
}
/** The post step as the runner runs it: secrets registered first, every surface through the safe sink. */
async function runPost() {
    const redactor = new redact/* Redactor */.pO((secret) => core/* setSecret */.Pq(secret));
    // The runner gives the post step the same inputs as the main step: mask their secrets before any line.
    const inputs = Object.fromEntries(config_inputs/* actionInputNames */.Li.map((name) => [name, core/* getInput */.V4(name)]));
    for (const secret of (0,secrets/* collectSecrets */.qb)(inputs))
        redactor.add(secret);
    const log = (0,logger/* createRunnerLog */.f)(redactor);
    const sink = (0,publish/* safeSink */.fI)((0,publish/* actionsSink */.l7)(log), redactor);
    const source = { kubeconfig: inputs.kubeconfig || undefined, context: inputs.context || undefined };
    let client;
    try {
        await postStep({
            journal: redactor.value((0,journal/* readJournal */.a0)()),
            sink,
            kube: async () => {
                const { createKubeApi } = await __webpack_require__.e(/* import() */ 994).then(__webpack_require__.bind(__webpack_require__, 1994));
                // A short budget: the runner gives a cancelled job's post steps only a few minutes in all.
                const opened = await createKubeApi(source, {
                    retries: 1,
                    requestTimeoutMs: 10_000,
                    signal: AbortSignal.timeout(20_000),
                    onSecret: (value) => redactor.add(value)
                });
                client = opened;
                return opened;
            }
        });
    }
    catch (error) {
        // A post step that cannot report must not fail the job on top of what already happened.
        log.warning(`deploy-guard post step: ${error instanceof Error ? error.message : String(error)}`);
    }
    finally {
        await client?.close().catch(() => undefined);
    }
}


/***/ }),

/***/ 6804:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F8: () => (/* binding */ groupOf),
/* harmony export */   eZ: () => (/* binding */ RESOURCES),
/* harmony export */   oU: () => (/* binding */ resourcePath),
/* harmony export */   uu: () => (/* binding */ builtinResource)
/* harmony export */ });
/* unused harmony export qualifiedResource */
const t = (apiVersion, resource, kind, namespaced = true) => ({
    apiVersion,
    resource,
    kind,
    namespaced
});
const RESOURCES = {
    Deployment: t('apps/v1', 'deployments', 'Deployment'),
    StatefulSet: t('apps/v1', 'statefulsets', 'StatefulSet'),
    DaemonSet: t('apps/v1', 'daemonsets', 'DaemonSet'),
    ReplicaSet: t('apps/v1', 'replicasets', 'ReplicaSet'),
    ControllerRevision: t('apps/v1', 'controllerrevisions', 'ControllerRevision'),
    Pod: t('v1', 'pods', 'Pod'),
    Service: t('v1', 'services', 'Service'),
    Endpoints: t('v1', 'endpoints', 'Endpoints'),
    EndpointSlice: t('discovery.k8s.io/v1', 'endpointslices', 'EndpointSlice'),
    Event: t('v1', 'events', 'Event'),
    Secret: t('v1', 'secrets', 'Secret'),
    ConfigMap: t('v1', 'configmaps', 'ConfigMap'),
    Namespace: t('v1', 'namespaces', 'Namespace', false)
};
/** The built-in type for a kind, when the apiVersion (if given) matches; kinds are matched case-insensitively. */
function builtinResource(kind, apiVersion) {
    const found = Object.values(RESOURCES).find((r) => r.kind.toLowerCase() === kind.toLowerCase());
    if (!found)
        return undefined;
    if (apiVersion && apiVersion !== found.apiVersion)
        return undefined;
    return found;
}
/** `deployments.apps`, `pods` — the name RBAC messages and kubectl use. */
function qualifiedResource(type) {
    const group = groupOf(type.apiVersion);
    return group ? `${type.resource}.${group}` : type.resource;
}
function groupOf(apiVersion) {
    return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}
/** URL path of a collection or object: `/apis/apps/v1/namespaces/prod/deployments/api`. */
function resourcePath(type, namespace, name) {
    const root = type.apiVersion.includes('/') ? `/apis/${type.apiVersion}` : `/api/${type.apiVersion}`;
    const ns = type.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
    const tail = name === undefined ? '' : `/${encodeURIComponent(name)}`;
    return `${root}${ns}/${type.resource}${tail}`;
}


/***/ }),

/***/ 1614:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ semanticEqual)
/* harmony export */ });
/** Deep equality of JSON values, as Kubernetes compares API objects. Pure. */
const isEmpty = (v) => v === undefined ||
    v === null ||
    (Array.isArray(v) && v.length === 0) ||
    (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);
/**
 * Deep equality ignoring object key order, where an absent field, `null` and an empty map or list are
 * the same (apimachinery's Semantic.DeepEqual treats nil and empty maps/slices as equal, and a JSON
 * round-trip through Go's `omitempty` drops them).
 */
function semanticEqual(a, b) {
    if (a === b)
        return true;
    if (isEmpty(a) && isEmpty(b))
        return true;
    if (Array.isArray(a) || Array.isArray(b)) {
        if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length)
            return false;
        return a.every((v, i) => semanticEqual(v, b[i]));
    }
    if (a && b && typeof a === 'object' && typeof b === 'object') {
        const ra = a;
        const rb = b;
        const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
        return [...keys].every((k) => semanticEqual(ra[k], rb[k]));
    }
    return false;
}


/***/ }),

/***/ 2482:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AX: () => (/* binding */ POD_TEMPLATE_HASH),
/* harmony export */   Bk: () => (/* binding */ selectorOf),
/* harmony export */   IC: () => (/* binding */ imagesOf),
/* harmony export */   MN: () => (/* binding */ templateLabels),
/* harmony export */   TD: () => (/* binding */ templateImages),
/* harmony export */   XK: () => (/* binding */ withoutHash),
/* harmony export */   kW: () => (/* binding */ templateOf),
/* harmony export */   sx: () => (/* binding */ selectorWith),
/* harmony export */   xs: () => (/* binding */ equalIgnoreHash)
/* harmony export */ });
/* unused harmony export specOf */
/* harmony import */ var _evaluate_selector_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2342);
/* harmony import */ var _semantic_equal_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1614);


/** The label Deployments add to each ReplicaSet's template (apps/v1 DefaultDeploymentUniqueLabelKey). */
const POD_TEMPLATE_HASH = 'pod-template-hash';
const specOf = (obj) => obj.spec;
const templateOf = (obj) => specOf(obj)?.template;
const selectorOf = (obj) => specOf(obj)?.selector;
/** Images of the pod template's containers, by container name. */
function templateImages(obj) {
    return imagesOf(templateOf(obj));
}
function imagesOf(template) {
    const images = {};
    for (const c of template?.spec?.containers ?? [])
        images[c.name] = c.image ?? '';
    return images;
}
const templateLabels = (obj) => templateOf(obj)?.metadata?.labels ?? {};
/** The workload selector plus one label: `app=web,pod-template-hash=abc`. */
function selectorWith(obj, key, value) {
    const base = (0,_evaluate_selector_js__WEBPACK_IMPORTED_MODULE_0__/* .selectorToString */ .CI)(selectorOf(obj));
    return base ? `${base},${key}=${value}` : `${key}=${value}`;
}
/** A copy of the template without the `pod-template-hash` label (kubectl deletes it before an undo). */
function withoutHash(template) {
    const labels = { ...(template?.metadata?.labels ?? {}) };
    delete labels[POD_TEMPLATE_HASH];
    return { ...structuredClone(template ?? {}), metadata: { ...structuredClone(template?.metadata ?? {}), labels } };
}
/**
 * Template equality ignoring `pod-template-hash` (kubectl/kubernetes deploymentutil EqualIgnoreHash,
 * which compares with apimachinery's Semantic.DeepEqual: empty and absent maps are equal).
 */
function equalIgnoreHash(a, b) {
    return (0,_semantic_equal_js__WEBPACK_IMPORTED_MODULE_1__/* .semanticEqual */ .J)(withoutHash(a), withoutHash(b));
}


/***/ })

};
