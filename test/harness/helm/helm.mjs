// A Helm 3 stand-in for tests that behaves: see README.md beside this file. Plain JavaScript so that
// it runs with the machine's node and no build step, as a CLI on PATH would.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { gzipSync, gunzipSync } from 'node:zlib'
import { parseAllDocuments } from 'yaml'

const args = process.argv.slice(2)
const flags = {}
const positional = []
const BOOLEAN_FLAGS = new Set(['wait', 'short', 'debug', 'dry-run'])
for (let i = 0; i < args.length; i++) {
  const arg = args[i]
  if (arg.startsWith('--')) {
    const [key, inline] = arg.slice(2).split('=', 2)
    if (inline !== undefined) flags[key] = inline
    else if (BOOLEAN_FLAGS.has(key)) flags[key] = 'true'
    else flags[key] = args[++i]
  } else if (arg === '-n') flags.namespace = args[++i]
  else if (arg === '-o') flags.output = args[++i]
  else positional.push(arg)
}
const namespace = flags.namespace ?? 'default'

function fail(message, code = 1) {
  process.stderr.write(`Error: ${message}\n`)
  process.exit(code)
}

function kubectl(argv, input) {
  const base = []
  if (flags.kubeconfig) base.push('--kubeconfig', flags.kubeconfig)
  if (flags['kube-context']) base.push('--context', flags['kube-context'])
  const result = spawnSync('kubectl', [...base, ...argv], { input, encoding: 'utf8' })
  if (result.status !== 0) throw new Error((result.stderr || result.stdout || 'kubectl failed').trim())
  return result.stdout
}

const secretName = (release, version) => `sh.helm.release.v1.${release}.v${version}`

function decode(secret) {
  const helmEncoded = Buffer.from(secret.data.release, 'base64').toString('latin1')
  const payload = Buffer.from(helmEncoded, 'base64')
  return JSON.parse((payload[0] === 0x1f ? gunzipSync(payload) : payload).toString('utf8'))
}

function encode(release) {
  return Buffer.from(gzipSync(Buffer.from(JSON.stringify(release))).toString('base64')).toString('base64')
}

function history(release) {
  const list = JSON.parse(
    kubectl(['get', 'secrets', '-n', namespace, '-l', `owner=helm,name=${release}`, '-o', 'json'])
  )
  return list.items
    .map((s) => ({ secret: s, release: decode(s) }))
    .sort((a, b) => a.release.version - b.release.version)
}

function writeRelease(rel, create) {
  const secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'helm.sh/release.v1',
    metadata: {
      name: secretName(rel.name, rel.version),
      namespace,
      labels: { owner: 'helm', name: rel.name, status: rel.info.status, version: String(rel.version) }
    },
    data: { release: encode(rel) }
  }
  kubectl([create ? 'create' : 'replace', '-f', '-'], JSON.stringify(secret))
}

function objectsOf(manifest) {
  return parseAllDocuments(manifest ?? '')
    .map((doc) => doc.toJS())
    .filter((o) => o && typeof o === 'object' && o.kind && o.metadata?.name)
}

const refOf = (o) => `${o.kind.toLowerCase()}/${o.metadata.name}`

/** Puts the cluster in the state of `target`'s manifest (what Helm's three-way merge does when nobody else edited). */
function applyManifest(current, target, releaseName) {
  const wanted = objectsOf(target)
  const wantedRefs = new Set(wanted.map(refOf))
  for (const obj of wanted) {
    obj.metadata.namespace ??= namespace
    obj.metadata.labels = { ...obj.metadata.labels, 'app.kubernetes.io/managed-by': 'Helm' }
    obj.metadata.annotations = {
      ...obj.metadata.annotations,
      'meta.helm.sh/release-name': releaseName,
      'meta.helm.sh/release-namespace': namespace
    }
    let live
    try {
      live = JSON.parse(kubectl(['get', refOf(obj), '-n', namespace, '-o', 'json']))
    } catch {
      kubectl(['create', '-f', '-'], JSON.stringify(obj))
      continue
    }
    const patch = [
      { op: 'replace', path: '/spec', value: obj.spec },
      { op: 'replace', path: '/metadata/labels', value: { ...live.metadata.labels, ...obj.metadata.labels } },
      {
        op: 'replace',
        path: '/metadata/annotations',
        value: { ...live.metadata.annotations, ...obj.metadata.annotations }
      }
    ]
    kubectl(['patch', refOf(obj), '-n', namespace, '--type', 'json', '-p', JSON.stringify(patch)])
  }
  for (const obj of objectsOf(current)) {
    if (!wantedRefs.has(refOf(obj))) kubectl(['delete', refOf(obj), '-n', namespace, '--ignore-not-found'])
  }
  return wanted
}

