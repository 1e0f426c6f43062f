export const id = 330;
export const ids = [330,86,783,501];
export const modules = {

/***/ 2678:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ ensureCanaryWorkload)
/* harmony export */ });
/* harmony import */ var _kube_api_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(985);
/* harmony import */ var _kube_resources_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6804);
/* harmony import */ var _canary_canary_manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5282);
/* harmony import */ var _rollback_conflict_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6339);
/**
 * The canary (or blue-green's green) Deployment: an existing one is used as found — given the new
 * images when they differ — and a missing one is created from the stable Deployment
 * (src/canary/canary-manifest.ts) at 0 replicas. Every write is guarded: the image update by the
 * resourceVersion read, the create by the name (409 AlreadyExists = someone made it meanwhile: used).
 */




async function ensureCanaryWorkload(api, spec) {
    const { namespace, stable, name, images } = spec;
    const existing = await api.get(_kube_resources_js__WEBPACK_IMPORTED_MODULE_1__/* .RESOURCES */ .eZ.Deployment, namespace, name);
    if (existing) {
        if (images)
            await updateImages(api, existing, images);
        return { created: false };
    }
    if (!images)
        throw new _canary_canary_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .CanaryManifestError */ .S5(`Deployment ${namespace}/${name} not found: create the canary Deployment, name it in canary.workload, or give the image input to make it from ${stable}`);
    const source = await api.get(_kube_resources_js__WEBPACK_IMPORTED_MODULE_1__/* .RESOURCES */ .eZ.Deployment, namespace, stable);
    if (!source)
        throw new _canary_canary_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .CanaryManifestError */ .S5(`the stable Deployment ${namespace}/${stable} not found: check the target`);
    try {
        await api.create(_kube_resources_js__WEBPACK_IMPORTED_MODULE_1__/* .RESOURCES */ .eZ.Deployment, namespace, (0,_canary_canary_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .canaryManifest */ .wp)(source, name, images, spec.track, spec.labels));
        return { created: true };
    }
    catch (error) {
        // Made by someone (or a retried request of ours) meanwhile: use it as found.
        if (error instanceof _kube_api_js__WEBPACK_IMPORTED_MODULE_0__/* .KubeApiError */ .W && error.status === 409)
            return { created: false };
        throw error;
    }
}
/** Gives an existing canary the new images (a canary left from an earlier release), guarded by its resourceVersion. */
async function updateImages(api, existing, images) {
    const owner = `Deployment ${existing.metadata.namespace ?? ''}/${existing.metadata.name}`;
    const containers = existing.spec?.template?.spec?.containers ?? [];
    const updated = (0,_canary_canary_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .withImages */ .nS)(containers, images, owner);
    const ops = updated.flatMap((c, i) => c.image === containers[i]?.image
        ? []
        : [{ op: 'replace', path: `/spec/template/spec/containers/${i}/image`, value: c.image }]);
    if (ops.length === 0)
        return;
    await api.patch(_kube_resources_js__WEBPACK_IMPORTED_MODULE_1__/* .RESOURCES */ .eZ.Deployment, existing.metadata.namespace, existing.metadata.name, [...(0,_rollback_conflict_js__WEBPACK_IMPORTED_MODULE_3__/* .conflictGuardOperation */ .$N)(existing), ...ops], 'json');
}


/***/ }),

/***/ 6952:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G5: () => (/* binding */ scaleToZero),
/* harmony export */   Gx: () => (/* binding */ deleteCanary),
/* harmony export */   Tr: () => (/* binding */ promoteCanaryTemplate),
/* harmony export */   aX: () => (/* binding */ setAnnotation),
/* harmony export */   eV: () => (/* binding */ scaleDeployment),
/* harmony export */   eW: () => (/* binding */ restoreStableTemplate)
/* harmony export */ });
/* unused harmony exports PromotionError, promotedTemplate */
/* harmony import */ var _kube_resources_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6804);
/* harmony import */ var _canary_canary_manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5282);
/* harmony import */ var _rollback_conflict_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6339);
/* harmony import */ var _traffic_json_pointer_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7802);




/**
 * Runs a read-decide-write `attempt` again when it loses to a concurrent write (409): the Deployment
 * controller updates status all the time, and a scale or an annotation is decided afresh each time.
 */
async function onFreshRead(attempt, tries = 4) {
    for (let i = 1;; i++) {
        try {
            return await attempt();
        }
        catch (error) {
            if (i >= tries || !(0,_rollback_conflict_js__WEBPACK_IMPORTED_MODULE_2__/* .isRollbackConflict */ .Nn)(error))
                throw error;
        }
    }
}
class PromotionError extends Error {
    constructor(message) {
        super(message);
        this.name = 'PromotionError';
    }
}
async function read(api, namespace, name) {
    const object = await api.get(_kube_resources_js__WEBPACK_IMPORTED_MODULE_0__/* .RESOURCES */ .eZ.Deployment, namespace, name);
    if (!object)
        throw new PromotionError(`Deployment ${namespace}/${name} is gone`);
    return object;
}
/** The stable's template after promotion. Pure. */
function promotedTemplate(stable, canary) {
    const from = canary.spec?.template ?? {};
    const canaryLabels = { ...(from.metadata?.labels ?? {}) };
    delete canaryLabels[_canary_canary_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .TRACK_LABEL */ .l8];
    const labels = {
        ...(stable.spec?.template?.metadata?.labels ?? {}),
        ...canaryLabels,
        ...(stable.spec?.selector?.matchLabels ?? {})
    };
    return {
        ...structuredClone(from),
        metadata: {
            ...structuredClone(from.metadata ?? {}),
            labels,
            ...(from.metadata?.annotations ? { annotations: { ...from.metadata.annotations } } : {})
        }
    };
}
/** Gives `stable` the canary's pod template and `replicas` pods. */
async function promoteCanaryTemplate(api, namespace, stable, canary, replicas) {
    const canaryObject = await read(api, namespace, canary);
    if (canaryObject.spec?.template?.spec === undefined)
        throw new PromotionError(`Deployment ${namespace}/${canary} has no pod template`);
    const stableObject = await read(api, namespace, stable);
    await api.patch(_kube_resources_js__WEBPACK_IMPORTED_MODULE_0__/* .RESOURCES */ .eZ.Deployment, namespace, stable, [
        ...(0,_rollback_conflict_js__WEBPACK_IMPORTED_MODULE_2__/* .conflictGuardOperation */ .$N)(stableObject),
        { op: 'add', path: '/spec/template', value: promotedTemplate(stableObject, canaryObject) },
        { op: 'add', path: '/spec/replicas', value: replicas }
    ], 'json');
    return { previousTemplate: stableObject.spec?.template ?? {} };
}
/** Puts the stable's pre-promotion template back (an unhealthy promotion), guarded like the promotion. */
async function restoreStableTemplate(api, namespace, stable, template) {
    const object = await read(api, namespace, stable);
    await api.patch(_kube_resources_js__WEBPACK_IMPORTED_MODULE_0__/* .RESOURCES */ .eZ.Deployment, namespace, stable, [...(0,_rollback_conflict_js__WEBPACK_IMPORTED_MODULE_2__/* .conflictGuardOperation */ .$N)(object), { op: 'add', path: '/spec/template', value: template }], 'json');
}
/** Scales `name` to `replicas`, guarded by the resourceVersion read just before; false when already there. */
function scaleDeployment(api, namespace, name, replicas) {
    return onFreshRead(async () => {
        const object = await read(api, namespace, name);
        if ((object.spec?.replicas ?? 1) === replicas)
            return false;
        await api.patch(_kube_resources_js__WEBPACK_IMPORTED_MODULE_0__/* .RESOURCES */ .eZ.Deployment, namespace, name, [...(0,_rollback_conflict_js__WEBPACK_IMPORTED_MODULE_2__/* .conflictGuardOperation */ .$N)(object), { op: 'add', path: '/spec/replicas', value: replicas }], 'json');
        return true;
    });
}
/** Scales `name` to zero; a no-op when already at zero. */
function scaleToZero(api, namespace, name) {
    return scaleDeployment(api, namespace, name, 0);
}
/** Deletes the canary Deployment the run created (its uid must still be the one read: never someone else's). */
async function deleteCanary(api, namespace, name) {
    const object = await api.get(_kube_resources_js__WEBPACK_IMPORTED_MODULE_0__/* .RESOURCES */ .eZ.Deployment, namespace, name);
    if (!object)
        return false;
    await api.delete(_kube_resources_js__WEBPACK_IMPORTED_MODULE_0__/* .RESOURCES */ .eZ.Deployment, namespace, name, object.metadata.uid ? { uid: object.metadata.uid } : {});
    return true;
}
/** Sets (string) or removes (undefined) one annotation on a Deployment, guarded by the resourceVersion read. */
function setAnnotation(api, namespace, name, key, value) {
    return onFreshRead(async () => {
        const object = await read(api, namespace, name);
        const has = object.metadata.annotations?.[key] !== undefined;
        if (value === undefined && !has)
            return;
        const path = (0,_traffic_json_pointer_js__WEBPACK_IMPORTED_MODULE_3__/* .pointer */ .W)('metadata', 'annotations', key);
        const ops = value === undefined
            ? [{ op: 'remove', path }]
            : object.metadata.annotations
                ? [{ op: 'add', path, value }]
                : [{ op: 'add', path: '/metadata/annotations', value: { [key]: value } }];
        await api.patch(_kube_resources_js__WEBPACK_IMPORTED_MODULE_0__/* .RESOURCES */ .eZ.Deployment, namespace, name, [...(0,_rollback_conflict_js__WEBPACK_IMPORTED_MODULE_2__/* .conflictGuardOperation */ .$N)(object), ...ops], 'json');
    });
}


