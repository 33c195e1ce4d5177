# Sourced by ./masknode, ./run-tests and .ci/run. Finds a JDK (or, with "jre", a runtime) of
# version 25 or newer and exports JAVA_HOME. Never trusts that `java` on PATH is new enough.

_masknode_java_feature() {   # prints the feature release of $1/bin/java, e.g. 25
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n1
}

masknode_find_jdk() {        # usage: masknode_find_jdk [jre]
  local need_javac=1 candidate feature
  [ "${1:-}" = "jre" ] && need_javac=0
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for candidate in /usr/lib/jvm/*/ /opt/java/*/ /usr/local/lib/jvm/*/; do
    [ -d "$candidate" ] && candidates+=("${candidate%/}")
  done
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  local best="" best_feature=0
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate/bin/java" ] || continue
    [ "$need_javac" = 1 ] && [ ! -x "$candidate/bin/javac" ] && continue
    feature=$(_masknode_java_feature "$candidate")
    [ -n "$feature" ] || continue
    if [ "$feature" -ge 25 ] && [ "$feature" -gt "$best_feature" ]; then
      best="$candidate"; best_feature="$feature"
    fi
    # JAVA_HOME that already qualifies wins: the user chose it.
    if [ -n "$best" ] && [ "$candidate" = "${JAVA_HOME:-}" ]; then break; fi
  done
  if [ -z "$best" ]; then
    echo "masknode: no Java ${need_javac:+JDK }25 or newer found (looked at JAVA_HOME, /usr/lib/jvm, PATH)." >&2
    echo "masknode: install one, e.g. 'apt-get install openjdk-25-jdk-headless', or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
