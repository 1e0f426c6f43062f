export const id = 483;
export const ids = [483];
export const modules = {

/***/ 5483:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runBlueGreen: () => (/* binding */ runBlueGreen)
});

// EXTERNAL MODULE: ./src/act/promote.ts
var promote = __webpack_require__(6952);
// EXTERNAL MODULE: ./src/act/traffic/index.ts + 5 modules
var traffic = __webpack_require__(2545);
// EXTERNAL MODULE: ./src/canary/step-machine.ts
var step_machine = __webpack_require__(9704);
;// CONCATENATED MODULE: ./src/canary/blue-green-machine.ts

/** `app=web,colour=blue`: how labels and selectors are written in messages (kubectl's form). */
const labelText = (labels) => Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
/**
 * Which selector picks blue and which picks green, or why the Services cannot be switched between them.
 * @param activeSelector the active Service's selector as read (it selects blue at start)
 * @param greenPodLabels the labels of green's pod template
 */
function colourLabels(activeSelector, greenPodLabels, names) {
    const keys = Object.keys(activeSelector);
    if (keys.length === 0)
        return {
            error: `Service ${names.activeService} has no selector: blue-green switches a selector, so the active Service needs one that picks blue's pods`
        };
    const missing = keys.filter((key) => greenPodLabels[key] === undefined);
    if (missing.length > 0)
        return {
            error: `green's pods (Deployment ${names.green}) do not carry the label(s) ${missing.join(', ')} that Service ${names.activeService} selects on: add them to green's pod template with green's own values`
        };
    const green = Object.fromEntries(keys.map((key) => [key, greenPodLabels[key]]));
    if (keys.every((key) => green[key] === activeSelector[key]))
        return {
            error: `green's pods (Deployment ${names.green}) carry the same ${labelText(activeSelector)} as blue, so Service ${names.activeService} cannot tell them apart: give green a different value on one of these labels (e.g. version or track)`
        };
    return { blue: { ...activeSelector }, green };
}
const GATE_TEXT = {
    'pre-promotion': 'before the switch',
    'post-promotion': 'after the switch'
};
function decideGate(gate, evaluation) {
    const when = GATE_TEXT[gate];
    const judge = (0,step_machine/* judgeVerdict */.Lp)(evaluation.judge, false);
    const outcomes = [evaluation.health, evaluation.analysis, judge];
    const first = evaluation.reasons[0];
    if (outcomes.includes('failed')) {
        const what = evaluation.health === 'failed'
            ? 'green is unhealthy'
            : evaluation.analysis === 'failed'
                ? 'the analysis failed'
                : `the baseline judge scored ${evaluation.judge}`;
        return { go: false, verdict: 'failed', reason: `${when}: ${first ?? what}` };
    }
    if (outcomes.includes('inconclusive')) {
        const what = evaluation.health === 'inconclusive'
            ? "green's health is unknown"
            : evaluation.analysis === 'inconclusive'
                ? 'the analysis was inconclusive'
                : 'the baseline judge had too little data';
        return { go: false, verdict: 'inconclusive', reason: `${when}: ${first ?? what}` };
    }
    if (evaluation.analysis !== 'passed')
        return {
            go: false,
            verdict: 'inconclusive',
            reason: `${when}: no analysis ran, and blue-green never switches on silence (configure analysis.checks)`
        };
    return { go: true, reason: `${when}: green passed` };
}
function finalOutcome(stop, cancelled, cleanupProblems = []) {
    const outcome = (() => {
        switch (stop.stage) {
            case 'before-switch':
                return { verdict: stop.verdict, action: 'aborted', reasons: [stop.reason, ...cleanupProblems] };
            case 'after-switch':
                return stop.switchedBack
                    ? { verdict: stop.verdict, action: 'rolled-back', reasons: [stop.reason, ...cleanupProblems] }
                    : {
                        verdict: stop.verdict,
                        action: 'promoted',
                        reasons: [
                            stop.reason,
                            'live traffic is still on green: switch the active Service back by hand',
                            ...cleanupProblems
                        ]
                    };
            case 'done': {
                const problems = [...stop.problems, ...cleanupProblems];
                return { verdict: problems.length ? 'inconclusive' : 'passed', action: 'promoted', reasons: problems };
            }
        }
    })();
    if (!cancelled)
        return outcome;
    return {
        ...outcome,
        verdict: outcome.verdict === 'passed' ? 'inconclusive' : outcome.verdict,
        reasons: ['the run was cancelled before every phase had run', ...outcome.reasons]
    };
}
/** After a good switch: blue is scaled to zero after the delay; a delay of 0 leaves it running. */
function blueScaleDown(delayMs) {
    return delayMs <= 0 ? { action: 'leave' } : { action: 'scale-down', afterMs: delayMs };
}
/** What a real run would do, one line per phase (the dry run prints it). */
function planLines(input) {
    const over = (pause) => (pause ? ` over ${Math.round(pause / 1000)} s` : '');
    const scaleDown = blueScaleDown(input.scaleDownDelay);
    return [
        `scale green ${input.green} to ${input.replicas} replica(s) (blue ${input.blue}'s count) and wait until it is healthy`,
        ...(input.previewService
            ? [`point Service ${input.previewService} at green (${labelText(input.labels.green)})`]
            : []),
        `run the analysis${input.judge ? ' and the baseline judge' : ''} on green${over(input.prePause)}; switch only if it passes`,
        `switch Service ${input.activeService} from ${labelText(input.labels.blue)} to ${labelText(input.labels.green)}`,
        `run the analysis on green again${over(input.postPause)}; on failure switch ${input.activeService} back to blue and scale green to 0`,
        scaleDown.action === 'leave'
            ? `leave blue ${input.blue} running (scaleDownDelay 0)`
            : `after ${Math.round(scaleDown.afterMs / 1000)} s scale blue ${input.blue} to 0`
    ];
}
/**
 * Why a run cannot be judged at all (so it must not start: green would be brought up and torn down
 * for nothing), or undefined. Both gates need PromQL checks and a Prometheus to ask.
 */
