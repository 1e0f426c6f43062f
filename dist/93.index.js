export const id = 93;
export const ids = [93,848,745,153];
export const modules = {

/***/ 6339:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $N: () => (/* binding */ conflictGuardOperation),
/* harmony export */   Nn: () => (/* binding */ isRollbackConflict),
/* harmony export */   cr: () => (/* binding */ withConflictGuard)
/* harmony export */ });
/* harmony import */ var _kube_api_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(985);
/**
 * Conflict guards for rollback writes. A PATCH whose result carries a resourceVersion makes the API
 * server compare it with the stored one and answer 409 Conflict when the object moved on (the
 * optimistic concurrency every Kubernetes update uses). So the JSON patch sets /metadata/resourceVersion
 * to the version we read (a no-op when nothing changed), and the strategic patch carries
 * metadata.resourceVersion. A JSON-patch `test` op would fail with 422 Invalid instead, which a caller
 * cannot tell from a bad patch.
 */

function conflictGuardOperation(workload) {
    const version = workload.metadata.resourceVersion;
    return version ? [{ op: 'replace', path: '/metadata/resourceVersion', value: version }] : [];
}
function withConflictGuard(workload, patch) {
    const version = workload.metadata.resourceVersion;
    if (!version)
        return patch;
    const metadata = (patch.metadata ?? {});
    return { ...patch, metadata: { ...metadata, resourceVersion: version } };
}
/** True when a rollback write failed because the workload changed after it was read: re-read, re-decide, retry. */
function isRollbackConflict(error) {
    return error instanceof _kube_api_js__WEBPACK_IMPORTED_MODULE_0__/* .KubeApiError */ .W && error.reason === 'conflict';
}


/***/ }),

/***/ 745:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readHelmHistory: () => (/* binding */ readHelmHistory),
  N: () => (/* binding */ rollbackHelm)
});

// EXTERNAL MODULE: ./src/gitops/helm-decode.ts
var helm_decode = __webpack_require__(3517);
// EXTERNAL MODULE: ./src/gitops/resources.ts
var resources = __webpack_require__(1153);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/act/rollback/helm-cli.ts
/**
 * Finding and running the `helm` CLI. The process is spawned directly (no shell: arguments never pass
 * through a shell's parser), its output kept to a bounded tail so a chatty helm can neither exhaust
 * memory nor be killed for talking too much (execFile's maxBuffer kills the child), and it is stopped
 * when the run is cancelled or overruns its budget.
 */



/** How much of helm's stderr and stdout is kept (the end: errors come last). */
const HELM_OUTPUT_LIMIT = 8 * 1024;
const helmNotFoundMessage = () => 'Helm-managed workload: deploy-guard rolls back with `helm rollback`, but no `helm` was found on PATH; install it (GitHub-hosted runners have it) or set `rollback.helm: kubectl` to undo the Deployment directly (the next helm upgrade will revert it)';
function isExecutableFile(path) {
    try {
        if (!(0,external_node_fs_.statSync)(path).isFile())
            return false;
        (0,external_node_fs_.accessSync)(path, external_node_fs_.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * The path of `name` (or of `binary` when it is a path) as a shell would find it on PATH, or
 * undefined. On Windows, PATHEXT's extensions are tried too.
 */
function findExecutable(name, env = process.env) {
    if ((0,external_node_path_.isAbsolute)(name) || name.includes('/'))
        return isExecutableFile(name) ? name : undefined;
    const extensions = process.platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';')] : [''];
    for (const dir of (env.PATH ?? '').split(external_node_path_.delimiter)) {
        if (!dir)
            continue;
        for (const ext of extensions) {
            const candidate = (0,external_node_path_.join)(dir, name + ext);
            if (isExecutableFile(candidate))
                return candidate;
        }
    }
    return undefined;
}
/** Keeps the last `limit` characters of a stream, saying how much was dropped. */
class Tail {
    limit;
    text = '';
    dropped = 0;
    constructor(limit) {
        this.limit = limit;
    }
    push(chunk) {
        this.text += chunk;
        if (this.text.length > this.limit) {
            this.dropped += this.text.length - this.limit;
            this.text = this.text.slice(-this.limit);
        }
    }
    toString() {
        return this.dropped > 0 ? `[${this.dropped} characters cut]…${this.text}` : this.text;
    }
}
/** Runs `binary args` without a shell and resolves when it exits (never rejects for a non-zero exit). */
function runCli(binary, args, options) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(binary, args, { env: options.env, stdio: ['ignore', 'pipe', 'pipe'], shell: false });
        const stdout = new Tail(HELM_OUTPUT_LIMIT);
        const stderr = new Tail(HELM_OUTPUT_LIMIT);
        child.stdout.setEncoding('utf8').on('data', (chunk) => stdout.push(chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk) => stderr.push(chunk));
        let stopped = false;
        let killer;
        const stop = () => {
            if (stopped)
                return;
            stopped = true;
            child.kill('SIGTERM');
            killer = setTimeout(() => child.kill('SIGKILL'), 5000);
            killer.unref();
        };
        const timer = setTimeout(stop, options.timeoutMs);
        options.signal?.addEventListener('abort', stop, { once: true });
        if (options.signal?.aborted)
            stop();
        const finish = () => {
            clearTimeout(timer);
            if (killer)
                clearTimeout(killer);
            options.signal?.removeEventListener('abort', stop);
        };
        child.on('error', (error) => {
            finish();
            reject(error);
        });
        child.on('close', (code, signal) => {
            finish();
            resolve({
                code: code ?? undefined,
                signal: signal ?? undefined,
                stopped,
                stdout: stdout.toString(),
                stderr: stderr.toString()
            });
        });
    });
}

// EXTERNAL MODULE: ./src/util/shell.ts
var shell = __webpack_require__(5462);
;// CONCATENATED MODULE: ./src/act/rollback/helm-plan.ts

const RESTORABLE = new Set(['deployed', 'superseded']);
/** The newest revision below `current` that once ran (deployed or superseded), or undefined. */
function previousDeployedRevision(history, current) {
    let best;
    for (const revision of history) {
        if (revision.version < current &&
            RESTORABLE.has(revision.status ?? '') &&
            (best === undefined || revision.version > best))
            best = revision.version;
    }
    return best;
}
function planHelmRollback(input) {
    const { release, namespace, history } = input;
    const quoted = `Helm release "${release}"`;
    if (history.length === 0) {
        return {
            action: 'refuse',
            reason: 'release-not-found',
            message: `${quoted} was not found in namespace "${namespace}" (no Secrets labelled owner=helm,name=${release}); check the meta.helm.sh/release-name and meta.helm.sh/release-namespace annotations of the workload.`
        };
    }
    const latest = history.reduce((a, b) => (b.version > a.version ? b : a));
    const fromRevision = latest.version;
    if (latest.status?.startsWith('pending-')) {
        return {
            action: 'refuse',
            fromRevision,
            reason: 'operation-in-progress',
            message: `${quoted} has an operation in progress (revision ${fromRevision} is ${latest.status}); Helm refuses to roll back until it ends. If it was interrupted, see \`helm history ${release} -n ${namespace}\`.`
        };
    }
    const asked = input.toRevision ?? input.recordedRevision;
    const toRevision = asked ?? previousDeployedRevision(history, fromRevision);
    if (toRevision === undefined) {
        return {
            action: 'refuse',
            fromRevision,
            reason: 'no-previous',
            message: `${quoted} has no deployed or superseded revision before revision ${fromRevision} to roll back to.`
        };
    }
    const target = history.find((revision) => revision.version === toRevision);
    if (!target) {
        const versions = history.map((revision) => revision.version);
        const kept = `revisions ${Math.min(...versions)}–${Math.max(...versions)}`;
        const source = input.toRevision !== undefined ? 'asked for' : 'recorded by the snapshot';
        return {
            action: 'refuse',
            fromRevision,
            reason: 'revision-not-found',
            message: `${quoted} has no revision ${toRevision} (${source}); it keeps ${kept} (older ones are pruned by --history-max).`
        };
    }
    if (toRevision === fromRevision) {
        return {
            action: 'skip',
            fromRevision,
            toRevision,
            message: `skipped rollback (${quoted} is still at revision ${toRevision}: the deploy did not change the release)`
        };
    }
    return { action: 'rollback', fromRevision, toRevision, targetStatus: target.status };
}
/** The argv of `helm rollback` (without `helm`). */
function helmRollbackArgs(input) {
    const seconds = Math.max(1, Math.ceil(input.timeoutMs / 1000));
    const args = ['rollback', input.release, String(input.toRevision), '--namespace', input.namespace, '--wait'];
    args.push('--timeout', `${seconds}s`);
    if (input.kubeconfigPath)
        args.push('--kubeconfig', input.kubeconfigPath);
    if (input.context)
        args.push('--kube-context', input.context);
    return args;
}
/**
 * The command line for the report and for a human to copy: the kubeconfig path is left out (it is a
 * temporary file of this runner; the reader has their own), the context is kept.
 */
function helmCommandLine(input) {
    const args = helmRollbackArgs({ ...input, kubeconfigPath: undefined });
    return ['helm', ...args].map(shell/* shellWord */.r).join(' ');
}

;// CONCATENATED MODULE: ./src/act/rollback/helm.ts




/** Time helm is given after its own --timeout to report and exit before it is stopped. */
const EXIT_GRACE_MS = 30_000;
/** The release's revisions from its Secrets (Helm 3 storage); the Secret's labels when one cannot be decoded. */
async function readHelmHistory(api, release, namespace) {
    const secrets = await api.list(resources/* SECRETS */.cW, namespace, {
        labelSelector: `owner=helm,name=${release}`
    });
    const revisions = [];
    for (const secret of secrets) {
        const labels = secret.metadata.labels ?? {};
        let revision;
        try {
            const record = secret.data?.release ? (0,helm_decode/* decodeHelmRelease */.M)(secret.data.release) : undefined;
            if (record && Number.isInteger(record.version)) {
                revision = {
                    version: record.version,
                    status: record.info?.status,
                    description: record.info?.description
                };
            }
        }
        catch {
            // An unreadable record still has Helm's labels, which say the same for what we need.
        }
        revision ??= { version: Number(labels.version), status: labels.status };
        if (Number.isInteger(revision.version))
            revisions.push(revision);
    }
    return revisions.sort((a, b) => a.version - b.version);
}
/** The last line of helm's stderr that says something (`Error: …`), for a one-line message. */
function lastLine(text) {
    const lines = text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    const error = [...lines].reverse().find((line) => line.startsWith('Error:'));
    const line = error ?? lines[lines.length - 1] ?? '';
    return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
function newRevisionAfter(history, fromRevision) {
    const newest = history[history.length - 1];
    return newest && newest.version > fromRevision
        ? { version: newest.version, status: newest.status, description: newest.description }
        : undefined;
}
function failureMessage(run, command, after) {
    const seconds = Math.ceil(command.timeoutMs / 1000);
    const what = run.stopped
        ? `\`helm rollback\` did not finish within ${seconds}s (plus grace) or the run was cancelled, and was stopped`
        : `\`helm rollback\` failed (exit ${run.code ?? run.signal ?? 'unknown'})${lastLine(run.stderr) ? `: ${lastLine(run.stderr)}` : ''}`;
    const state = after
        ? `; Helm recorded revision ${after.version} as ${after.status ?? 'without status'}`
        : '; Helm recorded no new revision';
    return `${what}${state}. Check \`helm history ${command.release} -n ${command.namespace}\` and finish by hand.`;
}
/**
 * Rolls the release back with `helm rollback RELEASE REVISION --wait --timeout … -n NS`. A dry run
 * reports the exact command and runs nothing (but every check, helm on PATH included, still runs).
 * Refusals and helm's failures come back as `result: 'error'`; API failures reading the history
 * are thrown as KubeApiError.
 */
async function rollbackHelm(api, target, options) {
    const { release, namespace } = target;
    const base = { manager: 'helm', release, namespace, dryRun: options.dryRun };
    const plan = planHelmRollback({ ...target, history: await readHelmHistory(api, release, namespace) });
    if (plan.action === 'refuse') {
        return { ...base, result: 'error', fromRevision: plan.fromRevision, reason: plan.reason, message: plan.message };
    }
    if (plan.action === 'skip') {
        const { fromRevision, toRevision, message } = plan;
        return { ...base, result: 'skipped', fromRevision, toRevision, message };
    }
    const { fromRevision, toRevision } = plan;
    const commandInput = {
        release,
        namespace,
        toRevision,
        timeoutMs: options.timeoutMs,
        kubeconfigPath: options.kubeconfigPath,
        context: options.context
    };
    const command = helmCommandLine(commandInput);
    const planned = { ...base, fromRevision, toRevision, command, manualCommand: command };
    const env = options.env ?? process.env;
    const binary = findExecutable(options.helmBinary ?? 'helm', env);
    if (!binary)
        return { ...planned, result: 'error', reason: 'helm-not-found', message: helmNotFoundMessage() };
    if (options.dryRun) {
        return { ...planned, result: 'rolled-back', message: `would run: ${command}` };
    }
    let run;
    try {
        run = await runCli(binary, helmRollbackArgs(commandInput), {
            env: options.kubeconfigPath ? { ...env, KUBECONFIG: options.kubeconfigPath } : env,
            timeoutMs: options.timeoutMs + EXIT_GRACE_MS,
            signal: options.signal
        });
    }
    catch (error) {
        // The process never started (removed since the lookup, not executable): nothing was changed.
        const code = error.code;
        if (code === 'ENOENT')
            return { ...planned, result: 'error', reason: 'helm-not-found', message: helmNotFoundMessage() };
        const why = error instanceof Error ? error.message : String(error);
        return {
            ...planned,
            result: 'error',
            reason: 'helm-failed',
            message: `could not start ${binary}: ${why}; nothing was changed.`
        };
    }
    const newRevision = newRevisionAfter(await readHelmHistory(api, release, namespace), fromRevision);
    const stderr = run.stderr.trim() || undefined;
    if (run.code === 0 && !run.stopped) {
        const at = newRevision
            ? ` as revision ${newRevision.version}${newRevision.status ? ` (${newRevision.status})` : ''}`
            : '';
        return {
            ...base,
            result: 'rolled-back',
            fromRevision,
            toRevision,
            newRevision,
            command,
            stderr,
            message: `rolled back Helm release "${release}" from revision ${fromRevision} to ${toRevision}${at}`
        };
    }
    return {
        ...planned,
        result: 'error',
        reason: 'helm-failed',
        newRevision,
        stderr,
        message: failureMessage(run, commandInput, newRevision)
    };
}


/***/ }),

