export const id = 122;
export const ids = [122];
export const modules = {

/***/ 6122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   writeSnapshotAnnotation: () => (/* binding */ writeSnapshotAnnotation)
/* harmony export */ });
/* harmony import */ var _kube_resources_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6804);

async function writeSnapshotAnnotation(api, kind, ref, annotation) {
    await api.patch(_kube_resources_js__WEBPACK_IMPORTED_MODULE_0__/* .RESOURCES */ .eZ[kind], ref.namespace, ref.name, { metadata: { annotations: { [annotation.key]: annotation.value } } }, 'merge');
}


/***/ })

};
