export const id = 583;
export const ids = [583,804,848];
export const modules = {

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

/***/ 985:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ KubeRequestAbortedError),
/* harmony export */   W: () => (/* binding */ KubeApiError)
/* harmony export */ });
/**
 * The one interface between deploy-guard and a Kubernetes API server. Everything that gathers from or
 * acts on a cluster goes through it, so commands can be tested against the sandbox or a fake that
 * behaves, and evaluation code never sees a client object.
 *
 * Implemented in src/kube/client.ts (retries for transient failures) over a light HTTPS transport
 * (tokens, client certificates, exec plugins, in-cluster, auth providers, proxies): see
 * src/kube/transport/.
 */
class KubeApiError extends Error {
    reason;
    status;
    verb;
    resource;
    constructor(message, reason, 
    /** HTTP status when there was a response. */
    status, 
    /** e.g. `get`, `list`, `patch` — used in RBAC hints. */
    verb, 
    /** e.g. `deployments.apps` */
    resource) {
        super(message);
        this.reason = reason;
        this.status = status;
        this.verb = verb;
        this.resource = resource;
        this.name = 'KubeApiError';
    }
    /** Transient failures are retried, then reported as inconclusive (never as pass or fail). */
    get transient() {
        return this.reason === 'unreachable' || this.reason === 'server-error' || this.reason === 'timeout';
    }
}
/**
 * A request the caller stopped: its AbortSignal fired (the run was cancelled, or a deadline such as the
 * verify timeout passed). Reason `timeout`, so anything that treats it generically reads it as "the API
 * did not answer in time" (inconclusive, never pass or fail); it is never retried.
 */
class KubeRequestAbortedError extends KubeApiError {
    by;
    constructor(message, verb, resource, 
    /** `deadline` when the signal's reason was a TimeoutError (AbortSignal.timeout), else `cancelled`. */
    by) {
        super(message, 'timeout', undefined, verb, resource);
        this.by = by;
        this.name = 'KubeRequestAbortedError';
    }
}


/***/ }),

/***/ 6730:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ workloadRevisions),
/* harmony export */   j: () => (/* binding */ hashOfHistoryObject)
/* harmony export */ });
/* harmony import */ var _status_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(390);
/* harmony import */ var _index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4218);


/** `api-7d9f8c6b5` of Deployment `api` → `7d9f8c6b5`; a name without the prefix is its own identity. */
function hashOfHistoryObject(workloadName, historyObjectName) {
    const prefix = `${workloadName}-`;
    return historyObjectName.startsWith(prefix) ? historyObjectName.slice(prefix.length) : historyObjectName;
}
function workloadRevisions(kind, workload, listed) {
    const name = workload.metadata.name;
    const identify = (object, revision) => ({
        revision,
        templateHash: hashOfHistoryObject(name, object.metadata.name),
        owner: object.metadata.name,
        ...(object.metadata.creationTimestamp ? { createdAt: object.metadata.creationTimestamp } : {})
    });
    const history = (0,_index_js__WEBPACK_IMPORTED_MODULE_1__/* .historyViewer */ .j)(kind)
        .history(workload, listed)
        .map((entry) => identify(entry.object, entry.revision));
    const info = (0,_status_index_js__WEBPACK_IMPORTED_MODULE_0__/* .statusViewerFor */ .s)(kind)?.currentRevision({ object: workload, owned: listed });
    const currentEntry = info ? history.find((h) => h.owner === info.owner.name) : undefined;
    const current = currentEntry ??
        (info && Number(info.revision) > 0
            ? {
                revision: Number(info.revision),
                templateHash: hashOfHistoryObject(name, info.owner.name),
                owner: info.owner.name,
                ...(info.createdAt ? { createdAt: info.createdAt } : {})
            }
            : undefined);
    return {
        ...(current ? { current } : {}),
        history,
        state: {
            generation: workload.metadata.generation ?? 0,
            ...(current ? { templateHash: current.templateHash } : {})
        }
    };
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

/***/ 8848:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ DEFAULT_ARGOCD_NAMESPACE),
/* harmony export */   detectManager: () => (/* binding */ detectManager)
/* harmony export */ });
/* unused harmony export parseTrackingId */
/* harmony import */ var _resources_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6804);

const ARGOCD_TRACKING_ID = 'argocd.argoproj.io/tracking-id';
const ARGOCD_INSTANCE_LABEL = 'argocd.argoproj.io/instance';
const HELM_MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
const HELM_RELEASE_NAME = 'meta.helm.sh/release-name';
const HELM_RELEASE_NAMESPACE = 'meta.helm.sh/release-namespace';
const FLUX_LABELS = {
    Kustomization: 'kustomize.toolkit.fluxcd.io',
    HelmRelease: 'helm.toolkit.fluxcd.io'
};
/** Argo CD's namespace when the config names none (where its Applications live by default). */
const DEFAULT_ARGOCD_NAMESPACE = 'argocd';
/** `<app>:<group>/<kind>:<namespace>/<name>` as Argo CD parses it (SplitN on ':' into 3), or undefined. */
function parseTrackingId(value) {
    const first = value.indexOf(':');
    const second = first < 0 ? -1 : value.indexOf(':', first + 1);
    if (first <= 0 || second < 0)
        return undefined;
    const groupKind = value.slice(first + 1, second).split('/');
    const namespaceName = value.slice(second + 1).split('/');
    if (groupKind.length !== 2 || namespaceName.length !== 2)
        return undefined;
    const [group, kind] = groupKind;
    const [namespace, name] = namespaceName;
    return { application: value.slice(0, first), group, kind, namespace, name };
}
/** `ns_app` → the app in `ns`; `app` → the app in Argo CD's own namespace (argo-cd Application.InstanceName). */
function argoApplication(instance, argocdNamespace) {
    const split = instance.indexOf('_');
    if (split > 0 && split < instance.length - 1) {
        return { namespace: instance.slice(0, split), application: instance.slice(split + 1) };
    }
    return { namespace: argocdNamespace, application: instance };
}
function trackedHere(id, workload) {
    return (id.kind === workload.kind &&
        id.group === (0,_resources_js__WEBPACK_IMPORTED_MODULE_0__/* .groupOf */ .F8)(workload.apiVersion ?? '') &&
        id.name === workload.metadata.name &&
        id.namespace === (workload.metadata.namespace ?? ''));
}
function detectArgoCd(workload, argocdNamespace) {
    const annotation = workload.metadata.annotations?.[ARGOCD_TRACKING_ID];
    const tracking = annotation ? parseTrackingId(annotation) : undefined;
    if (tracking && tracking.application && trackedHere(tracking, workload)) {
        const app = argoApplication(tracking.application, argocdNamespace);
        return { managedBy: 'argocd', ...app, evidence: `annotation ${ARGOCD_TRACKING_ID}=${annotation}` };
    }
    const label = workload.metadata.labels?.[ARGOCD_INSTANCE_LABEL];
    if (label) {
        const app = argoApplication(label, argocdNamespace);
        return { managedBy: 'argocd', ...app, evidence: `label ${ARGOCD_INSTANCE_LABEL}=${label}` };
    }
    return undefined;
}
function detectFlux(workload) {
    const labels = workload.metadata.labels ?? {};
    // helm-controller first: a HelmRelease's objects are the release's, whoever created the HelmRelease.
    for (const kind of ['HelmRelease', 'Kustomization']) {
        const prefix = FLUX_LABELS[kind];
        const name = labels[`${prefix}/name`];
        const namespace = labels[`${prefix}/namespace`];
        if (name && namespace) {
            return {
                managedBy: 'flux',
                kind,
                name,
                namespace,
                evidence: `labels ${prefix}/name=${name}, ${prefix}/namespace=${namespace}`
            };
        }
    }
    return undefined;
}
function detectHelm(workload) {
    if (workload.metadata.labels?.[HELM_MANAGED_BY_LABEL] !== 'Helm')
        return undefined;
    const release = workload.metadata.annotations?.[HELM_RELEASE_NAME];
    if (!release) {
        return {
            managedBy: 'kubectl',
            evidence: `label ${HELM_MANAGED_BY_LABEL}=Helm without the ${HELM_RELEASE_NAME} annotation: rendered by Helm but not owned by a Helm release`
        };
    }
    const namespace = workload.metadata.annotations?.[HELM_RELEASE_NAMESPACE] || workload.metadata.namespace || 'default';
    return {
        managedBy: 'helm',
        release,
        namespace,
        evidence: `label ${HELM_MANAGED_BY_LABEL}=Helm, annotation ${HELM_RELEASE_NAME}=${release}`
    };
}
/** Who manages `workload` (see the rules above). */
function detectManager(workload, options = {}) {
    const argocdNamespace = options.argocdNamespace || DEFAULT_ARGOCD_NAMESPACE;
    return (detectArgoCd(workload, argocdNamespace) ??
        detectFlux(workload) ??
        detectHelm(workload) ?? { managedBy: 'kubectl', evidence: 'no Argo CD, Flux or Helm marks on the object' });
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

/***/ 8583:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verifyWorkload: () => (/* binding */ verifyWorkload)
});

