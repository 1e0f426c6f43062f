export const id = 893;
export const ids = [893];
export const modules = {

/***/ 4893:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  configSchema: () => (/* binding */ configSchema)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(2857);
// EXTERNAL MODULE: ./node_modules/@prometheus-io/lezer-promql/dist/index.es.js + 3 modules
var index_es = __webpack_require__(6828);
;// CONCATENATED MODULE: ./src/config/promql.ts
/**
 * Syntax check of a PromQL query with Prometheus' own lezer grammar, so a typo in a query is a config
 * error with its position instead of a failed measurement minutes into an analysis.
 * Beyond syntax, only the type of the whole expression is checked: a check judges one number per series,
 * so a range vector (`x[5m]`, a subquery `rate(x[1m])[5m:]`) or a string is refused here rather than
 * being judged on its last point or failing at every measurement. Unknown metrics and type errors inside
 * the expression (e.g. rate of an instant vector) are left to Prometheus.
 */

function checkPromql(query) {
    if (query.trim() === '')
        return { ok: false, message: 'invalid PromQL: the query is empty' };
    let errorAt;
    index_es/* parser */.K3D.parse(query).iterate({
        enter(node) {
            if (errorAt)
                return false;
            if (node.type.isError)
                errorAt = { from: node.from, to: node.to };
            return undefined;
        }
    });
    if (!errorAt)
        return resultTypeProblem(query);
    const { line, col } = lineCol(query, errorAt.from);
    return { ok: false, message: `invalid PromQL at ${line}:${col}: ${describe(query, errorAt.from, errorAt.to)}` };
}
// Wrappers that keep the type of what they wrap.
const TRANSPARENT = new Set(['ParenExpr', 'OffsetExpr', 'StepInvariantExpr']);
/** Refuses a query whose result is not a number per series (instant vector or scalar). */
function resultTypeProblem(query) {
    let node = index_es/* parser */.K3D.parse(query).topNode.firstChild;
    while (node && node.type.name === 'LineComment')
        node = node.nextSibling;
    while (node && TRANSPARENT.has(node.type.name))
        node = node.firstChild;
    if (node?.type.name === 'MatrixSelector' || node?.type.name === 'SubqueryExpr') {
        return {
            ok: false,
            message: 'returns a range vector, but a check needs one value per series: aggregate the window, e.g. max_over_time(...[5m:]) instead of ...[5m:]'
        };
    }
    if (node?.type.name === 'StringLiteral')
        return { ok: false, message: 'returns a string, but a check needs a number' };
    return { ok: true };
}
function describe(query, from, to) {
    // An empty error node means the parser wanted more at this point; otherwise show what it could not use.
    const text = (to > from ? query.slice(from, to) : query.slice(from)).trim();
    if (text === '') {
        // The commonest cause by far: a bracket left open. Name it instead of the bare end of input.
        const open = unclosed(query);
        return open ? `unexpected end of query (unclosed "${open}")` : 'unexpected end of query';
    }
    const token = /^\S+/.exec(text)?.[0] ?? text;
    return `unexpected ${JSON.stringify(token.length > 1 && to <= from ? token[0] : token)}`;
}
function lineCol(text, offset) {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, col: before[before.length - 1].length + 1 };
}
/** The innermost bracket still open at the end of the query, ignoring string literals. */
function unclosed(query) {
    const stack = [];
    const pairs = { ')': '(', ']': '[', '}': '{' };
    let quote = null;
    for (let i = 0; i < query.length; i++) {
        const ch = query[i];
        if (quote) {
            if (ch === '\\' && quote !== '`')
                i++;
            else if (ch === quote)
                quote = null;
        }
        else if (ch === '"' || ch === "'" || ch === '`')
            quote = ch;
        else if (ch === '(' || ch === '[' || ch === '{')
            stack.push(ch);
        else if (pairs[ch] && stack[stack.length - 1] === pairs[ch])
            stack.pop();
    }
    return stack[stack.length - 1];
}

// EXTERNAL MODULE: ./src/config/template.ts
var config_template = __webpack_require__(9030);
;// CONCATENATED MODULE: ./src/config/query-check.ts
/**
 * Validates one query template: placeholders first, then PromQL syntax of the query rendered with
 * stand-in values. Error positions refer to the template as the user wrote it, not the rendered text.
 */


