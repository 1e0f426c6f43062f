import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { updateVersionsYaml, VersionsFileError } from '../../src/records/versions-yaml.js'

const FILE = `# Versions per environment — reviewed in every deploy PR.
# keep this list sorted by hand

components:
    web: v3   # pinned until the CDN migration
    api: "1.2.2"
    billing: { version: 1.0, owner: team-pay }

    # the queue worker
    worker: 1.10
other: { a: 1, b: [1,2] }
`

describe('updateVersionsYaml', () => {
  it('changes only the value of an existing key: every other byte of the file stays as written', () => {
    const update = updateVersionsYaml(FILE, { api: '1.2.3' })
    expect(update.text).toBe(FILE.replace('api: "1.2.2"', 'api: "1.2.3"'))
    expect(update.changed).toEqual(['api'])
    expect(update.layout).toBe('components')
  })

  it.each([
    ['a plain value', { web: 'v4' }, 'web: v3   # pinned', 'web: v4   # pinned'],
    ['a plain value that would read as a number is quoted', { worker: '1.11' }, 'worker: 1.10', 'worker: "1.11"'],
    [
      'a nested map gets its version key set',
      { billing: '1.1' },
      'billing: { version: 1.0,',
      'billing: { version: "1.1",'
    ],
    ['a double-quoted value stays double-quoted', { api: "it's" }, 'api: "1.2.2"', 'api: "it\'s"']
  ])('%s', (_name, versions, before, after) => {
    const update = updateVersionsYaml(FILE, versions)
    expect(update.text).toBe(FILE.replace(before, after))
  })

  it('keeps a single-quoted style', () => {
    expect(updateVersionsYaml("components:\n  api: '1.0' # x\n", { api: '2.0' }).text).toBe(
      "components:\n  api: '2.0' # x\n"
    )
  })

  it('appends a new component after the others, keeping comments, order, indentation and quoting', () => {
    const update = updateVersionsYaml(FILE, { api: '1.2.3', search: '0.9.0' })
    const lines = update.text.split('\n')
    expect(update.changed).toEqual(['api', 'search'])
    expect(update.text).toContain(
      '# Versions per environment — reviewed in every deploy PR.\n# keep this list sorted by hand\n'
    )
    expect(update.text).toContain('# pinned until the CDN migration')
    expect(update.text).toContain('    # the queue worker\n    worker: 1.10\n    search: "0.9.0"\n')
    expect(lines.indexOf('    search: "0.9.0"')).toBeLessThan(lines.findIndex((l) => l.startsWith('other:')))
    expect(parse(update.text)).toEqual({
      components: {
        web: 'v3',
        api: '1.2.3',
        billing: { version: 1.0, owner: 'team-pay' },
        worker: 1.1,
        search: '0.9.0'
      },
      other: { a: 1, b: [1, 2] }
    })
  })

  it('keeps a flow map a flow map', () => {
    expect(updateVersionsYaml('components: { api: "1.2.2" }\n', { db: '5' }).text).toBe(
      'components: { api: "1.2.2", db: "5" }\n'
    )
  })

  it('understands the flat layout (top-level keys are components) and matches the neighbours’ quoting', () => {
    const update = updateVersionsYaml('# flat\napi: v1.2.2 # c\nweb: v1\n', { api: 'v1.2.3', db: 'true' })
    expect(update.layout).toBe('flat')
    expect(update.text).toBe('# flat\napi: v1.2.3 # c\nweb: v1\ndb: "true"\n')
  })

  it.each([
    ['a missing file', undefined],
    ['an empty file', ''],
    ['a file with only a comment', '# versions\n']
  ])('%s gets a components map', (_name, source) => {
    const update = updateVersionsYaml(source, { api: '1.2.3' })
    expect(parse(update.text)).toEqual({ components: { api: '1.2.3' } })
    expect(update.text).toContain('  api: "1.2.3"\n')
    if (source?.startsWith('#')) expect(update.text.startsWith('# versions\n')).toBe(true)
  })

  it('fills an empty components key', () => {
    expect(updateVersionsYaml('components:\n', { db: '5' }).text).toBe('components:\n  db: "5"\n')
  })

  it('leaves the text as it is when every version is already current', () => {
    const update = updateVersionsYaml(FILE, { api: '1.2.2', web: 'v3' })
    expect(update.text).toBe(FILE)
    expect(update.changed).toEqual([])
  })

  it('keeps CRLF line endings', () => {
    const update = updateVersionsYaml('components:\r\n  api: "1"\r\n', { api: '2', db: '3' })
    expect(update.text).toBe('components:\r\n  api: "2"\r\n  db: "3"\r\n')
  })

  it('skips a component whose value is a list, with a note, and still updates the others', () => {
    const update = updateVersionsYaml('components:\n  api: [1]\n  web: v1\n', { api: '2', web: 'v2' })
    expect(update.text).toBe('components:\n  api: [1]\n  web: v2\n')
    expect(update.notes[0]).toMatch(/^api: /)
  })

  it.each([
    ['not YAML', 'components: [\n', /not valid YAML/],
    ['duplicate keys', 'api: 1\napi: 2\n', /not valid YAML: Map keys must be unique/],
    ['a list at the top', '- api\n', /expected a map at the top/],
    ['components not a map', 'components: 3\n', /`components` is not a map/],
    ['two documents', 'a: 1\n---\nb: 2\n', /not valid YAML/]
  ])('refuses %s with a VersionsFileError', (_name, source, message) => {
    expect(() => updateVersionsYaml(source, { api: '1' })).toThrow(VersionsFileError)
    expect(() => updateVersionsYaml(source, { api: '1' })).toThrow(message)
  })
})
