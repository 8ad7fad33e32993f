#!/usr/bin/env bash
# p50/p95 of the contract dashboard at 50 concurrent contract managers on 127.0.0.1: the demo county
# of PEOPLE people (default 100,000) on the embedded store and — when TESSERA_POSTGRES holds a
# connection string to an empty database — the same county on PostgreSQL. USERS signed-in sessions
# ask wrk's USERS connections for the workforce contracts' dashboards in turn, each as fast as the
# server answers (no pause between pages: harsher than people reading), for SECONDS after 20 s of
# warming up.
#   usage: bench/acm/dashboard-load.sh [PEOPLE] [USERS] [SECONDS]     needs wrk (apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
people=${1:-100000}; users=${2:-50}; seconds=${3:-60}
contracts="WF01-2024 WF02-2024 WF03-2024 WF04-2024 WF05-2024 WF06-2024 WF07-2024"
work=$(mktemp -d /tmp/tessera-load.XXXXXX)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
if [ -z "${TESSERA_BIN:-}" ]; then
  dotnet publish src/Tessera.Cli -c Release -r linux-x64 -o "$work/bin" -nologo -v:q >/dev/null
fi
tessera="${TESSERA_BIN:-$work/bin}/tessera"

sign_in() { # prints one new demo session's cookies as a Cookie header value
  local jar="$work/jar" token
  rm -f "$jar"
  token=$(curl -s -c "$jar" -b "$jar" http://127.0.0.1:5199/signin | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "UserName=contracts@demo" \
    --data-urlencode "Purpose=contract management" "http://127.0.0.1:5199/signin?handler=Demo"
  sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 { printf "%s=%s; ", $6, $7 } END { print "" }'
}

measure() { # workspace label
  "$tessera" serve --workspace "$1" --port 5199 --demo-users > "$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -fs http://127.0.0.1:5199/health >/dev/null && break; sleep 1; done
  : > "$work/cookies"
  for _ in $(seq 1 "$users"); do sign_in >> "$work/cookies"; done
  # The first request after a publication works the figures out; the rest read them.
  first=$(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: $(head -1 "$work/cookies")" http://127.0.0.1:5199/acm/dashboards/contracts/WF01-2024)
  for c in $contracts; do curl -fs -o /dev/null -H "Cookie: $(head -1 "$work/cookies")" "http://127.0.0.1:5199/acm/dashboards/contracts/$c"; done
  echo "$2: first request after publication $(awk "BEGIN { printf \"%.0f\", $first * 1000 }") ms"
  # shellcheck disable=SC2086
  {
    echo -n "$2: $users users, first 20 s (warming up: the JIT compiles the hot paths), "
    wrk -t2 -c"$users" -d20s --timeout 10s -s bench/acm/dashboard-load.lua http://127.0.0.1:5199 -- "$work/cookies" $contracts | tail -1
    echo -n "$2: $users users, then ${seconds} s, "
    wrk -t2 -c"$users" -d"${seconds}s" --timeout 10s -s bench/acm/dashboard-load.lua http://127.0.0.1:5199 -- "$work/cookies" $contracts | tail -1
  }
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
