/**
 * Outside text can never form a runner command (`::name::` at a line start after whitespace, `##[`
 * anywhere) or a second line, on any path to the log: escapeLogLine, escapeAnnotation, the RunnerLog.
 */
import { describe, expect, test } from '@jest/globals'
import { escapeAnnotation, escapeLogLine } from '../../src/report/escape.js'
import { createRunnerLog, type RunnerCommands } from '../../src/report/logger.js'
import { Redactor } from '../../src/report/redact.js'

const HOSTILE = [
  'x\n::add-mask::INJ\n::warning title=INJ::INJECTED',
  'a\r::set-output name=verdict::passed',
  'a\r\n  ::error::crlf',
  'a\u2028::error::ls\u2029::error::ps\u0085::error::nel',
  '::stop-commands::tok',
  '\t ::debug::leading blanks',
  '\u00a0\u3000::error::unicode blanks',
  'mid ##[error]legacy ##[set-output name=x;]y',
  'a\u000b::error::vt\u000c::error::ff'
]

/** What the runner would take as a command in one physical line of stdout. */
const isCommandLine = (line: string): boolean => /^\s*::/.test(line) || line.includes('##[')
/** Physical lines as the runner splits stdout (and as the log viewer breaks them). */
const physicalLines = (text: string): string[] => text.split(/\r\n|[\r\n\u0085\u2028\u2029\v\f]/)

describe('escapeLogLine', () => {
  test.each(HOSTILE)('%j stays one line that is not a command', (text) => {
    const line = escapeLogLine(text)
    expect(physicalLines(line)).toHaveLength(1)
    expect(isCommandLine(line)).toBe(false)
  })

  test('the text stays readable: only a zero-width space is inserted', () => {
    expect(escapeLogLine('::error::x').replace(/\u200b/g, '')).toBe('::error::x')
    expect(escapeLogLine('a ##[group]b').replace(/\u200b/g, '')).toBe('a ##[group]b')
    expect(escapeLogLine('ok: 3 :: fine')).toBe('ok: 3 :: fine')
  })

  test('is idempotent, so a line escaped twice reads the same', () => {
    for (const text of HOSTILE) expect(escapeLogLine(escapeLogLine(text))).toBe(escapeLogLine(text))
  })
})

describe('escapeAnnotation', () => {
  test.each(HOSTILE)('%j keeps its lines, none of them a command', (text) => {
    for (const line of physicalLines(escapeAnnotation(text))) expect(isCommandLine(line)).toBe(false)
  })

  test('keeps several lines (core encodes them into one command line)', () => {
    expect(escapeAnnotation('header:\na: b\nc: d')).toBe('header:\na: b\nc: d')
  })
})

/** Records what would reach the runner, one string per command. */
function recorder(): RunnerCommands & { written: string[] } {
  const written: string[] = []
  return {
    written,
    info: (line) => void written.push(line),
    warning: (message) => void written.push(message),
    setFailed: (message) => void written.push(message),
    debug: (message) => void written.push(message),
    group: async (title, fn) => {
      written.push(title)
      return fn()
    }
  }
}

describe('createRunnerLog', () => {
  test('every kind of line is escaped and redacted', async () => {
    const redactor = new Redactor()
    redactor.add('s3cr3t-token')
    const commands = recorder()
    const log = createRunnerLog(redactor, commands)
    for (const text of HOSTILE) {
      log.info(`${text} s3cr3t-token`)
      log.warning(`${text} s3cr3t-token`)
      log.fail(`${text} s3cr3t-token`)
      log.debug(`${text} s3cr3t-token`)
      await log.group(`${text} s3cr3t-token`, async () => undefined)
    }
    expect(commands.written).toHaveLength(HOSTILE.length * 5)
    for (const text of commands.written) {
      expect(text).not.toContain('s3cr3t-token')
      expect(text).toContain('***')
      for (const line of physicalLines(text)) expect(isCommandLine(line)).toBe(false)
    }
  })

  test('info and group titles are single lines', async () => {
    const commands = recorder()
    const log = createRunnerLog(new Redactor(), commands)
    log.info('a\nb')
    await log.group('c\rd', async () => undefined)
    expect(commands.written).toEqual(['a b', 'c d'])
  })
})