/***/ 93:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  n: () => (/* binding */ manualCommandFor),
  notStarted: () => (/* binding */ notStarted),
  readWorkload: () => (/* binding */ readWorkload),
  rollBackTarget: () => (/* binding */ rollBackTarget)
});

// EXTERNAL MODULE: ./src/kube/history/index.ts
var kube_history = __webpack_require__(4218);
// EXTERNAL MODULE: ./src/kube/history/identity.ts
var identity = __webpack_require__(6730);
// EXTERNAL MODULE: ./src/kube/resources.ts
var resources = __webpack_require__(6804);
// EXTERNAL MODULE: ./src/kube/workload/kinds.ts
var kinds = __webpack_require__(6188);
;// CONCATENATED MODULE: ./src/decide/revision-match.ts
function sameRevision(a, b) {
    if (a.templateHash !== undefined && b.templateHash !== undefined)
        return a.templateHash === b.templateHash;
    return a.revision === b.revision;
}
/** `revision 4 (template 5d8c7b9f6c)`, or `revision 4` without a hash. */
function describeRevision(r) {
    return r.templateHash ? `revision ${r.revision} (template ${r.templateHash})` : `revision ${r.revision}`;
}

;// CONCATENATED MODULE: ./src/decide/guards.ts

const PROCEED = { proceed: true };
function checkUnchangedSinceVerdict(judged, live) {
    if (live.generation !== judged.generation)
        return {
            proceed: false,
            reason: `the workload changed since the verdict (generation ${judged.generation} → ${live.generation}): someone else is acting; not undoing their change`
        };
    if (judged.templateHash !== undefined && live.templateHash !== undefined && judged.templateHash !== live.templateHash)
        return {
            proceed: false,
            reason: `the workload's pod template changed since the verdict (${judged.templateHash} → ${live.templateHash}): someone else is acting; not undoing their change`
        };
    return PROCEED;
}
/** `rolledBack`: keys (`kind/namespace/name`) of workloads this run already rolled back. */
function checkOneRollbackPerRun(rolledBack, workloadKey) {
    return rolledBack.includes(workloadKey)
        ? { proceed: false, reason: `${workloadKey} was already rolled back in this run; at most one rollback per run` }
        : PROCEED;
}
/**
 * The step after a 409. Checks, in order: the live template is already the target's (another run, or
 * our own earlier write whose response was lost, got there first: nothing left to do); the workload
 * changed since the verdict; the target was marked failed meanwhile; the retry budget; else retry with
 * the fresh resourceVersion.
 */
function stepAfterConflict(input) {
    const { live, target } = input;
    if (live.templateHash !== undefined && target.templateHash !== undefined && live.templateHash === target.templateHash)
        return {
            next: 'stop',
            outcome: 'already-at-target',
            reason: `the workload is already at ${describeRevision(target)}: the rollback happened (another writer got there first)`
        };
    const unchanged = checkUnchangedSinceVerdict(input.judged, live);
    if (!unchanged.proceed)
        return { next: 'stop', outcome: 'changed', reason: unchanged.reason };
    if (input.targetMark)
        return {
            next: 'stop',
            outcome: 'marked-failed',
            reason: `revision ${target.revision} was marked failed meanwhile (${input.targetMark.reason}); not rolling back to it`
        };
    if (input.attempts >= input.maxAttempts)
        return {
            next: 'stop',
            outcome: 'gave-up',
            reason: `the workload kept changing under the rollback (${input.attempts} conflicts); nothing was changed`
        };
    return { next: 'retry', attempts: input.attempts + 1 };
}
/**
 * Never roll back to a revision whose own pods are failing right now: without a snapshot the
 * "revision before the rollout" may itself be a bad one (a deploy made on top of a broken version,
 * or an undo that left a broken pod of the older revision behind); undoing to it cannot help.
 */
function checkTargetPodsHealthy(target, pods) {
    if (target.templateHash === undefined)
        return PROCEED;
    const failing = pods.filter((p) => p.templateHash === target.templateHash && p.signals.length > 0);
    if (failing.length === 0)
        return PROCEED;
    const example = failing[0];
    return {
        proceed: false,
        reason: `revision ${target.revision} is failing too: its pod ${example.name} shows ${example.signals.join(', ')} now${failing.length > 1 ? ` (and ${failing.length - 1} more of its pods)` : ''}; rolling back to it would not help`
    };
}

// EXTERNAL MODULE: ./src/evaluate/pod-signals.ts
var pod_signals = __webpack_require__(180);
// EXTERNAL MODULE: ./src/evaluate/selector.ts
var evaluate_selector = __webpack_require__(2342);
// EXTERNAL MODULE: ./src/kube/workload/template.ts
var template = __webpack_require__(2482);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(2857);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/iso.js
var iso = __webpack_require__(4377);
;// CONCATENATED MODULE: ./src/model/rollback.ts
/**
 * The annotation on a workload that lists revisions an earlier run judged failed. A rollback never goes
 * *to* one of them (loop safety: a second failing run must not flip back to the bad version).
 *
 * Why a list in one key: the workload remembers several bad revisions (v2 failed, then v3 failed); one
 * key keeps the Rollbacker's annotation bookkeeping to one entry. Note for Rollbackers: kubectl's
 * Deployment undo replaces `metadata.annotations` wholesale with the target ReplicaSet's, so the undo
 * patch must carry the Deployment's current `deploy-guard.io/*` values (and the new mark) itself.
 */
const FAILED_REVISION_ANNOTATION = 'deploy-guard.io/failed-revision';
/** Every annotation key deploy-guard writes starts with this. */
const DEPLOY_GUARD_ANNOTATION_PREFIX = 'deploy-guard.io/';

// EXTERNAL MODULE: ./src/decide/annotation-json.ts
var annotation_json = __webpack_require__(7106);
;// CONCATENATED MODULE: ./src/decide/failed-mark.ts
/**
 * The failed-revision mark (`deploy-guard.io/failed-revision`): builder, parser and lookup. Pure.
 *
 * Why: "never roll back *to* a revision marked failed" is what stops two failing runs from flipping a
 * workload between two bad versions. The value is JSON `{"version":1,"marks":[...]}`, newest first,
 * each mark naming the revision by number and template hash (numbers are renumbered by an undo), with
 * the reason and the run that judged it. Bounded: at most MAX_MARKS marks, MAX_VALUE_CHARS in all.
 */




const MAX_MARKS = 10;
const MAX_VALUE_CHARS = 8192;
const MAX_REASON_CHARS = 300;
const MAX_URL_CHARS = 500;
const RUN_URL = /^https?:\/\/[^\s]+$/;
const markSchema = schemas/* strictObject */.rej({
    revision: schemas/* number */.aig().int().positive(),
    templateHash: schemas/* string */.YjP().regex(annotation_json/* LABEL_VALUE */.JR, 'expected a template hash (a label value)').optional(),
    reason: schemas/* string */.YjP().max(MAX_REASON_CHARS * 2),
    runUrl: schemas/* string */.YjP().max(MAX_URL_CHARS).regex(RUN_URL, 'expected an http(s) URL').optional(),
    at: iso/* datetime */.w$({ offset: true })
});
const valueSchema = schemas/* strictObject */.rej({
    version: schemas/* literal */.euz(1),
    marks: schemas/* array */.YOg(markSchema).max(MAX_MARKS)
});
/** The marks stored in the annotation; `ok: false` with the reason when it is missing or malformed. */
function parseFailedMarks(raw) {
    const read = (0,annotation_json/* readJsonAnnotation */.M4)(FAILED_REVISION_ANNOTATION, raw, valueSchema, MAX_VALUE_CHARS);
    if (!read.ok)
        return read;
    // The reason is outside text even after validation: flatten it the same way the builder does.
    return {
        ok: true,
        value: read.value.marks.map((m) => ({ ...m, reason: (0,annotation_json/* boundedText */.LD)(m.reason, MAX_REASON_CHARS) }))
    };
}
/**
 * The annotation value with `mark` added (newest first). An existing mark for the same revision is
 * replaced; the oldest marks are dropped to stay within MAX_MARKS and MAX_VALUE_CHARS. An unset
 * existing value starts a new list; an unreadable one is replaced and the reason returned.
 */
function addFailedMark(existing, mark) {
    const read = existing === undefined || existing === '' ? undefined : parseFailedMarks(existing);
    const previous = read?.ok ? read.value : [];
    const fresh = {
        revision: mark.revision,
        // Anything the parser would reject is left out rather than written: an unreadable mark protects nothing.
        ...(mark.templateHash !== undefined && annotation_json/* LABEL_VALUE */.JR.test(mark.templateHash)
            ? { templateHash: mark.templateHash }
            : {}),
        reason: (0,annotation_json/* boundedText */.LD)(mark.reason, MAX_REASON_CHARS),
        ...(mark.runUrl !== undefined && mark.runUrl.length <= MAX_URL_CHARS && RUN_URL.test(mark.runUrl)
            ? { runUrl: mark.runUrl }
            : {}),
        at: mark.at
    };
    const marks = [fresh, ...previous.filter((m) => !sameRevision(m, fresh))].slice(0, MAX_MARKS);
    let value = JSON.stringify({ version: 1, marks });
    while (value.length > MAX_VALUE_CHARS && marks.length > 1) {
        marks.pop();
        value = JSON.stringify({ version: 1, marks });
    }
    return read && !read.ok ? { value, replacedUnreadable: read.reason } : { value };
}
/** The mark that names this revision, if any (hash first, number when a hash is missing). */
function findFailedMark(revision, marks) {
    return marks.find((m) => sameRevision(m, revision));
}
/** History entries with their failed marks attached: the shape `chooseRollbackTarget` reads. */
function withFailedMarks(history, marks) {
    return history.map((h) => {
        const failedMark = findFailedMark(h, marks);
        return failedMark ? { ...h, failedMark } : { ...h };
    });
}

;// CONCATENATED MODULE: ./src/decide/rollback-target.ts

