/**
 * Row 7: the expected version runs everywhere. The template must match `expect.image(s)` when given,
 * and every current pod's containers must run the expected (or else the template's) images. Pure.
 */
import type { CheckDetail, CheckResult } from '../../model/result.js'
import { bounded } from '../format.js'
import { sameImage } from '../images.js'
import type { CheckContext } from './context.js'
import { templateImages } from '../../kube/workload/template.js'

/** Expected image per container: expect.images, else expect.image for every container, else the template. */
export function expectedImages(
  template: Record<string, string>,
  expect: CheckContext['settings']['expect']
): Record<string, string> {
  if (expect.images) return { ...expect.images }
  if (expect.image) return Object.fromEntries(Object.keys(template).map((name) => [name, expect.image as string]))
  return template
}

const describe = (images: Record<string, string>): string => {
  const entries = Object.entries(images)
  if (entries.length === 1) return entries[0]?.[1] ?? ''
  return entries.map(([name, image]) => `${name}=${image}`).join(', ')
}

export function imagesCheck(ctx: CheckContext): CheckResult {
  const template = templateImages(ctx.snapshot.object)
  const expected = expectedImages(template, ctx.settings.expect)
  const row = { id: 'images', title: 'Expected version running', expected: describe(expected) }
  const problems: CheckDetail[] = []
  for (const [container, image] of Object.entries(expected)) {
    const actual = template[container]
    if (actual === undefined)
      problems.push({
        title: `template`,
        facts: [{ label: container, value: 'no such container in the pod template' }]
      })
    else if (!sameImage(actual, image))
      problems.push({ title: 'template', facts: [{ label: container, value: `${actual} (expected ${image})` }] })
  }
  const podProblems: CheckDetail[] = []
  for (const pod of ctx.snapshot.pods) {
    if (pod.metadata.deletionTimestamp) continue
    const running = Object.fromEntries((pod.spec?.containers ?? []).map((c) => [c.name, c.image ?? '']))
    const wrong = Object.entries(expected).filter(
      ([name, image]) => running[name] === undefined || !sameImage(running[name] as string, image)
    )
    if (wrong.length > 0) {
      podProblems.push({
        title: `pod ${pod.metadata.name}`,
        facts: wrong.map(([name, image]) => ({
          label: name,
          value: `${running[name] ?? 'missing'} (expected ${image})`
        }))
      })
    }
  }
  const podCount = ctx.pods.length
  if (problems.length === 0 && podProblems.length === 0) {
    return {
      ...row,
      actual:
        podCount === 1
          ? `the 1 pod runs ${describe(expected)}`
          : podCount > 0
            ? `all ${podCount} pods run ${describe(expected)}`
            : `template runs ${describe(template)}`,
      status: 'passed'
    }
  }
  // expect.image applies to every container; with a sidecar in the template that is rarely what was
  // meant, so say how to name the one container that should run it.
  const hint =
    !ctx.settings.expect.images && ctx.settings.expect.image && Object.keys(template).length > 1
      ? ` expect.image applies to every container (${Object.keys(template).join(', ')}); use expect.images to check only some.`
      : ''
  const reason =
    (problems.length > 0
      ? `The pod template does not run the expected image: ${problems
          .flatMap((p) => p.facts ?? [])
          .map((f) => `${f.label} ${f.value}`)
          .join('; ')}.`
      : `${podProblems.length} of ${podCount} pods do not run the expected image.`) + hint
  return {
    ...row,
    actual:
      problems.length > 0
        ? `template runs ${describe(template)}`
        : `${podCount - podProblems.length}/${podCount} pods run the expected image`,
    status: 'failed',
    reason,
    details: [...problems, ...bounded(podProblems, 10, (d) => d, 'pods')]
  }
}
