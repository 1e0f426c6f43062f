export const id = 609;
export const ids = [609,86,153,501];
export const modules = {

/***/ 34770:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  f4: () => (/* binding */ actOnVerdict),
  nL: () => (/* binding */ rollBackTargets),
  X9: () => (/* binding */ rollbackLanded),
  OC: () => (/* binding */ rollbackSettings),
  u6: () => (/* binding */ targetsFromVerify)
});

;// CONCATENATED MODULE: ./src/decide/action.ts
const DEFAULT_ROLLBACK_POLICY = { onFailure: true, onInconclusive: false };
/**
 * Inputs (`rollback-on-failure`, `rollback-on-inconclusive`) override the config's `rollback` section,
 * which overrides the defaults. Why this order: the config is the team's policy, the inputs are one
 * workflow's exception to it (e.g. a staging job that never rolls back).
 */
function resolveRollbackPolicy(configSection, inputs = {}) {
    return {
        onFailure: inputs.onFailure ?? configSection?.onFailure ?? DEFAULT_ROLLBACK_POLICY.onFailure,
        onInconclusive: inputs.onInconclusive ?? configSection?.onInconclusive ?? DEFAULT_ROLLBACK_POLICY.onInconclusive
    };
}
function decideAction(verdict, policy, dryRun, context = {}) {
    if (context.cancelled)
        return { kind: 'none', reason: 'the run was cancelled; deploy-guard never starts a rollback on cancellation' };
    if (verdict === 'passed')
        return { kind: 'none', reason: 'the verdict is passed: nothing to roll back' };
    if (verdict === 'failed' && !policy.onFailure)
        return { kind: 'none', reason: 'the verdict is failed, but rollback on failure is off (rollback.onFailure: false)' };
    if (verdict === 'inconclusive' && !policy.onInconclusive)
        return {
            kind: 'none',
            reason: 'the verdict is inconclusive; an inconclusive verdict never rolls back unless asked (rollback.onInconclusive: true)'
        };
    const because = verdict === 'failed' ? 'the verdict is failed' : 'the verdict is inconclusive and rollback.onInconclusive is on';
    if (dryRun)
        return { kind: 'dry-run-rollback', reason: `dry run: ${because}, so it would roll back; nothing was changed` };
    return { kind: 'rollback', reason: `${because}: rolling back` };
}

;// CONCATENATED MODULE: ./src/decide/rollback-scope.ts
const matches = (status, verdict) => verdict === 'failed' ? status === 'failed' : status === 'failed' || status === 'inconclusive';
function implicated(target, verdict) {
    return target.checks.some((c) => matches(c.status, verdict));
}
function rollbackScope(result, refs) {
    const { verdict } = result;
    if (verdict === 'passed')
        return [];
    const runLevel = result.checks.some((c) => matches(c.status, verdict)) ||
        (result.analysis !== undefined && matches(result.analysis.verdict, verdict));
    if (runLevel || result.targets.length === 0)
        return [...refs];
    const byKey = new Set(result.targets.filter((t) => implicated(t, verdict)).map((t) => key(t.ref)));
    return refs.filter((ref) => byKey.has(key(ref)));
}
const key = (ref) => `${ref.kind.toLowerCase()}/${ref.namespace}/${ref.name}`;

// EXTERNAL MODULE: ./src/decide/verdict.ts
var decide_verdict = __webpack_require__(6501);
// EXTERNAL MODULE: ./src/kube/deadline-api.ts
var deadline_api = __webpack_require__(72504);
;// CONCATENATED MODULE: ./src/commands/act-step.ts




