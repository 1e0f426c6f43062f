export const id = 735;
export const ids = [735];
export const modules = {

/***/ 1735:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RECORD_PATH_OUTPUT: () => (/* binding */ RECORD_PATH_OUTPUT),
/* harmony export */   recordCopySurface: () => (/* binding */ recordCopySurface)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _report_record_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3498);
/* harmony import */ var _workspace_path_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7055);
/**
 * The `record-path` surface: the run's JSON record (the file behind the `report` output, which lives
 * in the runner's temp dir) also written to a workspace path, so a later step can upload or commit it
 * (`actions/upload-artifact` reads the workspace). Same bytes as the record file; directories are
 * created; an existing file is replaced (a re-run writes its own record). The path is the
 * `record-path` output. A path naming a directory (existing, or ending in `/`) gets the record's own
 * file name inside it.
 */




const RECORD_PATH_OUTPUT = 'record-path';
const isDirectory = async (path) => (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path).catch(() => undefined))?.isDirectory() ?? false;
/** The record file's name when the record itself could not be written (same rule as writeRecord). */
const recordName = (result) => `deploy-guard-${result.command}-${(0,_report_record_js__WEBPACK_IMPORTED_MODULE_2__/* .recordTimestamp */ .U5)(result.finishedAt)}.json`;
function recordCopySurface(ctx) {
    const input = ctx.config.records?.recordPath;
    if (!input)
        return undefined;
    return {
        name: `the JSON record at ${input}`,
        async finish(result, recordPath) {
            const workspace = (0,_workspace_path_js__WEBPACK_IMPORTED_MODULE_3__/* .workspaceOf */ .B)(ctx.env);
            let path = await (0,_workspace_path_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveInWorkspace */ .z)(workspace, input, 'record-path');
            if (/[/\\]$/.test(input.trim()) || (await isDirectory(path))) {
                // Checked again: the file inside may itself be a symlink out of the workspace.
                path = await (0,_workspace_path_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveInWorkspace */ .z)(workspace, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(path, recordPath ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(recordPath) : recordName(result)), 'record-path');
            }
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true });
            if (recordPath) {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.copyFile)(recordPath, path);
            }
            else {
                // The temp record could not be written: the same content, serialised the same way.
                const record = { schemaVersion: _report_record_js__WEBPACK_IMPORTED_MODULE_2__/* .RECORD_SCHEMA_VERSION */ .pw, ...result };
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(path, `${JSON.stringify(record, null, 2)}\n`);
            }
            ctx.log(`record-path: JSON record written to ${input}`);
            return { [RECORD_PATH_OUTPUT]: path };
        }
    };
}


/***/ }),

/***/ 7055:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ workspaceOf),
/* harmony export */   z: () => (/* binding */ resolveInWorkspace)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Resolves a path input (`versions-file`, `record-path`) inside the job's workspace. These files are
 * written for a later step to commit or upload, so a path that leads out of the workspace (`../x`,
 * `/etc/x`, or a symlink inside the workspace pointing out of it) is refused rather than written: a
 * workflow input must never let the action overwrite the runner's own files.
 */


/** The workspace: `$GITHUB_WORKSPACE`, or the working directory outside Actions. */
function workspaceOf(env) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(env.GITHUB_WORKSPACE || process.cwd());
}
const inside = (root, path) => {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, path);
    return rel === '' || (!rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) && rel !== '..' && !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel));
};
/** The real path of `path`, following symlinks as far as the path exists (the rest appended). */
async function realPathSoFar(path) {
    const missing = [];
    let current = path;
    for (;;) {
        try {
            return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(current), ...missing.reverse());
        }
        catch (error) {
            const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(current);
            if (error.code !== 'ENOENT' || parent === current)
                throw error;
            missing.push((0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(current));
            current = parent;
        }
    }
}
/**
 * The absolute path `input` names, relative to the workspace. Throws an Error naming the input when it
 * is empty or leads outside the workspace (also through a symlink).
 */
async function resolveInWorkspace(workspace, input, inputName) {
    const text = input.trim();
    if (!text)
        throw new Error(`${inputName} is empty: give a path relative to the workspace`);
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, text);
    const outside = `${inputName} ${JSON.stringify(text)} is outside the workspace (${workspace}); give a path relative to the workspace`;
    if (!inside(workspace, path) || path === workspace)
        throw new Error(outside);
    const realWorkspace = await realPathSoFar(workspace);
    if (!inside(realWorkspace, await realPathSoFar(path)))
        throw new Error(`${outside} (it leads out through a symlink)`);
    return path;
}


/***/ })

};
