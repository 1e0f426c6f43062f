export const id = 946;
export const ids = [946,86,501];
export const modules = {

/***/ 26155:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  replicasSpec: () => (/* binding */ replicasSpec),
  runCanary: () => (/* binding */ runCanary)
});

// EXTERNAL MODULE: ./src/kube/api.ts
var api = __webpack_require__(30985);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./src/act/traffic/json-pointer.ts
/** RFC 6901 JSON pointers over plain objects, for the guarded patches. Pure. */
/** `/metadata/annotations/nginx.ingress.kubernetes.io~1canary-weight` from its segments. */
function pointer(...segments) {
    return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
function segmentsOf(path) {
    if (path === '')
        return [];
    return path
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
/** The value at `path`, or undefined when any step is missing. */
function readPointer(root, path) {
    let at = root;
    for (const segment of segmentsOf(path)) {
        if (Array.isArray(at))
            at = at[Number(segment)];
        else if (typeof at === 'object' && at !== null) {
            at = Object.prototype.hasOwnProperty.call(at, segment) ? at[segment] : undefined;
        }
        else
            return undefined;
    }
    return at;
}
/** The pointer of the parent (`/a/b` → `/a`). */
function parentPointer(path) {
    return path.slice(0, path.lastIndexOf('/'));
}

;// CONCATENATED MODULE: ./src/act/traffic/plan-writes.ts
/**
 * Pure: turns "these fields should hold these values" into an index-guarded JSON patch against what
 * deploy-guard believes the object holds (its last read or write). Every field that changes gets its
 * guards (`test` on the backend's name at that index) and a `test` on the value we believe is there,
 * then the `replace`, so the server refuses (422) instead of overwriting an edit made by someone else.
 * A field that was absent is `add`ed (JSON patch has no test for absence) and removed again on restore.
 */


/** The guarded patch bringing `live` to `fields`; empty when every field already holds its value. */
function guardedPatch(live, fields) {
    const ops = [];
    for (const field of fields) {
        const believed = readPointer(live, field.path);
        if ((0,external_node_util_.isDeepStrictEqual)(believed, field.value))
            continue;
        for (const guard of field.guards)
            ops.push({ op: 'test', path: guard.path, value: guard.value });
        if (believed !== undefined) {
            ops.push({ op: 'test', path: field.path, value: believed });
            ops.push(field.value === undefined
                ? { op: 'remove', path: field.path }
                : { op: 'replace', path: field.path, value: field.value });
        }
        else if (field.value !== undefined) {
            ops.push({ op: 'add', path: field.path, value: field.value });
        }
    }
    return dedupeTests(ops);
}
/** Two fields guarded by the same name test need it once. */
function dedupeTests(ops) {
    const seen = new Set();
    return ops.filter((op) => {
        if (op.op !== 'test')
            return true;
        const key = `${op.path}\u0000${JSON.stringify(op.value)}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/** The writes that put every touched field back to its saved value (only those that differ now). */
function restoreWrites(original, live, touched) {
    return touched
        .map((t) => ({ path: t.path, value: readPointer(original, t.path), guards: t.guards }))
        .filter((w) => !(0,external_node_util_.isDeepStrictEqual)(readPointer(live, w.path), w.value));
}
/** Adds the fields of `fields` that are not yet recorded as touched. */
function recordTouched(touched, fields) {
    for (const field of fields) {
        if (!touched.some((t) => t.path === field.path))
            touched.push({ path: field.path, guards: field.guards });
    }
}
/** Where the server's object differs from each `test` op of a refused patch: what someone else changed. */
function testsThatFail(ops, fresh) {
    return ops
        .filter((op) => op.op === 'test')
        .map((op) => ({
        path: op.path,
        expected: op.value,
        found: fresh === undefined ? undefined : readPointer(fresh, op.path)
    }))
        .filter((c) => !(0,external_node_util_.isDeepStrictEqual)(c.expected, c.found));
}

;// CONCATENATED MODULE: ./src/act/traffic/messages.ts
/** `HTTPRoute shop/web` */
function objectLabel(tracked) {
    return `${tracked.type.kind} ${tracked.namespace}/${tracked.name}`;
}
function shown(value) {
    return value === undefined ? '(absent)' : JSON.stringify(value);
}
function describeChanges(object, gone, changes, during) {
    const what = gone
        ? `${object} was deleted`
        : changes.length === 0
            ? `${object} changed while deploy-guard was writing it`
            : changes.map((c) => `${c.path} is ${shown(c.found)} where deploy-guard expected ${shown(c.expected)}`).join(', ');
    const prefix = gone ? '' : `${object}: `;
    const then = during === 'setWeight'
        ? 'nothing was overwritten; abort the canary and check who else edits this route'
        : 'their value was left in place; check the route by hand before the next canary';
    return `the route was changed by someone else: ${prefix}${what}; ${then}`;
}

;// CONCATENATED MODULE: ./src/act/traffic/types.ts
/**
 * A routing object was changed by someone else between our read (or last write) and this write, so a
 * `test` op failed (422) or the object is gone. Nothing was overwritten.
 */
class RouteChangedError extends Error {
    changes;
    during;
    constructor(message, changes, during) {
        super(message);
        this.changes = changes;
        this.during = during;
        this.name = 'RouteChangedError';
    }
}
/** The routing objects cannot be routed as the spec says (missing object, backend, annotation …). */
class TrafficSetupError extends Error {
    constructor(message) {
        super(message);
        this.name = 'TrafficSetupError';
    }
}

;// CONCATENATED MODULE: ./src/act/traffic/apply.ts
/**
 * The one place traffic routers write: sends a guarded patch for one tracked object and, when the
 * server refuses a `test` op (422) or the object is gone (404), re-reads it to say exactly which field
 * someone else changed. It never retries a refused write with fresh values: that would overwrite them.
 */




/** Reads an object for `prepare`, keeping an untouched deep copy as the saved original. */
function track(object, type, namespace) {
    return {
        type,
        namespace,
        name: object.metadata.name,
        original: structuredClone(object),
        live: structuredClone(object),
        touched: []
    };
}
/** Brings the fields of one tracked object to their values with an index-guarded JSON patch. */
async function writeFields(api, tracked, fields, during) {
    const ops = guardedPatch(tracked.live, fields);
    if (ops.length === 0)
        return;
    try {
        tracked.live = await api.patch(tracked.type, tracked.namespace, tracked.name, ops, 'json');
    }
    catch (error) {
        if (!refusedByGuard(error))
            throw error;
        const fresh = await api.get(tracked.type, tracked.namespace, tracked.name);
        const object = objectLabel(tracked);
        const changes = testsThatFail(ops, fresh).map((c) => ({ object, ...c }));
        throw new RouteChangedError(describeChanges(object, fresh === undefined, changes, during), changes, during);
    }
    recordTouched(tracked.touched, fields);
}
/** A failed `test` op comes back 422 Invalid; a deleted object 404. */
function refusedByGuard(error) {
    return error instanceof api/* KubeApiError */.W && (error.status === 422 || error.reason === 'not-found');
}
/**
 * Restores the objects in `order` (indexes into state.objects). A field someone else changed is left
 * as they set it: the object is re-read, that field (and any field sharing its guards) dropped, and
 * the rest restored in a second guarded patch. Everything left is reported in one RouteChangedError.
 */
async function restoreObjects(api, state, order) {
    const left = [];
    for (const index of order) {
        const tracked = state.objects[index];
        const writes = restoreWrites(tracked.original, tracked.live, tracked.touched);
        try {
            await writeFields(api, tracked, writes, 'restore');
        }
        catch (error) {
            if (!(error instanceof RouteChangedError))
                throw error;
            left.push(...error.changes);
            const fresh = await api.get(tracked.type, tracked.namespace, tracked.name);
            if (fresh === undefined)
                continue;
            const conflicted = new Set(error.changes.map((c) => c.path));
            const safe = writes.filter((w) => !conflicted.has(w.path) && !w.guards.some((g) => conflicted.has(g.path)));
            tracked.live = fresh;
            try {
                await writeFields(api, tracked, safe, 'restore');
            }
            catch (again) {
                if (!(again instanceof RouteChangedError))
                    throw again;
                left.push(...again.changes);
            }
        }
    }
    if (left.length > 0) {
        const byObject = [...new Set(left.map((c) => c.object))];
        throw new RouteChangedError(byObject
            .map((o) => describeChanges(o, false, left.filter((c) => c.object === o), 'restore'))
            .join('; '), left, 'restore');
    }
}

;// CONCATENATED MODULE: ./src/act/traffic/prepare-read.ts


async function readTracked(api, type, namespace, name, hint) {
    const object = await api.get(type, namespace, name);
    if (object === undefined)
        throw new TrafficSetupError(`${type.kind} ${namespace}/${name} not found: ${hint}`);
    return track(object, type, namespace);
}

// EXTERNAL MODULE: ./src/kube/resources.ts
var resources = __webpack_require__(26804);
;// CONCATENATED MODULE: ./src/act/traffic/resources.ts

const TRAFFIC_RESOURCES = {
    Deployment: resources/* RESOURCES */.eZ.Deployment,
    Service: resources/* RESOURCES */.eZ.Service,
    HTTPRoute: {
        apiVersion: 'gateway.networking.k8s.io/v1',
        resource: 'httproutes',
        kind: 'HTTPRoute',
        namespaced: true
    },
    VirtualService: {
        apiVersion: 'networking.istio.io/v1',
        resource: 'virtualservices',
        kind: 'VirtualService',
        namespaced: true
    },
    Ingress: { apiVersion: 'networking.k8s.io/v1', resource: 'ingresses', kind: 'Ingress', namespaced: true }
};

;// CONCATENATED MODULE: ./src/act/traffic/weight.ts
/** The weight a caller asks for: a percentage. Pure. */

function checkWeight(weight) {
    if (!Number.isFinite(weight) || weight < 0 || weight > 100) {
        throw new TrafficSetupError(`canary weight must be a number from 0 to 100 (got ${String(weight)})`);
    }
    return weight;
}

;// CONCATENATED MODULE: ./src/act/traffic/weighted-pairs.ts
function pairWrites(pairs, weight) {
    return pairs.flatMap((pair) => [
        { path: `${pair.stable.path}/weight`, value: 100 - weight, guards: pair.stable.guards },
        { path: `${pair.canary.path}/weight`, value: weight, guards: pair.canary.guards }
    ]);
}

;// CONCATENATED MODULE: ./src/act/traffic/gateway-httproute.ts







/** A backendRef to a core Service of that name (group '' and kind Service are the defaults). */
function isServiceRef(ref, name) {
    return (ref.name === name &&
        (ref.group === undefined || ref.group === '') &&
        (ref.kind === undefined || ref.kind === 'Service'));
}
/** The rules holding both backends, as index-guarded pairs. Pure. */
function httpRoutePairs(route, stable, canary) {
    const rules = (route.spec?.rules ?? []);
    const pairs = [];
    rules.forEach((rule, i) => {
        const refs = Array.isArray(rule.backendRefs) ? rule.backendRefs : [];
        const entry = (name) => {
            const j = refs.findIndex((ref) => isServiceRef(ref, name));
            if (j < 0)
                return undefined;
            const path = pointer('spec', 'rules', i, 'backendRefs', j);
            return { path, guards: [{ path: `${path}/name`, value: name }] };
        };
        const s = entry(stable);
        const c = entry(canary);
        if (s && c)
            pairs.push({ stable: s, canary: c });
    });
    return pairs;
}
function asSpec(spec) {
    if (spec.kind !== 'gatewayHTTPRoute')
        throw new TrafficSetupError(`gatewayHTTPRoute router given a ${spec.kind} spec`);
    return spec;
}
function pairsOf(state) {
    const spec = asSpec(state.spec);
    return httpRoutePairs(state.objects[0].original, spec.stable, spec.canary);
}
const gatewayHTTPRouteRouter = {
    kind: 'gatewayHTTPRoute',
    async prepare(api, rawSpec) {
        const spec = asSpec(rawSpec);
        const route = await readTracked(api, TRAFFIC_RESOURCES.HTTPRoute, spec.namespace, spec.route, 'name an existing HTTPRoute');
        if (httpRoutePairs(route.original, spec.stable, spec.canary).length === 0) {
            throw new TrafficSetupError(`HTTPRoute ${spec.namespace}/${spec.route} has no rule with both backendRefs "${spec.stable}" and "${spec.canary}": add the canary backendRef with weight: 0 next to the stable one`);
        }
        return { kind: 'gatewayHTTPRoute', spec, objects: [route], weight: 0, effectiveWeight: 0 };
    },
    async setWeight(api, state, weight) {
        // backendRef weights are int32: whole percents.
        const whole = Math.round(checkWeight(weight));
        await writeFields(api, state.objects[0], pairWrites(pairsOf(state), whole), 'setWeight');
        state.weight = weight;
        state.effectiveWeight = whole;
        return state;
    },
    restore: (api, state) => restoreObjects(api, state, [0])
};

;// CONCATENATED MODULE: ./src/act/traffic/istio-virtualservice.ts







function matches(route, want) {
    const d = route.destination;
    return d?.host === want.host && (want.subset === undefined || d.subset === want.subset);
}
function label(d) {
    return d.subset === undefined ? d.host : `${d.host} (subset ${d.subset})`;
}
/** The http routes holding both destinations, as index-guarded pairs. Pure. */
function virtualServicePairs(vs, stable, canary) {
    const http = (vs.spec?.http ?? []);
    const pairs = [];
    http.forEach((rule, i) => {
        const routes = Array.isArray(rule.route) ? rule.route : [];
        const entry = (want) => {
            const j = routes.findIndex((r) => matches(r, want));
            if (j < 0)
                return undefined;
            const path = pointer('spec', 'http', i, 'route', j);
            const guards = [{ path: `${path}/destination/host`, value: want.host }];
            if (want.subset !== undefined)
                guards.push({ path: `${path}/destination/subset`, value: want.subset });
            return { path, guards };
        };
        const s = entry(stable);
        const c = entry(canary);
        if (s && c)
            pairs.push({ stable: s, canary: c });
    });
    return pairs;
}
function istio_virtualservice_asSpec(spec) {
    if (spec.kind !== 'istioVirtualService')
        throw new TrafficSetupError(`istioVirtualService router given a ${spec.kind} spec`);
    return spec;
}
const istioVirtualServiceRouter = {
    kind: 'istioVirtualService',
    async prepare(api, rawSpec) {
        const spec = istio_virtualservice_asSpec(rawSpec);
        const vs = await readTracked(api, TRAFFIC_RESOURCES.VirtualService, spec.namespace, spec.virtualService, 'name an existing VirtualService');
        if (virtualServicePairs(vs.original, spec.stable, spec.canary).length === 0) {
            throw new TrafficSetupError(`VirtualService ${spec.namespace}/${spec.virtualService} has no http route with both destinations ${label(spec.stable)} and ${label(spec.canary)}: add the canary destination with weight: 0 next to the stable one`);
        }
        return { kind: 'istioVirtualService', spec, objects: [vs], weight: 0, effectiveWeight: 0 };
    },
    async setWeight(api, state, weight) {
        const spec = istio_virtualservice_asSpec(state.spec);
        const whole = Math.round(checkWeight(weight)); // route weights are integers
        const pairs = virtualServicePairs(state.objects[0].original, spec.stable, spec.canary);
        await writeFields(api, state.objects[0], pairWrites(pairs, whole), 'setWeight');
        state.weight = weight;
        state.effectiveWeight = whole;
        return state;
    },
    restore: (api, state) => restoreObjects(api, state, [0])
};

;// CONCATENATED MODULE: ./src/act/traffic/nginx-ingress.ts






const CANARY_ANNOTATION = 'nginx.ingress.kubernetes.io/canary';
const CANARY_WEIGHT_ANNOTATION = 'nginx.ingress.kubernetes.io/canary-weight';
const CANARY_WEIGHT_TOTAL_ANNOTATION = 'nginx.ingress.kubernetes.io/canary-weight-total';
/** The annotation value for a percentage, given the Ingress's `canary-weight-total` (default 100). Pure. */
function nginxCanaryWeight(weight, totalAnnotation) {
    const parsed = totalAnnotation === undefined ? 100 : Number.parseInt(totalAnnotation, 10);
    const total = Number.isFinite(parsed) && parsed > 0 ? parsed : 100;
    const units = Math.round((weight * total) / 100);
    return { value: String(units), effectiveWeight: (units / total) * 100 };
}
function nginx_ingress_asSpec(spec) {
    if (spec.kind !== 'nginxIngress')
        throw new TrafficSetupError(`nginxIngress router given a ${spec.kind} spec`);
    return spec;
}
const nginxIngressRouter = {
    kind: 'nginxIngress',
    async prepare(api, rawSpec) {
        const spec = nginx_ingress_asSpec(rawSpec);
        const ingress = await readTracked(api, TRAFFIC_RESOURCES.Ingress, spec.namespace, spec.canaryIngress, 'create the canary Ingress first');
        if (ingress.original.metadata.annotations?.[CANARY_ANNOTATION] !== 'true') {
            throw new TrafficSetupError(`Ingress ${spec.namespace}/${spec.canaryIngress} is not an ingress-nginx canary: annotate it ${CANARY_ANNOTATION}: "true"`);
        }
        return { kind: 'nginxIngress', spec, objects: [ingress], weight: 0, effectiveWeight: 0 };
    },
    async setWeight(api, state, weight) {
        const ingress = state.objects[0];
        const annotations = ingress.original.metadata.annotations ?? {};
        const { value, effectiveWeight } = nginxCanaryWeight(checkWeight(weight), annotations[CANARY_WEIGHT_TOTAL_ANNOTATION]);
        const mark = { path: pointer('metadata', 'annotations', CANARY_ANNOTATION), value: 'true' };
        await writeFields(api, ingress, [{ path: pointer('metadata', 'annotations', CANARY_WEIGHT_ANNOTATION), value, guards: [mark] }], 'setWeight');
        state.weight = weight;
        state.effectiveWeight = effectiveWeight;
        return state;
    },
    restore: (api, state) => restoreObjects(api, state, [0])
};

;// CONCATENATED MODULE: ./src/act/traffic/replica-split.ts
function splitReplicas(total, weight) {
    // Round the product first so 0.07 × 100 (7.000000000000001 in floating point) is not lifted to 8.
    const exact = Number(((weight * total) / 100).toFixed(9));
    const canary = Math.min(total, Math.ceil(exact));
    return { canary, stable: total - canary, effectiveWeight: total === 0 ? 0 : (canary / total) * 100 };
}

;// CONCATENATED MODULE: ./src/act/traffic/replicas.ts







const STABLE = 0;
const CANARY = 1;
const REPLICAS = pointer('spec', 'replicas');
function replicasOf(state, index, which) {
    const value = readPointer(state.objects[index][which], REPLICAS);
    return typeof value === 'number' ? value : 1; // Kubernetes' default when unset
}
/** Pods of both Deployments as found by prepare: the total the split keeps. */
function replicaTotal(state) {
    return replicasOf(state, STABLE, 'original') + replicasOf(state, CANARY, 'original');
}
function replicas_asSpec(spec) {
    if (spec.kind !== 'replicas')
        throw new TrafficSetupError(`replicas router given a ${spec.kind} spec`);
    return spec;
}
const replicasRouter = {
    kind: 'replicas',
    async prepare(api, rawSpec) {
        const spec = replicas_asSpec(rawSpec);
        const type = TRAFFIC_RESOURCES.Deployment;
        const stable = await readTracked(api, type, spec.namespace, spec.stable, 'the stable workload must exist');
        const canary = await readTracked(api, type, spec.namespace, spec.canary, 'create the canary Deployment first');
        const state = { kind: 'replicas', spec, objects: [stable, canary], weight: 0, effectiveWeight: 0 };
        const total = replicaTotal(state);
        if (total === 0)
            throw new TrafficSetupError(`Deployments ${spec.namespace}/${spec.stable} and ${spec.canary} have 0 replicas between them: nothing to split`);
        state.effectiveWeight = (replicasOf(state, CANARY, 'original') / total) * 100;
        return state;
    },
    async setWeight(api, state, weight) {
        const split = splitReplicas(replicaTotal(state), checkWeight(weight));
        const growCanary = split.canary >= replicasOf(state, CANARY, 'live');
        const writes = [
            { index: CANARY, replicas: split.canary },
            { index: STABLE, replicas: split.stable }
        ];
        for (const w of growCanary ? writes : writes.reverse()) {
            await writeFields(api, state.objects[w.index], [{ path: REPLICAS, value: w.replicas, guards: [] }], 'setWeight');
        }
        state.weight = weight;
        state.effectiveWeight = split.effectiveWeight;
        return state;
    },
    async restore(api, state) {
        const canaryGrows = replicasOf(state, CANARY, 'original') >= replicasOf(state, CANARY, 'live');
        await restoreObjects(api, state, canaryGrows ? [CANARY, STABLE] : [STABLE, CANARY]);
    }
};

;// CONCATENATED MODULE: ./src/act/traffic/service-selector.ts






const ACTIVE = 0;
const PREVIEW = 1;
const selectorPath = (key) => pointer('spec', 'selector', key);
/** Selector writes that make `service` select `labels` on the keys blue and green use. Pure. */
function selectorWrites(service, spec, to) {
    const keys = [...new Set([...Object.keys(spec.blue), ...Object.keys(spec.green)])];
    return keys.map((key) => ({
        path: selectorPath(key),
        value: to === 'green' ? spec.green[key] : readPointer(service, selectorPath(key)),
        guards: []
    }));
}
function service_selector_asSpec(spec) {
    if (spec.kind !== 'serviceSelector')
        throw new TrafficSetupError(`serviceSelector router given a ${spec.kind} spec`);
    return spec;
}
const serviceSelectorRouter = {
    kind: 'serviceSelector',
    async prepare(api, rawSpec) {
        const spec = service_selector_asSpec(rawSpec);
        if (Object.keys(spec.green).length === 0)
            throw new TrafficSetupError('serviceSelector.green needs at least one label');
        const type = TRAFFIC_RESOURCES.Service;
        const active = await readTracked(api, type, spec.namespace, spec.activeService, 'name the Service that takes live traffic');
        const selector = active.original.spec?.selector ?? {};
        const missing = Object.entries(spec.blue).filter(([k, v]) => selector[k] !== v);
        if (missing.length > 0 || Object.keys(spec.blue).length === 0) {
            throw new TrafficSetupError(`Service ${spec.namespace}/${spec.activeService} does not select blue (${Object.entries(spec.blue)
                .map(([k, v]) => `${k}=${v}`)
                .join(',') || 'no labels given'}): its selector is ${JSON.stringify(selector)}`);
        }
        const objects = [active];
        if (spec.previewService !== undefined) {
            objects.push(await readTracked(api, type, spec.namespace, spec.previewService, 'create the preview Service or leave previewService out'));
        }
        return { kind: 'serviceSelector', spec, objects, weight: 0, effectiveWeight: 0 };
    },
    async setWeight(api, state, weight) {
        const spec = service_selector_asSpec(state.spec);
        checkWeight(weight);
        if (weight !== 0 && weight !== 100) {
            throw new TrafficSetupError(`blue-green switches all traffic at once: weight must be 0 or 100 (got ${weight})`);
        }
        const preview = state.objects[PREVIEW];
        if (preview)
            await writeFields(api, preview, selectorWrites(preview.original, spec, 'green'), 'setWeight');
        const active = state.objects[ACTIVE];
        await writeFields(api, active, selectorWrites(active.original, spec, weight === 100 ? 'green' : 'original'), 'setWeight');
        state.weight = weight;
        state.effectiveWeight = weight;
        return state;
    },
    restore: (api, state) => restoreObjects(api, state, state.objects.length > 1 ? [ACTIVE, PREVIEW] : [ACTIVE])
};

;// CONCATENATED MODULE: ./src/act/traffic/index.ts
/** The traffic routers by kind (one file each); `routerFor(spec.kind).prepare(api, spec)` starts one. */





const ROUTERS = {
    replicas: replicasRouter,
    gatewayHTTPRoute: gatewayHTTPRouteRouter,
    istioVirtualService: istioVirtualServiceRouter,
    nginxIngress: nginxIngressRouter,
    serviceSelector: serviceSelectorRouter
};
function routerFor(kind) {
    return ROUTERS[kind];
}


;// CONCATENATED MODULE: ./src/canary/step-machine.ts
/** Whether a step runs the analysis: by default when it has a pause to measure over. */
function stepRunsAnalysis(step) {
    return step.analysis ?? (step.pause !== undefined && step.pause > 0);
}
/** The weight in effect at step `index`: its own, else the last one set before it, else 0. */
function weightAt(steps, index) {
    for (let i = index; i >= 0; i--) {
        const weight = steps[i]?.weight;
        if (weight !== undefined)
            return weight;
    }
    return 0;
}
function because(evaluation, fallback) {
    return evaluation.reasons[0] ?? fallback;
}
/** The judge's outcome as a step verdict: marginal is good enough only when a later judgement follows. */
function judgeVerdict(outcome, laterJudgement) {
    switch (outcome) {
        case 'pass':
            return 'passed';
        case 'marginal':
            return laterJudgement ? 'passed' : 'failed';
        case 'fail':
            return 'failed';
        case 'inconclusive':
            return 'inconclusive';
        default:
            return 'skipped';
    }
}
function decideStep(steps, evaluation, context) {
    const { index } = context;
    const label = `step ${index + 1} of ${steps.length}`;
    const judge = judgeVerdict(evaluation.judge ?? 'skipped', context.laterJudgement ?? false);
    const outcomes = [evaluation.health, evaluation.analysis, judge];
    if (outcomes.includes('failed')) {
        const what = evaluation.health === 'failed'
            ? 'the canary is unhealthy'
            : evaluation.analysis === 'failed'
                ? 'the analysis failed'
                : `the baseline judge scored ${evaluation.judge}`;
        return { action: 'abort', verdict: 'failed', reason: `${label}: ${because(evaluation, what)}` };
    }
    if (outcomes.includes('inconclusive')) {
        const what = evaluation.health === 'inconclusive'
            ? 'canary health unknown'
            : evaluation.analysis === 'inconclusive'
                ? 'the analysis was inconclusive'
                : 'the baseline judge had too little data';
        const reason = `${label}: ${because(evaluation, what)}`;
        return context.canHold ? { action: 'hold', reason } : { action: 'abort', verdict: 'inconclusive', reason };
    }
    const analysed = context.analysedBefore || evaluation.analysis === 'passed' || judge === 'passed';
    if (index + 1 < steps.length) {
        const next = index + 1;
        return { action: 'advance', next, reason: `${label} passed; next weight ${weightAt(steps, next)} %` };
    }
    if (!analysed) {
        return {
            action: 'abort',
            verdict: 'inconclusive',
            reason: 'no step ran the analysis: a canary is never promoted on pod health alone (give a step a pause)'
        };
    }
    return { action: 'promote', reason: `all ${steps.length} step(s) passed` };
}

;// CONCATENATED MODULE: ./src/canary/step-analysis.ts
function analysisForStep(analysis, pause) {
    if (pause === undefined || pause <= 0)
        return analysis;
    const count = Math.max(1, Math.floor((pause - analysis.initialDelay) / analysis.interval));
    return { ...analysis, count };
}

// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(97840);
// EXTERNAL MODULE: ./src/decide/verdict.ts
var decide_verdict = __webpack_require__(6501);
// EXTERNAL MODULE: ./src/kube/template-images.ts
var template_images = __webpack_require__(55994);
// EXTERNAL MODULE: ./src/util/sleep.ts
var sleep = __webpack_require__(97783);
// EXTERNAL MODULE: ./src/verify/workload.ts + 20 modules
var workload = __webpack_require__(8583);
// EXTERNAL MODULE: ./src/commands/analysis-step.ts + 7 modules
var analysis_step = __webpack_require__(9049);
;// CONCATENATED MODULE: ./src/analysis/judge/exact-wilcoxon.ts
/**
 * The exact null distribution of the Mann-Whitney U statistic for samples without ties (R's
 * cwilcox/pwilcox/qwilcox). Counts come from the recurrence c(u; m, n) = c(u − n; m − 1, n) + c(u; m, n − 1),
 * which only adds, so floating point stays exact enough even where the counts pass 2^53.
 */
/** Number of arrangements giving each U = 0 … m·n, for sample sizes m and n. */
function counts(m, n) {
    // previous[j] = distribution for (i − 1, j); built up row by row to keep two rows in memory.
    let previous = Array.from({ length: n + 1 }, () => Float64Array.of(1));
    for (let i = 1; i <= m; i++) {
        const current = [Float64Array.of(1)];
        for (let j = 1; j <= n; j++) {
            const row = new Float64Array(i * j + 1);
            const fromPrevious = previous[j]; // (i − 1, j), shifted by j
            const fromLeft = current[j - 1]; // (i, j − 1)
            for (let u = 0; u < fromLeft.length; u++)
                row[u] = fromLeft[u];
            for (let u = 0; u < fromPrevious.length; u++)
                row[u + j] = row[u + j] + fromPrevious[u];
            current.push(row);
        }
        previous = current;
    }
    return previous[n];
}
// Building the table for 49 × 49 takes tens of milliseconds; a judge asks for the same sizes step after step.
const cache = new Map();
function exactUDistribution(m, n) {
    const key = `${m}x${n}`;
    const cached = cache.get(key);
    if (cached)
        return cached;
    const built = buildDistribution(m, n);
    if (cache.size > 64)
        cache.clear();
    cache.set(key, built);
    return built;
}
function buildDistribution(m, n) {
    const frequencies = counts(m, n);
    const total = frequencies.reduce((sum, c) => sum + c, 0);
    const cumulative = new Float64Array(frequencies.length);
    let running = 0;
    frequencies.forEach((c, u) => {
        running += c;
        cumulative[u] = running / total;
    });
    const cdf = (u) => {
        const k = Math.floor(u);
        if (k < 0)
            return 0;
        if (k >= cumulative.length)
            return 1;
        return cumulative[k];
    };
    return {
        cdf,
        survival: (u) => 1 - cdf(Math.ceil(u) - 1),
        quantile(p) {
            // R subtracts a few ulps so that p landing exactly on a step is not lost to rounding.
            const target = p - 10 * Number.EPSILON;
            for (let q = 0; q < cumulative.length; q++)
                if (cumulative[q] >= target)
                    return q;
            return cumulative.length - 1;
        }
    };
}

;// CONCATENATED MODULE: ./src/analysis/judge/normal.ts
/**
 * The standard normal distribution: CDF and quantile, accurate to ~1e-15, for the Mann-Whitney
 * normal approximation. Written here rather than taken from a package: the only candidates on npm
 * (jStat, @stdlib) pull in far more than two functions, and these two are short and checked in the
 * tests against published values.
 */
const SQRT_2PI = Math.sqrt(2 * Math.PI);
function density(x) {
    return Math.exp(-0.5 * x * x) / SQRT_2PI;
}
/** Upper tail Q(x) = 1 − Φ(x) for x > 3 by its continued fraction (keeps relative accuracy far out). */
function upperTailContinuedFraction(x) {
    // Q(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))), evaluated backwards from a deep enough term.
    let tail = x;
    for (let k = 80; k >= 1; k--)
        tail = x + k / tail;
    return density(x) / tail;
}
/** Φ(x), the probability that a standard normal variable is ≤ x. */
function normalCdf(x) {
    if (Number.isNaN(x))
        return Number.NaN;
    if (x > 3)
        return 1 - upperTailContinuedFraction(x);
    if (x < -3)
        return upperTailContinuedFraction(-x);
    // Marsaglia (2004): Φ(x) = ½ + φ(x)·(x + x³/3 + x⁵/(3·5) + …), converges quickly for |x| ≤ 3.
    let term = x;
    let sum = x;
    for (let i = 3; i < 200; i += 2) {
        term = (term * x * x) / i;
        const next = sum + term;
        if (next === sum)
            break;
        sum = next;
    }
    return 0.5 + density(x) * sum;
}
/** 1 − Φ(x) without the cancellation of computing 1 − normalCdf(x) for large x. */
function normalUpperTail(x) {
    if (x > 3)
        return upperTailContinuedFraction(x);
    return normalCdf(-x);
}
// Acklam's rational approximation (relative error 1.15e-9), then one Halley step on normalCdf.
const A = [
    -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
    2.506628277459239
];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [
    -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783
];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
function poly(coefficients, x) {
    return coefficients.reduce((acc, c) => acc * x + c, 0);
}
/** Φ⁻¹(p): the x with Φ(x) = p, for 0 < p < 1 (±Infinity at 0 and 1). */
function normalQuantile(p) {
    if (Number.isNaN(p) || p < 0 || p > 1)
        return Number.NaN;
    if (p === 0)
        return Number.NEGATIVE_INFINITY;
    if (p === 1)
        return Number.POSITIVE_INFINITY;
    const low = 0.02425;
    let x;
    if (p < low) {
        const q = Math.sqrt(-2 * Math.log(p));
        x = poly(C, q) / (poly(D, q) * q + 1);
    }
    else if (p > 1 - low) {
        const q = Math.sqrt(-2 * Math.log(1 - p));
        x = -poly(C, q) / (poly(D, q) * q + 1);
    }
    else {
        const q = p - 0.5;
        const r = q * q;
        x = (poly(A, r) * q) / (poly(B, r) * r + 1);
    }
    const error = normalCdf(x) - p;
    const u = error * SQRT_2PI * Math.exp((x * x) / 2);
    return x - u / (1 + (x * u) / 2);
}

;// CONCATENATED MODULE: ./src/analysis/judge/mann-whitney.ts
/**
 * Mann-Whitney U test (Wilcoxon rank-sum) with the Hodges–Lehmann shift and its confidence interval,
 * following R's `wilcox.test(x, y, conf.int = TRUE)` — the code Kayenta's judge ports
 * (spinnaker/kayenta `kayenta-mannwhitney/.../MannWhitney.scala`). Written here because no kept npm
 * package offers the shift estimate with its interval (simple-statistics has no rank test at all,
 * jStat and @stdlib only parts of it); the tests check it against R's published outputs.
 *
 * x is the canary, y the baseline: a positive shift means the canary is higher.
 *
 * Choices (R's defaults):
 * - Exact distribution when both samples have fewer than 50 values and there are no ties in the
 *   combined sample: p-value from the exact U distribution, interval from the sorted pairwise
 *   differences x_i − y_j at the U critical values (the textbook Hodges–Lehmann interval).
 * - Otherwise the normal approximation with the tie correction of the variance and a continuity
 *   correction of ½. The interval is R's: the shifts d where the standardised statistic of (x − d, y)
 *   crosses the normal quantile. That statistic is a step function that only changes at the pairwise
 *   differences, so the crossing is found exactly among them (R's uniroot lands within 1e-4 of the
 *   same point).
 * - The estimate is the Hodges–Lehmann estimator, the median of the pairwise differences, in both
 *   cases. (R's normal-approximation branch reports a root of the same step function, which can be
 *   anywhere on its flat stretch around that median.)
 */


const EXACT_LIMIT = 50;
/** Mid-ranks (1-based) of values, ties sharing the average of their positions, plus the tie-group sizes. */
function midRanks(values) {
    const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
    const ranks = new Array(values.length);
    const tieSizes = [];
    let start = 0;
    while (start < order.length) {
        let end = start;
        while (end + 1 < order.length &&
            order[end + 1].value === order[start].value)
            end++;
        const rank = (start + end) / 2 + 1;
        for (let k = start; k <= end; k++)
            ranks[order[k].index] = rank;
        tieSizes.push(end - start + 1);
        start = end + 1;
    }
    return { ranks, tieSizes };
}
function tieTerm(tieSizes) {
    return tieSizes.reduce((sum, t) => sum + t * t * t - t, 0);
}
/** Standard deviation of U under the null, with the tie correction. */
function sigmaU(m, n, ties) {
    const total = m + n;
    return Math.sqrt(((m * n) / 12) * (total + 1 - ties / (total * (total - 1))));
}
function median(sorted) {
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
function correction(alternative, z, correct) {
    if (!correct)
        return 0;
    if (alternative === 'greater')
        return 0.5;
    if (alternative === 'less')
        return -0.5;
    return Math.sign(z) * 0.5;
}
function assertSample(values, name) {
    if (values.length === 0)
        throw new Error(`mannWhitney: ${name} is empty`);
    if (!values.every(Number.isFinite))
        throw new Error(`mannWhitney: ${name} has a value that is not a finite number`);
}
function mannWhitney(x, y, options = {}) {
    assertSample(x, 'x');
    assertSample(y, 'y');
    const alternative = options.alternative ?? 'two-sided';
    const confidence = options.confidence ?? 0.95;
    if (!(confidence > 0 && confidence < 1))
        throw new Error('mannWhitney: confidence must be between 0 and 1');
    const correct = options.correct ?? true;
    const m = x.length;
    const n = y.length;
    const { ranks, tieSizes } = midRanks([...x, ...y]);
    const u = ranks.slice(0, m).reduce((sum, r) => sum + r, 0) - (m * (m + 1)) / 2;
    const tied = tieSizes.some((t) => t > 1);
    const exactWanted = options.exact ?? 'auto';
    const exact = exactWanted === 'auto' ? m < EXACT_LIMIT && n < EXACT_LIMIT && !tied : exactWanted && !tied;
    const differences = [];
    for (const xi of x)
        for (const yj of y)
            differences.push(xi - yj);
    differences.sort((a, b) => a - b);
    const estimate = median(differences);
    const alpha = 1 - confidence;
    if (exact) {
        const distribution = exactUDistribution(m, n);
        let pValue;
        if (alternative === 'greater')
            pValue = distribution.survival(u);
        else if (alternative === 'less')
            pValue = distribution.cdf(u);
        else {
            const oneSided = u > (m * n) / 2 ? distribution.survival(u) : distribution.cdf(u);
            pValue = Math.min(2 * oneSided, 1);
        }
        // R: qu = qwilcox(alpha/2 or alpha); the interval is [D(qu), D(mn − qu + 1)] (1-based order statistics).
        const qu = Math.max(distribution.quantile(alternative === 'two-sided' ? alpha / 2 : alpha), 1);
        const lowerBound = differences[qu - 1];
        const upperBound = differences[m * n - qu];
        return {
            u,
            pValue,
            method: 'exact',
            alternative,
            confidence,
            estimate,
            lower: alternative === 'less' ? Number.NEGATIVE_INFINITY : lowerBound,
            upper: alternative === 'greater' ? Number.POSITIVE_INFINITY : upperBound
        };
    }
    const sigma = sigmaU(m, n, tieTerm(tieSizes));
    const centred = u - (m * n) / 2;
    let pValue;
    if (sigma === 0)
        pValue = 1; // every value equal: no evidence of any shift
    else {
        const z = (centred - correction(alternative, centred, correct)) / sigma;
        if (alternative === 'greater')
            pValue = normalUpperTail(z);
        else if (alternative === 'less')
            pValue = normalCdf(z);
        else
            pValue = Math.min(2 * Math.min(normalCdf(z), normalUpperTail(z)), 1);
    }
    const crossing = shiftCrossing(x, y, differences, alternative, correct);
    return {
        u,
        pValue,
        method: 'normal',
        alternative,
        confidence,
        estimate,
        lower: alternative === 'less'
            ? Number.NEGATIVE_INFINITY
            : crossing(normalQuantile(1 - (alternative === 'two-sided' ? alpha / 2 : alpha))),
        upper: alternative === 'greater'
            ? Number.POSITIVE_INFINITY
            : crossing(normalQuantile(alternative === 'two-sided' ? alpha / 2 : alpha))
    };
}
/**
 * R's asymptotic interval: for a quantile zq, the shift d where
 * f(d) = (U(x − d, y) − mn/2 − correction) / σ − zq changes sign. For d strictly between two
 * neighbouring pairwise differences, U(x − d, y) is the number of differences above d and σ carries
 * only the ties inside each sample, so f is a non-increasing step function and its root is the first
 * difference after which f ≤ 0 (R: mumin when f(mumin) ≤ 0, mumax when f(mumax) ≥ 0).
 */
function shiftCrossing(x, y, sortedDifferences, alternative, correct) {
    const m = x.length;
    const n = y.length;
    const sigma = sigmaU(m, n, tieTerm(midRanks(x).tieSizes) + tieTerm(midRanks(y).tieSizes));
    const total = sortedDifferences.length;
    const f = (above, zq) => {
        const dz = above - (m * n) / 2;
        return (dz - correction(alternative, dz, correct)) / sigma - zq;
    };
    // Distinct differences and how many differences lie strictly above each.
    const values = [];
    const aboveAfter = [];
    for (let i = 0; i < total; i++) {
        const value = sortedDifferences[i];
        if (i + 1 < total && sortedDifferences[i + 1] === value)
            continue;
        values.push(value);
        aboveAfter.push(total - i - 1);
    }
    return (zq) => {
        // f is non-increasing along `values`: binary search for the first index where it is ≤ 0.
        let lo = 0;
        let hi = values.length - 1;
        if (f(aboveAfter[hi], zq) > 0)
            return values[hi];
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (f(aboveAfter[mid], zq) <= 0)
                hi = mid;
            else
                lo = mid + 1;
        }
        return values[lo];
    };
}

// EXTERNAL MODULE: ./src/util/number.ts
var number = __webpack_require__(51555);
;// CONCATENATED MODULE: ./src/analysis/judge/judge-metric.ts
/**
 * One metric's canary-vs-baseline judgement, Kayenta's MannWhitneyClassifier with an effect size:
 * - high: the shift's interval lies entirely above 0 (the canary is significantly higher at
 *   `confidence`) and the mean ratio exceeds `allowedIncrease` (direction increase or either);
 * - low: the interval lies entirely below 0 and the ratio is under `allowedDecrease` (decrease/either);
 * - a ratio without meaning (zero or negative means) leaves only the interval test, as in Kayenta;
 * - fewer than `minSamples` points on either side is nodata — never a pass on silence;
 * - identical samples pass without a test (Kayenta), and two constants are compared exactly.
 * Pure: no I/O.
 */


/** The points the test sees: non-finite values removed or counted as 0. */
function applyNanStrategy(values, strategy) {
    return strategy === 'replace' ? values.map((v) => (Number.isFinite(v) ? v : 0)) : values.filter(Number.isFinite);
}
function summarize(values) {
    if (values.length === 0)
        return { n: 0, median: null, mean: null };
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    return { n: values.length, median, mean: values.reduce((s, v) => s + v, 0) / values.length };
}
function meanRatio(canary, baseline) {
    if (canary.mean === null || baseline.mean === null)
        return null;
    if (canary.mean < 0 || baseline.mean < 0)
        return null;
    if (baseline.mean === 0)
        return canary.mean === 0 ? 1 : Number.POSITIVE_INFINITY;
    return canary.mean / baseline.mean;
}
const num = (value) => (0,number/* formatNumber */.Z)(value);
function judgeMetric(canarySeries, baselineSeries, options) {
    const canaryPoints = applyNanStrategy(canarySeries, options.nanStrategy);
    const baselinePoints = applyNanStrategy(baselineSeries, options.nanStrategy);
    const canary = summarize(canaryPoints);
    const baseline = summarize(baselinePoints);
    const base = {
        metric: options.name,
        critical: options.critical,
        ...(options.group !== undefined ? { group: options.group } : {}),
        canary,
        baseline
    };
    if (canary.n < options.minSamples || baseline.n < options.minSamples) {
        const short = canary.n < options.minSamples ? `the canary has ${canary.n}` : `the baseline has ${baseline.n}`;
        return {
            ...base,
            verdict: 'nodata',
            pValue: null,
            shift: null,
            effectSize: null,
            reason: `${options.name}: not enough data, ${short} point(s) and at least ${options.minSamples} are needed.`
        };
    }
    const ratio = meanRatio(canary, baseline);
    const effectSize = ratio !== null && Number.isFinite(ratio) ? ratio : null;
    const test = mannWhitney(canaryPoints, baselinePoints, { confidence: options.confidence });
    const shift = { estimate: test.estimate, lower: test.lower, upper: test.upper };
    const judged = { ...base, pValue: test.pValue, shift, effectSize };
    const percent = `${Math.round(options.confidence * 1000) / 10} %`;
    const interval = `[${num(shift.lower)}, ${num(shift.upper)}]`;
    const ratioText = ratio === null
        ? 'no meaningful mean ratio'
        : `mean ratio ${Number.isFinite(ratio) ? num(ratio) : '∞ (baseline mean 0)'}`;
    const checksIncrease = options.direction === 'increase' || options.direction === 'either';
    const checksDecrease = options.direction === 'decrease' || options.direction === 'either';
    if (checksIncrease && shift.lower > 0 && (ratio === null || ratio > options.allowedIncrease)) {
        return {
            ...judged,
            verdict: 'high',
            reason: `${options.name}: the canary is higher (median ${num(canary.median)} vs ${num(baseline.median)}, shift ${interval} at ${percent}, ${ratioText} > allowed ${num(options.allowedIncrease)}).`
        };
    }
    if (checksDecrease && shift.upper < 0 && (ratio === null || ratio < options.allowedDecrease)) {
        return {
            ...judged,
            verdict: 'low',
            reason: `${options.name}: the canary is lower (median ${num(canary.median)} vs ${num(baseline.median)}, shift ${interval} at ${percent}, ${ratioText} < allowed ${num(options.allowedDecrease)}).`
        };
    }
    const why = (checksIncrease && shift.lower > 0) || (checksDecrease && shift.upper < 0)
        ? `a significant shift ${interval} but ${ratioText} within the allowed change`
        : `no significant shift in the judged direction (shift ${interval} at ${percent})`;
    return { ...judged, verdict: 'pass', reason: `${options.name}: passed, ${why}.` };
}

;// CONCATENATED MODULE: ./src/analysis/judge/score.ts
/**
 * The step's score from its metric judgements, like Kayenta's WeightedSumScorer:
 * - without groups: 100 × passing metrics / metrics with data;
 * - with groups (`{ name: weight }`): each group scores 100 × passed / (passed + failed), and the step
 *   is the weighted mean of the groups that have data;
 * - nodata metrics are left out of the denominator; when no metric has data the judgement is
 *   inconclusive (score null) — never a pass on silence;
 * - a critical metric that fails (high or low) fails the step whatever the score; a critical metric
 *   without data makes it inconclusive (it cannot be known to be fine);
 * - otherwise score ≥ pass → pass, ≥ marginal → marginal (continue, never promote on it), else fail.
 * Pure: no I/O.
 */

const UNGROUPED = '';
function groupScores(judgements, weights) {
    const names = weights ? Object.keys(weights) : [UNGROUPED];
    return names.map((name) => {
        const members = judgements.filter((j) => (weights ? j.group === name : true));
        const passed = members.filter((j) => j.verdict === 'pass').length;
        const failed = members.filter((j) => j.verdict === 'high' || j.verdict === 'low').length;
        const nodata = members.filter((j) => j.verdict === 'nodata').length;
        return {
            name,
            weight: weights ? weights[name] : 1,
            passed,
            failed,
            nodata,
            score: passed + failed === 0 ? null : (100 * passed) / (passed + failed)
        };
    });
}
function scoreJudgements(judgements, options) {
    if (options.groups) {
        const known = options.groups;
        const stray = judgements.filter((j) => j.group === undefined || !(j.group in known));
        if (stray.length > 0)
            throw new Error(`scoreJudgements: metric ${stray[0]?.metric} is in no configured group`);
    }
    const groups = groupScores(judgements, options.groups);
    const scored = groups.filter((g) => g.score !== null && g.weight > 0);
    const totalWeight = scored.reduce((sum, g) => sum + g.weight, 0);
    const score = totalWeight === 0 ? null : scored.reduce((sum, g) => sum + g.score * g.weight, 0) / totalWeight;
    const criticalFailures = judgements
        .filter((j) => j.critical && (j.verdict === 'high' || j.verdict === 'low'))
        .map((j) => j.metric);
    const criticalNodata = judgements.filter((j) => j.critical && j.verdict === 'nodata').map((j) => j.metric);
    const scoreText = score === null ? 'no score' : `score ${(0,number/* formatNumber */.Z)(Math.round(score * 10) / 10)}`;
    let outcome;
    let reason;
    if (criticalFailures.length > 0) {
        outcome = 'fail';
        reason = `Critical metric ${criticalFailures.join(', ')} failed (${scoreText}).`;
    }
    else if (score === null) {
        outcome = 'inconclusive';
        reason = judgements.length === 0 ? 'No metric to judge.' : 'No metric had enough data to judge.';
    }
    else if (criticalNodata.length > 0) {
        outcome = 'inconclusive';
        reason = `Critical metric ${criticalNodata.join(', ')} had not enough data (${scoreText}).`;
    }
    else if (score >= options.pass) {
        outcome = 'pass';
        reason = `${scoreText[0]?.toUpperCase()}${scoreText.slice(1)} ≥ pass ${(0,number/* formatNumber */.Z)(options.pass)}.`;
    }
    else if (score >= options.marginal) {
        outcome = 'marginal';
        reason = `${scoreText[0]?.toUpperCase()}${scoreText.slice(1)} is below pass ${(0,number/* formatNumber */.Z)(options.pass)} but ≥ marginal ${(0,number/* formatNumber */.Z)(options.marginal)}: continue, do not promote on it.`;
    }
    else {
        outcome = 'fail';
        reason = `${scoreText[0]?.toUpperCase()}${scoreText.slice(1)} < marginal ${(0,number/* formatNumber */.Z)(options.marginal)}.`;
    }
    return { score, outcome, criticalFailures, criticalNodata, groups, reason };
}

;// CONCATENATED MODULE: ./src/analysis/judge/index.ts
/** The baseline judge: canary-vs-baseline metrics by Mann-Whitney U, scored like Kayenta. Pure. */




// EXTERNAL MODULE: ./src/config/template.ts
var template = __webpack_require__(69030);
;// CONCATENATED MODULE: ./src/canary/judge-samples.ts
function rangeSamples(data) {
    const series = data.resultType === 'matrix'
        ? data.result.map((s) => s.values)
        : data.resultType === 'vector'
            ? data.result.map((s) => [s.value])
            : [];
    const byTime = new Map();
    for (const points of series) {
        for (const [time, raw] of points)
            byTime.set(time, (byTime.get(time) ?? 0) + Number(raw));
    }
    return [...byTime.entries()].sort(([a], [b]) => a - b).map(([, value]) => value);
}

;// CONCATENATED MODULE: ./src/canary/judge-step.ts
/**
 * The baseline judge at one canary step (Kayenta's canary-vs-baseline): each `canary.judge` metric is
 * queried over the step's window once per track ({{track}} = the canary's, then the baseline's
 * version), compared by judgeMetric (Mann-Whitney U) and scored by scoreJudgements. The queries are
 * the only I/O, through the small PrometheusQuerier interface; the judgement is the pure judge's.
 */



async function judgeStep(judge, prometheus, window, tracks, values) {
    const judgements = [];
    for (const metric of judge.metrics) {
        const series = async (track) => {
            const query = (0,template/* renderTemplate */.Xm)(metric.query, { ...values, track });
            return rangeSamples((await prometheus.rangeQuery(query, window.start, window.end, window.stepSeconds)).data);
        };
        const canary = await series(tracks.canary);
        const baseline = await series(tracks.baseline);
        judgements.push(judgeMetric(canary, baseline, {
            name: metric.name,
            direction: metric.direction,
            allowedIncrease: metric.allowedIncrease,
            allowedDecrease: metric.allowedDecrease,
            critical: metric.critical,
            nanStrategy: metric.nanStrategy,
            minSamples: metric.minSamples,
            confidence: judge.confidence,
            ...(metric.group !== undefined ? { group: metric.group } : {})
        }));
    }
    const score = scoreJudgements(judgements, {
        pass: judge.pass,
        marginal: judge.marginal,
        ...(judge.groups ? { groups: judge.groups } : {})
    });
    return { score, judgements };
}

;// CONCATENATED MODULE: ./src/commands/canary-judge.ts


const errorText = (error) => (error instanceof Error ? error.message : String(error));
async function runStepJudge(input) {
    const { config, ctx } = input;
    const judge = config.canary?.judge;
    if (!judge)
        return undefined;
    const inconclusive = (reason) => ({ outcome: 'inconclusive', score: null, reason });
    const canary = judge.tracks?.canary ?? input.versions.canary;
    const baseline = judge.tracks?.baseline ?? input.versions.baseline;
    if (!canary || !baseline)
        return inconclusive('the judge needs both versions: set canary.judge.tracks { canary, baseline }');
    if (!config.prometheus)
        return inconclusive('the judge needs a Prometheus URL');
    const { createPrometheusClient } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(542), __webpack_require__.e(355)]).then(__webpack_require__.bind(__webpack_require__, 93355));
    const prometheus = createPrometheusClient(config.prometheus, { signal: ctx.signal });
    const interval = config.analysis?.interval ?? 30_000;
    try {
        const { score } = await judgeStep(judge, prometheus, { start: input.since, end: ctx.now(), stepSeconds: Math.max(interval / 1000, 0.001) }, { canary, baseline }, (0,analysis_step/* templateValues */.n)(config, canary));
        ctx.log(`judge (${canary} vs ${baseline}): ${score.outcome} — ${score.reason}`);
        return { outcome: score.outcome, score: score.score, reason: score.reason };
    }
    catch (error) {
        return inconclusive(`the judge's queries failed: ${errorText(error)}`);
    }
}

// EXTERNAL MODULE: ./src/commands/version.ts
var version = __webpack_require__(14086);
;// CONCATENATED MODULE: ./src/commands/canary.ts
/**
 * `canary` (replicas router): shifts traffic to the canary Deployment step by step, judges it at
 * every step (its pods' health, then the PromQL checks over the step's pause), and promotes or aborts
 * as the pure step machine (src/canary/step-machine.ts) decides. Abort puts the routing back exactly
 * as found and scales the canary to zero; promotion gives the stable Deployment the canary's pod
 * spec, waits for its rollout, and scales the canary to zero. Only src/act/ writes to the cluster.
 */











const canary_errorText = (error) => (error instanceof Error ? error.message : String(error));
/** The replicas router's spec from `canary.traffic.replicas`, or why it cannot be used. */
function replicasSpec(canary, namespace) {
    const replicas = canary?.traffic?.replicas;
    if (!replicas)
        return 'canary.traffic.replicas is required: { canary: <Deployment>, stable: <Deployment> }';
    const { canary: canaryName, stable } = replicas;
    if (typeof canaryName !== 'string' || typeof stable !== 'string')
        return 'canary.traffic.replicas needs canary and stable Deployment names';
    return { kind: 'replicas', namespace, stable, canary: canaryName };
}
/** Verifies the canary workload at the current weight (its own pods only: no expectations, smoke or GitOps). */
async function canaryHealth(run) {
    const ref = { kind: 'Deployment', name: run.spec.canary, namespace: run.spec.namespace };
    return (0,workload.verifyWorkload)(run.api, ref, { ...run.config.verify, expect: {} }, {
        startedAt: run.ctx.now(),
        log: run.ctx.log,
        signal: run.ctx.signal
    });
}
async function runStep(run, state, index, analysedBefore) {
    const { config, ctx } = run;
    const steps = config.canary?.steps ?? [];
    const step = steps[index];
    const startedAt = ctx.now().toISOString();
    const weight = weightAt(steps, index);
    if (config.dryRun)
        ctx.log(`dry run: would set the canary weight to ${weight} %`);
    else if (step.weight !== undefined) {
        await routerFor('replicas').setWeight(run.api, state, step.weight);
        ctx.log(`weight ${weight} % set (effective ${state.effectiveWeight.toFixed(1)} % of the pods on the canary)`);
    }
    const health = config.dryRun ? undefined : await canaryHealth(run);
    const healthVerdict = health
        ? (0,decide_verdict.decideVerdict)({ targets: [health], checks: [] }).verdict
        : 'skipped';
    ctx.log(`canary health: ${healthVerdict}`);
    let analysis;
    let judge;
    if (healthVerdict !== 'failed' && stepRunsAnalysis(step) && config.analysis) {
        const measuredSince = ctx.now();
        const stepConfig = { ...config, analysis: analysisForStep(config.analysis, step.pause) };
        analysis = await (0,analysis_step.runConfiguredAnalysis)(stepConfig, run.version, ctx);
        ctx.log(`analysis: ${analysis.verdict}`);
        if (analysis.verdict !== 'failed')
            judge = await runStepJudge({
                config,
                ctx,
                versions: { canary: run.version, baseline: run.stableVersion },
                since: measuredSince
            });
    }
    else if (step.pause && healthVerdict !== 'failed') {
        ctx.log(`pausing ${(0,duration/* formatDuration */.a3)(step.pause)} (this step runs no analysis)`);
        await (0,sleep/* sleep */.y)(step.pause, ctx.signal);
    }
    const verdict = (0,decide_verdict.decideVerdict)({ targets: health ? [health] : [], checks: [], analysis });
    // A marginal score's reason comes from the step machine (whether it may go on depends on later steps).
    const judgeReasons = judge && judge.outcome !== 'pass' && judge.outcome !== 'marginal' ? [`baseline judge: ${judge.reason}`] : [];
    const decision = decideStep(steps, {
        health: healthVerdict,
        analysis: analysis?.verdict ?? 'skipped',
        judge: judge?.outcome ?? 'skipped',
        reasons: [...verdict.reasons, ...judgeReasons]
    }, {
        index,
        canHold: false,
        analysedBefore,
        laterJudgement: config.canary?.judge !== undefined && steps.slice(index + 1).some(stepRunsAnalysis)
    });
    const stepReport = {
        number: index + 1,
        ...(step.weight !== undefined ? { weight: step.weight } : {}),
        ...(config.dryRun ? {} : { effectiveWeight: state.effectiveWeight }),
        ...(step.pause !== undefined ? { pause: step.pause } : {}),
        health: healthVerdict,
        analysis: analysis?.verdict ?? 'skipped',
        ...(judge ? { judge } : {}),
        decision: decision.action,
        reason: decision.reason,
        startedAt,
        finishedAt: ctx.now().toISOString()
    };
    run.report.steps.push(stepReport);
    ctx.log(`step ${index + 1}: ${decision.action} — ${decision.reason}`);
    return { decision, health, analysis };
}
/** Abort: the routing exactly as found, then the canary at zero. Returns what could not be done. */
async function abort(run, state) {
    const problems = [];
    try {
        await routerFor('replicas').restore(run.api, state);
        run.report.writes.push(`routing restored: ${run.spec.stable} and ${run.spec.canary} back to their replicas`);
    }
    catch (error) {
        problems.push(`could not restore the routing: ${canary_errorText(error)}`);
    }
    await scaleCanaryDown(run, problems);
    return problems;
}
async function scaleCanaryDown(run, problems) {
    const { scaleToZero } = await __webpack_require__.e(/* import() */ 952).then(__webpack_require__.bind(__webpack_require__, 76952));
    try {
        if (await scaleToZero(run.api, run.spec.namespace, run.spec.canary))
            run.report.writes.push(`canary ${run.spec.canary} scaled to 0`);
    }
    catch (error) {
        problems.push(`could not scale the canary ${run.spec.canary} to 0: ${canary_errorText(error)}`);
    }
}
/** Promotion: stable gets the canary's pod spec and its replicas back, rolls out, then the canary goes to zero. */
async function promote(run, state) {
    const { promoteCanaryTemplate } = await __webpack_require__.e(/* import() */ 952).then(__webpack_require__.bind(__webpack_require__, 76952));
    const stableReplicas = state.objects[0].original.spec;
    const replicas = (stableReplicas?.replicas ?? 1) + canaryOriginal(state);
    try {
        await promoteCanaryTemplate(run.api, run.spec.namespace, run.spec.stable, run.spec.canary, replicas);
    }
    catch (error) {
        // Not promoted: leave nothing half-done, as an abort would.
        const problems = await abort(run, state);
        return { verdict: 'failed', action: 'aborted', reasons: [`promotion failed: ${canary_errorText(error)}`, ...problems] };
    }
    run.report.writes.push(`stable ${run.spec.stable} given the canary's pod spec, ${replicas} replica(s)`);
    run.ctx.log(`promoted: waiting for ${run.spec.stable} to roll out`);
    const ref = { kind: 'Deployment', name: run.spec.stable, namespace: run.spec.namespace };
    const rollout = await (0,workload.verifyWorkload)(run.api, ref, { ...run.config.verify, expect: {} }, {
        startedAt: run.ctx.now(),
        log: run.ctx.log,
        signal: run.ctx.signal
    });
    const verdict = (0,decide_verdict.decideVerdict)({ targets: [rollout], checks: [] });
    if (verdict.verdict !== 'passed') {
        // The canary keeps serving while the promoted stable is not healthy.
        return {
            verdict: verdict.verdict,
            action: 'promoted',
            reasons: [`the promoted ${run.spec.stable} is not healthy`, ...verdict.reasons]
        };
    }
    const problems = [];
    await scaleCanaryDown(run, problems);
    return { verdict: problems.length ? 'inconclusive' : 'passed', action: 'promoted', reasons: problems };
}
function canaryOriginal(state) {
    const spec = state.objects[1].original.spec;
    return spec?.replicas ?? 1;
}
/** The version a Deployment runs: its first container's image tag (for {{version}} and the judge's tracks). */
async function imageVersion(api, namespace, name, ctx) {
    try {
        const images = await (0,template_images/* readTemplateImages */.p)(api, { kind: 'Deployment', name, namespace });
        const image = Object.values(images)[0];
        return image ? (0,version/* imageTag */.I)(image) : undefined;
    }
    catch (error) {
        ctx.warn(`could not read the version of Deployment/${name}: ${canary_errorText(error)}`);
        return undefined;
    }
}
async function runCanary(config, ctx) {
    const startedAt = ctx.now();
    const namespace = config.targets[0]?.namespace ?? 'default';
    const base = {
        command: 'canary',
        startedAt: startedAt.toISOString(),
        finishedAt: startedAt.toISOString(),
        dryRun: config.dryRun,
        targets: [],
        checks: []
    };
    const finish = (verdict, action, reasons, extra = {}) => ({
        ...base,
        ...extra,
        finishedAt: ctx.now().toISOString(),
        verdict,
        action,
        reasons
    });
    const spec = replicasSpec(config.canary, namespace);
    if (typeof spec === 'string')
        return finish('inconclusive', 'none', [spec]);
    const api = await ctx.kube();
    let state;
    try {
        state = await routerFor('replicas').prepare(api, spec);
    }
    catch (error) {
        return finish('inconclusive', 'none', [`canary not started: ${canary_errorText(error)}`]);
    }
    const steps = config.canary?.steps ?? [];
    const report = {
        router: 'replicas',
        namespace,
        stable: spec.stable,
        canary: spec.canary,
        steps: [],
        plannedSteps: steps.length,
        writes: []
    };
    const run = {
        config,
        ctx,
        api,
        spec,
        report,
        version: config.version ?? (await imageVersion(api, namespace, spec.canary, ctx)),
        stableVersion: config.canary?.judge ? await imageVersion(api, namespace, spec.stable, ctx) : undefined
    };
    ctx.log(`canary ${spec.canary} vs stable ${spec.stable} in ${namespace}: ${steps.length} step(s), version ${run.version ?? 'unknown'}`);
    let analysedBefore = false;
    let last;
    // The summary and outputs show the last analysis that ran (a final step without a pause runs none).
    let lastAnalysis;
    for (let index = 0; index < steps.length; index++) {
        try {
            last = await ctx.group(`Canary step ${index + 1} of ${steps.length} (weight ${weightAt(steps, index)} %)`, () => runStep(run, state, index, analysedBefore));
        }
        catch (error) {
            const reason = `step ${index + 1} of ${steps.length}: ${canary_errorText(error)}`;
            ctx.log(`aborting: ${reason}`);
            const problems = config.dryRun ? [] : await abort(run, state);
            return finish('inconclusive', config.dryRun ? 'none' : 'aborted', [reason, ...problems], { canary: report });
        }
        analysedBefore ||= last.analysis?.verdict === 'passed';
        lastAnalysis = last.analysis ?? lastAnalysis;
        if (last.decision.action !== 'advance')
            break;
    }
    const extra = {
        canary: report,
        targets: last?.health ? [last.health] : [],
        ...(lastAnalysis ? { analysis: lastAnalysis } : {})
    };
    const decision = last?.decision;
    if (!decision || decision.action === 'abort' || decision.action === 'hold') {
        const verdict = decision?.action === 'abort' ? decision.verdict : 'inconclusive';
        const reason = decision?.reason ?? 'no canary steps are configured';
        if (config.dryRun)
            return finish(verdict, 'none', [`dry run: would abort — ${reason}`], extra);
        ctx.log(`aborting: ${reason}`);
        const problems = await abort(run, state);
        return finish(verdict, 'aborted', [reason, ...problems], extra);
    }
    if (config.dryRun)
        return finish('passed', 'none', [], extra);
    ctx.log(`promoting: ${decision.reason}`);
    const promoted = await ctx.group('Promotion', () => promote(run, state));
    return finish(promoted.verdict, promoted.action, promoted.reasons, extra);
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


/***/ }),

/***/ 55994:
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


/***/ })

};
