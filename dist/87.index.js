export const id = 87;
export const ids = [87];
export const modules = {

/***/ 6087:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createProxyAgent: () => (/* binding */ createProxyAgent)
/* harmony export */ });
async function createProxyAgent(proxyUrl, secure, options) {
    if (/^socks/i.test(proxyUrl)) {
        const { SocksProxyAgent } = await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(254)]).then(__webpack_require__.bind(__webpack_require__, 8254));
        // Node's Agent merges these into each request's options, so the TLS layer over the SOCKS socket sees them.
        return new SocksProxyAgent(proxyUrl, options);
    }
    const { HttpProxyAgent, HttpsProxyAgent } = await __webpack_require__.e(/* import() */ 611).then(__webpack_require__.bind(__webpack_require__, 9611));
    return secure
        ? new HttpsProxyAgent({ ...options, proxy: proxyUrl })
        : new HttpProxyAgent({ ...options, proxy: proxyUrl });
}


/***/ })

};
