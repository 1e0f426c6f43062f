export const id = 356;
export const ids = [356,783,501];
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

/***/ 1356:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runRollback: () => (/* binding */ runRollback)
/* harmony export */ });
/* harmony import */ var _act_step_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4770);

/** How one target's manual rollback counts toward the verdict. */
function verdictOf(report) {
    switch (report.state) {
        case 'rolled-back':
        case 'dry-run':
            return 'passed';
        case 'rolled-back-unverified':
        case 'unknown':
            return 'inconclusive';
        default:
            return 'failed';
    }
}
const ORDER = ['passed', 'inconclusive', 'failed'];
/** The row each target shows when the rollback did not get as far as a restored version to check. */
function targetRow(report) {
    if (report.restored)
        return report.restored;
    const status = verdictOf(report);
    const row = {
        id: 'rollback',
        title: 'Rollback',
        expected: 'rolled back and healthy',
        actual: report.state,
        status,
        ...(status === 'passed' ? {} : { reason: report.summary })
    };
    return { ref: report.ref, checks: [row] };
}
async function runRollback(config, ctx) {
    const startedAt = ctx.now();
    const reason = config.rollback.reason ?? 'manual rollback';
    const actor = ctx.run?.actor;
    const who = actor ? ` by ${actor}` : '';
    const report = {
        decision: config.dryRun ? 'dry-run-rollback' : 'rollback',
        reason: `manual rollback requested${who}: ${reason}`,
        ...(actor ? { requestedBy: actor } : {}),
        targets: []
    };
    ctx.log(report.reason);
    try {
        const api = await ctx.kube();
        report.targets = await (0,_act_step_js__WEBPACK_IMPORTED_MODULE_0__/* .rollBackTargets */ .nL)(api, config.targets.map((ref) => ({ ref })), (0,_act_step_js__WEBPACK_IMPORTED_MODULE_0__/* .rollbackSettings */ .OC)(config, 'manual', reason, ctx), config, ctx);
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const { notStarted } = await Promise.all(/* import() */[__webpack_require__.e(855), __webpack_require__.e(93), __webpack_require__.e(477)]).then(__webpack_require__.bind(__webpack_require__, 93));
        report.targets = config.targets.map((ref) => notStarted(ref, `could not set up the Kubernetes client: ${message}; nothing was changed`));
    }
    const verdicts = report.targets.map(verdictOf);
    const verdict = ctx.signal.aborted && verdicts.every((v) => v === 'passed')
        ? 'inconclusive'
        : ORDER.reduce((worst, v) => (verdicts.includes(v) ? v : worst), 'passed');
    return {
        command: 'rollback',
        startedAt: startedAt.toISOString(),
        finishedAt: ctx.now().toISOString(),
        verdict,
        action: (0,_act_step_js__WEBPACK_IMPORTED_MODULE_0__/* .rollbackLanded */ .X9)(report) ? 'rolled-back' : 'none',
        reasons: report.targets.filter((t) => verdictOf(t) !== 'passed').map((t) => t.summary),
        dryRun: config.dryRun,
        targets: report.targets.map(targetRow),
        checks: [],
        rollback: report
    };
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
