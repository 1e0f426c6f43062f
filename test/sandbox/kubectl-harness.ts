/** The real kubectl against a sandbox, for tests that check what a kubectl user sees. */
import { execFile } from 'node:child_process'

export interface KubectlRun {
  code: number
  stdout: string
  stderr: string
}

/** kubectl with the sandbox's kubeconfig; never rejects: a failure is a non-zero `code`. */
export function runKubectl(sandbox: { kubeconfigPath: string }, ...args: string[]): Promise<KubectlRun> {
  return new Promise((resolve) => {
    execFile(
      'kubectl',
      ['--kubeconfig', sandbox.kubeconfigPath, ...args],
      { timeout: 60000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr })
    )
  })
}

/** kubectl's stdout; rejects with its exit code and stderr when it fails. */
export async function kubectlOk(sandbox: { kubeconfigPath: string }, ...args: string[]): Promise<string> {
  const run = await runKubectl(sandbox, ...args)
  if (run.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${run.code}: ${run.stderr}`)
  return run.stdout
}
