export const id = 572;
export const ids = [572,804,477,1];
export const modules = {

/***/ 8572:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runSnapshot: () => (/* binding */ runSnapshot)
/* harmony export */ });
/* harmony import */ var _decide_snapshot_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5914);
/* harmony import */ var _evaluate_selector_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2342);
/* harmony import */ var _kube_resources_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6804);
/* harmony import */ var _kube_workload_template_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2482);
/* harmony import */ var _kube_workload_kinds_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6188);
/* harmony import */ var _model_snapshot_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(709);






const ROW = { id: 'snapshot', title: 'Snapshot of the running version' };
function row(status, actual, reason) {
    return { ...ROW, expected: 'the running revision recorded', actual, status, ...(reason ? { reason } : {}) };
}
function desiredReplicas(object) {
    const spec = object.spec;
    const status = object.status;
    return spec?.replicas ?? status?.desiredNumberScheduled;
}
/** The manager's own revision, so a Helm or Argo CD rollback can return to it too. */
async function managerRevision(api, object, config) {
    const { detectManager } = await __webpack_require__.e(/* import() */ 848).then(__webpack_require__.bind(__webpack_require__, 8848));
    const manager = detectManager(object, { argocdNamespace: config.verify.gitops.argocd?.namespace });
    if (manager.managedBy === 'helm') {
        const { readHelmHistory } = await __webpack_require__.e(/* import() */ 745).then(__webpack_require__.bind(__webpack_require__, 745));
        const history = await readHelmHistory(api, manager.release, manager.namespace);
        const deployed = [...history].reverse().find((h) => h.status === 'deployed');
        return deployed
            ? { helm: { release: manager.release, namespace: manager.namespace, revision: deployed.version } }
            : {};
    }
    if (manager.managedBy === 'argocd') {
        const { ARGO_APPLICATIONS } = await __webpack_require__.e(/* import() */ 153).then(__webpack_require__.bind(__webpack_require__, 1153));
        const app = await api.get(ARGO_APPLICATIONS, manager.namespace, manager.application);
        const synced = app?.status?.sync?.revision;
        return synced
            ? { argocd: { application: manager.application, namespace: manager.namespace, syncedRevision: synced } }
            : {};
    }
    return {};
}
async function snapshotTarget(api, ref, config, ctx) {
    const kind = (0,_kube_workload_kinds_js__WEBPACK_IMPORTED_MODULE_2__/* .workloadKindName */ .x)(ref.kind, ref.apiVersion);
    if (!kind)
        return {
            target: {
                ref,
                checks: [
                    row('failed', 'not a workload', `${ref.kind} has no revisions deploy-guard can record; snapshot takes deployments, statefulsets and daemonsets`)
                ]
            }
        };
    const { readWorkload } = await Promise.all(/* import() */[__webpack_require__.e(855), __webpack_require__.e(93), __webpack_require__.e(783)]).then(__webpack_require__.bind(__webpack_require__, 93));
    const read = await readWorkload(api, kind, ref);
    if (!read)
        return {
            target: {
                ref,
                checks: [
                    row('failed', 'not found', `${kind.toLowerCase()} "${ref.name}" does not exist in namespace "${ref.namespace}"`)
                ]
            }
        };
    const current = read.revisions.current;
    if (!current)
        return {
            target: {
                ref,
                checks: [
                    row('inconclusive', 'no revision yet', `${kind.toLowerCase()}/${ref.name} has no revision yet (its rollout has not created one): nothing to record`)
                ]
            }
        };
    const selector = (0,_evaluate_selector_js__WEBPACK_IMPORTED_MODULE_3__/* .selectorToString */ .CI)((0,_kube_workload_template_js__WEBPACK_IMPORTED_MODULE_4__/* .selectorOf */ .Bk)(read.object));
    const pods = selector ? await api.list(_kube_resources_js__WEBPACK_IMPORTED_MODULE_1__/* .RESOURCES */ .eZ.Pod, ref.namespace, { labelSelector: selector }) : [];
    const base = {
        ref: { kind, name: ref.name, namespace: ref.namespace },
        revision: current.revision,
        templateHash: current.templateHash,
        images: (0,_kube_workload_template_js__WEBPACK_IMPORTED_MODULE_4__/* .templateImages */ .TD)(read.object),
        ...(desiredReplicas(read.object) !== undefined ? { replicas: desiredReplicas(read.object) } : {}),
        restarts: (0,_decide_snapshot_js__WEBPACK_IMPORTED_MODULE_0__/* .podRestarts */ .Yt)(pods),
        takenAt: ctx.now().toISOString(),
        ...(ctx.run?.url ? { runUrl: ctx.run.url } : {})
    };
    const snapshot = { ...base, ...(await managerRevision(api, read.object, config)) };
    const annotation = (0,_decide_snapshot_js__WEBPACK_IMPORTED_MODULE_0__/* .snapshotAnnotation */ .In)(snapshot);
    if (annotation.trimmed)
        ctx.warn(annotation.trimmed);
    if (!config.dryRun) {
        const { writeSnapshotAnnotation } = await __webpack_require__.e(/* import() */ 122).then(__webpack_require__.bind(__webpack_require__, 6122));
        await writeSnapshotAnnotation(api, kind, ref, annotation);
    }
    const images = Object.entries(snapshot.images)
        .map(([c, image]) => `${c}=${image}`)
        .join(', ');
    const where = config.dryRun ? 'not written (dry run)' : `written to the ${_model_snapshot_js__WEBPACK_IMPORTED_MODULE_5__/* .SNAPSHOT_ANNOTATION */ .l} annotation`;
    ctx.log(`${kind.toLowerCase()}/${ref.name}: revision ${snapshot.revision} (${images}) recorded, ${where}`);
    return {
        target: {
            ref,
            revision: String(snapshot.revision),
            images: snapshot.images,
            checks: [
                row('passed', `revision ${snapshot.revision} (${snapshot.templateHash ?? 'no hash'}): ${images}; ${where}`)
            ]
        },
        snapshot
    };
}
async function runSnapshot(config, ctx) {
    const startedAt = ctx.now();
    const targets = [];
    const snapshots = [];
    let api;
    let kubeError;
    try {
        api = await ctx.kube();
    }
    catch (error) {
        kubeError = error instanceof Error ? error.message : String(error);
    }
    for (const ref of config.targets) {
        if (!api) {
            targets.push({
                ref,
                checks: [row('inconclusive', 'not recorded', `could not set up the Kubernetes client: ${kubeError}`)]
            });
            continue;
        }
        try {
            const taken = await ctx.group(`snapshot ${ref.kind.toLowerCase()}/${ref.name} in ${ref.namespace}`, () => snapshotTarget(api, ref, config, ctx));
            targets.push(taken.target);
            if (taken.snapshot)
                snapshots.push(taken.snapshot);
        }
        catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            targets.push({
                ref,
                checks: [
                    row('inconclusive', 'not recorded', `could not record ${ref.kind.toLowerCase()}/${ref.name}: ${message}`)
                ]
            });
        }
    }
    const { decideVerdict } = await __webpack_require__.e(/* import() */ 501).then(__webpack_require__.bind(__webpack_require__, 6501));
    const decision = decideVerdict({ targets, checks: [] });
    return {
        command: 'snapshot',
        startedAt: startedAt.toISOString(),
        finishedAt: ctx.now().toISOString(),
        verdict: decision.verdict,
        action: 'none',
        reasons: decision.reasons,
        dryRun: config.dryRun,
        targets,
        checks: [],
        snapshots
    };
}


/***/ }),

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