// EXTERNAL MODULE: ./src/util/sleep.ts
var sleep = __webpack_require__(7783);
// EXTERNAL MODULE: ./src/kube/history/identity.ts
var identity = __webpack_require__(6730);
// EXTERNAL MODULE: ./src/decide/pre-rollout.ts
var pre_rollout = __webpack_require__(6705);
// EXTERNAL MODULE: ./src/kube/workload/management.ts
var management = __webpack_require__(8848);
// EXTERNAL MODULE: ./src/util/duration-text.ts
var duration_text = __webpack_require__(6716);
// EXTERNAL MODULE: ./src/kube/api.ts
var kube_api = __webpack_require__(985);
// EXTERNAL MODULE: ./src/kube/deadline-api.ts
var deadline_api = __webpack_require__(2504);
// EXTERNAL MODULE: ./src/kube/status/index.ts + 4 modules
var kube_status = __webpack_require__(390);
// EXTERNAL MODULE: ./src/kube/workload/template.ts
var workload_template = __webpack_require__(2482);
;// CONCATENATED MODULE: ./src/kube/failure-reason.ts
/** We never pass or fail what we could not see; a 403 names the RBAC rule to add (see errors.ts). */
function apiFailureReason(error, server) {
    if (error.transient)
        return `Kubernetes API unreachable at ${server} after retries: ${error.message}`;
    if (error.reason === 'forbidden')
        return `could not check, permission missing: ${error.message}`;
    return `could not check: ${error.message}`;
}

// EXTERNAL MODULE: ./src/kube/history/index.ts
var kube_history = __webpack_require__(4218);
// EXTERNAL MODULE: ./src/kube/workload/ownership.ts
var ownership = __webpack_require__(1790);
// EXTERNAL MODULE: ./src/kube/resources.ts
var resources = __webpack_require__(6804);
// EXTERNAL MODULE: ./src/evaluate/events.ts
var events = __webpack_require__(5270);
// EXTERNAL MODULE: ./src/evaluate/pod-signals.ts
var pod_signals = __webpack_require__(180);
// EXTERNAL MODULE: ./src/evaluate/selector.ts
var selector = __webpack_require__(2342);
;// CONCATENATED MODULE: ./src/kube/gather.ts
/**
 * Gathering for workload verification (I/O). Returns plain data. Requests stay few: LISTs grow with
 * pages (500 items each), never with pods; the only per-pod requests are a bounded number of log tails.
 * The workload and its pods are required; Services, EndpointSlices, Endpoints, events and logs are
 * optional sources: one that fails on its own (e.g. a 403 on events) is recorded in `unavailable`, so
 * only the rows that need it become inconclusive.
 */









/** The workload's history objects, its current revision and that revision's pods (2+ LISTs). */
async function gatherRevision(api, kind, object, known) {
    const namespace = object.metadata.namespace;
    const owned = known?.owned ??
        (await api.list((0,kube_history/* historyViewer */.j)(kind.kind).resource, namespace, {
            labelSelector: (0,selector/* selectorToString */.CI)((0,workload_template/* selectorOf */.Bk)(object))
        }));
    const revision = known ? known.revision : kind.currentRevision({ object, owned });
    if (!revision)
        return { object, owned, revision, pods: [] };
    if (kind.olderPodsBlock?.(object)) {
        // Still one LIST: every pod of the workload, split by revision.
        const all = await api.list(resources/* RESOURCES */.eZ.Pod, namespace, {
            labelSelector: (0,selector/* selectorToString */.CI)((0,workload_template/* selectorOf */.Bk)(object))
        });
        const pods = all.filter((p) => kind.ownsPod(object, revision, p));
        const olderPods = all.filter((p) => !pods.includes(p) &&
            (0,ownership/* podControlledBy */.vK)(p, { kind: kind.kind, name: object.metadata.name, uid: object.metadata.uid }));
        return { object, owned, revision, pods, olderPods };
    }
    const pods = await api.list(resources/* RESOURCES */.eZ.Pod, namespace, {
        labelSelector: kind.podSelectorForRevision(object, revision)
    });
    return { object, owned, revision, pods: pods.filter((p) => kind.ownsPod(object, revision, p)) };
}
/** restartCount of every pod the workload selects right now (all revisions), for "restarts since". */
// `_kind` is unused since the selector comes from the object itself; kept so callers need not change.
async function restartBaseline(api, _kind, object) {
    const pods = await api.list(resources/* RESOURCES */.eZ.Pod, object.metadata.namespace, {
        labelSelector: (0,selector/* selectorToString */.CI)((0,workload_template/* selectorOf */.Bk)(object))
    });
    const baseline = {};
    for (const pod of pods) {
        if (!pod.metadata.uid)
            continue;
        const counts = {};
        for (const s of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])])
            counts[s.name] = s.restartCount ?? 0;
        baseline[pod.metadata.uid] = counts;
    }
    return baseline;
}
/** Previous logs of up to `max` crashed containers, pods with failure signals first. */
async function crashLogs(api, namespace, pods, max, tailLines, optional) {
    const candidates = pods
        .map(pod_signals/* podHealth */.cI)
        .map((h) => ({ h, container: (0,pod_signals/* crashedContainer */.Il)(h) }))
        .filter((c) => c.container !== undefined)
        .sort((a, b) => b.h.signals.length - a.h.signals.length)
        .slice(0, max);
    return Promise.all(candidates.map(async ({ h, container }) => {
        const log = await optional('logs', api.podLog(namespace, h.name, { container, previous: true, tailLines }));
        return 'unavailable' in log
            ? { pod: h.name, container, text: '', unavailable: log.unavailable }
            : { pod: h.name, container, text: log.value };
    }));
}
/**
 * Failures of one optional source that leave the rest of the snapshot meaningful: no permission (403),
 * a resource the server does not serve (404), a server error after retries, an answer too large.
 * Anything that says the whole API is out of reach (401, TLS, unreachable) or that the run stopped
 * (cancel, deadline) still ends the whole gather.
 */
