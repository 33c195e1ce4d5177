# Stage 4: the SD-card image, built as plain files (no loop devices): a FAT32 boot partition
# made with mkfs.vfat + mtools, an ext4 root made with mkfs.ext4 -d, an MBR written by sfdisk,
# and both file systems copied into place with dd. Sourced.

BOOT_MIB=256          # kernel + initrd + DTBs + GPU firmware, with room for one kernel update
ALIGN_MIB=4           # first partition start; SD cards erase in 4 MiB blocks

# A stable identifier derived from SOURCE_DATE_EPOCH, so two builds of one commit match.
derived_hex() { printf '%s-%s' "$1" "$2" | sha256sum | cut -c1-"$3"; }
derived_uuid() {
  local h; h=$(derived_hex "$1" "$2" 32)
  echo "${h:0:8}-${h:8:4}-4${h:13:3}-8${h:17:3}-${h:20:12}"
}

assemble_image() {
  local img="$1" sde="$2"
  local bootdir="$WORK/bootfs" boot_img="$WORK/boot.fat" root_img="$WORK/root.ext4"

  # The boot partition's files leave the root tree; /boot/firmware stays as its mount point.
  rm -rf "$bootdir"; mkdir -p "$bootdir"
  cp -a "$ROOTFS/boot/firmware/." "$bootdir/"
  find "$ROOTFS/boot/firmware" -mindepth 1 -delete
  [ -f "$bootdir/config.txt" ] && [ -f "$bootdir/cmdline.txt" ] || die "boot files missing (config.txt, cmdline.txt)"

  local used_mib root_mib
  used_mib=$(du -s -x --block-size=1M "$ROOTFS" | cut -f1)
  # Room for ext4 metadata and a first boot; the partition grows to the card on first boot anyway.
  root_mib=$(( (used_mib * 115 / 100 + 256 + ALIGN_MIB - 1) / ALIGN_MIB * ALIGN_MIB ))

  rm -f "$boot_img" "$root_img"
  mkfs.vfat -C -F 32 -n "$BOOT_LABEL" -i "$(derived_hex "$sde" boot 8)" "$boot_img" $((BOOT_MIB * 1024)) >/dev/null
  MTOOLS_SKIP_CHECK=1 mcopy -i "$boot_img" -s -p -m "$bootdir"/* ::/

  local uuid; uuid=$(derived_uuid "$sde" root)
  E2FSPROGS_FAKE_TIME="$sde" mkfs.ext4 -q -F -L "$ROOT_LABEL" -U "$uuid" -E "hash_seed=$uuid,root_owner=0:0" \
    -d "$ROOTFS" "$root_img" "${root_mib}M"

  local boot_start=$((ALIGN_MIB * 2048)) boot_sectors=$((BOOT_MIB * 2048)) root_sectors=$((root_mib * 2048))
  local root_start=$((boot_start + boot_sectors))
  rm -f "$img"
  truncate -s $(( (ALIGN_MIB + BOOT_MIB + root_mib) * 1024 * 1024 )) "$img"
  sfdisk --quiet "$img" <<EOF
label: dos
label-id: 0x$(derived_hex "$sde" disk 8)
unit: sectors

start=$boot_start, size=$boot_sectors, type=c, bootable
start=$root_start, size=$root_sectors, type=83
EOF
  dd if="$boot_img" of="$img" bs=1M seek=$ALIGN_MIB conv=notrunc,sparse status=none
  dd if="$root_img" of="$img" bs=1M seek=$((ALIGN_MIB + BOOT_MIB)) conv=notrunc,sparse status=none
  touch -d "@$sde" "$img"
  log "image: $img $(( $(stat -c %s "$img") / 1024 / 1024 )) MiB (boot ${BOOT_MIB} MiB, root ${root_mib} MiB with ${used_mib} MiB used)"
}
