#!/usr/bin/env bash
# Tags a release of deploy-guard: an annotated vX.Y.Z, and the moving major tag vX (what users pin with
# `uses: org/deploy-guard@vX`) moved forward to the same commit; both pushed in one atomic push.
#
#   scripts/release.sh [--dry-run] [--remote NAME] X.Y.Z
#
# Nothing is tagged unless every one of these holds (docs/releasing.md says why each matters):
#   - the working tree is clean, and HEAD is the tip of the release branch as the remote has it
#     (`main` for the newest major; `releases/vN` for an older major N once main has moved on to N+1);
#   - package.json's version is X.Y.Z, and CHANGELOG.md has a `## [X.Y.Z]` section (the tag's message);
#   - vX.Y.Z does not exist yet and is above every vX.* release; vX, if it exists, is an ancestor of HEAD
#     (the major tag only ever moves forward);
#   - dist/ is byte for byte a fresh build of the sources (GitHub runs dist/, never src/);
#   - the tests pass.
# --dry-run runs every check (the build and the tests too) and prints the git commands it would run.
# A pre-release (1.1.0-rc.1) gets its own tag only: the major tag never points at a pre-release.
#
# Environment, for the script's own tests and unusual set-ups:
#   RELEASE_BUILD_CMD   builds the bundle into the directory appended as its last argument
#                       (default: bash scripts/build-to.sh, the same build as `npm run build`)
#   RELEASE_TEST_CMD    the test command (default: npm test)
#   RELEASE_MAIN_BRANCH the branch the newest major is released from (default: main)
set -euo pipefail

usage='usage: scripts/release.sh [--dry-run] [--remote NAME] X.Y.Z'
die() {
  printf 'release: %s\n' "$*" >&2
  printf 'release: nothing was tagged or pushed.\n' >&2
  exit 1
}

