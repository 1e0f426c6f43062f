export const id = 745;
export const ids = [745,153];
export const modules = {

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