/** Problems with a query template, each a complete sentence; empty when it is fine. */
function queryTemplateProblems(template, values) {
    const problems = (0,config_template/* templateProblems */.bi)(template, Object.keys(values));
    if (problems.length > 0)
        return problems;
    const rendered = renderTraced(template, values);
    const result = checkPromql(rendered.text);
    if (result.ok)
        return [];
    // Map "at L:C" in the rendered query back to the template, so the column points at what the user typed.
    return [
        result.message.replace(/at (\d+):(\d+)/, (_, line, col) => {
            const offset = offsetOf(rendered.text, Number(line), Number(col));
            const source = lineColOf(template, rendered.toSource(offset));
            return `at ${source.line}:${source.col}`;
        })
    ];
}
/** Render placeholder by placeholder, remembering where each substitution landed. */
function renderTraced(template, values) {
    const spans = [];
    let text = '';
    let last = 0;
    for (const match of template.matchAll(/\{\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}\}/g)) {
        text += template.slice(last, match.index);
        // Render the prefix plus placeholder so string-literal escaping sees its context.
        const before = (0,config_template/* renderTemplate */.Xm)(template.slice(0, match.index), values);
        const withValue = (0,config_template/* renderTemplate */.Xm)(template.slice(0, match.index + match[0].length), values);
        const value = withValue.slice(before.length);
        spans.push({
            from: text.length,
            to: text.length + value.length,
            source: match.index,
            sourceEnd: match.index + match[0].length
        });
        text += value;
        last = match.index + match[0].length;
    }
    text += template.slice(last);
    return {
        text,
        toSource(offset) {
            let shift = 0;
            for (const span of spans) {
                if (offset < span.from)
                    break;
                if (offset < span.to)
                    return span.source;
                shift = span.sourceEnd - span.to;
            }
            return offset + shift;
        }
    };
}
function offsetOf(text, line, col) {
    const lines = text.split('\n');
    return lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + col - 1;
}
function lineColOf(text, offset) {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, col: before[before.length - 1].length + 1 };
}

// EXTERNAL MODULE: ./src/config/schema-parts.ts
var schema_parts = __webpack_require__(9324);
// EXTERNAL MODULE: ./src/util/plain-object.ts
var plain_object = __webpack_require__(3838);
;// CONCATENATED MODULE: ./src/config/schema-analysis.ts
/** zod schema of the `analysis` section (Argo Rollouts limits, plus no-data, NaN and traffic policies). */




