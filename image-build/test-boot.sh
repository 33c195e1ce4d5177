#!/usr/bin/env bash
# Boots the Mask Node image in qemu-system-aarch64 (virt machine, cortex-a72, TCG software
# emulation) and checks the node the way an owner would meet it. Run as root:
#
#   sudo image-build/test-boot.sh [--image IMG] [--timeout SECONDS] [--memory MIB] [--watchdog] [--keep]
#
# Without --image it first runs build-image.sh (which reuses the cached Debian base). The disk
# is a copy of the image, enlarged by 2 GiB so the first-boot growth is exercised, with SSH
# enabled the owner's way (an `ssh` file and authorized_keys on the boot partition) so the
# checks can look inside. Last line: `boot_ok setup_page=<code> api=<code> seconds=<n>`, or
# `boot_failed <reason>` with exit status 1. --watchdog also freezes the node (SIGSTOP) and
# checks that systemd's watchdog restarts it and the API comes back.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

IMAGE=""
TIMEOUT=900
MEMORY=1024           # the smallest board the node targets
KEEP=0
WATCHDOG_CHECK=0
API_PORT="${API_PORT:-8080}"
while [ $# -gt 0 ]; do
  case "$1" in
    --image) IMAGE="$(realpath "$2")"; shift 2 ;;
    --timeout) TIMEOUT="$2"; shift 2 ;;
    --memory) MEMORY="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --watchdog) WATCHDOG_CHECK=1; shift ;;
    -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

failed() { echo "boot_failed $*"; exit 1; }
require_root "$@"
require_tools qemu-system-aarch64 mcopy mdir sfdisk ssh ssh-keygen curl

build_seconds=0
if [ -z "$IMAGE" ]; then
  t=$(date +%s)
  IMAGE=$("$IMAGE_BUILD_DIR/build-image.sh" | tail -1) || failed "image build failed"
  build_seconds=$(( $(date +%s) - t ))
fi
[ -f "$IMAGE" ] || failed "no image at $IMAGE"

