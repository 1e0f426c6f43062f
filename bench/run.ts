/**
 * `npm run bench`: runs each benchmark in turn and prints its figures with the machine's context.
 * Figures, not pass/fail. Add a benchmark by adding it to `benches`.
 */
import { cpus, totalmem } from 'node:os'
import type { BenchFigure } from './figure.js'
import { benchSandbox } from './sandbox.js'
import { benchVerifyLarge } from './verify-large.js'
import { benchDetection } from './detection.js'
import { benchColdStart } from './cold-start.js'
import { benchRollback } from './rollback.js'

const benches: Array<{ name: string; run: () => Promise<BenchFigure[]> }> = [
  { name: 'sandbox: paginated LIST of 10,000 pods', run: benchSandbox },
  { name: 'start-up: cold start to first API request, bundle size, peak RSS', run: benchColdStart },
  { name: 'verify: one Deployment with 5,000 pods and 20,000 events', run: benchVerifyLarge },
  { name: 'analysis: detection latency (1 s scrape, 1 s interval)', run: benchDetection },
  { name: 'rollback: failed verdict → undo PATCH, API requests per undo beside kubectl', run: benchRollback }
]

async function main(): Promise<void> {
  const cpu = cpus()
  console.log(
    `machine: ${cpu.length} cpus (${cpu[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.versions.node}, ${process.platform}/${process.arch}`
  )
  for (const bench of benches) {
    console.log(`\n# ${bench.name}`)
    try {
      for (const f of await bench.run()) console.log(`${f.name}: ${f.value} ${f.unit}${f.note ? ` (${f.note})` : ''}`)
    } catch (error) {
      console.log(`failed: ${error instanceof Error ? error.message : String(error)}`)
      process.exitCode = 1
    }
  }
}

await main()