function unjudgeable(analysis) {
    if (analysis.checks === 0)
        return 'blue-green needs analysis.checks: traffic is never switched without evidence that green is good';
    if (!analysis.prometheus)
        return 'blue-green needs a Prometheus to judge green: set the prometheus-url input';
    return undefined;
}

// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(7840);
// EXTERNAL MODULE: ./src/evaluate/selector.ts
var selector = __webpack_require__(2342);
// EXTERNAL MODULE: ./src/kube/resources.ts
var resources = __webpack_require__(6804);
// EXTERNAL MODULE: ./src/util/sleep.ts
var sleep = __webpack_require__(7783);
;// CONCATENATED MODULE: ./src/act/blue-green-scale.ts

class ScaleError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ScaleError';
    }
}
async function readDeployment(api, namespace, name) {
    const object = await api.get(resources/* RESOURCES */.eZ.Deployment, namespace, name);
    if (!object)
        throw new ScaleError(`Deployment ${namespace}/${name} not found`);
    return object;
}

// EXTERNAL MODULE: ./src/kube/workload/template.ts
var template = __webpack_require__(2482);
// EXTERNAL MODULE: ./src/commands/canary-run.ts
var canary_run = __webpack_require__(2680);
// EXTERNAL MODULE: ./src/commands/version.ts
var version = __webpack_require__(4086);
;// CONCATENATED MODULE: ./src/commands/blue-green-setup.ts
/**
 * The start of a blue-green run, before anything is written: which Deployments are blue and green,
 * the labels that pick each (from the active Service's selector and green's pod template), the
 * Service-selector router prepared (the Services saved exactly as read), and the versions for the
 * queries. Returns a one-line reason instead when the run cannot start.
 */







