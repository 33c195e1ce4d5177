# Stage 2: turn an unpacked base rootfs into the Mask Node system. Sourced.

# chroot with the pseudo file systems an arm64 JVM or systemctl needs; always unmounted again.
CHROOT_MOUNTS=()
chroot_mount() {
  local root="$1"
  mount -t proc proc "$root/proc"; CHROOT_MOUNTS+=("$root/proc")
  mount --rbind /dev "$root/dev"; mount --make-rslave "$root/dev"; CHROOT_MOUNTS+=("$root/dev")
  mount -t sysfs -o ro sysfs "$root/sys"; CHROOT_MOUNTS+=("$root/sys")
  mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"; CHROOT_MOUNTS+=("$root/tmp")
}
chroot_umount() {
  local i
  for (( i=${#CHROOT_MOUNTS[@]}-1; i>=0; i-- )); do
    umount -R "${CHROOT_MOUNTS[$i]}" 2>/dev/null || umount -lR "${CHROOT_MOUNTS[$i]}" || true
  done
  CHROOT_MOUNTS=()
}

in_root() { chroot "$ROOTFS" "$@"; }

install_node() {
  local jar_dir="$1" sde="$2"
  [ -f "$jar_dir/masknode.jar" ] || die "no $jar_dir/masknode.jar (build it: ./mvnw -pl node -am package)"
  [ -d "$jar_dir/lib" ] || die "no $jar_dir/lib next to the jar"
  install -d -m 0755 "$ROOTFS/usr/lib/masknode/lib"
  install -m 0644 "$jar_dir/masknode.jar" "$ROOTFS/usr/lib/masknode/masknode.jar"
  install -m 0644 "$jar_dir"/lib/*.jar "$ROOTFS/usr/lib/masknode/lib/"
  # Final timestamps now: the AOT cache records each jar's mtime and refuses a changed one.
  find "$ROOTFS/usr/lib/masknode" -exec touch -h -d "@$sde" {} +
  install -m 0644 "$REPO_ROOT/systemd/masknode.service" "$ROOTFS/usr/lib/systemd/system/masknode.service"
  install -d -m 0755 "$ROOTFS/usr/lib/systemd/system/masknode.service.d"
  install -m 0644 "$REPO_ROOT"/systemd/masknode.service.d/*.conf "$ROOTFS/usr/lib/systemd/system/masknode.service.d/"
  install_update_root
  log "node: $(du -sh "$ROOTFS/usr/lib/masknode" | cut -f1) in /usr/lib/masknode ($(ls "$jar_dir/lib" | wc -l) libraries)"
}

# Updates (docs/updates.md): the install root, with current and good naming the image's own
# version; the release key the feed must be signed with, and the feed's address.
install_update_root() {
  install -m 0644 "$REPO_ROOT"/systemd/masknode-update.service "$REPO_ROOT"/systemd/masknode-update.timer \
    "$REPO_ROOT"/systemd/masknode-update.path "$ROOTFS/usr/lib/systemd/system/"
  install -d -m 0755 "$ROOTFS/var/lib/masknode-updates" "$ROOTFS/var/lib/masknode-updates/versions"
  ln -sfn /usr/lib/masknode "$ROOTFS/var/lib/masknode-updates/current"
  ln -sfn /usr/lib/masknode "$ROOTFS/var/lib/masknode-updates/good"
  if [ -n "${UPDATE_KEY:-}" ]; then
    install -m 0644 "$UPDATE_KEY" "$ROOTFS/usr/lib/masknode/update-key.pub"
  else
    log "updates: no --update-key given; this image will refuse every update (status says so)"
  fi
  printf '# Image defaults; override in /etc/masknode/update.properties (docs/updates.md).\nfeed_url=%s\n' \
    "${UPDATE_FEED:-}" >"$ROOTFS/usr/lib/masknode/update.properties"
  chmod 0644 "$ROOTFS/usr/lib/masknode/update.properties"
}

install_overlay() {
  # Files of ours, verbatim; *.in files are templates filled in below.
  (cd "$IMAGE_BUILD_DIR/rootfs" && find . -type f ! -name '*.in' -print0) |
    while IFS= read -r -d '' f; do
      install -D -m "$(stat -c %a "$IMAGE_BUILD_DIR/rootfs/$f")" "$IMAGE_BUILD_DIR/rootfs/$f" "$ROOTFS/$f"
    done
  sed -e "s/@MIX_PORT@/$MIX_PORT/" -e "s/@API_PORT@/$API_PORT/" -e "s/@ADMIN_PORT@/$ADMIN_PORT/" \
    "$IMAGE_BUILD_DIR/rootfs/etc/nftables.conf.in" >"$ROOTFS/etc/nftables.conf"
  chmod 0755 "$ROOTFS/etc/nftables.conf"
}

configure_system() {
  echo masknode >"$ROOTFS/etc/hostname"
  printf '127.0.0.1\tlocalhost\n127.0.1.1\tmasknode\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' >"$ROOTFS/etc/hosts"
  cat >"$ROOTFS/etc/fstab" <<EOF
# noatime and a 60 s commit interval spare the SD card; the node fsyncs what must survive.
LABEL=$ROOT_LABEL  /               ext4  defaults,noatime,commit=60,errors=remount-ro  0  1
LABEL=$BOOT_LABEL  /boot/firmware  vfat  defaults,noatime,umask=0022                   0  2
EOF
  # agetty shows the node's claim code above the login prompt (HDMI, serial) while the box is
  # unclaimed: the node writes the target, masknode-console.path redraws the prompts.
  install -d -m 0755 "$ROOTFS/etc/issue.d"
  ln -sfn /run/masknode/claim.issue "$ROOTFS/etc/issue.d/50-masknode-claim.issue"
  # Each box gets its own machine id (and so its own DHCP client id) on first boot.
  printf 'uninitialized\n' >"$ROOTFS/etc/machine-id"
  rm -f "$ROOTFS/var/lib/dbus/machine-id"
  ln -sf ../run/systemd/resolve/stub-resolv.conf "$ROOTFS/etc/resolv.conf"

  # No default password anywhere: every account is locked; SSH (keys only) is opt-in.
  sed -i -E 's/^([^:]+):[^:]*:/\1:*:/' "$ROOTFS/etc/shadow"
  if awk -F: '$2 !~ /^[*!]/ { bad = 1; print "account with a password: " $1 } END { exit !bad }' "$ROOTFS/etc/shadow"; then
    die "an account has a usable password"
  fi
  rm -f "$ROOTFS"/etc/ssh/ssh_host_*

  # mDNS: answer as masknode.local over IPv4 (the firewall only lets LAN addresses reach the admin
  # page, and a global IPv6 address of the same LAN would not count as one).
  sed -i -E -e 's/^#?host-name=.*/host-name=masknode/' -e 's/^#?use-ipv6=.*/use-ipv6=no/' \
    -e 's/^#?publish-workstation=.*/publish-workstation=no/' "$ROOTFS/etc/avahi/avahi-daemon.conf"
  grep -q '^host-name=masknode' "$ROOTFS/etc/avahi/avahi-daemon.conf" || die "avahi host-name not set"

  # Raspberry Pi boot files: the raspi-firmware hook writes config.txt and cmdline.txt from these.
  configure_raspi_firmware

  # The gpio group of the board drop-in, now rather than at first boot (udev needs it early).
  in_root systemd-sysusers masknode-board.conf
  in_root systemctl enable --quiet masknode.service masknode-console.path masknode-firstboot.service masknode-ssh-enable.service \
    masknode-update.service masknode-update.timer masknode-update.path masknode-os-update.timer \
    systemd-networkd.service systemd-resolved.service systemd-timesyncd.service avahi-daemon.service nftables.service
  in_root systemctl disable --quiet ssh.service ssh.socket 2>/dev/null || true
  # systemd 257's ssh generator probes AF_VSOCK, which a Pi lacks, and logs an error every boot;
  # SSH is handled by masknode-ssh-enable instead. A /dev/null link disables a generator.
  mkdir -p "$ROOTFS/etc/systemd/system-generators"
  ln -sf /dev/null "$ROOTFS/etc/systemd/system-generators/systemd-ssh-generator"
  # systemd's interactive first-boot wizard would wait forever on a console nobody watches.
  in_root systemctl mask --quiet systemd-firstboot.service
  # Debian's updates run once a day from masknode-os-update.timer (image-build/README.md); apt's
  # own twice-daily list downloads and the dpkg database backups would only wear the card more.
  in_root systemctl mask --quiet apt-daily.timer apt-daily-upgrade.timer dpkg-db-backup.timer 2>/dev/null || true
  in_root systemctl set-default multi-user.target >/dev/null
}

configure_raspi_firmware() {
  local kver
  kver=$(rootfs_kernel_version "$ROOTFS")
  # Root by label (same on SD card and in QEMU); consoles fixed rather than probed from the
  # build host's /dev; no CMA pool (nothing uses the GPU; on a Pi 4 a CMA setting can even
  # keep it from booting).
  local defaults="$ROOTFS/etc/default/raspi-firmware" kv key
  for kv in "ROOTPART=LABEL=$ROOT_LABEL" 'CONSOLES="ttyS1,115200 tty0"' CMA=0; do
    key=${kv%%=*}
    sed -i -E "/^#?$key=/d" "$defaults"
    echo "$kv" >>"$defaults"
  done
  install -m 0644 "$IMAGE_BUILD_DIR/raspi/config-custom.txt" "$ROOTFS/etc/default/raspi-firmware-custom"
  # Rerun the hook that the kernel package ran: copies kernel, initrd, DTBs, writes the text files.
  in_root /etc/initramfs/post-update.d/z50-raspi-firmware "$kver" "/boot/initrd.img-$kver" >/dev/null
  [ -f "$ROOTFS/boot/firmware/cmdline.txt" ] || die "raspi-firmware wrote no cmdline.txt"
  grep -q "root=LABEL=$ROOT_LABEL" "$ROOTFS/boot/firmware/cmdline.txt" \
    || die "cmdline.txt lacks root=LABEL=$ROOT_LABEL: $(cat "$ROOTFS/boot/firmware/cmdline.txt")"
}

write_manifest() {
  local out="$1" sde="$2"
  {
    echo "# Mask Node image package manifest: package<TAB>version<TAB>architecture"
    echo "# suite=$SUITE kernel_suite=$KERNEL_SUITE source_date_epoch=$sde node=$(node_version)"
    in_root dpkg-query -W -f='${Package}\t${Version}\t${Architecture}\n' | LC_ALL=C sort
  } >"$out"
  install -D -m 0644 "$out" "$ROOTFS/usr/share/masknode/packages.manifest"
}

# Every timestamp at or before SOURCE_DATE_EPOCH (files written during the build included).
clamp_mtimes() {
  local sde="$1"
  find "$ROOTFS" -xdev -newermt "@$sde" -print0 | xargs -0r touch -h -d "@$sde"
}