const NO_JOURNAL = { record: () => undefined, finished: () => undefined };
/** States in which the undo reached the cluster. */
const LANDED = new Set(['rolled-back', 'rolled-back-unhealthy', 'rolled-back-unverified']);
function rollbackLanded(report) {
    return report?.targets.some((t) => LANDED.has(t.state) && !t.dryRun) ?? false;
}
function rollbackSettings(config, trigger, reason, ctx) {
    return {
        to: config.rollback.to,
        trigger,
        dryRun: config.dryRun,
        helm: config.rollback.helm,
        argocd: config.rollback.argocd,
        forceStatefulSet: config.rollback.forceStatefulSet,
        reason,
        ...(ctx.run?.url ? { runUrl: ctx.run.url } : {}),
        ...(config.verify.gitops.argocd?.namespace ? { argocdNamespace: config.verify.gitops.argocd.namespace } : {})
    };
}
/** Rolls the given targets back one after the other, each at most once in the run. */
async function rollBackTargets(api, targets, settings, config, ctx) {
    const { rollBackTarget, notStarted } = await Promise.all(/* import() */[__webpack_require__.e(855), __webpack_require__.e(93), __webpack_require__.e(203)]).then(__webpack_require__.bind(__webpack_require__, 70093));
    const { verifyWorkload } = await Promise.all(/* import() */[__webpack_require__.e(855), __webpack_require__.e(583), __webpack_require__.e(783)]).then(__webpack_require__.bind(__webpack_require__, 8583));
    const kubeconfigPath = await ctx.kubeconfigFile?.();
    const done = new Set();
    const reports = [];
    // The restored revision is judged with the workload checklist; smoke, GitOps and PromQL belong to the
    // deploy's verdict (rollback.analysis opts the metrics in; see the README).
    const verifyConfig = { ...config.verify, smoke: [], gitops: {} };
    for (const target of targets) {
        const id = key(target.ref);
        if (done.has(id))
            continue;
        done.add(id);
        const label = `rollback ${target.ref.kind.toLowerCase()}/${target.ref.name} in ${target.ref.namespace}`;
        const report = await ctx.group(label, async () => {
            try {
                return await rollBackTarget(target, settings, {
                    // The undo's reads and writes within the step's time budget: an API that stops answering ends
                    // the undo as "sent but not confirmed" instead of holding the step for every retry's timeout.
                    // (The restored revision's wait below keeps its own deadline, on the unbounded client.)
                    api: (0,deadline_api/* withDeadline */.N)(api, {
                        at: Date.now() + verifyConfig.timeout,
                        now: Date.now,
                        signal: ctx.signal,
                        floorMs: 1000
                    }),
                    journal: ctx.journal ?? NO_JOURNAL,
                    log: (line) => ctx.log(line),
                    now: () => ctx.now(),
                    helmCluster: {
                        ...(kubeconfigPath ? { kubeconfigPath } : {}),
                        ...(ctx.kubeContext ? { context: ctx.kubeContext } : {}),
                        timeoutMs: verifyConfig.timeout,
                        signal: ctx.signal
                    },
                    verifyRestored: async (ref, since) => {
                        const result = await verifyWorkload(api, ref, verifyConfig, {
                            startedAt: since,
                            log: (line) => ctx.log(line),
                            signal: ctx.signal
                        });
                        const judged = await withRestoredAnalysis(result, since, config, ctx);
                        const verdict = ctx.signal.aborted ? undefined : (0,decide_verdict.decideVerdict)({ targets: [judged], checks: [] }).verdict;
                        return { result: judged, verdict };
                    }
                });
            }
            catch (error) {
                // An API failure before anything was written (reading the workload or its history).
                const message = error instanceof Error ? error.message : String(error);
                return notStarted(target.ref, `could not read ${target.ref.kind.toLowerCase()}/${target.ref.name} to roll it back: ${message}; nothing was changed`);
            }
        });
        ctx.log(report.summary);
        reports.push(report);
    }
    return reports;
}
/**
 * `rollback.analysis`: the restored version is also judged by the PromQL checks, with `{{version}}` its
 * own image tag (not the failed deploy's). The analysis becomes one row of the restored checklist.
 */