WORK=$(mktemp -d /var/tmp/masknode-boot.XXXXXX)
QEMU_PID=""
cleanup() {
  if [ -n "$QEMU_PID" ] && kill -0 "$QEMU_PID" 2>/dev/null; then kill "$QEMU_PID" 2>/dev/null || true; fi
  if [ "$KEEP" = 1 ]; then log "kept $WORK (serial.log, disk.img)"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# A disk 2 GiB larger than the image, as a bigger SD card would be.
DISK="$WORK/disk.img"
cp --sparse=always "$IMAGE" "$DISK"
truncate -s +2G "$DISK"
boot_offset=$(( $(sfdisk -d "$DISK" | sed -n 's/.*start= *\([0-9]*\).*type=c.*/\1/p' | head -1) * 512 ))
[ "$boot_offset" -gt 0 ] || failed "no FAT boot partition in $IMAGE"
fat="$DISK@@$boot_offset"
export MTOOLS_SKIP_CHECK=1

# Enable SSH the owner's way, with a throwaway key.
ssh-keygen -q -t ed25519 -N '' -C masknode-test-boot -f "$WORK/id"
: >"$WORK/ssh"
mcopy -i "$fat" "$WORK/ssh" ::/ssh
mcopy -i "$fat" "$WORK/id.pub" ::/authorized_keys

# Kernel, initrd and command line from the image's own boot partition; only the console differs.
kernel=$(mdir -b -i "$fat" ::/ | sed -n 's|^::/||p' | grep '^vmlinuz-' | sort -V | tail -1)
initrd=$(mdir -b -i "$fat" ::/ | sed -n 's|^::/||p' | grep '^initrd.img-' | sort -V | tail -1)
[ -n "$kernel" ] && [ -n "$initrd" ] || failed "no kernel/initrd on the boot partition"
mcopy -i "$fat" "::/$kernel" "$WORK/vmlinuz"
mcopy -i "$fat" "::/$initrd" "$WORK/initrd"
mcopy -i "$fat" ::/cmdline.txt "$WORK/cmdline.txt"
cmdline="$(tr -s ' \n' ' ' <"$WORK/cmdline.txt" | sed -E 's/console=[^ ]+ ?//g') console=ttyAMA0"

port() { local p; for _ in $(seq 50); do p=$((20000 + RANDOM % 20000)); (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }; done; failed "no free port"; }
P_HTTP=$(port); P_API=$(port); P_SSH=$(port)

log "booting $(basename "$IMAGE") ($kernel, ${MEMORY} MiB, 2 vCPU, TCG); setup page :$P_HTTP, API :$P_API, ssh :$P_SSH"
t0=$(date +%s)
qemu-system-aarch64 -M virt -cpu cortex-a72 -smp 2 -m "$MEMORY" \
  -kernel "$WORK/vmlinuz" -initrd "$WORK/initrd" -append "$cmdline" \
  -drive "file=$DISK,if=none,format=raw,id=hd0" -device virtio-blk-pci,drive=hd0 \
  -netdev "user,id=n0,hostfwd=tcp:127.0.0.1:$P_HTTP-:80,hostfwd=tcp:127.0.0.1:$P_API-:$API_PORT,hostfwd=tcp:127.0.0.1:$P_SSH-:22" \
  -device virtio-net-pci,netdev=n0 -device virtio-rng-pci \
  -display none -serial "file:$WORK/serial.log" -monitor none -no-reboot &
QEMU_PID=$!

code() { curl -s -o /dev/null -m 10 -w '%{http_code}' "$1" 2>/dev/null || true; }
t_kernel="" t_api="" t_setup="" api_code="" setup_code=""
while :; do
  now=$(( $(date +%s) - t0 ))
  kill -0 "$QEMU_PID" 2>/dev/null || { tail -40 "$WORK/serial.log" >&2; failed "qemu exited after ${now}s"; }
  [ -z "$t_kernel" ] && grep -q 'Run /init as init process' "$WORK/serial.log" 2>/dev/null && t_kernel=$now
  if [ -z "$t_api" ]; then api_code=$(code "http://127.0.0.1:$P_API/api/v1/health"); [ "$api_code" = 200 ] && t_api=$now; fi
  if [ -z "$t_setup" ]; then setup_code=$(code "http://127.0.0.1:$P_HTTP/"); [[ "$setup_code" =~ ^[23] ]] && t_setup=$now; fi
  [ -n "$t_api" ] && [ -n "$t_setup" ] && break
  if [ "$now" -ge "$TIMEOUT" ]; then
    tail -40 "$WORK/serial.log" >&2
    failed "timeout after ${now}s: init=${t_kernel:-no} api=${api_code:-none} setup_page=${setup_code:-none}"
  fi
  sleep 2
done
seconds=$(( $(date +%s) - t0 ))
log "kernel handed over to init at ${t_kernel:-?}s, API 200 at ${t_api}s, setup page $setup_code at ${t_setup}s"

# Look inside over SSH (keys only; the image has no password).
SSH=(ssh -q -i "$WORK/id" -p "$P_SSH" -o BatchMode=yes -o StrictHostKeyChecking=no
     -o UserKnownHostsFile=/dev/null -o ConnectTimeout=10 root@127.0.0.1)
for _ in $(seq 30); do "${SSH[@]}" true 2>/dev/null && break; sleep 3; done
"${SSH[@]}" true 2>/dev/null || failed "ssh (enabled from the boot partition) did not answer"
guest() { "${SSH[@]}" "$@" 2>&1; }

active=$(guest systemctl is-active masknode.service || true)
[ "$active" = active ] || failed "masknode.service is $active"
restarts=$(guest systemctl show -p NRestarts --value masknode.service)
pid=$(guest systemctl show -p MainPID --value masknode.service)
rss_kb=$(guest cat "/proc/$pid/status" | awk '/^VmRSS:/ { print $2 }')
cgroup_mem=$(guest systemctl show -p MemoryCurrent --value masknode.service)
aot_mapped=$(guest grep -c masknode.aot "/proc/$pid/maps" || true)
# Node errors: anything systemd logged about the unit at err or worse, and error lines from the
# JVM or java.util.logging (SEVERE) in the node's own output.
node_errors=$(guest "journalctl -b -q --no-pager -u masknode.service -p err; journalctl -b -q --no-pager -u masknode.service -o cat | grep -E 'SEVERE|\\[error\\]|Exception in thread|Error occurred'" || true)
# Keys are made by the node itself at its first start, inside its sandbox: owner-only, not root's.
keys=$(guest "stat -c '%a %U %n' /var/lib/private/masknode/keys/*.key 2>&1" || true)
exposure=$(guest systemd-analyze security masknode.service | sed -n 's/.*Overall exposure level for masknode.service: //p')
hostname=$(guest cat /proc/sys/kernel/hostname)
root_size=$(guest df -h --output=size / | tail -1 | tr -d ' ')
boot_time=$(guest systemd-analyze time | tr -s ' \n' ' ')
blame=$(guest systemd-analyze blame | head -5)
firstboot=$(guest systemctl is-active masknode-firstboot.service || true)
avahi=$(guest "journalctl -b -q --no-pager -u avahi-daemon -o cat | grep -m1 'Host name is'" || true)
system_errors=$(guest journalctl -b -q --no-pager -p err | head -20 || true)
failed_units=$(guest systemctl list-units --failed --plain --no-legend | awk '{print $1}' | paste -sd' ' - || true)
firewall=$(guest systemctl is-active nftables.service || true)
# The unclaimed box shows its claim code above the console's login prompt (ClaimNotice, /etc/issue.d).
claim_code=$(guest "journalctl -b -q --no-pager -u masknode.service -o cat | grep -o -m1 'claim code: [A-Z0-9-]*'" | awk '{print $3}' || true)
console_claim=""
if [ -n "$claim_code" ]; then
  for _ in $(seq 20); do
    console_claim=$(tr -d '\r' <"$WORK/serial.log" | grep -a -m1 "enter the one-time claim code: $claim_code" || true)
    [ -n "$console_claim" ] && break
    sleep 3
  done
fi
console_url=$(tr -d '\r' <"$WORK/serial.log" | grep -a -o -E -m1 'Open http://[0-9]+([.][0-9]+){3}/' || true)
watchdog_result="not checked (--watchdog)"
if [ "$WATCHDOG_CHECK" = 1 ]; then
  # A hung node: frozen, it sends no WATCHDOG=1; systemd must kill and restart it.
  t_stop=$(date +%s)
  guest kill -STOP "$pid" >/dev/null
  back=""
  for _ in $(seq 120); do
    sleep 3
    [ "$(guest systemctl show -p NRestarts --value masknode.service)" -ge 1 ] 2>/dev/null || continue
    [ "$(code "http://127.0.0.1:$P_API/api/v1/health")" = 200 ] && { back=$(( $(date +%s) - t_stop )); break; }
  done
  [ -n "$back" ] || failed "watchdog: the frozen node was not restarted"
  timeout_line=$(guest "journalctl -b -q --no-pager -u masknode.service -o cat | grep -m1 -i 'watchdog timeout'" || true)
  [ -n "$timeout_line" ] || failed "watchdog: node restarted, but not by the watchdog"
  watchdog_result="frozen node restarted by systemd (${timeout_line}); API back after ${back}s"
fi
guest systemctl poweroff >/dev/null 2>&1 || true
for _ in $(seq 30); do kill -0 "$QEMU_PID" 2>/dev/null || break; sleep 2; done

cat <<EOF
image:            $IMAGE ($(( $(stat -c %s "$IMAGE") / 1024 / 1024 )) MiB, $(du -m "$IMAGE" | cut -f1) MiB allocated)
image build:      ${build_seconds}s (0 = image given)
boot (TCG):       init ${t_kernel:-?}s, /api/v1/health 200 at ${t_api}s, setup page at ${t_setup}s (from QEMU start)
guest boot:       $boot_time
slowest units:    $(echo "$blame" | tr -s ' ' | paste -sd';' -)
first boot:       $firstboot; hostname $hostname; root fs $root_size; avahi: ${avahi:-no host name line}
masknode:         $active, restarts $restarts, RSS $((rss_kb / 1024)) MiB (cgroup $((cgroup_mem / 1024 / 1024)) MiB), AOT cache mapped: $([ "${aot_mapped:-0}" -gt 0 ] && echo yes || echo no)
keys:             $(echo "$keys" | sed 's|/var/lib/private/masknode/keys/||' | paste -sd';' -)
exposure (257):   $exposure
firewall:         $firewall; failed units: ${failed_units:-none}
console:          claim code ${claim_code:-not in the journal} $([ -n "$console_claim" ] && echo "on the serial login banner (${console_url:-no URL})" || echo "NOT on the serial console")
watchdog:         $watchdog_result
system errors:    $( [ -n "$system_errors" ] && echo "$system_errors" | head -5 | paste -sd'|' - || echo none)
EOF
[ -z "$node_errors" ] || { echo "$node_errors" | head -20; failed "node errors in the journal"; }
[ "$restarts" = 0 ] || failed "masknode.service restarted $restarts times"
[ -z "$failed_units" ] || failed "failed units: $failed_units"
[ -n "$claim_code" ] || failed "the unclaimed node printed no claim code"
[ -n "$console_claim" ] || failed "claim code $claim_code not shown on the console (serial.log)"
[ -n "$console_url" ] || failed "the console banner has no http://<IPv4>/ address"
echo "$keys" | grep -q 'identity_ed25519.key' || failed "no identity key after first boot: $keys"
if echo "$keys" | grep -v '^600 ' | grep -q .; then failed "key files not 0600 or unreadable: $keys"; fi
if echo "$keys" | grep -q '^600 root '; then failed "key files owned by root: $keys"; fi
[ "$firewall" = active ] || failed "nftables.service is $firewall"
echo "boot_ok setup_page=$setup_code api=$api_code seconds=$seconds"