function isSourceFailure(error) {
    if (!(error instanceof kube_api/* KubeApiError */.W) || error instanceof kube_api/* KubeRequestAbortedError */.M)
        return false;
    return !['unauthorized', 'unreachable', 'tls'].includes(error.reason);
}
function optionalReads(api, unavailable) {
    return async (source, request) => {
        try {
            return { value: await request };
        }
        catch (error) {
            if (!isSourceFailure(error))
                throw error;
            const reason = apiFailureReason(error, api.server);
            unavailable[source] ??= reason;
            return { unavailable: reason };
        }
    };
}
const valueOr = (read, fallback) => 'value' in read ? read.value : fallback;
const recentEvent = (notBefore) => (event) => {
    const seen = (0,events/* eventLastSeen */.ee)(event);
    // An event without any time is kept: the evaluator decides, never silently dropped here.
    return seen === undefined || Date.parse(seen) >= notBefore - 1000;
};
/** Everything the workload checks read, gathered once after the wait. */
async function gatherWorkload(api, ref, kind, options = {}) {
    const namespace = ref.namespace;
    const fresh = async () => {
        const object = await api.get(kind.resource, namespace, ref.name);
        if (!object)
            throw new kube_api/* KubeApiError */.W(`${kind.kind.toLowerCase()} "${ref.name}" not found in namespace "${namespace}"`, 'not-found', 404, 'get', kind.resource.resource);
        return gatherRevision(api, kind, object);
    };
    const unavailable = {};
    const optional = optionalReads(api, unavailable);
    const [state, servicesRead, slicesRead, eventsRead] = await Promise.all([
        options.state ? Promise.resolve(options.state) : fresh(),
        optional('services', api.list(resources/* RESOURCES */.eZ.Service, namespace)),
        optional('endpointSlices', api.list(resources/* RESOURCES */.eZ.EndpointSlice, namespace)),
        optional('events', api.list(resources/* RESOURCES */.eZ.Event, namespace, {
            fieldSelector: 'type=Warning',
            keep: options.eventsNotBefore ? recentEvent(options.eventsNotBefore.getTime()) : undefined
        }))
    ]);
    const services = valueOr(servicesRead, []);
    const endpointSlices = valueOr(slicesRead, []);
    const labels = (0,workload_template/* templateLabels */.MN)(state.object);
    const sliced = new Set(endpointSlices.map((s) => s.metadata.labels?.['kubernetes.io/service-name']));
    // Without EndpointSlices (none for a Service, or none readable) the legacy Endpoints say the same.
    const unsliced = services.some((s) => (0,selector/* serviceSelects */.$d)(s.spec?.selector, labels) && !sliced.has(s.metadata.name));
    const [endpointsRead, logs] = await Promise.all([
        unsliced
            ? optional('endpoints', api.list(resources/* RESOURCES */.eZ.Endpoints, namespace))
            : { value: [] },
        crashLogs(api, namespace, state.pods, options.maxLogs ?? 3, options.logTailLines ?? 20, optional)
    ]);
    return {
        ref,
        object: state.object,
        owned: state.owned,
        revision: state.revision,
        pods: state.pods,
        services,
        endpointSlices,
        endpoints: valueOr(endpointsRead, []),
        events: valueOr(eventsRead, []),
        logs,
        ...(Object.keys(unavailable).length > 0 ? { unavailable } : {}),
        takenAt: new Date().toISOString()
    };
}

;// CONCATENATED MODULE: ./src/evaluate/checks/context.ts

function checkContext(input) {
    const pods = input.snapshot.pods.map(pod_signals/* podHealth */.cI).filter((p) => !p.terminating);
    const rev = input.snapshot.revision?.revision;
    return { ...input, pods, revisionLabel: rev ? `revision ${rev}` : 'the current revision' };
}
/** Pods with something to show: failure signals first, then not ready. */
function unhealthyPods(pods) {
    return pods.filter((p) => p.signals.length > 0 || !p.ready).sort((a, b) => b.signals.length - a.signals.length);
}

;// CONCATENATED MODULE: ./src/evaluate/checks/endpoints.ts


function readyEndpoints(ctx, service) {
    const name = service.metadata.name;
    const slices = ctx.snapshot.endpointSlices.filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name);
    if (slices.length > 0) {
        // `ready` unset means ready (EndpointConditions API doc); terminating endpoints are not ready.
        return slices.flatMap((s) => (s.endpoints ?? [])
            .filter((e) => e.conditions?.ready !== false)
            .map((e) => ({ ip: e.addresses?.[0], podUid: e.targetRef?.uid, podName: e.targetRef?.name })));
    }
    const legacy = ctx.snapshot.endpoints.find((e) => e.metadata.name === name);
    return (legacy?.subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => ({ ip: a.ip, podUid: a.targetRef?.uid, podName: a.targetRef?.name })));
}
function endpointsCheck(ctx) {
    const labels = (0,workload_template/* templateLabels */.MN)(ctx.snapshot.object);
    const services = ctx.snapshot.services.filter((s) => (0,selector/* serviceSelects */.$d)(s.spec?.selector, labels));
    const { require, minReady } = ctx.settings.endpoints;
    const expected = require === 'all' ? 'every current pod ready in each Service' : `≥ ${minReady} ready per Service`;
    const row = { id: 'endpoints', title: 'Service endpoints', expected };
    const blind = unreadableSource(ctx, services);
    if (blind !== undefined) {
        return { ...row, actual: 'not checked', status: 'inconclusive', reason: `Service endpoints: ${blind}` };
    }
    if (services.length === 0) {
        return {
            ...row,
            actual: 'no Service selects this workload',
            status: 'skipped',
            reason: 'no Service selects this workload'
        };
    }
    // A workload scaled to zero has nothing to put behind its Services; demanding endpoints would fail
    // every deploy of a parked or standby workload.
    const wanted = ctx.settings.expect.replicas ?? ctx.kind.desiredReplicas(ctx.snapshot.object);
    if (wanted === 0) {
        return { ...row, actual: 'no pods wanted', status: 'skipped', reason: 'the workload wants 0 pods' };
    }
    const currentPods = ctx.snapshot.pods.filter((p) => !p.metadata.deletionTimestamp);
    // Only endpoints of this workload's current pods count: a Service shared with other workloads (or
    // still holding the previous revision's pods) can have ready endpoints while the new pods get no traffic.
    const own = (e) => currentPods.some((p) => matches(e, p));
    const failing = [];
    const actual = [];
    for (const service of services) {
        const ready = readyEndpoints(ctx, service);
        const mine = ready.filter(own);
        const others = ready.length - mine.length;
        const name = service.metadata.name;
        actual.push(`${name}: ${mine.length} ready${others > 0 ? ` (+${others} of other pods)` : ''}`);
        const otherFact = others > 0 ? [{ label: 'ready endpoints of other pods', value: String(others) }] : [];
        if (require === 'all') {
            const missing = currentPods.filter((p) => !mine.some((e) => matches(e, p)));
            if (missing.length > 0 || currentPods.length === 0) {
                failing.push({
                    title: `Service ${name}`,
                    facts: [
                        { label: 'ready endpoints of current pods', value: String(mine.length) },
                        ...otherFact,
                        {
                            label: 'pods not ready in endpoints',
                            value: missing
                                .slice(0, 10)
                                .map((p) => p.metadata.name)
                                .join(', ') + (missing.length > 10 ? ` and ${missing.length - 10} more` : '')
                        }
                    ]
                });
            }
        }
        else if (mine.length < minReady) {
            failing.push({
                title: `Service ${name}`,
                facts: [
                    { label: 'ready endpoints of current pods', value: `${mine.length} (minimum ${minReady})` },
                    ...otherFact
                ]
            });
        }
    }
    if (failing.length === 0)
        return { ...row, actual: actual.join(', '), status: 'passed' };
    const names = failing.map((d) => d.title.replace(/^Service /, '')).join(', ');
    return {
        ...row,
        actual: actual.join(', '),
        status: 'failed',
        reason: `Service${failing.length > 1 ? 's' : ''} ${names} ${failing.length > 1 ? 'do' : 'does'} not have the required ready endpoints on the pods of ${ctx.revisionLabel}.`,
        details: failing.slice(0, 10)
    };
}
/**
 * Why the endpoints cannot be judged, if a source they need could not be read: the Services (then we
 * cannot tell which select the workload), or both kinds of endpoint objects for a selecting Service.
 * A workload that wants no pods needs none of them.
 */