/** Green: `canary.workload`, else `<blue>-canary` (the canary's default name). */
function greenName(config, blue) {
    return config.canary?.workload ?? `${blue}-canary`;
}
/** A Service's selector (empty when absent or the Service is gone). */
const selectorOf = (object) => object?.spec?.selector ?? {};
/** The version a Deployment runs: its first container's image tag (as canary-run.ts imageVersion reads it). */
function versionOf(deployment) {
    const image = Object.values((0,template/* templateImages */.TD)(deployment)).find(Boolean);
    return image ? (0,version/* imageTag */.I)(image) : undefined;
}
/** Reads everything the run needs and prepares the router; a string says why the run cannot start. */
async function prepareBlueGreen(api, config) {
    const section = config.canary?.blueGreen;
    if (!section)
        return 'canary.blueGreen is required when canary.strategy is blueGreen: { activeService: <the Service that takes live traffic> }';
    const cannotJudge = unjudgeable({
        checks: config.analysis?.checks.length ?? 0,
        prometheus: config.prometheus !== undefined
    });
    if (cannotJudge)
        return cannotJudge;
    const target = config.targets[0];
    if (!target)
        return 'blue-green needs a target: the blue (stable) Deployment';
    if (target.kind !== 'Deployment')
        return `blue-green switches between two Deployments, but the target is a ${target.kind}: set target: deployment/<blue>`;
    const namespace = target.namespace;
    const blue = target.name;
    const green = greenName(config, blue);
    if (green === blue)
        return `canary.workload names the target ${blue} itself: green must be another Deployment`;
    try {
        const [blueObject, greenObject] = [
            await readDeployment(api, namespace, blue),
            await readDeployment(api, namespace, green).catch((error) => {
                throw new Error(`green ${(0,canary_run/* errorText */.kc)(error)}: create it (at 0 replicas) or set canary.workload`);
            })
        ];
        const active = await api.get(resources/* RESOURCES */.eZ.Service, namespace, section.activeService);
        if (!active)
            return `Service ${namespace}/${section.activeService} not found: canary.blueGreen.activeService names the Service that takes live traffic`;
        const greenPodLabels = (0,template/* templateLabels */.MN)(greenObject);
        const labels = colourLabels(selectorOf(active), greenPodLabels, {
            activeService: `${namespace}/${section.activeService}`,
            green: `${namespace}/${green}`
        });
        if ('error' in labels)
            return labels.error;
        const spec = {
            kind: 'serviceSelector',
            namespace,
            activeService: section.activeService,
            ...(section.previewService !== undefined ? { previewService: section.previewService } : {}),
            blue: labels.blue,
            green: labels.green
        };
        const state = await (0,traffic/* routerFor */.NF)('serviceSelector').prepare(api, spec);
        const services = state.objects.map((tracked, index) => ({
            role: index === 0 ? 'active' : 'preview',
            name: tracked.name,
            before: selectorOf(tracked.original)
        }));
        return {
            section,
            spec,
            state,
            greenPodLabels,
            replicas: blueObject.spec?.replicas ?? 1,
            // From the objects just read: no second GET of either Deployment.
            versions: { green: config.version ?? versionOf(greenObject), blue: versionOf(blueObject) },
            report: { namespace, blue, green, labels, services, phases: [], liveOn: 'blue', writes: [] }
        };
    }
    catch (error) {
        return (0,canary_run/* errorText */.kc)(error);
    }
}

;// CONCATENATED MODULE: ./src/commands/blue-green-cleanup.ts
/**
 * Putting blue back (an abort before the switch, or a switch back after it), and the last look at the
 * Services for the report. These run on a KubeApi detached from the run's cancel signal, held to its
 * own deadline: a cancelled run must still take live traffic off an unjudged green.
 */







/** Time the clean-up gets on its own (the runner kills a cancelled job a few seconds after SIGINT). */
const CLEANUP_TIMEOUT_MS = 10_000;
function cleanupApi(api) {
    return api.detachedFromRun(AbortSignal.timeout(CLEANUP_TIMEOUT_MS));
}
/**
 * The Services back exactly as found (a field someone else changed meanwhile is left as they set it),
 * then green to zero — unless the active Service still sends traffic to green's pods (then scaling green
 * down would take the site down: it is left running and said so).
 */
