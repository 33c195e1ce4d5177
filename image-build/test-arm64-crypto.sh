#!/usr/bin/env bash
# Proves the node's crypto on arm64: inside the built image's own root file system (its arm64
# JDK, Debian's arm64 libsodium and libcrypto, the node as installed), under qemu-user. Run as root:
#
#   sudo image-build/test-arm64-crypto.sh [--image IMG] [--bench-seconds N] [--keep]
#
# Without --image it first runs build-image.sh (cached Debian base). The root partition is copied
# out of the image with debugfs (no loop device, no mount of the image), then:
#   1. `masknode vectors --backend all --require sodium,openssl` on every vectors/*.json: every
#      backend (bc, jca, sodium, openssl, preferred) must load and pass every case;
#   2. negative controls, which must FAIL: a vector file with one wrong byte, and the same run
#      with libsodium's file renamed away in the copy (a backend that does not load);
#   3. `masknode bench sphinx`: the CPU features the node detected and the backends it chose.
#      Figures under qemu-user emulation are NOT speeds (and QEMU's CPU model is not a Pi's).
# Last line: `arm64_crypto_ok cases=<n> backends=<list> seconds=<n>`, or
# `arm64_crypto_failed <reason>` with exit status 1.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
. "$IMAGE_BUILD_DIR/lib/customize.sh"

IMAGE=""
KEEP=0
BENCH_SECONDS=3
while [ $# -gt 0 ]; do
  case "$1" in
    --image) IMAGE="$(realpath "$2")"; shift 2 ;;
    --bench-seconds) BENCH_SECONDS="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

failed() { echo "arm64_crypto_failed $*"; exit 1; }
require_root "$@"
require_tools debugfs sfdisk chroot
ensure_binfmt
NATIVE_BACKENDS="sodium,openssl"
EXPECTED_SUITES="bc jca sodium openssl preferred"

t_start=$(date +%s)
build_seconds=0
if [ -z "$IMAGE" ]; then
  IMAGE=$("$IMAGE_BUILD_DIR/build-image.sh" | tail -1) || failed "image build failed"
  build_seconds=$(( $(date +%s) - t_start ))
fi
[ -f "$IMAGE" ] || failed "no image at $IMAGE"