function waitFor(objects) {
  const timeout = flags.timeout ?? '5m0s'
  for (const obj of objects) {
    if (!['Deployment', 'StatefulSet', 'DaemonSet'].includes(obj.kind)) continue
    kubectl(['rollout', 'status', refOf(obj), '-n', namespace, `--timeout=${timeout}`])
  }
}

function rollback(name, revisionText) {
  if (process.env.DG_FAKE_HELM_FAIL === 'rollback') fail('an error occurred while rolling back the release')
  const requested = revisionText === undefined ? 0 : Number(revisionText)
  if (!Number.isInteger(requested) || requested < 0) fail('invalid release revision')
  const all = history(name)
  if (all.length === 0) fail('release: not found')
  const current = all[all.length - 1].release
  const previousVersion = requested === 0 ? current.version - 1 : requested
  const previous = all.find((h) => h.release.version === previousVersion)?.release
  if (!previous) fail(`release has no ${previousVersion} version`)
  const now = new Date().toISOString()
  const target = {
    ...previous,
    version: current.version + 1,
    info: {
      ...previous.info,
      first_deployed: current.info.first_deployed,
      last_deployed: now,
      status: 'pending-rollback',
      description: `Rollback to ${previousVersion}`
    }
  }
  writeRelease(target, true)
  let objects
  try {
    objects = applyManifest(current.manifest, previous.manifest, name)
    if (flags.wait === 'true') waitFor(objects)
  } catch (error) {
    target.info.status = 'failed'
    target.info.description = `Rollback "${name}" failed: ${error.message}`
    writeRelease(target, false)
    fail(`an error occurred while rolling back the release. original rollback error: ${error.message}`)
  }
  for (const h of all) {
    if (h.release.info.status === 'deployed') {
      h.release.info.status = 'superseded'
      writeRelease(h.release, false)
    }
  }
  target.info.status = 'deployed'
  writeRelease(target, false)
  process.stdout.write('Rollback was a success! Happy Helming!\n')
}

function installFixture(name) {
  const manifest = readFileSync(flags.manifest, 'utf8')
  const [chartName, chartVersion] = (flags.chart ?? `${name}-0.1.0`).split(/-(?=\d)/)
  const all = history(name)
  const current = all[all.length - 1]?.release
  const version = (current?.version ?? 0) + 1
  const objects = applyManifest(current?.manifest, manifest, name)
  if (flags.wait === 'true') waitFor(objects)
  for (const h of all) {
    if (h.release.info.status === 'deployed') {
      h.release.info.status = 'superseded'
      writeRelease(h.release, false)
    }
  }
  const now = new Date().toISOString()
  writeRelease(
    {
      name,
      namespace,
      version,
      info: {
        status: 'deployed',
        description: version === 1 ? 'Install complete' : 'Upgrade complete',
        first_deployed: current?.info.first_deployed ?? now,
        last_deployed: now
      },
      chart: { metadata: { name: chartName, version: chartVersion, appVersion: flags['app-version'] ?? chartVersion } },
      config: {},
      manifest
    },
    true
  )
  process.stdout.write(`Release "${name}" has been upgraded. Happy Helming!\nREVISION: ${version}\n`)
}

function printHistory(name) {
  const all = history(name)
  if (all.length === 0) fail('release: not found')
  const rows = all.map(({ release: r }) => ({
    revision: r.version,
    updated: r.info.last_deployed,
    status: r.info.status,
    chart: `${r.chart.metadata.name}-${r.chart.metadata.version}`,
    app_version: r.chart.metadata.appVersion,
    description: r.info.description
  }))
  if (flags.output === 'json') process.stdout.write(JSON.stringify(rows) + '\n')
  else for (const r of rows) process.stdout.write(`${r.revision}\t${r.status}\t${r.chart}\t${r.description}\n`)
}

try {
  const [command, ...rest] = positional
  switch (command) {
    case 'version':
      process.stdout.write('v3.99.0+sandbox\n')
      break
    case 'rollback':
      if (!rest[0]) fail('"helm rollback" requires at least 1 argument')
      rollback(rest[0], rest[1])
      break
    case 'history':
      printHistory(rest[0])
      break
    case 'install-fixture':
      installFixture(rest[0])
      break
    default:
      fail(`unknown command "${command}" for "helm" (this test stand-in implements version, history, rollback)`)
  }
} catch (error) {
  fail(error.message)
}
