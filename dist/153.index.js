export const id = 153;
export const ids = [153];
export const modules = {

/***/ 1153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ARGO_APPLICATIONS: () => (/* binding */ ARGO_APPLICATIONS),
/* harmony export */   DB: () => (/* binding */ FLUX_KUSTOMIZATIONS),
/* harmony export */   JK: () => (/* binding */ FLUX_HELMRELEASES),
/* harmony export */   cW: () => (/* binding */ SECRETS)
/* harmony export */ });
const ARGO_APPLICATIONS = {
    apiVersion: 'argoproj.io/v1alpha1',
    resource: 'applications',
    kind: 'Application',
    namespaced: true
};
const FLUX_KUSTOMIZATIONS = {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    resource: 'kustomizations',
    kind: 'Kustomization',
    namespaced: true
};
const FLUX_HELMRELEASES = {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    resource: 'helmreleases',
    kind: 'HelmRelease',
    namespaced: true
};
const SECRETS = { apiVersion: 'v1', resource: 'secrets', kind: 'Secret', namespaced: true };


/***/ })

};
