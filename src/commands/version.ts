/** The version a run is about: configured, or the image tag of the first target's first container. */
import type { DeployGuardConfig } from '../config/types.js'
import type { TargetResult } from '../model/result.js'

export function imageTag(image: string): string | undefined {
  const withoutDigest = image.split('@')[0]
  const lastSlash = withoutDigest.lastIndexOf('/')
  const colon = withoutDigest.lastIndexOf(':')
  return colon > lastSlash ? withoutDigest.slice(colon + 1) : undefined
}

export function resolveVersion(config: DeployGuardConfig, targets: TargetResult[]): string | undefined {
  if (config.version) return config.version
  for (const target of targets) {
    const first = Object.values(target.images ?? {})[0]
    const tag = first ? imageTag(first) : undefined
    if (tag) return tag
  }
  return undefined
}
