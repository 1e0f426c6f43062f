/**
 * The canary command's inputs: `image` (new images for a canary made from the stable Deployment) and
 * `canary-resume` (what a run that finds a paused canary does). Each parser throws a ConfigError at
 * `inputs.<name>`, like the others in inputs.ts; load.ts merges the values into the `canary` section.
 */
import { ONLY_CONTAINER } from '../canary/canary-manifest.js'
import { ConfigError } from './errors.js'

const IMAGE_EXPECTED =
  'expected container=image, one per line (e.g. app=registry/web:2.0.0), or a bare image when the pod has one container'

/** `app=registry/web:2.0.0` per line (or comma-separated), or one bare `registry/web:2.0.0`; undefined when unset. */
export function parseImageInput(value: string): Record<string, string> | undefined {
  const entries = value
    .split(/[\n,]/)
    .map((e) => e.trim())
    .filter(Boolean)
  if (entries.length === 0) return undefined
  const images: Record<string, string> = {}
  const problems: string[] = []
  for (const entry of entries) {
    const eq = entry.indexOf('=')
    const [container, image] =
      eq < 0 ? [ONLY_CONTAINER, entry] : [entry.slice(0, eq).trim(), entry.slice(eq + 1).trim()]
    if (container === '' || image === '' || /\s/.test(image))
      problems.push(`${IMAGE_EXPECTED}, got ${JSON.stringify(entry)}`)
    else if (container in images) problems.push(`container "${container}" is given twice`)
    else images[container] = image
  }
  if (ONLY_CONTAINER in images && entries.length > 1)
    problems.push('a bare image stands for the only container: with several entries, name each container (app=…)')
  if (problems.length > 0) throw new ConfigError(problems.map((message) => ({ path: 'inputs.image', message })))
  return images
}

/** `start` (default), `continue` or `abort`; undefined when unset. */
export function parseCanaryResume(value: string): 'start' | 'continue' | 'abort' | undefined {
  const text = value.trim().toLowerCase()
  if (text === '') return undefined
  if (text === 'start' || text === 'continue' || text === 'abort') return text
  throw new ConfigError([
    {
      path: 'inputs.canary-resume',
      message: `expected start (a new canary; refuse if one is paused), continue (go on from the paused step) or abort (restore the routing, canary to 0), got ${JSON.stringify(value)}`
    }
  ])
}