async function withRestoredAnalysis(result, since, config, ctx) {
    const checks = config.analysis?.checks.length ?? 0;
    if (!config.rollback.analysis || checks === 0 || ctx.signal.aborted)
        return result;
    if (result.checks.some((c) => c.status === 'failed'))
        return result;
    const { runConfiguredAnalysis } = await __webpack_require__.e(/* import() */ 49).then(__webpack_require__.bind(__webpack_require__, 9049));
    const { resolveVersion } = await __webpack_require__.e(/* import() */ 86).then(__webpack_require__.bind(__webpack_require__, 14086));
    const version = resolveVersion({ ...config, version: undefined }, [result]);
    const analysis = await ctx.group('PromQL analysis of the restored version', () => runConfiguredAnalysis(config, version, ctx, since));
    const row = {
        id: 'restored-analysis',
        title: 'PromQL analysis of the restored version',
        expected: `${checks} metric check(s) pass`,
        actual: analysis.verdict,
        status: analysis.verdict,
        ...(analysis.verdict === 'passed' ? {} : { reason: analysis.reasons[0] ?? `the analysis is ${analysis.verdict}` })
    };
    return { ...result, checks: [...result.checks, row] };
}
/**
 * After a verdict: decide, roll back what the decision covers, and return the run with its rollback.
 * `targets` carries what the command knows of each (the state judged, the revision before the rollout).
 */
async function actOnVerdict(result, config, ctx, targets) {
    if (result.verdict === 'passed')
        return result;
    const policy = resolveRollbackPolicy(config.rollback);
    const decision = decideAction(result.verdict, policy, config.dryRun, { cancelled: ctx.signal.aborted });
    const scope = new Set(rollbackScope(result, targets.map((t) => t.ref)).map(key));
    const chosen = targets.filter((t) => scope.has(key(t.ref)));
    const report = { decision: decision.kind, reason: decision.reason, targets: [] };
    if (decision.kind === 'none')
        return { ...result, rollback: report };
    if (chosen.length === 0) {
        report.reason = `the verdict is ${result.verdict} and the policy says roll back, but this run has no targets to roll back (give ${result.command} the targets it gates with the target input)`;
        ctx.log(report.reason);
        return { ...result, rollback: { ...report, decision: 'none' } };
    }
    ctx.log(decision.reason);
    let api;
    try {
        api = await ctx.kube();
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        report.reason = `${decision.reason}; but the Kubernetes client could not be set up (${message}): nothing was rolled back`;
        return { ...result, rollback: report };
    }
    const reason = result.reasons[0] ?? `the verdict is ${result.verdict}`;
    report.targets = await rollBackTargets(api, chosen, rollbackSettings(config, 'verdict', reason, ctx), config, ctx);
    return {
        ...result,
        action: rollbackLanded(report) ? 'rolled-back' : result.action,
        rollback: report,
        finishedAt: ctx.now().toISOString()
    };
}
/** What verify learnt of each target, for the rollback's guards and its default target. */
function targetsFromVerify(results) {
    return results.map((t) => ({
        ref: t.ref,
        ...(t.judged ? { judged: t.judged } : {}),
        ...(t.preRollout ? { preRollout: t.preRollout } : {})
    }));
}


/***/ }),

/***/ 13609:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runVerify: () => (/* binding */ runVerify)
});

;// CONCATENATED MODULE: ./src/decide/cancellation.ts
const CANCELLED_REASON = 'the run was cancelled before every check had run';
function applyCancellation(decision, cancelled) {
    if (!cancelled)
        return decision;
    return {
        verdict: decision.verdict === 'passed' ? 'inconclusive' : decision.verdict,
        reasons: [CANCELLED_REASON, ...decision.reasons]
    };
}

;// CONCATENATED MODULE: ./src/decide/skip-analysis.ts
function decideAnalysisSkip(configuredChecks, targets, dryRun) {
    if (configuredChecks === 0 || dryRun)
        return undefined;
    const workloadFailed = targets.some((t) => t.checks.some((c) => c.status === 'failed'));
    if (!workloadFailed)
        return undefined;
    return {
        log: 'PromQL analysis skipped: the rollout checks already failed',
        row: {
            id: 'analysis',
            title: 'PromQL analysis',
            expected: `${configuredChecks} metric check(s)`,
            actual: 'not run',
            status: 'skipped',
            reason: 'skipped: the rollout checks already failed, so the verdict is failed whatever the metrics say'
        }
    };
}

