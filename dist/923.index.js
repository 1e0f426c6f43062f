export const id = 923;
export const ids = [923,86,153,783,501];
export const modules = {

/***/ 4770:
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
var deadline_api = __webpack_require__(2504);
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
    const { rollBackTarget, notStarted } = await Promise.all(/* import() */[__webpack_require__.e(855), __webpack_require__.e(93), __webpack_require__.e(477)]).then(__webpack_require__.bind(__webpack_require__, 93));
    const { verifyWorkload } = await Promise.all(/* import() */[__webpack_require__.e(855), __webpack_require__.e(583)]).then(__webpack_require__.bind(__webpack_require__, 8583));
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
    const { resolveVersion } = await __webpack_require__.e(/* import() */ 86).then(__webpack_require__.bind(__webpack_require__, 4086));
    const version = resolveVersion({ ...config, version: undefined }, [result]);
    // No alerts gate here: alerts the bad version set off keep firing for a while after the rollback,
    // and must not fail the restored version.
    const analysis = await ctx.group('PromQL analysis of the restored version', () => runConfiguredAnalysis(config, version, ctx, since, { alerts: false }));
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

/***/ 1923:
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
var argocd = __webpack_require__(9747);
// EXTERNAL MODULE: ./src/kube/api.ts
var api = __webpack_require__(985);
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
var resources = __webpack_require__(1153);
// EXTERNAL MODULE: ./src/gitops/text.ts
var gitops_text = __webpack_require__(7697);
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
var helm_decode = __webpack_require__(3517);
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





// EXTERNAL MODULE: ./src/evaluate/events.ts
var events = __webpack_require__(5270);
;// CONCATENATED MODULE: ./src/util/bounded-map.ts
/**
 * Maps items with at most `limit` calls in flight, results in input order.
 * Twenty lines rather than a dependency: p-limit/p-map are not dependencies of this project (p-limit
 * in node_modules is an old transitive copy), and what we need is this one loop.
 */
async function mapBounded(items, limit, fn) {
    if (!Number.isInteger(limit) || limit < 1)
        throw new Error(`concurrency must be a whole number >= 1, got ${limit}`);
    const results = new Array(items.length);
    let next = 0;
    let failed = false;
    // Each worker takes the next item when it finishes one; after a failure no new item starts, and the
    // first error is what the caller sees (like Promise.all, but without starting the rest).
    const worker = async () => {
        while (!failed && next < items.length) {
            const index = next++;
            try {
                results[index] = await fn(items[index], index);
            }
            catch (error) {
                failed = true;
                throw error;
            }
        }
    };
    const workers = Array.from({ length: Math.min(limit, items.length) }, () => worker());
    await Promise.all(workers);
    return results;
}

// EXTERNAL MODULE: ./src/kube/errors.ts
var errors = __webpack_require__(3646);
;// CONCATENATED MODULE: ./src/kube/label-selector-text.ts
/**
 * Matching a label selector given as text (`app=api,pod-template-hash=abc`, `tier in (a,b)`, `!legacy`)
 * on the client, so one namespace-wide LIST can answer several selector LISTs. Pure.
 * Deliberately partial: anything outside the forms this project writes (equality, sets, existence)
 * parses to undefined, and the caller then asks the API server, whose grammar is the reference.
 */
const KEY = /^(?:[a-z0-9](?:[-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;
/** Splits on commas outside parentheses (the `in (a,b)` sets); undefined when parentheses do not pair. */
function terms(selector) {
    const parts = [];
    let depth = 0;
    let current = '';
    for (const ch of selector) {
        if (ch === '(')
            depth++;
        if (ch === ')')
            depth--;
        if (depth < 0 || depth > 1)
            return undefined;
        if (ch === ',' && depth === 0) {
            parts.push(current.trim());
            current = '';
        }
        else
            current += ch;
    }
    if (depth !== 0)
        return undefined;
    parts.push(current.trim());
    return parts;
}
function term(text) {
    const has = (labels, key) => labels !== undefined && Object.prototype.hasOwnProperty.call(labels, key);
    const set = /^(\S+)\s+(in|notin)\s*\(([^()]*)\)$/.exec(text);
    if (set) {
        const [, key, op, list] = set;
        const values = list.split(',').map((v) => v.trim());
        if (!KEY.test(key) || !values.every((v) => VALUE.test(v)))
            return undefined;
        return op === 'in'
            ? (labels) => has(labels, key) && values.includes(labels[key])
            : (labels) => !has(labels, key) || !values.includes(labels[key]);
    }
    const equality = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(text);
    if (equality) {
        const [, key, op, value] = equality;
        if (!KEY.test(key) || !VALUE.test(value))
            return undefined;
        // `!=` also matches objects without the label, as on the API server.
        return op === '!='
            ? (labels) => !has(labels, key) || labels[key] !== value
            : (labels) => has(labels, key) && labels[key] === value;
    }
    if (text.startsWith('!')) {
        const key = text.slice(1).trim();
        return KEY.test(key) ? (labels) => !has(labels, key) : undefined;
    }
    return KEY.test(text) ? (labels) => has(labels, text) : undefined;
}
/** The selector as a predicate; an empty selector matches everything; undefined when not understood. */
function labelSelectorPredicate(selector) {
    const text = (selector ?? '').trim();
    if (text === '')
        return () => true;
    const parts = terms(text);
    if (!parts)
        return undefined;
    const predicates = [];
    for (const part of parts) {
        const predicate = part === '' ? undefined : term(part);
        if (!predicate)
            return undefined;
        predicates.push(predicate);
    }
    return (labels) => predicates.every((p) => p(labels));
}

// EXTERNAL MODULE: ./src/kube/resources.ts
var kube_resources = __webpack_require__(6804);
;// CONCATENATED MODULE: ./src/verify/namespace-cache.ts
/**
 * One namespace-wide LIST per poll round instead of one LIST per target, where several targets of a
 * verify share a namespace. A KubeApi view per target answers its selector LISTs (pods, ReplicaSets,
 * Services, EndpointSlices, Warning events) and, for kinds with several targets in the namespace, its
 * GETs, by filtering a namespace-wide LIST that any target started less than `ttlMs` ago.
 *
 * Rules that keep each target's view as correct as its own requests would be:
 * - Only namespaces with two or more targets are shared: a lone target makes exactly the requests it
 *   made before (a namespace-wide LIST would cost it bytes and save nothing). A namespace-wide LIST
 *   that takes more pages than there are targets to share it (two targets among 5,000 pods) is not
 *   worth it either: after the first such LIST, that resource in that namespace goes direct.
 * - A target never reads older data than it already read: a cached LIST is reused only when it was
 *   started no earlier than everything this target read before (its watermark). So pods are never
 *   older than the Deployment status they are judged with, and a poll after a sleep never sees the
 *   data of the poll before it (the TTL is shorter than the poll interval, too).
 * - A selector this module does not understand, a LIST with `keep` on anything but events, or a
 *   namespace-wide LIST the client refuses as too large goes to the API server as asked.
 * - Warning events are listed with the run's earliest "since the deploy began" bound; each target's
 *   own `keep` then applies on top, so a target sees exactly the events its own LIST would have kept
 *   as long as its bound is not earlier than the run's (verify passes the run's start to every target).
 * - Served objects are copies: no target can change what another one reads.
 * - Waiting for a LIST another target started still ends at this target's deadline or cancellation;
 *   the LIST itself runs on the run's client (cancelled with the run, never by one target's deadline).
 */





const sharedGetKey = (namespace, kind) => `${namespace}\u0000${kind.toLowerCase()}`;
const EVENTS = 'events';
/** The client's page size for LISTs (KubeApi ListOptions.pageSize default). */
const PAGE_SIZE = 500;
class SharedNamespaceLists {
    api;
    options;
    lists = new Map();
    /** `namespace/resource` pairs whose namespace-wide LIST proved larger than sharing it saves. */
    direct = new Set();
    now;
    constructor(api, options) {
        this.api = api;
        this.options = options;
        this.now = options.now ?? Date.now;
    }
    /** A KubeApi for one target (its own watermark); everything not shared goes to `api` unchanged. */
    forTarget() {
        return this.view(this.api, { at: Number.NEGATIVE_INFINITY }, undefined);
    }
    view(direct, watermark, signal) {
        const overrides = {
            get: (type, namespace, name) => this.get(direct, watermark, signal, type, namespace, name),
            list: (type, namespace, options) => this.list(direct, watermark, signal, type, namespace, options ?? {}),
            withSignal: (scope) => this.view(direct.withSignal(scope), watermark, signal ? AbortSignal.any([signal, scope]) : scope)
        };
        // A Proxy rather than a literal that names every method: KubeApi grows (create, detachedFromRun,
        // …) and whatever this view does not share must reach the client unchanged, requestCount included.
        return new Proxy(direct, {
            get: (target, property) => {
                if (typeof property === 'string' && property in overrides)
                    return overrides[property];
                // Getters (requestCount) and methods run against the client itself, not the proxy.
                const value = Reflect.get(target, property, target);
                return typeof value === 'function' ? value.bind(target) : value;
            }
        });
    }
    async get(direct, watermark, signal, type, namespace, name) {
        if (!namespace ||
            !type.namespaced ||
            !this.options.sharedGets.has(sharedGetKey(namespace, type.kind)) ||
            this.direct.has(directKey(namespace, type))) {
            return this.directly(watermark, () => direct.get(type, namespace, name));
        }
        const items = await this.shared(watermark, signal, type, namespace, undefined, 'get');
        if (!items)
            return this.directly(watermark, () => direct.get(type, namespace, name));
        const found = items.find((o) => o.metadata.name === name);
        return found ? structuredClone(found) : undefined;
    }
    async list(direct, watermark, signal, type, namespace, options) {
        const matches = labelSelectorPredicate(options.labelSelector);
        const events = type.resource === EVENTS && type.apiVersion === 'v1';
        const shareable = namespace !== undefined &&
            type.namespaced &&
            this.options.namespaces.has(namespace) &&
            !this.direct.has(directKey(namespace, type)) &&
            matches !== undefined &&
            // Events are shared only with a `keep` (the since-bound, applied on top of the run's); other
            // kinds only without one, because the namespace-wide LIST is held whole.
            (events ? options.keep !== undefined : options.keep === undefined);
        const items = shareable
            ? await this.shared(watermark, signal, type, namespace, options.fieldSelector, 'list')
            : undefined;
        if (!items || !matches)
            return this.directly(watermark, () => direct.list(type, namespace, options));
        const keep = options.keep;
        return items
            .filter((o) => matches(o.metadata.labels) && (!keep || keep(o)))
            .map((o) => structuredClone(o));
    }
    /** A request made as asked; the watermark moves to when it started. */
    async directly(watermark, request) {
        const startedAt = this.now();
        const result = await request();
        watermark.at = Math.max(watermark.at, startedAt);
        return result;
    }
    /**
     * The namespace-wide LIST of `type` (with `fieldSelector`), reused when fresh enough for this target
     * or started now; undefined when the client refused it as too large (the caller asks directly).
     */
    async shared(watermark, signal, type, namespace, fieldSelector, verb) {
        const key = `${directKey(namespace, type)}\u0000${fieldSelector ?? ''}`;
        const now = this.now();
        let entry = this.lists.get(key);
        if (!entry || now - entry.startedAt >= this.options.ttlMs || entry.startedAt < watermark.at) {
            entry = { startedAt: now, items: this.listNamespace(type, namespace, fieldSelector) };
            this.lists.set(key, entry);
            const started = entry;
            started.items.then((items) => {
                // Events are one namespace-wide LIST for every target anyway; other kinds replace one
                // selector LIST a target, so more pages than targets to share them is a loss.
                const sharers = this.options.namespaces.get(namespace) ?? 0;
                if (type.resource !== EVENTS && Math.ceil(items.length / PAGE_SIZE) > sharers)
                    this.direct.add(directKey(namespace, type));
            }, 
            // A failed LIST is not reused; every waiter sees the failure once (caught below).
            () => {
                if (this.lists.get(key) === started)
                    this.lists.delete(key);
            });
        }
        try {
            const items = await untilAborted(entry.items, signal, () => (0,errors/* errorForAbort */._z)(signal, {
                verb,
                resource: type.resource,
                group: (0,kube_resources/* groupOf */.F8)(type.apiVersion),
                namespace,
                server: this.api.server
            }));
            watermark.at = Math.max(watermark.at, entry.startedAt);
            return items;
        }
        catch (error) {
            if (error instanceof api/* KubeApiError */.W && error.reason === 'too-large')
                return undefined;
            throw error;
        }
    }
    listNamespace(type, namespace, fieldSelector) {
        const notBefore = this.options.eventsNotBefore.getTime();
        const recent = (event) => {
            const seen = (0,events/* eventLastSeen */.ee)(event);
            // The same bound gather.ts applies (a second of clock skew allowed; no time: kept).
            return seen === undefined || Date.parse(seen) >= notBefore - 1000;
        };
        return this.api.list(type, namespace, {
            ...(fieldSelector ? { fieldSelector } : {}),
            ...(type.resource === EVENTS ? { keep: (o) => recent(o) } : {})
        });
    }
}
const directKey = (namespace, type) => `${namespace}\u0000${type.apiVersion}/${type.resource}`;
/** `promise`, or a rejection with `abortError()` as soon as `signal` aborts (the promise runs on). */
function untilAborted(promise, signal, abortError) {
    if (!signal)
        return promise;
    if (signal.aborted)
        return Promise.reject(abortError());
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(abortError());
        signal.addEventListener('abort', onAbort, { once: true });
        promise.then((value) => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
        }, (error) => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
        });
    });
}

