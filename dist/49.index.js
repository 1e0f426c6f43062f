export const id = 49;
export const ids = [49];
export const modules = {

/***/ 9049:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  N: () => (/* binding */ analysisUsesVersion),
  runConfiguredAnalysis: () => (/* binding */ runConfiguredAnalysis),
  n: () => (/* binding */ templateValues)
});

// EXTERNAL MODULE: ./src/config/template.ts
var template = __webpack_require__(9030);
// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(7840);
// EXTERNAL MODULE: ./src/prometheus/errors.ts
var errors = __webpack_require__(2737);
;// CONCATENATED MODULE: ./src/prometheus/result.ts
function split(pairs) {
    const values = [];
    const nonFinite = [];
    for (const [, raw] of pairs) {
        const value = Number(raw);
        if (Number.isFinite(value))
            values.push(value);
        else
            nonFinite.push(raw);
    }
    return { values, nonFinite, series: pairs.length };
}
function observe(data) {
    switch (data.resultType) {
        case 'scalar':
            return split([data.result]);
        case 'vector':
            return split(data.result.map((sample) => sample.value));
        case 'matrix': {
            const latest = data.result.flatMap((series) => series.values.slice(-1));
            return { ...split(latest), series: data.result.length };
        }
        case 'string':
            throw new Error('the query returned a string, which cannot be compared with a number');
    }
}
/**
 * The mean of each series' finite points over a range query (used for baselines). NaN points, as a
 * ratio gives during a quiet minute, are skipped rather than poisoning the average; a series with no
 * finite point is left out.
 */
function seriesMeans(data) {
    const series = data.resultType === 'matrix'
        ? data.result.map((s) => s.values)
        : data.resultType === 'vector'
            ? data.result.map((s) => [s.value])
            : data.resultType === 'scalar'
                ? [[data.result]]
                : [];
    const means = [];
    for (const points of series) {
        const finite = points.map(([, raw]) => Number(raw)).filter(Number.isFinite);
        if (finite.length > 0)
            means.push(finite.reduce((a, b) => a + b, 0) / finite.length);
    }
    return means;
}

// EXTERNAL MODULE: ./src/util/duration-text.ts
var duration_text = __webpack_require__(6716);
;// CONCATENATED MODULE: ./src/analysis/baseline.ts


/** About 60 points over the window, never finer than 1 s. */
function baselineStep(windowMs) {
    return Math.max(1, Math.ceil(windowMs / 1000 / 60));
}
function baselineRange(start, w) {
    const to = new Date(start.getTime() - w.offset);
    return { from: new Date(to.getTime() - w.window), to };
}
async function takeBaseline(prometheus, query, rule, start, w) {
    const { from, to } = baselineRange(start, w);
    const where = `the ${(0,duration_text/* formatDuration */.a)(w.window)} before the analysis` +
        (w.offset > 0 ? ` (offset ${(0,duration_text/* formatDuration */.a)(w.offset)})` : '');
    try {
        const result = await prometheus.rangeQuery(query, from, to, baselineStep(w.window));
        const means = seriesMeans(result.data);
        if (means.length === 0)
            return { value: null, why: `no baseline: no data in ${where}` };
        return { value: rule.maxIncrease !== undefined ? Math.max(...means) : Math.min(...means) };
    }
    catch (error) {
        return { value: null, why: `no baseline: the query over ${where} failed: ${error.message}` };
    }
}

// EXTERNAL MODULE: ./src/util/number.ts
var number = __webpack_require__(1555);
;// CONCATENATED MODULE: ./src/analysis/format.ts
/** Number and percentage formatting shared by measurement messages and reasons. */

/** A signed percentage from a fraction: 0.55 → "+55%", -0.052 → "-5.2%". */
function formatPercent(fraction, signed = true) {
    if (!Number.isFinite(fraction))
        return fraction > 0 ? '+∞%' : fraction < 0 ? '-∞%' : 'NaN%';
    const percent = fraction * 100;
    const rounded = Math.abs(percent) < 10 ? Number(percent.toFixed(1)) : Math.round(percent);
    const sign = signed && rounded > 0 ? '+' : '';
    return `${sign}${rounded}%`;
}


// EXTERNAL MODULE: ./src/util/units.ts
var units = __webpack_require__(6127);
;// CONCATENATED MODULE: ./src/analysis/evaluate.ts


