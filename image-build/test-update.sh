#!/usr/bin/env bash
# The update scenarios of issue 15 in QEMU (docs/updates.md is the contract). Run as root:
#
#   sudo image-build/test-update.sh [--image IMG] [--jar-dir DIR] [--gate-seconds N] [--no-aot] [--keep]
#
# Without --image it first builds release N: build-image.sh (cached Debian base) with the node of
# --jar-dir stamped as version MAJOR.MINOR.0 (0.1.0-SNAPSHOT -> 0.1.0), as scripts/release.sh would
# (--no-aot is passed on: an image without the AOT cache, built in a minute instead of many).
# On the host, with the release tool of the node in --jar-dir (default node/target) and a
# throw-away minisign key, it makes bundles N+1, a broken N+2 (its netty-transport jar is empty,
# so it starts and never reaches ready), N+3 and N+4 (N+k = the same code, stamped with a higher
# version), and serves feeds from 127.0.0.1 (the guest's 10.0.2.2; nothing leaves the machine).
# Then, on one VM disk:
#   1. offered N+1, the box installs it and comes back on N+1;
#   2. offered the broken N+2, it rolls back to N+1 by itself;
#   3. a feed signed by another key is refused, and nothing is written;
#   4. a bundle whose bytes do not match the signed hash is refused, and nothing is written;
#   5. the VM is killed during the download of N+3: it boots into a working version;
#   6. the VM is killed while N+4 is on trial (after the switch): it boots into a working version,
#      and the updater finishes the trial from the last good version's code.
# Last line: `update_ok scenarios=6 seconds=<n>`, or `update_failed <reason>` with exit status 1.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
. "$IMAGE_BUILD_DIR/lib/vm.sh"

IMAGE=""
JAR_DIR="$REPO_ROOT/node/target"
GATE_SECONDS=20
KEEP=0
BUILD_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --image) IMAGE="$(realpath "$2")"; shift 2 ;;
    --jar-dir) JAR_DIR="$(realpath "$2")"; shift 2 ;;
    --gate-seconds) GATE_SECONDS="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --no-aot) BUILD_ARGS+=(--no-aot); shift ;;
    -h|--help) sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

failed() { echo "update_failed $*"; exit 1; }
die() { printf 'error: %s\n' "$*" >&2; failed "$*"; }
require_root "$@"
require_tools qemu-system-aarch64 mcopy mdir sfdisk ssh ssh-keygen curl python3