// EXTERNAL MODULE: ./src/verify/workload.ts + 20 modules
var workload = __webpack_require__(8583);
;// CONCATENATED MODULE: ./src/verify/targets.ts




const DEFAULT_VERIFY_CONCURRENCY = 8;
/** A namespace-wide LIST is reused for at most this long (and at most half the poll interval). */
const SHARED_LIST_TTL_MS = 1000;
const STILL_RUNNING_EVERY_MS = 30_000;
const STILL_RUNNING_NAMED = 5;
async function verifyTargets(api, refs, config, startedAt, ctx) {
    const now = ctx.now ?? Date.now;
    const concurrency = Math.max(1, Math.min(config.concurrency ?? DEFAULT_VERIFY_CONCURRENCY, refs.length));
    const apiFor = targetApis(api, refs, config, concurrency, startedAt, now);
    const verifyOne = (ref, log) => (0,workload.verifyWorkload)(apiFor(), ref, config, { startedAt, timeoutFrom: new Date(now()), log, signal: ctx.signal, now });
    if (concurrency === 1) {
        const results = [];
        for (const ref of refs)
            results.push(await ctx.group(groupTitle(ref), () => verifyOne(ref, ctx.log)));
        return results;
    }
    ctx.log(`verifying ${refs.length} targets, ${concurrency} at a time; each target's log follows when it finishes`);
    // One group at a time: core.group awaits between opening and closing, so two finishing targets
    // could otherwise open their groups inside each other.
    let printed = Promise.resolve();
    const running = new Set();
    // Between groups only: a timer cannot fire inside one, since printing a group never waits on I/O.
    const reporter = setInterval(() => {
        const names = [...running].sort((a, b) => a - b).map((i) => targetLabel(refs[i]));
        const more = names.length > STILL_RUNNING_NAMED ? ` and ${names.length - STILL_RUNNING_NAMED} more` : '';
        ctx.log(`still verifying ${names.length} of ${refs.length} targets: ${names.slice(0, STILL_RUNNING_NAMED).join(', ')}${more}`);
    }, ctx.stillRunningEveryMs ?? STILL_RUNNING_EVERY_MS);
    try {
        return await mapBounded(refs, concurrency, async (ref, index) => {
            running.add(index);
            const lines = [];
            const result = await verifyOne(ref, (line) => lines.push(line)).finally(() => running.delete(index));
            const print = printed.then(() => ctx.group(groupTitle(ref), async () => {
                for (const line of lines)
                    ctx.log(line);
            }));
            printed = print.catch(() => undefined);
            await print;
            return result;
        });
    }
    finally {
        clearInterval(reporter);
    }
}
const targetLabel = (ref) => `${ref.kind.toLowerCase()}/${ref.name} in ${ref.namespace}`;
const groupTitle = (ref) => `verify ${targetLabel(ref)}`;
/** The client each target uses: a shared-LIST view where its namespace has other targets, else `api`. */
function targetApis(api, refs, config, concurrency, startedAt, now) {
    // One at a time, targets never overlap in a poll round: a namespace-wide LIST would only cost bytes.
    if (concurrency === 1)
        return () => api;
    const perNamespace = new Map();
    const perKind = new Map();
    for (const ref of refs) {
        perNamespace.set(ref.namespace, (perNamespace.get(ref.namespace) ?? 0) + 1);
        const key = sharedGetKey(ref.namespace, ref.kind);
        perKind.set(key, (perKind.get(key) ?? 0) + 1);
    }
    const several = (counts) => new Set([...counts].filter(([, n]) => n >= 2).map(([key]) => key));
    const namespaces = new Map([...perNamespace].filter(([, n]) => n >= 2).map(([ns, n]) => [ns, Math.min(n, concurrency)]));
    if (namespaces.size === 0)
        return () => api;
    const lists = new SharedNamespaceLists(api, {
        namespaces,
        sharedGets: several(perKind),
        // Below the poll interval, so a target's next poll never reuses the LIST of its previous one.
        ttlMs: Math.min(SHARED_LIST_TTL_MS, config.pollInterval / 2),
        // The bound every target's gather passes (verifyWorkload: startedAt - ROLLOUT_LOOKBACK_MS).
        eventsNotBefore: new Date(startedAt.getTime() - events/* ROLLOUT_LOOKBACK_MS */.Mb),
        now
    });
    return () => lists.forTarget();
}

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
var commands_version = __webpack_require__(4086);
// EXTERNAL MODULE: ./src/commands/act-step.ts + 2 modules
var act_step = __webpack_require__(4770);
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
    // Concurrently, a few at a time, each with the whole timeout; results in config order.
    const targets = api
        ? await verifyTargets(api, config.targets, config.verify, startedAt, {
            log: (line) => ctx.log(line),
            group: (title, fn) => ctx.group(title, fn),
            signal: ctx.signal
        })
        : config.targets.map((ref) => kubeUnavailableTarget(ref, kubeError));
    const checks = [];
    if (ctx.signal.aborted)
        return finish(config, ctx, startedAt, targets, checks, undefined, true);
    if (config.verify.smoke.length > 0) {
        // Loaded only when configured: axios is start-up cost every other run would pay for nothing.
        const { runSmokeCheck } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(542), __webpack_require__.e(964)]).then(__webpack_require__.bind(__webpack_require__, 3583));
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
        analysis = await ctx.group('PromQL analysis', () => (0,analysis_step.runConfiguredAnalysis)(config, version, ctx, deployStartedAt, { alerts: false }));
    }
    // Alerts last, after every target, so they had the rollout (and the analysis window) to fire.
    if (config.alerts && !ctx.signal.aborted) {
        const { verifyAlertRows } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(542), __webpack_require__.e(805)]).then(__webpack_require__.bind(__webpack_require__, 4805));
        const version = (0,commands_version.resolveVersion)(config, targets);
        checks.push(...(await ctx.group('alerts', () => verifyAlertRows(config, ctx, targets, { startedAt, version }))));
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

