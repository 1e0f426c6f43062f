/** Wording of the router's errors: one line each, naming the object, the field, and what to do. Pure. */
import type { ForeignChange, TrackedObject } from './types.js'

/** `HTTPRoute shop/web` */
export function objectLabel(tracked: Pick<TrackedObject, 'type' | 'namespace' | 'name'>): string {
  return `${tracked.type.kind} ${tracked.namespace}/${tracked.name}`
}

function shown(value: unknown): string {
  return value === undefined ? '(absent)' : JSON.stringify(value)
}

export function describeChanges(
  object: string,
  gone: boolean,
  changes: readonly ForeignChange[],
  during: 'setWeight' | 'restore'
): string {
  const what = gone
    ? `${object} was deleted`
    : changes.length === 0
      ? `${object} changed while deploy-guard was writing it`
      : changes.map((c) => `${c.path} is ${shown(c.found)} where deploy-guard expected ${shown(c.expected)}`).join(', ')
  const prefix = gone ? '' : `${object}: `
  const then =
    during === 'setWeight'
      ? 'nothing was overwritten; abort the canary and check who else edits this route'
      : 'their value was left in place; check the route by hand before the next canary'
  return `the route was changed by someone else: ${prefix}${what}; ${then}`
}
