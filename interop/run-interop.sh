#!/usr/bin/env bash
# Interop scenarios: Nym's published WASM client (npm @nymproject/nym-client-wasm, pinned in
# interop/nym-wasm/package-lock.json) judges packets crossing three real masknode processes on
# loopback, through a stand-in gateway and nym-api. Needs Node.js >= 20.19 and npm. See docs/interop.md.
# Exits non-zero when a scenario fails. Extra arguments go to `node --test` (e.g. --test-name-pattern=tester).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
harness="$root/interop/nym-wasm"

command -v node >/dev/null || { echo "interop: Node.js not found; install nodejs and npm (Debian: apt-get install nodejs npm)" >&2; exit 2; }
command -v npm >/dev/null || { echo "interop: npm not found; install npm (Debian: apt-get install npm)" >&2; exit 2; }
# 20.19: @noble/* 2.x (engines); --test-force-exit needs 20.14.
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' \
  || { echo "interop: Node.js $(node --version) is too old; 20.19 or newer is needed" >&2; exit 2; }

# npm ci only when the installed tree is missing or older than the lock file (integrity hashes are checked by npm).
if [ ! -f "$harness/node_modules/.package-lock.json" ] || [ "$harness/package-lock.json" -nt "$harness/node_modules/.package-lock.json" ]; then
  echo "interop: npm ci" >&2
  (cd "$harness" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi

# Build the node once here (./masknode builds only when the sources changed), not in three racing starts.
"$root/masknode" --help >/dev/null

cd "$harness"
# One test file at a time: each brings up its own three masknode JVMs (test/rotation.test.js on a network clock).
exec node --test --test-force-exit --test-concurrency=1 --test-reporter=spec "$@" test/
