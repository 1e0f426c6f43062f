/** Small wording helpers shared by the GitOps evaluators. */

const LONG_HEX = /\b[0-9a-f]{40}(?:[0-9a-f]{24})?\b/gi

/** Shortens full commit SHAs / sha256 digests to 7 characters anywhere in a revision string (`main@sha1:abc1234`). */
export function shortRevision(revision: string): string {
  return revision.replace(LONG_HEX, (hex) => hex.slice(0, 7))
}

/** Joins the present parts of a description with `sep`, skipping blanks. */
export function joinPresent(parts: Array<string | undefined>, sep = ', '): string {
  return parts.filter((part): part is string => part !== undefined && part.trim() !== '').join(sep)
}

/** Long controller messages (Argo often lists every failing resource) are cut for table cells. */
export function clip(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}