t_start=$(date +%s)
[ -f "$JAR_DIR/masknode.jar" ] || failed "no $JAR_DIR/masknode.jar (./mvnw -pl node -am package)"
WORK=$(mktemp -d /var/tmp/masknode-update.XXXXXX)
FEED_PID=""
cleanup() {
  vm_kill
  if [ -n "$FEED_PID" ]; then kill "$FEED_PID" 2>/dev/null || true; wait "$FEED_PID" 2>/dev/null || true; fi
  if [ "$KEEP" = 1 ]; then log "kept $WORK (serial-*.log, feed.log, feeds, disk.img)"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

. "$REPO_ROOT/scripts/jdk.sh"
masknode_find_jdk >/dev/null 2>&1 || masknode_find_jdk jre >/dev/null 2>&1 || failed "no JDK 25 on the host"
host_masknode() { "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$JAR_DIR/masknode.jar" "$@"; }
json() { python3 -c 'import json, sys
v = json.load(sys.stdin)
for k in sys.argv[1].split("."):
    v = v.get(k) if isinstance(v, dict) else None
print("" if v is None else v)' "$1"; }
STATE=/var/lib/masknode-updates/state.json
state() { vm_ssh cat "$STATE" 2>/dev/null | json "$1"; }
current() { vm_ssh readlink /var/lib/masknode-updates/current; }
# What is on disk outside staging/ and state.json: must not change when an update is refused.
install_listing() {
  vm_ssh "cd /var/lib/masknode-updates && find . -path ./staging -prune -o ! -name state.json ! -name lock -printf '%p %y %s %l\n' | sort"
}
# The version the running node reports on its API (masknode's own version appears in build-information).
api_version() {
  vm_api /api/v1/build-information | python3 -c 'import json, re, sys
try:
    info = json.load(sys.stdin)
except ValueError:
    sys.exit(0)
own = re.search(r"masknode (\S+) \(", info.get("rustc_version") or "")
print(own.group(1) if own else info.get("build_version", ""))'
}
api_version_is() { [ "$(api_version)" = "$1" ]; }
# Waits until this boot's own run of masknode-update.service (WantedBy=multi-user.target) is over.
wait_boot_run() {
  vm_ssh 'for i in $(seq 600); do
      [ "$(systemctl show -p ExecMainExitTimestampMonotonic --value masknode-update.service)" != 0 ] &&
      [ "$(systemctl show -p ActiveState --value masknode-update.service)" != activating ] && exit 0
      sleep 2; done; exit 1' || failed "the boot's updater run did not finish"
}
timed() { local t=$(date +%s); "$@"; LAST_SECONDS=$(( $(date +%s) - t )); }
RESULTS=()
passed() { RESULTS+=("$*"); log "PASS $*"; }

# ---- Releases, keys and feeds, all on the host -------------------------------------------------
host_masknode release keygen --out "$WORK/key" >/dev/null || failed "release keygen failed"
host_masknode release keygen --out "$WORK/other-key" >/dev/null || failed "release keygen (second key) failed"
BASE_VERSION=$(unzip -p "$JAR_DIR/masknode.jar" network/mask/node/build.properties | sed -n 's/^version=//p' | tr -d '\r')
# N+k: MAJOR.(MINOR+k).0 of the jar's version (0.1.0-SNAPSHOT -> 0.2.0, 0.3.0, ...).
next_version() { echo "$BASE_VERSION" | sed -E 's/-.*//' | awk -F. -v k="$1" '{ printf "%d.%d.0\n", $1, $2 + k }'; }
V1=$(next_version 1); V2=$(next_version 2); V3=$(next_version 3); V4=$(next_version 4)

# A jar directory like node/target whose masknode.jar says it is version $2.
stamp() {
  local version="$1" out="$2"
  mkdir -p "$out/lib"
  cp "$JAR_DIR"/lib/*.jar "$out/lib/"
  python3 - "$JAR_DIR/masknode.jar" "$out/masknode.jar" "$version" <<'EOF'
import sys, zipfile
src, dst, version = sys.argv[1:]
name = "network/mask/node/build.properties"
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == name:
            lines = [("version=" + version) if l.startswith("version=") else l for l in data.decode().splitlines()]
            data = ("\n".join(lines) + "\n").encode()
        zout.writestr(item, data)
EOF
}
FEEDS="$WORK/feeds"; BUILD="$WORK/release"
mkdir -p "$FEEDS" "$BUILD"
release() {   # release VERSION JAR_DIR NOTES: bundle + feed entry in $BUILD, then a snapshot of the feed
  host_masknode release bundle --jar-dir "$2" --version "$1" --out "$BUILD" >/dev/null || failed "release bundle $1 failed"
  host_masknode release feed --bundle "$BUILD/masknode-$1.zip" --version "$1" --minimum-previous "$N_BUILT" \
    --notes "$3" --key "$WORK/key/release.key" --out "$BUILD" >/dev/null || failed "release feed $1 failed"
}
snapshot() { rm -rf "${FEEDS:?}/$1"; cp -r "$BUILD" "$FEEDS/$1"; }
# Re-signs a feed copy after editing it (serial +1), with the release key or another one.
resign() {
  local dir="$1" key="$2"
  python3 - "$dir/feed.json" <<'EOF'
import json, sys
feed = json.load(open(sys.argv[1])); feed["serial"] += 1
json.dump(feed, open(sys.argv[1], "w"), indent=2)
EOF
  rm -f "$dir/feed.json.minisig"
  host_masknode release sign --key "$key" "$dir/feed.json" >/dev/null || failed "release sign failed"
}

# Release N: the image, built from the same code stamped with N (MAJOR.MINOR.0 of the jar's version).
N_BUILT=$(echo "$BASE_VERSION" | sed -E 's/-.*//')
build_seconds=0
if [ -z "$IMAGE" ]; then
  stamp "$N_BUILT" "$WORK/jar-$N_BUILT"
  t=$(date +%s)
  IMAGE=$("$IMAGE_BUILD_DIR/build-image.sh" "${BUILD_ARGS[@]}" --jar-dir "$WORK/jar-$N_BUILT" --out "$WORK/image" | tail -1) || failed "image build failed"
  build_seconds=$(( $(date +%s) - t ))
fi
[ -f "$IMAGE" ] || failed "no image at $IMAGE"

t=$(date +%s)
stamp "$V1" "$WORK/jar-$V1"; release "$V1" "$WORK/jar-$V1" "N+1: the same node, a newer version."; snapshot A
# Broken N+2: the updater refuses a bundle whose lib/ lacks a jar the manifest names
# (BUNDLE_MALFORMED), so netty-transport's jar is there by name but holds no classes: the JVM
# starts and the node dies before it is ready.
stamp "$V2" "$WORK/jar-$V2"
netty=$(ls "$WORK/jar-$V2"/lib/netty-transport-4*.jar | head -1)
[ -f "$netty" ] || failed "no netty-transport jar to break in $V2"
python3 -c 'import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z: z.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n")' "$netty"
release "$V2" "$WORK/jar-$V2" "N+2: broken on purpose (netty-transport's jar is empty)."; snapshot B
stamp "$V3" "$WORK/jar-$V3"; release "$V3" "$WORK/jar-$V3" "N+3: a good release."
snapshot C; resign "$FEEDS/C" "$WORK/other-key/release.key"                 # signed by a stranger
snapshot D; resign "$FEEDS/D" "$WORK/key/release.key"; resign "$FEEDS/D" "$WORK/key/release.key"
python3 - "$FEEDS/D/masknode-$V3.zip" <<'EOF'                                 # same size, one byte off
import sys
data = bytearray(open(sys.argv[1], "rb").read()); data[len(data) // 2] ^= 0x01
open(sys.argv[1], "wb").write(bytes(data))
EOF
snapshot E; resign "$FEEDS/E" "$WORK/key/release.key"; resign "$FEEDS/E" "$WORK/key/release.key"; resign "$FEEDS/E" "$WORK/key/release.key"
stamp "$V4" "$WORK/jar-$V4"; release "$V4" "$WORK/jar-$V4" "N+4: a good release."
snapshot F; for _ in 1 2 3 4; do resign "$FEEDS/F" "$WORK/key/release.key"; done
serials=$(for f in A B C D E F; do printf '%s=%s ' "$f" "$(json serial <"$FEEDS/$f/feed.json")"; done)
release_seconds=$(( $(date +%s) - t ))
log "releases $V1 $V2(broken) $V3 $V4 from $BASE_VERSION in ${release_seconds}s; feed serials $serials"

# The feed server: $WORK/www is a symlink to the feed being published.
FEED_PORT=$(vm_free_port)
publish() { ln -sfn "$FEEDS/$1" "$WORK/www.new" && mv -T "$WORK/www.new" "$WORK/www"; }
publish A
python3 "$IMAGE_BUILD_DIR/lib/feed-server.py" "$WORK/www" "$FEED_PORT" "$WORK/feed.log" "$WORK/throttle" &
FEED_PID=$!
for _ in $(seq 20); do curl -sf -o /dev/null "http://127.0.0.1:$FEED_PORT/feed.json" && break; sleep 0.5; done
curl -sf -o /dev/null "http://127.0.0.1:$FEED_PORT/feed.json" || failed "feed server did not start"

# ---- The box, release N ----------------------------------------------------------------------
vm_prepare "$IMAGE"
# Under TCG on a loaded machine (8 builds on 2 cores) a node without an AOT cache can need more
# than the unit's 180 s to reach ready; systemd would then kill every start. Only in this VM:
VM_ON_SSH='f=/etc/systemd/system/masknode.service.d/90-slow-emulation.conf; [ -f $f ] && exit 0;
  mkdir -p ${f%/*} && printf "[Service]\nTimeoutStartSec=900s\n" >$f && systemctl daemon-reload'
timed vm_boot; boot1=$LAST_SECONDS
N=$(api_version)
[ -n "$N" ] || failed "the box did not say its version"
api_version_is "$N" || failed "the API does not report $N: $(vm_api /api/v1/build-information)"
[ "$(current)" = /usr/lib/masknode ] || failed "a fresh box's current is $(current), not the image's version"
log "box up in ${boot1}s running $N (the image's version)"
# The test's feed, key and a short gate; everything else as shipped. Debian's own daily update
# (masknode-os-update.timer) would reach Debian's archive through QEMU's network: stopped.
vm_ssh systemctl stop masknode-os-update.timer
vm_ssh "mkdir -p /etc/masknode && cat >/etc/masknode/update-key.pub && chmod 0644 /etc/masknode/update-key.pub" <"$WORK/key/release.pub"
vm_ssh "cat >/etc/masknode/update.properties" <<EOF
feed_url=http://10.0.2.2:$FEED_PORT/feed.json
public_key_file=/etc/masknode/update-key.pub
gate_seconds=$GATE_SECONDS
check_interval_hours=0
EOF
# One updater run, as the timer or the page would start it; waits for it (gate included).
run_updater() { vm_ssh "systemctl start masknode-update.service; systemctl show -p Result --value masknode-update.service"; }
expect_running() {   # version, what
  # The API answers a few seconds before the node sends READY=1 (the setup page starts after
  # it; under TCG that is tens of seconds), and only READY makes the unit active: wait for both.
  for _ in $(seq 150); do
    [ "$(vm_api_code /api/v1/health)" = 200 ] && [ "$(vm_ssh systemctl is-active masknode.service)" = active ] && break
    sleep 2
  done
  [ "$(vm_api_code /api/v1/health)" = 200 ] || failed "$2: /api/v1/health is not 200"
  api_version_is "$1" || failed "$2: the API does not report $1: $(vm_api /api/v1/build-information)"
  local unit; unit=$(vm_ssh systemctl is-active masknode.service || true)
  [ "$unit" = active ] || failed "$2: masknode.service is $unit, not active"
}

# 1. N -> N+1.
timed run_updater
[ "$(state last_outcome.result)" = installed ] && [ "$(state last_outcome.version)" = "$V1" ] \
  || failed "1: last outcome $(state last_outcome.result) $(state last_outcome.version): $(state last_outcome.reason)"
[ "$(current)" = "versions/$V1" ] || failed "1: current is $(current)"
expect_running "$V1" "1"
passed "1 offered N+1 ($V1): installed, gate passed, node back on $V1 (${LAST_SECONDS}s)"

# 2. The broken N+2 rolls back.
publish B
timed run_updater
[ "$(state last_outcome.result)" = rolled_back ] && [ "$(state last_outcome.version)" = "$V2" ] \
  || failed "2: last outcome $(state last_outcome.result) $(state last_outcome.version): $(state last_outcome.reason)"
reason2=$(state last_outcome.reason)
expect_running "$V1" "2"
[ -z "$(state gate)" ] || failed "2: the gate is still open: $(state gate)"
passed "2 offered broken N+2 ($V2): rolled back to $V1 by itself: \"$reason2\" (${LAST_SECONDS}s)"

# 3. A feed signed by another key: refused, nothing written.
publish C
before=$(install_listing)
outcome_before=$(state last_outcome.at)
timed run_updater
# A refused feed is a failed check (last_check); last_outcome (an install's) must not change.
err3=$(state last_check.error)
echo "$err3" | grep -q -E 'BAD_SIGNATURE|UNKNOWN_KEY' || failed "3: not refused for its signature: $err3"
[ "$(install_listing)" = "$before" ] || failed "3: the install root changed: $(diff <(echo "$before") <(install_listing) | head)"
[ "$(state last_outcome.at)" = "$outcome_before" ] || failed "3: an install outcome was recorded: $(state last_outcome.result)"
grep -q "masknode-$V3.zip" "$WORK/feed.log" && failed "3: the bundle was downloaded although the feed's signature was bad"
expect_running "$V1" "3"
passed "3 feed signed by another key: refused ($err3), install root unchanged, bundle never fetched (${LAST_SECONDS}s)"

# 4. A bundle that does not match its signed hash: refused, nothing written.
publish D
before=$(install_listing)
timed run_updater
err4="$(state last_outcome.result) $(state last_outcome.reason)"
echo "$err4" | grep -q 'BAD_HASH' || failed "4: not refused for its hash: $err4"
[ "$(install_listing)" = "$before" ] || failed "4: the install root changed: $(diff <(echo "$before") <(install_listing) | head)"
grep -q "masknode-$V3.zip" "$WORK/feed.log" || failed "4: the bundle was never downloaded"
expect_running "$V1" "4"
passed "4 bundle with a wrong byte: refused ($err4), install root unchanged (${LAST_SECONDS}s)"

# 5. Power cut during the download of N+3.
publish E
t5=$(date +%s)
echo 100000 >"$WORK/throttle"             # ~100 kB/s: the download takes minutes
vm_ssh systemctl start --no-block masknode-update.service
phase=""
for _ in $(seq 120); do
  phase=$(state phase)
  [ "$phase" = downloading ] && grep -q "masknode-$V3.zip" "$WORK/feed.log" 2>/dev/null && break
  sleep 2
done
[ "$phase" = downloading ] || failed "5: never saw the download of $V3 (phase $phase)"
sleep 5
vm_kill
rm -f "$WORK/throttle"
t=$(date +%s)
vm_boot
up5=$(( $(date +%s) - t ))
running5=$(api_version)
[ -n "$running5" ] || failed "5: no working node after the power cut"
# The boot's own updater run then proceeds (it checks the feed again); wait for it and check.
wait_boot_run
leftovers=$(vm_ssh "ls -a /var/lib/masknode-updates/versions | grep -E '^\\.(tmp|trash)-' || true")
[ -z "$leftovers" ] || failed "5: half-unpacked folders left behind: $leftovers"
final5=$(state installed)
expect_running "$final5" "5"
passed "5 killed during the download of $V3: booted into $running5 with the API up ${up5}s after power-on; then the updater left $final5 installed, no leftovers ($(( $(date +%s) - t5 ))s)"

# 6. Power cut while N+4 is on trial.
publish F
t6=$(date +%s)
vm_ssh systemctl start --no-block masknode-update.service
for _ in $(seq 300); do
  [ "$(state gate.version)" = "$V4" ] && [ "$(current)" = "versions/$V4" ] && break
  sleep 1
done
[ "$(current)" = "versions/$V4" ] || failed "6: $V4 never went on trial (phase $(state phase), current $(current))"
vm_kill
t=$(date +%s)
vm_boot
up6=$(( $(date +%s) - t ))
running6=$(api_version)
[ -n "$running6" ] || failed "6: no working node after the power cut"
wait_boot_run
outcome6=$(echo "$(state last_outcome.result) $(state last_outcome.version) $(state last_outcome.reason)" | sed 's/ *$//')
final6=$(state installed)
[ -z "$(state gate)" ] || failed "6: the trial never finished: $(state gate)"
expect_running "$final6" "6"
passed "6 killed while $V4 was on trial: booted with the API up ${up6}s after power-on (running $running6); updater resumed the gate: $outcome6 ($(( $(date +%s) - t6 ))s)"

vm_poweroff
total=$(( $(date +%s) - t_start ))
printf '%s\n' "${RESULTS[@]}"
echo "times: image build ${build_seconds}s (0 = image given), releases ${release_seconds}s, first boot ${boot1}s, total ${total}s"
echo "update_ok scenarios=6 seconds=$total"