/***/ }),

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

/***/ 3930:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  N1: () => (/* binding */ restoreObjects),
  u4: () => (/* binding */ track),
  pc: () => (/* binding */ writeFields)
});

// EXTERNAL MODULE: ./src/kube/api.ts
var api = __webpack_require__(985);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/act/traffic/json-pointer.ts
var json_pointer = __webpack_require__(7802);
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
        const believed = (0,json_pointer/* readPointer */.q)(live, field.path);
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
        .map((t) => ({ path: t.path, value: (0,json_pointer/* readPointer */.q)(original, t.path), guards: t.guards }))
        .filter((w) => !(0,external_node_util_.isDeepStrictEqual)((0,json_pointer/* readPointer */.q)(live, w.path), w.value));
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
        found: fresh === undefined ? undefined : (0,json_pointer/* readPointer */.q)(fresh, op.path)
    }))
        .filter((c) => !(0,external_node_util_.isDeepStrictEqual)(c.expected, c.found));
}

// EXTERNAL MODULE: ./src/act/traffic/messages.ts
var messages = __webpack_require__(884);
// EXTERNAL MODULE: ./src/act/traffic/types.ts
var types = __webpack_require__(1131);
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
        const object = (0,messages/* objectLabel */.u)(tracked);
        const changes = testsThatFail(ops, fresh).map((c) => ({ object, ...c }));
        throw new types/* RouteChangedError */.m8((0,messages/* describeChanges */.D)(object, fresh === undefined, changes, during), changes, during);
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
            if (!(error instanceof types/* RouteChangedError */.m8))
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
                if (!(again instanceof types/* RouteChangedError */.m8))
                    throw again;
                left.push(...again.changes);
            }
        }
    }
    if (left.length > 0) {
        const byObject = [...new Set(left.map((c) => c.object))];
        throw new types/* RouteChangedError */.m8(byObject
            .map((o) => (0,messages/* describeChanges */.D)(o, false, left.filter((c) => c.object === o), 'restore'))
            .join('; '), left, 'restore');
    }
}


/***/ }),

/***/ 2545:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  m8: () => (/* reexport */ types/* RouteChangedError */.m8),
  NF: () => (/* binding */ routerFor)
});

// UNUSED EXPORTS: TrafficSetupError

// EXTERNAL MODULE: ./src/act/traffic/apply.ts + 1 modules
var apply = __webpack_require__(3930);
// EXTERNAL MODULE: ./src/act/traffic/json-pointer.ts
var json_pointer = __webpack_require__(7802);
// EXTERNAL MODULE: ./src/act/traffic/prepare-read.ts
var prepare_read = __webpack_require__(1318);
// EXTERNAL MODULE: ./src/act/traffic/resources.ts
var resources = __webpack_require__(9075);
// EXTERNAL MODULE: ./src/act/traffic/types.ts
var types = __webpack_require__(1131);
// EXTERNAL MODULE: ./src/act/traffic/weight.ts
var traffic_weight = __webpack_require__(8264);
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
            const path = (0,json_pointer/* pointer */.W)('spec', 'rules', i, 'backendRefs', j);
            return { path, guards: [{ path: `${path}/name`, value: name }] };
        };
        const s = entry(stable);
        const c = entry(canary);
        if (s && c)
            pairs.push({ stable: s, canary: c });
    });
    return pairs;
}
function pairsOf(state) {
    const spec = (0,types/* specOf */.rI)('gatewayHTTPRoute', state.spec);
    return httpRoutePairs(state.objects[0].original, spec.stable, spec.canary);
}
const gatewayHTTPRouteRouter = {
    kind: 'gatewayHTTPRoute',
    async prepare(api, rawSpec) {
        const spec = (0,types/* specOf */.rI)('gatewayHTTPRoute', rawSpec);
        const route = await (0,prepare_read/* readTracked */.T)(api, resources/* TRAFFIC_RESOURCES */._.HTTPRoute, spec.namespace, spec.route, 'name an existing HTTPRoute');
        if (httpRoutePairs(route.original, spec.stable, spec.canary).length === 0) {
            throw new types/* TrafficSetupError */.DU(`HTTPRoute ${spec.namespace}/${spec.route} has no rule with both backendRefs "${spec.stable}" and "${spec.canary}": add the canary backendRef with weight: 0 next to the stable one`);
        }
        return { kind: 'gatewayHTTPRoute', spec, objects: [route], weight: 0, effectiveWeight: 0 };
    },
    async setWeight(api, state, weight) {
        // backendRef weights are int32: whole percents.
        const whole = Math.round((0,traffic_weight/* checkWeight */.n)(weight));
        await (0,apply/* writeFields */.pc)(api, state.objects[0], pairWrites(pairsOf(state), whole), 'setWeight');
        state.weight = weight;
        state.effectiveWeight = whole;
        return state;
    },
    restore: (api, state) => (0,apply/* restoreObjects */.N1)(api, state, [0])
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
            const path = (0,json_pointer/* pointer */.W)('spec', 'http', i, 'route', j);
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
const istioVirtualServiceRouter = {
    kind: 'istioVirtualService',
    async prepare(api, rawSpec) {
        const spec = (0,types/* specOf */.rI)('istioVirtualService', rawSpec);
        const vs = await (0,prepare_read/* readTracked */.T)(api, resources/* TRAFFIC_RESOURCES */._.VirtualService, spec.namespace, spec.virtualService, 'name an existing VirtualService');
        if (virtualServicePairs(vs.original, spec.stable, spec.canary).length === 0) {
            throw new types/* TrafficSetupError */.DU(`VirtualService ${spec.namespace}/${spec.virtualService} has no http route with both destinations ${label(spec.stable)} and ${label(spec.canary)}: add the canary destination with weight: 0 next to the stable one`);
        }
        return { kind: 'istioVirtualService', spec, objects: [vs], weight: 0, effectiveWeight: 0 };
    },
    async setWeight(api, state, weight) {
        const spec = (0,types/* specOf */.rI)('istioVirtualService', state.spec);
        const whole = Math.round((0,traffic_weight/* checkWeight */.n)(weight)); // route weights are integers
        const pairs = virtualServicePairs(state.objects[0].original, spec.stable, spec.canary);
        await (0,apply/* writeFields */.pc)(api, state.objects[0], pairWrites(pairs, whole), 'setWeight');
        state.weight = weight;
        state.effectiveWeight = whole;
        return state;
    },
    restore: (api, state) => (0,apply/* restoreObjects */.N1)(api, state, [0])
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
const nginxIngressRouter = {
    kind: 'nginxIngress',
    async prepare(api, rawSpec) {
        const spec = (0,types/* specOf */.rI)('nginxIngress', rawSpec);
        const ingress = await (0,prepare_read/* readTracked */.T)(api, resources/* TRAFFIC_RESOURCES */._.Ingress, spec.namespace, spec.canaryIngress, 'create the canary Ingress first');
        if (ingress.original.metadata.annotations?.[CANARY_ANNOTATION] !== 'true') {
            throw new types/* TrafficSetupError */.DU(`Ingress ${spec.namespace}/${spec.canaryIngress} is not an ingress-nginx canary: annotate it ${CANARY_ANNOTATION}: "true"`);
        }
        return { kind: 'nginxIngress', spec, objects: [ingress], weight: 0, effectiveWeight: 0 };
    },
    async setWeight(api, state, weight) {
        const ingress = state.objects[0];
        const annotations = ingress.original.metadata.annotations ?? {};
        const { value, effectiveWeight } = nginxCanaryWeight((0,traffic_weight/* checkWeight */.n)(weight), annotations[CANARY_WEIGHT_TOTAL_ANNOTATION]);
        const mark = { path: (0,json_pointer/* pointer */.W)('metadata', 'annotations', CANARY_ANNOTATION), value: 'true' };
        await (0,apply/* writeFields */.pc)(api, ingress, [{ path: (0,json_pointer/* pointer */.W)('metadata', 'annotations', CANARY_WEIGHT_ANNOTATION), value, guards: [mark] }], 'setWeight');
        state.weight = weight;
        state.effectiveWeight = effectiveWeight;
        return state;
    },
    restore: (api, state) => (0,apply/* restoreObjects */.N1)(api, state, [0])
};

// EXTERNAL MODULE: ./src/act/traffic/replicas.ts + 1 modules
var replicas = __webpack_require__(6058);
;// CONCATENATED MODULE: ./src/act/traffic/service-selector.ts






const ACTIVE = 0;
const PREVIEW = 1;
const selectorPath = (key) => (0,json_pointer/* pointer */.W)('spec', 'selector', key);
/** Selector writes that make `service` select `labels` on the keys blue and green use. Pure. */
function selectorWrites(service, spec, to) {
    const keys = [...new Set([...Object.keys(spec.blue), ...Object.keys(spec.green)])];
    return keys.map((key) => ({
        path: selectorPath(key),
        value: to === 'green' ? spec.green[key] : (0,json_pointer/* readPointer */.q)(service, selectorPath(key)),
        guards: []
    }));
}
const serviceSelectorRouter = {
    kind: 'serviceSelector',
    async prepare(api, rawSpec) {
        const spec = (0,types/* specOf */.rI)('serviceSelector', rawSpec);
        if (Object.keys(spec.green).length === 0)
            throw new types/* TrafficSetupError */.DU('serviceSelector.green needs at least one label');
        const type = resources/* TRAFFIC_RESOURCES */._.Service;
        const active = await (0,prepare_read/* readTracked */.T)(api, type, spec.namespace, spec.activeService, 'name the Service that takes live traffic');
        const selector = active.original.spec?.selector ?? {};
        const missing = Object.entries(spec.blue).filter(([k, v]) => selector[k] !== v);
        if (missing.length > 0 || Object.keys(spec.blue).length === 0) {
            throw new types/* TrafficSetupError */.DU(`Service ${spec.namespace}/${spec.activeService} does not select blue (${Object.entries(spec.blue)
                .map(([k, v]) => `${k}=${v}`)
                .join(',') || 'no labels given'}): its selector is ${JSON.stringify(selector)}`);
        }
        const objects = [active];
        if (spec.previewService !== undefined) {
            objects.push(await (0,prepare_read/* readTracked */.T)(api, type, spec.namespace, spec.previewService, 'create the preview Service or leave previewService out'));
        }
        return { kind: 'serviceSelector', spec, objects, weight: 0, effectiveWeight: 0 };
    },
    async setWeight(api, state, weight) {
        const spec = (0,types/* specOf */.rI)('serviceSelector', state.spec);
        (0,traffic_weight/* checkWeight */.n)(weight);
        if (weight !== 0 && weight !== 100) {
            throw new types/* TrafficSetupError */.DU(`blue-green switches all traffic at once: weight must be 0 or 100 (got ${weight})`);
        }
        const preview = state.objects[PREVIEW];
        if (preview)
            await (0,apply/* writeFields */.pc)(api, preview, selectorWrites(preview.original, spec, 'green'), 'setWeight');
        const active = state.objects[ACTIVE];
        await (0,apply/* writeFields */.pc)(api, active, selectorWrites(active.original, spec, weight === 100 ? 'green' : 'original'), 'setWeight');
        state.weight = weight;
        state.effectiveWeight = weight;
        return state;
    },
    restore: (api, state) => (0,apply/* restoreObjects */.N1)(api, state, state.objects.length > 1 ? [ACTIVE, PREVIEW] : [ACTIVE])
};

;// CONCATENATED MODULE: ./src/act/traffic/index.ts
/** The traffic routers by kind (one file each); `routerFor(spec.kind).prepare(api, spec)` starts one. */





const ROUTERS = {
    replicas: replicas/* replicasRouter */.B,
    gatewayHTTPRoute: gatewayHTTPRouteRouter,
    istioVirtualService: istioVirtualServiceRouter,
    nginxIngress: nginxIngressRouter,
    serviceSelector: serviceSelectorRouter
};
function routerFor(kind) {
    return ROUTERS[kind];
}



/***/ }),

