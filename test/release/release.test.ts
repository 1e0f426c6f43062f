/**
 * scripts/release.sh, run for real against throwaway repositories: each case makes a repository with the
 * files a release looks at (package.json, CHANGELOG.md, dist/, the script itself), pushes it to a local
 * bare repository, clones that (a clean clone, as the release workflow's checkout is), and runs the script
 * there. What is tagged is read back from the bare "remote".
 *
 * The build and the test command are stubbed through RELEASE_BUILD_CMD / RELEASE_TEST_CMD, except in one
 * case, which runs the default build (scripts/build-to.sh, the real bundler) on a tiny source.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

const ROOT = resolve('.')
const scratch = mkdtempSync(join(tmpdir(), 'dg-release-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

// A git that ignores the machine's own configuration, with a fixed identity.
const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Release Test',
  GIT_AUTHOR_EMAIL: 'release@example.com',
  GIT_COMMITTER_NAME: 'Release Test',
  GIT_COMMITTER_EMAIL: 'release@example.com'
}

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`)
  return result.stdout.trim()
}

function write(dir: string, path: string, content: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true })
  writeFileSync(join(dir, path), content)
}

const CHANGELOG = (versions: string[]): string =>
  [
    '# Changelog',
    '',
    '## [Unreleased]',
    '',
    ...versions.flatMap((version) => [
      `## [${version}] - 2026-11-30`,
      '',
      `### Added`,
      '',
      `- Feature of ${version}.`,
      ''
    ])
  ].join('\n')

/** The bundle the stubbed build produces: dist/ is fresh when it holds exactly this. */
const FRESH_BUNDLE = 'console.log("fresh build")\n'

interface Clone {
  /** The clean clone the script runs in. */
  dir: string
  /** The bare repository that stands for GitHub (the clone's `origin`). */
  bare: string
  run: (args: string[], env?: NodeJS.ProcessEnv) => { status: number | null; out: string; err: string }
  /** The bare repository's tags, each with the commit it names. */
  remoteTags: () => Record<string, string>
  localTags: () => string[]
  head: () => string
}