/** Values in the metric's unit (ms, %, MiB) when its name or query says which: the words every surface uses. */
function formatFor(rule) {
    if (rule.name === undefined || rule.query === undefined)
        return number/* formatNumber */.Z;
    const unit = (0,units/* metricUnit */.n2)({ name: rule.name, query: rule.query, condition: { max: rule.max, min: rule.min } });
    return (value) => (0,units/* formatValue */.Fl)(value, unit);
}
function isRelative(rule) {
    return rule.maxIncrease !== undefined || rule.maxDecrease !== undefined;
}
/** Relative change against a baseline; a zero baseline makes any rise infinite (and no change 0). */
function relativeChange(value, baseline) {
    if (baseline === 0)
        return value === 0 ? 0 : value > 0 ? Infinity : -Infinity;
    return (value - baseline) / Math.abs(baseline);
}
function judgeAbsolute(rule, high, low) {
    const num = formatFor(rule);
    const out = [];
    if (rule.max !== undefined)
        out.push(high > rule.max
            ? { failed: true, value: high, text: `${num(high)} > max ${num(rule.max)}` }
            : { failed: false, value: high, text: `${num(high)} <= max ${num(rule.max)}` });
    if (rule.min !== undefined)
        out.push(low < rule.min
            ? { failed: true, value: low, text: `${num(low)} < min ${num(rule.min)}` }
            : { failed: false, value: low, text: `${num(low)} >= min ${num(rule.min)}` });
    return out;
}
function judgeRelative(rule, high, low, baseline) {
    const num = formatFor(rule);
    const out = [];
    const base = num(baseline);
    if (rule.maxIncrease !== undefined) {
        const change = relativeChange(high, baseline);
        const failed = change > rule.maxIncrease;
        const word = failed ? 'over' : 'vs';
        out.push({
            failed,
            value: high,
            text: `${num(high)} is ${formatPercent(change)} ${word} baseline ${base} (maxIncrease ${formatPercent(rule.maxIncrease)})`
        });
    }
    if (rule.maxDecrease !== undefined) {
        const change = relativeChange(low, baseline);
        const failed = -change > rule.maxDecrease;
        const word = failed ? 'under' : 'vs';
        out.push({
            failed,
            value: low,
            text: `${num(low)} is ${formatPercent(change)} ${word} baseline ${base} (maxDecrease -${formatPercent(rule.maxDecrease, false)})`
        });
    }
    return out;
}
function relativeLimits(rule) {
    const parts = [];
    if (rule.maxIncrease !== undefined)
        parts.push(`maxIncrease ${formatPercent(rule.maxIncrease)}`);
    if (rule.maxDecrease !== undefined)
        parts.push(`maxDecrease -${formatPercent(rule.maxDecrease, false)}`);
    return parts.join(', ');
}
function noDataMessage(why, rule) {
    return `${why} (onNoData: ${rule.onNoData})`;
}
function evaluate(rule, observed, time, baseline) {
    const at = time.toISOString();
    if (observed.kind === 'error')
        return { time: at, value: null, phase: 'error', message: observed.message };
    if (observed.kind === 'no-data')
        return { time: at, value: null, phase: 'no-data', message: noDataMessage(observed.why, rule) };
    const warnings = observed.warnings && observed.warnings.length > 0 ? { warnings: observed.warnings } : {};
    const distinct = [...new Set(observed.nonFinite)].join(', ');
    if (observed.nonFinite.length > 0 && rule.onNaN === 'fail')
        return { time: at, value: null, phase: 'failed', message: `${distinct} (onNaN: fail)`, ...warnings };
    if (observed.values.length === 0) {
        const why = observed.nonFinite.length > 0 ? `${distinct} treated as no data` : 'no data';
        return { time: at, value: null, phase: 'no-data', message: noDataMessage(why, rule), ...warnings };
    }
    const high = Math.max(...observed.values);
    const low = Math.min(...observed.values);
    const notes = [];
    if (observed.series > 1)
        notes.push(`worst of ${observed.series} series`);
    if (observed.nonFinite.length > 0)
        notes.push(`${observed.nonFinite.length} non-finite series ignored`);
    const suffix = notes.length > 0 ? ` (${notes.join('; ')})` : '';
    const judgements = judgeAbsolute(rule, high, low);
    const relative = isRelative(rule);
    let missingBaseline;
    if (relative) {
        if (baseline === undefined || baseline.value === null) {
            const why = baseline?.why ?? 'no baseline was taken';
            missingBaseline = `${why}: cannot judge ${relativeLimits(rule)}`;
        }
        else {
            judgements.push(...judgeRelative(rule, high, low, baseline.value));
        }
    }
    const failure = judgements.find((j) => j.failed);
    if (failure)
        return { time: at, value: failure.value, phase: 'failed', message: failure.text + suffix, ...warnings };
    const shown = rule.max !== undefined || rule.maxIncrease !== undefined ? high : low;
    if (missingBaseline !== undefined)
        return {
            time: at,
            value: shown,
            phase: 'inconclusive',
            message: `${formatFor(rule)(shown)}; ${missingBaseline}`,
            ...warnings
        };
    const text = judgements.length > 0 ? judgements.map((j) => j.text).join(', ') : `${formatFor(rule)(shown)} (no condition)`;
    return { time: at, value: shown, phase: 'successful', message: text + suffix, ...warnings };
}

