import { test } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { renderSummary } from '../../src/report/summary.js'
import { buildOutputs } from '../../src/report/outputs.js'
import { renderLogSummary } from '../../src/report/log.js'
import { rolledBackVerify, manualRollback } from './fixtures.js'
test('scratch', () => {
  for (const s of ['rolled-back', 'rolled-back-unhealthy', 'dry-run', 'refused'] as const) {
    const r = rolledBackVerify(s)
    writeFileSync(`/tmp/h10-${s}.md`, renderSummary(r))
    console.log(s, buildOutputs(r, 'x'), renderLogSummary(r).join('\n'))
  }
  writeFileSync(`/tmp/h10-manual.md`, renderSummary(manualRollback()))
})
