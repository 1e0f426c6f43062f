/**
 * What the Marketplace and a release read: action.yml's listing fields (GitHub's limits and allowed
 * branding values) and CHANGELOG.md in Keep a Changelog form, with a section scripts/release.sh can use.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import YAML from 'yaml'

interface ActionMetadata {
  name: string
  description: string
  author?: string
  branding?: { icon?: string; color?: string }
  inputs: Record<string, { description?: string; required?: boolean }>
  outputs: Record<string, { description?: string }>
}
const action = YAML.parse(readFileSync('action.yml', 'utf8')) as ActionMetadata
const changelog = readFileSync('CHANGELOG.md', 'utf8')

// GitHub's metadata syntax: branding.color is one of these; the icon is one of the Feather icons it
// allows (this list holds the ones that suit this action, all on GitHub's list).
const COLORS = ['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark']
const ICONS = ['shield', 'check-circle', 'check-square', 'activity', 'anchor', 'git-commit', 'rotate-ccw', 'eye']

describe('action.yml as the Marketplace lists it', () => {
  it('has a name, a description of at most 125 characters, an author and branding', () => {
    expect(action.name).toMatch(/deploy-guard/)
    expect(action.description.length).toBeGreaterThan(40)
    expect(action.description.length).toBeLessThanOrEqual(125)
    expect(action.author?.trim()).toBeTruthy()
    expect(COLORS).toContain(action.branding?.color)
    expect(ICONS).toContain(action.branding?.icon)
  })

  it('describes every input and output in a sentence', () => {
    const bare = [
      ...Object.entries(action.inputs).map(([name, input]) => [`inputs.${name}`, input.description] as const),
      ...Object.entries(action.outputs).map(([name, output]) => [`outputs.${name}`, output.description] as const)
    ]
      .filter(([, description]) => (description ?? '').trim().length < 15)
      .map(([where]) => where)
    expect(bare).toEqual([])
  })
})

describe('CHANGELOG.md (Keep a Changelog)', () => {
  const headings = changelog.split('\n').filter((line) => line.startsWith('## '))
  const SUBSECTIONS = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security']

  it('starts with [Unreleased], then releases newest first, each with its date', () => {
    expect(headings[0]).toBe('## [Unreleased]')
    const releases = headings
      .slice(1)
      .map((line) => /^## \[(\d+)\.(\d+)\.(\d+)(-[\w.]+)?\] - \d{4}-\d{2}-\d{2}$/.exec(line))
    expect(releases.length).toBeGreaterThan(0)
    expect(headings.slice(1).filter((_, i) => releases[i] === null)).toEqual([])
    const numbers = releases.map((m) => [Number(m![1]), Number(m![2]), Number(m![3])])
    const sorted = [...numbers].sort((a, b) => b[0]! - a[0]! || b[1]! - a[1]! || b[2]! - a[2]!)
    expect(numbers).toEqual(sorted)
    expect(headings.some((line) => line.startsWith('## [1.0.0] - '))).toBe(true)
  })

  it("uses only Keep a Changelog's kinds of change, and links every version", () => {
    const kinds = changelog
      .split('\n')
      .filter((line) => line.startsWith('### '))
      .map((line) => line.slice(4))
    expect(kinds.filter((kind) => !SUBSECTIONS.includes(kind))).toEqual([])
    for (const heading of headings) {
      const version = /^## \[([^\]]+)\]/.exec(heading)![1]!.toLowerCase()
      expect({
        version,
        linked: new RegExp(`^\\[${version.replace(/\./g, '\\.')}\\]: https://`, 'im').test(changelog)
      }).toEqual({
        version,
        linked: true
      })
    }
  })
})