;// CONCATENATED MODULE: ./src/analysis/limits.ts

/**
 * Judged measurements a pass needs out of `due`: `minJudged` (default a majority of `planned`), in
 * proportion when fewer than `planned` were due (a run cut short), never less than one.
 */
function requiredJudged(minJudged, planned, due) {
    const full = Math.min(minJudged ?? Math.floor(planned / 2) + 1, Math.max(planned, 1));
    if (due >= planned)
        return Math.max(1, full);
    return Math.max(1, Math.ceil((full * due) / Math.max(planned, 1)));
}
/** How a measurement counts, after the no-data policy. */
function counted(m, onNoData) {
    switch (m.phase) {
        case 'successful':
            return 'success';
        case 'failed':
            return 'failure';
        case 'inconclusive':
            return 'inconclusive';
        case 'error':
            return 'error';
        case 'no-data':
            return onNoData === 'fail' ? 'failure' : onNoData === 'pass' ? 'success' : 'inconclusive';
    }
}
function tally(measurements, onNoData) {
    const t = {
        taken: measurements.length,
        successes: 0,
        failures: 0,
        inconclusive: 0,
        errors: 0,
        errorStreak: 0,
        longestErrorStreak: 0
    };
    for (const m of measurements) {
        const kind = counted(m, onNoData);
        if (kind === 'error') {
            t.errors++;
            t.errorStreak++;
            if (t.errorStreak > t.longestErrorStreak) {
                t.longestErrorStreak = t.errorStreak;
                t.longestStreakError = m.message;
            }
            continue;
        }
        t.errorStreak = 0;
        if (kind === 'success')
            t.successes++;
        else if (kind === 'failure')
            t.failures++;
        else
            t.inconclusive++;
    }
    return t;
}
function lastMessage(measurements, test) {
    return [...measurements].reverse().find(test);
}
/** `error-rate = 0.021 > max 0.005` when there is a value, `error-rate: no data (...)` when not. */
function subject(name, m) {
    if (!m)
        return name;
    return m.value !== null ? `${name} = ${m.message ?? (0,number/* formatNumber */.Z)(m.value)}` : `${name}: ${m.message ?? m.phase}`;
}
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
function judgeCheck(input) {
    const { name, onNoData, measurements, limits, planned, complete, stoppedBy } = input;
    const t = tally(measurements, onNoData);
    const judgedNow = t.successes + t.failures;
    // A finished run was due only what it took; a running one is still due everything planned.
    const due = complete ? Math.min(t.taken, planned) : planned;
    const judged = {
        judged: judgedNow,
        due,
        planned,
        required: requiredJudged(limits.minJudged, planned, due)
    };
    const outcome = (status, reason) => ({
        status,
        decided: status !== 'running',
        reason,
        tally: t,
        judged
    });
    const of = `in ${t.failures} of ${plural(t.taken, 'measurement')}`;
    const isFailure = (m) => counted(m, onNoData) === 'failure';
    const isInconclusive = (m) => counted(m, onNoData) === 'inconclusive';
    if (t.failures > limits.failureLimit) {
        const last = lastMessage(measurements, isFailure);
        return outcome('failed', `${subject(name, last)} ${of} (failureLimit ${limits.failureLimit})`);
    }
    if (t.longestErrorStreak > limits.errorLimit) {
        return outcome('inconclusive', `${name}: Prometheus query failed ${t.longestErrorStreak} times in a row: ${t.longestStreakError ?? 'unknown error'}`);
    }
    if (t.inconclusive > limits.inconclusiveLimit) {
        const last = lastMessage(measurements, isInconclusive);
        return outcome('inconclusive', `${subject(name, last)} in ${t.inconclusive} of ${plural(t.taken, 'measurement')} (inconclusiveLimit ${limits.inconclusiveLimit})`);
    }
    const remaining = Math.max(0, planned - t.taken);
    // Decided before the end only when nothing left can change it: the limits cannot be exceeded any
    // more, and enough measurements were already judged for the whole run.
    const cannotChange = t.successes > 0 &&
        judgedNow >= requiredJudged(limits.minJudged, planned, planned) &&
        t.failures + remaining <= limits.failureLimit &&
        t.inconclusive + remaining <= limits.inconclusiveLimit &&
        t.errorStreak + remaining <= limits.errorLimit;
    if (!complete && remaining > 0 && !cannotChange) {
        return outcome('running', `${name}: ${t.taken} of ${planned} measurements taken`);
    }
    const lastError = lastMessage(measurements, (m) => m.phase === 'error');
    const errorsNote = lastError
        ? `${plural(t.errors, 'query error')}, last: ${lastError.message ?? 'unknown'}`
        : undefined;
    if (t.successes === 0) {
        const why = t.taken === 0
            ? 'no measurement was taken'
            : judgedNow === 0
                ? `no measurement could be judged in ${plural(t.taken, 'attempt')}` + (errorsNote ? ` (${errorsNote})` : '')
                : `no measurement passed: ${t.failures} failed within failureLimit ${limits.failureLimit}`;
        return outcome('inconclusive', `${name}: ${why}`);
    }
    if (judgedNow < judged.required) {
        const unjudged = [];
        if (errorsNote)
            unjudged.push(errorsNote);
        if (t.inconclusive > 0)
            unjudged.push(`${t.inconclusive} inconclusive`);
        const dueText = due < planned ? `${plural(due, 'measurement')} due (${planned} planned)` : plural(due, 'measurement');
        return outcome('inconclusive', `${name}: judged ${judgedNow} of ${dueText}, fewer than the ${judged.required} required (minJudged)` +
            (unjudged.length > 0 ? `; not judged: ${unjudged.join(', ')}` : ''));
    }
    const last = lastMessage(measurements, (m) => counted(m, onNoData) === 'success');
    const tolerated = [];
    if (t.failures > 0)
        tolerated.push(`${t.failures} failed within failureLimit ${limits.failureLimit}`);
    if (t.inconclusive > 0)
        tolerated.push(`${t.inconclusive} inconclusive within inconclusiveLimit ${limits.inconclusiveLimit}`);
    if (t.errors > 0)
        tolerated.push(`${plural(t.errors, 'query error')} within errorLimit ${limits.errorLimit}`);
    const extra = tolerated.length > 0 ? `; ${tolerated.join(', ')}` : '';
    // Cut short by another check before this one was decided: what was measured passed, no more.
    if (t.taken < planned && !cannotChange && stoppedBy !== undefined) {
        return outcome('passed', `${name}: ${t.successes} of ${plural(t.taken, 'measurement')} passed before the run stopped (${stoppedBy}), last ${last?.message ?? 'ok'}${extra}`);
    }
    const early = t.taken < planned ? ` (stopped after ${t.taken} of ${planned})` : '';
    return outcome('passed', `${name}: passed ${t.successes} of ${plural(t.taken, 'measurement')}${early}, last ${last?.message ?? 'ok'}${extra}`);
}
/** The traffic query's total over its series, or null when there is no finite value (or an error). */
function trafficTotal(observed) {
    if (observed.kind !== 'values' || observed.values.length === 0)
        return null;
    return observed.values.reduce((a, b) => a + b, 0);
}
/**
 * One tick of the minTraffic gate as a measurement for reports: `successful` at or above the floor,
 * `no-data` below it or without data, `error` when the traffic query failed.
 */