const refuse = (refusal, reason) => ({ ok: false, refusal, reason });
function recordedSource(recorded) {
    return recorded.source === 'snapshot' ? 'recorded by the snapshot' : 'live before the rollout began';
}
/** The history entry a target names, or the refusal saying why there is none. */
function resolve(input) {
    const { to, current, history, recorded } = input;
    if (to === 'recorded') {
        if (!recorded)
            return refuse('no-recorded', 'no recorded revision: run `command: snapshot` before the deploy step, or set rollback.to to previous or a revision number');
        const entry = history.find((h) => sameRevision(h, recorded));
        if (!entry && sameRevision(recorded, current))
            return { ...current };
        return (entry ??
            refuse('recorded-not-in-history', `the recorded ${describeRevision(recorded)} is no longer in the workload's history (revisionHistoryLimit may have pruned it)`));
    }
    if (to === 'previous') {
        let best;
        for (const h of history) {
            if (h.revision < current.revision && !sameRevision(h, current) && (!best || h.revision > best.revision))
                best = h;
        }
        return (best ??
            refuse('no-previous', `no revision before the current revision ${current.revision} in the workload's history`));
    }
    // kubectl's text for a revision it cannot find.
    return (history.find((h) => h.revision === to) ??
        refuse('not-in-history', `unable to find specified revision ${to} in history`));
}
function chooseRollbackTarget(input) {
    const { to, current, recorded } = input;
    const automatic = (input.trigger ?? 'verdict') === 'verdict';
    if (typeof to === 'number' && !(Number.isInteger(to) && to > 0))
        return refuse('invalid-revision', `unable to find specified revision ${to} in history`);
    if (automatic && recorded && sameRevision(current, recorded))
        return refuse('no-op-deploy', `the failing revision ${current.revision} is the one that was running before the deploy; deploy-guard does not roll back past it`);
    const resolved = resolve(input);
    if ('ok' in resolved)
        return resolved;
    const target = resolved;
    if (sameRevision(target, current))
        return refuse('already-at-target', `${describeRevision(current)} is already running: nothing to undo`);
    if (target.failedMark) {
        const mark = target.failedMark;
        const by = mark.runUrl ? ` by ${mark.runUrl}` : '';
        return refuse('marked-failed', `revision ${target.revision} was marked failed${by} at ${mark.at} (${mark.reason}); deploy-guard never rolls back to a revision marked failed`);
    }
    if (automatic && recorded) {
        // The recorded entry's number now (it may have been renumbered upwards); without it, the recorded
        // number is a lower bound, since renumbering only ever moves a revision up.
        const preDeploy = input.history.find((h) => sameRevision(h, recorded))?.revision ?? recorded.revision;
        if (target.revision < preDeploy)
            return refuse('past-pre-deploy', `revision ${target.revision} is older than revision ${preDeploy} that was running before the deploy; deploy-guard does not roll back past it`);
    }
    const why = to === 'recorded' && recorded
        ? `the revision ${recordedSource(recorded)}`
        : to === 'previous'
            ? 'the previous revision'
            : 'the requested revision';
    return {
        ok: true,
        revision: target.revision,
        ...(target.templateHash !== undefined ? { templateHash: target.templateHash } : {}),
        reason: `rolling back from revision ${current.revision} to revision ${target.revision}, ${why}`
    };
}

// EXTERNAL MODULE: ./src/decide/snapshot.ts
var decide_snapshot = __webpack_require__(5914);
// EXTERNAL MODULE: ./src/util/shell.ts
var shell = __webpack_require__(5462);
;// CONCATENATED MODULE: ./src/decide/rollback-outcome.ts

function kubectlTarget(ref) {
    return `${(0,shell/* shellWord */.r)(`${ref.kind.toLowerCase()}/${ref.name}`)} -n ${(0,shell/* shellWord */.r)(ref.namespace)}`;
}
/** `kubectl rollout status deployment/api -n shop`: how a human checks a rollout by hand. */
function rolloutStatusCommand(ref) {
    return `kubectl rollout status ${kubectlTarget(ref)}`;
}
function manualUndoCommands(ref, toRevision) {
    return [`kubectl rollout undo ${kubectlTarget(ref)} --to-revision=${toRevision}`, rolloutStatusCommand(ref)];
}
function checkCommands(ref) {
    return [rolloutStatusCommand(ref), `kubectl rollout history ${kubectlTarget(ref)}`];
}
function classifyRollback(input) {
    const { ref, toRevision } = input;
    const label = `${ref.kind.toLowerCase()}/${ref.name} in ${ref.namespace}`;
    const from = input.fromRevision !== undefined ? ` from revision ${input.fromRevision}` : '';
    const error = input.writeError ? `: ${input.writeError}` : '';
    switch (input.write) {
        case 'not-attempted':
            return { ref, state: 'not-started', summary: `${label} was not rolled back; nothing was changed`, manual: [] };
        case 'rejected':
            return {
                ref,
                state: 'failed',
                summary: `the rollback of ${label}${from} to revision ${toRevision} failed${error}; nothing was changed`,
                manual: manualUndoCommands(ref, toRevision)
            };
        case 'unknown':
            return {
                ref,
                state: 'unknown',
                summary: `the rollback of ${label}${from} to revision ${toRevision} was sent but not confirmed${error}; it may or may not have landed — check the history before undoing by hand`,
                manual: [`kubectl rollout history ${kubectlTarget(ref)}`, ...manualUndoCommands(ref, toRevision)]
            };
        case 'landed':
            if (input.restoredVerdict === 'passed')
                return {
                    ref,
                    state: 'rolled-back',
                    summary: `${label} was rolled back${from} to revision ${toRevision}; the restored version is healthy`,
                    manual: []
                };
            if (input.restoredVerdict === undefined)
                return {
                    ref,
                    state: 'rolled-back-unverified',
                    summary: `${label} was rolled back${from} to revision ${toRevision}, but the restored version was not verified before the run ended`,
                    manual: checkCommands(ref)
                };
            return {
                ref,
                state: 'rolled-back-unhealthy',
                summary: `${label} was rolled back${from} to revision ${toRevision}, but the restored version is ${input.restoredVerdict}: the rollback is half done`,
                manual: checkCommands(ref)
            };
    }
}

// EXTERNAL MODULE: ./src/model/snapshot.ts
var model_snapshot = __webpack_require__(709);
// EXTERNAL MODULE: ./src/util/sleep.ts
var sleep = __webpack_require__(7783);
// EXTERNAL MODULE: ./src/kube/api.ts
var api = __webpack_require__(985);
// EXTERNAL MODULE: ./src/act/rollback/conflict.ts
var conflict = __webpack_require__(6339);
// EXTERNAL MODULE: ./src/kube/history/daemonset.ts
var daemonset = __webpack_require__(6082);
// EXTERNAL MODULE: ./src/kube/workload/semantic-equal.ts
var semantic_equal = __webpack_require__(1614);
;// CONCATENATED MODULE: ./src/act/rollback/messages.ts
/** kubectl's texts for `rollout undo` (pkg/polymorphichelpers/rollback.go), word for word. Pure. */
/** rollbackSuccess */
const ROLLED_BACK = 'rolled back';
/** rollbackSkipped + the revision as the user gave it (kubectl prints `revision 0` for the default). */
const skippedMessage = (toRevision) => `skipped rollback (current template already matches revision ${toRevision})`;
/** revisionNotFoundErr */
const revisionNotFoundMessage = (toRevision) => `unable to find specified revision ${toRevision} in history`;
/** DeploymentRollbacker: no ReplicaSet to go back to. */
const noDeploymentHistoryMessage = (name) => `no rollout history found for deployment "${name}"`;
/** StatefulSetRollbacker / DaemonSetRollbacker with one revision or none. */
const NO_LAST_REVISION = 'no last revision to roll back to';
const PAUSED_MESSAGE = "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again";
/** RollbackerFor for any other kind. */
const messages_noRollbackerMessage = (kind) => `no rollbacker has been implemented for "${kind}"`;

;// CONCATENATED MODULE: ./src/act/rollback/plan-controller-revision.ts




/**
 * What kubectl's getStatefulSetPatch / getDaemonSetPatch builds from the live object and compares with
 * the revision's data: the template, marked to replace. kubectl compares bytes; key order differs after
 * a JSON round-trip here, so this compares semantically.
 */
function currentTemplatePatch(workload) {
    return { spec: { template: { ...((0,template/* templateOf */.kW)(workload) ?? {}), $patch: 'replace' } } };
}
const dataOf = (cr) => cr.data;
function planControllerRevisionRollback(history, workload, listed, toRevision) {
    const entries = history.history(workload, listed);
    const live = currentTemplatePatch(workload);
    const fromRevision = [...entries].reverse().find((e) => (0,semantic_equal/* semanticEqual */.J)(dataOf(e.object), live))?.revision;
    if (toRevision < 0)
        return refuseNotFound(toRevision, fromRevision);
    if (toRevision === 0 && entries.length <= 1)
        return { action: 'refuse', reason: 'no-history', message: NO_LAST_REVISION, fromRevision };
    const target = toRevision === 0 ? history.previous(entries) : history.find(entries, toRevision);
    if (!target)
        return refuseNotFound(toRevision, fromRevision);
    const data = dataOf(target.object);
    if ((0,semantic_equal/* semanticEqual */.J)(data, live)) {
        return { action: 'skip', fromRevision, toRevision: target.revision, message: skippedMessage(toRevision) };
    }
    // kubectl sends the revision's data as is; only the conflict guard is added.
    const body = (0,conflict/* withConflictGuard */.cr)(workload, structuredClone((data ?? {})));
    return { action: 'patch', fromRevision, toRevision: target.revision, patch: { type: 'strategic', body } };
}
const refuseNotFound = (toRevision, fromRevision) => ({
    action: 'refuse',
    reason: 'revision-not-found',
    message: revisionNotFoundMessage(toRevision),
    fromRevision
});

