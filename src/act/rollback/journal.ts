/**
 * The rollback's progress journal: the orchestrator records each phase here, so that when the job is
 * cancelled or times out half-way the `post:` step can say what was and was not done.
 *
 * The Actions implementation keeps it in the runner's step state (core.saveState): the runner hands
 * every saved value to the post step as `STATE_<name>`. saveState appends to $GITHUB_STATE
 * synchronously, so a record survives even a process killed right after it. @actions/core stays
 * behind the ProgressJournal interface, so the orchestrator is tested with memoryJournal().
 *
 * One state value holds the latest progress of every target (a run may roll back several), rewritten
 * on each record: the runner keeps the last value saved under a name.
 */
import * as core from '@actions/core'
import { ROLLBACK_PHASES, type RollbackProgress } from '../../model/rollback-progress.js'

export interface ProgressJournal {
  /** Records where one target's rollback stands now (replaces that target's previous record). */
  record(progress: RollbackProgress): void
  /** The main step has published its result: the post step has nothing left to report. */
  finished(): void
}

/** Names of the step-state values (the post step reads them as STATE_<name>). */
export const JOURNAL_STATE = {
  progress: 'rollback-progress',
  mainFinished: 'main-finished'
} as const

export interface ActionsJournalOptions {
  /** Applied to each record before it is saved (a reason may quote a server's answer). */
  redact?: <T>(value: T) => T
  /** Default core.saveState. */
  saveState?: (name: string, value: string) => void
  /** Told when a record cannot be saved; default: nothing (a journal must never break the rollback). */
  onError?: (message: string) => void
}

const targetKey = ({ target }: RollbackProgress): string => `${target.kind}/${target.namespace}/${target.name}`

/** A journal over the runner's step state. */
export function actionsJournal(options: ActionsJournalOptions = {}): ProgressJournal {
  const save = options.saveState ?? ((name: string, value: string) => core.saveState(name, value))
  const latest = new Map<string, RollbackProgress>()
  const attempt = (what: string, write: () => void): void => {
    try {
      write()
    } catch (error) {
      options.onError?.(
        `deploy-guard could not save ${what}: ${error instanceof Error ? error.message : String(error)}`
      )
    }
  }
  return {
    record(progress) {
      const safe = options.redact ? options.redact(progress) : progress
      latest.set(targetKey(safe), { ...safe })
      attempt('the rollback progress', () => save(JOURNAL_STATE.progress, JSON.stringify([...latest.values()])))
    },
    finished() {
      attempt('the end of the main step', () => save(JOURNAL_STATE.mainFinished, 'true'))
    }
  }
}

/** A journal in memory, for tests and for runs outside Actions. */
export function memoryJournal(): ProgressJournal & { entries: RollbackProgress[]; isFinished: boolean } {
  const journal = {
    entries: [] as RollbackProgress[],
    isFinished: false,
    record(progress: RollbackProgress) {
      journal.entries.push({ ...progress })
    },
    finished() {
      journal.isFinished = true
    }
  }
  return journal
}

/** What the main step left in its journal, as the post step reads it. */
export interface JournalState {
  mainFinished: boolean
  /** The latest progress of each target whose rollback was recorded, in the order first recorded. */
  progress: RollbackProgress[]
  /** Set when a saved record could not be read (the post step says so instead of guessing). */
  unreadable?: string
}

const isString = (value: unknown): value is string => typeof value === 'string'

function isProgress(value: unknown): value is RollbackProgress {
  if (value === null || typeof value !== 'object') return false
  const p = value as Record<string, unknown>
  const target = p.target as Record<string, unknown> | undefined
  return (
    ROLLBACK_PHASES.includes(p.phase as RollbackProgress['phase']) &&
    target !== null &&
    typeof target === 'object' &&
    isString(target.kind) &&
    isString(target.name) &&
    isString(target.namespace) &&
    ['kubectl', 'helm', 'argocd'].includes(p.method as string) &&
    isString(p.reason) &&
    isString(p.manualCommand) &&
    isString(p.at) &&
    (p.fromRevision === undefined || isString(p.fromRevision)) &&
    (p.toRevision === undefined || isString(p.toRevision))
  )
}

/** Reads the journal back from step state (default core.getState: `STATE_<name>` in the post step). */
export function readJournal(getState: (name: string) => string = (name) => core.getState(name)): JournalState {
  const mainFinished = getState(JOURNAL_STATE.mainFinished) === 'true'
  const raw = getState(JOURNAL_STATE.progress)
  if (!raw) return { mainFinished, progress: [] }
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return { mainFinished, progress: [], unreadable: 'the saved rollback progress is not valid JSON' }
  }
  const entries = Array.isArray(parsed) ? parsed : [parsed]
  const progress = entries.filter(isProgress)
  if (progress.length < entries.length) {
    const unreadable = `${entries.length - progress.length} saved rollback progress record(s) could not be read`
    return { mainFinished, progress, unreadable }
  }
  return { mainFinished, progress }
}