function trafficMeasurement(observed, min, time) {
    const gate = trafficGate(observed, min);
    const value = trafficTotal(observed);
    const warnings = observed.kind === 'values' && observed.warnings?.length ? { warnings: observed.warnings } : {};
    const base = { time: time.toISOString(), value, ...warnings };
    if (gate.open)
        return { ...base, phase: 'successful', message: `traffic ${(0,number/* formatNumber */.Z)(value ?? 0)} >= minTraffic ${(0,number/* formatNumber */.Z)(min)}` };
    if (gate.observed.kind === 'error')
        return { ...base, value: null, phase: 'error', message: gate.observed.message };
    return {
        ...base,
        phase: 'no-data',
        message: gate.observed.kind === 'no-data' ? gate.observed.why : 'no traffic data'
    };
}
/**
 * minTraffic: the traffic query's total (summed over series, traffic being additive) must reach
 * `min`; below it, or with no data or NaN, every check's measurement at that tick is no-data.
 */
function trafficGate(observed, min) {
    if (observed.kind === 'error')
        return { open: false, observed: { kind: 'error', message: `minTraffic query failed: ${observed.message}` } };
    if (observed.kind === 'no-data')
        return { open: false, observed };
    if (observed.values.length === 0) {
        const what = observed.nonFinite.length > 0 ? `traffic ${observed.nonFinite[0]}` : 'no traffic data';
        return { open: false, observed: { kind: 'no-data', why: `${what}, below minTraffic ${(0,number/* formatNumber */.Z)(min)}` } };
    }
    const total = trafficTotal(observed) ?? 0;
    if (total < min)
        return { open: false, observed: { kind: 'no-data', why: `traffic ${(0,number/* formatNumber */.Z)(total)} < minTraffic ${(0,number/* formatNumber */.Z)(min)}` } };
    return { open: true };
}

