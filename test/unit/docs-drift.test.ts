/**
 * The docs cannot drift from the code. docs/config.md is the one reference for action inputs, outputs and
 * config keys; the README links to it instead of repeating tables.
 * - every input and output in action.yml has exactly one row in docs/config.md's "Action inputs" /
 *   "Action outputs" table, and every name there is in action.yml (action-yml.test.ts holds action.yml to
 *   the inputs and outputs the code uses);
 * - every key the config schema accepts is documented in docs/config.md, and every key documented there is
 *   one the schema accepts. The keys come from walking the zod schema itself (src/config/schema.ts), so a
 *   key added to the schema fails here until it is documented.
 *
 * How docs/config.md names keys: a heading with a key in backticks (### `verify`, #### `verify.smoke[]`)
 * sets the section; the first cell of each table row under it names keys relative to that section
 * (`timeout`, `expect.replicas`, `max` / `min`) or in full (`rollback.onFailure` under `rollback`); a
 * `{ a, b }` or `{ a: type, b: type }` in a row's other cells names the keys of that row's mapping.
 * A mapping's key counts as documented when a key below it is (`expect` by `expect.replicas`).
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import YAML from 'yaml'
import { configSchema } from '../../src/config/schema.js'

interface ActionMetadata {
  inputs: Record<string, unknown>
  outputs: Record<string, unknown>
}
const action = YAML.parse(readFileSync('action.yml', 'utf8')) as ActionMetadata
const configDoc = readFileSync('docs/config.md', 'utf8')
const readme = readFileSync('README.md', 'utf8')

/** The parts of a zod (v4) schema's definition the walk reads. */
interface ZodDef {
  type: string
  shape?: Record<string, { _zod: { def: ZodDef } }>
  innerType?: { _zod: { def: ZodDef } }
  in?: { _zod: { def: ZodDef } }
  out?: { _zod: { def: ZodDef } }
  element?: { _zod: { def: ZodDef } }
  options?: Array<{ _zod: { def: ZodDef } }>
}
const WRAPPERS = ['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch']

/**
 * Every key path the schema accepts: `verify.expect.replicas`, `analysis.checks[].name`. A record
 * (`variables`, `prometheus.headers`) is a key whose own keys are the user's, so the walk stops there.
 */
function schemaKeyPaths(def: ZodDef, prefix = '', into = new Set<string>()): Set<string> {
  if (def.type === 'object') {
    for (const [key, value] of Object.entries(def.shape ?? {})) {
      const path = prefix === '' ? key : `${prefix}.${key}`
      into.add(path)
      schemaKeyPaths(value._zod.def, path, into)
    }
  } else if (WRAPPERS.includes(def.type) && def.innerType) {
    schemaKeyPaths(def.innerType._zod.def, prefix, into)
  } else if (def.type === 'pipe') {
    for (const side of [def.in, def.out]) if (side) schemaKeyPaths(side._zod.def, prefix, into)
  } else if (def.type === 'array' && def.element) {
    schemaKeyPaths(def.element._zod.def, `${prefix}[]`, into)
  } else if (def.type === 'union') {
    for (const option of def.options ?? []) schemaKeyPaths(option._zod.def, prefix, into)
  }
  return into
}

interface DocRow {
  /** The heading the row's table is under. */
  heading: string
  /** Backticked names in the first cell. */
  names: string[]
  /** The other cells. */
  rest: string[]
}

const backticked = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!)

/** Every table row of a markdown document, with the heading it is under (header and rule rows left out). */
function tableRows(markdown: string): DocRow[] {
  const rows: DocRow[] = []
  let heading = ''
  let inFence = false
  let header = true
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inFence = !inFence
    if (inFence) continue
    if (/^#{1,6} /.test(line)) heading = line.replace(/^#+ /, '')
    if (!line.startsWith('|')) {
      header = true
      continue
    }
    // Cells split on | that is not escaped as \|.
    const cells = line
      .slice(1, line.endsWith('|') ? -1 : undefined)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim())
    if (header || cells.every((cell) => /^:?-+:?$/.test(cell))) {
      header = false // the header row, then the rule row below it
      continue
    }
    rows.push({ heading, names: backticked(cells[0] ?? ''), rest: cells.slice(1) })
  }
  return rows
}

