#!/usr/bin/env bash
# The issue-17 soak (docs/memory-budget.md): one node with the production unit's JVM flags, read
# from systemd/masknode.service, flooded on loopback for a bounded time per scenario while valid
# packets go through it to a sink. Prints valid delivered/lost and peak RSS per scenario.
# Usage: scripts/soak.sh [--seconds 35] [--connections 3000]   (about 4 x (seconds + 12) s in all, plus building packets)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
unit="$root/systemd/masknode.service"
# The heap, GC, direct-memory and OOM flags of ExecStart (not the AOT cache, which only the image has).
flags="$(sed -n '/^ExecStart=/,/-jar/p' "$unit" | grep -oE -- '-X(X:[+-]?[A-Za-z]+(=[^ ]+)?|mx[0-9]+[kmg])' \
         | grep -v AOT | tr '\n' ' ')"
[ -n "$flags" ] || { echo "soak: no JVM flags found in $unit" >&2; exit 1; }
exec "$root/masknode" soak --jvm "$flags" "$@"