const CHECK_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
const CHECK_NAME_EXPECTED = 'expected a check name of letters, digits, "-", "_", "." or ":"';
const THRESHOLDS = ['max', 'min', 'maxIncrease', 'maxDecrease'];
// Cross-field checks run even when a sibling field is invalid, so all problems are reported together.
const ALWAYS = { when: () => true };
/** A PromQL query template, checked with stand-in values for its variables. */
function querySchema(templateValues) {
    return schema_parts/* nonEmptyString */.y0.superRefine((query, ctx) => {
        if (query === '')
            return; // already reported as empty
        for (const message of queryTemplateProblems(query, templateValues))
            ctx.addIssue({ code: 'custom', message, input: query });
    });
}
const MIN_JUDGED_EXPECTED = 'expected a whole number of measurements (at least 1), a share of count such as 60% or 0.6, or majority';
function parseMinJudged(value) {
    if (value === 'majority')
        return 'majority';
    if (typeof value === 'number') {
        if (Number.isInteger(value) && value >= 1)
            return { measurements: value };
        return value > 0 && value < 1 ? { share: value } : undefined;
    }
    const percent = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value) : null;
    const share = percent ? Number(percent[1]) / 100 : 0;
    return share > 0 && share <= 1 ? { share } : undefined;
}
const minJudged = schemas/* unknown */.L5J().transform((value, ctx) => {
    const parsed = parseMinJudged(value);
    if (parsed === undefined)
        ctx.addIssue({ code: 'custom', message: MIN_JUDGED_EXPECTED, input: value });
    return parsed ?? 'majority';
});
/** `minJudged` as a number of measurements out of `count`; by default a majority (> count / 2). */
function resolveMinJudged(value, count) {
    if (value === undefined || value === 'majority')
        return Math.floor(count / 2) + 1;
    if ('share' in value)
        return Math.max(1, Math.ceil(value.share * count));
    return value.measurements;
}
function analysisSchema(templateValues) {
    const query = querySchema(templateValues);
    const check = (0,schema_parts/* strictObject */.re)({
        name: schema_parts/* nonEmptyString */.y0.refine((name) => CHECK_NAME.test(name), { error: CHECK_NAME_EXPECTED }),
        query,
        max: schema_parts/* finiteNumber */.vM.optional(),
        min: schema_parts/* finiteNumber */.vM.optional(),
        maxIncrease: schema_parts/* percent */.KN.optional(),
        maxDecrease: schema_parts/* percent */.KN.optional(),
        onNoData: schemas/* enum */.k5n(['fail', 'pass', 'inconclusive'], { error: 'expected one of fail, pass, inconclusive' })
            .default('inconclusive'),
        onNaN: schemas/* enum */.k5n(['no-data', 'fail'], { error: 'expected one of no-data, fail' }).default('no-data'),
        dryRun: schemas/* boolean */.zMY({ error: 'expected true or false' }).default(false)
    }).superRefine((value, ctx) => {
        const raw = value;
        if (!(0,plain_object/* isPlainObject */.Q)(raw))
            return;
        if (!THRESHOLDS.some((key) => raw[key] !== undefined)) {
            ctx.addIssue({ code: 'custom', message: 'needs at least one of max, min, maxIncrease or maxDecrease' });
        }
        if (typeof raw.min === 'number' && typeof raw.max === 'number' && raw.min > raw.max) {
            ctx.addIssue({
                code: 'custom',
                path: ['min'],
                message: `min (${raw.min}) must not be greater than max (${raw.max})`
            });
        }
    }, ALWAYS);
    const checks = schemas/* array */.YOg(check, { error: 'expected a list of checks' }).superRefine((list, ctx) => {
        const raw = list;
        if (!Array.isArray(raw))
            return;
        const seen = new Map();
        raw.forEach((item, index) => {
            if (!(0,plain_object/* isPlainObject */.Q)(item) || typeof item.name !== 'string')
                return;
            const first = seen.get(item.name);
            if (first === undefined)
                seen.set(item.name, index);
            else
                ctx.addIssue({
                    code: 'custom',
                    path: [index, 'name'],
                    message: `duplicate check name "${item.name}" (also used by analysis.checks[${first}])`
                });
        });
    }, ALWAYS);
    return (0,schema_parts/* strictObject */.re)({
        initialDelay: schema_parts/* duration */.p0.default(0),
        interval: schema_parts/* duration */.p0.default(30_000),
        count: schema_parts/* positiveCount */.bR.default(10),
        failureLimit: schema_parts/* count */.U9.default(0),
        inconclusiveLimit: schema_parts/* count */.U9.default(0),
        errorLimit: schema_parts/* count */.U9.default(4),
        minJudged: minJudged.optional(),
        minTraffic: (0,schema_parts/* strictObject */.re)({
            query,
            min: schema_parts/* finiteNumber */.vM.refine((min) => min >= 0, { error: 'expected a number >= 0 (a request rate)' })
        }).optional(),
        baseline: (0,schema_parts/* strictObject */.re)({
            window: schema_parts/* lookback */.xK.refine((ms) => ms > 0, { error: 'expected a duration greater than 0' }).default(600_000),
            offset: schema_parts/* lookback */.xK.default(0)
        }).prefault({}),
        checks: checks.default(() => [])
    })
        .superRefine((value, ctx) => {
        // Argo: several measurements need a time between them.
        if (value.count > 1 && value.interval === 0) {
            ctx.addIssue({
                code: 'custom',
                path: ['interval'],
                message: `must be greater than 0 when count is ${value.count} (measurements need time between them)`
            });
        }
        // Argo's rule is failures > failureLimit: a limit of count or more means no check can ever fail.
        if (value.count >= 1 && value.failureLimit >= value.count) {
            ctx.addIssue({
                code: 'custom',
                path: ['failureLimit'],
                message: `must be less than count (${value.count}), or no check could ever fail (failed means more than failureLimit failures)`
            });
        }
        const judged = value.minJudged;
        if (value.count >= 1 &&
            judged !== undefined &&
            judged !== 'majority' &&
            'measurements' in judged &&
            judged.measurements > value.count) {
            ctx.addIssue({
                code: 'custom',
                path: ['minJudged'],
                message: `must not exceed count (${value.count}): a check cannot judge more measurements than it takes`
            });
        }
    })
        .transform(({ minJudged: judged, ...rest }) => ({
        ...rest,
        minJudged: resolveMinJudged(judged, rest.count)
    }));
}
const analysisMatches = true;
void analysisMatches;

