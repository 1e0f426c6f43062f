/**
 * The `rollback` section: when deploy-guard undoes a failed deploy, to what, and how for workloads
 * that Helm or Argo CD manage. Inputs (`rollback-on-failure`, `rollback-on-inconclusive`,
 * `rollback-to`) override these keys (src/config/load.ts).
 */
import * as z from 'zod'
import { strictObject } from './schema-parts.js'
import type { RollbackConfig } from './types.js'

const bool = z.boolean({ error: 'expected true or false' })

const ROLLBACK_TO_EXPECTED = 'expected recorded, previous or a revision number'

/** `recorded` | `previous` | a positive revision number (also written as a quoted string, `"3"`). */
const rollbackTo = z.unknown().transform((value, ctx): RollbackConfig['to'] => {
  if (value === 'recorded' || value === 'previous') return value
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value
  if (typeof n === 'number' && Number.isInteger(n) && n > 0) return n
  ctx.addIssue({ code: 'custom', message: ROLLBACK_TO_EXPECTED, input: value })
  return 'recorded'
})

export const rollbackSchema = strictObject({
  onFailure: bool.default(true),
  onInconclusive: bool.default(false),
  to: rollbackTo.default('recorded'),
  helm: z
    .enum(['helm', 'kubectl'], { error: 'expected helm (helm rollback) or kubectl (a plain undo)' })
    .default('helm'),
  argocd: z
    .enum(['refuse', 'sync'], { error: 'expected refuse or sync (what `argocd app rollback` does)' })
    .default('refuse'),
  forceStatefulSet: bool.default(false),
  analysis: bool.default(false)
})

const rollbackMatches: z.output<typeof rollbackSchema> extends Omit<RollbackConfig, 'reason'> ? true : false = true
void rollbackMatches