;// CONCATENATED MODULE: ./src/decide/analysis-verdict.ts
function decideAnalysisVerdict(checks) {
    const enforced = checks.filter((c) => !c.dryRun);
    const failed = enforced.filter((c) => c.status === 'failed');
    const inconclusive = enforced.filter((c) => c.status === 'inconclusive');
    const shadow = checks
        .filter((c) => c.dryRun && c.status !== 'passed')
        .map((c) => `dry run (not enforced): ${c.name} would be ${c.status}: ${c.reason}`);
    if (failed.length > 0)
        return { verdict: 'failed', reasons: [...failed, ...inconclusive].map((c) => c.reason).concat(shadow) };
    if (inconclusive.length > 0)
        return { verdict: 'inconclusive', reasons: inconclusive.map((c) => c.reason).concat(shadow) };
    const reasons = enforced.length === 0
        ? [`no enforced checks: all ${checks.length} checks are dry run`]
        : enforced.map((c) => c.reason);
    return { verdict: 'passed', reasons: reasons.concat(shadow) };
}

// EXTERNAL MODULE: ./src/util/sleep.ts
var util_sleep = __webpack_require__(7783);
;// CONCATENATED MODULE: ./src/analysis/run.ts







const DEFAULT_BASELINE_WINDOW = { window: 10 * 60_000, offset: 0 };
function errorText(error) {
    return error instanceof Error ? error.message : String(error);
}
async function measure(prometheus, query, time) {
    try {
        const result = await prometheus.instantQuery(query, time);
        return { kind: 'values', ...observe(result.data), warnings: result.warnings };
    }
    catch (error) {
        // bad_data is Prometheus refusing the query itself (a type error the config check cannot see);
        // unlike a timeout or a 5xx it answers the same way every time.
        const rejected = error instanceof errors/* PrometheusError */.H && error.errorType === 'bad_data';
        return { kind: 'error', message: errorText(error), ...(rejected ? { rejected } : {}) };
    }
}
/** The probe's one-line failure, or undefined when Prometheus answered (or there is no probe, or the run was cancelled). */
async function probe(prometheus, signal) {
    if (!prometheus.probe)
        return undefined;
    try {
        await prometheus.probe();
        return undefined;
    }
    catch (error) {
        return signal?.aborted ? undefined : errorText(error);
    }
}
function conditionOf(state) {
    const { max, min, maxIncrease, maxDecrease } = state.check;
    const condition = {};
    if (max !== undefined)
        condition.max = max;
    if (min !== undefined)
        condition.min = min;
    if (maxIncrease !== undefined)
        condition.maxIncrease = maxIncrease;
    if (maxDecrease !== undefined)
        condition.maxDecrease = maxDecrease;
    if (state.baseline)
        condition.baseline = state.baseline.value;
    return condition;
}
async function runAnalysis(options) {
    const { checks, settings, prometheus, signal } = options;
    const now = options.now ?? (() => new Date());
    const sleep = options.sleep ?? util_sleep/* sleep */.y;
    const window = options.baselineWindow ?? DEFAULT_BASELINE_WINDOW;
    const limits = settings;
    const startedAt = now();
    // Fail fast when Prometheus cannot be queried at all (refused, DNS, TLS, 401/403, timeout), instead
    // of spending errorLimit × interval finding out; the one line names the URL and the cause.
    const unreachable = await probe(prometheus, signal);
    if (unreachable !== undefined) {
        const at = now().toISOString();
        return {
            startedAt: startedAt.toISOString(),
            finishedAt: at,
            checks: [],
            verdict: 'inconclusive',
            reasons: [unreachable]
        };
    }
    const states = await Promise.all(checks.map(async (check) => ({
        check,
        baseline: isRelative(check) ? await takeBaseline(prometheus, check.query, check, startedAt, window) : undefined,
        measurements: [],
        decided: false
    })));
    const judge = (s, complete, stoppedBy) => judgeCheck({
        name: s.check.name,
        onNoData: s.check.onNoData,
        measurements: s.measurements,
        limits,
        planned: settings.count,
        complete,
        ...(stoppedBy !== undefined ? { stoppedBy } : {})
    });
    // The verdict is certain once an enforced check failed or every enforced check is decided. Dry-run
    // checks (and every check in a whole-run dry run) exist to be tuned, so they are measured for as
    // long as the run lasts — the full window when nothing is enforced — instead of stopping at their
    // first decision; their outcome is judged over everything measured (the limits are monotonic).
    const enforced = states.filter((s) => !s.check.dryRun);
    const shadow = (s) => options.dryRun === true || s.check.dryRun;
    const certain = () => {
        if (options.dryRun || enforced.length === 0)
            return false;
        if (enforced.some((s) => s.decided && judge(s, false).status === 'failed'))
            return true;
        return enforced.every((s) => s.decided);
    };
    const traffic = [];
    let ticks = 0;
    let stoppedEarly = false;
    for (let tick = 0; tick < settings.count; tick++) {
        const due = startedAt.getTime() + settings.initialDelay + tick * settings.interval;
        await sleep(Math.max(0, due - now().getTime()), signal);
        if (signal?.aborted)
            break;
        const time = now();
        let gated;
        let rejectedTraffic;
        if (options.minTraffic) {
            const observed = await measure(prometheus, options.minTraffic.query, time);
            if (signal?.aborted && observed.kind === 'error')
                break;
            if (observed.kind === 'error' && observed.rejected)
                rejectedTraffic = observed.message;
            traffic.push(trafficMeasurement(observed, options.minTraffic.min, time));
            const gate = trafficGate(observed, options.minTraffic.min);
            if (!gate.open)
                gated = gate.observed;
        }
        const active = states.filter((s) => !s.decided || shadow(s));
        const observations = await Promise.all(active.map((s) => (gated ? Promise.resolve(gated) : measure(prometheus, s.check.query, time))));
        // A query error while the run is being cancelled is the cancellation, not a measurement: the run
        // ends with the answers it had.
        const cutShort = (o) => signal?.aborted === true && o.kind === 'error';
        if (signal?.aborted && observations.every((o) => cutShort(o)))
            break;
        active.forEach((s, i) => {
            const observed = observations[i];
            if (cutShort(observed))
                return;
            const m = evaluate(s.check, observed, time, s.baseline);
            s.measurements.push(m);
            // A rejected query would only be rejected again until errorLimit runs out: stop it now.
            if (rejectedTraffic !== undefined)
                s.rejected = `invalid minTraffic query, fix it in the config: ${rejectedTraffic}`;
            else if (observed.kind === 'error' && observed.rejected)
                s.rejected = `invalid query, fix it in the config: ${observed.message}`;
            s.decided = s.rejected !== undefined || judge(s, false).decided;
            options.onMeasurement?.(s.check.name, m);
        });
        ticks++;
        if (certain()) {
            stoppedEarly = tick < settings.count - 1;
            break;
        }
    }
    const finishedAt = now();
    const cancelled = signal?.aborted === true;
    // When the run stopped before its planned end, a check that was still undecided was cut short: its
    // reason names what stopped the run instead of reading like a full pass.
    const statusAtStop = (s) => (s.rejected !== undefined ? 'inconclusive' : judge(s, false).status);
    const named = (status) => enforced.filter((s) => s.decided && statusAtStop(s) === status).map((s) => s.check.name);
    const [failedAtStop, inconclusiveAtStop] = [named('failed'), named('inconclusive')];
    const stoppedBy = !stoppedEarly
        ? undefined
        : failedAtStop.length > 0
            ? `${failedAtStop.join(', ')} failed`
            : inconclusiveAtStop.length > 0
                ? `${inconclusiveAtStop.join(', ')} inconclusive`
                : 'every enforced check was decided';
    const results = states.map((s) => {
        const outcome = judge(s, true, s.decided ? undefined : stoppedBy);
        const undecidedAtCancel = cancelled && !s.decided;
        const status = s.rejected !== undefined || undecidedAtCancel ? 'inconclusive' : outcome.status;
        const from = s.baseline
            ? new Date(Math.min(baselineRange(startedAt, window).from.getTime(), startedAt.getTime()))
            : startedAt;
        const to = new Date(Math.max(finishedAt.getTime(), startedAt.getTime() + settings.interval));
        return {
            name: s.check.name,
            query: s.check.query,
            condition: conditionOf(s),
            measurements: s.measurements,
            // A complete judgement is never 'running'; the fallback only satisfies the type.
            status: status === 'running' ? 'inconclusive' : status,
            reason: s.rejected !== undefined
                ? `${s.check.name}: ${s.rejected}`
                : undecidedAtCancel
                    ? `${s.check.name}: analysis cancelled after ${ticks} of ${settings.count} measurements`
                    : outcome.reason,
            dryRun: s.check.dryRun,
            judged: outcome.judged,
            graphUrl: prometheus.graphUrl(s.check.query, from, to)
        };
    });
    const { verdict, reasons } = decideAnalysisVerdict(results);
    return {
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        checks: results,
        verdict,
        reasons,
        ...(options.minTraffic
            ? { traffic: { query: options.minTraffic.query, min: options.minTraffic.min, measurements: traffic } }
            : {})
    };
}