function unreadableSource(ctx, services) {
    const unavailable = ctx.snapshot.unavailable;
    if (!unavailable)
        return undefined;
    const wanted = ctx.settings.expect.replicas ?? ctx.kind.desiredReplicas(ctx.snapshot.object);
    if (wanted === 0)
        return undefined;
    if (unavailable.services !== undefined)
        return unavailable.services;
    const hasSlice = (s) => ctx.snapshot.endpointSlices.some((e) => e.metadata.labels?.['kubernetes.io/service-name'] === s.metadata.name);
    if (unavailable.endpoints !== undefined && services.some((s) => !hasSlice(s)))
        return unavailable.endpoints;
    return undefined;
}
/** An endpoint is a pod's when its targetRef (uid, else name) or its address says so. */
const matches = (e, p) => (e.podUid !== undefined && e.podUid === p.metadata.uid) ||
    (e.podName !== undefined && e.podName === p.metadata.name) ||
    (e.ip !== undefined && e.ip === p.status?.podIP);

;// CONCATENATED MODULE: ./src/evaluate/format.ts

/** At most `max` details, then one "and N more <noun>" line, so reports stay bounded. */
function bounded(items, max, render, noun) {
    const shown = items.slice(0, max).map(render);
    if (items.length > max)
        shown.push({ title: `and ${items.length - max} more ${noun}` });
    return shown;
}
/** Keeps the last `lines` lines and at most `maxChars` characters (the end, where the crash is). */
function tail(text, lines = 20, maxChars = 4000) {
    const kept = text.replace(/\s+$/, '').split('\n').slice(-lines).join('\n');
    return kept.length > maxChars ? `…${kept.slice(-maxChars)}` : kept;
}
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

;// CONCATENATED MODULE: ./src/evaluate/details.ts

const MAX_PODS_LISTED = 10;
const MAX_EVENTS_LISTED = 20;
function podDetail(health, logs) {
    const facts = [{ label: 'phase', value: health.phase }];
    for (const s of health.signals) {
        facts.push({ label: s.container ? `${s.reason} (${s.container})` : s.reason, value: s.message ?? '' });
    }
    for (const c of health.containers) {
        if (c.waitingReason && !health.signals.some((s) => s.container === c.name)) {
            facts.push({
                label: `waiting (${c.name})`,
                value: c.waitingMessage ? `${c.waitingReason}: ${c.waitingMessage}` : c.waitingReason
            });
        }
        if (c.lastTerminationReason !== undefined) {
            facts.push({
                label: `last termination (${c.name})`,
                value: `${c.lastTerminationReason}, exit code ${c.lastExitCode ?? 'unknown'}`
            });
        }
        if (!c.init && !c.ready)
            facts.push({ label: `ready (${c.name})`, value: 'false' });
    }
    if (health.restarts > 0)
        facts.push({ label: 'restarts', value: String(health.restarts) });
    const log = logs.find((l) => l.pod === health.name);
    const detail = { title: `pod ${health.name}`, facts };
    if (log?.unavailable !== undefined)
        facts.push({ label: `previous log (${log.container})`, value: `not read: ${log.unavailable}` });
    if (log && log.text)
        detail.text = `previous log of container ${log.container}:\n${tail(log.text)}`;
    return detail;
}
const podDetails = (pods, logs) => bounded(pods, MAX_PODS_LISTED, (p) => podDetail(p, logs), 'pods');

;// CONCATENATED MODULE: ./src/evaluate/checks/events.ts



function eventSubjects(ctx) {
    const { object, revision, pods } = ctx.snapshot;
    const subjects = [{ kind: object.kind ?? '', name: object.metadata.name, uid: object.metadata.uid }];
    if (revision)
        subjects.push({ kind: revision.owner.kind, name: revision.owner.name, uid: revision.owner.uid });
    for (const p of pods)
        subjects.push({ kind: 'Pod', name: p.metadata.name, uid: p.metadata.uid });
    return subjects;
}
function eventsCheck(ctx) {
    const unreadable = ctx.snapshot.unavailable?.events;
    if (unreadable !== undefined) {
        // Not seeing events is not the same as there being none: never a pass.
        return {
            id: 'events',
            title: 'No Warning events',
            expected: `none since ${ctx.since.toISOString()}`,
            actual: 'not checked',
            status: 'inconclusive',
            reason: `Warning events: ${unreadable}`
        };
    }
    const groups = (0,events/* warningEventsSince */.K4)(ctx.snapshot.events, {
        subjects: eventSubjects(ctx),
        since: ctx.since,
        ignoreReasons: ctx.settings.ignoreEventReasons
    });
    const total = groups.reduce((sum, g) => sum + g.count, 0);
    const row = {
        id: 'events',
        title: 'No Warning events',
        expected: `none since ${ctx.since.toISOString()}`,
        actual: total === 0 ? 'none' : `${plural(total, 'Warning event')} (${groups.length} distinct)`
    };
    if (groups.length === 0)
        return { ...row, status: 'passed' };
    const first = groups[0];
    return {
        ...row,
        status: 'failed',
        reason: `${plural(total, 'Warning event')} since the rollout began, e.g. ${first?.reason} on ${first?.object}: ${first?.message}`,
        details: bounded(groups, MAX_EVENTS_LISTED, (g) => ({
            title: `Warning ${g.reason}`,
            facts: [
                { label: 'object', value: g.object },
                { label: 'count', value: String(g.count) },
                { label: 'last seen', value: g.lastSeen ?? 'unknown' },
                { label: 'message', value: g.message }
            ]
        }), 'events')
    };
}