/***/ 7802:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ pointer),
/* harmony export */   q: () => (/* binding */ readPointer)
/* harmony export */ });
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


/***/ }),

/***/ 884:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ describeChanges),
/* harmony export */   u: () => (/* binding */ objectLabel)
/* harmony export */ });
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


/***/ }),

/***/ 1318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ readTracked)
/* harmony export */ });
/* harmony import */ var _apply_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3930);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1131);


async function readTracked(api, type, namespace, name, hint) {
    const object = await api.get(type, namespace, name);
    if (object === undefined)
        throw new _types_js__WEBPACK_IMPORTED_MODULE_1__/* .TrafficSetupError */ .DU(`${type.kind} ${namespace}/${name} not found: ${hint}`);
    return (0,_apply_js__WEBPACK_IMPORTED_MODULE_0__/* .track */ .u4)(object, type, namespace);
}


/***/ }),

/***/ 6058:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  V: () => (/* binding */ replicaTotal),
  B: () => (/* binding */ replicasRouter)
});

// EXTERNAL MODULE: ./src/act/traffic/apply.ts + 1 modules
var apply = __webpack_require__(3930);
// EXTERNAL MODULE: ./src/act/traffic/json-pointer.ts
var json_pointer = __webpack_require__(7802);
// EXTERNAL MODULE: ./src/act/traffic/prepare-read.ts
var prepare_read = __webpack_require__(1318);
;// CONCATENATED MODULE: ./src/act/traffic/replica-split.ts
function splitReplicas(total, weight) {
    // Round the product first so 0.07 × 100 (7.000000000000001 in floating point) is not lifted to 8.
    const exact = Number(((weight * total) / 100).toFixed(9));
    const canary = Math.min(total, Math.ceil(exact));
    return { canary, stable: total - canary, effectiveWeight: total === 0 ? 0 : (canary / total) * 100 };
}

// EXTERNAL MODULE: ./src/act/traffic/resources.ts
var resources = __webpack_require__(9075);
// EXTERNAL MODULE: ./src/act/traffic/types.ts
var types = __webpack_require__(1131);
// EXTERNAL MODULE: ./src/act/traffic/weight.ts
var traffic_weight = __webpack_require__(8264);
;// CONCATENATED MODULE: ./src/act/traffic/replicas.ts







const STABLE = 0;
const CANARY = 1;
const REPLICAS = (0,json_pointer/* pointer */.W)('spec', 'replicas');
function replicasOf(state, index, which) {
    const value = (0,json_pointer/* readPointer */.q)(state.objects[index][which], REPLICAS);
    return typeof value === 'number' ? value : 1; // Kubernetes' default when unset
}
/** Pods of both Deployments as found by prepare: the total the split keeps. */
function replicaTotal(state) {
    return replicasOf(state, STABLE, 'original') + replicasOf(state, CANARY, 'original');
}
const replicasRouter = {
    kind: 'replicas',
    async prepare(api, rawSpec) {
        const spec = (0,types/* specOf */.rI)('replicas', rawSpec);
        const type = resources/* TRAFFIC_RESOURCES */._.Deployment;
        const stable = await (0,prepare_read/* readTracked */.T)(api, type, spec.namespace, spec.stable, 'the stable workload must exist');
        const canary = await (0,prepare_read/* readTracked */.T)(api, type, spec.namespace, spec.canary, 'create the canary Deployment first');
        const state = { kind: 'replicas', spec, objects: [stable, canary], weight: 0, effectiveWeight: 0 };
        const total = replicaTotal(state);
        if (total === 0)
            throw new types/* TrafficSetupError */.DU(`Deployments ${spec.namespace}/${spec.stable} and ${spec.canary} have 0 replicas between them: nothing to split`);
        state.effectiveWeight = (replicasOf(state, CANARY, 'original') / total) * 100;
        return state;
    },
    async setWeight(api, state, weight) {
        const split = splitReplicas(replicaTotal(state), (0,traffic_weight/* checkWeight */.n)(weight));
        const growCanary = split.canary >= replicasOf(state, CANARY, 'live');
        const writes = [
            { index: CANARY, replicas: split.canary },
            { index: STABLE, replicas: split.stable }
        ];
        for (const w of growCanary ? writes : writes.reverse()) {
            await (0,apply/* writeFields */.pc)(api, state.objects[w.index], [{ path: REPLICAS, value: w.replicas, guards: [] }], 'setWeight');
        }
        state.weight = weight;
        state.effectiveWeight = split.effectiveWeight;
        return state;
    },
    async restore(api, state) {
        const canaryGrows = replicasOf(state, CANARY, 'original') >= replicasOf(state, CANARY, 'live');
        await (0,apply/* restoreObjects */.N1)(api, state, canaryGrows ? [CANARY, STABLE] : [STABLE, CANARY]);
    }
};


/***/ }),

/***/ 9075:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ TRAFFIC_RESOURCES)
/* harmony export */ });
/* harmony import */ var _kube_resources_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6804);

const TRAFFIC_RESOURCES = {
    Deployment: _kube_resources_js__WEBPACK_IMPORTED_MODULE_0__/* .RESOURCES */ .eZ.Deployment,
    Service: _kube_resources_js__WEBPACK_IMPORTED_MODULE_0__/* .RESOURCES */ .eZ.Service,
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


/***/ }),