;// CONCATENATED MODULE: ./src/commands/analysis-step.ts





/** True when a check or the minTraffic query needs `{{version}}` (so the version must be known first). */
function analysisUsesVersion(analysis) {
    if (!analysis)
        return false;
    return [...analysis.checks.map((c) => c.query), analysis.minTraffic?.query ?? ''].some((q) => (0,template/* templateVariablesUsed */.xU)(q).includes('version'));
}
/** The queries' template values: the first target's. */
function templateValues(config, version) {
    return (0,template/* targetTemplateValues */.sz)(config.variables, config.targets[0], version);
}
/** An analysis that could not start (no Prometheus configured): inconclusive, never a pass. */
function notRunnable(reason, now) {
    const at = now.toISOString();
    return { startedAt: at, finishedAt: at, checks: [], verdict: 'inconclusive', reasons: [reason] };
}
/**
 * @param deployStartedAt when the deploy began, if known (verify knows the rollout's start): relative
 *   checks take their baseline from before it, and alerts that began earlier are pre-existing. Without
 *   it (analyze), the baseline window ends `baseline.offset` before the analysis starts, and the run's
 *   start separates new alerts from old ones.
 */
async function runConfiguredAnalysis(config, version, ctx, deployStartedAt, gates = { alerts: deployStartedAt === undefined }) {
    const analysis = await runMetricAnalysis(config, version, ctx, deployStartedAt);
    if (!gates.alerts || !config.alerts || ctx.signal.aborted)
        return analysis;
    // Loaded only when configured (start-up cost otherwise).
    const { gateOnAlerts } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(542), __webpack_require__.e(20)]).then(__webpack_require__.bind(__webpack_require__, 2020));
    return gateOnAlerts(analysis, config, ctx, {
        ...(version !== undefined ? { version } : {}),
        ...(deployStartedAt ? { since: deployStartedAt } : {})
    });
}
async function runMetricAnalysis(config, version, ctx, deployStartedAt) {
    const analysis = config.analysis;
    if (!analysis || analysis.checks.length === 0)
        return notRunnable('no analysis checks are configured', ctx.now());
    if (!config.prometheus)
        return notRunnable('analysis checks are configured but no Prometheus URL was given', ctx.now());
    const values = templateValues(config, version);
    if (analysisUsesVersion(analysis) && !version) {
        return notRunnable('the queries use {{version}} but no version is known: set the `version` input or a target whose image has a tag', ctx.now());
    }
    const checks = analysis.checks.map((check) => ({ ...check, query: (0,template/* renderTemplate */.Xm)(check.query, values) }));
    const minTraffic = analysis.minTraffic
        ? { query: (0,template/* renderTemplate */.Xm)(analysis.minTraffic.query, values), min: analysis.minTraffic.min }
        : undefined;
    ctx.log(`${checks.length} check(s), ${analysis.count} measurement(s) every ${(0,duration/* formatDuration */.a3)(analysis.interval)}` +
        (analysis.initialDelay ? ` after ${(0,duration/* formatDuration */.a3)(analysis.initialDelay)}` : '') +
        // The URL may carry a password (masked, but better never printed at all).
        ` against ${(0,errors/* redactUrl */.B)(new URL(config.prometheus.url))}`);
    // Loaded only when an analysis runs (axios and the client are start-up cost otherwise).
    const { createPrometheusClient } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(542), __webpack_require__.e(514)]).then(__webpack_require__.bind(__webpack_require__, 514));
    // The run's cancel signal reaches every request and retry wait, not only the loop's sleeps.
    const prometheus = createPrometheusClient(config.prometheus, { signal: ctx.signal });
    return runAnalysis({
        checks,
        minTraffic,
        settings: analysis,
        baselineWindow: {
            window: analysis.baseline.window,
            offset: analysis.baseline.offset + (deployStartedAt ? Math.max(0, ctx.now().getTime() - deployStartedAt.getTime()) : 0)
        },
        prometheus,
        dryRun: config.dryRun,
        signal: ctx.signal,
        onMeasurement: (name, m) => ctx.log(
        // The message already carries the value in the metric's unit; a bare value only when there is none.
        `${name}: ${m.phase}${m.message ? ` — ${m.message}` : m.value !== null ? ` — ${(0,number/* formatNumber */.Z)(m.value)}` : ''}`)
    });
}