// EXTERNAL MODULE: ./src/evaluate/alerts.ts
var alerts = __webpack_require__(6200);
// EXTERNAL MODULE: ./src/config/schema-root.ts + 2 modules
var schema_root = __webpack_require__(7278);
;// CONCATENATED MODULE: ./src/config/schema-alerts.ts
/**
 * zod schema of the `alerts` section: the "no critical alerts firing" check. Which severities count,
 * which alerts belong to the workload (label matchers, templated like queries), whether an alert that
 * was already firing before the deploy fails the run, and where alerts are read from.
 *
 * Matchers are a mapping of label name to value. A plain value is an equality match; Prometheus'
 * matcher operators are written in front of a double-quoted value: `'=~"web-.*"'`, `'!~"canary-.*"'`,
 * `'!="batch"'`, `'="=~literal"'` (the last only to match a value that itself starts with an operator).
 * Regexes are fully anchored, as in Prometheus and Alertmanager.
 */





const DEFAULT_ALERT_MATCHERS = [{ label: 'namespace', op: '=', value: '{{namespace}}' }];
const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const OPERATOR_FORM = /^(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"$/;
const MATCHER_EXPECTED = 'expected a label value, or an operator and a double-quoted value such as =~"web-.*", !~"canary-.*" or !="batch"';
/** A configured matcher value split into operator and (unescaped) value, or a message saying what is wrong. */
function parseMatcherValue(text) {
    const quoted = OPERATOR_FORM.exec(text);
    if (quoted)
        return { op: quoted[1], value: quoted[2].replace(/\\(.)/g, '$1') };
    // An operator without quotes is almost certainly a regex meant as one, not a literal value.
    if (/^(=~|!~|!=)/.test(text))
        return MATCHER_EXPECTED;
    return { op: '=', value: text };
}
const matchers = schemas/* record */.g1P(schemas/* string */.YjP(), schema_parts/* scalarString */.Cg, { error: 'expected a mapping of label names to values, e.g. { service: api }' })
    .transform((value, ctx) => {
    const parsed = [];
    for (const [label, text] of Object.entries(value)) {
        if (!LABEL_NAME.test(label)) {
            ctx.addIssue({
                code: 'custom',
                path: [label],
                message: 'expected a label name of letters, digits and _',
                input: label
            });
            continue;
        }
        const matcher = parseMatcherValue(text);
        if (typeof matcher === 'string')
            ctx.addIssue({ code: 'custom', path: [label], message: matcher, input: text });
        else
            parsed.push({ label, ...matcher });
    }
    return parsed;
});
const severities = schemas/* array */.YOg(schema_parts/* nonEmptyString */.y0, { error: 'expected a list of severity label values, e.g. [critical]' })
    .min(1, { error: 'expected at least one severity, e.g. [critical]' });
/** @param templateValues stand-ins for every template variable (see load.ts), to check matcher templates */
function alertsSchema(templateValues) {
    const known = Object.keys(templateValues);
    return (0,schema_parts/* strictObject */.re)({
        severities: severities.default(() => ['critical']),
        matchers: matchers.optional(),
        failOn: schemas/* enum */.k5n(['new', 'any'], { error: 'expected new or any' }).default('new'),
        source: schemas/* enum */.k5n(['auto', 'alertmanager', 'prometheus'], { error: 'expected auto, alertmanager or prometheus' })
            .default('auto'),
        // A Prometheus-style connection: url, auth, headers, TLS, timeout, retries.
        alertmanager: schema_root/* prometheusSchema */.aD.optional()
    })
        .superRefine((value, ctx) => {
        for (const matcher of value.matchers ?? []) {
            const problems = (0,config_template/* templateProblems */.bi)(matcher.value, known);
            for (const message of problems)
                ctx.addIssue({ code: 'custom', path: ['matchers', matcher.label], message });
            if (problems.length > 0 || (matcher.op !== '=~' && matcher.op !== '!~'))
                continue;
            try {
                (0,alerts/* anchoredRegex */.gR)((0,alerts/* renderMatcher */.Df)(matcher, templateValues).value);
            }
            catch (error) {
                const why = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : '';
                ctx.addIssue({
                    code: 'custom',
                    path: ['matchers', matcher.label],
                    message: `invalid regular expression: ${why}`
                });
            }
        }
        if (value.source === 'alertmanager' && value.alertmanager === undefined)
            ctx.addIssue({
                code: 'custom',
                path: ['alertmanager', 'url'],
                message: 'required with source: alertmanager: set the alertmanager-url input or alerts.alertmanager.url'
            });
    })
        .transform(({ matchers: configured, alertmanager, ...rest }) => ({
        ...rest,
        matchers: configured ?? [...DEFAULT_ALERT_MATCHERS],
        ...(alertmanager ? { alertmanager } : {})
    }));
}

;// CONCATENATED MODULE: ./src/config/schema-blue-green.ts
/**
 * zod schema of `canary.blueGreen` (used when `canary.strategy: blueGreen`): the Services that carry
 * live and preview traffic, the analysis before and after the switch, and how long blue stays up after
 * a good switch. The canary schema (schema-canary.ts) holds it as `canary.blueGreen`.
 */


/** A label key as Kubernetes accepts it: an optional DNS prefix, then a name of at most 63 characters. */
const labelKey = schemas/* string */.YjP()
    .regex(/^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/, {
    error: 'expected a label key such as colour or example.com/colour'
});
const phase = (0,schema_parts/* strictObject */.re)({ pause: schema_parts/* duration */.p0.optional() });
// templateValues: kept in the signature so later fields may hold templated queries like the canary's.
function blueGreenSchema(_templateValues) {
    return (0,schema_parts/* strictObject */.re)({
        activeService: schema_parts/* k8sName */.WE,
        previewService: schema_parts/* k8sName */.WE.optional(),
        prePromotion: phase.optional(),
        postPromotion: phase.optional(),
        scaleDownDelay: schema_parts/* duration */.p0.default(30_000),
        /**
         * Labels that set green's pods apart on the active Service's selector (e.g. `colour: green` where
         * it selects `colour: blue`): what a green made from blue with the `image` input carries instead.
         */
        greenLabels: schemas/* record */.g1P(labelKey, schemas/* string */.YjP({ error: 'expected a label value (a string)' }), {
            error: 'expected a mapping of label keys to values, e.g. { colour: green }'
        })
            .optional()
    });
}

;// CONCATENATED MODULE: ./src/config/schema-canary.ts
/**
 * zod schema of the `canary` section: strategy, workloads, steps, traffic router, what silence and a
 * manual pause mean, clean-up, and the baseline judge (`canary.judge`, Kayenta's canary-vs-baseline
 * metrics). The loaded config carries it as `canary` (src/config/types.ts). Which keys a command
 * needs (steps for strategy canary, blueGreen.activeService for blueGreen) is checked by load.ts.
 */






const schema_canary_ALWAYS = { when: () => true };
const METRIC_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
const METRIC_NAME_EXPECTED = 'expected a metric name of letters, digits, "-", "_", "." or ":"';
/** What `{{track}}` stands for while a query is checked (the real values are the two versions). */
const TRACK_STAND_IN = '1.0.0';
const score = schema_parts/* finiteNumber */.vM.refine((n) => n >= 0 && n <= 100, { error: 'expected a score from 0 to 100' });
function judgeSchema(templateValues) {
    const query = querySchema({ ...templateValues, track: TRACK_STAND_IN }).refine((text) => text === '' || (0,config_template/* templateVariablesUsed */.xU)(text).includes('track'), {
        error: 'must use {{track}} (it becomes the canary and then the baseline version), or both sides query the same series'
    });
    const metric = (0,schema_parts/* strictObject */.re)({
        name: schema_parts/* nonEmptyString */.y0.refine((name) => METRIC_NAME.test(name), { error: METRIC_NAME_EXPECTED }),
        query,
        direction: schemas/* enum */.k5n(['increase', 'decrease', 'either'], {
            error: 'expected one of increase, decrease, either (which change counts against the canary)'
        }),
        allowedIncrease: schema_parts/* finiteNumber */.vM
            .refine((n) => n >= 1, { error: 'expected a mean ratio >= 1 (1.2 tolerates 20 % more than the baseline)' })
            .default(1),
        allowedDecrease: schema_parts/* finiteNumber */.vM
            .refine((n) => n > 0 && n <= 1, {
            error: 'expected a mean ratio above 0 and at most 1 (0.8 tolerates 20 % less)'
        })
            .default(1),
        critical: schemas/* boolean */.zMY({ error: 'expected true or false' }).default(false),
        nanStrategy: schemas/* enum */.k5n(['remove', 'replace'], { error: 'expected one of remove, replace' }).default('remove'),
        minSamples: schema_parts/* positiveCount */.bR.default(5),
        group: schema_parts/* nonEmptyString */.y0.optional()
    });
    return (0,schema_parts/* strictObject */.re)({
        confidence: schema_parts/* finiteNumber */.vM
            .refine((n) => n > 0 && n < 1, { error: 'expected a confidence level between 0 and 1, such as 0.98' })
            .default(0.98),
        pass: score.default(95),
        marginal: score.default(75),
        tracks: (0,schema_parts/* strictObject */.re)({ canary: schema_parts/* scalarString */.Cg, baseline: schema_parts/* scalarString */.Cg }).optional(),
        groups: schemas/* record */.g1P(schemas/* string */.YjP(), schema_parts/* finiteNumber */.vM.refine((n) => n > 0, { error: 'expected a group weight greater than 0' }), { error: 'expected a mapping of group names to weights' })
            .optional(),
        metrics: schemas/* array */.YOg(metric, { error: 'expected a list of metrics' }).min(1, { error: 'expected at least one metric' })
    }).superRefine((value, ctx) => {
        const raw = value;
        if (!(0,plain_object/* isPlainObject */.Q)(raw))
            return;
        if (typeof raw.pass === 'number' && typeof raw.marginal === 'number' && raw.marginal > raw.pass) {
            ctx.addIssue({
                code: 'custom',
                path: ['marginal'],
                message: `must not be greater than pass (${raw.pass}): a marginal score is one below pass`
            });
        }
        if (!Array.isArray(raw.metrics))
            return;
        const groups = (0,plain_object/* isPlainObject */.Q)(raw.groups) ? raw.groups : undefined;
        const seen = new Map();
        raw.metrics.forEach((item, index) => {
            if (!(0,plain_object/* isPlainObject */.Q)(item))
                return;
            if (typeof item.name === 'string') {
                const first = seen.get(item.name);
                if (first === undefined)
                    seen.set(item.name, index);
                else
                    ctx.addIssue({
                        code: 'custom',
                        path: ['metrics', index, 'name'],
                        message: `duplicate metric name "${item.name}" (also used by canary.judge.metrics[${first}])`
                    });
            }
            if (groups && typeof item.group !== 'string') {
                ctx.addIssue({
                    code: 'custom',
                    path: ['metrics', index, 'group'],
                    message: `required when canary.judge.groups is set (one of: ${Object.keys(groups).join(', ')})`
                });
            }
            else if (typeof item.group === 'string' && !groups) {
                ctx.addIssue({
                    code: 'custom',
                    path: ['metrics', index, 'group'],
                    message: `names a group, but canary.judge.groups is not set; add groups: { ${item.group}: <weight> }`
                });
            }
            else if (groups && typeof item.group === 'string' && !(item.group in groups)) {
                ctx.addIssue({
                    code: 'custom',
                    path: ['metrics', index, 'group'],
                    message: `unknown group "${item.group}" (known: ${Object.keys(groups).join(', ')})`
                });
            }
        });
    }, schema_canary_ALWAYS);
}
const WEIGHT_EXPECTED = 'expected a weight from 0 to 100';
const weight = schemas/* number */.aig({ error: WEIGHT_EXPECTED })
    .min(0, { error: WEIGHT_EXPECTED })
    .max(100, { error: WEIGHT_EXPECTED });
/** `pause: manual` (hold for approval: the run stops here and a later run resumes) or a duration. */
const pause = schemas/* unknown */.L5J().transform((value, ctx) => {
    if (value === 'manual')
        return 'manual';
    const parsed = schema_parts/* duration */.p0.safeParse(value);
    if (parsed.success)
        return parsed.data;
    for (const issue of parsed.error.issues)
        ctx.addIssue({ code: 'custom', message: issue.message, input: value });
    return 0;
});
/**
 * One step: `{ weight, pause }`, `{ replicas: N, pause }` (hotfix fast-track: N canary pods, the
 * stable keeps serving) or `{ pause: manual }`. `pause: manual` comes out as `manual: true`, so
 * `pause` is always a duration in ms for the step machine.
 */
const step = (0,schema_parts/* strictObject */.re)({
    weight: weight.optional(),
    replicas: schema_parts/* count */.U9.optional(),
    pause: pause.optional(),
    analysis: schemas/* boolean */.zMY({ error: 'expected true or false' }).optional()
})
    .refine((s) => s.weight === undefined || s.replicas === undefined, {
    error: "give weight or replicas, not both (replicas: N sends the canary N pods' share of traffic)"
})
    .transform(({ pause: p, ...rest }) => ({
    ...rest,
    ...(p === 'manual' ? { manual: true } : p !== undefined ? { pause: p } : {})
}));
const istioDestination = (0,schema_parts/* strictObject */.re)({ host: schema_parts/* nonEmptyString */.y0, subset: schema_parts/* nonEmptyString */.y0.optional() });
/** One traffic router, by key; the names are those of the routing objects (Deployments for replicas). */
const traffic = (0,schema_parts/* strictObject */.re)({
    // Both names optional: stable defaults to targets[0], canary to canary.workload (or <stable>-canary).
    replicas: (0,schema_parts/* strictObject */.re)({ canary: schema_parts/* k8sName */.WE.optional(), stable: schema_parts/* k8sName */.WE.optional() }).optional(),
    gatewayHTTPRoute: (0,schema_parts/* strictObject */.re)({ route: schema_parts/* k8sName */.WE, stable: schema_parts/* k8sName */.WE, canary: schema_parts/* k8sName */.WE }).optional(),
    istioVirtualService: (0,schema_parts/* strictObject */.re)({
        virtualService: schema_parts/* k8sName */.WE,
        stable: istioDestination,
        canary: istioDestination
    }).optional(),
    nginxIngress: (0,schema_parts/* strictObject */.re)({ canaryIngress: schema_parts/* k8sName */.WE }).optional()
}).refine((routers) => Object.values(routers).filter((r) => r !== undefined).length === 1, {
    error: 'needs exactly one traffic router: replicas, gatewayHTTPRoute, istioVirtualService or nginxIngress'
});
/** `container: image` pairs (the `image` input); `*` stands for the only container. */
const schema_canary_images = schemas/* record */.g1P(schema_parts/* nonEmptyString */.y0, schema_parts/* nonEmptyString */.y0, { error: 'expected a mapping of container names to images' });
function canarySchema(templateValues) {
    return (0,schema_parts/* strictObject */.re)({
        strategy: schemas/* enum */.k5n(['canary', 'blueGreen'], { error: 'expected canary or blueGreen' }).default('canary'),
        steps: schemas/* array */.YOg(step, { error: 'expected a list of steps' })
            .min(1, { error: 'expected at least one step' })
            .optional(),
        /** The canary Deployment (default: <stable>-canary). Created from the stable with `images` when absent. */
        workload: schema_parts/* k8sName */.WE.optional(),
        /** New images for a canary created from the stable (the `image` input). */
        images: schema_canary_images.optional(),
        /** Canary pods with a weighted router (default: the stable's replicas). */
        replicas: schema_parts/* positiveCount */.bR.optional(),
        traffic: traffic.optional(),
        /** What a step whose analysis or judge had no data does: wait for data until stepTimeout, or stop. */
        onNoData: schemas/* enum */.k5n(['hold', 'inconclusive', 'abort'], { error: 'expected one of hold, inconclusive, abort' })
            .default('hold'),
        /** How long a step may hold for data (default: twice its pause). */
        stepTimeout: schema_parts/* duration */.p0.optional(),
        cleanup: schemas/* enum */.k5n(['scaleToZero', 'delete'], { error: 'expected scaleToZero or delete' }).default('scaleToZero'),
        /**
         * What this run does about a canary paused for approval (the `canary-resume` input): `start` refuses
         * to touch one (so a re-run or a new push never resumes past an approval by accident), `continue`
         * goes on from its next step, `abort` restores the routing and retires it.
         */
        resume: schemas/* enum */.k5n(['start', 'continue', 'abort'], { error: 'expected start, continue or abort' }).default('start'),
        judge: judgeSchema(templateValues).optional(),
        blueGreen: blueGreenSchema(templateValues).optional()
    });
}

;// CONCATENATED MODULE: ./src/config/schema.ts




function configSchema(context) {
    return (0,schema_root/* configSchemaOf */.ZK)(context, {
        analysis: analysisSchema(context.templateValues).optional(),
        canary: canarySchema(context.templateValues).optional(),
        alerts: alertsSchema(context.templateValues).optional()
    });
}
const configMatches = true;
void configMatches;


/***/ }),