;// CONCATENATED MODULE: ./src/evaluate/images.ts
/** Image reference comparison that treats `nginx:1.25` and `docker.io/library/nginx:1.25` as equal. Pure. */
function normalizeImage(ref) {
    let image = ref.trim();
    const slash = image.indexOf('/');
    const first = slash === -1 ? '' : image.slice(0, slash);
    const hasRegistry = first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost');
    if (!hasRegistry)
        image = `docker.io/${slash === -1 ? `library/${image}` : image}`;
    const lastSegment = image.slice(image.lastIndexOf('/') + 1);
    if (!lastSegment.includes(':') && !image.includes('@'))
        image += ':latest';
    return image;
}
const sameImage = (a, b) => normalizeImage(a) === normalizeImage(b);

;// CONCATENATED MODULE: ./src/evaluate/checks/images.ts



/** Expected image per container: expect.images, else expect.image for every container, else the template. */
function expectedImages(template, expect) {
    if (expect.images)
        return { ...expect.images };
    if (expect.image)
        return Object.fromEntries(Object.keys(template).map((name) => [name, expect.image]));
    return template;
}
const describe = (images) => {
    const entries = Object.entries(images);
    if (entries.length === 1)
        return entries[0]?.[1] ?? '';
    return entries.map(([name, image]) => `${name}=${image}`).join(', ');
};
function imagesCheck(ctx) {
    const template = (0,workload_template/* templateImages */.TD)(ctx.snapshot.object);
    const expected = expectedImages(template, ctx.settings.expect);
    const row = { id: 'images', title: 'Expected version running', expected: describe(expected) };
    const problems = [];
    for (const [container, image] of Object.entries(expected)) {
        const actual = template[container];
        if (actual === undefined)
            problems.push({
                title: `template`,
                facts: [{ label: container, value: 'no such container in the pod template' }]
            });
        else if (!sameImage(actual, image))
            problems.push({ title: 'template', facts: [{ label: container, value: `${actual} (expected ${image})` }] });
    }
    const podProblems = [];
    for (const pod of ctx.snapshot.pods) {
        if (pod.metadata.deletionTimestamp)
            continue;
        const running = Object.fromEntries((pod.spec?.containers ?? []).map((c) => [c.name, c.image ?? '']));
        const wrong = Object.entries(expected).filter(([name, image]) => running[name] === undefined || !sameImage(running[name], image));
        if (wrong.length > 0) {
            podProblems.push({
                title: `pod ${pod.metadata.name}`,
                facts: wrong.map(([name, image]) => ({
                    label: name,
                    value: `${running[name] ?? 'missing'} (expected ${image})`
                }))
            });
        }
    }
    const podCount = ctx.pods.length;
    if (problems.length === 0 && podProblems.length === 0) {
        return {
            ...row,
            actual: podCount === 1
                ? `the 1 pod runs ${describe(expected)}`
                : podCount > 0
                    ? `all ${podCount} pods run ${describe(expected)}`
                    : `template runs ${describe(template)}`,
            status: 'passed'
        };
    }
    // expect.image applies to every container; with a sidecar in the template that is rarely what was
    // meant, so say how to name the one container that should run it.
    const hint = !ctx.settings.expect.images && ctx.settings.expect.image && Object.keys(template).length > 1
        ? ` expect.image applies to every container (${Object.keys(template).join(', ')}); use expect.images to check only some.`
        : '';
    const reason = (problems.length > 0
        ? `The pod template does not run the expected image: ${problems
            .flatMap((p) => p.facts ?? [])
            .map((f) => `${f.label} ${f.value}`)
            .join('; ')}.`
        : `${podProblems.length} of ${podCount} pods do not run the expected image.`) + hint;
    return {
        ...row,
        actual: problems.length > 0
            ? `template runs ${describe(template)}`
            : `${podCount - podProblems.length}/${podCount} pods run the expected image`,
        status: 'failed',
        reason,
        details: [...problems, ...bounded(podProblems, 10, (d) => d, 'pods')]
    };
}

;// CONCATENATED MODULE: ./src/evaluate/checks/pod-count.ts

function podCountCheck(ctx) {
    const expected = ctx.settings.expect.replicas ?? ctx.kind.desiredReplicas(ctx.snapshot.object);
    const ready = ctx.pods.filter((p) => p.ready).length;
    const row = {
        id: 'pod-count',
        title: 'Pod count',
        expected: `${expected} ready (${ctx.revisionLabel})`,
        actual: `${ready} ready of ${plural(ctx.pods.length, 'pod')}`
    };
    if (ready >= expected)
        return { ...row, status: 'passed' };
    return {
        ...row,
        status: 'failed',
        reason: `${ready} of ${expected} expected pods of ${ctx.revisionLabel} are ready.`
    };
}

;// CONCATENATED MODULE: ./src/evaluate/checks/pods-ready.ts


function podsReadyCheck(ctx) {
    const bad = unhealthyPods(ctx.pods);
    const row = {
        id: 'pods-ready',
        title: 'Pods running and ready',
        expected: 'all pods Running, all containers ready',
        actual: `${ctx.pods.length - bad.length}/${ctx.pods.length} pods running and ready`
    };
    if (ctx.pods.length === 0) {
        if (ctx.kind.desiredReplicas(ctx.snapshot.object) === 0)
            return { ...row, status: 'passed', actual: 'no pods wanted' };
        return { ...row, status: 'failed', reason: `No pods of ${ctx.revisionLabel} exist.` };
    }
    if (bad.length === 0)
        return { ...row, status: 'passed' };
    const first = bad[0];
    const signal = first?.signals[0];
    const why = signal
        ? `${signal.reason}${signal.container ? ` in container ${signal.container}` : ''}`
        : `phase ${first?.phase}, not ready`;
    return {
        ...row,
        status: 'failed',
        reason: `${bad.length} of ${ctx.pods.length} pods are not running and ready (pod ${first?.name}: ${why}).`,
        details: podDetails(bad, ctx.snapshot.logs)
    };
}

;// CONCATENATED MODULE: ./src/evaluate/checks/restarts.ts

function restartsSince(pod, ctx) {
    const created = pod.createdAt ? Date.parse(pod.createdAt) : Number.NaN;
    const isNew = !Number.isNaN(created) && created >= Math.floor(ctx.since.getTime() / 1000) * 1000;
    const baseline = isNew || !pod.uid ? undefined : ctx.restartBaseline[pod.uid];
    return pod.containers.reduce((sum, c) => sum + Math.max(0, c.restartCount - (baseline?.[c.name] ?? 0)), 0);
}
function restartsCheck(ctx) {
    const counted = ctx.pods.map((p) => ({ pod: p, restarts: restartsSince(p, ctx) })).filter((x) => x.restarts > 0);
    const total = counted.reduce((sum, x) => sum + x.restarts, 0);
    const allowed = ctx.settings.allowRestarts;
    const row = { id: 'restarts', title: 'Restarts since deploy', expected: `≤ ${allowed}`, actual: String(total) };
    if (total <= allowed)
        return { ...row, status: 'passed' };
    counted.sort((a, b) => b.restarts - a.restarts);
    const worst = counted[0];
    return {
        ...row,
        status: 'failed',
        reason: `${total} container restarts since the rollout began, more than allowRestarts ${allowed} (most: pod ${worst?.pod.name}, ${worst?.restarts}).`,
        details: podDetails(counted.map((x) => x.pod), ctx.snapshot.logs)
    };
}

;// CONCATENATED MODULE: ./src/evaluate/checks/rollout.ts



