export const id = 848;
export const ids = [848];
export const modules = {

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


/***/ })

};