/***/ 6200:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Df: () => (/* binding */ renderMatcher),
/* harmony export */   gR: () => (/* binding */ anchoredRegex),
/* harmony export */   h6: () => (/* binding */ formatLabels),
/* harmony export */   tH: () => (/* binding */ judgeAlerts),
/* harmony export */   zl: () => (/* binding */ formatMatchers)
/* harmony export */ });
/* unused harmony export matchesLabel */
/* harmony import */ var _config_template_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9030);
/**
 * The "no critical alerts firing" judgement. Pure: alerts as read from Alertmanager or Prometheus in,
 * three lists out. Which alerts belong to the workload (label matchers, Prometheus semantics: a missing
 * label is the empty string, regexes are fully anchored), which severities count (the `severity`
 * label, compared without case), and whether an alert is the deploy's doing:
 * - silenced or inhibited alerts were muted by a human or a rule: reported, never failing;
 * - an alert whose `startsAt` is before the deploy began was already burning: reported separately and
 *   failing only with `failOn: any`, so a deploy is not blamed for an old fire;
 * - every other matching firing alert fails the check.
 */

/** Escapes a value for use as a literal inside a regular expression. */
function escapeRegex(value) {
    return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/**
 * A matcher's value with its `{{name}}` placeholders filled. Values landing in a regex are escaped,
 * so a name like `api.v2` matches itself only. Throws on an unknown variable (the config check names
 * them first, so this means a value the run did not provide).
 */
function renderMatcher(matcher, values) {
    const isRegex = matcher.op === '=~' || matcher.op === '!~';
    const value = matcher.value.replace(_config_template_js__WEBPACK_IMPORTED_MODULE_0__/* .PLACEHOLDER */ .Kx, (whole, name) => {
        const filled = Object.hasOwn(values, name) ? values[name] : undefined;
        if (filled === undefined)
            throw new Error(`unknown template variable ${whole} in alerts.matchers.${matcher.label}`);
        return isRegex ? escapeRegex(filled) : filled;
    });
    return { ...matcher, value };
}
/** Compiles a regex matcher's value fully anchored, as Prometheus and Alertmanager do. */
function anchoredRegex(value) {
    return new RegExp(`^(?:${value})$`);
}
function matchesLabel(labels, matcher) {
    const actual = labels[matcher.label] ?? '';
    switch (matcher.op) {
        case '=':
            return actual === matcher.value;
        case '!=':
            return actual !== matcher.value;
        case '=~':
            return anchoredRegex(matcher.value).test(actual);
        case '!~':
            return !anchoredRegex(matcher.value).test(actual);
    }
}
function matchesAll(labels, matchers) {
    return matchers.every((matcher) => matchesLabel(labels, matcher));
}
function hasSeverity(alert, severities) {
    const severity = (alert.labels.severity ?? '').toLowerCase();
    return severities.some((wanted) => wanted.toLowerCase() === severity);
}
const startedBefore = (alert, since) => {
    const at = Date.parse(alert.startsAt);
    // An unreadable start cannot prove the alert is old: it counts as new (a gate never guesses "fine").
    return Number.isFinite(at) && at < since.getTime();
};
/** Earliest first, then by name: the order reports list alerts in. */
function byStart(a, b) {
    return Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.name.localeCompare(b.name);
}
function judgeAlerts(alerts, policy) {
    const judgement = { failing: [], preexisting: [], muted: [] };
    for (const alert of alerts) {
        if (!hasSeverity(alert, policy.severities))
            continue;
        if (!policy.matcherSets.some((set) => matchesAll(alert.labels, set)))
            continue;
        if (alert.state !== 'firing')
            judgement.muted.push(alert);
        else if (policy.failOn === 'new' && startedBefore(alert, policy.since))
            judgement.preexisting.push(alert);
        else
            judgement.failing.push(alert);
    }
    judgement.failing.sort(byStart);
    judgement.preexisting.sort(byStart);
    judgement.muted.sort(byStart);
    return judgement;
}
/** `namespace="shop", service=~"web-.*"`: matchers as Prometheus writes them. */
function formatMatchers(matchers) {
    return matchers.map((m) => `${m.label}${m.op}${JSON.stringify(m.value)}`).join(', ');
}
/** `{alertname="X", severity="critical"}`: labels as Prometheus writes them, sorted by name. */
function formatLabels(labels) {
    const entries = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([name, value]) => `${name}=${JSON.stringify(value)}`).join(', ')}}`;
}


/***/ })

};