// EXTERNAL MODULE: ./src/decide/verdict.ts
var decide_verdict = __webpack_require__(6501);
// EXTERNAL MODULE: ./src/gitops/argocd.ts
var argocd = __webpack_require__(32128);
// EXTERNAL MODULE: ./src/kube/api.ts
var api = __webpack_require__(30985);
;// CONCATENATED MODULE: ./src/gitops/errors.ts
/**
 * Turns a failure to read GitOps state into a row. We could not look, so the row is inconclusive:
 * never passed (a gate must not let an unknown through) and never failed (the deploy may be fine).
 */

function readErrorRow(row, error, namespace) {
    const base = { ...row, status: 'inconclusive' };
    if (error instanceof api/* KubeApiError */.W) {
        if (error.reason === 'forbidden') {
            // The client's message normally names the missing permission; add one when it does not.
            const hint = /rbac|role|permission|grant/i.test(error.message)
                ? ''
                : ` (RBAC: the runner's identity needs "${error.verb}" on ${error.resource} in namespace "${namespace}")`;
            return { ...base, actual: 'forbidden', reason: `${error.message}${hint}` };
        }
        if (error.transient) {
            return {
                ...base,
                actual: `API ${error.reason}`,
                reason: `Could not read the state (${error.reason}): ${error.message}`
            };
        }
        return { ...base, actual: `API error: ${error.reason}`, reason: error.message };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { ...base, actual: 'error', reason: `Could not read the state: ${message}` };
}

// EXTERNAL MODULE: ./src/gitops/resources.ts
var resources = __webpack_require__(51153);
// EXTERNAL MODULE: ./src/gitops/text.ts
var gitops_text = __webpack_require__(87697);
;// CONCATENATED MODULE: ./src/gitops/flux.ts


const FLUX_ROW_ID = 'flux';
function fluxTitle(kind, name) {
    return `Flux ${kind} ${name}`;
}
const RESOURCES = { Kustomization: resources/* FLUX_KUSTOMIZATIONS */.DB, HelmRelease: resources/* FLUX_HELMRELEASES */.JK };
function condition(obj, type) {
    return obj.status?.conditions?.find((c) => c.type === type);
}
/** `Stalled (RetriesExceeded): upgrade failed` */
function describeCondition(c) {
    const head = c.reason ? `${c.type} (${c.reason})` : c.type;
    return c.message ? `${head}: ${(0,gitops_text/* clip */.$Q)(c.message, 300)}` : head;
}
function actualOf(obj, ready) {
    const applied = obj.status?.lastAppliedRevision;
    const attempted = obj.status?.lastAttemptedRevision;
    return (0,gitops_text/* joinPresent */.uE)([
        obj.spec?.suspend === true ? 'suspended' : undefined,
        ready ? `Ready=${ready.status}${ready.reason ? ` (${ready.reason})` : ''}` : 'no Ready condition',
        applied ? `applied ${(0,gitops_text/* shortRevision */.w7)(applied)}` : undefined,
        attempted && attempted !== applied ? `attempted ${(0,gitops_text/* shortRevision */.w7)(attempted)}` : undefined
    ]);
}
/** The generation the controller has not caught up with yet, if any (object-level or on Ready). */
function unobservedGeneration(obj, ready) {
    const generation = obj.metadata.generation;
    if (generation === undefined)
        return undefined;
    const observed = [obj.status?.observedGeneration, ready?.observedGeneration].filter((g) => g !== undefined);
    return observed.some((g) => g < generation) ? generation : undefined;
}
/** One row for a Flux object: passed only when Ready=True for the current generation. */
function evaluateFluxObject(kind, obj) {
    const ref = `${kind} ${obj.metadata.namespace ? `${obj.metadata.namespace}/` : ''}${obj.metadata.name}`;
    const ready = condition(obj, 'Ready');
    const row = {
        id: FLUX_ROW_ID,
        title: fluxTitle(kind, obj.metadata.name),
        expected: 'Ready',
        actual: actualOf(obj, ready),
        status: 'passed'
    };
    const failed = (reason) => ({ ...row, status: 'failed', reason });
    const inconclusive = (reason) => ({ ...row, status: 'inconclusive', reason });
    if (obj.spec?.suspend === true) {
        return failed(`${ref} is suspended (spec.suspend: true): Flux applies no changes until it is resumed.`);
    }
    const stalled = condition(obj, 'Stalled');
    if (stalled?.status === 'True')
        return failed(`${ref} is stalled: ${describeCondition(stalled)}.`);
    const generation = unobservedGeneration(obj, ready);
    if (generation !== undefined) {
        return inconclusive(`The Flux controller has not yet reconciled generation ${generation} of ${ref}.`);
    }
    const reconciling = condition(obj, 'Reconciling');
    if (reconciling?.status === 'True')
        return inconclusive(`${ref} is still reconciling: ${describeCondition(reconciling)}.`);
    if (ready?.status === 'True')
        return row;
    if (ready?.status === 'False')
        return failed(`${ref} is not ready: ${describeCondition(ready)}.`);
    return inconclusive(ready
        ? `${ref} readiness is Unknown: ${describeCondition(ready)}.`
        : `${ref} has no Ready condition yet; Flux may not have reconciled it.`);
}
function fluxObjectNotFound(target) {
    return {
        id: FLUX_ROW_ID,
        title: fluxTitle(target.kind, target.name),
        expected: 'Ready',
        actual: 'not found',
        status: 'failed',
        reason: `No Flux ${target.kind} "${target.name}" in namespace "${target.namespace}": check verify.gitops.flux (kind, name, namespace — Flux objects often live in "flux-system") and that Flux with ${RESOURCES[target.kind].apiVersion} is installed.`
    };
}
/** Reads the Flux object and evaluates it. Throws KubeApiError on API failures (see index.ts). */
async function checkFlux(api, target) {
    const obj = await api.get(RESOURCES[target.kind], target.namespace, target.name);
    return obj ? evaluateFluxObject(target.kind, obj) : fluxObjectNotFound(target);
}

// EXTERNAL MODULE: ./src/gitops/helm-decode.ts
var helm_decode = __webpack_require__(13517);
;// CONCATENATED MODULE: ./src/gitops/helm.ts



const HELM_ROW_ID = 'helm';
function helmTitle(release) {
    return `Helm release ${release}`;
}
/** Revision of a release Secret: its `version` label, else the `.v<N>` suffix of `sh.helm.release.v1.<name>.v<N>`. */
function secretVersion(secret) {
    const label = secret.metadata.labels?.version;
    if (label !== undefined)
        return Number(label);
    const suffix = /\.v(\d+)$/.exec(secret.metadata.name);
    return suffix ? Number(suffix[1]) : Number.NaN;
}
/** The Secret of the newest revision (max `version`), as `helm status` picks it. */
function latestReleaseSecret(secrets) {
    let latest;
    for (const secret of secrets) {
        const version = secretVersion(secret);
        if (Number.isInteger(version) && (!latest || version > latest.version))
            latest = { secret, version };
    }
    return latest?.secret;
}
function describeRecord(record) {
    const meta = record.chart?.metadata;
    const chart = meta?.name ? `chart ${meta.name}${meta.version ? `-${meta.version}` : ''}` : undefined;
    const details = (0,gitops_text/* joinPresent */.uE)([
        record.version !== undefined ? `revision ${record.version}` : undefined,
        chart,
        record.info?.description ? (0,gitops_text/* clip */.$Q)(record.info.description, 200) : undefined
    ]);
    return (0,gitops_text/* joinPresent */.uE)([record.info?.status ?? 'no status', details ? `(${details})` : undefined], ' ');
}
function failureReason(release, status, description) {
    const why = description ? `: ${(0,gitops_text/* clip */.$Q)(description, 300)}` : '';
    if (status?.startsWith('pending-')) {
        return `Helm release "${release}" is ${status}: an operation is still running or was interrupted${why}.`;
    }
    if (status === 'superseded')
        return `The latest revision of Helm release "${release}" is superseded, not deployed${why}.`;
    return `Helm release "${release}" is ${status ?? 'without status'}${why}.`;
}
/** One row: passed when the newest revision is `deployed`; `unknown` is inconclusive; anything else failed. */
function evaluateHelmRelease(release, record, namespace) {
    const row = {
        id: HELM_ROW_ID,
        title: helmTitle(release),
        expected: 'deployed',
        actual: '',
        status: 'passed'
    };
    if (!record) {
        return {
            ...row,
            actual: 'release not found',
            status: 'failed',
            reason: `No Helm release "${release}" in namespace "${namespace}" (no Secrets labelled owner=helm,name=${release}): check verify.gitops.helm.release and namespace.`
        };
    }
    const status = record.info?.status;
    row.actual = describeRecord(record);
    if (status === 'deployed')
        return row;
    if (status === 'unknown') {
        return { ...row, status: 'inconclusive', reason: `Helm reports the state of release "${release}" as unknown.` };
    }
    return { ...row, status: 'failed', reason: failureReason(release, status, record.info?.description) };
}
/** Lists the release Secrets, decodes the newest and evaluates it. Throws KubeApiError on API failures. */
async function checkHelm(api, target) {
    const secrets = await api.list(resources/* SECRETS */.cW, target.namespace, {
        labelSelector: `owner=helm,name=${target.release}`
    });
    const latest = latestReleaseSecret(secrets);
    if (!latest)
        return evaluateHelmRelease(target.release, undefined, target.namespace);
    const data = latest.data?.release;
    try {
        if (!data)
            throw new Error('the Secret has no data.release');
        return evaluateHelmRelease(target.release, (0,helm_decode/* decodeHelmRelease */.M)(data), target.namespace);
    }
    catch (error) {
        return {
            id: HELM_ROW_ID,
            title: helmTitle(target.release),
            expected: 'deployed',
            actual: `unreadable release Secret ${latest.metadata.name}`,
            status: 'inconclusive',
            reason: `Could not decode Helm release Secret "${latest.metadata.name}": ${error instanceof Error ? error.message : String(error)}.`
        };
    }
}

;// CONCATENATED MODULE: ./src/gitops/index.ts




const DEFAULT_ARGO_NAMESPACE = 'argocd';
async function guarded(row, namespace, read) {
    try {
        return await read();
    }
    catch (error) {
        return [readErrorRow(row, error, namespace)];
    }
}
async function checkGitOps(api, gitops, defaultNamespace) {
    const pending = [];
    if (gitops.argocd) {
        const target = { ...gitops.argocd, namespace: gitops.argocd.namespace || DEFAULT_ARGO_NAMESPACE };
        const row = { ...argocd/* ARGO_ROW */.ZT, expected: 'Synced and Healthy' };
        pending.push(guarded(row, target.namespace, () => (0,argocd/* checkArgoCd */.fz)(api, target)));
    }
    if (gitops.flux) {
        const target = { ...gitops.flux, namespace: gitops.flux.namespace || defaultNamespace };
        const row = { id: FLUX_ROW_ID, title: fluxTitle(target.kind, target.name), expected: 'Ready' };
        pending.push(guarded(row, target.namespace, async () => [await checkFlux(api, target)]));
    }
    if (gitops.helm) {
        const target = { release: gitops.helm.release, namespace: gitops.helm.namespace || defaultNamespace };
        const row = { id: HELM_ROW_ID, title: helmTitle(target.release), expected: 'deployed' };
        pending.push(guarded(row, target.namespace, async () => [await checkHelm(api, target)]));
    }
    return (await Promise.all(pending)).flat();
}





// EXTERNAL MODULE: ./src/verify/workload.ts + 20 modules
var workload = __webpack_require__(8583);
// EXTERNAL MODULE: ./src/commands/analysis-step.ts + 7 modules
var analysis_step = __webpack_require__(9049);
;// CONCATENATED MODULE: ./src/commands/kube-failure.ts
function kubeUnavailableTarget(ref, error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
        ref,
        checks: [
            {
                id: 'kubernetes-access',
                title: 'Kubernetes access',
                expected: 'a usable kubeconfig and a reachable API server',
                actual: message,
                status: 'inconclusive',
                reason: `could not set up the Kubernetes client: ${message}`
            }
        ]
    };
}