function rolloutCheck(ctx) {
    const { wait } = ctx;
    const base = {
        id: 'rollout',
        title: 'Rollout complete',
        expected: 'successfully rolled out',
        actual: wait.status.message
    };
    const details = podDetails(unhealthyPods(ctx.pods), ctx.snapshot.logs);
    if (wait.status.error)
        return { ...base, status: 'failed', reason: wait.status.error, details };
    switch (wait.end) {
        case 'done':
            return { ...base, status: 'passed' };
        case 'fail-fast': {
            const f = wait.failFast;
            const what = f?.subject
                ? `${f.subject} has reported ${f.reason}${f.message ? ` (${f.message})` : ''} for ${(0,duration_text/* formatDuration */.a)(f.forMs)}`
                : f
                    ? `pod ${f.pod}${f.olderRevision ? ' (an earlier revision)' : ''} has been in ${f.reason}${f.container ? ` (container ${f.container})` : ''} for ${(0,duration_text/* formatDuration */.a)(f.forMs)}`
                    : 'a pod failed';
            // The StatefulSet controller waits for that pod to become Ready before it replaces it, which it
            // never will: reverting the template is not enough (Kubernetes documents this as "forced rollback").
            const blocked = f?.olderRevision === true
                ? ` The ${ctx.kind.kind} waits for it to become Ready before replacing it, so the rollout cannot finish: delete the pod (kubectl delete pod ${f.pod} -n ${ctx.snapshot.ref.namespace}) to have it recreated at the current revision.`
                : '';
            return {
                ...base,
                status: 'failed',
                reason: `${what}, longer than failFastAfter ${(0,duration_text/* formatDuration */.a)(ctx.settings.failFastAfter)}: ${wait.status.message}${blocked}`,
                details
            };
        }
        case 'timeout':
            return {
                ...base,
                status: 'failed',
                reason: `timed out after ${(0,duration_text/* formatDuration */.a)(ctx.settings.timeout)}: ${wait.status.message}`,
                details
            };
        case 'error':
            return { ...base, status: 'failed', reason: wait.status.message, details };
    }
}

;// CONCATENATED MODULE: ./src/evaluate/workload-checks.ts








/** Ids of the rows, in order; also used to report every row as inconclusive when the API failed. */
const WORKLOAD_CHECKS = [
    { id: 'rollout', title: 'Rollout complete' },
    { id: 'pod-count', title: 'Pod count' },
    { id: 'pods-ready', title: 'Pods running and ready' },
    { id: 'restarts', title: 'Restarts since deploy' },
    { id: 'endpoints', title: 'Service endpoints' },
    { id: 'events', title: 'No Warning events' },
    { id: 'images', title: 'Expected version running' }
];
function evaluateWorkload(input) {
    const ctx = checkContext(input);
    return [
        rolloutCheck(ctx),
        podCountCheck(ctx),
        podsReadyCheck(ctx),
        restartsCheck(ctx),
        endpointsCheck(ctx),
        eventsCheck(ctx),
        imagesCheck(ctx)
    ];
}

;// CONCATENATED MODULE: ./src/kube/history/previous.ts


function previousRevision(kind, owned, current) {
    const viewer = (0,kube_history/* historyViewerFor */.S)(kind);
    const currentNumber = Number(current);
    if (!viewer || !Number.isInteger(currentNumber) || currentNumber <= 0)
        return undefined;
    let best;
    for (const obj of owned) {
        const n = viewer.revisionOf(obj);
        if (n !== undefined && n > 0 && n < currentNumber && (!best || n > best.n))
            best = { n, obj };
    }
    return best ? { revision: String(best.n), images: (0,workload_template/* imagesOf */.IC)(viewer.templateOf(best.obj)) } : undefined;
}

;// CONCATENATED MODULE: ./src/evaluate/kstatus.ts
function computeKStatus(obj) {
    if (obj.metadata.deletionTimestamp)
        return { status: 'Terminating', message: 'Resource scheduled for deletion' };
    const status = obj.status;
    const generation = obj.metadata.generation;
    const observed = status?.observedGeneration;
    // Only comparable when both exist: many CRDs never report observedGeneration.
    if (generation !== undefined && observed !== undefined && generation !== observed) {
        return {
            status: 'InProgress',
            reason: 'LatestGenerationNotObserved',
            message: `${obj.kind ?? 'Resource'} generation is ${generation}, but latest observed generation is ${observed}`
        };
    }
    const conditions = Array.isArray(status?.conditions) ? status.conditions : [];
    for (const c of conditions) {
        if (c.type === 'Reconciling' && c.status === 'True')
            return { status: 'InProgress', reason: c.reason, message: c.message ?? 'Reconciling' };
        if (c.type === 'Stalled' && c.status === 'True')
            return { status: 'Failed', reason: c.reason, message: c.message ?? 'Stalled' };
    }
    const ready = conditions.find((c) => c.type === 'Ready');
    if (ready) {
        if (ready.status === 'True')
            return { status: 'Current', message: 'Resource is Ready' };
        return { status: 'InProgress', reason: ready.reason, message: ready.message ?? `Ready is ${ready.status}` };
    }
    return { status: 'Current', message: 'Resource is current' };
}

;// CONCATENATED MODULE: ./src/verify/workload-results.ts
/** Result rows for the ways a workload verification can end before its checks run. */




const KSTATUS_ROW = { id: 'kstatus', title: 'Resource status (kstatus)' };
/** The one failed `Target found` row: the target is missing, of an unknown kind, or was deleted. */
function targetMissingResult(ref, actual, reason) {
    return {
        ref,
        checks: [
            {
                id: 'target',
                title: 'Target found',
                expected: `${ref.kind}/${ref.name} exists`,
                actual,
                status: 'failed',
                reason
            }
        ]
    };
}
/** `deployment "apii" not found in namespace "prod"; deployments there: api, web`. */
async function notFoundResult(api, ref, type) {
    const what = `${type.kind.toLowerCase()} "${ref.name}" not found in namespace "${ref.namespace}"`;
    let there = '';
    try {
        const names = (await api.list(type, ref.namespace)).map((o) => o.metadata.name).sort();
        there = `; ${type.resource} there: ${names.length > 0 ? names.slice(0, 20).join(', ') + (names.length > 20 ? `, and ${names.length - 20} more` : '') : 'none'}`;
        // Listing a namespace that does not exist answers an empty list; a typo in the namespace
        // deserves to be named as such, not as an empty namespace.
        if (names.length === 0 && !(await api.get(resources/* RESOURCES */.eZ.Namespace, undefined, ref.namespace))) {
            return targetMissingResult(ref, 'namespace not found', `${what}: namespace "${ref.namespace}" does not exist (check the namespace input or the target's namespace/ prefix)`);
        }
    }
    catch {
        // Listing and the namespace lookup are only hints; without permission (a namespaced Role cannot
        // read Namespaces) the plain message stands.
    }
    return targetMissingResult(ref, 'not found', `${what}${there}`);
}

function inconclusiveResult(ref, error, server, workload) {
    return uncheckedResult(ref, apiFailureReason(error, server), workload);
}
/** Every row inconclusive for one reason: what we could not see is never passed or failed. */
function uncheckedResult(ref, reason, workload) {
    const rows = workload ? WORKLOAD_CHECKS : [KSTATUS_ROW];
    const checks = rows.map((row) => ({
        ...row,
        expected: 'checked against the cluster',
        actual: 'not checked',
        status: 'inconclusive',
        reason
    }));
    return { ref, checks };
}
function isKubeApiError(error) {
    return error instanceof kube_api/* KubeApiError */.W;
}

