# Shared helpers for build-image.sh and test-boot.sh (sourced, not run).

IMAGE_BUILD_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_ROOT="$(cd "$IMAGE_BUILD_DIR/.." && pwd)"

# Debian's own archive only: no other mirror or snapshot service is reachable from the build machines.
DEBIAN_MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
DEBIAN_SECURITY="${DEBIAN_SECURITY:-http://deb.debian.org/debian-security}"
SUITE=trixie
COMPONENTS="main non-free-firmware"   # raspi-firmware (the GPU boot blobs) lives in non-free-firmware

# Partition labels; fstab and the kernel command line find the partitions by these.
BOOT_LABEL=MASKBOOT
ROOT_LABEL=MASKROOT

CACHE_DIR="${MASKNODE_IMAGE_CACHE:-/var/cache/masknode-image}"

_t0=$(date +%s)
log() { printf '[%4ds] %s\n' "$(( $(date +%s) - _t0 ))" "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

require_root() {
  [ "$(id -u)" = 0 ] || die "run as root (mmdebstrap, chroot and binfmt_misc need it): sudo $0 $*"
}

require_tools() {
  local missing=() t
  for t in "$@"; do command -v "$t" >/dev/null 2>&1 || missing+=("$t"); done
  [ ${#missing[@]} -eq 0 ] || die "missing tools: ${missing[*]}
  install: apt-get install -y mmdebstrap qemu-user-static binfmt-support qemu-system-arm dosfstools mtools fdisk e2fsprogs"
}

# arm64 binaries in the rootfs run through qemu-user; the kernel needs binfmt_misc for that and
# this sandbox does not mount it. The Debian entry has the F (fix-binary) flag, so chroot works
# without copying qemu into the rootfs.
ensure_binfmt() {
  if [ ! -e /proc/sys/fs/binfmt_misc/status ]; then
    mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc || die "cannot mount binfmt_misc"
  fi
  if [ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]; then
    update-binfmts --enable qemu-aarch64 >/dev/null || die "cannot enable qemu-aarch64 in binfmt_misc (qemu-user-static installed?)"
  fi
  grep -q '^flags: .*F' /proc/sys/fs/binfmt_misc/qemu-aarch64 \
    || die "qemu-aarch64 binfmt entry lacks the F flag; chroot into the arm64 rootfs would fail"
}

# Seconds since the epoch used for every timestamp in the image: SOURCE_DATE_EPOCH when set,
# else the last commit's time, so two builds of one commit carry the same dates.
source_date_epoch() {
  if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
    echo "$SOURCE_DATE_EPOCH"
  else
    git -C "$REPO_ROOT" log -1 --format=%ct 2>/dev/null || date +%s
  fi
}

# Reads a one-package-a-line list, dropping comments and blank lines.
read_list() { sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$1"; }

# Kernel version installed in a rootfs (newest when several).
rootfs_kernel_version() {
  local root="$1" v
  v=$(ls "$root"/boot/vmlinuz-* 2>/dev/null | sed 's|.*/vmlinuz-||' | sort -V | tail -1)
  [ -n "$v" ] || die "no kernel in $root/boot"
  echo "$v"
}
