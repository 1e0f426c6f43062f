export const id = 783;
export const ids = [783];
export const modules = {

/***/ 7783:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ MAX_TIMER_MS),
/* harmony export */   y: () => (/* binding */ sleep)
/* harmony export */ });
/** setTimeout turns anything longer into 1 ms (TimeoutOverflowWarning): longer waits go in chunks. */
const MAX_TIMER_MS = 2 ** 31 - 1;
function wait(ms, signal) {
    return new Promise((resolve) => {
        if (ms <= 0 || signal?.aborted)
            return resolve();
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
    });
}
const sleep = async (ms, signal) => {
    let left = Number.isFinite(ms) ? ms : MAX_TIMER_MS;
    while (left > 0 && !signal?.aborted) {
        const chunk = Math.min(left, MAX_TIMER_MS);
        await wait(chunk, signal);
        left -= chunk;
    }
};


/***/ })

};
