#!/usr/bin/env bash
# Builds a Mask Node release (docs/updates.md, "Commands"):
#
#   scripts/release.sh VERSION --key release.key --out DIR [--minimum-previous V] [--notes TEXT]
#                      [--notes-url URL] [--aot FILE] [--allow-dirty]
#
# From the committed tree (git archive; --allow-dirty takes the working tree as it is) it sets
# every pom's version to VERSION (a semver; no SNAPSHOT), builds the node, and writes
# DIR/masknode-VERSION.zip plus DIR/feed.json(.minisig): the release is added to a feed already in
# DIR, and the feed's serial goes up. The private key stays where it is; nothing is pushed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
die() { echo "release.sh: $*" >&2; exit 1; }

[ $# -ge 1 ] || die "usage: scripts/release.sh VERSION --key release.key --out DIR [...]"
version="$1"; shift
key="" out="" minimum="0.0.0" notes="" notes_url="" aot="" dirty=0
while [ $# -gt 0 ]; do
  case "$1" in
    --key) key="$(realpath "$2")"; shift 2 ;;
    --out) mkdir -p "$2"; out="$(realpath "$2")"; shift 2 ;;
    --minimum-previous) minimum="$2"; shift 2 ;;
    --notes) notes="$2"; shift 2 ;;
    --notes-url) notes_url="$2"; shift 2 ;;
    --aot) aot="$(realpath "$2")"; shift 2 ;;
    --allow-dirty) dirty=1; shift ;;
    *) die "unknown option $1" ;;
  esac
done
[[ "$version" =~ ^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$ ]] || die "'$version' is not MAJOR.MINOR.PATCH[-pre]"
[[ "${version^^}" != *SNAPSHOT* ]] || die "a release has no SNAPSHOT version"
[ -n "$key" ] && [ -s "$key" ] || die "--key release.key is required (make a throw-away one: masknode release keygen --out DIR)"
[ -n "$out" ] || die "--out DIR is required"

cd "$here"
if [ "$dirty" = 0 ] && [ -n "$(git status --porcelain)" ]; then
  die "the working tree has uncommitted changes (commit them, or --allow-dirty for a test release)"
fi
work="$(mktemp -d /tmp/masknode-release.XXXXXX)"
trap 'rm -rf "$work"' EXIT
if [ "$dirty" = 0 ]; then
  git archive HEAD | tar -x -C "$work"
else
  git ls-files -z --cached --others --exclude-standard | xargs -0 tar -cf - | tar -x -C "$work"
fi
snapshot="$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$work/pom.xml" | head -1)"
[ -n "$snapshot" ] || die "cannot read the project version from pom.xml"
find "$work" -name pom.xml -print0 | xargs -0 sed -i "s:<version>$snapshot</version>:<version>$version</version>:"
grep -rq "$snapshot" --include=pom.xml "$work" && die "a pom still names $snapshot"

echo "release.sh: building $version (was $snapshot) in $work" >&2
(cd "$work" && . scripts/jdk.sh && masknode_find_jdk && ./mvnw -B -ntp -q -DskipTests -pl node -am package) >&2
. scripts/jdk.sh && masknode_find_jdk
java="$JAVA_HOME/bin/java"
tool=("$java" -jar "$work/node/target/masknode.jar")
[ "$("${tool[@]}" --version)" = "masknode $version" ] || die "the built jar does not say $version"

bundle_args=(release bundle --jar-dir "$work/node/target" --version "$version" --out "$out")
[ -n "$aot" ] && bundle_args+=(--aot "$aot")
"${tool[@]}" "${bundle_args[@]}" >&2
"${tool[@]}" release feed --bundle "$out/masknode-$version.zip" --version "$version" --minimum-previous "$minimum" \
  --notes "$notes" --notes-url "$notes_url" --key "$key" --out "$out"