async function backToBlue(api, setup) {
    const { report, state, spec } = setup;
    const problems = [];
    const activeLabel = `Service ${spec.namespace}/${spec.activeService}`;
    let activeRestored = true;
    try {
        await (0,traffic/* routerFor */.NF)('serviceSelector').restore(api, state);
    }
    catch (error) {
        problems.push(`could not restore the Services: ${(0,canary_run/* errorText */.kc)(error)}`);
        activeRestored = error instanceof traffic/* RouteChangedError */.m8 && !error.changes.some((c) => c.object === activeLabel);
    }
    const restored = state.objects.filter((o) => o.touched.length > 0).map((o) => o.name);
    if (restored.length > 0 && problems.length === 0)
        report.writes.push(`Service(s) ${restored.join(', ')} restored to the selector found at the start`);
    let active;
    try {
        active = selectorOf(await api.get(resources/* RESOURCES */.eZ.Service, spec.namespace, spec.activeService));
    }
    catch (error) {
        problems.push(`could not read ${activeLabel} to check where live traffic goes: ${(0,canary_run/* errorText */.kc)(error)}`);
    }
    if (active === undefined || (0,selector/* serviceSelects */.$d)(active, setup.greenPodLabels)) {
        if (active !== undefined) {
            problems.push(`${activeLabel} still selects green (${labelText(active)}): green ${report.green} was left running; switch the Service to blue before scaling green down`);
            report.liveOn = 'green';
        }
        return { activeRestored: false, problems };
    }
    report.liveOn = 'blue';
    try {
        if (await (0,promote/* scaleDeployment */.eV)(api, spec.namespace, report.green, 0))
            report.writes.push(`green ${report.green} scaled to 0`);
    }
    catch (error) {
        problems.push(`could not scale green ${report.green} to 0: ${(0,canary_run/* errorText */.kc)(error)}`);
    }
    return { activeRestored, problems };
}
/** Each Service's selector as the run leaves it (for the summary's before/after). */
async function recordSelectorsAfter(api, setup) {
    for (const service of setup.report.services) {
        try {
            const object = await api.get(resources/* RESOURCES */.eZ.Service, setup.spec.namespace, service.name);
            if (object)
                service.after = selectorOf(object);
        }
        catch {
            // Left out: the summary then shows the selector after as unknown.
        }
    }
}

// EXTERNAL MODULE: ./src/act/canary-workload.ts
var canary_workload = __webpack_require__(2678);
;// CONCATENATED MODULE: ./src/commands/blue-green-green.ts
/**
 * Green from the `image` input (issue 10: "created from the stable one with new images"): an existing
 * green Deployment is given the images; a missing one is made from blue, its pods set apart from
 * blue's by `canary.blueGreen.greenLabels` on the active Service's selector keys. Without those
 * labels a copy of blue would carry blue's selector labels, so the switch could not tell them apart:
 * that is refused before anything is written.
 */





async function greenFromImages(api, config, ctx) {
    const images = config.canary?.images;
    const target = config.targets[0];
    if (!images || !target || target.kind !== 'Deployment')
        return { kind: 'unchanged' };
    const { namespace, name: blue } = target;
    const green = greenName(config, blue);
    const labels = config.canary?.blueGreen?.greenLabels;
    const imageText = Object.entries(images)
        .map(([container, image]) => (container === '*' ? image : `${container}=${image}`))
        .join(', ');
    try {
        const existing = await api.get(resources/* RESOURCES */.eZ.Deployment, namespace, green);
        if (!existing && !labels)
            return {
                kind: 'refused',
                reason: `green ${namespace}/${green} does not exist, and making it from blue ${blue} needs canary.blueGreen.greenLabels: the labels that set green's pods apart on the active Service's selector (e.g. { colour: green } where it selects colour: blue)`
            };
        const line = existing
            ? `green ${green} given ${imageText}`
            : `green ${green} created from blue ${blue} with ${imageText} and labels ${labelText(labels ?? {})}, at 0 replicas`;
        if (config.dryRun)
            return { kind: 'planned', line, missing: !existing };
        const { created } = await (0,canary_workload/* ensureCanaryWorkload */.y)(api, {
            namespace,
            stable: blue,
            name: green,
            images,
            track: 'green',
            ...(labels ? { labels } : {})
        });
        ctx.log(line);
        return { kind: 'written', line, created };
    }
    catch (error) {
        return { kind: 'refused', reason: `green not made from blue: ${(0,canary_run/* errorText */.kc)(error)}` };
    }
}

// EXTERNAL MODULE: ./src/canary/step-analysis.ts
var step_analysis = __webpack_require__(759);
// EXTERNAL MODULE: ./src/decide/verdict.ts
var decide_verdict = __webpack_require__(6501);
// EXTERNAL MODULE: ./src/verify/workload.ts + 20 modules
var workload = __webpack_require__(8583);
// EXTERNAL MODULE: ./src/commands/analysis-step.ts + 7 modules
var analysis_step = __webpack_require__(9049);
// EXTERNAL MODULE: ./src/commands/canary-judge.ts + 8 modules
var canary_judge = __webpack_require__(404);
;// CONCATENATED MODULE: ./src/commands/blue-green-gate.ts
/**
 * The evaluations of a blue-green run, as I/O: green's health (its own pods, as the canary's health
 * is judged), and a gate's analysis — the PromQL checks over the gate's pause, plus the baseline judge
 * before the switch (green against blue). The pure machine (canary/blue-green-machine.ts) decides.
 */






