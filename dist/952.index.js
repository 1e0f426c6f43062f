export const id = 952;
export const ids = [952];
export const modules = {

/***/ 76952:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   promoteCanaryTemplate: () => (/* binding */ promoteCanaryTemplate),
/* harmony export */   scaleToZero: () => (/* binding */ scaleToZero)
/* harmony export */ });
/* unused harmony export PromotionError */
/* harmony import */ var _kube_resources_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(26804);
/* harmony import */ var _rollback_conflict_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76339);


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
/**
 * Gives `stable` the pod spec of `canary` and `replicas` pods. Returns the patched stable (its
 * generation is what a rollout wait follows).
 */
async function promoteCanaryTemplate(api, namespace, stable, canary, replicas) {
    const canaryObject = await read(api, namespace, canary);
    const podSpec = canaryObject.spec?.template?.spec;
    if (podSpec === undefined)
        throw new PromotionError(`Deployment ${namespace}/${canary} has no pod template`);
    const stableObject = await read(api, namespace, stable);
    return api.patch(_kube_resources_js__WEBPACK_IMPORTED_MODULE_0__/* .RESOURCES */ .eZ.Deployment, namespace, stable, [
        ...(0,_rollback_conflict_js__WEBPACK_IMPORTED_MODULE_1__/* .conflictGuardOperation */ .$N)(stableObject),
        { op: 'replace', path: '/spec/template/spec', value: podSpec },
        { op: 'add', path: '/spec/replicas', value: replicas }
    ], 'json');
}
/** Scales `name` to zero, guarded by the resourceVersion read just before; a no-op when already at zero. */
async function scaleToZero(api, namespace, name) {
    const object = await read(api, namespace, name);
    if (object.spec?.replicas === 0)
        return false;
    await api.patch(_kube_resources_js__WEBPACK_IMPORTED_MODULE_0__/* .RESOURCES */ .eZ.Deployment, namespace, name, [...(0,_rollback_conflict_js__WEBPACK_IMPORTED_MODULE_1__/* .conflictGuardOperation */ .$N)(object), { op: 'add', path: '/spec/replicas', value: 0 }], 'json');
    return true;
}


/***/ }),

/***/ 76339:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $N: () => (/* binding */ conflictGuardOperation),
/* harmony export */   Nn: () => (/* binding */ isRollbackConflict),
/* harmony export */   cr: () => (/* binding */ withConflictGuard)
/* harmony export */ });
/* harmony import */ var _kube_api_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(30985);
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


/***/ })

};