;// CONCATENATED MODULE: ./src/act/rollback/annotate.ts
function withAnnotations(patch, annotations) {
    if (Object.keys(annotations).length === 0)
        return patch;
    if (patch.type === 'json') {
        const hasReplace = patch.body.some((op) => op.path === '/metadata/annotations');
        const body = hasReplace
            ? patch.body.map((op) => op.path === '/metadata/annotations' && op.op === 'replace'
                ? { ...op, value: { ...(op.value ?? {}), ...annotations } }
                : op)
            : [
                ...patch.body,
                ...Object.entries(annotations).map(([key, value]) => ({
                    op: 'add',
                    path: `/metadata/annotations/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
                    value
                }))
            ];
        return { type: 'json', body };
    }
    const metadata = patch.body.metadata ?? {};
    const existing = metadata.annotations ?? {};
    return {
        type: 'strategic',
        body: { ...patch.body, metadata: { ...metadata, annotations: { ...existing, ...annotations } } }
    };
}

;// CONCATENATED MODULE: ./src/act/rollback/run.ts



async function runRollback(api, history, plan, workload, options) {
    const { namespace, name } = workload.metadata;
    const listed = options.listed ?? (await api.list(history.resource, namespace, { labelSelector: history.listSelector(workload) }));
    const decided = plan(workload, listed, options.toRevision);
    const dryRun = options.dryRun;
    if (decided.action === 'refuse') {
        return {
            result: 'error',
            fromRevision: decided.fromRevision,
            dryRun,
            message: decided.message,
            reason: decided.reason
        };
    }
    if (decided.action === 'skip') {
        const { fromRevision, toRevision, message } = decided;
        return { result: 'skipped', fromRevision, toRevision, dryRun, message };
    }
    const { fromRevision, toRevision } = decided;
    const patch = withAnnotations(decided.patch, options.annotations ?? {});
    if (!dryRun) {
        await api.patch(resources/* RESOURCES */.eZ[history.kind], namespace, name, patch.body, patch.type);
    }
    return { result: 'rolled-back', fromRevision, toRevision, patch, dryRun, message: ROLLED_BACK };
}

;// CONCATENATED MODULE: ./src/act/rollback/daemonset.ts



const plan = (workload, listed, toRevision) => planControllerRevisionRollback(daemonset/* daemonSetHistory */.P, workload, listed, toRevision);
const daemonSetRollbacker = {
    kind: 'DaemonSet',
    plan,
    rollback: (api, workload, options) => runRollback(api, daemonset/* daemonSetHistory */.P, plan, workload, options)
};

// EXTERNAL MODULE: ./src/kube/history/deployment.ts
var history_deployment = __webpack_require__(3967);
;// CONCATENATED MODULE: ./src/act/rollback/plan-deployment.ts




/**
 * rollback.go annotationsToSkip: the Deployment keeps its own values for these; every other annotation
 * comes from the ReplicaSet being restored.
 */
const ANNOTATIONS_TO_SKIP = [
    'kubectl.kubernetes.io/last-applied-configuration',
    'deployment.kubernetes.io/revision',
    'deployment.kubernetes.io/revision-history',
    'deployment.kubernetes.io/desired-replicas',
    'deployment.kubernetes.io/max-replicas',
    'deprecated.deployment.rollback.to'
];
function planDeploymentRollback(workload, listed, toRevision) {
    const deployment = workload;
    const history = history_deployment/* deploymentHistory */.S.history(workload, listed);
    const current = history.find((e) => (0,template/* equalIgnoreHash */.xs)(e.template, deployment.spec?.template));
    const fromRevision = current?.revision;
    if (toRevision < 0)
        return plan_deployment_refuse('revision-not-found', revisionNotFoundMessage(toRevision), fromRevision);
    const target = toRevision === 0 ? history_deployment/* deploymentHistory */.S.previous(history) : history_deployment/* deploymentHistory */.S.find(history, toRevision);
    if (!target) {
        return toRevision === 0
            ? plan_deployment_refuse('no-history', noDeploymentHistoryMessage(workload.metadata.name), fromRevision)
            : plan_deployment_refuse('revision-not-found', revisionNotFoundMessage(toRevision), fromRevision);
    }
    if (deployment.spec?.paused === true)
        return plan_deployment_refuse('paused', PAUSED_MESSAGE, fromRevision);
    if ((0,template/* equalIgnoreHash */.xs)(target.template, deployment.spec?.template)) {
        return { action: 'skip', fromRevision, toRevision: target.revision, message: skippedMessage(toRevision) };
    }
    // Start from the Deployment's own values of the skipped keys, then take every other key from the
    // ReplicaSet; the map replaces the Deployment's annotations wholesale.
    const own = workload.metadata.annotations ?? {};
    const annotations = {};
    for (const key of ANNOTATIONS_TO_SKIP)
        if (own[key] !== undefined)
            annotations[key] = own[key];
    for (const [key, value] of Object.entries(target.object.metadata.annotations ?? {})) {
        if (!ANNOTATIONS_TO_SKIP.includes(key))
            annotations[key] = value;
    }
    return {
        action: 'patch',
        fromRevision,
        toRevision: target.revision,
        patch: {
            type: 'json',
            body: [
                ...(0,conflict/* conflictGuardOperation */.$N)(workload),
                { op: 'replace', path: '/spec/template', value: (0,template/* withoutHash */.XK)(target.template) },
                { op: 'replace', path: '/metadata/annotations', value: annotations }
            ]
        }
    };
}
const plan_deployment_refuse = (reason, message, fromRevision) => ({ action: 'refuse', reason, message, fromRevision });

;// CONCATENATED MODULE: ./src/act/rollback/deployment.ts
/** Deployment undo (kubectl pkg/polymorphichelpers/rollback.go DeploymentRollbacker). */



const deploymentRollbacker = {
    kind: 'Deployment',
    plan: planDeploymentRollback,
    rollback: (api, workload, options) => runRollback(api, history_deployment/* deploymentHistory */.S, planDeploymentRollback, workload, options)
};

// EXTERNAL MODULE: ./src/kube/history/statefulset.ts
var statefulset = __webpack_require__(8318);
;// CONCATENATED MODULE: ./src/act/rollback/statefulset.ts



const statefulset_plan = (workload, listed, toRevision) => planControllerRevisionRollback(statefulset/* statefulSetHistory */.x, workload, listed, toRevision);
const statefulSetRollbacker = {
    kind: 'StatefulSet',
    plan: statefulset_plan,
    rollback: (api, workload, options) => runRollback(api, statefulset/* statefulSetHistory */.x, statefulset_plan, workload, options)
};

;// CONCATENATED MODULE: ./src/act/rollback/index.ts





const ROLLBACKERS = {
    Deployment: deploymentRollbacker,
    StatefulSet: statefulSetRollbacker,
    DaemonSet: daemonSetRollbacker
};
/** The rollbacker for `kind` (case-insensitive; short names accepted), or undefined (see noRollbackerMessage). */
function rollbackerFor(kind, apiVersion) {
    const name = (0,kinds/* workloadKindName */.x)(kind, apiVersion);
    return name ? ROLLBACKERS[name] : undefined;
}
/**
 * kubectl's undo decision for a workload (its `kind` field picks the rules) and the history objects
 * listed by its selector. Pure. Throws for a kind without a rollbacker, with kubectl's message.
 */
function planRollback(workload, listed, toRevision) {
    const rollbacker = rollbackerFor(workload.kind ?? '', workload.apiVersion);
    if (!rollbacker)
        throw new Error(noRollbackerMessage(workload.kind ?? '(no kind)'));
    return rollbacker.plan(workload, listed, toRevision);
}



// EXTERNAL MODULE: ./src/kube/status/index.ts + 4 modules
var kube_status = __webpack_require__(390);
// EXTERNAL MODULE: ./src/kube/workload/ownership.ts
var ownership = __webpack_require__(1790);
;// CONCATENATED MODULE: ./src/act/rollback/statefulset-force.ts






/** Pods of `failedRevisionOwner` (the bad ControllerRevision's name) that block the restored one. */
async function findStuckPods(api, sts, failedRevisionOwner) {
    const viewer = (0,kube_status/* statusViewerFor */.s)('StatefulSet');
    if (!viewer?.olderPodsBlock?.(sts))
        return { pods: [], commands: [] };
    const selector = (0,evaluate_selector/* selectorToString */.CI)((0,template/* selectorOf */.Bk)(sts));
    const namespace = sts.metadata.namespace ?? 'default';
    const pods = await api.list(resources/* RESOURCES */.eZ.Pod, namespace, { labelSelector: selector });
    const stuck = pods.filter((pod) => (0,ownership/* podControlledBy */.vK)(pod, { kind: 'StatefulSet', name: sts.metadata.name, uid: sts.metadata.uid }) &&
        pod.metadata.labels?.['controller-revision-hash'] === failedRevisionOwner &&
        !pod.metadata.deletionTimestamp &&
        !(0,pod_signals/* podHealth */.cI)(pod).ready);
    return {
        pods: stuck.map((pod) => ({ name: pod.metadata.name, ...(pod.metadata.uid ? { uid: pod.metadata.uid } : {}) })),
        commands: stuck.map((pod) => `kubectl delete pod ${pod.metadata.name} -n ${namespace}`)
    };
}
/** Deletes the stuck pods (each only if it is still the same pod). Returns the names deleted. */
async function deleteStuckPods(api, namespace, stuck) {
    const deleted = [];
    for (const pod of stuck.pods) {
        await api.delete(resources/* RESOURCES */.eZ.Pod, namespace, pod.name, pod.uid ? { uid: pod.uid } : {});
        deleted.push(pod.name);
    }
    return deleted;
}

;// CONCATENATED MODULE: ./src/act/rollback/kubectl-path.ts
/**
 * The plain undo (`kubectl rollout undo` through the API) with deploy-guard's guard rails around it: the
 * failed-revision mark rides on the undo's own write, a 409 re-reads and re-decides (src/decide/
 * guards.ts), an answer lost in flight is reported as "may or may not have landed", and once the undo
 * landed the restored revision is judged with verify's checks.
 */









/** deploy-guard's own annotations now on the workload, plus the failing revision's mark. */
function bookkeeping(read, settings, at) {
    const annotations = read.object.metadata.annotations ?? {};
    const kept = Object.fromEntries(Object.entries(annotations).filter(([key]) => key.startsWith(DEPLOY_GUARD_ANNOTATION_PREFIX)));
    const current = read.revisions.current;
    if (!current)
        return kept;
    const mark = {
        revision: current.revision,
        templateHash: current.templateHash,
        reason: settings.trigger === 'manual' ? `manual rollback: ${settings.reason}` : settings.reason,
        ...(settings.runUrl ? { runUrl: settings.runUrl } : {}),
        at
    };
    return { ...kept, [FAILED_REVISION_ANNOTATION]: addFailedMark(annotations[FAILED_REVISION_ANNOTATION], mark).value };
}
/** The revision `choice` names, renumbered as the re-read history says (an undo by someone else moves numbers). */
function renumbered(read, choice) {
    const entry = read.revisions.history.find((h) => h.templateHash === choice.templateHash);
    return entry ? { revision: entry.revision, templateHash: entry.templateHash } : choice;
}
async function writeUndo(ctx, progress) {
    const { deps, settings } = ctx;
    const rollbacker = rollbackerFor(ctx.read.kind);
    if (!rollbacker)
        return { kind: 'stopped', reason: `no rollbacker for ${ctx.read.kind}`, alreadyThere: false };
    const maxAttempts = settings.maxConflicts ?? 4;
    let read = ctx.read;
    let choice = ctx.choice;
    for (let attempts = 1;;) {
        progress({ phase: 'patching', toRevision: String(choice.revision) });
        try {
            const outcome = await rollbacker.rollback(deps.api, read.object, {
                toRevision: choice.revision,
                dryRun: settings.dryRun,
                annotations: bookkeeping(read, settings, deps.now().toISOString()),
                listed: read.listed
            });
            return { kind: 'outcome', outcome, read, choice };
        }
        catch (error) {
            if ((0,conflict/* isRollbackConflict */.Nn)(error)) {
                const fresh = await readWorkload(deps.api, read.kind, ctx.ref);
                if (!fresh)
                    return {
                        kind: 'stopped',
                        reason: `${ctx.ref.kind}/${ctx.ref.name} was deleted during the rollback`,
                        alreadyThere: false
                    };
                const target = renumbered(fresh, choice);
                const marks = parseFailedMarks(fresh.object.metadata.annotations?.[FAILED_REVISION_ANNOTATION]);
                const step = stepAfterConflict({
                    attempts,
                    maxAttempts,
                    judged: read.revisions.state,
                    live: fresh.revisions.state,
                    target,
                    targetMark: marks.ok ? findFailedMark(target, marks.value) : undefined
                });
                if (step.next === 'stop')
                    return { kind: 'stopped', reason: step.reason, alreadyThere: step.outcome === 'already-at-target' };
                ctx.notes.push(`the workload changed under the undo (409 Conflict); re-read it and tried again (attempt ${step.attempts})`);
                attempts = step.attempts;
                read = fresh;
                choice = target;
                continue;
            }
            const message = error instanceof Error ? error.message : String(error);
            // A definite answer from the server (4xx) means nothing changed; no answer means we cannot know.
            const definite = error instanceof api/* KubeApiError */.W && error.status !== undefined && error.status < 500;
            return { kind: 'error', write: definite ? 'rejected' : 'unknown', error: message };
        }
    }
}
async function undoWithKubectl(ctx) {
    const { ref, deps, settings, notes } = ctx;
    const from = ctx.read.revisions.current?.revision;
    const base = {
        method: 'kubectl',
        notes,
        dryRun: settings.dryRun,
        fromRevision: from,
        toRevision: ctx.choice.revision
    };
    const progress = (p) => deps.journal.record({
        phase: 'decided',
        target: { kind: ref.kind, name: ref.name, namespace: ref.namespace },
        method: 'kubectl',
        ...(from !== undefined ? { fromRevision: String(from) } : {}),
        toRevision: String(ctx.choice.revision),
        reason: settings.reason,
        manualCommand: manualCommandFor(ref, ctx.choice.revision),
        at: deps.now().toISOString(),
        ...p
    });
    if (!settings.dryRun)
        progress({ phase: 'decided' });
    const written = await writeUndo(ctx, settings.dryRun ? () => undefined : progress);
    if (written.kind === 'stopped') {
        if (written.alreadyThere) {
            // Another writer (a racing run, a human) restored the target first: nothing left for this run to do.
            progress({ phase: 'skipped', reason: written.reason });
            return { ...notStarted(ref, `${written.reason}; this run changed nothing`), ...base, state: 'not-started' };
        }
        progress({ phase: 'refused', reason: written.reason });
        return notStarted(ref, `${written.reason}; nothing was changed`, { ...base });
    }
    if (written.kind === 'error') {
        const outcome = classifyRollback({
            ref,
            toRevision: ctx.choice.revision,
            fromRevision: from,
            write: written.write,
            writeError: written.error
        });
        progress({ phase: written.write === 'rejected' ? 'failed' : 'patching', reason: outcome.summary });
        return { ...outcome, ...base };
    }
    const { outcome } = written;
    const change = outcome.patch
        ? { kind: 'patch', patchType: outcome.patch.type, body: outcome.patch.body }
        : undefined;
    if (outcome.result === 'error' || outcome.result === 'skipped') {
        // kubectl's own refusals (paused, missing revision) and its "skipped rollback": nothing was changed.
        if (!settings.dryRun)
            progress({ phase: outcome.result === 'skipped' ? 'skipped' : 'refused', reason: outcome.message });
        return notStarted(ref, `${outcome.message}; nothing was changed`, { ...base, message: outcome.message });
    }
    if (settings.dryRun) {
        return {
            ref,
            ...base,
            state: 'dry-run',
            summary: `dry run: would roll ${ref.kind.toLowerCase()}/${ref.name} back from revision ${from ?? '?'} to revision ${outcome.toRevision}; nothing was changed`,
            manual: [manualCommandFor(ref, outcome.toRevision ?? ctx.choice.revision)],
            change,
            message: outcome.message
        };
    }
    progress({ phase: 'patched' });
    const stuckCommands = await unblockStatefulSet(ctx);
    const since = deps.now();
    deps.log(`${ref.kind.toLowerCase()}/${ref.name}: ${outcome.message}; waiting for the restored revision to become healthy`);
    progress({
        phase: 'waiting',
        manualCommand: rolloutStatusCommand(ref)
    });
    const restored = await deps.verifyRestored(ref, since);
    const final = classifyRollback({
        ref,
        toRevision: outcome.toRevision ?? ctx.choice.revision,
        fromRevision: from,
        write: 'landed',
        restoredVerdict: restored.verdict
    });
    // A wait cut short (cancelled) has no verdict: the rollback is still in flight for the post step.
    if (restored.verdict !== undefined)
        progress({ phase: final.state === 'rolled-back' ? 'verified' : 'unhealthy', reason: final.summary });
    if (restored.result.revision)
        notes.push(`the restored template now runs as revision ${restored.result.revision}`);
    const manual = final.state === 'rolled-back' ? final.manual : [...stuckCommands, ...final.manual];
    return {
        ...final,
        manual,
        ...base,
        change,
        message: outcome.message,
        restored: restored.result,
        restoredVerdict: restored.verdict
    };
}
/**
 * After a StatefulSet undo: pods of the bad revision that never became Ready block an OrderedReady
 * StatefulSet for good. Deleted when rollback.forceStatefulSet allows it; otherwise the commands to
 * run are returned (and noted).
 */
async function unblockStatefulSet(ctx) {
    const failed = ctx.read.revisions.current;
    if (ctx.read.kind !== 'StatefulSet' || !failed)
        return [];
    const namespace = ctx.ref.namespace;
    try {
        const stuck = await findStuckPods(ctx.deps.api, ctx.read.object, failed.owner);
        if (stuck.pods.length === 0)
            return [];
        const names = stuck.pods.map((p) => p.name).join(', ');
        if (!ctx.settings.forceStatefulSet) {
            ctx.notes.push(`pods ${names} of the failed revision are not Ready and block the restored revision (OrderedReady): delete them (forced rollback), or set rollback.forceStatefulSet: true`);
            return stuck.commands;
        }
        const deleted = await deleteStuckPods(ctx.deps.api, namespace, stuck);
        ctx.notes.push(`deleted pods ${deleted.join(', ')} of the failed revision so the restored revision can roll out (forced rollback, rollback.forceStatefulSet)`);
        return [];
    }
    catch (error) {
        ctx.notes.push(`could not check for StatefulSet pods stuck on the failed revision: ${error instanceof Error ? error.message : String(error)}`);
        return [];
    }
}

;// CONCATENATED MODULE: ./src/decide/manager-policy.ts
function chooseRollbackPath(management, policy = {}) {
    switch (management.managedBy) {
        case 'helm':
            if ((policy.helm ?? 'helm') === 'kubectl') {
                return {
                    path: 'kubectl',
                    note: `Helm release "${management.release}" manages this workload; undoing it directly as configured (rollback.helm: kubectl): the next helm upgrade will revert it, and helm history still shows the failed revision as deployed.`
                };
            }
            return { path: 'helm', release: management.release, namespace: management.namespace };
        case 'argocd':
            return {
                path: 'argocd',
                application: management.application,
                namespace: management.namespace,
                mode: policy.argocd ?? 'refuse'
            };
        case 'flux': {
            const kind = management.kind.toLowerCase();
            const manualCommand = `flux suspend ${kind} ${management.name} -n ${management.namespace}`;
            return {
                path: 'refuse',
                manager: 'flux',
                manualCommand,
                message: `Workload managed by Flux ${management.kind} "${management.name}" (namespace "${management.namespace}"): deploy-guard did not roll it back, because Flux would re-apply Git's version at its next reconcile. Revert the change in Git, or suspend it first (\`${manualCommand}\`) and roll back by hand.`
            };
        }
        case 'kubectl':
            return { path: 'kubectl' };
    }
}

// EXTERNAL MODULE: ./src/kube/workload/management.ts
var management = __webpack_require__(8848);
// EXTERNAL MODULE: ./src/gitops/resources.ts
var gitops_resources = __webpack_require__(1153);
// EXTERNAL MODULE: ./src/gitops/text.ts
var gitops_text = __webpack_require__(7697);
// EXTERNAL MODULE: ./src/gitops/argocd.ts
var argocd = __webpack_require__(9747);
;// CONCATENATED MODULE: ./src/act/rollback/argocd-plan.ts




const INITIATOR = 'deploy-guard';
/** Automated sync is on when `automated` is set and not `enabled: false` (Argo CD ≥ 3.1 can keep it off in place). */
function autoSyncEnabled(app) {
    const automated = app.spec?.syncPolicy?.automated;
    return automated !== undefined && automated !== null && automated.enabled !== false;
}
function entryRevisions(entry) {
    if (entry.revisions && entry.revisions.length > 0)
        return entry.revisions;
    return entry.revision ? [entry.revision] : [];
}
function hasFields(value) {
    return value !== undefined && value !== null && Object.keys(value).length > 0;
}
/** The CLI's app argument: `--app-namespace` only when the app is outside Argo CD's usual namespace. */
function appArgs(app) {
    const namespace = app.metadata.namespace;
    const args = [app.metadata.name];
    if (namespace && namespace !== management/* DEFAULT_ARGOCD_NAMESPACE */.b)
        args.push('--app-namespace', namespace);
    return args;
}
const command = (words) => words.map(shell/* shellWord */.r).join(' ');
function rollbackCommand(app, id) {
    const [name, ...rest] = appArgs(app);
    return command(['argocd', 'app', 'rollback', name, ...(id === undefined ? ['ID'] : [String(id)]), ...rest]);
}
function disableCommand(app) {
    return command(['argocd', 'app', 'set', ...appArgs(app), '--sync-policy', 'none']);
}
function reenableCommand(app, automated) {
    const flags = ['--sync-policy', 'automated'];
    if (automated.prune === true)
        flags.push('--auto-prune');
    if (automated.selfHeal === true)
        flags.push('--self-heal');
    return command(['argocd', 'app', 'set', ...appArgs(app), ...flags]);
}
/** The history entry to roll back to (argo-cd findRevisionHistory, plus the snapshot's revision). */
function pickHistoryEntry(app, id, recordedRevision) {
    const history = app.status?.history ?? [];
    const name = app.metadata.name;
    if (id !== undefined) {
        const entry = history.find((h) => h.id === id);
        return entry
            ? { entry }
            : { reason: 'history-id-not-found', message: `application ${name} does not have deployment with id ${id}` };
    }
    if (recordedRevision) {
        const entry = [...history].reverse().find((h) => entryRevisions(h).some((r) => (0,argocd/* revisionsMatch */._3)(recordedRevision, r)));
        return entry
            ? { entry }
            : {
                reason: 'recorded-not-in-history',
                message: `no entry in the history of application ${name} is at the revision the snapshot recorded (${(0,gitops_text/* shortRevision */.w7)(recordedRevision)}); Argo CD keeps the last spec.revisionHistoryLimit (default 10) syncs`
            };
    }
    if (history.length < 2) {
        return {
            reason: 'history-too-short',
            message: `application '${name}' should have at least two successful deployments`
        };
    }
    return { entry: history[history.length - 2] };
}
function operationPatch(app, entry, prune, toId, disableAutoSync) {
    const multiSource = (entry.sources?.length ?? 0) > 0;
    const sync = multiSource
        ? { revisions: entry.revisions ?? [], sources: entry.sources }
        : { revision: entry.revision, source: entry.source };
    sync.prune = prune;
    const syncOptions = app.spec?.syncPolicy?.syncOptions;
    if (syncOptions && syncOptions.length > 0)
        sync.syncOptions = syncOptions;
    sync.syncStrategy = { apply: {} };
    const body = {
        metadata: { resourceVersion: app.metadata.resourceVersion },
        operation: {
            sync,
            initiatedBy: { username: INITIATOR },
            info: [{ name: 'Reason', value: `deploy-guard rollback to history id ${toId}` }]
        },
        // SetAppOperation clears the last operation's state so the new one is not read as finished.
        status: { operationState: null }
    };
    if (!app.metadata.resourceVersion)
        delete body.metadata;
    if (disableAutoSync)
        body.spec = { syncPolicy: { automated: null } };
    return { type: 'merge', body };
}
function sameRevisions(a, b) {
    return a.length > 0 && a.length === b.length && a.every((revision, i) => (0,argocd/* revisionsMatch */._3)(revision, b[i]));
}
function planArgoRollback(input) {
    const { app } = input;
    const name = app.metadata.name;
    const history = app.status?.history ?? [];
    const last = history[history.length - 1];
    const fromId = last?.id;
    if (app.metadata.deletionTimestamp) {
        return {
            action: 'refuse',
            fromId,
            reason: 'deleting',
            message: `Argo CD application "${name}" is being deleted (application is deleting); nothing to roll back.`
        };
    }
    const picked = pickHistoryEntry(app, input.id, input.recordedRevision);
    const toId = 'entry' in picked ? picked.entry.id : undefined;
    const autoSync = autoSyncEnabled(app);
    if (input.mode === 'refuse') {
        const manual = autoSync ? `${disableCommand(app)} && ${rollbackCommand(app, toId)}` : rollbackCommand(app, toId);
        const why = autoSync
            ? `its automated sync would put Git's version straight back after a plain undo. Roll back through Argo CD: disable auto-sync first, then roll back (\`${manual}\`), and re-enable auto-sync once a fix is in Git`
            : `a plain undo would leave it OutOfSync and the next sync would put Git's version back. Roll back through Argo CD (\`${manual}\`)`;
        return {
            action: 'refuse',
            fromId,
            toId,
            reason: autoSync ? 'auto-sync' : 'manual-only',
            message: `Workload managed by Argo CD application "${name}": deploy-guard did not roll it back, because ${why}; or set \`rollback.argocd: sync\` to let deploy-guard do this.`,
            manualCommand: manual
        };
    }
    if (!('entry' in picked))
        return { action: 'refuse', fromId, reason: picked.reason, message: picked.message };
    const entry = picked.entry;
    if (entry.id === undefined) {
        return {
            action: 'refuse',
            fromId,
            reason: 'history-id-not-found',
            message: `the chosen history entry of application ${name} has no id`
        };
    }
    const targetRevisions = entryRevisions(entry);
    if (!hasFields(entry.source) && !entry.sources?.length) {
        return {
            action: 'refuse',
            fromId,
            toId: entry.id,
            reason: 'no-source',
            message: 'cannot rollback to revision deployed with Argo CD v0.11 or lower. sync to revision instead.'
        };
    }
    if (entry === last &&
        sameRevisions(targetRevisions, app.status?.sync?.revisions?.length ? app.status.sync.revisions : [app.status?.sync?.revision ?? ''])) {
        return {
            action: 'skip',
            fromId,
            toId: entry.id,
            targetRevisions,
            message: `skipped rollback (Argo CD application "${name}" is still synced to history id ${entry.id}, revision ${targetRevisions.map(gitops_text/* shortRevision */.w7).join(', ')}: the deploy did not change it)`
        };
    }
    if (app.operation !== undefined && app.operation !== null) {
        return {
            action: 'refuse',
            fromId,
            toId: entry.id,
            reason: 'operation-in-progress',
            message: `Argo CD application "${name}": another operation is already in progress; wait for it or stop it (\`${command(['argocd', 'app', 'terminate-op', ...appArgs(app)])}\`), then roll back.`,
            manualCommand: rollbackCommand(app, entry.id)
        };
    }
    const removedAutomation = autoSync ? (app.spec?.syncPolicy?.automated ?? undefined) : undefined;
    return {
        action: 'sync',
        fromId,
        toId: entry.id,
        targetRevisions,
        patch: operationPatch(app, entry, input.prune ?? false, entry.id, autoSync),
        removedAutomation: removedAutomation ?? undefined,
        reenableCommand: removedAutomation ? reenableCommand(app, removedAutomation) : undefined
    };
}

;// CONCATENATED MODULE: ./src/act/rollback/argocd.ts




function syncedMessage(name, toId, revisions, dryRun, reenable) {
    const at = revisions.length ? ` (revision ${revisions.map(gitops_text/* shortRevision */.w7).join(', ')})` : '';
    const did = dryRun
        ? `would ask Argo CD to sync application "${name}" back to history id ${toId}${at}`
        : `asked Argo CD to sync application "${name}" back to history id ${toId}${at}; its controller runs the sync, and the app reads OutOfSync until Git is fixed`;
    if (!reenable)
        return did;
    return `${did}. Automated sync ${dryRun ? 'would be' : 'was'} turned off (it would sync straight back to Git): turn it back on once a fix is in Git (\`${reenable}\`).`;
}
/**
 * Refuses (default mode), or sets the rollback sync operation (mode `sync`). Refusals come back as
 * `result: 'error'` with a reason and the command to run by hand; API failures other than a
 * conflict are thrown as KubeApiError.
 */
async function rollbackArgoCd(api, target, options) {
    const { application, namespace } = target;
    const base = { manager: 'argocd', application, namespace, dryRun: options.dryRun, autoSyncDisabled: false };
    const attempts = options.attempts ?? 4;
    for (let attempt = 1;; attempt++) {
        const app = await api.get(gitops_resources.ARGO_APPLICATIONS, namespace, application);
        if (!app) {
            return {
                ...base,
                result: 'error',
                reason: 'not-found',
                message: `The workload is managed by Argo CD application "${application}", but there is no Application "${application}" in namespace "${namespace}": set verify.gitops.argocd.namespace to where Argo CD keeps it.`
            };
        }
        const plan = planArgoRollback({
            app,
            mode: options.mode,
            id: target.id,
            recordedRevision: target.recordedRevision,
            prune: options.prune
        });
        if (plan.action === 'refuse') {
            const { fromId, toId, reason, message, manualCommand } = plan;
            return { ...base, result: 'error', fromRevision: fromId, toRevision: toId, reason, message, manualCommand };
        }
        if (plan.action === 'skip') {
            const { fromId, toId, targetRevisions, message } = plan;
            return { ...base, result: 'skipped', fromRevision: fromId, toRevision: toId, targetRevisions, message };
        }
        const outcome = {
            ...base,
            result: 'rolled-back',
            fromRevision: plan.fromId,
            toRevision: plan.toId,
            targetRevisions: plan.targetRevisions,
            patch: plan.patch,
            autoSyncDisabled: plan.removedAutomation !== undefined,
            removedAutomation: plan.removedAutomation,
            reenableCommand: plan.reenableCommand,
            message: syncedMessage(application, plan.toId, plan.targetRevisions, options.dryRun, plan.reenableCommand)
        };
        if (options.dryRun)
            return outcome;
        try {
            await api.patch(gitops_resources.ARGO_APPLICATIONS, namespace, application, plan.patch.body, 'merge');
            return outcome;
        }
        catch (error) {
            if (!(0,conflict/* isRollbackConflict */.Nn)(error))
                throw error;
            if (attempt >= attempts) {
                return {
                    ...base,
                    result: 'error',
                    reason: 'conflict',
                    fromRevision: plan.fromId,
                    toRevision: plan.toId,
                    message: `Argo CD application "${application}" changed under every one of ${attempts} attempts to set the rollback operation; nothing was changed. Retry, or roll back by hand.`
                };
            }
        }
    }
}

// EXTERNAL MODULE: ./src/act/rollback/helm.ts + 2 modules
var helm = __webpack_require__(745);
;// CONCATENATED MODULE: ./src/act/rollback/managed-path.ts



async function runManager(ctx) {
    const { settings, deps, manager, snapshot } = ctx;
    // An explicit number names the manager's own revision (Helm release revision, Argo CD history id).
    const explicit = typeof settings.to === 'number' ? settings.to : undefined;
    if (manager.managedBy === 'helm') {
        return (0,helm/* rollbackHelm */.N)(deps.api, {
            release: manager.release,
            namespace: manager.namespace,
            ...(explicit !== undefined ? { toRevision: explicit } : {}),
            ...(settings.to === 'recorded' && snapshot?.helm ? { recordedRevision: snapshot.helm.revision } : {})
        }, {
            dryRun: settings.dryRun,
            timeoutMs: deps.helmCluster?.timeoutMs ?? 300_000,
            kubeconfigPath: deps.helmCluster?.kubeconfigPath,
            context: deps.helmCluster?.context,
            signal: deps.helmCluster?.signal
        });
    }
    return rollbackArgoCd(deps.api, {
        application: manager.application,
        namespace: manager.namespace,
        ...(explicit !== undefined ? { id: explicit } : {}),
        ...(settings.to === 'recorded' && snapshot?.argocd ? { recordedRevision: snapshot.argocd.syncedRevision } : {})
    }, { mode: settings.argocd, dryRun: settings.dryRun });
}
function changeOf(outcome) {
    if (outcome.manager === 'helm')
        return outcome.command ? { kind: 'command', command: outcome.command } : undefined;
    return outcome.patch ? { kind: 'patch', patchType: outcome.patch.type, body: outcome.patch.body } : undefined;
}
/** Reasons meaning the manager's rollback was tried and did not go through (or could not run at all). */
const FAILED_REASONS = new Set(['helm-not-found', 'helm-failed', 'conflict']);
/**
 * A manager's refusal of a rollback it must not do (Argo CD with auto-sync by default, an operation in
 * progress, no earlier revision) is a guard rail: `refused`. A rollback tried and failed is `failed`.
 */
function endState(outcome) {
    if (outcome.result === 'skipped')
        return 'refused';
    return outcome.reason === undefined || FAILED_REASONS.has(outcome.reason) ? 'failed' : 'refused';
}
async function undoThroughManager(ctx) {
    const { ref, settings, deps, notes, manager } = ctx;
    const method = manager.managedBy;
    const label = `${ref.kind.toLowerCase()}/${ref.name}`;
    const owner = manager.managedBy === 'helm' ? `Helm release "${manager.release}"` : `Argo CD application "${manager.application}"`;
    notes.push(`${label} is managed by ${owner} (${manager.evidence}): rolled back through it, since a plain undo would be reverted`);
    const progress = (p) => {
        if (settings.dryRun)
            return;
        deps.journal.record({
            phase: 'decided',
            target: { kind: ref.kind, name: ref.name, namespace: ref.namespace },
            method,
            reason: settings.reason,
            manualCommand: '',
            at: deps.now().toISOString(),
            ...p
        });
    };
    progress({ phase: 'patching' });
    const outcome = await runManager(ctx);
    const base = {
        ref,
        method,
        notes,
        dryRun: settings.dryRun,
        fromRevision: outcome.fromRevision,
        toRevision: outcome.toRevision,
        change: changeOf(outcome),
        message: outcome.message
    };
    const manual = outcome.manualCommand ? [outcome.manualCommand] : [];
    if (outcome.result === 'error' || outcome.result === 'skipped') {
        const state = endState(outcome);
        progress({
            phase: outcome.result === 'skipped' ? 'skipped' : state === 'refused' ? 'refused' : 'failed',
            reason: outcome.message,
            manualCommand: manual[0] ?? ''
        });
        // A manager that refused or failed: whether helm wrote a failed revision is in its message.
        return { ...base, state, summary: outcome.message, manual };
    }
    if (settings.dryRun) {
        return { ...base, state: 'dry-run', summary: `dry run: ${outcome.message}; nothing was changed`, manual };
    }
    const status = rolloutStatusCommand(ref);
    progress({ phase: 'waiting', reason: outcome.message, manualCommand: status });
    const restored = await deps.verifyRestored(ref, deps.now());
    const healthy = restored.verdict === 'passed';
    if (restored.verdict !== undefined)
        progress({ phase: healthy ? 'verified' : 'unhealthy', reason: outcome.message, manualCommand: status });
    const summary = healthy
        ? `${label} was rolled back through ${owner}: ${outcome.message}; the restored version is healthy`
        : `${label} was rolled back through ${owner}: ${outcome.message}; but the restored version is ${restored.verdict ?? 'not verified'}: the rollback is half done`;
    return {
        ...base,
        state: healthy ? 'rolled-back' : restored.verdict ? 'rolled-back-unhealthy' : 'rolled-back-unverified',
        summary,
        manual: healthy ? [] : [status, ...manual],
        restored: restored.result,
        restoredVerdict: restored.verdict
    };
}

;// CONCATENATED MODULE: ./src/act/rollback/orchestrate.ts



















/** A report for a rollback that never started: nothing was changed. */
function notStarted(ref, summary, extra = {}) {
    return { ref, state: 'refused', summary, manual: [], method: 'kubectl', notes: [], dryRun: false, ...extra };
}
/** The recorded revision, and the snapshot it came from (a manager's rollback reads its own revision there). */
function recordedRevision(workload, target, notes) {
    const raw = workload.metadata.annotations?.[model_snapshot/* SNAPSHOT_ANNOTATION */.l];
    if (raw !== undefined) {
        const snapshot = (0,decide_snapshot/* parseSnapshotAnnotation */.Rs)(raw, target.ref);
        if (snapshot.ok)
            return { recorded: (0,decide_snapshot/* recordedFromSnapshot */.p)(snapshot.value), snapshot: snapshot.value };
        notes.push(`the ${model_snapshot/* SNAPSHOT_ANNOTATION */.l} annotation was ignored: ${snapshot.reason}`);
    }
    if (target.preRollout) {
        if (raw === undefined)
            notes.push('no snapshot was taken: the recorded revision is the one live before the rollout began');
        return { recorded: { ...target.preRollout, source: 'pre-rollout' } };
    }
    return {};
}
function failedMarks(workload, notes) {
    const raw = workload.metadata.annotations?.[FAILED_REVISION_ANNOTATION];
    if (raw === undefined)
        return [];
    const read = parseFailedMarks(raw);
    if (read.ok)
        return read.value;
    notes.push(`the ${FAILED_REVISION_ANNOTATION} annotation could not be read (${read.reason}); it will be replaced`);
    return [];
}
/** GET the workload and LIST its history (kubectl's selector), for a decision on the live state. */
async function readWorkload(api, kind, ref) {
    const object = await api.get(resources/* RESOURCES */.eZ[kind], ref.namespace, ref.name);
    return object ? withHistory(api, kind, ref, object) : undefined;
}
/** LISTs the history of a workload already read. */
async function withHistory(api, kind, ref, object) {
    const history = (0,kube_history/* historyViewer */.j)(kind);
    const listed = await api.list(history.resource, ref.namespace, { labelSelector: history.listSelector(object) });
    return { kind, object, listed, revisions: (0,identity/* workloadRevisions */.S)(kind, object, listed) };
}
/** How long a rollback waits for the workload's controller to catch up with its latest spec before deciding. */
const SETTLE_WAIT_MS = 5000;
const SETTLE_POLL_MS = 100;
function observedByController(object) {
    const observed = object.status?.observedGeneration;
    // Without either number there is nothing to wait for (a status this controller does not keep).
    return observed === undefined || object.metadata.generation === undefined || observed >= object.metadata.generation;
}
/**
 * Reads the workload once its controller has observed its latest spec. Right after another writer's
 * change (a racing run's undo, a deploy) the ReplicaSets and revision numbers still describe the old
 * spec, and a decision on them misnames the revisions; a moment later they agree.
 */
async function readSettled(deps, kind, ref) {
    const deadline = Date.now() + SETTLE_WAIT_MS;
    for (;;) {
        // Only the workload is polled: its history is listed once, for the state the decision is made on.
        const object = await deps.api.get(resources/* RESOURCES */.eZ[kind], ref.namespace, ref.name);
        if (!object)
            return undefined;
        if (observedByController(object))
            return { settled: true, read: await withHistory(deps.api, kind, ref, object) };
        if (Date.now() >= deadline || deps.helmCluster?.signal?.aborted)
            return { settled: false, object };
        await (0,sleep/* sleep */.y)(SETTLE_POLL_MS, deps.helmCluster?.signal);
    }
}
/** The workload's pods with the revision each runs and the terminal signals it shows. */
async function revisionPods(api, read) {
    const selector = (0,evaluate_selector/* selectorToString */.CI)((0,template/* selectorOf */.Bk)(read.object));
    if (!selector)
        return [];
    const pods = await api.list(resources/* RESOURCES */.eZ.Pod, read.object.metadata.namespace, { labelSelector: selector });
    const label = read.kind === 'Deployment' ? template/* POD_TEMPLATE_HASH */.AX : 'controller-revision-hash';
    return pods.map((pod) => {
        const value = pod.metadata.labels?.[label];
        return {
            name: pod.metadata.name,
            ...(value ? { templateHash: (0,identity/* hashOfHistoryObject */.j)(read.object.metadata.name, value) } : {}),
            signals: (0,pod_signals/* podHealth */.cI)(pod).signals.map((signal) => signal.reason)
        };
    });
}
async function rollBackTarget(target, settings, deps) {
    const { ref } = target;
    const kind = (0,kinds/* workloadKindName */.x)(ref.kind, ref.apiVersion);
    if (!kind)
        return notStarted(ref, `no rollbacker has been implemented for "${ref.kind}": ${ref.kind}/${ref.name} was left as it is`);
    const settled = await readSettled(deps, kind, ref);
    if (!settled)
        return notStarted(ref, `${kind.toLowerCase()}/${ref.name} no longer exists in ${ref.namespace}: nothing to roll back`);
    if (!settled.settled)
        return notStarted(ref, `${kind.toLowerCase()}/${ref.name} is being changed right now (its controller has not observed generation ${settled.object.metadata.generation ?? '?'} yet): someone else is acting; not rolling back — check \`kubectl rollout status\` and run again if needed`);
    const { read } = settled;
    const notes = [];
    const { revisions } = read;
    if (settings.trigger === 'verdict' && !target.judged)
        return notStarted(ref, `${kind.toLowerCase()}/${ref.name} could not be read while it was judged, so deploy-guard cannot tell whether someone changed it since: not rolled back`);
    if (target.judged) {
        const guard = checkUnchangedSinceVerdict(target.judged, revisions.state);
        if (!guard.proceed)
            return notStarted(ref, guard.reason, { notes });
    }
    const current = revisions.current;
    if (!current)
        return notStarted(ref, `cannot tell which revision ${kind.toLowerCase()}/${ref.name} runs: its rollout has not created one yet`);
    const marks = failedMarks(read.object, notes);
    const { recorded, snapshot } = recordedRevision(read.object, target, notes);
    const choice = chooseRollbackTarget({
        to: settings.to,
        trigger: settings.trigger,
        recorded,
        current,
        history: withFailedMarks(revisions.history, marks)
    });
    if (!choice.ok)
        return notStarted(ref, choice.reason, { notes, fromRevision: current.revision });
    const targetPods = checkTargetPodsHealthy(choice, await revisionPods(deps.api, read));
    if (!targetPods.proceed)
        return notStarted(ref, `${targetPods.reason}; nothing was changed`, { notes, fromRevision: current.revision });
    deps.log(`${kind.toLowerCase()}/${ref.name}: ${choice.reason}`);
    const manager = (0,management.detectManager)(read.object, { argocdNamespace: settings.argocdNamespace });
    const path = chooseRollbackPath(manager, { helm: settings.helm, argocd: settings.argocd });
    const common = {
        ref,
        read,
        choice: { revision: choice.revision, templateHash: choice.templateHash },
        marks,
        notes,
        settings,
        deps
    };
    if (path.path === 'refuse')
        return notStarted(ref, path.message, { notes, manual: [path.manualCommand], fromRevision: current.revision });
    if ((manager.managedBy === 'helm' || manager.managedBy === 'argocd') && path.path !== 'kubectl')
        return undoThroughManager({ ...common, manager, snapshot });
    if (path.path === 'kubectl' && path.note)
        notes.push(path.note);
    return undoWithKubectl(common);
}
/** The command that undoes by hand what deploy-guard would have undone. */
function manualCommandFor(ref, toRevision) {
    return manualUndoCommands(ref, toRevision)[0];
}


/***/ }),

