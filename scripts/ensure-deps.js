// Makes `npm test` work on a fresh machine: the analysis tests need Debian's `prometheus` (and its
// `promtool`), the alerts tests Debian's `prometheus-alertmanager`; the rendered-report test needs
// Debian's `chromium` and the colour emoji font (without it the reports' ✅/❌ render as boxes). As
// root we install what is missing; otherwise we stop with the exact command to run.
import { execFileSync, spawnSync } from 'node:child_process'

const major = Number(process.versions.node.split('.')[0])
if (major < 24) {
  console.error(
    `deploy-guard tests need Node 24 (npm scripts use node_modules/.bin/node); got ${process.versions.node}. Run \`npm ci\` first.`
  )
  process.exit(1)
}

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0
const hasPackage = (name) => spawnSync('dpkg', ['-s', name], { stdio: 'ignore' }).status === 0

/** Debian packages the suite needs, each with why, and whether this machine already has it. */
const needed = [
  { name: 'prometheus', why: 'the analysis tests', present: has('prometheus') && has('promtool') },
  { name: 'prometheus-alertmanager', why: 'the alerts tests', present: has('prometheus-alertmanager') },
  { name: 'chromium', why: 'the rendered-report test', present: has('chromium') },
  {
    name: 'fonts-noto-color-emoji',
    why: 'emoji in the rendered reports',
    present: hasPackage('fonts-noto-color-emoji')
  }
]
const missing = needed.filter((p) => !p.present)
if (missing.length) {
  const names = missing.map((p) => p.name).join(' ')
  const install = `apt-get update && apt-get install -y ${names}`
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (!isRoot) {
    const list = missing.map((p) => `${p.name} (${p.why})`).join(', ')
    console.error(`The test suite needs these Debian packages: ${list}. Install them with:\n  sudo sh -c '${install}'`)
    process.exit(1)
  }
  console.log(`Installing Debian packages for ${missing.map((p) => p.why).join(', ')}: ${install}`)
  execFileSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${install}`], { stdio: 'inherit' })
}
