# Stage 3: train the JVM's AOT cache (JEP 483/514) on the target's own JDK, under qemu-user. Sourced.
#
# The cache is per JDK build and architecture, so it is made here, inside the arm64 rootfs,
# with the unit's JVM flags and the jars at their final paths and timestamps. A node that answers
# `run` is started, its API and setup page are requested, and SIGTERM makes the JVM write the
# cache on exit. A jar without `run` (early development) is trained on `--version` only.

# The JVM sees the path masknode.service uses (current -> /usr/lib/masknode, docs/updates.md):
# the cache records the class path as given. Host-side file operations use the real file.
AOT_CACHE=/var/lib/masknode-updates/current/masknode.aot
AOT_CACHE_FILE=/usr/lib/masknode/masknode.aot

# The unit's JVM flags minus the AOT ones, read from the unit so training and service match.
unit_jvm_flags() {
  sed -e ':a' -e '/\\$/N; s/\\\n//; ta' "$ROOTFS/usr/lib/systemd/system/masknode.service" |
    sed -n 's/^ExecStart=\/usr\/bin\/java //p' | sed 's/ -jar .*//' | tr -s ' ' '\n' |
    grep -v -e '^$' -e '^\$' -e '^-XX:AOTMode=' -e '^-XX:AOTCache=' -e '^-Xlog:aot=' | paste -sd' ' -
}

free_port() {
  local p
  for _ in $(seq 50); do
    p=$(( 20000 + RANDOM % 20000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  die "no free port"
}

http_code() { curl -s -o /dev/null -m 10 -w '%{http_code}' "$1" 2>/dev/null || true; }

train_aot() {
  local flags log="$WORK/aot-training.log" jar=/var/lib/masknode-updates/current/masknode.jar
  flags=$(unit_jvm_flags)
  [ -n "$flags" ] || die "could not read the JVM flags from masknode.service"
  rm -f "$ROOTFS$AOT_CACHE_FILE"
  if in_root /usr/bin/java $flags -jar "$jar" --help 2>&1 | grep -qE '^[[:space:]]+run([[:space:]]|$)'; then
    local mix api admin pid code_api="" code_admin="" waited=0
    mix=$(free_port); api=$(free_port); admin=$(free_port)
    log "AOT: training on 'run' (api :$api, admin :$admin) under emulation"
    # shellcheck disable=SC2086
    chroot "$ROOTFS" /usr/bin/java $flags -XX:AOTCacheOutput="$AOT_CACHE" -jar "$jar" \
      run --dev --data /tmp/aot-training --mix-port "$mix" --api-port "$api" --admin-port "$admin" \
      >"$log" 2>&1 &
    pid=$!
    while [ "$waited" -lt 900 ] && kill -0 "$pid" 2>/dev/null; do
      code_api=$(http_code "http://127.0.0.1:$api/api/v1/health")
      [ "$code_api" = 200 ] && break
      sleep 3; waited=$((waited + 3))
    done
    [ "$code_api" = 200 ] || { kill "$pid" 2>/dev/null || true; tail -30 "$log" >&2; die "AOT training: node did not answer /api/v1/health"; }
    # Exercise what a real start and the first visits load.
    for _ in 1 2 3; do
      for path in /api/v1/health /api/v1/build-information /api/v1/roles /api/v1/description \
                  /api/v1/host-information /api/v1/metrics/packets-stats; do
        http_code "http://127.0.0.1:$api$path" >/dev/null
      done
      code_admin=$(http_code "http://127.0.0.1:$admin/")
    done
    log "AOT: node up after ${waited}s (health=$code_api setup_page=$code_admin); stopping it to write the cache"
    kill -TERM "$pid"
    wait "$pid" || true
  else
    log "AOT: this jar has no 'run' command yet; training on --version only"
    # shellcheck disable=SC2086
    in_root /usr/bin/java $flags -XX:AOTCacheOutput="$AOT_CACHE" -jar "$jar" --version >"$log" 2>&1 \
      || { cat "$log" >&2; die "AOT training run failed"; }
  fi
  [ -s "$ROOTFS$AOT_CACHE_FILE" ] || { tail -30 "$log" >&2; die "no AOT cache written"; }
  # AOTMode=on refuses to start with an unusable cache: proof the service will use it.
  # shellcheck disable=SC2086
  in_root /usr/bin/java $flags -XX:AOTMode=on -XX:AOTCache="$AOT_CACHE" -jar "$jar" --version >>"$log" 2>&1 \
    || { tail -30 "$log" >&2; die "the trained AOT cache is not usable"; }
  chmod 0644 "$ROOTFS$AOT_CACHE_FILE"
  log "AOT: cache $(du -h "$ROOTFS$AOT_CACHE_FILE" | cut -f1)"
}