/** Green's pods at its full count: no expectations, smoke or GitOps (those belong to the target). */
async function greenHealth(api, config, ctx, green) {
    const target = await (0,workload.verifyWorkload)(api, green, { ...config.verify, expect: {} }, { startedAt: ctx.now(), log: ctx.log, signal: ctx.signal });
    const { verdict, reasons } = (0,decide_verdict.decideVerdict)({ targets: [target], checks: [] });
    return { target, verdict, reasons };
}
async function runGate(gate, pause, config, ctx, versions) {
    let analysis;
    let judge;
    if (config.analysis) {
        const measuredSince = ctx.now();
        analysis = await (0,analysis_step.runConfiguredAnalysis)({ ...config, analysis: (0,step_analysis/* analysisForStep */.O)(config.analysis, pause) }, versions.green, ctx);
        ctx.log(`${gate} analysis: ${analysis.verdict}`);
        // After the switch blue serves nothing, so there is no baseline to compare with.
        if (gate === 'pre-promotion' && analysis.verdict !== 'failed')
            judge = await (0,canary_judge/* runStepJudge */.h)({
                config,
                ctx,
                versions: { canary: versions.green, baseline: versions.blue },
                since: measuredSince
            });
    }
    const judgeReasons = judge && judge.outcome !== 'pass' ? [`baseline judge: ${judge.reason}`] : [];
    const decision = decideGate(gate, {
        health: 'skipped',
        analysis: analysis?.verdict ?? 'skipped',
        judge: judge?.outcome ?? 'skipped',
        reasons: [...(analysis && analysis.verdict !== 'passed' ? analysis.reasons : []), ...judgeReasons]
    });
    return { decision, analysis, judge };
}

;// CONCATENATED MODULE: ./src/commands/blue-green.ts
/**
 * `canary` with `strategy: blueGreen` (issue 10): green is scaled up beside blue and verified
 * healthy, pointed at by the preview Service and judged (pre-promotion analysis), then the active
 * Service's selector is switched from blue's labels to green's and green judged again (post-promotion
 * analysis). A failed or inconclusive gate puts everything back: the Services exactly as found, green
 * at zero. After a good switch blue is kept up for `scaleDownDelay`, then scaled to zero. The pure
 * decisions are in canary/blue-green-machine.ts; only src/act/ writes to the cluster.
 */