/***/ 1131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DU: () => (/* binding */ TrafficSetupError),
/* harmony export */   m8: () => (/* binding */ RouteChangedError),
/* harmony export */   rI: () => (/* binding */ specOf)
/* harmony export */ });
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
/** `spec` as the `kind` router's own spec; a spec of another kind is refused. */
function specOf(kind, spec) {
    if (spec.kind !== kind)
        throw new TrafficSetupError(`${kind} router given a ${spec.kind} spec`);
    return spec;
}


/***/ }),

/***/ 8264:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ checkWeight)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1131);
/** The weight a caller asks for: a percentage. Pure. */

function checkWeight(weight) {
    if (!Number.isFinite(weight) || weight < 0 || weight > 100) {
        throw new _types_js__WEBPACK_IMPORTED_MODULE_0__/* .TrafficSetupError */ .DU(`canary weight must be a number from 0 to 100 (got ${String(weight)})`);
    }
    return weight;
}


/***/ }),

/***/ 759:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ analysisForStep)
/* harmony export */ });
function analysisForStep(analysis, pause) {
    if (pause === undefined || pause <= 0)
        return analysis;
    const count = Math.max(1, Math.floor((pause - analysis.initialDelay) / analysis.interval));
    return { ...analysis, count };
}


/***/ }),

/***/ 9704:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jp: () => (/* binding */ stepRunsAnalysis),
/* harmony export */   Lp: () => (/* binding */ judgeVerdict),
/* harmony export */   UT: () => (/* binding */ weightAt),
/* harmony export */   lH: () => (/* binding */ decideStep)
/* harmony export */ });
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
        const onNoData = context.onNoData ?? 'hold';
        if (onNoData === 'hold' && context.canHold)
            return { action: 'hold', reason };
        if (onNoData === 'abort')
            return { action: 'abort', verdict: 'failed', reason: `${reason} (canary.onNoData: abort)` };
        return { action: 'abort', verdict: 'inconclusive', reason };
    }
    const analysed = context.analysedBefore || evaluation.analysis === 'passed' || judge === 'passed';
    if (context.manual) {
        return {
            action: 'pause',
            next: index + 1,
            reason: `${label} passed; paused for approval (resume with canary-resume: continue, or abort)`
        };
    }
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


/***/ }),

/***/ 404:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  h: () => (/* binding */ runStepJudge)
});

// UNUSED EXPORTS: metricReport

// EXTERNAL MODULE: ./src/analysis/judge/explain.ts
var explain = __webpack_require__(2593);
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
var number = __webpack_require__(1555);
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
var template = __webpack_require__(9030);
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

// EXTERNAL MODULE: ./src/commands/analysis-step.ts + 7 modules
var analysis_step = __webpack_require__(9049);
// EXTERNAL MODULE: ./src/commands/canary-run.ts
var canary_run = __webpack_require__(2680);
;// CONCATENATED MODULE: ./src/commands/canary-judge.ts
/**
 * The `canary.judge` part of a canary step's I/O: which versions the two tracks are (the config's
 * `tracks`, else the canary's and the stable's image tags), a Prometheus client, and the step's
 * window. A query error makes the judgement inconclusive (never a pass, never a failure).
 */




/** A metric's judgement as the reports show it (the record keeps no series, only what was concluded). */
function metricReport(j) {
    return {
        metric: j.metric,
        verdict: j.verdict,
        critical: j.critical,
        canary: { n: j.canary.n, median: j.canary.median },
        baseline: { n: j.baseline.n, median: j.baseline.median },
        pValue: j.pValue,
        effectSize: j.effectSize
    };
}
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
    const { createPrometheusClient } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(542), __webpack_require__.e(514)]).then(__webpack_require__.bind(__webpack_require__, 514));
    const prometheus = createPrometheusClient(config.prometheus, { signal: ctx.signal });
    const interval = config.analysis?.interval ?? 30_000;
    try {
        const { score, judgements } = await judgeStep(judge, prometheus, { start: input.since, end: ctx.now(), stepSeconds: Math.max(interval / 1000, 0.001) }, { canary, baseline }, (0,analysis_step/* templateValues */.n)(config, canary));
        // `error-rate 5.1× the baseline (p=0.001)`: the words the step's reason and the headline carry.
        const reason = (0,explain/* explainJudgement */.jM)(score, judgements);
        ctx.log(`judge (${canary} vs ${baseline}): ${score.outcome} — ${reason}`);
        for (const j of judgements)
            ctx.log(`  ${j.reason}`);
        return {
            outcome: score.outcome,
            score: score.score,
            reason,
            metrics: judgements.map(metricReport)
        };
    }
    catch (error) {
        return inconclusive(`the judge's queries failed: ${(0,canary_run/* errorText */.kc)(error)}`);
    }
}


/***/ }),

/***/ 2680:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K9: () => (/* binding */ imageVersion),
/* harmony export */   Z9: () => (/* binding */ canaryHealth),
/* harmony export */   kc: () => (/* binding */ errorText),
/* harmony export */   xL: () => (/* binding */ stableVerdict)
/* harmony export */ });
/* unused harmony export stableHealth */
/* harmony import */ var _decide_verdict_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6501);
/* harmony import */ var _kube_template_images_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5994);
/* harmony import */ var _verify_workload_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8583);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4086);




const errorText = (error) => (error instanceof Error ? error.message : String(error));
/** Verifies the canary workload at the current weight (its own pods only: no expectations, smoke or GitOps). */
function canaryHealth(run) {
    return workloadHealth(run, run.names.canary);
}
/** Verifies the stable workload (after a promotion or an abort), with the same workload-only checks. */
function stableHealth(run) {
    return workloadHealth(run, run.names.stable);
}
/** The stable's health as one verdict with its reasons (after a promotion or an abort). */
async function stableVerdict(run) {
    return (0,_decide_verdict_js__WEBPACK_IMPORTED_MODULE_1__.decideVerdict)({ targets: [await stableHealth(run)], checks: [] });
}
function workloadHealth(run, name) {
    const ref = { kind: 'Deployment', name, namespace: run.names.namespace };
    return (0,_verify_workload_js__WEBPACK_IMPORTED_MODULE_0__.verifyWorkload)(run.api, ref, { ...run.config.verify, expect: {}, smoke: [], gitops: {} }, {
        startedAt: run.ctx.now(),
        log: run.ctx.log,
        signal: run.ctx.signal
    });
}
/** The version a Deployment runs: its first container's image tag (for {{version}} and the judge's tracks). */
async function imageVersion(api, namespace, name, ctx) {
    try {
        const images = await (0,_kube_template_images_js__WEBPACK_IMPORTED_MODULE_2__/* .readTemplateImages */ .p)(api, { kind: 'Deployment', name, namespace });
        const image = Object.values(images)[0];
        return image ? (0,_version_js__WEBPACK_IMPORTED_MODULE_3__/* .imageTag */ .I)(image) : undefined;
    }
    catch (error) {
        ctx.warn(`could not read the version of Deployment/${name}: ${errorText(error)}`);
        return undefined;
    }
}


/***/ }),

/***/ 475:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCanary: () => (/* binding */ runCanary)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/act/traffic/json-pointer.ts
var json_pointer = __webpack_require__(7802);
// EXTERNAL MODULE: ./src/util/plain-object.ts
var plain_object = __webpack_require__(3838);
;// CONCATENATED MODULE: ./src/canary/pause-state.ts
/**
 * The state a manually paused canary leaves on its canary Deployment (annotation
 * `deploy-guard.io/canary-state`, JSON), so a later run resumes or aborts exactly where it stopped.
 * Pure. It holds what restoring needs — each routing object as first read (the saved original, trimmed
 * to labels, annotations and spec), the fields deploy-guard changed with their guards and the values it
 * last wrote — plus the next step, the workload names, and a hash of the canary config, so a resumed
 * run with another config is refused before anything is touched. No secrets: routing objects and
 * names only (the config's queries and credentials are never in it, only their hash).
 */