/***/ 9747:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZT: () => (/* binding */ ARGO_ROW),
/* harmony export */   _3: () => (/* binding */ revisionsMatch),
/* harmony export */   fz: () => (/* binding */ checkArgoCd)
/* harmony export */ });
/* unused harmony exports evaluateArgoApplication, argoApplicationNotFound */
/* harmony import */ var _resources_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1153);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7697);


/** Ids and titles of the Argo CD rows; `argocd` alone is the row for "could not read the Application". */
const ARGO_ROW = { id: 'argocd', title: 'Argo CD application' };
const MIN_SHA_PREFIX = 7;
/** Revisions of the app: `revisions[]` for multi-source apps, else `revision`. */
function syncedRevisions(app) {
    const sync = app.status?.sync;
    if (sync?.revisions && sync.revisions.length > 0)
        return sync.revisions;
    return sync?.revision ? [sync.revision] : [];
}
/**
 * Same revision when equal, or when both are ≥ 7 characters and one is a prefix of the other (a short SHA
 * from CI against Argo's full one, either way round). Case-insensitive because SHAs are hex.
 */
function revisionsMatch(expected, actual) {
    const a = expected.trim().toLowerCase();
    const b = actual.trim().toLowerCase();
    if (a === '' || b === '')
        return false;
    if (a === b)
        return true;
    return a.length >= MIN_SHA_PREFIX && b.length >= MIN_SHA_PREFIX && (a.startsWith(b) || b.startsWith(a));
}
function operationDetails(app) {
    const details = [];
    const op = app.status?.operationState;
    if (op && (op.phase === 'Failed' || op.phase === 'Error')) {
        const revision = op.syncResult?.revision ?? op.operation?.sync?.revision;
        const facts = [
            { label: 'phase', value: op.phase },
            { label: 'message', value: (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(op.message ?? '') },
            { label: 'revision', value: revision ? (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .shortRevision */ .w7)(revision) : '' },
            { label: 'finished', value: op.finishedAt ?? '' }
        ].filter((fact) => fact.value !== '');
        details.push({ title: `Last sync operation ${op.phase}`, facts });
    }
    // ComparisonError, SyncError, InvalidSpecError... explain an Unknown or OutOfSync status.
    for (const condition of app.status?.conditions ?? []) {
        if (condition.type && /Error|Warning/.test(condition.type)) {
            details.push({ title: condition.type, text: (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(condition.message ?? '', 1000) });
        }
    }
    return details;
}
function failedOperationNote(app) {
    const op = app.status?.operationState;
    if (op && (op.phase === 'Failed' || op.phase === 'Error')) {
        return `the last sync operation ${op.phase === 'Error' ? 'errored' : 'failed'}${op.message ? `: ${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(op.message, 200)}` : ''}`;
    }
    return undefined;
}
function syncRow(app) {
    const name = app.metadata.name;
    const status = app.status?.sync?.status;
    const revisions = syncedRevisions(app).map(_text_js__WEBPACK_IMPORTED_MODULE_1__/* .shortRevision */ .w7);
    const actual = (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .joinPresent */ .uE)([status ?? 'no sync status', revisions.length ? `at ${revisions.join(', ')}` : undefined], ' ');
    const details = operationDetails(app);
    const note = failedOperationNote(app);
    const row = { id: 'argocd:sync', title: 'Argo CD sync', expected: 'Synced', actual, status: 'passed' };
    if (details.length)
        row.details = details;
    if (status === 'Synced')
        return row;
    if (status === 'OutOfSync') {
        const why = `Application "${name}" is OutOfSync: the cluster does not match Git${note ? `; ${note}` : ''}.`;
        return { ...row, status: 'failed', reason: why };
    }
    const why = status === 'Unknown'
        ? `Argo CD could not compare "${name}" with Git (sync status Unknown)${note ? `; ${note}` : ''}; see the application's conditions.`
        : `Application "${name}" has no sync status yet; Argo CD may not have reconciled it.`;
    return { ...row, status: 'inconclusive', reason: why };
}
const HEALTH_VERDICTS = {
    Healthy: { status: 'passed', why: () => '' },
    Progressing: {
        status: 'inconclusive',
        why: (n) => `Application "${n}" is still Progressing: its resources are not ready yet.`
    },
    Missing: {
        status: 'inconclusive',
        why: (n) => `Resources of "${n}" are Missing from the cluster: not created yet, or pruned.`
    },
    Unknown: { status: 'inconclusive', why: (n) => `Argo CD cannot assess the health of "${n}" (Unknown).` },
    Degraded: { status: 'failed', why: (n) => `Application "${n}" is Degraded.` },
    Suspended: {
        status: 'failed',
        why: (n) => `Application "${n}" is Suspended: a resource is paused (e.g. a suspended rollout or CronJob) and will not progress.`
    }
};
function healthRow(app) {
    const name = app.metadata.name;
    const health = app.status?.health;
    const message = health?.message ? (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(health.message) : undefined;
    const row = {
        id: 'argocd:health',
        title: 'Argo CD health',
        expected: 'Healthy',
        actual: (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .joinPresent */ .uE)([health?.status ?? 'no health status', message], ': '),
        status: 'passed'
    };
    const verdict = health?.status ? HEALTH_VERDICTS[health.status] : undefined;
    if (!verdict) {
        const why = health?.status
            ? `Argo CD reports an unrecognised health status "${health.status}" for "${name}".`
            : `Application "${name}" has no health status yet; Argo CD may not have assessed it.`;
        return { ...row, status: 'inconclusive', reason: why };
    }
    if (verdict.status === 'passed')
        return row;
    const reason = message ? `${verdict.why(name).replace(/\.$/, '')}: ${message}` : verdict.why(name);
    return { ...row, status: verdict.status, reason };
}
function revisionRow(app, expected) {
    const name = app.metadata.name;
    const actualRevisions = syncedRevisions(app);
    const row = {
        id: 'argocd:revision',
        title: 'Argo CD revision',
        expected: (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .shortRevision */ .w7)(expected),
        actual: actualRevisions.length ? actualRevisions.map(_text_js__WEBPACK_IMPORTED_MODULE_1__/* .shortRevision */ .w7).join(', ') : 'no revision',
        status: 'passed'
    };
    if (actualRevisions.some((revision) => revisionsMatch(expected, revision)))
        return row;
    if (actualRevisions.length === 0) {
        return { ...row, status: 'inconclusive', reason: `Application "${name}" reports no synced revision yet.` };
    }
    // A sync to the expected revision still running is "not yet", not drift.
    const op = app.status?.operationState;
    const pending = [op?.operation?.sync?.revision, ...(op?.operation?.sync?.revisions ?? [])].filter((revision) => typeof revision === 'string');
    if (op?.phase === 'Running' && pending.some((revision) => revisionsMatch(expected, revision))) {
        return {
            ...row,
            status: 'inconclusive',
            reason: `A sync of "${name}" to ${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .shortRevision */ .w7)(expected)} is still running.`
        };
    }
    return {
        ...row,
        status: 'failed',
        reason: `Drift: "${name}" is at ${row.actual}, not the expected ${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .shortRevision */ .w7)(expected)}; Argo CD may not have picked up the new commit (refresh) or it points at another branch.`
    };
}
/** Rows for one Application: sync, health, and revision when an expected revision is given. */
function evaluateArgoApplication(app, expectedRevision) {
    const rows = [syncRow(app), healthRow(app)];
    if (expectedRevision)
        rows.push(revisionRow(app, expectedRevision));
    return rows;
}
/** The row when the Application does not exist: almost always a wrong name or namespace. */
function argoApplicationNotFound(target) {
    return {
        ...ARGO_ROW,
        expected: `Application ${target.namespace}/${target.application} Synced and Healthy`,
        actual: 'not found',
        status: 'failed',
        reason: `No Argo CD Application "${target.application}" in namespace "${target.namespace}": check verify.gitops.argocd.application and .namespace (Argo CD keeps Applications in "argocd" unless apps-in-any-namespace is used), and that Argo CD is installed.`
    };
}
/** Reads the Application and evaluates it. Throws KubeApiError on API failures (see index.ts). */
async function checkArgoCd(api, target) {
    const app = await api.get(_resources_js__WEBPACK_IMPORTED_MODULE_0__.ARGO_APPLICATIONS, target.namespace, target.application);
    if (!app)
        return [argoApplicationNotFound(target)];
    return evaluateArgoApplication(app, target.revision);
}


/***/ }),

/***/ 3517:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ decodeHelmRelease)
/* harmony export */ });
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Decodes a Helm 3 release Secret's `data.release` as read through the Kubernetes API:
 * base64 (API encoding of Secret data) → base64 (Helm's own) → gzip → JSON (helm pkg/storage/driver/util.go).
 */

const GZIP_MAGIC = [0x1f, 0x8b, 0x08];
/** Release JSON carries the rendered manifest; bound it so a corrupt stream cannot exhaust memory. */
const MAX_RELEASE_BYTES = 64 * 1024 * 1024;
function isGzip(bytes) {
    return GZIP_MAGIC.every((byte, i) => bytes[i] === byte);
}
/** Throws an Error saying which layer was wrong; returns only the fields we use (manifest etc. dropped). */
function decodeHelmRelease(data) {
    const helmEncoded = Buffer.from(data, 'base64').toString('latin1');
    const payload = Buffer.from(helmEncoded, 'base64');
    if (payload.length === 0)
        throw new Error('release data is empty after base64 decoding');
    // Helm has always gzipped, but util.go accepts plain JSON too, so do we.
    const json = isGzip(payload) ? (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.gunzipSync)(payload, { maxOutputLength: MAX_RELEASE_BYTES }) : payload;
    let parsed;
    try {
        parsed = JSON.parse(json.toString('utf8'));
    }
    catch {
        throw new Error('release data is not JSON after base64, base64 and gzip decoding');
    }
    if (parsed === null || typeof parsed !== 'object')
        throw new Error('release data is not a JSON object');
    const record = parsed;
    return {
        name: record.name,
        namespace: record.namespace,
        version: record.version,
        info: record.info,
        chart: record.chart?.metadata ? { metadata: record.chart.metadata } : undefined
    };
}


/***/ }),

