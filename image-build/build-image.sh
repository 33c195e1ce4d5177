#!/usr/bin/env bash
# Builds the Mask Node SD-card image for a Raspberry Pi 4/5 (arm64, Debian trixie). Run as root:
#
#   sudo image-build/build-image.sh [--out DIR] [--pin-from MANIFEST] [--jar-dir DIR]
#                                   [--update-key release.pub] [--update-feed URL]
#                                   [--kernel-from-backports] [--rebuild-base] [--keep-work]
#
# Writes DIR/masknode-arm64.img (flash it with dd or Raspberry Pi Imager), its package manifest
# DIR/masknode-arm64.manifest and DIR/build-times.txt. See image-build/README.md.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
. "$IMAGE_BUILD_DIR/lib/base.sh"
. "$IMAGE_BUILD_DIR/lib/customize.sh"
. "$IMAGE_BUILD_DIR/lib/aot.sh"
. "$IMAGE_BUILD_DIR/lib/assemble.sh"

OUT="$IMAGE_BUILD_DIR/out"
PINS=""
JAR_DIR=""
UPDATE_KEY=""
UPDATE_FEED=""
KERNEL_SUITE="$SUITE"
REBUILD_BASE=0
KEEP_WORK=0
NO_AOT=0
# The node's ports as the firewall opens them (the node's defaults).
MIX_PORT="${MIX_PORT:-1789}"
API_PORT="${API_PORT:-8080}"
ADMIN_PORT="${ADMIN_PORT:-8443}"

usage() { sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT="$2"; shift 2 ;;
    --pin-from) PINS="$(realpath "$2")"; [ -s "$PINS" ] || die "no manifest at $2"; shift 2 ;;
    --jar-dir) JAR_DIR="$(realpath "$2")"; shift 2 ;;
    --update-key) UPDATE_KEY="$(realpath "$2")"; [ -s "$UPDATE_KEY" ] || die "no key at $2"; shift 2 ;;
    --update-feed) UPDATE_FEED="$2"; shift 2 ;;
    --kernel-from-backports) KERNEL_SUITE="$SUITE-backports"; shift ;;
    --rebuild-base) REBUILD_BASE=1; shift ;;
    --keep-work) KEEP_WORK=1; shift ;;
    --no-aot) NO_AOT=1; shift ;;   # test images only (test-update.sh, test-arm64-crypto.sh): minutes less under load
    -h|--help) usage 0 ;;
    *) echo "unknown option: $1" >&2; usage 2 ;;
  esac
done

require_root "$@"
require_tools mmdebstrap mkfs.vfat mcopy mkfs.ext4 sfdisk curl sha256sum
ensure_binfmt
SDE=$(source_date_epoch)
export SOURCE_DATE_EPOCH="$SDE"
mkdir -p "$OUT"
OUT="$(realpath "$OUT")"
IMG="$OUT/masknode-arm64.img"
TIMES="$OUT/build-times.txt"
: >"$TIMES"
stage_start=$(date +%s)
stage_done() { local now; now=$(date +%s); printf '%-10s %4ds\n' "$1" $((now - stage_start)) >>"$TIMES"; stage_start=$now; }

node_version() {
  # The version the installed jar carries (a stamped release's), else the pom's.
  local v; v=$(unzip -p "$JAR_DIR/masknode.jar" network/mask/node/build.properties 2>/dev/null | sed -n 's/^version=//p')
  [ -n "$v" ] || v=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$REPO_ROOT/pom.xml" | head -1)
  echo "$v+$(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
}

# 1. The node's jar and libraries (built unless a directory was given).
if [ -z "$JAR_DIR" ]; then
  JAR_DIR="$REPO_ROOT/node/target"
  log "node: ./mvnw -pl node -am package"
  (cd "$REPO_ROOT" && . scripts/jdk.sh && masknode_find_jdk && ./mvnw -B -ntp -q -DskipTests -pl node -am package) >&2
fi
stage_done jar

# 2. Debian base (cached).
BASE_TAR=$(build_base "$KERNEL_SUITE" "$PINS" "$SDE" "$REBUILD_BASE")
stage_done base

WORK=$(mktemp -d /var/tmp/masknode-image.XXXXXX)
ROOTFS="$WORK/rootfs"
cleanup() {
  chroot_umount
  if [ "$KEEP_WORK" = 1 ]; then log "work dir kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
mkdir -p "$ROOTFS"
tar -C "$ROOTFS" --numeric-owner --xattrs --xattrs-include='*' -xpf "$BASE_TAR"
stage_done unpack

# 3. Mask Node on top.
chroot_mount "$ROOTFS"
install_node "$JAR_DIR" "$SDE"
install_overlay
configure_system
stage_done customize

if [ "$NO_AOT" = 1 ]; then log "AOT: skipped (--no-aot); the node starts without a cache"; else train_aot; fi
stage_done aot

write_manifest "$OUT/masknode-arm64.manifest" "$SDE"
if [ -n "$PINS" ]; then verify_pins "$PINS" "$OUT/masknode-arm64.manifest" || die "image does not match $PINS"; fi
printf 'version=%s\nsource_date_epoch=%s\nkernel=%s\n' "$(node_version)" "$SDE" "$(rootfs_kernel_version "$ROOTFS")" \
  >"$ROOTFS/etc/masknode-release"
chroot_umount
clamp_mtimes "$SDE"

# 4. The card image.
assemble_image "$IMG" "$SDE"
stage_done image
(cd "$OUT" && sha256sum "$(basename "$IMG")" >"$(basename "$IMG").sha256")
log "done: $IMG ($(du -h --apparent-size "$IMG" | cut -f1), $(du -h "$IMG" | cut -f1) allocated); stage times:"
cat "$TIMES" >&2
echo "$IMG"
