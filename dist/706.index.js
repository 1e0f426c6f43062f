export const id = 706;
export const ids = [706];
export const modules = {

/***/ 7916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eb: () => (/* binding */ versionsToRecord),
/* harmony export */   cv: () => (/* binding */ versionChanges)
/* harmony export */ });
/* unused harmony exports imageVersion, firstImageVersion, componentName */
/* harmony import */ var _report_rollback_facts_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5966);
/* harmony import */ var _report_format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2011);


/**
 * The version an image reference names: its tag (`registry:5000/api:v1.2.3` → `v1.2.3`), else its
 * digest (`api@sha256:…` → `sha256:…`), else `latest` (what the runtime pulls for a bare name).
 */
function imageVersion(image) {
    const at = image.indexOf('@');
    const name = at >= 0 ? image.slice(0, at) : image;
    const digest = at >= 0 ? image.slice(at + 1) : '';
    // A colon after the last slash starts the tag; one before it belongs to a registry's port.
    const colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf('/'))
        return name.slice(colon + 1);
    return digest || 'latest';
}
/** The version of the first container's image; undefined when the images are unknown. */
function firstImageVersion(images) {
    const first = Object.values(images ?? {})[0];
    return first === undefined ? undefined : imageVersion(first);
}
/** The component name of a target in the versions file. */
const componentName = (target) => target.ref.name;
/** The version a landed rollback restored: the restored checklist's images, or the previous revision's. */
function restoredVersion(result, target) {
    const report = (result.rollback?.targets ?? []).find((t) => (0,_report_rollback_facts_js__WEBPACK_IMPORTED_MODULE_0__/* .hasLanded */ .hb)(t) &&
        t.ref.kind === target.ref.kind &&
        t.ref.name === target.ref.name &&
        t.ref.namespace === target.ref.namespace);
    if (!report)
        return undefined;
    const fromRestored = firstImageVersion(report.restored?.images);
    if (fromRestored)
        return fromRestored;
    // Not waited for: the previous revision is what the undo went to when the numbers agree.
    if (target.previous && report.toRevision !== undefined && Number(target.previous.revision) === report.toRevision) {
        return firstImageVersion(target.previous.images);
    }
    return undefined;
}
/** Old → new (and restored) per target. `versionInput` is the `version` input, when set. */
function versionChanges(result, versionInput) {
    return result.targets.map((target) => {
        const change = {
            component: componentName(target),
            target: (0,_report_format_js__WEBPACK_IMPORTED_MODULE_1__/* .targetLabel */ .Op)(target.ref),
            namespace: target.ref.namespace
        };
        const old = firstImageVersion(target.previous?.images);
        const current = versionInput || firstImageVersion(target.images);
        const restored = restoredVersion(result, target);
        if (old !== undefined)
            change.old = old;
        if (current !== undefined)
            change.new = current;
        if (restored !== undefined)
            change.restored = restored;
        return change;
    });
}
/** The versions to write (see the header for the rules); empty when the run claims none. */
function versionsToRecord(result, versionInput) {
    const versions = {};
    const notes = [];
    if (result.command === 'snapshot')
        return { versions, notes: ['a snapshot deploys nothing'] };
    const landed = (result.rollback?.targets ?? []).some(_report_rollback_facts_js__WEBPACK_IMPORTED_MODULE_0__/* .hasLanded */ .hb);
    if (result.verdict !== 'passed' && !landed) {
        return {
            versions,
            notes: [`the verdict is ${result.verdict} and nothing was rolled back: no new version is claimed`]
        };
    }
    for (const change of versionChanges(result, versionInput)) {
        const version = landed ? change.restored : change.new;
        if (version === undefined) {
            notes.push(landed
                ? `${change.target}: not rolled back (the run did not pass) or its restored version is unknown; left as it is`
                : `${change.target}: no image known; left as it is`);
            continue;
        }
        const existing = versions[change.component];
        if (existing !== undefined && existing !== version) {
            notes.push(`${change.target}: component ${change.component} already set to ${existing} by another target; ${version} not written`);
            continue;
        }
        versions[change.component] = version;
    }
    return { versions, notes };
}


/***/ }),

/***/ 8706:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  VERSIONS_FILE_OUTPUT: () => (/* binding */ VERSIONS_FILE_OUTPUT),
  versionsFileSurface: () => (/* binding */ versionsFileSurface)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/records/component-version.ts
var component_version = __webpack_require__(7916);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/records/versions-yaml.ts
/**
 * Updates a versions file's text with each component's version, keeping everything a person wrote:
 * comments, key order, quoting, blank lines and indentation. Pure: text in, text out.
 *
 * Two layouts are understood, chosen by what the file already holds:
 * - `components:` map (the default, and what a new or empty file gets): `components: { api: "1.2.3" }`;
 * - flat: a top-level map without a `components` key, each key a component (`api: 1.2.3`).
 * A component whose value is a map (`api: { version: 1.2.3, owner: team-a }`) has its `version` key set.
 *
 * Why two ways of writing: changing the value of a key that exists is spliced into the original text at
 * the value's own offsets, so the diff a reviewer sees is exactly the changed versions (the yaml
 * Document's own printer would also re-space comments and flow collections elsewhere in the file). A
 * key that must be added goes through the Document API (setIn, toString), which keeps comments and order.
 */

