export const id = 914;
export const ids = [914,86,783,501];
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

/***/ 8914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runAnalyze: () => (/* binding */ runAnalyze)
/* harmony export */ });
/* harmony import */ var _decide_verdict_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6501);
/* harmony import */ var _kube_template_images_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5994);
/* harmony import */ var _kube_workload_template_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2482);
/* harmony import */ var _analysis_step_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9049);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4086);
/* harmony import */ var _act_step_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4770);
/* harmony import */ var _kube_workload_kinds_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6188);
/* harmony import */ var _decide_pre_rollout_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6705);
/* harmony import */ var _evaluate_events_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5270);









/** The first target's image tag: from `read` (the first target as already read), else one GET of it. */
async function versionFromCluster(config, ctx, read) {
    const first = config.targets[0];
    if (!first)
        return undefined;
    try {
        const images = read ? (0,_kube_workload_template_js__WEBPACK_IMPORTED_MODULE_3__/* .templateImages */ .TD)(read) : await (0,_kube_template_images_js__WEBPACK_IMPORTED_MODULE_4__/* .readTemplateImages */ .p)(await ctx.kube(), first);
        const image = Object.values(images).find(Boolean);
        return image ? (0,_version_js__WEBPACK_IMPORTED_MODULE_5__/* .imageTag */ .I)(image) : undefined;
    }
    catch (error) {
        ctx.warn(`could not read the version from ${first.kind}/${first.name}: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
    }
}
async function runAnalyze(config, ctx) {
    const startedAt = ctx.now();
    // The targets as they are when the analysis starts: what the verdict is about, for the rollback's guards.
    const atStart = config.rollback.onFailure || config.rollback.onInconclusive
        ? await targetsAtStart(config, ctx, startedAt)
        : { targets: [] };
    const needsVersion = (0,_analysis_step_js__WEBPACK_IMPORTED_MODULE_0__/* .analysisUsesVersion */ .N)(config.analysis);
    const version = config.version ?? (needsVersion ? await versionFromCluster(config, ctx, atStart.first) : undefined);
    const analysis = await ctx.group('PromQL analysis', () => (0,_analysis_step_js__WEBPACK_IMPORTED_MODULE_0__.runConfiguredAnalysis)(config, version, ctx));
    const decision = (0,_decide_verdict_js__WEBPACK_IMPORTED_MODULE_6__.decideVerdict)({ targets: [], checks: [], analysis });
    const result = {
        command: 'analyze',
        startedAt: startedAt.toISOString(),
        finishedAt: ctx.now().toISOString(),
        verdict: decision.verdict,
        action: 'none',
        reasons: decision.verdict === 'passed' ? [] : decision.reasons.length ? decision.reasons : analysis.reasons,
        dryRun: config.dryRun,
        targets: [],
        checks: [],
        analysis
    };
    return (0,_act_step_js__WEBPACK_IMPORTED_MODULE_1__/* .actOnVerdict */ .f4)(result, config, ctx, atStart.targets);
}
/**
 * Reads each target once before the analysis: the state judged and the revision before its rollout,
 * and the first target's object (its image tag is the version when none is given).
 */
async function targetsAtStart(config, ctx, startedAt) {
    if (config.targets.length === 0)
        return { targets: [] };
    const { readWorkload } = await Promise.all(/* import() */[__webpack_require__.e(855), __webpack_require__.e(93), __webpack_require__.e(1)]).then(__webpack_require__.bind(__webpack_require__, 93));
    const targets = [];
    let first;
    for (const [index, ref] of config.targets.entries()) {
        const kind = (0,_kube_workload_kinds_js__WEBPACK_IMPORTED_MODULE_2__/* .workloadKindName */ .x)(ref.kind, ref.apiVersion);
        try {
            const read = kind ? await readWorkload(await ctx.kube(), kind, ref) : undefined;
            if (index === 0)
                first = read?.object;
            const preRollout = read
                ? (0,_decide_pre_rollout_js__WEBPACK_IMPORTED_MODULE_7__/* .inferPreRolloutRevision */ .O)({
                    current: read.revisions.current,
                    history: read.revisions.history,
                    verifyStartedAt: startedAt,
                    lookbackMs: _evaluate_events_js__WEBPACK_IMPORTED_MODULE_8__/* .ROLLOUT_LOOKBACK_MS */ .Mb
                })
                : undefined;
            targets.push({ ref, ...(read ? { judged: read.revisions.state } : {}), ...(preRollout ? { preRollout } : {}) });
        }
        catch (error) {
            ctx.warn(`could not read ${ref.kind}/${ref.name} before the analysis: ${error instanceof Error ? error.message : String(error)}`);
            targets.push({ ref });
        }
    }
    return { targets, ...(first ? { first } : {}) };
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

/***/ 6705:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ inferPreRolloutRevision)
/* harmony export */ });
function inferPreRolloutRevision(input) {
    const { current } = input;
    if (!current)
        return undefined;
    const created = current.createdAt ? Date.parse(current.createdAt) : Number.NaN;
    const ref = (r) => ({
        revision: r.revision,
        ...(r.templateHash !== undefined ? { templateHash: r.templateHash } : {})
    });
    if (!Number.isNaN(created) && created < input.verifyStartedAt.getTime() - input.lookbackMs)
        return ref(current);
    let best;
    for (const h of input.history)
        if (h.revision < current.revision && (!best || h.revision > best.revision))
            best = h;
    return best ? ref(best) : undefined;
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

/***/ 5270:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K4: () => (/* binding */ warningEventsSince),
/* harmony export */   Mb: () => (/* binding */ ROLLOUT_LOOKBACK_MS),
/* harmony export */   OE: () => (/* binding */ rolloutSince),
/* harmony export */   ee: () => (/* binding */ eventLastSeen)
/* harmony export */ });
/** How far before the verify start a rollout may have begun and still be "this deploy" (see rolloutSince). */
const ROLLOUT_LOOKBACK_MS = 15 * 60_000;
/**
 * When "since the rollout began" starts. The rollout began when its revision's owner (new ReplicaSet or
 * ControllerRevision) was created, which is usually a little before the verify step starts; problems
 * from that gap (a crash before we looked) belong to this deploy, so the earlier of the two is used.
 * But an owner may be old: a no-op deploy keeps the old ReplicaSet, and `rollout undo` re-uses one.
 * Then its creation time says nothing about this deploy, and old events would fail a healthy
 * rollout, so the look-back is capped at ROLLOUT_LOOKBACK_MS before the verify start. (The Deployment's
 * Progressing lastUpdateTime moves on every progress step, so it cannot mark the start.)
 */
function rolloutSince(verifyStart, revisionCreatedAt) {
    const start = verifyStart.getTime();
    const created = revisionCreatedAt ? Date.parse(revisionCreatedAt) : Number.NaN;
    if (Number.isNaN(created) || created >= start)
        return verifyStart;
    return new Date(Math.max(created, start - ROLLOUT_LOOKBACK_MS));
}
/** The time an event last happened: series.lastObservedTime, lastTimestamp, eventTime, then creation (kubectl events order). */
function eventLastSeen(e) {
    return e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp ?? undefined;
}
function concerns(e, subjects) {
    const io = e.involvedObject;
    if (!io)
        return false;
    return subjects.some((s) => {
        // uid is exact; name+kind also catches events recorded before the uid was known.
        if (io.uid && s.uid)
            return io.uid === s.uid;
        return io.kind === s.kind && io.name === s.name;
    });
}
/** Warning events about the subjects since `since`, grouped by reason+message+object, newest first. */
function warningEventsSince(events, filter) {
    const ignored = new Set(filter.ignoreReasons);
    const since = filter.since.getTime();
    const groups = new Map();
    for (const e of events) {
        if (e.type !== 'Warning' || ignored.has(e.reason ?? ''))
            continue;
        if (!concerns(e, filter.subjects))
            continue;
        const seen = eventLastSeen(e);
        // Timestamps have second precision; compare at that precision so an event in the start second counts.
        if (!seen || Date.parse(seen) < Math.floor(since / 1000) * 1000)
            continue;
        const object = `${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}`;
        const key = `${e.reason ?? ''}\u0000${e.message ?? ''}\u0000${object}`;
        const count = e.series?.count ?? e.count ?? 1;
        const prev = groups.get(key);
        if (prev) {
            prev.count += count;
            if (seen > (prev.lastSeen ?? ''))
                prev.lastSeen = seen;
        }
        else {
            groups.set(key, { reason: e.reason ?? '', message: (e.message ?? '').trim(), object, count, lastSeen: seen });
        }
    }
    return [...groups.values()].sort((a, b) => (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''));
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

/***/ 5994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ readTemplateImages)
/* harmony export */ });
async function readTemplateImages(api, ref) {
    const type = await api.resourceFor(ref.kind, ref.apiVersion);
    const object = await api.get(type, ref.namespace, ref.name);
    if (!object)
        throw new Error(`${ref.kind.toLowerCase()} "${ref.name}" not found in namespace "${ref.namespace}"`);
    const images = {};
    for (const container of object.spec?.template?.spec?.containers ?? []) {
        if (container.image)
            images[container.name] = container.image;
    }
    return images;
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
