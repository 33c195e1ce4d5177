# Stage 1: the base root filesystem (Debian packages only), cached as a tarball. Sourced.
#
# Everything that comes from Debian is installed here in one mmdebstrap run (about 8 minutes under
# emulation, see ../shared/research/toolchain.md §3); everything of ours is added later on a copy,
# so a rebuild after a code change starts from the cached tarball and takes minutes.

# Writes apt preferences pinning every package of a previous manifest to its exact version.
# A pinned version Debian no longer serves is not an error here; verify_pins reports it after
# the install, where the actual versions are known.
write_pin_preferences() {
  local manifest="$1" out="$2"
  awk -F'\t' '!/^#/ && NF >= 2 {
      printf "Package: %s\nPin: version %s\nPin-Priority: 1001\n\n", $1, $2 }' "$manifest" >"$out"
}

# Compares an image manifest with the pin manifest it was built from; returns 1 on any drift.
verify_pins() {
  local pins="$1" got="$2"
  local drift
  drift=$(awk -F'\t' 'NR == FNR { if (!/^#/ && NF >= 2) want[$1] = $2; next }
                      !/^#/ && ($1 in want) && want[$1] != $2 {
                        printf "  %s: pinned %s, got %s\n", $1, want[$1], $2 }' "$pins" "$got")
  if [ -n "$drift" ]; then
    printf 'pinned versions not reproduced (Debian no longer serves them; no snapshot service is used):\n%s\n' "$drift" >&2
    return 1
  fi
}

# Prints the sources mmdebstrap uses (one-line format, one argument each).
base_sources() {
  local kernel_suite="$1"
  echo "deb $DEBIAN_MIRROR $SUITE $COMPONENTS"
  echo "deb $DEBIAN_MIRROR $SUITE-updates $COMPONENTS"
  echo "deb $DEBIAN_SECURITY $SUITE-security $COMPONENTS"
  if [ "$kernel_suite" = "$SUITE-backports" ]; then
    echo "deb $DEBIAN_MIRROR $SUITE-backports $COMPONENTS"
  fi
}

# The cache key covers every input of the base: package list, sources, pins and this file.
base_cache_key() {
  local kernel_suite="$1" pins="$2"
  {
    read_list "$IMAGE_BUILD_DIR/packages.list"
    base_sources "$kernel_suite"
    [ -n "$pins" ] && cat "$pins"
    cat "${BASH_SOURCE[0]}"
    mmdebstrap --version
  } | sha256sum | cut -c1-16
}

# Builds (or reuses) the base tarball; prints its path. Its manifest sits next to it.
build_base() {
  local kernel_suite="$1" pins="$2" sde="$3" rebuild="$4"
  local key tar manifest
  key=$(base_cache_key "$kernel_suite" "$pins")
  tar="$CACHE_DIR/base-$SUITE-arm64-$key.tar"
  manifest="${tar%.tar}.manifest"
  if [ "$rebuild" != 1 ] && [ -s "$tar" ] && [ -s "$manifest" ]; then
    log "base rootfs: cached $tar"
    echo "$tar"
    return
  fi
  mkdir -p "$CACHE_DIR"
  local includes kernel_pkg=linux-image-arm64
  [ "$kernel_suite" = "$SUITE-backports" ] && kernel_pkg="linux-image-arm64/$SUITE-backports"
  includes=$(read_list "$IMAGE_BUILD_DIR/packages.list" | sed "s|^linux-image-arm64\$|$kernel_pkg|" | paste -sd, -)

  local prefs="" setup_hooks=()
  if [ -n "$pins" ]; then
    prefs="$CACHE_DIR/pins-$key.pref"
    write_pin_preferences "$pins" "$prefs"
    setup_hooks+=(--setup-hook="mkdir -p \"\$1/etc/apt/preferences.d\" && cp '$prefs' \"\$1/etc/apt/preferences.d/masknode-pins\"")
  fi

  local sources=()
  mapfile -t sources < <(base_sources "$kernel_suite")
  log "base rootfs: mmdebstrap $SUITE arm64 ($(echo "$includes" | tr ',' ' ' | wc -w) packages + deps), several minutes under emulation"
  # Docs, man pages and translations are dropped (copyright files stay: they are the licences).
  # man1 must still exist: the JDK's postinst points update-alternatives links into it.
  SOURCE_DATE_EPOCH="$sde" mmdebstrap \
    --architectures=arm64 --variant=apt --format=tar --components="$COMPONENTS" \
    --aptopt='APT::Install-Recommends "false"' \
    --aptopt='Acquire::Languages "none"' \
    --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/info/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' \
    --dpkgopt='path-exclude=/usr/share/lintian/*' \
    --include="$includes" \
    --setup-hook='mkdir -p "$1/usr/share/man/man1"' \
    "${setup_hooks[@]}" \
    --customize-hook='rm -f "$1/etc/apt/preferences.d/masknode-pins"' \
    --customize-hook="chroot \"\$1\" dpkg-query -W -f='\${Package}\t\${Version}\t\${Architecture}\n' | LC_ALL=C sort >'$manifest.tmp'" \
    "$SUITE" "$tar.tmp" "${sources[@]}" >&2
  if [ -n "$pins" ]; then
    verify_pins "$pins" "$manifest.tmp" || { rm -f "$tar.tmp" "$manifest.tmp"; die "base rootfs does not match $pins"; }
  fi
  mv "$manifest.tmp" "$manifest"
  mv "$tar.tmp" "$tar"
  log "base rootfs: $(du -h "$tar" | cut -f1) tarball, $(wc -l <"$manifest") packages"
  echo "$tar"
}
