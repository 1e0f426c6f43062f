export const id = 855;
export const ids = [855];
export const modules = {

/***/ 2239:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ newestRevision),
/* harmony export */   w: () => (/* binding */ controllerRevisionHistory)
/* harmony export */ });
/* harmony import */ var _evaluate_selector_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2342);
/* harmony import */ var _resources_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6804);
/* harmony import */ var _workload_ownership_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1790);
/* harmony import */ var _workload_template_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2482);




/** The newest ControllerRevision by `.revision` (ties: later name). */
function newestRevision(revisions) {
    return [...revisions]
        .sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0) || a.metadata.name.localeCompare(b.metadata.name))
        .at(-1);
}
/** `.revision` is an int64 field; an object without it reads as 0, as Go's zero value. */
function revisionOf(cr) {
    const value = cr.revision ?? 0;
    return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}
/** The template in `data` (`{"spec":{"template":{...,"$patch":"replace"}}}`), without the patch directive. */
function templateOf(cr) {
    const template = cr.data?.spec?.template;
    if (!template)
        return undefined;
    const { $patch: _directive, ...rest } = template;
    return rest;
}
function controllerRevisionHistory(kind) {
    return {
        kind,
        resource: _resources_js__WEBPACK_IMPORTED_MODULE_0__/* .RESOURCES */ .eZ.ControllerRevision,
        listSelector: (workload) => (0,_evaluate_selector_js__WEBPACK_IMPORTED_MODULE_1__/* .selectorToString */ .CI)((0,_workload_template_js__WEBPACK_IMPORTED_MODULE_2__/* .selectorOf */ .Bk)(workload)),
        /** Controlled revisions, ascending by `.revision` (findHistory's historiesByRevision). */
        history(workload, listed) {
            const entries = [];
            for (const cr of listed.filter((o) => (0,_workload_ownership_js__WEBPACK_IMPORTED_MODULE_3__/* .controlledBy */ .O1)(o, workload))) {
                const revision = revisionOf(cr);
                if (revision !== undefined)
                    entries.push({ object: cr, revision, template: templateOf(cr) });
            }
            return entries.sort((a, b) => a.revision - b.revision);
        },
        revisionOf,
        templateOf,
        /** findHistory with toRevision 0: the entry before the last once sorted by revision; none with one entry. */
        previous: (history) => {
            if (history.length <= 1)
                return undefined;
            return [...history].sort((a, b) => a.revision - b.revision)[history.length - 2];
        },
        find: (history, revision) => history.find((e) => e.revision === revision)
    };
}


/***/ }),

/***/ 6082:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ daemonSetHistory)
/* harmony export */ });
/* harmony import */ var _controller_revisions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2239);
/** DaemonSet history: its ControllerRevisions (kubectl history.go DaemonSetHistoryViewer). */

const daemonSetHistory = (0,_controller_revisions_js__WEBPACK_IMPORTED_MODULE_0__/* .controllerRevisionHistory */ .w)('DaemonSet');


/***/ }),

/***/ 3967:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ deploymentHistory),
/* harmony export */   u: () => (/* binding */ DEPLOYMENT_REVISION_ANNOTATION)
/* harmony export */ });
/* harmony import */ var _evaluate_selector_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2342);
/* harmony import */ var _resources_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6804);
/* harmony import */ var _workload_ownership_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1790);
/* harmony import */ var _workload_template_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2482);




const DEPLOYMENT_REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
/**
 * kubernetes deploymentutil.Revision: a missing annotation is revision 0; a value strconv.ParseInt
 * rejects makes the ReplicaSet unusable (undefined).
 */