/***/ 4086:
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
        // The alerts gate rides on the analysis (src/alerts/gate.ts): its row counts like a run-level row.
        const gate = analysis.alerts ? [analysis.alerts] : [];
        failed.push(...reasonsFor(gate, 'failed'));
        inconclusive.push(...reasonsFor(gate, 'inconclusive'));
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

/***/ 2504:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ withDeadline)
/* harmony export */ });
/* harmony import */ var _util_sleep_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7783);
// setTimeout's ceiling (about 24.8 days); AbortSignal.timeout would clamp anything longer to 1 ms.

function withDeadline(api, deadline) {
    const view = () => {
        const ms = Math.min(_util_sleep_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_TIMER_MS */ ._, Math.max(deadline.floorMs, Math.round(deadline.at - deadline.now())));
        return api.withSignal(AbortSignal.any([deadline.signal, AbortSignal.timeout(ms)]));
    };
    return {
        server: api.server,
        get requestCount() {
            return api.requestCount;
        },
        withSignal: (signal) => withDeadline(api.withSignal(signal), deadline),
        // Detached views keep only their own signal: the deadline is the run's, clean-up has its own.
        detachedFromRun: (signal) => api.detachedFromRun(signal),
        create: (...args) => view().create(...args),
        resourceFor: (kind, apiVersion) => view().resourceFor(kind, apiVersion),
        get: (...args) => view().get(...args),
        list: (...args) => view().list(...args),
        podLog: (...args) => view().podLog(...args),
        patch: (...args) => view().patch(...args),
        delete: (...args) => view().delete(...args)
    };
}