/***/ 1153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ARGO_APPLICATIONS: () => (/* binding */ ARGO_APPLICATIONS),
/* harmony export */   DB: () => (/* binding */ FLUX_KUSTOMIZATIONS),
/* harmony export */   JK: () => (/* binding */ FLUX_HELMRELEASES),
/* harmony export */   cW: () => (/* binding */ SECRETS)
/* harmony export */ });
const ARGO_APPLICATIONS = {
    apiVersion: 'argoproj.io/v1alpha1',
    resource: 'applications',
    kind: 'Application',
    namespaced: true
};
const FLUX_KUSTOMIZATIONS = {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    resource: 'kustomizations',
    kind: 'Kustomization',
    namespaced: true
};
const FLUX_HELMRELEASES = {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    resource: 'helmreleases',
    kind: 'HelmRelease',
    namespaced: true
};
const SECRETS = { apiVersion: 'v1', resource: 'secrets', kind: 'Secret', namespaced: true };


/***/ }),

/***/ 7697:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   uE: () => (/* binding */ joinPresent),
/* harmony export */   w7: () => (/* binding */ shortRevision)
/* harmony export */ });
/** Small wording helpers shared by the GitOps evaluators. */
const LONG_HEX = /\b[0-9a-f]{40}(?:[0-9a-f]{24})?\b/gi;
/** Shortens full commit SHAs / sha256 digests to 7 characters anywhere in a revision string (`main@sha1:abc1234`). */
function shortRevision(revision) {
    return revision.replace(LONG_HEX, (hex) => hex.slice(0, 7));
}
/** Joins the present parts of a description with `sep`, skipping blanks. */
function joinPresent(parts, sep = ', ') {
    return parts.filter((part) => part !== undefined && part.trim() !== '').join(sep);
}
/** Long controller messages (Argo often lists every failing resource) are cut for table cells. */
function clip(text, max = 300) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}