function revisionOf(rs) {
    const raw = rs.metadata.annotations?.[DEPLOYMENT_REVISION_ANNOTATION];
    if (raw === undefined)
        return 0;
    return /^[+-]?\d+$/.test(raw) ? Number(raw) : undefined;
}
const templateOf = (rs) => rs.spec?.template;
const deploymentHistory = {
    kind: 'Deployment',
    resource: _resources_js__WEBPACK_IMPORTED_MODULE_0__/* .RESOURCES */ .eZ.ReplicaSet,
    listSelector: (workload) => (0,_evaluate_selector_js__WEBPACK_IMPORTED_MODULE_1__/* .selectorToString */ .CI)((0,_workload_template_js__WEBPACK_IMPORTED_MODULE_2__/* .selectorOf */ .Bk)(workload)),
    /**
     * deploymentutil.GetAllReplicaSets: the controlled ReplicaSets sorted by creation (FindNewReplicaSet
     * sorts the shared slice), the old ones first and the new one (the oldest whose template equals the
     * Deployment's ignoring pod-template-hash) last.
     */
    history(workload, listed) {
        const template = workload.spec?.template;
        const owned = listed.filter((rs) => (0,_workload_ownership_js__WEBPACK_IMPORTED_MODULE_3__/* .controlledBy */ .O1)(rs, workload)).sort(_workload_ownership_js__WEBPACK_IMPORTED_MODULE_3__/* .byCreation */ .vR);
        const current = owned.find((rs) => (0,_workload_template_js__WEBPACK_IMPORTED_MODULE_2__/* .equalIgnoreHash */ .xs)(templateOf(rs), template));
        const ordered = current ? [...owned.filter((rs) => rs !== current), current] : owned;
        const entries = [];
        for (const rs of ordered) {
            const revision = revisionOf(rs);
            if (revision !== undefined)
                entries.push({ object: rs, revision, template: templateOf(rs) });
        }
        return entries;
    },
    revisionOf,
    templateOf,
    /** rollback.go deploymentRevision with toRevision 0: the second-highest revision, ties included. */
    previous(history) {
        let latest;
        let previous;
        let latestRevision = -1;
        let previousRevision = -1;
        for (const entry of history) {
            if (latestRevision < entry.revision) {
                previous = latest;
                previousRevision = latestRevision;
                latest = entry;
                latestRevision = entry.revision;
            }
            else if (previousRevision < entry.revision) {
                previous = entry;
                previousRevision = entry.revision;
            }
        }
        return previous;
    },
    find: (history, revision) => history.find((e) => e.revision === revision)
};


/***/ }),

/***/ 4218:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ historyViewerFor),
/* harmony export */   j: () => (/* binding */ historyViewer)
/* harmony export */ });
/* harmony import */ var _workload_kinds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6188);
/* harmony import */ var _daemonset_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6082);
/* harmony import */ var _deployment_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3967);
/* harmony import */ var _statefulset_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8318);
/**
 * The HistoryViewer for a kind (kubectl HistoryViewerFor). Adding a kind: one file here, and its entry below.
 */




const VIEWERS = {
    Deployment: _deployment_js__WEBPACK_IMPORTED_MODULE_2__/* .deploymentHistory */ .S,
    StatefulSet: _statefulset_js__WEBPACK_IMPORTED_MODULE_3__/* .statefulSetHistory */ .x,
    DaemonSet: _daemonset_js__WEBPACK_IMPORTED_MODULE_1__/* .daemonSetHistory */ .P
};
/** The history viewer for `kind` (case-insensitive; short names accepted), or undefined for other kinds. */
function historyViewerFor(kind, apiVersion) {
    const name = (0,_workload_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .workloadKindName */ .x)(kind, apiVersion);
    return name ? VIEWERS[name] : undefined;
}
/** The history viewer of a kind deploy-guard knows. */
const historyViewer = (kind) => VIEWERS[kind];


/***/ }),

/***/ 8318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ statefulSetHistory)
/* harmony export */ });
/* harmony import */ var _controller_revisions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2239);
/** StatefulSet history: its ControllerRevisions (kubectl history.go StatefulSetHistoryViewer). */

const statefulSetHistory = (0,_controller_revisions_js__WEBPACK_IMPORTED_MODULE_0__/* .controllerRevisionHistory */ .w)('StatefulSet');


/***/ }),

/***/ 390:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  s: () => (/* binding */ statusViewerFor)
});

// EXTERNAL MODULE: ./src/kube/workload/kinds.ts
var kinds = __webpack_require__(6188);
// EXTERNAL MODULE: ./src/kube/resources.ts
var resources = __webpack_require__(6804);
// EXTERNAL MODULE: ./src/kube/history/controller-revisions.ts
var controller_revisions = __webpack_require__(2239);
// EXTERNAL MODULE: ./src/kube/workload/ownership.ts
var ownership = __webpack_require__(1790);
// EXTERNAL MODULE: ./src/kube/workload/template.ts
var template = __webpack_require__(2482);
;// CONCATENATED MODULE: ./src/kube/status/controller-revision-info.ts
/** The label StatefulSet and DaemonSet pods carry their revision in. */
const CONTROLLER_REVISION_HASH = 'controller-revision-hash';
function controllerRevisionInfo(cr, podLabelValue) {
    return {
        owner: { kind: 'ControllerRevision', name: cr.metadata.name, uid: cr.metadata.uid },
        revision: cr.revision === undefined ? '' : String(cr.revision),
        podLabel: { key: CONTROLLER_REVISION_HASH, value: podLabelValue },
        createdAt: cr.metadata.creationTimestamp
    };
}

