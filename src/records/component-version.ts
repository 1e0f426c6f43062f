/**
 * Which version each component runs after a run, for the versions file and the notification. Pure.
 *
 * A component is a target, named by the target's name (`deployment/api` → `api`). Its version is the
 * `version` input when set, otherwise the tag of the image of the target's first container.
 *
 * The versions file records what runs *now*, like an SRE's deployment log:
 * - `passed`: the new version of every target;
 * - a rollback whose undo landed: the restored version of each target it landed on (the failed version
 *   no longer runs, so the file must not claim it; a caller that bumped the file before deploying gets
 *   it corrected). The `version` input names the failed deploy, so it is never used for a restored one;
 * - anything else (failed or inconclusive without a landed undo, a dry run's would-be rollback): nothing.
 *   The bad version may still be running, but the file is not the place to claim it.
 */
import type { RunResult, TargetResult } from '../model/result.js'
import { hasLanded } from '../report/rollback-facts.js'
import { targetLabel } from '../report/format.js'

/**
 * The version an image reference names: its tag (`registry:5000/api:v1.2.3` → `v1.2.3`), else its
 * digest (`api@sha256:…` → `sha256:…`), else `latest` (what the runtime pulls for a bare name).
 */
export function imageVersion(image: string): string {
  const at = image.indexOf('@')
  const name = at >= 0 ? image.slice(0, at) : image
  const digest = at >= 0 ? image.slice(at + 1) : ''
  // A colon after the last slash starts the tag; one before it belongs to a registry's port.
  const colon = name.lastIndexOf(':')
  if (colon > name.lastIndexOf('/')) return name.slice(colon + 1)
  return digest || 'latest'
}

/** The version of the first container's image; undefined when the images are unknown. */
export function firstImageVersion(images: Record<string, string> | undefined): string | undefined {
  const first = Object.values(images ?? {})[0]
  return first === undefined ? undefined : imageVersion(first)
}

/** The component name of a target in the versions file. */
export const componentName = (target: TargetResult): string => target.ref.name

/** A target's version change as the notification shows it. */
export interface VersionChange {
  component: string
  target: string
  namespace: string
  old?: string
  new?: string
  /** Set when a rollback's undo landed: the version that runs again. */
  restored?: string
}

/** The version a landed rollback restored: the restored checklist's images, or the previous revision's. */
function restoredVersion(result: RunResult, target: TargetResult): string | undefined {
  const report = (result.rollback?.targets ?? []).find(
    (t) =>
      hasLanded(t) &&
      t.ref.kind === target.ref.kind &&
      t.ref.name === target.ref.name &&
      t.ref.namespace === target.ref.namespace
  )
  if (!report) return undefined
  const fromRestored = firstImageVersion(report.restored?.images)
  if (fromRestored) return fromRestored
  // Not waited for: the previous revision is what the undo went to when the numbers agree.
  if (target.previous && report.toRevision !== undefined && Number(target.previous.revision) === report.toRevision) {
    return firstImageVersion(target.previous.images)
  }
  return undefined
}

/** Old → new (and restored) per target. `versionInput` is the `version` input, when set. */
export function versionChanges(result: RunResult, versionInput?: string): VersionChange[] {
  return result.targets.map((target) => {
    const change: VersionChange = {
      component: componentName(target),
      target: targetLabel(target.ref),
      namespace: target.ref.namespace
    }
    const old = firstImageVersion(target.previous?.images)
    const current = versionInput || firstImageVersion(target.images)
    const restored = restoredVersion(result, target)
    if (old !== undefined) change.old = old
    if (current !== undefined) change.new = current
    if (restored !== undefined) change.restored = restored
    return change
  })
}

/** What the versions file should say after this run, and why a target was left out. */
export interface VersionsToRecord {
  versions: Record<string, string>
  notes: string[]
}

/** The versions to write (see the header for the rules); empty when the run claims none. */
export function versionsToRecord(result: RunResult, versionInput?: string): VersionsToRecord {
  const versions: Record<string, string> = {}
  const notes: string[] = []
  if (result.command === 'snapshot') return { versions, notes: ['a snapshot deploys nothing'] }
  const landed = (result.rollback?.targets ?? []).some(hasLanded)
  if (result.verdict !== 'passed' && !landed) {
    return {
      versions,
      notes: [`the verdict is ${result.verdict} and nothing was rolled back: no new version is claimed`]
    }
  }
  for (const change of versionChanges(result, versionInput)) {
    const version = landed ? change.restored : change.new
    if (version === undefined) {
      notes.push(
        landed
          ? `${change.target}: not rolled back (the run did not pass) or its restored version is unknown; left as it is`
          : `${change.target}: no image known; left as it is`
      )
      continue
    }
    const existing = versions[change.component]
    if (existing !== undefined && existing !== version) {
      notes.push(
        `${change.target}: component ${change.component} already set to ${existing} by another target; ${version} not written`
      )
      continue
    }
    versions[change.component] = version
  }
  return { versions, notes }
}