/***/ }),

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

/***/ 6730:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ workloadRevisions),
/* harmony export */   j: () => (/* binding */ hashOfHistoryObject)
/* harmony export */ });
/* harmony import */ var _status_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(390);
/* harmony import */ var _index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4218);


/** `api-7d9f8c6b5` of Deployment `api` → `7d9f8c6b5`; a name without the prefix is its own identity. */
function hashOfHistoryObject(workloadName, historyObjectName) {
    const prefix = `${workloadName}-`;
    return historyObjectName.startsWith(prefix) ? historyObjectName.slice(prefix.length) : historyObjectName;
}
function workloadRevisions(kind, workload, listed) {
    const name = workload.metadata.name;
    const identify = (object, revision) => ({
        revision,
        templateHash: hashOfHistoryObject(name, object.metadata.name),
        owner: object.metadata.name,
        ...(object.metadata.creationTimestamp ? { createdAt: object.metadata.creationTimestamp } : {})
    });
    const history = (0,_index_js__WEBPACK_IMPORTED_MODULE_1__/* .historyViewer */ .j)(kind)
        .history(workload, listed)
        .map((entry) => identify(entry.object, entry.revision));
    const info = (0,_status_index_js__WEBPACK_IMPORTED_MODULE_0__/* .statusViewerFor */ .s)(kind)?.currentRevision({ object: workload, owned: listed });
    const currentEntry = info ? history.find((h) => h.owner === info.owner.name) : undefined;
    const current = currentEntry ??
        (info && Number(info.revision) > 0
            ? {
                revision: Number(info.revision),
                templateHash: hashOfHistoryObject(name, info.owner.name),
                owner: info.owner.name,
                ...(info.createdAt ? { createdAt: info.createdAt } : {})
            }
            : undefined);
    return {
        ...(current ? { current } : {}),
        history,
        state: {
            generation: workload.metadata.generation ?? 0,
            ...(current ? { templateHash: current.templateHash } : {})
        }
    };
}