/***/ }),

/***/ 3646:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U6: () => (/* binding */ errorForStatus),
/* harmony export */   Wd: () => (/* binding */ RetryAfterKubeApiError),
/* harmony export */   Zy: () => (/* binding */ errorForTransport),
/* harmony export */   _z: () => (/* binding */ errorForAbort)
/* harmony export */ });
/* unused harmony exports statusMessage, describeRequest */
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(985);
/* harmony import */ var _transport_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4854);
/* harmony import */ var _util_tls_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8557);
/* harmony import */ var _util_retry_after_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9361);
/** Turns HTTP responses and transport failures into KubeApiError with messages a user can act on. Pure. */




/** A transient error that also says how long the server asked us to wait (429/503 Retry-After). */
class RetryAfterKubeApiError extends _api_js__WEBPACK_IMPORTED_MODULE_0__/* .KubeApiError */ .W {
    retryAfterMs;
    constructor(source, retryAfterMs) {
        super(source.message, source.reason, source.status, source.verb, source.resource);
        this.retryAfterMs = retryAfterMs;
    }
}
const qualified = (d) => (d.group ? `${d.resource}.${d.group}` : d.resource);
const scope = (d) => (d.namespace ? `in namespace "${d.namespace}"` : 'at cluster scope');
/** The message field of a Kubernetes Status body, if the body is one. */
function statusMessage(body) {
    try {
        const parsed = JSON.parse(body);
        return typeof parsed.message === 'string' ? parsed.message : undefined;
    }
    catch {
        return undefined;
    }
}
function errorForStatus(status, body, d, headers = {}) {
    const serverSays = statusMessage(body) ?? (body.trim().slice(0, 300) || `HTTP ${status}`);
    const make = (message, reason) => new _api_js__WEBPACK_IMPORTED_MODULE_0__/* .KubeApiError */ .W(message, reason, status, d.verb, qualified(d));
    switch (true) {
        case status === 404:
            return make(d.name ? `${qualified(d)} "${d.name}" not found ${scope(d)}` : `not found: ${serverSays}`, 'not-found');
        case status === 403:
            return make(`forbidden: cannot ${d.verb} ${d.resource} ${scope(d)} — grant verbs ["${d.verb}"] on resources ["${d.resource}"] (apiGroups ["${d.group}"])`, 'forbidden');
        case status === 401:
            return make(`the Kubernetes API at ${d.server} rejected the credentials (401 Unauthorized); check the kubeconfig user`, 'unauthorized');
        case status === 409:
            return make(`conflict: ${serverSays}`, 'conflict');
        case status === 429 || status >= 500: {
            const error = make(`the Kubernetes API at ${d.server} answered ${status} to ${d.verb} ${qualified(d)}: ${serverSays}`, 'server-error');
            const retryAfter = (0,_util_retry_after_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRetryAfter */ .m)(headers['retry-after']);
            return retryAfter === undefined ? error : new RetryAfterKubeApiError(error, retryAfter);
        }
        default:
            return make(`invalid request to ${d.verb} ${qualified(d)} (${status}): ${serverSays}`, 'invalid');
    }
}
/** `get deployments.apps "api" in namespace "prod"`: the request, for messages. */
function describeRequest(d) {
    return `${d.verb} ${qualified(d)}${d.name ? ` "${d.name}"` : ''} ${scope(d)}`;
}
/** A request its caller's signal stopped: a deadline passed (AbortSignal.timeout) or the run was cancelled. */
function errorForAbort(signal, d) {
    const reason = signal.reason;
    const deadline = reason?.name === 'TimeoutError';
    return new _api_js__WEBPACK_IMPORTED_MODULE_0__/* .KubeRequestAbortedError */ .M(deadline
        ? `the Kubernetes API at ${d.server} did not answer ${describeRequest(d)} before the deadline`
        : `${describeRequest(d)} at ${d.server} was cancelled`, d.verb, qualified(d), deadline ? 'deadline' : 'cancelled');
}
/** A failure without a response: timeout, refused, reset, DNS, TLS, a body over the size cap. */
function errorForTransport(error, d) {
    const e = error;
    if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
        return new _api_js__WEBPACK_IMPORTED_MODULE_0__/* .KubeApiError */ .W(`the Kubernetes API at ${d.server} did not answer ${d.verb} ${qualified(d)} in time`, 'timeout', undefined, d.verb, qualified(d));
    }
    if (error instanceof _transport_types_js__WEBPACK_IMPORTED_MODULE_1__/* .ResponseTooLargeError */ .by) {
        return new _api_js__WEBPACK_IMPORTED_MODULE_0__/* .KubeApiError */ .W(`the Kubernetes API at ${d.server} answered ${describeRequest(d)} with more than ${Math.round(error.limitBytes / 1024 / 1024)} MiB; deploy-guard does not read answers that large (a misbehaving server or proxy?)`, 'too-large', undefined, d.verb, qualified(d));
    }
    const tls = (0,_util_tls_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .tlsVerificationProblem */ .g)(error);
    if (tls) {
        return new _api_js__WEBPACK_IMPORTED_MODULE_0__/* .KubeApiError */ .W(`cannot verify the TLS certificate of the Kubernetes API at ${d.server} (${tls.code}): ${tls.hint}; check the cluster's certificate-authority-data (or certificate-authority, tls-server-name) in the kubeconfig`, 'tls', undefined, d.verb, qualified(d));
    }
    const cause = e?.cause;
    // Node's messages usually embed the code ("connect ECONNREFUSED 127.0.0.1:6443"); add it when they do not.
    const message = cause?.message ?? e?.message ?? String(error);
    const detail = cause?.code && !message.includes(cause.code) ? `${cause.code}: ${message}` : message;
    return new _api_js__WEBPACK_IMPORTED_MODULE_0__/* .KubeApiError */ .W(`cannot reach the Kubernetes API at ${d.server}: ${detail}`, 'unreachable', undefined, d.verb, qualified(d));
}


