/**
 * Runs a sandbox cluster until SIGINT/SIGTERM:
 *   npm run sandbox -- --scenario FILE [--port N] [--kubeconfig-out PATH] [--time-scale X]
 * Prints exactly one line, `sandbox ready: kubeconfig=PATH url=URL`, once it accepts requests.
 * Faults come from the scenario file (a `faults:` document) or, while it runs, from the control
 * endpoint `URL/_sandbox/faults` (README.md "Fault injection").
 */
import { parseArgs } from 'node:util'
import { startSandbox } from './index.js'

function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got "${value}"`)
  return n
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string' },
      port: { type: 'string' },
      'kubeconfig-out': { type: 'string' },
      'time-scale': { type: 'string' }
    },
    strict: true
  })
  const sandbox = await startSandbox({
    scenario: values.scenario,
    port: numberOption('port', values.port),
    kubeconfigPath: values['kubeconfig-out'],
    timeScale: numberOption('time-scale', values['time-scale'])
  })
  process.stdout.write(`sandbox ready: kubeconfig=${sandbox.kubeconfigPath} url=${sandbox.url}\n`)
  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    sandbox.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`sandbox: error while stopping: ${String(error)}\n`)
        process.exit(1)
      }
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