;// CONCATENATED MODULE: ./src/verify/workload-progress.ts
/** Progress lines while waiting: printed when the message changes, or every ~10 s when it does not. */

const PROGRESS_EVERY_MS = 10_000;
class ProgressLog {
    log;
    prefix;
    last = '';
    lastAt = Number.NEGATIVE_INFINITY;
    constructor(log, prefix) {
        this.log = log;
        this.prefix = prefix;
    }
    /** `deployment "api": Waiting for ... 1 of 3 updated replicas are available..., 41s` */
    update(message, elapsedMs, now) {
        if (message === this.last && now - this.lastAt < PROGRESS_EVERY_MS)
            return;
        this.last = message;
        this.lastAt = now;
        this.log(`${this.prefix}: ${message}, ${(0,duration_text/* formatDuration */.a)(elapsedMs)}`);
    }
}

;// CONCATENATED MODULE: ./src/verify/workload-wait.ts




async function waitForRollout(ctx) {
    const { api, kind, settings } = ctx;
    const start = ctx.startedAt.getTime();
    const deadline = start + settings.timeout;
    const progress = new ProgressLog(ctx.log, `${kind.kind.toLowerCase()} "${ctx.object.metadata.name}"`);
    const sightings = new Map();
    // The current revision only changes with a new generation; reuse it while the generation stands.
    let cached;
    let object = ctx.object;
    let polls = 0;
    for (;;) {
        const generation = object.metadata.generation ?? 0;
        const observed = object.status?.observedGeneration ?? 0;
        const reuse = cached && cached.generation === generation && cached.revision ? cached : undefined;
        const state = await gatherRevision(api, kind, object, reuse);
        if (!reuse && state.revision && observed >= generation)
            cached = { generation, owned: state.owned, revision: state.revision };
        const now = ctx.now();
        const status = kind.rolloutStatus(object);
        progress.update(status.message, now - start, now);
        const seen = new Set();
        const stillUnready = new Set();
        const watched = [
            ...state.pods.map((pod) => ({ pod, olderRevision: false })),
            // A broken pod of an earlier revision blocks a StatefulSet rollout as surely as a new one failing.
            ...(state.olderPods ?? []).map((pod) => ({ pod, olderRevision: true }))
        ];
        for (const { pod, olderRevision } of watched.map((w) => ({ ...w, pod: (0,pod_signals/* podHealth */.cI)(w.pod) }))) {
            if (pod.terminating)
                continue;
            for (const c of pod.containers)
                if (!c.ready)
                    stillUnready.add(`${pod.name}\u0000${c.name}`);
            for (const signal of pod.signals) {
                const key = `${pod.name}\u0000${signal.reason}\u0000${signal.container ?? ''}`;
                seen.add(key);
                if (!sightings.has(key)) {
                    sightings.set(key, {
                        firstSeen: now,
                        pod: pod.name,
                        reason: signal.reason,
                        container: signal.container,
                        olderRevision
                    });
                    ctx.log(`pod ${pod.name}${olderRevision ? ' (earlier revision)' : ''}: ${signal.reason}${signal.container ? ` (container ${signal.container})` : ''}${signal.message ? `: ${signal.message}` : ''}; failing in ${(0,duration_text/* formatDuration */.a)(settings.failFastAfter)} unless it recovers`);
                }
            }
        }
        const controllerFailure = kind.controllerFailure?.(object);
        if (controllerFailure) {
            const key = `\u0000controller\u0000${controllerFailure.reason}`;
            seen.add(key);
            if (!sightings.has(key)) {
                const subject = `${kind.kind.toLowerCase()} "${object.metadata.name}"`;
                sightings.set(key, { firstSeen: now, subject, pod: '', olderRevision: false, ...controllerFailure });
                ctx.log(`${subject}: ${controllerFailure.reason}${controllerFailure.message ? `: ${controllerFailure.message}` : ''}; failing in ${(0,duration_text/* formatDuration */.a)(settings.failFastAfter)} unless it clears`);
            }
        }
        // A signal that went away because the pod recovered (its container is ready) or was replaced starts
        // from zero if it comes back. A crash-looping container is briefly Running between back-offs:
        // while it has not become ready, its sighting keeps its age, or flapping would defer fail-fast.
        for (const [key, s] of [...sightings.entries()]) {
            if (seen.has(key))
                continue;
            if (s.container && stillUnready.has(`${s.pod}\u0000${s.container}`))
                continue;
            sightings.delete(key);
        }
        const elapsedMs = now - start;
        if (status.error)
            return { outcome: { end: 'error', status, elapsedMs }, state };
        if (status.done)
            return { outcome: { end: 'done', status, elapsedMs }, state };
        const blocked = kind.blocked?.(object);
        if (blocked)
            return { outcome: { end: 'error', status: { ...status, error: blocked }, elapsedMs }, state };
        const persisting = [...sightings.values()].find((s) => now - s.firstSeen >= settings.failFastAfter);
        if (persisting) {
            const failFast = {
                ...(persisting.subject ? { subject: persisting.subject, message: persisting.message } : {}),
                pod: persisting.pod,
                reason: persisting.reason,
                container: persisting.container,
                forMs: now - persisting.firstSeen,
                ...(persisting.olderRevision ? { olderRevision: true } : {})
            };
            return { outcome: { end: 'fail-fast', status, elapsedMs, failFast }, state };
        }
        if (now >= deadline)
            return { outcome: { end: 'timeout', status, elapsedMs }, state };
        await ctx.sleep(Math.max(0, Math.min(rampedPollInterval(settings.pollInterval, polls++), deadline - now)));
        object = await api.get(kind.resource, object.metadata.namespace, object.metadata.name);
        if (!object)
            return { end: 'deleted' };
    }
}
/** The first wait between polls; each next one doubles, up to `pollInterval`. */
const FIRST_POLL_MS = 250;
/**
 * The wait before poll `n + 1`: 250 ms, 500 ms, 1 s … up to `pollInterval`. Most rollouts a gate
 * waits for (a rollback to a known-good ReplicaSet, a small Deployment) finish within a second or two;
 * `kubectl rollout status` watches and sees that at once, and a fixed 2 s poll would add up to 2 s to
 * every such wait. The ramp costs at most three extra GETs per target, then polls as configured.
 */
function rampedPollInterval(pollInterval, n) {
    return Math.min(pollInterval, FIRST_POLL_MS * 2 ** Math.min(n, 30));
}

;// CONCATENATED MODULE: ./src/verify/workload-custom.ts