const rows = tableRows(configDoc)
const sectionRows = (title: string): DocRow[] => rows.filter((row) => row.heading === title)

/** Names listed in a row's first cell under `heading`, each with how many rows name it. */
function countNames(list: DocRow[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const row of list) for (const name of row.names) counts.set(name, (counts.get(name) ?? 0) + 1)
  return counts
}

/** The config section a heading sets: `verify.smoke[]` for #### `verify.smoke[]`, '' for the top level. */
function sectionOf(heading: string): string | undefined {
  if (heading === 'Top level') return ''
  const key = backticked(heading)[0]
  return key !== undefined && /^[A-Za-z][\w.[\]]*$/.test(key) ? key : undefined
}

/** The keys docs/config.md documents, each with where (for the failure message). */
function documentedKeys(rows: DocRow[]): Map<string, string> {
  const found = new Map<string, string>()
  for (const row of rows) {
    const section = sectionOf(row.heading)
    if (section === undefined) continue
    const absolute = (name: string): string =>
      section === '' || name === section || name.startsWith(`${section}.`) || name.startsWith(`${section}[]`)
        ? name
        : `${section}.${name}`
    for (const name of row.names) {
      // `canary.steps[]` names the list `canary.steps`; the keys of its items are `canary.steps[].weight`.
      const item = absolute(name)
      const key = item.endsWith('[]') ? item.slice(0, -2) : item
      found.set(key, `docs/config.md, under "${row.heading}"`)
      // `{ username, password }` / `{ weight: 0–100, pause: duration }`: the keys of this row's mapping.
      for (const code of row.rest.flatMap(backticked)) {
        const braces = /^\{(.*)\}$/.exec(code.trim())
        if (!braces) continue
        for (const child of braces[1]!.matchAll(/(?:^|,)\s*([A-Za-z_]\w*)\s*(?=[:,]|$)/g))
          found.set(`${item}.${child[1]!}`, `docs/config.md, under "${row.heading}" (in ${code})`)
      }
    }
  }
  return found
}

const schemaKeys = schemaKeyPaths(
  (configSchema({ defaultNamespace: 'default', templateValues: {} }) as unknown as { _zod: { def: ZodDef } })._zod.def
)

