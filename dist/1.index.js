export const id = 1;
export const ids = [1,804];
export const modules = {

/***/ 7106:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JR: () => (/* binding */ LABEL_VALUE),
/* harmony export */   LD: () => (/* binding */ boundedText),
/* harmony export */   M4: () => (/* binding */ readJsonAnnotation)
/* harmony export */ });
function readJsonAnnotation(key, raw, schema, maxChars) {
    if (raw === undefined || raw === '')
        return { ok: false, reason: `annotation ${key} is not set` };
    if (raw.length > maxChars)
        return {
            ok: false,
            reason: `annotation ${key} is ${raw.length} characters, more than the ${maxChars} deploy-guard writes; ignored`
        };
    let json;
    try {
        json = JSON.parse(raw);
    }
    catch {
        return { ok: false, reason: `annotation ${key} is not valid JSON; ignored` };
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(value)';
        return { ok: false, reason: `annotation ${key} is malformed at ${where}: ${issue?.message ?? 'invalid'}; ignored` };
    }
    return { ok: true, value: parsed.data };
}
/** Outside text made single-line and bounded before it is stored or shown: control characters become spaces. */
function boundedText(text, maxChars) {
    // eslint-disable-next-line no-control-regex
    const flat = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
    return flat.length <= maxChars ? flat : `${flat.slice(0, maxChars - 1)}…`;
}
/** A Kubernetes label value: what `pod-template-hash` and `controller-revision-hash` are. */
const LABEL_VALUE = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;


/***/ }),

/***/ 5914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   In: () => (/* binding */ snapshotAnnotation),
/* harmony export */   Rs: () => (/* binding */ parseSnapshotAnnotation),
/* harmony export */   Yt: () => (/* binding */ podRestarts),
/* harmony export */   p: () => (/* binding */ recordedFromSnapshot)
/* harmony export */ });
/* unused harmony exports MAX_SNAPSHOT_CHARS, restartBaselineFromSnapshot */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2857);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4377);
/* harmony import */ var _model_snapshot_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(709);
/* harmony import */ var _annotation_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7106);
/**
 * The snapshot of a target as stored on the workload (`deploy-guard.io/snapshot`): builder, parser,
 * and what a rollback takes from it. Pure.
 *
 * The annotation is outside text by the time it is read back: anyone who can edit the workload can
 * change it, and manifests copied between workloads carry it along. So the parser validates every
 * field, bounds every size, and refuses a snapshot taken of a different object (kind, name,
 * namespace) — following it would roll a workload back to another workload's revision.
 */



/** Bound of the annotation value. Kubernetes allows 256 KiB for all annotations together; we take a small share. */
const MAX_SNAPSHOT_CHARS = 16_384;
const MAX_PODS = 500;
const MAX_CONTAINERS = 50;
const name = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .min(1)
    .max(253)
    .regex(/^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/, 'expected a Kubernetes name');
const count = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(0);
const text = (max) => zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(max);
const containerMap = (value) => zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(name, value).refine((m) => Object.keys(m).length <= MAX_CONTAINERS, `at most ${MAX_CONTAINERS} containers`);
const snapshotSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(1),
    ref: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        kind: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[A-Z][A-Za-z0-9]{0,62}$/, 'expected a kind like Deployment'),
        name,
        namespace: name,
        apiVersion: text(253).optional()
    }),
    revision: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive(),
    templateHash: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(_annotation_json_js__WEBPACK_IMPORTED_MODULE_1__/* .LABEL_VALUE */ .JR, 'expected a template hash (a label value)').optional(),
    images: containerMap(text(1024)),
    replicas: count.optional(),
    restarts: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ pod: name, uid: text(64).optional(), containers: containerMap(count) }))
        .max(MAX_PODS),
    restartsOmitted: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
    argocd: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ application: name, namespace: name.optional(), syncedRevision: text(256) }).optional(),
    helm: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ release: name, namespace: name.optional(), revision: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive() }).optional(),
    takenAt: zod__WEBPACK_IMPORTED_MODULE_2__/* .datetime */ .w$({ offset: true }),
    runUrl: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .max(500)
        .regex(/^https?:\/\/[^\s]+$/, 'expected an http(s) URL')
        .optional()
});
/** Restart counts per pod and container, from the pods as gathered. */
function podRestarts(pods) {
    return pods.map((pod) => {
        const containers = {};
        for (const c of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])])
            containers[c.name] = c.restartCount ?? 0;
        return { pod: pod.metadata.name, ...(pod.metadata.uid ? { uid: pod.metadata.uid } : {}), containers };
    });
}
/**
 * The annotation to write. Restart counts are the only part that grows with the workload; when the
 * value would exceed the bound they are dropped (and said so) — the revision and hash, which the
 * rollback needs, always fit.
 */
function snapshotAnnotation(snapshot) {
    const full = JSON.stringify({ version: 1, ...snapshot });
    if (full.length <= MAX_SNAPSHOT_CHARS && snapshot.restarts.length <= MAX_PODS)
        return { key: _model_snapshot_js__WEBPACK_IMPORTED_MODULE_3__/* .SNAPSHOT_ANNOTATION */ .l, value: full };
    const value = JSON.stringify({ version: 1, ...snapshot, restarts: [], restartsOmitted: true });
    return {
        key: _model_snapshot_js__WEBPACK_IMPORTED_MODULE_3__/* .SNAPSHOT_ANNOTATION */ .l,
        value,
        trimmed: `restart counts of ${snapshot.restarts.length} pods left out of the ${_model_snapshot_js__WEBPACK_IMPORTED_MODULE_3__/* .SNAPSHOT_ANNOTATION */ .l} annotation to stay within ${MAX_SNAPSHOT_CHARS} characters`
    };
}
/**
 * The snapshot stored on `from` (the object the annotation was read from), or why it cannot be used.
 * A snapshot naming another object is refused, not corrected.
 */