// EXTERNAL MODULE: ./src/commands/version.ts
var commands_version = __webpack_require__(14086);
// EXTERNAL MODULE: ./src/commands/act-step.ts + 2 modules
var act_step = __webpack_require__(34770);
;// CONCATENATED MODULE: ./src/commands/verify.ts









async function runVerify(config, ctx) {
    const startedAt = ctx.now();
    let api;
    let kubeError;
    try {
        api = await ctx.kube();
    }
    catch (error) {
        kubeError = error;
    }
    const targets = [];
    for (const ref of config.targets) {
        const label = `${ref.kind.toLowerCase()}/${ref.name} in ${ref.namespace}`;
        const result = api
            ? await ctx.group(`verify ${label}`, () => (0,workload.verifyWorkload)(api, ref, config.verify, { startedAt, log: (line) => ctx.log(line), signal: ctx.signal }))
            : kubeUnavailableTarget(ref, kubeError);
        targets.push(result);
    }
    const checks = [];
    if (ctx.signal.aborted)
        return finish(config, ctx, startedAt, targets, checks, undefined, true);
    if (config.verify.smoke.length > 0) {
        // Loaded only when configured: axios is start-up cost every other run would pay for nothing.
        const { runSmokeCheck } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(542), __webpack_require__.e(964)]).then(__webpack_require__.bind(__webpack_require__, 63583));
        await ctx.group('smoke checks', async () => {
            for (const smoke of config.verify.smoke)
                checks.push(await runSmokeCheck(smoke, { log: (line) => ctx.log(line), signal: ctx.signal }));
        });
    }
    if (api && Object.keys(config.verify.gitops).length > 0) {
        const defaultNamespace = config.targets[0]?.namespace ?? 'default';
        checks.push(...(await ctx.group('GitOps state', () => checkGitOps(api, config.verify.gitops, defaultNamespace))));
    }
    let analysis;
    const skip = decideAnalysisSkip(config.analysis?.checks.length ?? 0, targets, config.dryRun);
    if (skip) {
        ctx.log(skip.log);
        checks.push(skip.row);
    }
    else if (config.analysis && config.analysis.checks.length > 0) {
        const version = (0,commands_version.resolveVersion)(config, targets);
        const starts = targets.flatMap((t) => (t.rolloutStartedAt ? [Date.parse(t.rolloutStartedAt)] : []));
        const deployStartedAt = starts.length > 0 ? new Date(Math.min(...starts)) : undefined;
        analysis = await ctx.group('PromQL analysis', () => (0,analysis_step.runConfiguredAnalysis)(config, version, ctx, deployStartedAt));
    }
    const result = finish(config, ctx, startedAt, targets, checks, analysis, ctx.signal.aborted);
    // act: the rollback policy decides; a cancelled run never starts one.
    return (0,act_step/* actOnVerdict */.f4)(result, config, ctx, (0,act_step/* targetsFromVerify */.u6)(targets));
}
function finish(config, ctx, startedAt, targets, checks, analysis, cancelled) {
    const { verdict, reasons } = applyCancellation((0,decide_verdict.decideVerdict)({ targets, checks, analysis }), cancelled);
    return {
        command: 'verify',
        startedAt: startedAt.toISOString(),
        finishedAt: ctx.now().toISOString(),
        verdict,
        action: 'none',
        reasons,
        dryRun: config.dryRun,
        targets,
        checks,
        analysis
    };
}


