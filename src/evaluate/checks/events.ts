/** Row 6: no Warning events since the rollout began for the workload, its current revision owner and its pods. Pure. */
import type { CheckResult } from '../../model/result.js'
import { MAX_EVENTS_LISTED } from '../details.js'
import { warningEventsSince, type EventSubject } from '../events.js'
import { bounded, plural } from '../format.js'
import type { CheckContext } from './context.js'

export function eventSubjects(ctx: Pick<CheckContext, 'snapshot'>): EventSubject[] {
  const { object, revision, pods } = ctx.snapshot
  const subjects: EventSubject[] = [{ kind: object.kind ?? '', name: object.metadata.name, uid: object.metadata.uid }]
  if (revision) subjects.push({ kind: revision.owner.kind, name: revision.owner.name, uid: revision.owner.uid })
  for (const p of pods) subjects.push({ kind: 'Pod', name: p.metadata.name, uid: p.metadata.uid })
  return subjects
}

export function eventsCheck(ctx: CheckContext): CheckResult {
  const unreadable = ctx.snapshot.unavailable?.events
  if (unreadable !== undefined) {
    // Not seeing events is not the same as there being none: never a pass.
    return {
      id: 'events',
      title: 'No Warning events',
      expected: `none since ${ctx.since.toISOString()}`,
      actual: 'not checked',
      status: 'inconclusive',
      reason: `Warning events: ${unreadable}`
    }
  }
  const groups = warningEventsSince(ctx.snapshot.events, {
    subjects: eventSubjects(ctx),
    since: ctx.since,
    ignoreReasons: ctx.settings.ignoreEventReasons
  })
  const total = groups.reduce((sum, g) => sum + g.count, 0)
  const row = {
    id: 'events',
    title: 'No Warning events',
    expected: `none since ${ctx.since.toISOString()}`,
    actual: total === 0 ? 'none' : `${plural(total, 'Warning event')} (${groups.length} distinct)`
  }
  if (groups.length === 0) return { ...row, status: 'passed' }
  const first = groups[0]
  return {
    ...row,
    status: 'failed',
    reason: `${plural(total, 'Warning event')} since the rollout began, e.g. ${first?.reason} on ${first?.object}: ${first?.message}`,
    details: bounded(
      groups,
      MAX_EVENTS_LISTED,
      (g) => ({
        title: `Warning ${g.reason}`,
        facts: [
          { label: 'object', value: g.object },
          { label: 'count', value: String(g.count) },
          { label: 'last seen', value: g.lastSeen ?? 'unknown' },
          { label: 'message', value: g.message }
        ]
      }),
      'events'
    )
  }
}