let repos = 0
/** A repository at `version` whose dist/ holds `bundle`, pushed to a bare repository and cloned clean. */
function clone(
  options: { version?: string; bundle?: string; changelog?: string[]; extra?: Record<string, string> } = {}
): Clone {
  const base = join(scratch, `repo-${repos++}`)
  const seed = join(base, 'seed')
  const bare = join(base, 'remote.git')
  const dir = join(base, 'clone')
  mkdirSync(seed, { recursive: true })
  git(seed, 'init', '-q', '-b', 'main')
  write(
    seed,
    'package.json',
    JSON.stringify({ name: 'deploy-guard', version: options.version ?? '1.0.0' }, null, 2) + '\n'
  )
  write(seed, 'CHANGELOG.md', CHANGELOG(options.changelog ?? [options.version ?? '1.0.0']))
  write(seed, 'dist/index.js', options.bundle ?? FRESH_BUNDLE)
  for (const [path, content] of Object.entries(options.extra ?? {})) write(seed, path, content)
  mkdirSync(join(seed, 'scripts'), { recursive: true })
  copyFileSync(join(ROOT, 'scripts/release.sh'), join(seed, 'scripts/release.sh'))
  git(seed, 'add', '-A')
  git(seed, 'commit', '-q', '-m', 'seed')
  git(base, 'init', '-q', '--bare', '-b', 'main', bare)
  git(seed, 'push', '-q', bare, 'main')
  git(base, 'clone', '-q', bare, dir)
  const fresh = join(base, 'fresh-dist')
  write(fresh, 'index.js', FRESH_BUNDLE)
  const stubs: NodeJS.ProcessEnv = { RELEASE_BUILD_CMD: `cp -r ${fresh}`, RELEASE_TEST_CMD: 'true' }
  return {
    dir,
    bare,
    run: (args, env = {}) => {
      const result = spawnSync('bash', ['scripts/release.sh', ...args], {
        cwd: dir,
        env: { ...GIT_ENV, ...stubs, ...env },
        encoding: 'utf8',
        timeout: 90_000
      })
      return { status: result.status, out: result.stdout, err: result.stderr }
    },
    remoteTags: () =>
      Object.fromEntries(
        git(base, 'ls-remote', '--tags', bare)
          .split('\n')
          .filter(Boolean)
          // An annotated tag's `^{}` line (the commit) follows its own line (the tag object) and wins.
          .map((line) => {
            const [sha, ref] = line.split('\t') as [string, string]
            return [ref.replace(/^refs\/tags\//, '').replace(/\^\{\}$/, ''), sha]
          })
      ),
    localTags: () => git(dir, 'tag', '--list').split('\n').filter(Boolean),
    head: () => git(dir, 'rev-parse', 'HEAD')
  }
}

/** A new commit on the clone's current branch, pushed. */
function commitAndPush(repo: Clone, path: string, content: string, branch = 'main'): void {
  write(repo.dir, path, content)
  git(repo.dir, 'add', '-A')
  git(repo.dir, 'commit', '-q', '-m', `change ${path}`)
  git(repo.dir, 'push', '-q', 'origin', branch)
}

describe('scripts/release.sh (acceptance 1: a clean clone, a local bare remote)', () => {
  it('tags nothing when dist/ is stale, and says what to do', () => {
    const repo = clone({ bundle: 'console.log("built last week")\n' })
    const result = repo.run(['1.0.0'])
    expect(result.status).not.toBe(0)
    expect(result.err).toContain('dist/ does not match a fresh build of src/ (1 difference(s): index.js)')
    expect(result.err).toContain('Run `npm run build`, commit dist/, push, then release')
    expect(result.err).toContain('nothing was tagged or pushed')
    expect(repo.remoteTags()).toEqual({})
    expect(repo.localTags()).toEqual([])
  })

  it('names files that a fresh build has and dist/ lacks, and the reverse', () => {
    const repo = clone({ extra: { 'dist/old-chunk.js': 'x' } })
    const result = repo.run(['1.0.0'])
    expect(result.status).not.toBe(0)
    expect(result.err).toContain('extra: old-chunk.js')
    expect(repo.remoteTags()).toEqual({})
  })

  it('tags v1.0.0 and creates v1 on the remote when dist/ is fresh, the notes from CHANGELOG.md', () => {
    const repo = clone()
    const result = repo.run(['1.0.0'])
    expect(result.err).toBe('')
    expect(result.status).toBe(0)
    expect(result.out).toContain('v1.0.0 tagged at')
    expect(repo.remoteTags()).toEqual({ 'v1.0.0': repo.head(), v1: repo.head() })
    const notes = git(repo.bare, 'tag', '--list', '--format=%(contents)', 'v1.0.0')
    expect(notes).toContain('deploy-guard v1.0.0')
    expect(notes).toContain('- Feature of 1.0.0.')
    expect(git(repo.bare, 'cat-file', '-t', 'v1.0.0')).toBe('tag')
  })

  it('--dry-run runs every check, prints the commands, and tags nothing', () => {
    const repo = clone()
    const result = repo.run(['--dry-run', '1.0.0'])
    expect(result.status).toBe(0)
    expect(result.out).toContain('dry run: every check passed; it would run:')
    expect(result.out).toContain("v1.0.0's message (from CHANGELOG.md):\n  | deploy-guard v1.0.0\n  | \n  | ### Added")
    expect(result.out).toMatch(/git tag --annotate .* v1\.0\.0 [0-9a-f]{40}/)
    expect(result.out).toMatch(
      /git push --atomic --quiet --force-with-lease=refs\/tags\/v1: origin refs\/tags\/v1\.0\.0 refs\/tags\/v1/
    )
    expect(repo.remoteTags()).toEqual({})
    expect(repo.localTags()).toEqual([])
    // A dry run refuses what the real run would refuse.
    const stale = clone({ bundle: 'stale\n' }).run(['--dry-run', '1.0.0'])
    expect(stale.status).not.toBe(0)
    expect(stale.err).toContain('dist/ does not match a fresh build')
  })
})

describe('scripts/release.sh: the remote', () => {
  it('pushes to the remote given with --remote, and refuses one that does not exist', () => {
    const repo = clone()
    git(repo.dir, 'remote', 'rename', 'origin', 'upstream')
    const missing = repo.run(['1.0.0'])
    expect(missing.status).not.toBe(0)
    expect(missing.err).toContain('no git remote named "origin" (use --remote NAME)')
    const result = repo.run(['--remote', 'upstream', '1.0.0'])
    expect(result.status).toBe(0)
    expect(result.out).toContain('both pushed to upstream')
    expect(repo.remoteTags()).toEqual({ 'v1.0.0': repo.head(), v1: repo.head() })
  })
})

describe('scripts/release.sh refuses', () => {
  it('when the tests fail', () => {
    const repo = clone()
    const result = repo.run(['1.0.0'], { RELEASE_TEST_CMD: 'echo "1 failed" >&2; false' })
    expect(result.status).not.toBe(0)
    expect(result.err).toContain('the tests failed (echo "1 failed" >&2; false)')
    expect(repo.remoteTags()).toEqual({})
    expect(repo.localTags()).toEqual([])
  })

  it('when the build fails, with its last lines', () => {
    const repo = clone()
    const result = repo.run(['1.0.0'], { RELEASE_BUILD_CMD: 'echo "ncc: cannot resolve ./missing.js"; false' })
    expect(result.status).not.toBe(0)
    expect(result.err).toContain('ncc: cannot resolve ./missing.js')
    expect(result.err).toContain('the build failed')
    expect(repo.remoteTags()).toEqual({})
  })

  it("when package.json's version is not the tag's, and when CHANGELOG.md has no section for it", () => {
    const repo = clone({ version: '1.0.0' })
    const result = repo.run(['v1.0.1'])
    expect(result.status).not.toBe(0)
    expect(result.err).toContain(`package.json's version is "1.0.0", not 1.0.1`)
    expect(result.err).toContain('npm version 1.0.1 --no-git-tag-version')
    expect(result.err).toContain('CHANGELOG.md has no "## [1.0.1] - YYYY-MM-DD" section')
    expect(result.err).toContain('v1.0.1 refused (2 problem(s) above)')
    expect(repo.remoteTags()).toEqual({})
  })

  it('when the working tree is dirty, naming the files', () => {
    const repo = clone()
    write(repo.dir, 'src/wip.ts', 'x')
    write(repo.dir, 'dist/index.js', 'edited')
    const result = repo.run(['1.0.0'])
    expect(result.status).not.toBe(0)
    expect(result.err).toContain('the working tree is not clean')
    expect(result.err).toContain('dist/index.js')
    expect(result.err).toContain('src/')
    expect(repo.remoteTags()).toEqual({})
  })

  it('when not on the release branch, or HEAD is not what the remote has', () => {
    const repo = clone()
    git(repo.dir, 'checkout', '-q', '-b', 'feature')
    const feature = repo.run(['1.0.0'])
    expect(feature.err).toContain('on branch "feature": release v1.0.0 from main (or releases/v1 for an older major)')
    git(repo.dir, 'checkout', '-q', 'main')
    write(repo.dir, 'README.md', 'local only')
    git(repo.dir, 'add', '-A')
    git(repo.dir, 'commit', '-q', '-m', 'not pushed')
    const unpushed = repo.run(['1.0.0'])
    expect(unpushed.status).not.toBe(0)
    expect(unpushed.err).toMatch(/HEAD \([0-9a-f]{12}\) is not the tip of origin\/main/)
    git(repo.dir, 'checkout', '-q', '--detach')
    expect(repo.run(['1.0.0']).err).toContain('HEAD is detached')
    expect(repo.remoteTags()).toEqual({})
  })

  it('a version that is not X.Y.Z, and a version already tagged', () => {
    const repo = clone()
    const bad = repo.run(['1.0'])
    expect(bad.status).not.toBe(0)
    expect(bad.err).toContain('"1.0" is not a version of the form X.Y.Z')
    expect(repo.run(['1.0.0']).status).toBe(0)
    const again = repo.run(['1.0.0'])
    expect(again.status).not.toBe(0)
    expect(again.err).toContain('v1.0.0 already exists')
  })
})

describe('scripts/release.sh: the major tag', () => {
  it('moves v1 forward to the next release; refuses a version below the newest', () => {
    const repo = clone({ changelog: ['1.1.0', '1.0.0'] })
    expect(repo.run(['1.0.0']).status).toBe(0)
    const first = repo.head()
    commitAndPush(repo, 'package.json', JSON.stringify({ name: 'deploy-guard', version: '1.1.0' }) + '\n')
    const result = repo.run(['1.1.0'])
    expect(result.status).toBe(0)
    expect(result.out).toContain(`v1 moved there (from ${first.slice(0, 12)})`)
    expect(repo.remoteTags()).toEqual({ 'v1.0.0': first, 'v1.1.0': repo.head(), v1: repo.head() })

    commitAndPush(repo, 'package.json', JSON.stringify({ name: 'deploy-guard', version: '1.0.5' }) + '\n')
    commitAndPush(repo, 'CHANGELOG.md', CHANGELOG(['1.0.5']))
    const lower = repo.run(['1.0.5'])
    expect(lower.status).not.toBe(0)
    expect(lower.err).toContain('v1.0.5 is not above the newest v1 release, v1.1.0')
  })

  it('never moves v1 backwards or sideways: refuses when v1 is not an ancestor of HEAD', () => {
    const repo = clone({ changelog: ['1.0.1', '1.0.0'] })
    // Someone's v1 on the remote points at a commit this branch does not contain.
    git(repo.dir, 'checkout', '-q', '-b', 'elsewhere')
    commitAndPush(repo, 'other.txt', 'x', 'elsewhere')
    git(repo.dir, 'tag', 'v1')
    git(repo.dir, 'push', '-q', 'origin', 'refs/tags/v1')
    const sideways = repo.head()
    git(repo.dir, 'checkout', '-q', 'main')
    git(repo.dir, 'tag', '-d', 'v1')
    commitAndPush(repo, 'package.json', JSON.stringify({ name: 'deploy-guard', version: '1.0.1' }) + '\n')
    const result = repo.run(['1.0.1'])
    expect(result.status).not.toBe(0)
    expect(result.err).toContain(`v1 points at ${sideways.slice(0, 12)}, which is not an ancestor of HEAD`)
    expect(repo.remoteTags()).toEqual({ v1: sideways })
  })

  it('releases an older major from releases/vN once main has moved on, moving only that major tag', () => {
    const repo = clone({ changelog: ['1.0.0'] })
    expect(repo.run(['1.0.0']).status).toBe(0)
    const v1 = repo.head()
    git(repo.dir, 'branch', 'releases/v1')
    git(repo.dir, 'push', '-q', 'origin', 'releases/v1')
    commitAndPush(repo, 'package.json', JSON.stringify({ name: 'deploy-guard', version: '2.0.0' }) + '\n')
    commitAndPush(repo, 'CHANGELOG.md', CHANGELOG(['2.0.0', '1.0.0']))
    expect(repo.run(['2.0.0']).status).toBe(0)
    const v2 = repo.head()

    // A fix for v1 users from main would ship v2's changes under the v1 tag.
    commitAndPush(repo, 'package.json', JSON.stringify({ name: 'deploy-guard', version: '1.0.1' }) + '\n')
    const fromMain = repo.run(['1.0.1'])
    expect(fromMain.err).toContain('main has moved on to v2: release v1.0.1 from the releases/v1 branch')

    git(repo.dir, 'checkout', '-q', 'releases/v1')
    commitAndPush(
      repo,
      'package.json',
      JSON.stringify({ name: 'deploy-guard', version: '1.0.1' }) + '\n',
      'releases/v1'
    )
    commitAndPush(repo, 'CHANGELOG.md', CHANGELOG(['1.0.1', '1.0.0']), 'releases/v1')
    const result = repo.run(['1.0.1'])
    expect(result.err).toBe('')
    expect(result.status).toBe(0)
    expect(repo.remoteTags()).toEqual({
      'v1.0.0': v1,
      'v1.0.1': repo.head(),
      v1: repo.head(),
      'v2.0.0': v2,
      v2
    })
  })

  it('a pre-release gets its own tag and leaves the major tag where it is', () => {
    const repo = clone({ changelog: ['1.0.0'] })
    expect(repo.run(['1.0.0']).status).toBe(0)
    const v1 = repo.head()
    commitAndPush(repo, 'package.json', JSON.stringify({ name: 'deploy-guard', version: '1.1.0-rc.1' }) + '\n')
    commitAndPush(repo, 'CHANGELOG.md', CHANGELOG(['1.1.0-rc.1', '1.0.0']))
    const result = repo.run(['1.1.0-rc.1'])
    expect(result.status).toBe(0)
    expect(result.out).toContain('v1 not moved')
    expect(repo.remoteTags()).toEqual({ 'v1.0.0': v1, v1, 'v1.1.0-rc.1': repo.head() })
  })

  it('a push the remote refuses (v1 moved by someone meanwhile) leaves the local tags as they were', () => {
    const repo = clone()
    // The remote takes no new tags: stands for a lost race or missing permission.
    write(repo.bare, 'hooks/pre-receive', '#!/bin/sh\necho "refusing tags" >&2\nexit 1\n')
    spawnSync('chmod', ['+x', join(repo.bare, 'hooks/pre-receive')])
    const result = repo.run(['1.0.0'])
    expect(result.status).not.toBe(0)
    expect(result.err).toContain('the push to origin was refused')
    expect(repo.localTags()).toEqual([])
    expect(repo.remoteTags()).toEqual({})
  })
})

describe('scripts/release.sh with the real build (scripts/build-to.sh)', () => {
  it('tags when dist/ is the build of src/, and refuses once src/ changed without a rebuild', () => {
    const base = join(scratch, 'real')
    const src = { 'src/index.ts': 'const greeting: string = "hello"\nconsole.log(greeting)\n' }
    const config = {
      'tsconfig.json': JSON.stringify({
        compilerOptions: { target: 'es2022', module: 'nodenext', strict: true },
        include: ['src']
      }),
      '.gitignore': 'node_modules\n' // a symlink here: no trailing slash
    }
    // Build dist/ once the way a developer does (with this repository's build scripts, whatever bundler
    // they use), then release from a clone of the commit holding it.
    mkdirSync(join(base, 'scripts'), { recursive: true })
    for (const [path, content] of Object.entries({ ...src, ...config })) write(base, path, content)
    for (const entry of readdirSync(join(ROOT, 'scripts'), { withFileTypes: true }))
      if (entry.isFile()) copyFileSync(join(ROOT, 'scripts', entry.name), join(base, 'scripts', entry.name))
    symlinkSync(join(ROOT, 'node_modules'), join(base, 'node_modules'))
    const built = spawnSync('bash', ['scripts/build-to.sh', 'dist'], { cwd: base, encoding: 'utf8' })
    expect({ status: built.status, stderr: built.stderr }).toEqual({ status: 0, stderr: '' })
    const files = Object.fromEntries(
      readdirSync(base, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && !entry.parentPath.includes('node_modules'))
        .map((entry) => {
          const path = join(entry.parentPath, entry.name).slice(base.length + 1)
          return [path, readFileSync(join(base, path), 'utf8')]
        })
    )
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['dist/index.js', 'src/index.ts']))
    const repo = clone({ extra: files })
    symlinkSync(join(ROOT, 'node_modules'), join(repo.dir, 'node_modules'))
    const result = repo.run(['1.0.0'], { RELEASE_BUILD_CMD: '' })
    expect(result.err).toBe('')
    expect(result.out).toContain('dist/ matches a fresh build')
    expect(repo.remoteTags()).toEqual({ 'v1.0.0': repo.head(), v1: repo.head() })
    const released = repo.head()

    // A source change committed without rebuilding dist/: the next release is refused.
    commitAndPush(repo, 'src/index.ts', 'const greeting: string = "hello, world"\nconsole.log(greeting)\n')
    commitAndPush(repo, 'package.json', JSON.stringify({ name: 'deploy-guard', version: '1.0.1' }) + '\n')
    commitAndPush(repo, 'CHANGELOG.md', CHANGELOG(['1.0.1', '1.0.0']))
    const stale = repo.run(['1.0.1'], { RELEASE_BUILD_CMD: '' })
    expect(stale.status).not.toBe(0)
    expect(stale.err).toMatch(/dist\/ does not match a fresh build of src\/ \(\d+ difference\(s\): index\.js/)
    expect(repo.remoteTags()).toEqual({ 'v1.0.0': released, v1: released })
  }, 120_000)
})