WORK=$(mktemp -d /var/tmp/masknode-arm64-crypto.XXXXXX)
ROOTFS="$WORK/rootfs"
cleanup() {
  chroot_umount
  if [ "$KEEP" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# The root partition (the Linux one, type 83) straight out of the image file.
t=$(date +%s)
root_start=$(sfdisk -d "$IMAGE" | sed -n 's/.*start= *\([0-9]*\).*type=83.*/\1/p' | head -1)
[ -n "$root_start" ] || failed "no ext4 root partition in $IMAGE"
mkdir -p "$ROOTFS"
debugfs -R "rdump / $ROOTFS" "$IMAGE?offset=$(( root_start * 512 ))" >"$WORK/debugfs.log" 2>&1 \
  || { tail -5 "$WORK/debugfs.log" >&2; failed "debugfs could not copy the root partition"; }
[ -x "$ROOTFS/usr/bin/java" ] || failed "no /usr/bin/java in the image's root"
extract_seconds=$(( $(date +%s) - t ))
release=$(tr '\n' ' ' <"$ROOTFS/etc/masknode-release" 2>/dev/null || echo "no /etc/masknode-release")
log "root file system copied out of $(basename "$IMAGE") in ${extract_seconds}s ($release)"
chroot_mount "$ROOTFS"
mkdir -p "$ROOTFS/tmp/vectors"
cp "$REPO_ROOT"/vectors/*.json "$ROOTFS/tmp/vectors/"
vector_files=$(cd "$ROOTFS" && ls tmp/vectors/*.json | sed 's|^|/|' | paste -sd' ' -)
# The JVM of the image runs emulated in the chroot; `uname -m` there says what it believes it runs on.
guest_arch=$(chroot "$ROOTFS" uname -m)
[ "$guest_arch" = aarch64 ] || failed "the chroot runs as $guest_arch, not aarch64"
libs=$(cd "$ROOTFS" && ls usr/lib/aarch64-linux-gnu/ | grep -E '^lib(sodium|crypto)\.so\.[0-9]+$' | paste -sd' ' -)
pkgs=$(chroot "$ROOTFS" dpkg-query -W -f='${Package} ${Version}, ' libsodium23 libssl3t64 openjdk-25-jre-headless 2>/dev/null || true)

masknode() { chroot "$ROOTFS" /usr/bin/masknode "$@"; }

# 1. Every vector file, every backend; sodium and openssl must have loaded.
t=$(date +%s)
# shellcheck disable=SC2086
set +e; masknode vectors --backend all --require "$NATIVE_BACKENDS" $vector_files >"$WORK/vectors.out" 2>"$WORK/vectors.err"; rc=$?; set -e
vectors_seconds=$(( $(date +%s) - t ))
grep '^#' "$WORK/vectors.out" >&2 || true
summary=$(tail -1 "$WORK/vectors.out")
log "vectors: exit $rc, '$summary' in ${vectors_seconds}s"
[ "$rc" = 0 ] || { grep -v '^PASS' "$WORK/vectors.out" | head -20 >&2; tail -5 "$WORK/vectors.err" >&2; failed "masknode vectors exited $rc: $summary"; }
[[ "$summary" =~ ^([0-9]+)\ passed,\ 0\ failed$ ]] || failed "unexpected summary: $summary"
cases=${BASH_REMATCH[1]}
# Each suite ran the same cases, and the native ones really are native and loaded.
per_suite=""
for suite in $EXPECTED_SUITES; do
  n=$(grep -c "^PASS \[$suite\] " "$WORK/vectors.out" || true)
  [ "$n" -gt 0 ] || failed "no case ran with backend $suite"
  per_suite="$per_suite $suite=$n"
  [ -z "${first_n:-}" ] && first_n=$n
  [ "$n" = "$first_n" ] || failed "backend $suite ran $n cases, bc ran $first_n"
done
[ $(( first_n * $(echo "$EXPECTED_SUITES" | wc -w) )) = "$cases" ] || failed "$cases cases is not $first_n per suite"
for lib in sodium openssl; do
  grep -q "^# backend $lib: loaded (native, " "$WORK/vectors.out" || failed "backend $lib not reported loaded"
done
cpu_line=$(grep -m1 '^# cpu: ' "$WORK/vectors.out" | sed 's/^# //')
[[ "$cpu_line" == "cpu: aarch64, AT_HWCAP: "* ]] || failed "the node did not report arm64 CPU features: $cpu_line"

# 2. Negative controls: the check must be able to fail.
# 2a. One wrong byte in a packet of a vector file.
python3 - "$ROOTFS/tmp/vectors/forward_v258.json" "$ROOTFS/tmp/corrupt.json" <<'EOF'
import sys
text = open(sys.argv[1]).read()
key = '"output_packet_hex": "'
at = text.index(key) + len(key) + 100
open(sys.argv[2], "w").write(text[:at] + ("1" if text[at] == "0" else "0") + text[at + 1:])
EOF
set +e; masknode vectors --backend all --require "$NATIVE_BACKENDS" /tmp/corrupt.json >"$WORK/corrupt.out" 2>&1; rc_corrupt=$?; set -e
corrupt_summary=$(tail -1 "$WORK/corrupt.out")
fail_lines=$(grep -c '^FAIL ' "$WORK/corrupt.out" || true)
log "negative control, one wrong byte: exit $rc_corrupt, '$corrupt_summary'"
[ "$rc_corrupt" = 1 ] && [ "$fail_lines" -ge 5 ] \
  || failed "a corrupted vector file did not fail every backend (exit $rc_corrupt, $fail_lines FAIL lines)"
# 2b. libsodium missing: the run must fail and name it (the copy is ours; the image is untouched).
sodium_lib=$(cd "$ROOTFS" && ls usr/lib/aarch64-linux-gnu/libsodium.so.* | head -1)
mv "$ROOTFS/$sodium_lib" "$ROOTFS/$sodium_lib.hidden"
set +e; masknode vectors --backend all --require "$NATIVE_BACKENDS" /tmp/vectors/primitives.json >"$WORK/nolib.out" 2>&1; rc_nolib=$?; set -e
mv "$ROOTFS/$sodium_lib.hidden" "$ROOTFS/$sodium_lib"
nolib_line=$(grep -m1 '^FAIL required backend sodium' "$WORK/nolib.out" || true)
log "negative control, libsodium hidden: exit $rc_nolib, '${nolib_line:-no FAIL line}'"
[ "$rc_nolib" = 1 ] && [ -n "$nolib_line" ] || failed "a missing libsodium did not fail the check (exit $rc_nolib)"

# 3. The benchmark: what the node detects and chooses (the rates are emulation, not speed).
t=$(date +%s)
set +e; masknode bench sphinx --seconds "$BENCH_SECONDS" --openssl-seconds 1 >"$WORK/bench.out" 2>&1; rc_bench=$?; set -e
bench_seconds=$(( $(date +%s) - t ))
[ "$rc_bench" = 0 ] || { tail -20 "$WORK/bench.out" >&2; failed "masknode bench sphinx exited $rc_bench"; }
chosen=$(sed -n 's/^chosen backends: //p' "$WORK/bench.out")
[ -n "$chosen" ] || failed "bench printed no chosen backends"

total=$(( $(date +%s) - t_start ))
cat <<EOF
image:            $IMAGE
node:             $release
packages:         ${pkgs%, }
native libraries: $libs
emulation:        qemu-user ($(qemu-aarch64-static --version | head -1)), chroot reports $guest_arch
$cpu_line
vectors:          $(echo "$vector_files" | wc -w) files, $summary (per backend:$per_suite), ${vectors_seconds}s
negative:         wrong byte -> exit $rc_corrupt ($corrupt_summary); libsodium hidden -> exit $rc_nolib
bench (${bench_seconds}s; figures under emulation are NOT speeds):
$(grep -v '^  selection' "$WORK/bench.out" | sed 's/^/  /')
times:            image build ${build_seconds}s (0 = image given), copy-out ${extract_seconds}s, vectors ${vectors_seconds}s, bench ${bench_seconds}s, total ${total}s
EOF
echo "arm64_crypto_ok cases=$cases backends=$(echo "$EXPECTED_SUITES" | tr ' ' ',') seconds=$total"
