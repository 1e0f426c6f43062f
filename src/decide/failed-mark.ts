/**
 * The failed-revision mark (`deploy-guard.io/failed-revision`): builder, parser and lookup. Pure.
 *
 * Why: "never roll back *to* a revision marked failed" is what stops two failing runs from flipping a
 * workload between two bad versions. The value is JSON `{"version":1,"marks":[...]}`, newest first,
 * each mark naming the revision by number and template hash (numbers are renumbered by an undo), with
 * the reason and the run that judged it. Bounded: at most MAX_MARKS marks, MAX_VALUE_CHARS in all.
 */
import * as z from 'zod'
import {
  FAILED_REVISION_ANNOTATION,
  type FailedRevisionMark,
  type HistoryRevision,
  type RevisionRef
} from '../model/rollback.js'
import { boundedText, LABEL_VALUE, readJsonAnnotation, type AnnotationRead } from './annotation-json.js'
import { sameRevision } from './revision-match.js'

export const MAX_MARKS = 10
export const MAX_VALUE_CHARS = 8192
export const MAX_REASON_CHARS = 300
const MAX_URL_CHARS = 500
const RUN_URL = /^https?:\/\/[^\s]+$/

const markSchema = z.strictObject({
  revision: z.number().int().positive(),
  templateHash: z.string().regex(LABEL_VALUE, 'expected a template hash (a label value)').optional(),
  reason: z.string().max(MAX_REASON_CHARS * 2),
  runUrl: z.string().max(MAX_URL_CHARS).regex(RUN_URL, 'expected an http(s) URL').optional(),
  at: z.iso.datetime({ offset: true })
})

const valueSchema = z.strictObject({
  version: z.literal(1),
  marks: z.array(markSchema).max(MAX_MARKS)
})

/** The marks stored in the annotation; `ok: false` with the reason when it is missing or malformed. */
export function parseFailedMarks(raw: string | undefined): AnnotationRead<FailedRevisionMark[]> {
  const read = readJsonAnnotation(FAILED_REVISION_ANNOTATION, raw, valueSchema, MAX_VALUE_CHARS)
  if (!read.ok) return read
  // The reason is outside text even after validation: flatten it the same way the builder does.
  return {
    ok: true,
    value: read.value.marks.map((m) => ({ ...m, reason: boundedText(m.reason, MAX_REASON_CHARS) }))
  }
}

export interface MarkUpdate {
  /** The annotation value to write. */
  value: string
  /** Set when the existing value could not be read and was replaced: report it, do not hide it. */
  replacedUnreadable?: string
}

/**
 * The annotation value with `mark` added (newest first). An existing mark for the same revision is
 * replaced; the oldest marks are dropped to stay within MAX_MARKS and MAX_VALUE_CHARS. An unset
 * existing value starts a new list; an unreadable one is replaced and the reason returned.
 */
export function addFailedMark(existing: string | undefined, mark: FailedRevisionMark): MarkUpdate {
  const read = existing === undefined || existing === '' ? undefined : parseFailedMarks(existing)
  const previous = read?.ok ? read.value : []
  const fresh: FailedRevisionMark = {
    revision: mark.revision,
    // Anything the parser would reject is left out rather than written: an unreadable mark protects nothing.
    ...(mark.templateHash !== undefined && LABEL_VALUE.test(mark.templateHash)
      ? { templateHash: mark.templateHash }
      : {}),
    reason: boundedText(mark.reason, MAX_REASON_CHARS),
    ...(mark.runUrl !== undefined && mark.runUrl.length <= MAX_URL_CHARS && RUN_URL.test(mark.runUrl)
      ? { runUrl: mark.runUrl }
      : {}),
    at: mark.at
  }
  const marks = [fresh, ...previous.filter((m) => !sameRevision(m, fresh))].slice(0, MAX_MARKS)
  let value = JSON.stringify({ version: 1, marks })
  while (value.length > MAX_VALUE_CHARS && marks.length > 1) {
    marks.pop()
    value = JSON.stringify({ version: 1, marks })
  }
  return read && !read.ok ? { value, replacedUnreadable: read.reason } : { value }
}

/** The mark that names this revision, if any (hash first, number when a hash is missing). */
export function findFailedMark(
  revision: RevisionRef,
  marks: readonly FailedRevisionMark[]
): FailedRevisionMark | undefined {
  return marks.find((m) => sameRevision(m, revision))
}

/** History entries with their failed marks attached: the shape `chooseRollbackTarget` reads. */
export function withFailedMarks(
  history: readonly RevisionRef[],
  marks: readonly FailedRevisionMark[]
): HistoryRevision[] {
  return history.map((h) => {
    const failedMark = findFailedMark(h, marks)
    return failedMark ? { ...h, failedMark } : { ...h }
  })
}
