/**
 * The `notify-webhook` surface: one Slack-compatible message per run whose outcome is in `notify-on`
 * (default: failed, inconclusive, rolled-back; `passed` only when asked). Delivery problems are one
 * warning naming only the webhook's origin (the URL is the secret); the verdict never changes.
 */
import type { NotifyEvent } from '../config/types.js'
import { runInfo } from '../commands/context.js'
import type { RunResult } from '../model/result.js'
import { effectiveAction } from '../report/rollback-facts.js'
import type { RunSurface, SurfaceContext } from '../report/surfaces.js'
import { versionChanges } from './component-version.js'
import { notificationLead } from './notify-headline.js'
import { buildSlackPayload, type NotificationFacts } from './slack-payload.js'
import { describeWebhook, postWebhook, type DeliveryOptions } from './webhook.js'

/** The outcomes a run counts as: its verdict, and `rolled-back` when an undo landed. */
export function notifyEvents(result: RunResult): NotifyEvent[] {
  const events: NotifyEvent[] = [result.verdict]
  if (effectiveAction(result) === 'rolled-back') events.push('rolled-back')
  return events
}

/** The events of `result` that `notifyOn` asks for (empty: no notification). */
export function matchingEvents(result: RunResult, notifyOn: readonly NotifyEvent[]): NotifyEvent[] {
  return notifyEvents(result).filter((event) => notifyOn.includes(event))
}

/** What the message says besides the result, from the config and the runner's environment. */
export function notificationFacts(result: RunResult, ctx: Pick<SurfaceContext, 'config' | 'env'>): NotificationFacts {
  const run = runInfo(ctx.env)
  const facts: NotificationFacts = {
    lead: notificationLead(result),
    changes: versionChanges(result, ctx.config.version)
  }
  const optional: Partial<NotificationFacts> = {
    environment: ctx.config.records?.environment,
    runUrl: run.url,
    actor: run.actor,
    repository: ctx.env.GITHUB_REPOSITORY || undefined,
    sha: ctx.env.GITHUB_SHA || undefined
  }
  for (const [key, value] of Object.entries(optional)) if (value) Object.assign(facts, { [key]: value })
  return facts
}

export function notifySurface(
  ctx: SurfaceContext,
  delivery: Omit<DeliveryOptions, 'signal'> = {}
): RunSurface | undefined {
  const url = ctx.config.records?.notifyWebhook
  if (!url) return undefined
  const notifyOn = ctx.config.records?.notifyOn ?? []
  const where = `notify-webhook (${describeWebhook(url)})`
  return {
    name: `the notification to ${where}`,
    async finish(result) {
      const events = matchingEvents(result, notifyOn)
      if (!events.length) {
        ctx.log(
          `${where}: not notified (${notifyEvents(result).join(', ')} is not in notify-on: ${notifyOn.join(', ') || 'nothing'})`
        )
        return
      }
      const payload = buildSlackPayload(result, notificationFacts(result, ctx))
      const outcome = await postWebhook(url, payload, { ...delivery, signal: ctx.signal })
      if (outcome.delivered) {
        ctx.log(
          `${where}: notified (${events.join(', ')})${outcome.attempts > 1 ? ` after ${outcome.attempts} attempts` : ''}`
        )
      } else {
        ctx.warn(
          `deploy-guard could not deliver the notification to ${where}: ${outcome.problem}. Check the webhook URL in the secret; the deploy's verdict is unchanged.`
        )
      }
    }
  }
}