dry_run=false
remote=origin
version=''
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) dry_run=true ;;
    --remote)
      [ $# -ge 2 ] || die "--remote needs a remote name; $usage"
      remote=$2
      shift
      ;;
    --remote=*) remote=${1#--remote=} ;;
    -h | --help)
      echo "$usage"
      exit 0
      ;;
    --)
      shift
      [ $# -le 1 ] || die "one version only; $usage"
      [ $# -eq 0 ] || version=${1#v}
      break
      ;;
    -*) die "unknown option $1; $usage" ;;
    *)
      [ -z "$version" ] || die "one version only (got $version and $1); $usage"
      version=${1#v}
      ;;
  esac
  shift
done
[ -n "$version" ] || die "which version? $usage"
semver='^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$'
[[ "$version" =~ $semver ]] || die "\"$version\" is not a version of the form X.Y.Z (or X.Y.Z-rc.N); $usage"
major_number=${BASH_REMATCH[1]}
prerelease=${BASH_REMATCH[4]}
tag="v$version"
major="v$major_number"

cd "$(dirname "$0")/.."
git rev-parse --git-dir >/dev/null 2>&1 || die "$(pwd) is not a git repository"
build_cmd=${RELEASE_BUILD_CMD:-bash scripts/build-to.sh}
test_cmd=${RELEASE_TEST_CMD:-npm test}
main_branch=${RELEASE_MAIN_BRANCH:-main}

git remote get-url "$remote" >/dev/null 2>&1 || die "no git remote named \"$remote\" (use --remote NAME)"
# The remote is the truth about tags: a major tag moved by an earlier release must be seen here.
git fetch --quiet --force --tags "$remote" 2>/dev/null ||
  die "cannot fetch from $remote ($(git remote get-url "$remote")): check the URL and your access"

# Every cheap check first, all reported together; then the build and the tests.
problems=()
head=$(git rev-parse HEAD)
branch=$(git symbolic-ref --short -q HEAD || true)
newest_major=$(git tag --list 'v*.*.*' | sed -nE 's/^v([0-9]+)\.[0-9]+\.[0-9]+$/\1/p' | sort -n | tail -1)
if [ -z "$branch" ]; then
  problems+=("HEAD is detached: check out $main_branch (or releases/$major) first")
elif [ "$branch" = "$main_branch" ]; then
  if [ -n "$newest_major" ] && [ "$newest_major" -gt "$major_number" ]; then
    problems+=("$main_branch has moved on to v$newest_major: release $tag from the releases/$major branch")
  fi
elif [ "$branch" != "releases/$major" ]; then
  problems+=("on branch \"$branch\": release $tag from $main_branch (or releases/$major for an older major)")
fi
dirty=$(git status --porcelain --untracked-files=normal)
if [ -n "$dirty" ]; then
  problems+=("the working tree is not clean (commit or remove these first): $(echo "$dirty" | head -5 | sed 's/^...//' | paste -sd ' ' -)")
fi
if [ -n "$branch" ]; then
  if ! git rev-parse -q --verify "refs/remotes/$remote/$branch" >/dev/null; then
    problems+=("$remote has no branch $branch: push it first, so the tag names a commit everyone can fetch")
  elif [ "$(git rev-parse "refs/remotes/$remote/$branch")" != "$head" ]; then
    problems+=("HEAD (${head:0:12}) is not the tip of $remote/$branch ($(git rev-parse --short=12 "refs/remotes/$remote/$branch")): push or pull first")
  fi
fi
package_version=$(node -e 'process.stdout.write(String(JSON.parse(require("fs").readFileSync("package.json","utf8")).version))' 2>/dev/null || true)
if [ "$package_version" != "$version" ]; then
  problems+=("package.json's version is \"$package_version\", not $version: run \`npm version $version --no-git-tag-version\`, commit, push, then release")
fi
notes=''
if [ -f CHANGELOG.md ]; then
  notes=$(awk -v head="## [$version]" 'index($0, head) == 1 { found = 1; next } found && (/^## / || /^\[[^]]+\]: /) { exit } found { print }' CHANGELOG.md |
    sed -e '/./,$!d')
fi
if ! grep -qF "## [$version]" CHANGELOG.md 2>/dev/null; then
  problems+=("CHANGELOG.md has no \"## [$version] - YYYY-MM-DD\" section: move the [Unreleased] entries under it")
fi
if existing=$(git rev-parse -q --verify "refs/tags/$tag^{commit}"); then
  problems+=("$tag already exists (at ${existing:0:12}); a version is never re-tagged: release the next one")
fi
if [ -z "$prerelease" ]; then
  newest=$(git tag --list "$major.*.*" | grep -E '^v[0-9]+\.[0-9]+\.[0-9]+$' | sed 's/^v//' | sort -V | tail -1 || true)
  if [ -n "$newest" ] && [ "$newest" != "$version" ] &&
    [ "$(printf '%s\n%s\n' "$newest" "$version" | sort -V | tail -1)" = "$newest" ]; then
    problems+=("$tag is not above the newest $major release, v$newest")
  fi
fi
old_major=$(git rev-parse -q --verify "refs/tags/$major" || true)
if [ -n "$old_major" ] && [ -z "$prerelease" ]; then
  old_major_commit=$(git rev-parse "$old_major^{commit}")
  if ! git merge-base --is-ancestor "$old_major_commit" "$head"; then
    problems+=("$major points at ${old_major_commit:0:12}, which is not an ancestor of HEAD: the major tag only moves forward (is this the right branch?)")
  fi
fi
if [ ${#problems[@]} -gt 0 ]; then
  for problem in "${problems[@]}"; do printf 'release: %s\n' "$problem" >&2; done
  die "$tag refused (${#problems[@]} problem(s) above)"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/deploy-guard-release.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "release: building the bundle to compare with dist/ ($build_cmd)"
if ! bash -c "$build_cmd \"\$1\"" release-build "$work/dist" >"$work/build.log" 2>&1; then
  tail -20 "$work/build.log" >&2
  die "the build failed ($build_cmd); fix it before releasing"
fi
if ! stale=$(diff -rq "$work/dist" dist 2>&1); then
  count=$(printf '%s\n' "$stale" | wc -l)
  files=$(printf '%s\n' "$stale" | sed -E "s#^Files $work/dist/([^ ]+) and .*#\1#; s#^Only in $work/dist(/[^:]*)?: (.*)#missing: \2#; s#^Only in dist(/[^:]*)?: (.*)#extra: \2#" | head -5 | paste -sd ' ' -)
  die "dist/ does not match a fresh build of src/ ($count difference(s): $files). Run \`npm run build\`, commit dist/, push, then release"
fi
echo "release: dist/ matches a fresh build"
echo "release: running the tests ($test_cmd)"
if ! bash -c "$test_cmd"; then
  die "the tests failed ($test_cmd)"
fi

printf 'deploy-guard %s\n\n%s\n' "$tag" "$notes" >"$work/notes.txt"
commands=("git tag --annotate --file=$work/notes.txt $tag $head")
push=(git push --atomic --quiet)
if [ -z "$prerelease" ]; then
  commands+=("git tag --force --annotate --message='deploy-guard $major: $tag' $major $head")
  # The lease: the remote's major tag must still be where this check saw it (or still absent).
  remote_major=$(git ls-remote "$remote" "refs/tags/$major" | cut -f1)
  push+=("--force-with-lease=refs/tags/$major:$remote_major" "$remote" "refs/tags/$tag" "refs/tags/$major")
else
  push+=("$remote" "refs/tags/$tag")
fi
commands+=("${push[*]}")

if [ "$dry_run" = true ]; then
  echo "release: dry run: every check passed; it would run:"
  for command in "${commands[@]}"; do echo "  $command"; done
  echo "release: $tag's message (from CHANGELOG.md):"
  sed 's/^/  | /' "$work/notes.txt"
  echo "release: dry run: nothing was tagged or pushed"
  exit 0
fi

undo() {
  git tag -d "$tag" >/dev/null 2>&1 || true
  if [ -n "$prerelease" ]; then return; fi
  if [ -n "$old_major" ]; then git update-ref "refs/tags/$major" "$old_major"; else git tag -d "$major" >/dev/null 2>&1 || true; fi
}
git tag --annotate --file="$work/notes.txt" "$tag" "$head"
if [ -z "$prerelease" ]; then
  git tag --force --annotate --message="deploy-guard $major: $tag" "$major" "$head" >/dev/null
fi
if ! "${push[@]}"; then
  undo
  die "the push to $remote was refused (has someone else released meanwhile?); the local tags are as they were"
fi
if [ -z "$prerelease" ]; then
  echo "release: $tag tagged at ${head:0:12} and $major moved there${old_major:+ (from $(git rev-parse --short=12 "$old_major^{commit}"))}; both pushed to $remote"
else
  echo "release: pre-release $tag tagged at ${head:0:12} and pushed to $remote ($major not moved)"
fi