function parseSnapshotAnnotation(raw, from) {
    const read = (0,_annotation_json_js__WEBPACK_IMPORTED_MODULE_1__/* .readJsonAnnotation */ .M4)(_model_snapshot_js__WEBPACK_IMPORTED_MODULE_3__/* .SNAPSHOT_ANNOTATION */ .l, raw, snapshotSchema, MAX_SNAPSHOT_CHARS);
    if (!read.ok)
        return read;
    const { version: _version, ...snapshot } = read.value;
    const { ref } = snapshot;
    if (ref.kind !== from.kind || ref.name !== from.name || ref.namespace !== from.namespace)
        return {
            ok: false,
            reason: `annotation ${_model_snapshot_js__WEBPACK_IMPORTED_MODULE_3__/* .SNAPSHOT_ANNOTATION */ .l} on ${from.kind.toLowerCase()}/${from.name} in ${from.namespace} records ${ref.kind.toLowerCase()}/${ref.name} in ${ref.namespace} (copied from another workload?); ignored`
        };
    return { ok: true, value: snapshot };
}
/** The revision a `recorded` rollback returns to, from a snapshot. */
function recordedFromSnapshot(snapshot) {
    return {
        source: 'snapshot',
        revision: snapshot.revision,
        ...(snapshot.templateHash !== undefined ? { templateHash: snapshot.templateHash } : {})
    };
}
/** Restart baseline (pod uid → container → count) for verify, from a snapshot's restarts. Pods without a uid are skipped. */
function restartBaselineFromSnapshot(snapshot) {
    const baseline = {};
    for (const p of snapshot.restarts)
        if (p.uid)
            baseline[p.uid] = { ...p.containers };
    return baseline;
}


/***/ }),

/***/ 6804:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F8: () => (/* binding */ groupOf),
/* harmony export */   eZ: () => (/* binding */ RESOURCES),
/* harmony export */   oU: () => (/* binding */ resourcePath),
/* harmony export */   uu: () => (/* binding */ builtinResource)
/* harmony export */ });
/* unused harmony export qualifiedResource */
const t = (apiVersion, resource, kind, namespaced = true) => ({
    apiVersion,
    resource,
    kind,
    namespaced
});
const RESOURCES = {
    Deployment: t('apps/v1', 'deployments', 'Deployment'),
    StatefulSet: t('apps/v1', 'statefulsets', 'StatefulSet'),
    DaemonSet: t('apps/v1', 'daemonsets', 'DaemonSet'),
    ReplicaSet: t('apps/v1', 'replicasets', 'ReplicaSet'),
    ControllerRevision: t('apps/v1', 'controllerrevisions', 'ControllerRevision'),
    Pod: t('v1', 'pods', 'Pod'),
    Service: t('v1', 'services', 'Service'),
    Endpoints: t('v1', 'endpoints', 'Endpoints'),
    EndpointSlice: t('discovery.k8s.io/v1', 'endpointslices', 'EndpointSlice'),
    Event: t('v1', 'events', 'Event'),
    Secret: t('v1', 'secrets', 'Secret'),
    ConfigMap: t('v1', 'configmaps', 'ConfigMap'),
    Namespace: t('v1', 'namespaces', 'Namespace', false)
};
/** The built-in type for a kind, when the apiVersion (if given) matches; kinds are matched case-insensitively. */
function builtinResource(kind, apiVersion) {
    const found = Object.values(RESOURCES).find((r) => r.kind.toLowerCase() === kind.toLowerCase());
    if (!found)
        return undefined;
    if (apiVersion && apiVersion !== found.apiVersion)
        return undefined;
    return found;
}
/** `deployments.apps`, `pods` — the name RBAC messages and kubectl use. */
function qualifiedResource(type) {
    const group = groupOf(type.apiVersion);
    return group ? `${type.resource}.${group}` : type.resource;
}
function groupOf(apiVersion) {
    return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}
/** URL path of a collection or object: `/apis/apps/v1/namespaces/prod/deployments/api`. */
function resourcePath(type, namespace, name) {
    const root = type.apiVersion.includes('/') ? `/apis/${type.apiVersion}` : `/api/${type.apiVersion}`;
    const ns = type.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
    const tail = name === undefined ? '' : `/${encodeURIComponent(name)}`;
    return `${root}${ns}/${type.resource}${tail}`;
}


/***/ }),

/***/ 709:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ SNAPSHOT_ANNOTATION)
/* harmony export */ });
/** The annotation a target's snapshot is stored under on the workload itself (a metadata patch: no rollout). */
const SNAPSHOT_ANNOTATION = 'deploy-guard.io/snapshot';


/***/ }),

/***/ 4377:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w$: () => (/* binding */ datetime)
/* harmony export */ });
/* unused harmony exports date, time, duration */
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3759);
/* harmony import */ var _schemas_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2857);



function datetime(params) {
    return _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* ._isoDateTime */ .G1(_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .ZodISODateTime */ .You, params);
}
function date(params) {
    return core._isoDate(ZodISODate, params);
}
function time(params) {
    return core._isoTime(ZodISOTime, params);
}
function duration(params) {
    return core._isoDuration(ZodISODuration, params);
}


/***/ })

};