;// CONCATENATED MODULE: ./src/kube/status/daemonset.ts





function rolloutStatus(obj) {
    const d = obj;
    const status = d.status ?? {};
    if ((d.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
        const error = 'rollout status is only available for RollingUpdate strategy type';
        return { done: true, message: error, error };
    }
    if ((d.metadata.generation ?? 0) <= (status.observedGeneration ?? 0)) {
        const desired = status.desiredNumberScheduled ?? 0;
        const updated = status.updatedNumberScheduled ?? 0;
        const available = status.numberAvailable ?? 0;
        const name = d.metadata.name;
        if (updated < desired) {
            return {
                done: false,
                message: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...`
            };
        }
        if (available < desired) {
            return {
                done: false,
                message: `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...`
            };
        }
        return { done: true, message: `daemon set "${name}" successfully rolled out` };
    }
    return { done: false, message: 'Waiting for daemon set spec update to be observed...' };
}
const daemonSetStatus = {
    kind: 'DaemonSet',
    resource: resources/* RESOURCES */.eZ.DaemonSet,
    rolloutStatus,
    currentRevision({ object, owned }) {
        // DaemonSet status has no updateRevision: the newest history entry is the one being rolled out.
        const cr = (0,controller_revisions/* newestRevision */.A)(owned.filter((r) => (0,ownership/* controlledBy */.O1)(r, object)));
        if (!cr)
            return undefined;
        // DaemonSet pods carry the bare hash (the revision's label), not the ControllerRevision name.
        const prefix = `${object.metadata.name}-`;
        const labels = cr.metadata.labels ?? {};
        const hash = labels[CONTROLLER_REVISION_HASH] ??
            labels['controller.kubernetes.io/hash'] ??
            (cr.metadata.name.startsWith(prefix) ? cr.metadata.name.slice(prefix.length) : cr.metadata.name);
        return controllerRevisionInfo(cr, hash);
    },
    podSelectorForRevision: (obj, revision) => (0,template/* selectorWith */.sx)(obj, revision.podLabel.key, revision.podLabel.value),
    ownsPod: (obj, revision, pod) => pod.metadata.labels?.[revision.podLabel.key] === revision.podLabel.value &&
        (0,ownership/* podControlledBy */.vK)(pod, { kind: 'DaemonSet', name: obj.metadata.name, uid: obj.metadata.uid }),
    desiredReplicas: (obj) => obj.status?.desiredNumberScheduled ?? 0
};

// EXTERNAL MODULE: ./src/kube/history/deployment.ts
var deployment = __webpack_require__(3967);
;// CONCATENATED MODULE: ./src/kube/status/deployment.ts




function deployment_rolloutStatus(obj, revision) {
    const d = obj;
    const name = d.metadata.name;
    const status = d.status ?? {};
    if (revision !== undefined && revision > 0) {
        const raw = d.metadata.annotations?.[deployment/* DEPLOYMENT_REVISION_ANNOTATION */.u];
        const running = raw === undefined ? 0 : Number(raw);
        if (!Number.isInteger(running)) {
            return fail(`cannot get the revision of deployment "${name}": invalid revision annotation "${raw}"`);
        }
        if (running !== revision)
            return fail(`desired revision (${revision}) is different from the running revision (${running})`);
    }
    if ((d.metadata.generation ?? 0) <= (status.observedGeneration ?? 0)) {
        const progressing = status.conditions?.find((c) => c.type === 'Progressing');
        // kubectl checks only the reason here, not the condition's status.
        if (progressing?.reason === 'ProgressDeadlineExceeded')
            return fail(`deployment "${name}" exceeded its progress deadline`);
        const spec = d.spec?.replicas;
        const updated = status.updatedReplicas ?? 0;
        const replicas = status.replicas ?? 0;
        const available = status.availableReplicas ?? 0;
        const waiting = `Waiting for deployment "${name}" rollout to finish:`;
        if (spec !== undefined && updated < spec)
            return wait(`${waiting} ${updated} out of ${spec} new replicas have been updated...`);
        if (replicas > updated)
            return wait(`${waiting} ${replicas - updated} old replicas are pending termination...`);
        if (available < updated)
            return wait(`${waiting} ${available} of ${updated} updated replicas are available...`);
        return { done: true, message: `deployment "${name}" successfully rolled out` };
    }
    return wait('Waiting for deployment spec update to be observed...');
}
const wait = (message) => ({ done: false, message });
const fail = (error) => ({ done: false, message: error, error });
function revisionInfo(rs) {
    return {
        owner: { kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid },
        revision: rs.metadata.annotations?.[deployment/* DEPLOYMENT_REVISION_ANNOTATION */.u] ?? '',
        podLabel: { key: template/* POD_TEMPLATE_HASH */.AX, value: rs.metadata.labels?.[template/* POD_TEMPLATE_HASH */.AX] ?? '' },
        createdAt: rs.metadata.creationTimestamp
    };
}
const deploymentStatus = {
    kind: 'Deployment',
    resource: resources/* RESOURCES */.eZ.Deployment,
    rolloutStatus: deployment_rolloutStatus,
    currentRevision({ object, owned }) {
        const d = object;
        const sets = owned.filter((rs) => (0,ownership/* controlledBy */.O1)(rs, object)).sort(ownership/* byCreation */.vR);
        const byTemplate = sets.find((rs) => (0,template/* equalIgnoreHash */.xs)(rs.spec?.template, d.spec?.template));
        if (byTemplate)
            return revisionInfo(byTemplate);
        // Fallback for servers that default templates differently; only once the controller has caught up,
        // otherwise the annotation still names the previous revision.
        if ((d.metadata.generation ?? 0) > (d.status?.observedGeneration ?? 0))
            return undefined;
        // A paused Deployment creates no ReplicaSet for a changed template, so its revision annotation still
        // names the old one: that is not the revision being rolled out.
        if (d.spec?.paused === true)
            return undefined;
        const wanted = d.metadata.annotations?.[deployment/* DEPLOYMENT_REVISION_ANNOTATION */.u];
        const byAnnotation = wanted === undefined
            ? undefined
            : sets.find((rs) => rs.metadata.annotations?.[deployment/* DEPLOYMENT_REVISION_ANNOTATION */.u] === wanted);
        return byAnnotation ? revisionInfo(byAnnotation) : undefined;
    },
    blocked(obj) {
        const d = obj;
        if (d.spec?.paused !== true)
            return undefined;
        const { name, namespace } = d.metadata;
        return `deployment "${name}" is paused: its rollout will not progress until it is resumed (kubectl rollout resume deployment/${name} -n ${namespace ?? 'default'})`;
    },
    controllerFailure(obj) {
        const conditions = obj.status?.conditions ?? [];
        const failure = conditions.find((c) => c.type === 'ReplicaFailure' && c.status === 'True');
        return failure ? { reason: failure.reason ?? 'ReplicaFailure', message: failure.message } : undefined;
    },
    podSelectorForRevision: (obj, revision) => (0,template/* selectorWith */.sx)(obj, revision.podLabel.key, revision.podLabel.value),
    ownsPod: (_obj, revision, pod) => pod.metadata.labels?.[revision.podLabel.key] === revision.podLabel.value && (0,ownership/* podControlledBy */.vK)(pod, revision.owner),
    desiredReplicas: (obj) => obj.spec?.replicas ?? 1
};

;// CONCATENATED MODULE: ./src/kube/status/statefulset.ts





function statefulset_rolloutStatus(obj) {
    const s = obj;
    const strategy = s.spec?.updateStrategy;
    const status = s.status ?? {};
    // An absent type means the server did not default it; the API default is RollingUpdate.
    if ((strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
        const error = 'rollout status is only available for RollingUpdate strategy type';
        return { done: true, message: error, error };
    }
    const observed = status.observedGeneration ?? 0;
    if (observed === 0 || (s.metadata.generation ?? 0) > observed) {
        return { done: false, message: 'Waiting for statefulset spec update to be observed...' };
    }
    const replicas = s.spec?.replicas;
    const ready = status.readyReplicas ?? 0;
    const updated = status.updatedReplicas ?? 0;
    if (replicas !== undefined && ready < replicas)
        return { done: false, message: `Waiting for ${replicas - ready} pods to be ready...` };
    if (strategy?.rollingUpdate) {
        const partition = strategy.rollingUpdate.partition;
        if (replicas !== undefined && partition !== undefined && updated < replicas - partition) {
            return {
                done: false,
                message: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - partition} new pods have been updated...`
            };
        }
        return { done: true, message: `partitioned roll out complete: ${updated} new pods have been updated...` };
    }
    if (status.updateRevision !== status.currentRevision) {
        return {
            done: false,
            message: `waiting for statefulset rolling update to complete ${updated} pods at revision ${status.updateRevision ?? ''}...`
        };
    }
    return {
        done: true,
        message: `statefulset rolling update complete ${status.currentReplicas ?? 0} pods at revision ${status.currentRevision ?? ''}...`
    };
}
const statefulSetStatus = {
    kind: 'StatefulSet',
    resource: resources/* RESOURCES */.eZ.StatefulSet,
    rolloutStatus: statefulset_rolloutStatus,
    currentRevision({ object, owned }) {
        const revisions = owned.filter((cr) => (0,ownership/* controlledBy */.O1)(cr, object));
        const updateRevision = object.status?.updateRevision;
        const cr = revisions.find((r) => r.metadata.name === updateRevision) ?? (0,controller_revisions/* newestRevision */.A)(revisions);
        // StatefulSet pods carry the full ControllerRevision name in controller-revision-hash.
        return cr ? controllerRevisionInfo(cr, cr.metadata.name) : undefined;
    },
    olderPodsBlock: (obj) => (obj.spec?.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady',
    podSelectorForRevision: (obj, revision) => (0,template/* selectorWith */.sx)(obj, revision.podLabel.key, revision.podLabel.value),
    ownsPod: (obj, revision, pod) => pod.metadata.labels?.[revision.podLabel.key] === revision.podLabel.value &&
        (0,ownership/* podControlledBy */.vK)(pod, { kind: 'StatefulSet', name: obj.metadata.name, uid: obj.metadata.uid }),
    desiredReplicas: (obj) => {
        const s = obj;
        const replicas = s.spec?.replicas ?? 1;
        // With a RollingUpdate partition only ordinals >= partition move to the update revision: a
        // partitioned rollout (a staged canary) is complete with replicas - partition pods on it.
        const rolling = (s.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
        const partition = rolling ? (s.spec?.updateStrategy?.rollingUpdate?.partition ?? 0) : 0;
        return Math.max(0, replicas - partition);
    }
};

;// CONCATENATED MODULE: ./src/kube/status/index.ts
/**
 * The StatusViewer for a kind (kubectl StatusViewerFor). Kinds without one are custom resources,
 * judged by kstatus. Adding a kind: one file here, and its entry below.
 */




const VIEWERS = {
    Deployment: deploymentStatus,
    StatefulSet: statefulSetStatus,
    DaemonSet: daemonSetStatus
};
/** The status viewer for `kind` (case-insensitive; `deploy`, `sts`, `ds` short names accepted), or undefined. */
function statusViewerFor(kind, apiVersion) {
    const name = (0,kinds/* workloadKindName */.x)(kind, apiVersion);
    return name ? VIEWERS[name] : undefined;
}


/***/ }),

/***/ 1790:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O1: () => (/* binding */ controlledBy),
/* harmony export */   vK: () => (/* binding */ podControlledBy),
/* harmony export */   vR: () => (/* binding */ byCreation)
/* harmony export */ });
/**
 * Objects whose controller ownerReference points at `owner` (by uid when known, else by kind and name);
 * apimachinery's metav1.IsControlledBy, which kubectl's history and undo filter on.
 */
function controlledBy(obj, owner) {
    const ref = obj.metadata.ownerReferences?.find((r) => r.controller === true);
    if (!ref)
        return false;
    if (owner.metadata.uid && ref.uid)
        return ref.uid === owner.metadata.uid;
    return ref.name === owner.metadata.name && (owner.kind === undefined || ref.kind === owner.kind);
}
/** Whether a pod's controller is the object identified by uid (or, without uids, by kind and name). */
function podControlledBy(pod, owner) {
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller === true);
    if (!ref)
        return false;
    if (owner.uid && ref.uid)
        return ref.uid === owner.uid;
    return ref.kind === owner.kind && ref.name === owner.name;
}
/** Oldest first by creationTimestamp, then by name (kubectl's ReplicaSetsByCreationTimestamp). */
function byCreation(a, b) {
    const ta = a.metadata.creationTimestamp ?? '';
    const tb = b.metadata.creationTimestamp ?? '';
    if (ta !== tb)
        return ta < tb ? -1 : 1;
    return a.metadata.name.localeCompare(b.metadata.name);
}


/***/ })

};
