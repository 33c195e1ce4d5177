# A QEMU box for the update scenarios: one disk, booted (and killed) as often as a test needs.
# Sourced after common.sh; the caller sets WORK and calls vm_prepare once, then vm_boot/vm_kill.
#
# The disk is a copy of the image, 2 GiB larger, with SSH enabled the owner's way (an `ssh` file
# and a throwaway authorized_keys on the boot partition). The guest reaches the host only through
# QEMU's user network: 10.0.2.2 is the host's loopback (127.0.0.1), and the host reaches the guest
# through forwards bound to 127.0.0.1. Nothing leaves the machine.

VM_PID=""
VM_MEMORY="${VM_MEMORY:-1024}"
VM_API_PORT="${API_PORT:-8080}"

vm_free_port() {
  local p
  for _ in $(seq 50); do
    p=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  die "no free port"
}

vm_prepare() {
  local image="$1" boot_offset fat kernel initrd
  VM_DISK="$WORK/disk.img"
  cp --sparse=always "$image" "$VM_DISK"
  truncate -s +2G "$VM_DISK"
  boot_offset=$(( $(sfdisk -d "$VM_DISK" | sed -n 's/.*start= *\([0-9]*\).*type=c.*/\1/p' | head -1) * 512 ))
  [ "$boot_offset" -gt 0 ] || die "no FAT boot partition in $image"
  fat="$VM_DISK@@$boot_offset"
  export MTOOLS_SKIP_CHECK=1
  ssh-keygen -q -t ed25519 -N '' -C masknode-test-update -f "$WORK/id"
  : >"$WORK/ssh"
  mcopy -i "$fat" "$WORK/ssh" ::/ssh
  mcopy -i "$fat" "$WORK/id.pub" ::/authorized_keys
  kernel=$(mdir -b -i "$fat" ::/ | sed -n 's|^::/||p' | grep '^vmlinuz-' | sort -V | tail -1)
  initrd=$(mdir -b -i "$fat" ::/ | sed -n 's|^::/||p' | grep '^initrd.img-' | sort -V | tail -1)
  [ -n "$kernel" ] && [ -n "$initrd" ] || die "no kernel/initrd on the boot partition"
  mcopy -i "$fat" "::/$kernel" "$WORK/vmlinuz"
  mcopy -i "$fat" "::/$initrd" "$WORK/initrd"
  mcopy -i "$fat" ::/cmdline.txt "$WORK/cmdline.txt"
  VM_CMDLINE="$(tr -s ' \n' ' ' <"$WORK/cmdline.txt" | sed -E 's/console=[^ ]+ ?//g') console=ttyAMA0"
  VM_P_API=$(vm_free_port); VM_P_SSH=$(vm_free_port)
  VM_SSH=(ssh -q -i "$WORK/id" -p "$VM_P_SSH" -o BatchMode=yes -o StrictHostKeyChecking=no
          -o UserKnownHostsFile=/dev/null -o ConnectTimeout=10 -o ServerAliveInterval=15 root@127.0.0.1)
  VM_BOOTS=0
}

# Boots the disk; returns once the node's API answers 200 and SSH works (seconds in VM_BOOT_SECONDS).
vm_boot() {
  local timeout="${1:-900}" t0 now code
  VM_BOOTS=$((VM_BOOTS + 1))
  VM_SERIAL="$WORK/serial-$VM_BOOTS.log"
  qemu-system-aarch64 -M virt -cpu cortex-a72 -smp 2 -m "$VM_MEMORY" \
    -kernel "$WORK/vmlinuz" -initrd "$WORK/initrd" -append "$VM_CMDLINE" \
    -drive "file=$VM_DISK,if=none,format=raw,id=hd0" -device virtio-blk-pci,drive=hd0 \
    -netdev "user,id=n0,hostfwd=tcp:127.0.0.1:$VM_P_API-:$VM_API_PORT,hostfwd=tcp:127.0.0.1:$VM_P_SSH-:22" \
    -device virtio-net-pci,netdev=n0 -device virtio-rng-pci \
    -display none -serial "file:$VM_SERIAL" -monitor none -no-reboot &
  VM_PID=$!
  t0=$(date +%s)
  local hooked=0
  while :; do
    now=$(( $(date +%s) - t0 ))
    kill -0 "$VM_PID" 2>/dev/null || { tail -30 "$VM_SERIAL" >&2; die "qemu exited after ${now}s (boot $VM_BOOTS)"; }
    # Once SSH answers (before the node is up), the caller's hook may adjust the guest.
    if [ "$hooked" = 0 ] && [ -n "${VM_ON_SSH:-}" ] && vm_ssh true 2>/dev/null; then
      vm_ssh "$VM_ON_SSH" || die "boot $VM_BOOTS: the on-ssh hook failed"
      hooked=1
    fi
    code=$(vm_api_code /api/v1/health)
    [ "$code" = 200 ] && break
    [ "$now" -ge "$timeout" ] && { tail -30 "$VM_SERIAL" >&2; die "boot $VM_BOOTS: no /api/v1/health 200 after ${now}s"; }
    sleep 2
  done
  for _ in $(seq 30); do vm_ssh true 2>/dev/null && break; sleep 3; done
  vm_ssh true || die "boot $VM_BOOTS: ssh did not answer"
  VM_BOOT_SECONDS=$(( $(date +%s) - t0 ))
}

vm_ssh() { "${VM_SSH[@]}" "$@"; }

vm_api_code() { curl -s -o /dev/null -m 10 -w '%{http_code}' "http://127.0.0.1:$VM_P_API$1" 2>/dev/null || true; }
vm_api() { curl -s -m 10 "http://127.0.0.1:$VM_P_API$1" 2>/dev/null || true; }

# Pulls the plug: SIGKILL to QEMU, so whatever the guest had not flushed is lost.
vm_kill() {
  [ -n "$VM_PID" ] || return 0
  kill -KILL "$VM_PID" 2>/dev/null || true
  wait "$VM_PID" 2>/dev/null || true
  VM_PID=""
}

vm_poweroff() {
  [ -n "$VM_PID" ] || return 0
  vm_ssh systemctl poweroff >/dev/null 2>&1 || true
  for _ in $(seq 30); do kill -0 "$VM_PID" 2>/dev/null || break; sleep 2; done
  vm_kill
}