/** The file cannot be updated safely (not YAML, not a map, `components` not a map): leave it untouched. */
class VersionsFileError extends Error {
}
const COMPONENTS = 'components';
const NEW_FILE_HEADER = ' Versions deployed, by component (updated by deploy-guard after each verified deploy).';
/** The first line of a yaml error (the rest is a code excerpt). */
const firstLine = (message) => message.split('\n')[0].replace(/:\s*$/, '');
function chooseLayout(doc) {
    const root = doc.contents;
    if (root === null || root === undefined)
        return COMPONENTS;
    if ((0,dist/* isScalar */.jn)(root) && (root.value === null || root.value === ''))
        return COMPONENTS;
    if (!(0,dist/* isMap */.jh)(root))
        throw new VersionsFileError('expected a map at the top (`components:` with one key per component)');
    if (root.has(COMPONENTS)) {
        const components = root.get(COMPONENTS, true);
        const empty = components === null || components === undefined || ((0,dist/* isScalar */.jn)(components) && components.value === null);
        if (!empty && !(0,dist/* isMap */.jh)(components))
            throw new VersionsFileError('`components` is not a map (expected `components: { api: "1.2.3" }`)');
        return COMPONENTS;
    }
    return root.items.length === 0 ? COMPONENTS : 'flat';
}
/** Indentation the file uses (the smallest indent of a non-comment line), so added lines match it. */
function detectIndent(source) {
    let smallest = Infinity;
    for (const line of source.split(/\r?\n/)) {
        const match = /^( +)[^\s#]/.exec(line);
        if (match && !line.trimStart().startsWith('- '))
            smallest = Math.min(smallest, match[1].length);
    }
    return Number.isFinite(smallest) && smallest >= 2 && smallest <= 8 ? smallest : 2;
}
/** True when `value` written plain reads back as the same string (not a number, bool, null, or broken). */
function plainIsSafe(value) {
    if (value === '' || /[#:{}[\],&*!|>'"%@`]/.test(value) || value !== value.trim())
        return false;
    const doc = (0,dist/* parseDocument */.Tp)(`k: ${value}\n`);
    const node = (0,dist/* isMap */.jh)(doc.contents) ? doc.contents.get('k', true) : undefined;
    const read = (0,dist/* isScalar */.jn)(node) ? node.value : undefined;
    return doc.errors.length === 0 && read === value;
}
/** The value as the given scalar style writes it (a plain style that would not read back is quoted). */
function renderScalar(value, type) {
    if (type === dist/* Scalar */.X5.QUOTE_SINGLE)
        return `'${value.replace(/'/g, "''")}'`;
    if (type === dist/* Scalar */.X5.PLAIN && plainIsSafe(value))
        return value;
    return JSON.stringify(value);
}
/** The quoting of the map's other values, so an added key looks like its neighbours. */
function siblingStyle(map) {
    for (const pair of [...(map?.items ?? [])].reverse()) {
        if ((0,dist/* isScalar */.jn)(pair.value) && typeof pair.value.value === 'string') {
            const type = pair.value.type;
            if (type === dist/* Scalar */.X5.QUOTE_SINGLE || type === dist/* Scalar */.X5.QUOTE_DOUBLE || type === dist/* Scalar */.X5.PLAIN)
                return type;
        }
    }
    return dist/* Scalar */.X5.QUOTE_DOUBLE;
}
function planEdits(doc, layout, versions, notes) {
    const edits = [];
    for (const [component, version] of Object.entries(versions)) {
        let path = layout === COMPONENTS ? [COMPONENTS, component] : [component];
        let node = doc.getIn(path, true);
        if ((0,dist/* isMap */.jh)(node)) {
            path = [...path, 'version'];
            node = node.get('version', true);
        }
        if (node === undefined || node === null) {
            edits.push({ component, path, version });
        }
        else if ((0,dist/* isScalar */.jn)(node)) {
            if (String(node.value) !== version)
                edits.push({ component, path, version, node });
        }
        else {
            notes.push(`${component}: its value is neither a version nor a map with a \`version\` key; left as it is`);
        }
    }
    return edits;
}
/** Splices the new values into the original text; undefined when a value cannot be spliced safely. */
function splice(source, edits) {
    const ranged = edits.map((edit) => ({ edit, range: edit.node?.range }));
    if (ranged.some(({ edit, range }) => !edit.node || !range || edit.node.type === dist/* Scalar */.X5.BLOCK_FOLDED || edit.node.type === dist/* Scalar */.X5.BLOCK_LITERAL))
        return undefined;
    let text = source;
    for (const { edit, range } of ranged.sort((a, b) => b.range[0] - a.range[0])) {
        const [start, valueEnd] = range;
        text = text.slice(0, start) + renderScalar(edit.version, edit.node.type) + text.slice(valueEnd);
    }
    // Belt and braces: the spliced text must parse and say exactly what was meant.
    const check = (0,dist/* parseDocument */.Tp)(text);
    if (check.errors.length)
        return undefined;
    for (const edit of edits) {
        const node = check.getIn(edit.path, true);
        if (!(0,dist/* isScalar */.jn)(node) || node.value !== edit.version)
            return undefined;
    }
    return text;
}
function throughDocument(doc, source, layout, edits) {
    if (layout === COMPONENTS && !(0,dist/* isMap */.jh)(doc.getIn([COMPONENTS], true))) {
        if (!(0,dist/* isMap */.jh)(doc.contents)) {
            const comment = doc.commentBefore ?? (source.trim() === '' ? NEW_FILE_HEADER : undefined);
            doc.contents = doc.createNode({});
            if (comment !== undefined)
                doc.commentBefore = comment;
        }
        doc.setIn([COMPONENTS], doc.createNode({}));
    }
    for (const edit of edits) {
        if (edit.node) {
            // setIn keeps an existing scalar node (and the comment on its line); only its value changes.
            doc.setIn(edit.path, edit.version);
            continue;
        }
        const parent = doc.getIn(edit.path.slice(0, -1), true);
        const scalar = new dist/* Scalar */.X5(edit.version);
        const style = siblingStyle((0,dist/* isMap */.jh)(parent) ? parent : undefined);
        scalar.type = style === dist/* Scalar */.X5.PLAIN && !plainIsSafe(edit.version) ? dist/* Scalar */.X5.QUOTE_DOUBLE : style;
        doc.setIn(edit.path, scalar);
    }
    const text = doc.toString({ indent: detectIndent(source), lineWidth: 0 });
    return source.includes('\r\n') ? text.replace(/\r?\n/g, '\r\n') : text;
}
/**
 * `source` with each component set to its version (`undefined` source: a new file). Throws a
 * VersionsFileError when the file cannot be updated without guessing; the caller then leaves it alone.
 */
function updateVersionsYaml(source, versions) {
    const text = source ?? '';
    const doc = (0,dist/* parseDocument */.Tp)(text);
    if (doc.errors.length)
        throw new VersionsFileError(`not valid YAML: ${firstLine(doc.errors[0].message)}`);
    const layout = chooseLayout(doc);
    const notes = [];
    const edits = planEdits(doc, layout, versions, notes);
    const changed = edits.map((edit) => edit.component);
    if (!edits.length && source !== undefined)
        return { text, changed, layout, notes };
    const updated = splice(text, edits) ?? throughDocument(doc, text, layout, edits);
    return { text: updated, changed, layout, notes };
}

// EXTERNAL MODULE: ./src/records/workspace-path.ts
var workspace_path = __webpack_require__(7055);
;// CONCATENATED MODULE: ./src/records/versions-file.ts
/**
 * The `versions-file` surface: after the run, the YAML versions file in the workspace is updated in
 * place with the version each component now runs (rules in component-version.ts, layout in
 * versions-yaml.ts), for the caller to commit. Its path is the `versions-file` output ('' when the run
 * claims no version, e.g. a failed deploy that was not rolled back, or when the file could not be
 * updated). A file that is not usable YAML is a warning and stays untouched; the verdict never changes.
 */





const VERSIONS_FILE_OUTPUT = 'versions-file';
async function readIfExists(path) {
    try {
        return await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
}
function versionsFileSurface(ctx) {
    const input = ctx.config.records?.versionsFile;
    if (!input)
        return undefined;
    return {
        name: `the versions file (${input})`,
        async finish(result) {
            const { versions, notes } = (0,component_version/* versionsToRecord */.Eb)(result, ctx.config.version);
            for (const note of notes)
                ctx.log(`versions-file: ${note}`);
            if (!Object.keys(versions).length) {
                ctx.log(`versions-file: ${input} left as it is`);
                return { [VERSIONS_FILE_OUTPUT]: '' };
            }
            const path = await (0,workspace_path/* resolveInWorkspace */.z)((0,workspace_path/* workspaceOf */.B)(ctx.env), input, 'versions-file');
            const source = await readIfExists(path);
            let update;
            try {
                update = updateVersionsYaml(source, versions);
            }
            catch (error) {
                if (!(error instanceof VersionsFileError))
                    throw error;
                ctx.warn(`deploy-guard left the versions file ${input} untouched: ${error.message}. Fix the file (or point versions-file elsewhere); the deploy's verdict is unchanged.`);
                return { [VERSIONS_FILE_OUTPUT]: '' };
            }
            for (const note of update.notes)
                ctx.log(`versions-file: ${note}`);
            if (source === undefined)
                await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
            if (source === undefined || update.text !== source)
                await (0,promises_.writeFile)(path, update.text);
            const what = Object.entries(versions)
                .filter(([component]) => update.changed.includes(component))
                .map(([component, version]) => `${component} ${version}`);
            ctx.log(`versions-file: ${source === undefined ? 'created' : 'updated'} ${input}` +
                (what.length ? ` (${what.join(', ')})` : ' (already up to date)'));
            return { [VERSIONS_FILE_OUTPUT]: path };
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
