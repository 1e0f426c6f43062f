/**
 * A CLI (helm) needs the kubeconfig as a file, while deploy-guard may hold it as content (the
 * `kubeconfig` input, a secret). This writes it to a private temporary file for the duration of one
 * call and removes it afterwards, whatever happens. With no content (KUBECONFIG, ~/.kube/config or
 * in-cluster), the CLI finds the same credentials deploy-guard found, so no file is written.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export async function withKubeconfigFile<T>(
  content: string | undefined,
  use: (path: string | undefined) => Promise<T>,
  dir: string = process.env.RUNNER_TEMP || tmpdir()
): Promise<T> {
  if (!content?.trim()) return use(undefined)
  const folder = await mkdtemp(join(dir, 'deploy-guard-kube-'))
  const path = join(folder, 'kubeconfig')
  try {
    // 0600: it holds credentials; the folder from mkdtemp is 0700 already.
    await writeFile(path, content, { mode: 0o600 })
    return await use(path)
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}