/***/ }),

/***/ 14086:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ imageTag),
/* harmony export */   resolveVersion: () => (/* binding */ resolveVersion)
/* harmony export */ });
function imageTag(image) {
    const withoutDigest = image.split('@')[0];
    const lastSlash = withoutDigest.lastIndexOf('/');
    const colon = withoutDigest.lastIndexOf(':');
    return colon > lastSlash ? withoutDigest.slice(colon + 1) : undefined;
}
function resolveVersion(config, targets) {
    if (config.version)
        return config.version;
    for (const target of targets) {
        const first = Object.values(target.images ?? {})[0];
        const tag = first ? imageTag(first) : undefined;
        if (tag)
            return tag;
    }
    return undefined;
}


/***/ }),

/***/ 6501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   decideVerdict: () => (/* binding */ decideVerdict)
/* harmony export */ });
const targetLabel = (t) => `${t.ref.kind.toLowerCase()}/${t.ref.name}`;
const why = (check) => check.reason ?? `expected ${check.expected}, got ${check.actual}`;
/**
 * One reason per distinct cause: rows of one target that share a reason (every row inconclusive
 * because a LIST was forbidden) become one line naming them all, not seven copies.
 */
function reasonsFor(checks, status, where) {
    const byReason = new Map();
    for (const check of checks) {
        if (check.status !== status)
            continue;
        const titles = byReason.get(why(check)) ?? [];
        titles.push(check.title);
        byReason.set(why(check), titles);
    }
    const prefix = where ? `${where}: ` : '';
    return [...byReason].map(([reason, titles]) => titles.length === 1
        ? `${prefix}${titles[0]}: ${reason}`
        : `${prefix}${titles.join(', ')} (${titles.length} checks): ${reason}`);
}
function decideVerdict(input) {
    const failed = [];
    const inconclusive = [];
    for (const target of input.targets) {
        failed.push(...reasonsFor(target.checks, 'failed', targetLabel(target)));
        inconclusive.push(...reasonsFor(target.checks, 'inconclusive', targetLabel(target)));
    }
    failed.push(...reasonsFor(input.checks, 'failed'));
    inconclusive.push(...reasonsFor(input.checks, 'inconclusive'));
    const analysis = input.analysis;
    if (analysis) {
        const before = failed.length + inconclusive.length;
        for (const metric of analysis.checks) {
            if (metric.dryRun)
                continue;
            if (metric.status === 'failed')
                failed.push(metric.reason);
            if (metric.status === 'inconclusive')
                inconclusive.push(metric.reason);
        }
        // An analysis that could not run at all (no Prometheus, unknown version) has no check rows but
        // still has a verdict: it must never read as a pass.
        if (failed.length + inconclusive.length === before && analysis.verdict !== 'passed') {
            ;
            (analysis.verdict === 'failed' ? failed : inconclusive).push(...analysis.reasons);
        }
    }
    if (failed.length > 0)
        return { verdict: 'failed', reasons: [...failed, ...inconclusive] };
    if (inconclusive.length > 0)
        return { verdict: 'inconclusive', reasons: inconclusive };
    return { verdict: 'passed', reasons: [] };
}


