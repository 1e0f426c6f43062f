/**
 * `npm run bench`: runs each benchmark in turn and prints its figures with the machine's context,
 * each beside its target where it has one, then the targets missed. Figures, not pass/fail.
 * `npm run bench -- --compare` runs only the side-by-side comparison with kubectl (bench/compare.ts).
 * Add a benchmark by adding it to `benches`.
 */
import { cpus, totalmem } from 'node:os'
import { formatFigure, meetsTarget, type BenchFigure } from './figure.js'
import { benchSandbox } from './sandbox.js'
import { benchVerifyLarge } from './verify-large.js'
import { benchVerifyMany } from './verify-many.js'
import { benchDetection } from './detection.js'
import { benchColdStart } from './cold-start.js'
import { benchRollback } from './rollback.js'
import { benchCanary } from './canary.js'
import { benchCompare } from './compare.js'

const COMPARE = 'compare: verify and rollback of a 50-pod Deployment, deploy-guard beside the kubectl checklist'

const benches: Array<{ name: string; run: () => Promise<BenchFigure[]> }> = [
  { name: 'sandbox: paginated LIST of 10,000 pods', run: benchSandbox },
  { name: 'start-up: cold start to first API request, bundle size, peak RSS', run: benchColdStart },
  { name: 'verify: one Deployment with 5,000 pods and 20,000 events', run: benchVerifyLarge },
  { name: 'verify: 200 Deployments in one run', run: benchVerifyMany },
  { name: 'analysis: detection latency (1 s scrape, 1 s interval)', run: benchDetection },
  { name: 'rollback: failed verdict → undo PATCH, API requests per undo beside kubectl', run: benchRollback },
  { name: 'canary: time to abort for a 5× error regression, API requests per step', run: benchCanary },
  { name: COMPARE, run: benchCompare }
]

async function main(): Promise<void> {
  const cpu = cpus()
  console.log(
    `machine: ${cpu.length} cpus (${cpu[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.versions.node}, ${process.platform}/${process.arch}`
  )
  const selected = process.argv.includes('--compare') ? benches.filter((b) => b.name === COMPARE) : benches
  const missed: string[] = []
  for (const bench of selected) {
    console.log(`\n# ${bench.name}`)
    try {
      for (const f of await bench.run()) {
        console.log(formatFigure(f))
        if (meetsTarget(f) === false) missed.push(formatFigure({ ...f, note: undefined }))
      }
    } catch (error) {
      console.log(`failed: ${error instanceof Error ? error.message : String(error)}`)
      process.exitCode = 1
    }
  }
  console.log(
    missed.length === 0
      ? '\ntargets: all met'
      : `\ntargets missed (${missed.length}):\n${missed.map((m) => `- ${m}`).join('\n')}`
  )
}

await main()