const STATE_ANNOTATION = 'deploy-guard.io/canary-state';
/** Annotations of one object may hold 256 KiB in all; the state keeps well under it. */
const MAX_STATE_BYTES = 128 * 1024;
const DROPPED_ANNOTATIONS = [STATE_ANNOTATION, 'kubectl.kubernetes.io/last-applied-configuration'];
/** The canary config's identity for a resume: everything that shapes the steps and the routing. */
function canaryConfigHash(canary, names) {
    const shape = {
        names,
        strategy: canary?.strategy,
        steps: canary?.steps,
        traffic: canary?.traffic,
        workload: canary?.workload,
        replicas: canary?.replicas
    };
    return (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(shape)).digest('hex').slice(0, 16);
}
function trimmed(object) {
    const annotations = { ...(object.metadata.annotations ?? {}) };
    for (const key of DROPPED_ANNOTATIONS)
        delete annotations[key];
    return {
        ...(object.apiVersion ? { apiVersion: object.apiVersion } : {}),
        ...(object.kind ? { kind: object.kind } : {}),
        metadata: {
            name: object.metadata.name,
            ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
            ...(object.metadata.labels ? { labels: object.metadata.labels } : {}),
            annotations
        },
        ...(object.spec !== undefined ? { spec: object.spec } : {})
    };
}
/** The annotation's value; throws when it would exceed MAX_STATE_BYTES (routing objects too large to keep). */
function serializePause(input) {
    const { state } = input;
    const paused = {
        version: 1,
        configHash: input.configHash,
        nextStep: input.nextStep,
        names: input.names,
        router: state.kind,
        spec: state.spec,
        objects: state.objects.map((o) => ({
            type: o.type,
            namespace: o.namespace,
            name: o.name,
            original: trimmed(o.original),
            touched: o.touched,
            written: o.touched.map((t) => ({ path: t.path, value: (0,json_pointer/* readPointer */.q)(o.live, t.path) }))
        })),
        weight: state.weight,
        effectiveWeight: state.effectiveWeight,
        created: input.created,
        analysedBefore: input.analysedBefore,
        pausedAt: input.now.toISOString()
    };
    const text = JSON.stringify(paused);
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_STATE_BYTES)
        throw new Error(`the canary's saved routing state is ${Math.ceil(bytes / 1024)} KiB, more than the ${MAX_STATE_BYTES / 1024} KiB an annotation can safely hold: use timed pauses with this route`);
    return text;
}
/** The saved state, or why it cannot be read (a hand-edited or foreign annotation). */
function parsePause(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return `annotation ${STATE_ANNOTATION} is not JSON`;
    }
    if (!(0,plain_object/* isPlainObject */.Q)(value) || value.version !== 1)
        return `annotation ${STATE_ANNOTATION} has an unknown format (version ${(0,plain_object/* isPlainObject */.Q)(value) ? String(value.version) : '?'})`;
    const ok = typeof value.configHash === 'string' &&
        typeof value.nextStep === 'number' &&
        (0,plain_object/* isPlainObject */.Q)(value.names) &&
        typeof value.router === 'string' &&
        (0,plain_object/* isPlainObject */.Q)(value.spec) &&
        Array.isArray(value.objects) &&
        value.objects.every((o) => (0,plain_object/* isPlainObject */.Q)(o) && (0,plain_object/* isPlainObject */.Q)(o.original) && Array.isArray(o.touched) && Array.isArray(o.written)) &&
        typeof value.weight === 'number';
    return ok ? value : `annotation ${STATE_ANNOTATION} is incomplete (edited by hand?)`;
}
/** Fields of a routing object that no longer hold what deploy-guard wrote (or its guards), found on resume. */
function changedSincePause(saved, fresh) {
    const object = `${saved.type.kind} ${saved.namespace}/${saved.name}`;
    if (fresh === undefined)
        return [{ object, path: '', expected: 'the object', found: undefined }];
    const changes = [];
    for (const { path, value } of saved.written) {
        const found = (0,json_pointer/* readPointer */.q)(fresh, path);
        if (!(0,external_node_util_.isDeepStrictEqual)(found, value))
            changes.push({ object, path, expected: value, found });
    }
    for (const guard of saved.touched.flatMap((t) => t.guards)) {
        const found = (0,json_pointer/* readPointer */.q)(fresh, guard.path);
        if (!(0,external_node_util_.isDeepStrictEqual)(found, guard.value) && !changes.some((c) => c.path === guard.path))
            changes.push({ object, path: guard.path, expected: guard.value, found });
    }
    return changes;
}
/** The router state a resumed run continues with: the saved originals and touched fields, the live objects as read now. */
function resumedRouterState(paused, fresh) {
    return {
        kind: paused.router,
        spec: paused.spec,
        objects: paused.objects.map((saved, i) => ({
            type: saved.type,
            namespace: saved.namespace,
            name: saved.name,
            original: saved.original,
            live: structuredClone(fresh[i]),
            touched: saved.touched
        })),
        weight: paused.weight,
        effectiveWeight: paused.effectiveWeight
    };
}

// EXTERNAL MODULE: ./src/canary/step-machine.ts
var step_machine = __webpack_require__(9704);
;// CONCATENATED MODULE: ./src/canary/traffic-plan.ts
function canaryNames(canary, target) {
    const replicas = canary?.traffic?.replicas;
    const stable = replicas?.stable ?? target.name;
    return { namespace: target.namespace, stable, canary: canary?.workload ?? replicas?.canary ?? `${stable}-canary` };
}
/** The router spec for the configured router (replicas when none is configured). */
function trafficSpec(canary, names) {
    const traffic = canary?.traffic;
    const { namespace } = names;
    if (traffic?.gatewayHTTPRoute)
        return { kind: 'gatewayHTTPRoute', namespace, ...traffic.gatewayHTTPRoute };
    if (traffic?.istioVirtualService)
        return { kind: 'istioVirtualService', namespace, ...traffic.istioVirtualService };
    if (traffic?.nginxIngress)
        return { kind: 'nginxIngress', namespace, ...traffic.nginxIngress };
    return { kind: 'replicas', namespace, stable: names.stable, canary: names.canary };
}
/** The weight and canary pods of step `step`, given the capacity. */
function stepTraffic(step, capacity) {
    if (capacity.router === 'replicas') {
        if (step.replicas !== undefined) {
            const pods = Math.min(step.replicas, capacity.pods);
            return { weight: capacity.pods === 0 ? 0 : (pods / capacity.pods) * 100, canaryPods: undefined };
        }
        return { weight: step.weight, canaryPods: undefined };
    }
    if (step.replicas !== undefined) {
        const n = step.replicas;
        const weight = n === 0 ? 0 : Math.round((100 * n) / (n + capacity.pods));
        return { weight, canaryPods: n };
    }
    if (step.weight === undefined)
        return { weight: undefined, canaryPods: undefined };
    // Scaling down at weight 0 is left to abort/clean-up: the step only moves traffic.
    return { weight: step.weight, canaryPods: step.weight > 0 ? capacity.canaryReplicas : undefined };
}

// EXTERNAL MODULE: ./src/act/promote.ts
var promote = __webpack_require__(6952);
// EXTERNAL MODULE: ./src/act/traffic/index.ts + 5 modules
var act_traffic = __webpack_require__(2545);
// EXTERNAL MODULE: ./src/commands/canary-run.ts
var canary_run = __webpack_require__(2680);
;// CONCATENATED MODULE: ./src/commands/canary-abort.ts
/**
 * Abort and clean-up of a canary: the routing put back exactly as saved, then the canary Deployment
 * scaled to zero (or deleted: `canary.cleanup: delete`, and always a canary deploy-guard created).
 *
 * Clean-up must also happen when the job is cancelled, and the run's client stops every request on
 * cancel. So these writes go through a view detached from the run's signal, held to its own deadline
 * (CLEANUP_MS): a cancelled job still takes its traffic back, and a stalled API cannot hold it forever.
 */




/** The clean-up's own time budget, independent of the run's (cancelled) signal. */
const CLEANUP_MS = 30_000;
function cleanupApi(api) {
    return api.detachedFromRun(AbortSignal.timeout(CLEANUP_MS));
}
/** The routing exactly as saved, then the canary at zero (or gone). Returns what could not be done. */
function abortCanary(run) {
    const work = restoreAndRetire(run);
    run.ctx.holdExit?.(work);
    return work;
}
async function restoreAndRetire(run) {
    const api = cleanupApi(run.api);
    const problems = [];
    const { names } = run;
    await restoreRouting(run, api, problems, run.state.kind === 'replicas'
        ? `routing restored: ${names.stable} and ${names.canary} back to their replicas`
        : `routing restored: ${run.state.objects.map((o) => `${o.type.kind} ${o.name}`).join(', ')} as found`);
    await retireCanary(run, api, problems);
    return problems;
}
/** Puts the routing back as saved, reporting `done` as the write. Problems are appended. */
async function restoreRouting(run, api, problems, done) {
    try {
        await (0,act_traffic/* routerFor */.NF)(run.state.kind).restore(api, run.state);
        run.report.writes.push(done);
    }
    catch (error) {
        problems.push(`could not restore the routing: ${(0,canary_run/* errorText */.kc)(error)}`);
    }
}
/** Scales the canary to zero or deletes it, and removes a paused state. Problems are appended. */
async function retireCanary(run, api, problems) {
    const { namespace, canary } = run.names;
    const remove = run.created || run.config.canary?.cleanup === 'delete';
    try {
        if (remove) {
            if (await (0,promote/* deleteCanary */.Gx)(api, namespace, canary))
                run.report.writes.push(`canary ${canary} deleted`);
            return;
        }
        if (await (0,promote/* scaleToZero */.G5)(api, namespace, canary))
            run.report.writes.push(`canary ${canary} scaled to 0`);
        await (0,promote/* setAnnotation */.aX)(api, namespace, canary, STATE_ANNOTATION, undefined);
    }
    catch (error) {
        problems.push(`could not ${remove ? 'delete' : 'scale to 0'} the canary ${canary}: ${(0,canary_run/* errorText */.kc)(error)}`);
    }
}