/***/ }),

/***/ 4854:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   by: () => (/* binding */ ResponseTooLargeError),
/* harmony export */   fe: () => (/* binding */ DEFAULT_MAX_RESPONSE_BYTES),
/* harmony export */   lE: () => (/* binding */ CredentialsError),
/* harmony export */   vt: () => (/* binding */ abortError)
/* harmony export */ });
/**
 * What src/kube/client.ts needs from a transport: a server URL, a way to turn a request into one that
 * carries credentials, and a way to send it. One implementation today: node:https with our own
 * kubeconfig reader (./native.ts); tests inject fakes.
 */
/** 64 MiB: a 500-item page of large objects is a few MiB; more is a misbehaving server or proxy. */
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
/** Credentials could not be obtained (exec plugin failed, token file unreadable). Never retried. */
class CredentialsError extends Error {
    constructor(message) {
        super(message);
        this.name = 'CredentialsError';
    }
}
/** The response body went past TransportRequest.maxResponseBytes; the connection was dropped. */
class ResponseTooLargeError extends Error {
    limitBytes;
    constructor(limitBytes) {
        super(`the response is larger than ${Math.round(limitBytes / 1024 / 1024)} MiB`);
        this.limitBytes = limitBytes;
        this.name = 'ResponseTooLargeError';
    }
}
/** The error a send() rejects with when its signal aborts. */
function abortError(signal) {
    const error = new Error('the request was aborted', { cause: signal.reason });
    error.name = 'AbortError';
    return error;
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
