export const id = 804;
export const ids = [804];
export const modules = {

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


/***/ })

};