// EXTERNAL MODULE: ./src/act/traffic/replicas.ts + 1 modules
var traffic_replicas = __webpack_require__(6058);
;// CONCATENATED MODULE: ./src/commands/canary-promote.ts
/**
 * Promotion: the stable Deployment gets the canary's pod template (src/act/promote.ts) and waits for
 * its rollout while the canary still serves its share. Healthy: the routing goes back to the stable
 * as saved (100 %), and the canary is retired. Unhealthy: the stable's pre-promotion template is put
 * back and waited for, the routing restored, the canary retired — reported as an aborted promotion.
 * A job cancelled during the wait keeps the promotion (both sides run the new version), retires the
 * canary, and reports the rollout as unconfirmed.
 */




/** All traffic back on the (promoted) stable as the routing was found, then the canary retired. */
async function handBack(run) {
    const api = cleanupApi(run.api);
    const problems = [];
    if (run.state.kind !== 'replicas')
        await restoreRouting(run, api, problems, `routing restored: all traffic on ${run.names.stable}`);
    await retireCanary(run, api, problems);
    return problems;
}
/** The promoted stable is unhealthy: its previous template back, then the routing and the canary as an abort leaves them. */
async function putBack(run, previous, found) {
    const { names, ctx } = run;
    ctx.log(`the promoted ${names.stable} is ${found.verdict}: putting its previous template back`);
    const reasons = [
        `the promoted ${names.stable} is not healthy (${found.verdict}); its previous template was put back`,
        ...found.reasons
    ];
    try {
        await (0,promote/* restoreStableTemplate */.eW)(cleanupApi(run.api), names.namespace, names.stable, previous);
        run.report.writes.push(`stable ${names.stable} given its pre-promotion template back`);
        const back = await (0,canary_run/* stableVerdict */.xL)(run);
        if (back.verdict !== 'passed')
            reasons.push(`the restored ${names.stable} is ${back.verdict} too: check it by hand`);
    }
    catch (error) {
        reasons.push(`could not put the previous template back: ${(0,canary_run/* errorText */.kc)(error)}`);
    }
    // The replicas router's stable already holds every pod: only the canary is left to retire.
    const problems = [];
    if (run.state.kind === 'replicas')
        await retireCanary(run, cleanupApi(run.api), problems);
    else
        problems.push(...(await abortCanary(run)));
    return { verdict: 'failed', action: 'aborted', reasons: [...reasons, ...problems] };
}
async function canary_promote_promote(run) {
    const { names, state, ctx } = run;
    // The replicas router's total goes to the stable; a weighted router's stable keeps its own count.
    const replicas = state.kind === 'replicas' ? (0,traffic_replicas/* replicaTotal */.V)(state) : run.capacity.pods;
    let previous;
    try {
        previous = (await (0,promote/* promoteCanaryTemplate */.Tr)(run.api, names.namespace, names.stable, names.canary, replicas))
            .previousTemplate;
    }
    catch (error) {
        // Not promoted: leave nothing half-done, as an abort would.
        const problems = await abortCanary(run);
        return { verdict: 'failed', action: 'aborted', reasons: [`promotion failed: ${(0,canary_run/* errorText */.kc)(error)}`, ...problems] };
    }
    run.report.writes.push(`stable ${names.stable} given the canary's pod template, ${replicas} replica(s)`);
    ctx.log(`promoted: waiting for ${names.stable} to roll out`);
    const found = await (0,canary_run/* stableVerdict */.xL)(run);
    if (ctx.signal.aborted) {
        const problems = await handBack(run);
        return {
            verdict: 'inconclusive',
            action: 'promoted',
            reasons: [
                `the job was cancelled while the promoted ${names.stable} rolled out: check it with kubectl rollout status deployment/${names.stable} -n ${names.namespace}`,
                ...problems
            ]
        };
    }
    if (found.verdict !== 'passed')
        return putBack(run, previous, found);
    const problems = await handBack(run);
    return { verdict: problems.length ? 'inconclusive' : 'passed', action: 'promoted', reasons: problems };
}

// EXTERNAL MODULE: ./src/act/traffic/messages.ts
var messages = __webpack_require__(884);
// EXTERNAL MODULE: ./src/kube/resources.ts
var resources = __webpack_require__(6804);
;// CONCATENATED MODULE: ./src/commands/canary-resume.ts
/**
 * Manual pause and resume (`pause: manual`): the paused run saves its routing state on the canary
 * Deployment (annotation deploy-guard.io/canary-state, src/canary/pause-state.ts) and stops with the
 * traffic where it is. A later run with the same canary config finds it and, as `canary-resume` says,
 * goes on from the next step or aborts (routing restored from the SAVED originals, canary retired).
 */




/** Saves the state a resume needs on the canary Deployment and marks the report paused; `nextStep` is 0-based. */
async function savePause(run, configHash, nextStep) {
    const text = serializePause({
        configHash,
        nextStep,
        names: run.names,
        state: run.state,
        created: run.created,
        analysedBefore: run.analysedBefore,
        now: run.ctx.now()
    });
    await (0,promote/* setAnnotation */.aX)(run.api, run.names.namespace, run.names.canary, STATE_ANNOTATION, text);
    run.report.state = 'paused';
    run.report.nextStep = nextStep + 1;
    run.report.writes.push(`paused: the routing state is saved on ${run.names.canary} (annotation ${STATE_ANNOTATION})`);
    run.ctx.log(`paused for approval before step ${nextStep + 1}: traffic stays at ${run.state.effectiveWeight.toFixed(1)} % on the canary`);
}
/** The paused state on the canary Deployment: absent, readable, or why it cannot be used. */
async function findPause(api, namespace, canary) {
    const object = await api.get(resources/* RESOURCES */.eZ.Deployment, namespace, canary);
    const text = object?.metadata.annotations?.[STATE_ANNOTATION];
    if (text === undefined)
        return undefined;
    const parsed = parsePause(text);
    return typeof parsed === 'string'
        ? { problem: `Deployment ${namespace}/${canary}: ${parsed}; remove the annotation and restore the routing by hand` }
        : parsed;
}
/**
 * The router state to go on with: the saved originals and touched fields over the objects as they
 * are now. A field someone changed during the pause (or a guard that no longer holds) is left out of
 * the state, so nothing restores over it, and described in `left`; a resumed run that finds any
 * aborts rather than go on over someone else's routing.
 */
async function resumeState(api, paused) {
    const fresh = [];
    const left = [];
    const kept = { ...paused, objects: [] };
    for (const saved of paused.objects) {
        const object = await api.get(saved.type, saved.namespace, saved.name);
        const label = `${saved.type.kind} ${saved.namespace}/${saved.name}`;
        if (!object) {
            left.push((0,messages/* describeChanges */.D)(label, true, [], 'restore'));
            continue;
        }
        const changes = changedSincePause(saved, object);
        if (changes.length > 0)
            left.push((0,messages/* describeChanges */.D)(label, false, changes, 'restore'));
        const changed = new Set(changes.map((c) => c.path));
        const touched = saved.touched.filter((t) => !changed.has(t.path) && !t.guards.some((g) => changed.has(g.path)));
        kept.objects.push({ ...saved, touched });
        fresh.push(object);
    }
    return { state: resumedRouterState(kept, fresh), left };
}

// EXTERNAL MODULE: ./src/act/canary-workload.ts
var canary_workload = __webpack_require__(2678);
;// CONCATENATED MODULE: ./src/commands/canary-setup.ts
/**
 * A canary run's set-up, before any traffic moves: a paused run's state resumed, or the canary
 * Deployment ensured (made from the stable with the `image` input) and the routing objects read; the
 * capacity each step's traffic is planned against; the versions queries and the judge use.
 */









