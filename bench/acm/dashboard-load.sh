#!/usr/bin/env bash
# p50/p95 of the contract dashboard at 50 concurrent contract managers on 127.0.0.1: the demo county
# of PEOPLE people (default 100,000) on the embedded store and — when TESSERA_POSTGRES holds a
# connection string to an empty database — the same county on PostgreSQL.
#   usage: bench/acm/dashboard-load.sh [PEOPLE] [USERS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
people=${1:-100000}; users=${2:-50}; seconds=${3:-60}
work=$(mktemp -d /tmp/tessera-load.XXXXXX)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
if [ -z "${TESSERA_BIN:-}" ]; then
  dotnet publish src/Tessera.Cli -c Release -r linux-x64 -o "$work/bin" -nologo -v:q >/dev/null
fi
tessera="${TESSERA_BIN:-$work/bin}/tessera"

measure() { # workspace label
  "$tessera" serve --workspace "$1" --port 5199 --demo-users > "$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -fs http://127.0.0.1:5199/health >/dev/null && break; sleep 1; done
  echo -n "$2: "
  python3 bench/acm/dashboard-load.py http://127.0.0.1:5199 WF01-2024 "$users" "$seconds"
  kill "$server"; wait "$server" 2>/dev/null || true; server=
}

/usr/bin/time -f "demo county of $people people built in %e s" "$tessera" demo --no-serve --people "$people" --workspace "$work/ws" >/dev/null
measure "$work/ws" "embedded (SQLite + DuckDB)"

if [ -n "${TESSERA_POSTGRES:-}" ]; then
  "$tessera" init "$work/pg" --database "$TESSERA_POSTGRES" >/dev/null
  for dir in "$work/ws/incoming"/*/; do
    source=$(basename "$dir"); [ "$source" = truth ] && continue
    for month in "$dir"*/; do "$tessera" ingest --workspace "$work/pg" --source "$source" "$month" >/dev/null 2>&1 || true; done
  done
  "$tessera" link --workspace "$work/pg" >/dev/null
  "$tessera" metrics compute --workspace "$work/pg" >/dev/null
  "$tessera" providers import "$work/ws/incoming/providers.yaml" --workspace "$work/pg" >/dev/null
  "$tessera" contracts import "$work/ws/incoming/contracts.yaml" --workspace "$work/pg" >/dev/null
  measure "$work/pg" "PostgreSQL"
fi
