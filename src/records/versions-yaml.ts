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
import { isMap, isScalar, parseDocument, Scalar, type Document, type YAMLMap } from 'yaml'

/** The file cannot be updated safely (not YAML, not a map, `components` not a map): leave it untouched. */
export class VersionsFileError extends Error {}

export interface VersionsUpdate {
  /** The new text (equal to the input when nothing changed). */
  text: string
  /** Components whose version changed or was added, in the order given. */
  changed: string[]
  layout: 'components' | 'flat'
  /** Components left alone, with why (e.g. a value that is a list). */
  notes: string[]
}

const COMPONENTS = 'components'
const NEW_FILE_HEADER = ' Versions deployed, by component (updated by deploy-guard after each verified deploy).'

type Path = Array<string>

/** The first line of a yaml error (the rest is a code excerpt). */
const firstLine = (message: string): string => message.split('\n')[0].replace(/:\s*$/, '')

function chooseLayout(doc: Document.Parsed): 'components' | 'flat' {
  const root = doc.contents
  if (root === null || root === undefined) return COMPONENTS
  if (isScalar(root) && (root.value === null || root.value === '')) return COMPONENTS
  if (!isMap(root)) throw new VersionsFileError('expected a map at the top (`components:` with one key per component)')
  if (root.has(COMPONENTS)) {
    const components = root.get(COMPONENTS, true)
    const empty = components === null || components === undefined || (isScalar(components) && components.value === null)
    if (!empty && !isMap(components))
      throw new VersionsFileError('`components` is not a map (expected `components: { api: "1.2.3" }`)')
    return COMPONENTS
  }
  return root.items.length === 0 ? COMPONENTS : 'flat'
}

/** Indentation the file uses (the smallest indent of a non-comment line), so added lines match it. */
function detectIndent(source: string): number {
  let smallest = Infinity
  for (const line of source.split(/\r?\n/)) {
    const match = /^( +)[^\s#]/.exec(line)
    if (match && !line.trimStart().startsWith('- ')) smallest = Math.min(smallest, match[1].length)
  }
  return Number.isFinite(smallest) && smallest >= 2 && smallest <= 8 ? smallest : 2
}

/** True when `value` written plain reads back as the same string (not a number, bool, null, or broken). */
function plainIsSafe(value: string): boolean {
  if (value === '' || /[#:{}[\],&*!|>'"%@`]/.test(value) || value !== value.trim()) return false
  const doc = parseDocument(`k: ${value}\n`)
  const node: unknown = isMap(doc.contents) ? doc.contents.get('k', true) : undefined
  const read: unknown = isScalar(node) ? node.value : undefined
  return doc.errors.length === 0 && read === value
}

/** The value as the given scalar style writes it (a plain style that would not read back is quoted). */
function renderScalar(value: string, type: Scalar['type']): string {
  if (type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`
  if (type === Scalar.PLAIN && plainIsSafe(value)) return value
  return JSON.stringify(value)
}

/** The quoting of the map's other values, so an added key looks like its neighbours. */
function siblingStyle(map: YAMLMap | undefined): Scalar['type'] {
  for (const pair of [...(map?.items ?? [])].reverse()) {
    if (isScalar(pair.value) && typeof pair.value.value === 'string') {
      const type = pair.value.type
      if (type === Scalar.QUOTE_SINGLE || type === Scalar.QUOTE_DOUBLE || type === Scalar.PLAIN) return type
    }
  }
  return Scalar.QUOTE_DOUBLE
}

interface Edit {
  component: string
  path: Path
  version: string
  /** The existing scalar to change, when there is one. */
  node?: Scalar
}

function planEdits(
  doc: Document.Parsed,
  layout: 'components' | 'flat',
  versions: Record<string, string>,
  notes: string[]
): Edit[] {
  const edits: Edit[] = []
  for (const [component, version] of Object.entries(versions)) {
    let path: Path = layout === COMPONENTS ? [COMPONENTS, component] : [component]
    let node = doc.getIn(path, true)
    if (isMap(node)) {
      path = [...path, 'version']
      node = node.get('version', true)
    }
    if (node === undefined || node === null) {
      edits.push({ component, path, version })
    } else if (isScalar(node)) {
      if (String(node.value) !== version) edits.push({ component, path, version, node })
    } else {
      notes.push(`${component}: its value is neither a version nor a map with a \`version\` key; left as it is`)
    }
  }
  return edits
}

/** Splices the new values into the original text; undefined when a value cannot be spliced safely. */
function splice(source: string, edits: Edit[]): string | undefined {
  const ranged = edits.map((edit) => ({ edit, range: edit.node?.range }))
  if (
    ranged.some(
      ({ edit, range }) =>
        !edit.node || !range || edit.node.type === Scalar.BLOCK_FOLDED || edit.node.type === Scalar.BLOCK_LITERAL
    )
  )
    return undefined
  let text = source
  for (const { edit, range } of ranged.sort((a, b) => b.range![0] - a.range![0])) {
    const [start, valueEnd] = range!
    text = text.slice(0, start) + renderScalar(edit.version, edit.node!.type) + text.slice(valueEnd)
  }
  // Belt and braces: the spliced text must parse and say exactly what was meant.
  const check = parseDocument(text)
  if (check.errors.length) return undefined
  for (const edit of edits) {
    const node = check.getIn(edit.path, true)
    if (!isScalar(node) || node.value !== edit.version) return undefined
  }
  return text
}

function throughDocument(doc: Document.Parsed, source: string, layout: 'components' | 'flat', edits: Edit[]): string {
  if (layout === COMPONENTS && !isMap(doc.getIn([COMPONENTS], true))) {
    if (!isMap(doc.contents)) {
      const comment = doc.commentBefore ?? (source.trim() === '' ? NEW_FILE_HEADER : undefined)
      doc.contents = doc.createNode({}) as unknown as Document.Parsed['contents']
      if (comment !== undefined) doc.commentBefore = comment
    }
    doc.setIn([COMPONENTS], doc.createNode({}))
  }
  for (const edit of edits) {
    if (edit.node) {
      // setIn keeps an existing scalar node (and the comment on its line); only its value changes.
      doc.setIn(edit.path, edit.version)
      continue
    }
    const parent = doc.getIn(edit.path.slice(0, -1), true)
    const scalar = new Scalar(edit.version)
    const style = siblingStyle(isMap(parent) ? (parent as YAMLMap) : undefined)
    scalar.type = style === Scalar.PLAIN && !plainIsSafe(edit.version) ? Scalar.QUOTE_DOUBLE : style
    doc.setIn(edit.path, scalar)
  }
  const text = doc.toString({ indent: detectIndent(source), lineWidth: 0 })
  return source.includes('\r\n') ? text.replace(/\r?\n/g, '\r\n') : text
}

/**
 * `source` with each component set to its version (`undefined` source: a new file). Throws a
 * VersionsFileError when the file cannot be updated without guessing; the caller then leaves it alone.
 */
export function updateVersionsYaml(source: string | undefined, versions: Record<string, string>): VersionsUpdate {
  const text = source ?? ''
  const doc = parseDocument(text)
  if (doc.errors.length) throw new VersionsFileError(`not valid YAML: ${firstLine(doc.errors[0].message)}`)
  const layout = chooseLayout(doc)
  const notes: string[] = []
  const edits = planEdits(doc, layout, versions, notes)
  const changed = edits.map((edit) => edit.component)
  if (!edits.length && source !== undefined) return { text, changed, layout, notes }
  const updated = splice(text, edits) ?? throughDocument(doc, text, layout, edits)
  return { text: updated, changed, layout, notes }
}