async function capacityOf(api, config, names, state) {
    if (state.kind === 'replicas')
        return { router: 'replicas', pods: (0,traffic_replicas/* replicaTotal */.V)(state), canaryReplicas: 0 };
    const stable = await api.get(resources/* RESOURCES */.eZ.Deployment, names.namespace, names.stable);
    if (!stable)
        throw new Error(`the stable Deployment ${names.namespace}/${names.stable} not found: check the target`);
    const pods = stable.spec?.replicas ?? 1;
    return { router: state.kind, pods, canaryReplicas: config.canary?.replicas ?? Math.max(pods, 1) };
}
/** The routing state to start from, and whether deploy-guard made the canary. */
async function routing(config, ctx, api, names, paused) {
    if (paused) {
        const { state, left } = await resumeState(api, paused);
        return { state, created: paused.created, left };
    }
    let created = false;
    const images = config.canary?.images;
    if (config.dryRun) {
        if (images && !(await api.get(resources/* RESOURCES */.eZ.Deployment, names.namespace, names.canary)))
            throw new Error(`dry run: Deployment ${names.namespace}/${names.canary} does not exist yet; a real run makes it from ${names.stable} with ${JSON.stringify(images)}, and the steps cannot be simulated before it exists`);
        if (images)
            ctx.log(`dry run: would give ${names.canary} ${JSON.stringify(images)}`);
    }
    else {
        created = (await (0,canary_workload/* ensureCanaryWorkload */.y)(api, { ...names, name: names.canary, images })).created;
        if (created)
            ctx.log(`canary ${names.canary} created from ${names.stable} at 0 replicas`);
    }
    const spec = trafficSpec(config.canary, names);
    try {
        return { state: await (0,act_traffic/* routerFor */.NF)(spec.kind).prepare(api, spec), created, left: [] };
    }
    catch (error) {
        // Nothing was routed yet: a canary this run made is not left behind.
        if (created)
            await (0,promote/* deleteCanary */.Gx)(cleanupApi(api), names.namespace, names.canary).catch(() => false);
        throw error;
    }
}
async function setUpCanary(config, ctx, api, names, paused) {
    const { state, created, left } = await routing(config, ctx, api, names, paused);
    const capacity = await capacityOf(api, config, names, state);
    const run = {
        config,
        ctx,
        api,
        names,
        state,
        capacity,
        created,
        analysedBefore: paused?.analysedBefore ?? false,
        report: {
            router: state.kind,
            namespace: names.namespace,
            stable: names.stable,
            canary: names.canary,
            steps: [],
            plannedSteps: config.canary?.steps?.length ?? 0,
            writes: [],
            ...(created ? { created: true } : {}),
            ...(paused ? { resumedAt: paused.nextStep + 1 } : {})
        },
        version: config.version ?? (await (0,canary_run/* imageVersion */.K9)(api, names.namespace, names.canary, ctx)),
        stableVersion: config.canary?.judge ? await (0,canary_run/* imageVersion */.K9)(api, names.namespace, names.stable, ctx) : undefined
    };
    return { run, left };
}

// EXTERNAL MODULE: ./src/canary/step-analysis.ts
var step_analysis = __webpack_require__(759);
// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(7840);
// EXTERNAL MODULE: ./src/decide/verdict.ts
var decide_verdict = __webpack_require__(6501);
// EXTERNAL MODULE: ./src/util/sleep.ts
var sleep = __webpack_require__(7783);
// EXTERNAL MODULE: ./src/commands/analysis-step.ts + 7 modules
var analysis_step = __webpack_require__(9049);
// EXTERNAL MODULE: ./src/commands/canary-judge.ts + 8 modules
var canary_judge = __webpack_require__(404);
;// CONCATENATED MODULE: ./src/commands/canary-steps.ts
/**
 * One canary step's I/O: move the traffic (a weighted router first scales the canary Deployment and
 * waits for its pods; the replicas router's weight is a share of the pods), check the canary's health,
 * run the analysis and the baseline judge over the pause, and ask the pure step machine what next.
 * While the evaluations lack data and `canary.onNoData` is `hold`, the step is evaluated again until
 * its deadline (`canary.stepTimeout`, default twice the pause).
 */











const verdictOf = (health) => health ? (0,decide_verdict.decideVerdict)({ targets: [health], checks: [] }).verdict : 'skipped';
/** Moves the traffic for step `index`; returns the canary's health when it was already checked (weighted routers). */
async function moveTraffic(run, index) {
    const { config, ctx, names, state } = run;
    const steps = config.canary?.steps ?? [];
    const step = steps[index];
    const traffic = stepTraffic(step, run.capacity);
    if (config.dryRun) {
        ctx.log(`dry run: would set the canary weight to ${traffic.weight ?? (0,step_machine/* weightAt */.UT)(steps, index)} %`);
        return undefined;
    }
    let health;
    if (traffic.canaryPods !== undefined) {
        // Pods first, traffic after: the canary must be Ready before it gets a share.
        if (await (0,promote/* scaleDeployment */.eV)(run.api, names.namespace, names.canary, traffic.canaryPods))
            ctx.log(`canary ${names.canary} scaled to ${traffic.canaryPods} pod(s)`);
        health = await (0,canary_run/* canaryHealth */.Z9)(run);
        if (verdictOf(health) === 'failed')
            return health;
    }
    if (traffic.weight !== undefined) {
        await (0,act_traffic/* routerFor */.NF)(state.kind).setWeight(run.api, state, traffic.weight);
        const pods = state.kind === 'replicas' ? ' of the pods' : '';
        ctx.log(`weight ${traffic.weight.toFixed(traffic.weight % 1 ? 1 : 0)} % set (effective ${state.effectiveWeight.toFixed(1)} %${pods} on the canary)`);
    }
    return health;
}
/** Health, then the analysis (and judge) over `pause`, or a plain wait when the step runs none. */
async function evaluate(run, index, pause, health) {
    const { config, ctx } = run;
    const step = config.canary.steps[index];
    const healthVerdict = verdictOf(health);
    ctx.log(`canary health: ${healthVerdict}`);
    if (healthVerdict === 'failed')
        return { health, analysis: undefined, judge: undefined };
    if ((0,step_machine/* stepRunsAnalysis */.Jp)(step) && config.analysis) {
        const measuredSince = ctx.now();
        const stepConfig = { ...config, analysis: (0,step_analysis/* analysisForStep */.O)(config.analysis, pause) };
        const analysis = await (0,analysis_step.runConfiguredAnalysis)(stepConfig, run.version, ctx);
        ctx.log(`analysis: ${analysis.verdict}`);
        const judge = analysis.verdict === 'failed'
            ? undefined
            : await (0,canary_judge/* runStepJudge */.h)({
                config,
                ctx,
                versions: { canary: run.version, baseline: run.stableVersion },
                since: measuredSince
            });
        return { health, analysis, judge };
    }
    if (pause) {
        ctx.log(`pausing ${(0,duration/* formatDuration */.a3)(pause)} (this step runs no analysis)`);
        await (0,sleep/* sleep */.y)(pause, ctx.signal);
    }
    return { health, analysis: undefined, judge: undefined };
}
async function runStep(run, index) {
    const { config, ctx } = run;
    const canary = config.canary;
    const steps = canary.steps ?? [];
    const step = steps[index];
    const startedAt = ctx.now();
    const checked = await moveTraffic(run, index);
    let health = config.dryRun ? undefined : (checked ?? (await (0,canary_run/* canaryHealth */.Z9)(run)));
    // How long the step may hold for data: stepTimeout, else twice its pause.
    const deadline = startedAt.getTime() + (canary.stepTimeout ?? 2 * (step.pause ?? 0));
    const roundMs = config.analysis?.interval ?? 0;
    let pause = step.pause;
    let holds = 0;
    for (;;) {
        const evaluation = await evaluate(run, index, pause, health);
        // A cancelled job's evaluations are all inconclusive: never hold on them (the flow aborts).
        if (ctx.signal.aborted)
            throw new Error('the job was cancelled');
        const verdict = (0,decide_verdict.decideVerdict)({ targets: health ? [health] : [], checks: [], analysis: evaluation.analysis });
        const judge = evaluation.judge;
        // A marginal score's reason comes from the step machine (whether it may go on depends on later steps).
        const judgeReasons = judge && judge.outcome !== 'pass' && judge.outcome !== 'marginal' ? [`baseline judge: ${judge.reason}`] : [];
        const remaining = deadline - ctx.now().getTime();
        const decision = (0,step_machine/* decideStep */.lH)(steps, {
            health: verdictOf(health),
            analysis: evaluation.analysis?.verdict ?? 'skipped',
            judge: judge?.outcome ?? 'skipped',
            reasons: [...verdict.reasons, ...judgeReasons]
        }, {
            index,
            canHold: remaining >= Math.max(roundMs, 1),
            analysedBefore: run.analysedBefore,
            laterJudgement: canary.judge !== undefined && steps.slice(index + 1).some(step_machine/* stepRunsAnalysis */.Jp),
            onNoData: canary.onNoData,
            manual: step.manual === true
        });
        if (decision.action === 'hold') {
            holds++;
            ctx.log(`step ${index + 1}: hold — ${decision.reason}; evaluating again (${(0,duration/* formatDuration */.a3)(remaining)} left)`);
            pause = Math.min(step.pause ?? remaining, remaining);
            health = await (0,canary_run/* canaryHealth */.Z9)(run);
            continue;
        }
        record(run, index, startedAt, { ...evaluation, health }, decision, holds);
        ctx.log(`step ${index + 1}: ${decision.action} — ${decision.reason}`);
        return { decision, health, analysis: evaluation.analysis };
    }
}
function record(run, index, startedAt, evaluation, decision, holds) {
    const step = run.config.canary.steps[index];
    const report = {
        number: index + 1,
        ...(step.weight !== undefined ? { weight: step.weight } : {}),
        ...(step.replicas !== undefined ? { replicas: step.replicas } : {}),
        ...(run.config.dryRun ? {} : { effectiveWeight: run.state.effectiveWeight }),
        ...(step.pause !== undefined ? { pause: step.pause } : {}),
        ...(step.manual ? { manual: true } : {}),
        ...(holds > 0 ? { holds } : {}),
        health: verdictOf(evaluation.health),
        analysis: evaluation.analysis?.verdict ?? 'skipped',
        ...(evaluation.judge ? { judge: evaluation.judge } : {}),
        decision: decision.action,
        reason: decision.reason,
        startedAt: startedAt.toISOString(),
        finishedAt: run.ctx.now().toISOString()
    };
    run.report.steps.push(report);
}

