/**
 * The rollback progress journal: what the main step records through @actions/core lands in the
 * runner's $GITHUB_STATE file in the runner's format, and reads back in the post step (which gets
 * each value as STATE_<name>) exactly as recorded; the memory journal keeps every entry for tests.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { actionsJournal, JOURNAL_STATE, memoryJournal, readJournal } from '../../src/act/rollback/journal.js'
import type { RollbackProgress } from '../../src/model/rollback-progress.js'
import { Redactor } from '../../src/report/redact.js'
import { parseOutputFile } from '../e2e/run-action.js'

const progress = (overrides: Partial<RollbackProgress> = {}): RollbackProgress => ({
  phase: 'decided',
  target: { kind: 'Deployment', name: 'api', namespace: 'prod' },
  method: 'kubectl',
  fromRevision: '5',
  toRevision: '3',
  reason: 'verify failed: pods crash-looping',
  manualCommand: 'kubectl rollout undo deployment/api -n prod --to-revision=3',
  at: '2026-01-01T00:00:00.000Z',
  ...overrides
})

describe('actionsJournal over the runner state file', () => {
  let dir = ''
  let stateFile = ''
  const savedEnv = process.env.GITHUB_STATE
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dg-journal-'))
    stateFile = join(dir, 'state')
    await writeFile(stateFile, '')
    process.env.GITHUB_STATE = stateFile
  })
  afterEach(async () => {
    if (savedEnv === undefined) delete process.env.GITHUB_STATE
    else process.env.GITHUB_STATE = savedEnv
    await rm(dir, { recursive: true, force: true })
  })

  /** The post step's view: the runner keeps the last value written under each name. */
  const postView = async (): Promise<(name: string) => string> => {
    const state = parseOutputFile(await readFile(stateFile, 'utf8'))
    return (name) => state[name] ?? ''
  }

  it('writes each phase at once, and the post step reads back the latest phase of each target', async () => {
    const journal = actionsJournal()
    journal.record(progress())
    expect(readJournal(await postView()).progress.map((p) => p.phase)).toEqual(['decided'])
    journal.record(progress({ phase: 'patching' }))
    journal.record(progress({ phase: 'waiting', at: '2026-01-01T00:00:05.000Z' }))
    journal.record(progress({ target: { kind: 'StatefulSet', name: 'db', namespace: 'prod' }, phase: 'patched' }))
    const state = readJournal(await postView())
    expect(state.mainFinished).toBe(false)
    expect(state.unreadable).toBeUndefined()
    expect(state.progress).toEqual([
      progress({ phase: 'waiting', at: '2026-01-01T00:00:05.000Z' }),
      progress({ target: { kind: 'StatefulSet', name: 'db', namespace: 'prod' }, phase: 'patched' })
    ])
  })

  it('marks the main step finished', async () => {
    const journal = actionsJournal()
    journal.record(progress({ phase: 'verified' }))
    journal.finished()
    const state = readJournal(await postView())
    expect(state.mainFinished).toBe(true)
    expect(state.progress.map((p) => p.phase)).toEqual(['verified'])
  })

  it('keeps text with line breaks and runner-command look-alikes intact through the state file', async () => {
    const reason = 'server said:\n::error::boom\nMAIN_DELIM<<x ##[group]'
    actionsJournal().record(progress({ reason }))
    expect(readJournal(await postView()).progress[0]?.reason).toBe(reason)
  })

  it('redacts each record before it is saved', async () => {
    const redactor = new Redactor()
    redactor.add('s3cr3t-token-value')
    actionsJournal({ redact: (value) => redactor.value(value) }).record(
      progress({ reason: 'Unauthorized: bearer s3cr3t-token-value rejected' })
    )
    const text = await readFile(stateFile, 'utf8')
    expect(text).not.toContain('s3cr3t-token-value')
    expect(readJournal(await postView()).progress[0]?.reason).toBe('Unauthorized: bearer *** rejected')
  })

  it('never throws when the state cannot be saved: it tells onError instead', () => {
    process.env.GITHUB_STATE = join(dir, 'missing', 'state')
    const errors: string[] = []
    const journal = actionsJournal({ onError: (message) => errors.push(message) })
    expect(() => journal.record(progress())).not.toThrow()
    expect(() => journal.finished()).not.toThrow()
    expect(errors).toHaveLength(2)
    expect(errors[0]).toMatch(/^deploy-guard could not save the rollback progress: /)
    expect(errors[1]).toMatch(/^deploy-guard could not save the end of the main step: /)
  })
})

describe('readJournal', () => {
  const from = (values: Record<string, string>) => (name: string) => values[name] ?? ''

  it('reads an empty state as: main not finished, no progress', () => {
    expect(readJournal(from({}))).toEqual({ mainFinished: false, progress: [] })
  })

  it('accepts a single record as well as a list', () => {
    const state = readJournal(from({ [JOURNAL_STATE.progress]: JSON.stringify(progress()) }))
    expect(state.progress).toEqual([progress()])
  })

  it('says so when the saved progress is not JSON, instead of guessing', () => {
    const state = readJournal(from({ [JOURNAL_STATE.progress]: '{not json', [JOURNAL_STATE.mainFinished]: 'true' }))
    expect(state).toEqual({
      mainFinished: true,
      progress: [],
      unreadable: 'the saved rollback progress is not valid JSON'
    })
  })

  it('keeps the well-formed records and counts the others', () => {
    const bad = [
      { ...progress(), phase: 'exploded' },
      { ...progress(), target: 'api' },
      { ...progress(), toRevision: 3 }
    ]
    const state = readJournal(from({ [JOURNAL_STATE.progress]: JSON.stringify([progress(), ...bad]) }))
    expect(state.progress).toEqual([progress()])
    expect(state.unreadable).toBe('3 saved rollback progress record(s) could not be read')
  })
})

describe('memoryJournal', () => {
  it('keeps every record in order, copies them, and remembers finished()', () => {
    const journal = memoryJournal()
    const first = progress()
    journal.record(first)
    first.phase = 'failed'
    journal.record(progress({ phase: 'patching' }))
    expect(journal.entries.map((p) => p.phase)).toEqual(['decided', 'patching'])
    expect(journal.isFinished).toBe(false)
    journal.finished()
    expect(journal.isFinished).toBe(true)
  })
})