async function verifyCustomResource(api, ref, config, options) {
    let type;
    try {
        type = await api.resourceFor(ref.kind, ref.apiVersion);
    }
    catch (error) {
        if (error instanceof Error && error.reason === 'not-found') {
            return targetMissingResult(ref, 'unknown kind', error.message);
        }
        throw error;
    }
    const started = options.timeoutFrom.getTime();
    const deadline = started + config.timeout;
    const progress = new ProgressLog(options.log, `${ref.kind.toLowerCase()} "${ref.name}"`);
    let result;
    let polls = 0;
    for (;;) {
        const obj = await api.get(type, ref.namespace, ref.name);
        if (!obj)
            return notFoundResult(api, ref, type);
        result = computeKStatus(obj);
        const now = options.now();
        progress.update(`${result.status}: ${result.message}`, now - started, now);
        if (result.status !== 'InProgress' || now >= deadline)
            break;
        await options.sleep(Math.max(0, Math.min(rampedPollInterval(config.pollInterval, polls++), deadline - now)));
    }
    const row = { ...KSTATUS_ROW, expected: 'Current', actual: `${result.status}: ${result.message}` };
    switch (result.status) {
        case 'Current':
            return { ref, checks: [{ ...row, status: 'passed' }] };
        case 'Failed':
            return {
                ref,
                checks: [{ ...row, status: 'failed', reason: `${ref.kind} "${ref.name}" is stalled: ${result.message}` }]
            };
        case 'Terminating':
            return { ref, checks: [{ ...row, status: 'failed', reason: `${ref.kind} "${ref.name}" is being deleted.` }] };
        case 'InProgress':
            return {
                ref,
                checks: [
                    { ...row, status: 'failed', reason: `timed out after ${(0,duration_text/* formatDuration */.a)(config.timeout)}: ${result.message}` }
                ]
            };
    }
}

;// CONCATENATED MODULE: ./src/verify/workload.ts
/**
 * Verifies one target: wait for the rollout (kubectl rollout status semantics, fail-fast pod signals),
 * then gather one full snapshot and judge it with the pure workload checks. Custom resources are
 * judged by kstatus. API failures make the rows inconclusive, never passed or failed.
 */
















/** Thrown out of a wait when the run is cancelled; never escapes verifyWorkload. */
class CancelledError extends Error {
}
/**
 * Every request of a verify is held to the verify timeout and the run's cancel signal (see
 * kube/deadline-api.ts). A call made at or after the deadline still gets a floor: the wait's last poll
 * happens right at the deadline, and the snapshot of a timed-out rollout is taken after it (its LISTs
 * may page through many events). The floors bound how far past the timeout a stalled API keeps a verify.
 */
const LAST_POLL_FLOOR_MS = 2000;
const SNAPSHOT_FLOOR_MS = 5000;
async function verifyWorkload(api, ref, config, options) {
    const signal = options.signal ?? new AbortController().signal;
    const baseSleep = options.sleep ?? ((ms) => (0,sleep/* sleep */.y)(ms, signal));
    const opts = {
        now: Date.now,
        ...options,
        timeoutFrom: options.timeoutFrom ?? options.startedAt,
        signal,
        // Every wait goes through here, so a cancellation ends it at once, wherever it is.
        sleep: async (ms) => {
            await baseSleep(ms);
            if (signal.aborted)
                throw new CancelledError('cancelled');
        }
    };
    const kind = (0,kube_status/* statusViewerFor */.s)(ref.kind, ref.apiVersion);
    const at = opts.timeoutFrom.getTime() + config.timeout;
    const phaseApi = (floorMs) => (0,deadline_api/* withDeadline */.N)(api, { at, now: opts.now, signal, floorMs });
    try {
        return kind
            ? await verifyBuiltin(phaseApi, ref, kind, config, opts)
            : await verifyCustomResource(phaseApi(LAST_POLL_FLOOR_MS), ref, config, opts);
    }
    catch (error) {
        if (error instanceof CancelledError || signal.aborted) {
            const waited = Math.round((opts.now() - opts.timeoutFrom.getTime()) / 1000);
            return uncheckedResult(ref, `the run was cancelled after ${waited}s, before the rollout could be judged`, kind !== undefined);
        }
        if (error instanceof kube_api/* KubeRequestAbortedError */.M) {
            // The API did not answer within the verify timeout: nothing could be judged, so inconclusive
            // (unlike a rollout seen not finishing in time, which kubectl calls failed).
            const reason = `${error.message}: the verify timeout (${(0,duration_text/* formatDuration */.a)(config.timeout)}) ran out`;
            opts.log(`${ref.kind}/${ref.name}: ${reason}`);
            return uncheckedResult(ref, reason, kind !== undefined);
        }
        if (isKubeApiError(error)) {
            opts.log(`${ref.kind}/${ref.name}: ${error.message}`);
            return inconclusiveResult(ref, error, api.server, kind !== undefined);
        }
        throw error;
    }
}
/** `phaseApi(floor)`: the client held to the verify deadline, a call after it getting `floor`. */
async function verifyBuiltin(phaseApi, ref, kind, config, opts) {
    const api = phaseApi(LAST_POLL_FLOOR_MS);
    const object = await api.get(kind.resource, ref.namespace, ref.name);
    if (!object)
        return notFoundResult(api, ref, kind.resource);
    const baseline = await restartBaseline(api, kind, object);
    const wait = await waitForRollout({
        api,
        kind,
        object,
        settings: config,
        // The wait's clock (deadline, elapsed time) is this target's own.
        startedAt: opts.timeoutFrom,
        log: opts.log,
        sleep: opts.sleep,
        now: opts.now
    });
    if ('end' in wait) {
        return targetMissingResult(ref, 'deleted', `${kind.kind.toLowerCase()} "${ref.name}" was deleted while waiting for its rollout.`);
    }
    const snapshot = await gatherWorkload(phaseApi(SNAPSHOT_FLOOR_MS), ref, kind, {
        state: wait.state,
        eventsNotBefore: new Date(opts.startedAt.getTime() - events/* ROLLOUT_LOOKBACK_MS */.Mb)
    });
    const since = (0,events/* rolloutSince */.OE)(opts.startedAt, snapshot.revision?.createdAt);
    const checks = evaluateWorkload({
        snapshot,
        kind,
        wait: wait.outcome,
        settings: config,
        since,
        restartBaseline: baseline
    });
    // What a rollback needs to know later: the state judged, and the revision live before this rollout.
    const revisions = (0,identity/* workloadRevisions */.S)(kind.kind, snapshot.object, snapshot.owned);
    const preRollout = (0,pre_rollout/* inferPreRolloutRevision */.O)({
        current: revisions.current,
        history: revisions.history,
        verifyStartedAt: opts.startedAt,
        lookbackMs: events/* ROLLOUT_LOOKBACK_MS */.Mb
    });
    return {
        ref,
        revision: snapshot.revision?.revision || undefined,
        images: (0,workload_template/* templateImages */.TD)(snapshot.object),
        previous: previousRevision(kind.kind, snapshot.owned, snapshot.revision?.revision),
        rolloutStartedAt: since.toISOString(),
        judged: revisions.state,
        managedBy: deploymentMethod(snapshot.object),
        ...(preRollout ? { preRollout } : {}),
        checks
    };
}
/** The deployment method as the record shows it: `helm` (release api), `argocd` (application api), … */
function deploymentMethod(object) {
    const m = (0,management.detectManager)(object);
    switch (m.managedBy) {
        case 'helm':
            return { tool: 'helm', detail: `Helm release ${m.release}` };
        case 'argocd':
            return { tool: 'argocd', detail: `Argo CD application ${m.application}` };
        case 'flux':
            return { tool: 'flux', detail: `Flux ${m.kind} ${m.name}` };
        default:
            return { tool: 'kubectl', detail: 'kubectl (no GitOps or Helm manager detected)' };
    }
}


/***/ })

};