;// CONCATENATED MODULE: ./src/commands/canary.ts
/**
 * `canary`: takes a new version from a few percent of traffic to all of it, judging it at every step
 * (its pods' health, the PromQL checks over the pause, the baseline judge), and promotes or aborts as
 * the pure step machine (src/canary/step-machine.ts) decides. This file is the flow; each part has its
 * own file: canary-setup (workloads, routing, resume), canary-steps (one step), canary-abort (restore
 * and clean-up, also on cancel), canary-promote, canary-resume (manual pause). Only src/act/ writes.
 *
 * The stable Deployment is targets[0]; the canary an existing Deployment (canary.workload, default
 * `<stable>-canary`) or one made from the stable with the `image` input. `strategy: blueGreen` is its
 * own flow (./blue-green.ts).
 */









async function runCanary(config, ctx) {
    if (config.canary?.strategy === 'blueGreen')
        return (await __webpack_require__.e(/* import() */ 483).then(__webpack_require__.bind(__webpack_require__, 5483))).runBlueGreen(config, ctx);
    const startedAt = ctx.now().toISOString();
    const finish = (verdict, action, reasons, extra = {}) => ({
        command: 'canary',
        startedAt,
        dryRun: config.dryRun,
        targets: [],
        checks: [],
        ...extra,
        finishedAt: ctx.now().toISOString(),
        verdict,
        action,
        reasons
    });
    const target = config.targets[0];
    const names = canaryNames(config.canary, { name: target?.name ?? '', namespace: target?.namespace ?? 'default' });
    const api = await ctx.kube();
    const hash = canaryConfigHash(config.canary, names);
    const resume = config.canary?.resume ?? 'start';
    let paused;
    try {
        const found = await findPause(api, names.namespace, names.canary);
        if (found && 'problem' in found)
            return finish('inconclusive', 'none', [found.problem]);
        paused = found;
    }
    catch (error) {
        return finish('inconclusive', 'none', [`canary not started: ${(0,canary_run/* errorText */.kc)(error)}`]);
    }
    if (paused && paused.configHash !== hash)
        return finish('inconclusive', 'none', [
            `the canary ${names.canary} was paused by a run with another canary config (steps, traffic or workloads differ): resume with the config it paused with; nothing was changed`
        ]);
    if (!paused && resume === 'abort')
        return finish('passed', 'none', [
            `no paused canary on Deployment ${names.namespace}/${names.canary}: nothing to abort`
        ]);
    // An approval gate is only as good as the runs that respect it: neither a new run nor a re-run of the
    // first job may go past a pause, and a resume with nothing to resume is a mistake, not a new canary.
    if (paused && resume === 'start')
        return finish('inconclusive', 'none', [
            `the canary ${names.canary} is paused for approval before step ${paused.nextStep + 1}: resume it with canary-resume: continue once approved, or canary-resume: abort; nothing was changed`
        ]);
    if (!paused && resume === 'continue')
        return finish('inconclusive', 'none', [
            `canary-resume: continue, but no canary is paused on Deployment ${names.namespace}/${names.canary}: nothing was started (use canary-resume: start for a new canary)`
        ]);
    let setup;
    try {
        setup = await setUpCanary(config, ctx, api, names, paused);
    }
    catch (error) {
        return finish('inconclusive', 'none', [`canary not started: ${(0,canary_run/* errorText */.kc)(error)}`]);
    }
    const { run, left } = setup;
    const aborted = async (verdict, reasons, extra = {}) => {
        const problems = await abortCanary(run);
        run.report.state = 'aborted';
        return finish(verdict, 'aborted', [...reasons, ...left, ...problems, ...(await stableAfterAbort(run))], {
            canary: run.report,
            ...extra
        });
    };
    if (paused && left.length > 0) {
        ctx.log(`aborting: the routing changed during the pause`);
        return aborted('inconclusive', [
            `the canary paused before step ${paused.nextStep + 1} was not resumed: someone changed its routing during the pause`
        ]);
    }
    if (paused && resume === 'abort') {
        ctx.log(`aborting the canary paused before step ${paused.nextStep + 1} (canary-resume: abort)`);
        return aborted('failed', [
            `the paused canary was aborted (canary-resume: abort) before step ${paused.nextStep + 1}`
        ]);
    }
    return drive(run, paused, hash, finish, aborted);
}
/** The steps from the first (or the paused one's next), then promotion or abort. */
async function drive(run, paused, hash, finish, aborted) {
    const { config, ctx, names, report } = run;
    const steps = config.canary?.steps ?? [];
    ctx.log(`canary ${names.canary} vs stable ${names.stable} in ${names.namespace} (${run.state.kind} router): ${steps.length} step(s), version ${run.version ?? 'unknown'}` +
        (paused ? `, resuming at step ${paused.nextStep + 1}` : ''));
    let last;
    // The summary and outputs show the last analysis that ran (a final step without a pause runs none).
    let lastAnalysis;
    const extra = () => ({
        canary: report,
        targets: last?.health ? [last.health] : [],
        ...(lastAnalysis ? { analysis: lastAnalysis } : {})
    });
    const cancelled = (at) => `the job was cancelled at step ${at + 1} of ${steps.length}: the routing was put back and the canary retired`;
    for (let index = paused?.nextStep ?? 0; index < steps.length; index++) {
        try {
            last = await ctx.group(`Canary step ${index + 1} of ${steps.length} (weight ${(0,step_machine/* weightAt */.UT)(steps, index)} %)`, () => runStep(run, index));
        }
        catch (error) {
            const reason = ctx.signal.aborted ? cancelled(index) : `step ${index + 1} of ${steps.length}: ${(0,canary_run/* errorText */.kc)(error)}`;
            ctx.log(`aborting: ${reason}`);
            if (config.dryRun)
                return finish('inconclusive', 'none', [reason], extra());
            return aborted('inconclusive', [reason], extra());
        }
        if (ctx.signal.aborted && !config.dryRun)
            return aborted('inconclusive', [cancelled(index)], extra());
        run.analysedBefore ||= last.analysis?.verdict === 'passed';
        lastAnalysis = last.analysis ?? lastAnalysis;
        if (last.decision.action === 'pause') {
            const { next, reason } = last.decision;
            if (config.dryRun)
                return finish('passed', 'none', [`dry run: would pause for approval — ${reason}`], extra());
            try {
                await savePause(run, hash, next);
            }
            catch (error) {
                return aborted('inconclusive', [`could not save the paused state: ${(0,canary_run/* errorText */.kc)(error)}`], extra());
            }
            return finish('passed', 'paused', [reason], extra());
        }
        if (last.decision.action !== 'advance')
            break;
    }
    const decision = last?.decision ?? approvedAtEnd(run, paused, steps.length);
    if (!decision || decision.action === 'abort' || decision.action === 'hold' || decision.action === 'pause') {
        const verdict = decision?.action === 'abort' ? decision.verdict : 'inconclusive';
        const reason = decision?.reason ?? 'no canary steps are configured';
        if (config.dryRun)
            return finish(verdict, 'none', [`dry run: would abort — ${reason}`], extra());
        ctx.log(`aborting: ${reason}`);
        return aborted(verdict, [reason], extra());
    }
    if (config.dryRun)
        return finish('passed', 'none', [], extra());
    ctx.log(`promoting: ${decision.reason}`);
    const promoted = await ctx.group('Promotion', () => canary_promote_promote(run));
    report.state = promoted.action === 'promoted' ? 'promoted' : 'aborted';
    return finish(promoted.verdict, promoted.action, promoted.reasons, extra());
}
/** A canary paused at its last step and approved: promote, if some step's analysis ran and passed. */
function approvedAtEnd(run, paused, steps) {
    if (!paused || paused.nextStep < steps)
        return undefined;
    return run.analysedBefore
        ? { action: 'promote', reason: `approved after all ${steps} step(s) passed` }
        : {
            action: 'abort',
            verdict: 'inconclusive',
            reason: 'no step ran the analysis: a canary is never promoted on pod health alone'
        };
}
/**
 * After an abort the stable must carry the traffic again: its health, as a reason when it is not
 * healthy. Skipped when the job was cancelled (the run's client no longer answers) or in a dry run.
 */
async function stableAfterAbort(run) {
    if (run.ctx.signal.aborted || run.config.dryRun)
        return [];
    const { verdict, reasons } = await (0,canary_run/* stableVerdict */.xL)(run);
    run.ctx.log(`stable ${run.names.stable} after the abort: ${verdict}`);
    if (verdict === 'passed') {
        run.report.writes.push(`stable ${run.names.stable} verified healthy`);
        return [];
    }
    return [`the stable ${run.names.stable} is ${verdict} after the abort: check it (${reasons[0] ?? 'see its checks'})`];
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