/***/ }),

/***/ 8848:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ DEFAULT_ARGOCD_NAMESPACE),
/* harmony export */   detectManager: () => (/* binding */ detectManager)
/* harmony export */ });
/* unused harmony export parseTrackingId */
/* harmony import */ var _resources_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6804);

const ARGOCD_TRACKING_ID = 'argocd.argoproj.io/tracking-id';
const ARGOCD_INSTANCE_LABEL = 'argocd.argoproj.io/instance';
const HELM_MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
const HELM_RELEASE_NAME = 'meta.helm.sh/release-name';
const HELM_RELEASE_NAMESPACE = 'meta.helm.sh/release-namespace';
const FLUX_LABELS = {
    Kustomization: 'kustomize.toolkit.fluxcd.io',
    HelmRelease: 'helm.toolkit.fluxcd.io'
};
/** Argo CD's namespace when the config names none (where its Applications live by default). */
const DEFAULT_ARGOCD_NAMESPACE = 'argocd';
/** `<app>:<group>/<kind>:<namespace>/<name>` as Argo CD parses it (SplitN on ':' into 3), or undefined. */
function parseTrackingId(value) {
    const first = value.indexOf(':');
    const second = first < 0 ? -1 : value.indexOf(':', first + 1);
    if (first <= 0 || second < 0)
        return undefined;
    const groupKind = value.slice(first + 1, second).split('/');
    const namespaceName = value.slice(second + 1).split('/');
    if (groupKind.length !== 2 || namespaceName.length !== 2)
        return undefined;
    const [group, kind] = groupKind;
    const [namespace, name] = namespaceName;
    return { application: value.slice(0, first), group, kind, namespace, name };
}
/** `ns_app` → the app in `ns`; `app` → the app in Argo CD's own namespace (argo-cd Application.InstanceName). */
function argoApplication(instance, argocdNamespace) {
    const split = instance.indexOf('_');
    if (split > 0 && split < instance.length - 1) {
        return { namespace: instance.slice(0, split), application: instance.slice(split + 1) };
    }
    return { namespace: argocdNamespace, application: instance };
}
function trackedHere(id, workload) {
    return (id.kind === workload.kind &&
        id.group === (0,_resources_js__WEBPACK_IMPORTED_MODULE_0__/* .groupOf */ .F8)(workload.apiVersion ?? '') &&
        id.name === workload.metadata.name &&
        id.namespace === (workload.metadata.namespace ?? ''));
}
function detectArgoCd(workload, argocdNamespace) {
    const annotation = workload.metadata.annotations?.[ARGOCD_TRACKING_ID];
    const tracking = annotation ? parseTrackingId(annotation) : undefined;
    if (tracking && tracking.application && trackedHere(tracking, workload)) {
        const app = argoApplication(tracking.application, argocdNamespace);
        return { managedBy: 'argocd', ...app, evidence: `annotation ${ARGOCD_TRACKING_ID}=${annotation}` };
    }
    const label = workload.metadata.labels?.[ARGOCD_INSTANCE_LABEL];
    if (label) {
        const app = argoApplication(label, argocdNamespace);
        return { managedBy: 'argocd', ...app, evidence: `label ${ARGOCD_INSTANCE_LABEL}=${label}` };
    }
    return undefined;
}
function detectFlux(workload) {
    const labels = workload.metadata.labels ?? {};
    // helm-controller first: a HelmRelease's objects are the release's, whoever created the HelmRelease.
    for (const kind of ['HelmRelease', 'Kustomization']) {
        const prefix = FLUX_LABELS[kind];
        const name = labels[`${prefix}/name`];
        const namespace = labels[`${prefix}/namespace`];
        if (name && namespace) {
            return {
                managedBy: 'flux',
                kind,
                name,
                namespace,
                evidence: `labels ${prefix}/name=${name}, ${prefix}/namespace=${namespace}`
            };
        }
    }
    return undefined;
}
function detectHelm(workload) {
    if (workload.metadata.labels?.[HELM_MANAGED_BY_LABEL] !== 'Helm')
        return undefined;
    const release = workload.metadata.annotations?.[HELM_RELEASE_NAME];
    if (!release) {
        return {
            managedBy: 'kubectl',
            evidence: `label ${HELM_MANAGED_BY_LABEL}=Helm without the ${HELM_RELEASE_NAME} annotation: rendered by Helm but not owned by a Helm release`
        };
    }
    const namespace = workload.metadata.annotations?.[HELM_RELEASE_NAMESPACE] || workload.metadata.namespace || 'default';
    return {
        managedBy: 'helm',
        release,
        namespace,
        evidence: `label ${HELM_MANAGED_BY_LABEL}=Helm, annotation ${HELM_RELEASE_NAME}=${release}`
    };
}
/** Who manages `workload` (see the rules above). */
function detectManager(workload, options = {}) {
    const argocdNamespace = options.argocdNamespace || DEFAULT_ARGOCD_NAMESPACE;
    return (detectArgoCd(workload, argocdNamespace) ??
        detectFlux(workload) ??
        detectHelm(workload) ?? { managedBy: 'kubectl', evidence: 'no Argo CD, Flux or Helm marks on the object' });
}


/***/ }),

/***/ 5462:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ shellWord)
/* harmony export */ });
/** A word as a POSIX shell reads it back, for commands shown to people to copy (never run by us). */
function shellWord(word) {
    return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}


/***/ })

};