/***/ }),

/***/ 32128:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZT: () => (/* binding */ ARGO_ROW),
/* harmony export */   _3: () => (/* binding */ revisionsMatch),
/* harmony export */   fz: () => (/* binding */ checkArgoCd)
/* harmony export */ });
/* unused harmony exports evaluateArgoApplication, argoApplicationNotFound */
/* harmony import */ var _resources_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51153);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(87697);


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

/***/ 13517:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ decodeHelmRelease)
/* harmony export */ });
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38522);
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

/***/ 51153:
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

/***/ 87697:
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

/***/ 72504:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ withDeadline)
/* harmony export */ });
/** setTimeout's ceiling (about 24.8 days); AbortSignal.timeout would clamp anything longer to 1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;
function withDeadline(api, deadline) {
    const view = () => {
        const ms = Math.min(MAX_TIMER_MS, Math.max(deadline.floorMs, Math.round(deadline.at - deadline.now())));
        return api.withSignal(AbortSignal.any([deadline.signal, AbortSignal.timeout(ms)]));
    };
    return {
        server: api.server,
        get requestCount() {
            return api.requestCount;
        },
        withSignal: (signal) => withDeadline(api.withSignal(signal), deadline),
        resourceFor: (kind, apiVersion) => view().resourceFor(kind, apiVersion),
        get: (...args) => view().get(...args),
        list: (...args) => view().list(...args),
        podLog: (...args) => view().podLog(...args),
        patch: (...args) => view().patch(...args),
        delete: (...args) => view().delete(...args)
    };
}


/***/ })

};
