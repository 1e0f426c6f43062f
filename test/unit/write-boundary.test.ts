/**
 * The house rule of DESIGN.md and issue 8 (acceptance 9): src/act/ is the only code that writes to a
 * cluster. This walks every TypeScript file under src/ with the compiler's type checker and lists each
 * call of a KubeApi write verb outside src/act/. A receiver counts as a KubeApi when its type has the
 * interface's members (so wrappers and clients are caught too, whatever the variable is called).
 * Forwarding is not writing: a KubeApi implementation or decorator whose own `patch` member calls
 * another KubeApi's `patch` (src/kube/deadline-api.ts) adds no write of its own.
 */
import { describe, expect, it } from '@jest/globals'
import { readdirSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import ts from 'typescript'

/** KubeApi's write verbs: today `patch`; `create`, `update` and `delete` when they are added. */
const WRITE_VERBS = new Set(['patch', 'create', 'update', 'delete', 'replace', 'apply'])
/** Members that identify a KubeApi structurally. */
const KUBE_API_MEMBERS = ['resourceFor', 'list', 'get', 'podLog']

const root = process.cwd()

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : []
  })
}

/** The name of the member (method, property, or object-literal entry) a node sits directly inside. */
function enclosingMemberName(node: ts.Node): string | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if ((ts.isMethodDeclaration(n) || ts.isPropertyAssignment(n) || ts.isPropertyDeclaration(n)) && n.name) {
      return ts.isIdentifier(n.name) || ts.isStringLiteral(n.name) ? n.name.text : undefined
    }
    if (ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n)) return undefined
  }
  return undefined
}

/** `file:line verb` for every write-verb call on a KubeApi outside src/act/. */
function writeCallsOutsideAct(program: ts.Program, files: string[]): string[] {
  const checker = program.getTypeChecker()
  const found: string[] = []
  for (const file of files) {
    const rel = relative(root, file).split(sep).join('/')
    if (rel.startsWith('src/act/')) continue
    const source = program.getSourceFile(file)
    if (!source) throw new Error(`not in the program: ${rel}`)
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const verb = node.expression.name.text
        if (WRITE_VERBS.has(verb)) {
          const receiver = checker.getTypeAtLocation(node.expression.expression)
          const isKubeApi = KUBE_API_MEMBERS.every((m) => receiver.getProperty(m) !== undefined)
          if (isKubeApi && enclosingMemberName(node) !== verb) {
            const { line } = source.getLineAndCharacterOfPosition(node.getStart())
            found.push(`${rel}:${line + 1} ${verb}`)
          }
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return found
}

function programFor(files: string[]): ts.Program {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile)
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root)
  return ts.createProgram(files, { ...parsed.options, noEmit: true })
}

describe('src/act/ is the only folder that writes to a cluster', () => {
  it('no other file under src/ calls a KubeApi write verb', () => {
    const files = sourceFiles(join(root, 'src'))
    expect(files.some((f) => f.includes(`${sep}act${sep}`))).toBe(true)
    expect(writeCallsOutsideAct(programFor(files), files)).toEqual([])
  }, 120_000)

  it('the scan finds a write outside act/ (and the forwarding exemption is narrow)', () => {
    const dir = join(root, 'src', 'kube')
    const offender = join(dir, '__write-boundary-probe__.ts')
    const text = `import type { KubeApi } from './api.js'
import { RESOURCES } from './resources.js'
export async function sneaky(client: KubeApi) {
  await client.patch(RESOURCES.Deployment, 'ns', 'x', {}, 'merge')
}
export const wrapper = (inner: KubeApi) => ({
  patch: (...a: Parameters<KubeApi['patch']>) => inner.patch(...a),
  list: async () => { await inner.patch(RESOURCES.Deployment, 'ns', 'x', {}, 'merge'); return [] }
})
const notKube = { patch: (n: number) => n }
notKube.patch(1)
`
    // An in-memory file: the compiler host serves it without touching the working tree.
    const host = ts.createCompilerHost({})
    const config = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile)
    const options = ts.parseJsonConfigFileContent(config.config, ts.sys, root).options
    const baseGet = host.getSourceFile.bind(host)
    host.getSourceFile = (name, version, onError, create) =>
      name === offender ? ts.createSourceFile(name, text, version, true) : baseGet(name, version, onError, create)
    const baseExists = host.fileExists.bind(host)
    host.fileExists = (name) => name === offender || baseExists(name)
    const program = ts.createProgram([offender], { ...options, noEmit: true }, host)
    expect(writeCallsOutsideAct(program, [offender])).toEqual([
      'src/kube/__write-boundary-probe__.ts:4 patch',
      'src/kube/__write-boundary-probe__.ts:8 patch'
    ])
  }, 60_000)
})
