/**
 * Regenerates the README's fault-matrix table from cases.ts and the last run's observed.json:
 *   npm run test:faults           # runs the matrix, writes test/faults/observed.json
 *   npm run test:faults:table     # rewrites the table in README.md
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { cases } from './cases.js'
import { readObserved } from './observed.js'
import { renderMatrix, replaceMatrix } from './table-render.js'

const readmePath = join(import.meta.dirname, '..', '..', 'README.md')
const readme = readFileSync(readmePath, 'utf8')
const next = replaceMatrix(readme, renderMatrix(cases, readObserved()))
writeFileSync(readmePath, next)
process.stdout.write(
  next === readme ? 'README.md fault matrix already up to date\n' : 'README.md fault matrix updated\n'
)