function phase(run, name, outcome, detail, since) {
    run.setup.report.phases.push({
        phase: name,
        outcome,
        detail,
        startedAt: since.toISOString(),
        finishedAt: run.ctx.now().toISOString()
    });
    run.ctx.log(`${name}: ${outcome} — ${detail}`);
}
const CANCELLED = 'the run was cancelled';
/** Everything up to the switch and after it; returns where the run stopped (the caller cleans up). */
async function drive(run) {
    const { ctx, api, config, setup } = run;
    const { report, spec, section, state } = setup;
    const router = (0,traffic/* routerFor */.NF)('serviceSelector');
    const begin = (name) => {
        run.current = name;
        return ctx.now();
    };
    let since = begin('scale-up');
    if (await (0,promote/* scaleDeployment */.eV)(api, spec.namespace, report.green, setup.replicas))
        report.writes.push(`green ${report.green} scaled to ${setup.replicas}`);
    phase(run, 'scale-up', 'done', `green ${report.green} at ${setup.replicas} replica(s), as blue`, since);
    since = begin('health');
    const health = await ctx.group(`Green ${report.green}: health`, () => greenHealth(api, config, ctx, { kind: 'Deployment', name: report.green, namespace: spec.namespace }));
    run.targets = [health.target];
    const unhealthy = health.reasons[0] ?? 'green is not healthy';
    phase(run, 'health', health.verdict, health.verdict === 'passed' ? 'green is ready' : unhealthy, since);
    if (health.verdict !== 'passed')
        return { stage: 'before-switch', verdict: health.verdict, reason: `green is not healthy: ${unhealthy}` };
    if (ctx.signal.aborted)
        return { stage: 'before-switch', verdict: 'inconclusive', reason: CANCELLED };
    since = begin('preview');
    if (spec.previewService) {
        await router.setWeight(api, state, 0);
        report.writes.push(`Service ${spec.previewService} pointed at green (${labelText(spec.green)})`);
        phase(run, 'preview', 'done', `Service ${spec.previewService} selects green`, since);
    }
    else
        phase(run, 'preview', 'skipped', 'no previewService: green is judged on what reaches it directly', since);
    since = begin('pre-promotion');
    const pre = await ctx.group('Pre-promotion analysis', () => runGate('pre-promotion', section.prePromotion?.pause, config, ctx, setup.versions));
    run.analysis = pre.analysis ?? run.analysis;
    phase(run, 'pre-promotion', pre.decision.go ? 'passed' : pre.decision.verdict, pre.decision.reason, since);
    if (!pre.decision.go)
        return { stage: 'before-switch', verdict: pre.decision.verdict, reason: pre.decision.reason };
    if (ctx.signal.aborted)
        return { stage: 'before-switch', verdict: 'inconclusive', reason: CANCELLED };
    since = begin('switch');
    try {
        await router.setWeight(api, state, 100);
    }
    catch (error) {
        phase(run, 'switch', 'inconclusive', (0,canary_run/* errorText */.kc)(error), since);
        return {
            stage: 'before-switch',
            verdict: 'inconclusive',
            reason: `the switch to green failed: ${(0,canary_run/* errorText */.kc)(error)}`
        };
    }
    run.switched = true;
    report.liveOn = 'green';
    report.writes.push(`Service ${spec.activeService} switched from ${labelText(spec.blue)} to ${labelText(spec.green)}`);
    phase(run, 'switch', 'done', `Service ${spec.activeService} selects green`, since);
    since = begin('post-promotion');
    const post = await ctx.group('Post-promotion analysis', () => runGate('post-promotion', section.postPromotion?.pause, config, ctx, setup.versions));
    run.analysis = post.analysis ?? run.analysis;
    phase(run, 'post-promotion', post.decision.go ? 'passed' : post.decision.verdict, post.decision.reason, since);
    if (!post.decision.go)
        return { stage: 'after-switch', verdict: post.decision.verdict, reason: post.decision.reason, switchedBack: false };
    return scaleBlueDown(run);
}
/** After a good switch: blue kept up for the delay, then scaled to zero if live traffic is still on green. */
async function scaleBlueDown(run) {
    const { ctx, api, setup } = run;
    const { report, spec } = setup;
    const since = ctx.now();
    run.current = 'scale-down';
    const plan = blueScaleDown(setup.section.scaleDownDelay);
    if (plan.action === 'leave') {
        phase(run, 'scale-down', 'skipped', `scaleDownDelay is 0: blue ${report.blue} left running`, since);
        return { stage: 'done', problems: [] };
    }
    ctx.log(`keeping blue ${report.blue} up for ${(0,duration/* formatDuration */.a3)(plan.afterMs)} before scaling it to 0`);
    await (0,sleep/* sleep */.y)(plan.afterMs, ctx.signal);
    const leftUp = (why) => {
        phase(run, 'scale-down', 'skipped', why, since);
        return { stage: 'done', problems: [why] };
    };
    if (ctx.signal.aborted)
        return leftUp(`cancelled before blue ${report.blue} was scaled down: it is still running; scale it to 0 by hand`);
    try {
        const active = selectorOf(await api.get(resources/* RESOURCES */.eZ.Service, spec.namespace, spec.activeService));
        if (!(0,selector/* serviceSelects */.$d)(active, setup.greenPodLabels))
            return leftUp(`Service ${spec.activeService} no longer selects green (${labelText(active)}: changed by someone else): blue ${report.blue} left running`);
        if (await (0,promote/* scaleDeployment */.eV)(api, spec.namespace, report.blue, 0))
            report.writes.push(`blue ${report.blue} scaled to 0`);
    }
    catch (error) {
        return leftUp(`could not scale blue ${report.blue} to 0: ${(0,canary_run/* errorText */.kc)(error)}`);
    }
    phase(run, 'scale-down', 'done', `blue ${report.blue} scaled to 0`, since);
    return { stage: 'done', problems: [] };
}
/** Puts blue back after a stop before or after the switch; fills in whether the switch back happened. */
async function cleanUp(run, stop) {
    if (stop.stage === 'done')
        return { stop, problems: [] };
    const since = run.ctx.now();
    run.ctx.log(`putting blue back: ${stop.reason}`);
    const putBack = backToBlue(cleanupApi(run.api), run.setup);
    run.ctx.holdExit?.(putBack);
    const back = await putBack;
    if (run.switched)
        phase(run, 'switch-back', back.activeRestored ? 'done' : 'failed', back.activeRestored
            ? `Service ${run.setup.spec.activeService} back on blue`
            : (back.problems[0] ?? 'not switched back'), since);
    if (stop.stage === 'after-switch')
        return { stop: { ...stop, switchedBack: back.activeRestored }, problems: back.problems };
    return { stop, problems: back.problems };
}
/** What a real run would do, one line per phase (a dry run prints it). */
function planOf(setup, config) {
    const { report, spec, section } = setup;
    return planLines({
        blue: report.blue,
        green: report.green,
        replicas: setup.replicas,
        activeService: spec.activeService,
        ...(spec.previewService ? { previewService: spec.previewService } : {}),
        labels: report.labels,
        ...(section.prePromotion?.pause ? { prePause: section.prePromotion.pause } : {}),
        ...(section.postPromotion?.pause ? { postPause: section.postPromotion.pause } : {}),
        scaleDownDelay: section.scaleDownDelay,
        judge: config.canary?.judge !== undefined
    });
}
async function runBlueGreen(config, ctx) {
    const startedAt = ctx.now();
    const finish = (outcome, extra = {}) => ({
        command: 'canary',
        startedAt: startedAt.toISOString(),
        dryRun: config.dryRun,
        targets: [],
        checks: [],
        ...extra,
        finishedAt: ctx.now().toISOString(),
        ...outcome
    });
    const api = await ctx.kube();
    const green = await greenFromImages(api, config, ctx);
    if (green.kind === 'refused')
        return finish({ verdict: 'inconclusive', action: 'none', reasons: [`blue-green not started: ${green.reason}`] });
    if (green.kind === 'planned' && green.missing) {
        ctx.log(`dry run: would make ${green.line}`);
        const reason = `dry run: would make ${green.line}; nothing else can be planned before green exists`;
        return finish({ verdict: 'inconclusive', action: 'none', reasons: [reason] });
    }
    const setup = await prepareBlueGreen(api, config);
    if (typeof setup === 'string')
        return finish({ verdict: 'inconclusive', action: 'none', reasons: [`blue-green not started: ${setup}`] });
    const { report, spec } = setup;
    if (green.kind === 'written')
        report.writes.push(green.line);
    if (green.kind === 'planned')
        report.plan = [green.line];
    ctx.log(`blue-green in ${spec.namespace}: blue ${report.blue} (${labelText(spec.blue)}) → green ${report.green} ` +
        `(${labelText(spec.green)}, version ${setup.versions.green ?? 'unknown'}) through Service ${spec.activeService}`);
    if (config.dryRun) {
        report.plan = [...(report.plan ?? []), ...planOf(setup, config)];
        for (const line of report.plan)
            ctx.log(`dry run: would ${line}`);
        await recordSelectorsAfter(api, setup);
        const reason = 'dry run: nothing was changed or judged; the summary lists what a real run would do';
        return finish({ verdict: 'inconclusive', action: 'none', reasons: [reason] }, { blueGreen: report });
    }
    const run = { config, ctx, api, setup, targets: [], switched: false, current: 'scale-up' };
    let stop;
    try {
        stop = await drive(run);
    }
    catch (error) {
        const reason = `${run.current}: ${(0,canary_run/* errorText */.kc)(error)}`;
        stop = run.switched
            ? { stage: 'after-switch', verdict: 'inconclusive', reason, switchedBack: false }
            : { stage: 'before-switch', verdict: 'inconclusive', reason };
    }
    const cleaned = await cleanUp(run, stop);
    await recordSelectorsAfter(cleanupApi(api), setup);
    const outcome = finalOutcome(cleaned.stop, ctx.signal.aborted, cleaned.problems);
    // Green's checklist is shown when it explains the stop or green is live; otherwise the headline would
    // read a metric failure as "undo green's rollout", while green is already at zero and blue live.
    const healthStopped = report.phases.some((p) => p.phase === 'health' && p.outcome !== 'passed');
    return finish(outcome, {
        blueGreen: report,
        targets: healthStopped || report.liveOn === 'green' ? run.targets : [],
        ...(run.analysis ? { analysis: run.analysis } : {})
    });
}


/***/ })

};