describe('docs/config.md against the config schema', () => {
  const documented = documentedKeys(rows)
  /** The heading of the deepest documented section that holds `key` (`### \`canary\`` for canary.cleanup). */
  const tableFor = (key: string): string => {
    const headings = [...new Set(rows.map((row) => row.heading))]
    const holding = headings
      .map((heading) => ({ heading, section: sectionOf(heading) }))
      .filter(
        ({ section }) =>
          section !== undefined && (section === '' || key.startsWith(`${section}.`) || key.startsWith(`${section}[]`))
      )
      .sort((a, b) => (b.section ?? '').length - (a.section ?? '').length)
    return holding[0]?.heading ?? 'Top level'
  }
  const isDocumented = (key: string): boolean =>
    [...documented.keys()].some((doc) => doc === key || doc.startsWith(`${key}.`) || doc.startsWith(`${key}[]`))

  it('the schema walk finds the keys (the checks below are not vacuous)', () => {
    expect(schemaKeys.size).toBeGreaterThan(60)
    for (const key of ['targets[].kind', 'verify.smoke[].expectStatus', 'analysis.checks[].onNoData', 'rollback.to'])
      expect(schemaKeys).toContain(key)
    expect(documented.size).toBeGreaterThan(60)
  })

  it('documents every key the schema accepts', () => {
    // Each entry names the key and the table in docs/config.md where its row belongs.
    const undocumented = [...schemaKeys]
      .filter((key) => !isDocumented(key))
      .sort()
      .map((key) =>
        tableFor(key) === 'Top level' && /[.[]/.test(key)
          ? `${key}: add a "### \`${key.split(/[.[]/)[0]!}\`" section to docs/config.md with a row for it`
          : `${key}: add a row to the table under "${tableFor(key)}" in docs/config.md`
      )
    expect(undocumented).toEqual([])
  })

  it('documents no key the schema does not accept', () => {
    const unknown = [...documented]
      .filter(([key]) => !schemaKeys.has(key))
      .map(([key, where]) => `${key} (${where})`)
      .sort()
    expect(unknown).toEqual([])
  })

  it('names only real config keys where an input overrides one', () => {
    const named = sectionRows('Action inputs')
      .flatMap((row) => row.rest.flatMap(backticked))
      .filter((code) => /^[a-z][A-Za-z]*(\.[A-Za-z]+)+$/.test(code))
    expect(named.length).toBeGreaterThan(5)
    expect(named.filter((key) => !schemaKeys.has(key))).toEqual([])
  })
})

describe.each([
  ['inputs', 'Action inputs'],
  ['outputs', 'Action outputs']
] as const)('docs/config.md against action.yml: %s', (kind, title) => {
  const declared = Object.keys(action[kind]).sort()
  const counts = countNames(sectionRows(title))

  it(`has an "${title}" table`, () => {
    expect(configDoc).toContain(`\n## ${title}\n`)
    expect(counts.size).toBeGreaterThan(5)
  })

  it(`documents every ${kind.slice(0, -1)} of action.yml exactly once`, () => {
    const missing = declared.filter((name) => !counts.has(name))
    const repeated = [...counts].filter(([, n]) => n > 1).map(([name, n]) => `${name} (${n} rows)`)
    expect({ missing, repeated }).toEqual({ missing: [], repeated: [] })
  })

  it(`documents no ${kind.slice(0, -1)} that action.yml does not declare`, () => {
    expect([...counts.keys()].filter((name) => !declared.includes(name)).sort()).toEqual([])
  })
})

describe('README.md', () => {
  it('links to the reference instead of repeating the input and output tables', () => {
    const headers = readme.split('\n').filter((line) => /^\|\s*(input|output)s?\s*\|/i.test(line))
    expect(headers).toEqual([])
    expect(readme).toContain('(docs/config.md#action-inputs)')
    expect(readme).toContain('(docs/config.md#action-outputs)')
  })
})

describe('tableRows and schemaKeyPaths (the parsing the checks rely on)', () => {
  it('reads names per heading, escaped pipes and mapping keys', () => {
    const doc = [
      '### `verify`',
      '',
      '| Key | Type |',
      '|---|---|',
      '| `a` / `b` | `x` \\| `y` |',
      '| `expect.c` | `{ d, e: number }` |',
      '',
      '### `canary`',
      '',
      '| Key | Type |',
      '|---|---|',
      '| `canary.steps[]` | `{ weight: 0–100, pause: duration }` |',
      '',
      '## Value formats',
      '',
      '| Form | Accepts |',
      '| --- | --- |',
      '| duration | `verify.x` |',
      '',
      '```',
      '| `fenced` | no |',
      '```'
    ].join('\n')
    expect(tableRows(doc)).toEqual([
      { heading: '`verify`', names: ['a', 'b'], rest: ['`x` \\| `y`'] },
      { heading: '`verify`', names: ['expect.c'], rest: ['`{ d, e: number }`'] },
      { heading: '`canary`', names: ['canary.steps[]'], rest: ['`{ weight: 0–100, pause: duration }`'] },
      { heading: 'Value formats', names: [], rest: ['`verify.x`'] }
    ])
    expect([...documentedKeys(tableRows(doc)).keys()]).toEqual([
      'verify.a',
      'verify.b',
      'verify.expect.c',
      'verify.expect.c.d',
      'verify.expect.c.e',
      'canary.steps',
      'canary.steps[].weight',
      'canary.steps[].pause'
    ])
  })
})