/***/ }),

/***/ 2737:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ redactUrl),
/* harmony export */   H: () => (/* binding */ PrometheusError)
/* harmony export */ });
/**
 * One error type for everything that can go wrong talking to Prometheus. Messages are one sentence
 * naming the URL tried (credentials stripped) and never contain auth headers, tokens or passwords.
 */
class PrometheusError extends Error {
    kind;
    /** The URL tried, without credentials or query string. */
    url;
    status;
    /** Prometheus' `errorType`, e.g. `bad_data`, `execution`, `timeout`. */
    errorType;
    /** Prometheus' `error` text. */
    apiError;
    /** How many attempts were made before giving up. */
    attempts;
    /** The server's `Retry-After`, in milliseconds, when it sent one. */
    retryAfterMs;
    /** The cause in a few words (`ECONNREFUSED`, `HTTP 401 (unauthorized: …)`), for one-line summaries. */
    shortCause;
    constructor(init) {
        super(init.message);
        this.shortCause = init.shortCause;
        this.name = 'PrometheusError';
        this.kind = init.kind;
        this.url = init.url;
        this.status = init.status;
        this.errorType = init.errorType;
        this.apiError = init.apiError;
        this.attempts = init.attempts ?? 1;
        this.retryAfterMs = init.retryAfterMs;
    }
    /** A copy reporting the total number of attempts (the retry loop knows it, the request does not). */
    withAttempts(attempts) {
        if (attempts <= 1)
            return this;
        const message = `${this.message.replace(/\.$/, '')} (after ${attempts} attempts).`;
        return new PrometheusError({
            kind: this.kind,
            message,
            url: this.url,
            status: this.status,
            errorType: this.errorType,
            apiError: this.apiError,
            attempts,
            shortCause: this.shortCause
        });
    }
}
/** The URL for messages: no userinfo, no query string or fragment. */
function redactUrl(url) {
    const copy = new URL(url.toString());
    copy.username = '';
    copy.password = '';
    copy.search = '';
    copy.hash = '';
    return copy.toString();
}


/***/ })

};
