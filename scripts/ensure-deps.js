// Makes `npm test` work on a fresh machine: the analysis tests need Debian's `prometheus` (and its
// `promtool`). As root we install it; otherwise we stop with the exact command to run.
import { execFileSync, spawnSync } from 'node:child_process'

const major = Number(process.versions.node.split('.')[0])
if (major < 24) {
  console.error(
    `deploy-guard tests need Node 24 (npm scripts use node_modules/.bin/node); got ${process.versions.node}. Run \`npm ci\` first.`
  )
  process.exit(1)
}

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0
if (!has('prometheus') || !has('promtool')) {
  const install = 'apt-get update && apt-get install -y prometheus'
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (!isRoot) {
    console.error(`The test suite needs Debian's prometheus package. Install it with:\n  sudo sh -c '${install}'`)
    process.exit(1)
  }
  console.log(`Installing Debian's prometheus package for the analysis tests: ${install}`)
  execFileSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${install}`], { stdio: 'inherit' })
}
