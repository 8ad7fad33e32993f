#!/usr/bin/env bash
# Runs every Tessera test the way CI does:
#   1. installs PostgreSQL and Chromium from Debian when they are missing (needs root or sudo),
#   2. starts a throwaway PostgreSQL server on 127.0.0.1 (stopped on exit),
#   3. builds the whole solution with warnings as errors,
#   4. runs every test project and prints one summary line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]} from Debian …"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# A throwaway PostgreSQL: fresh data folder, loopback only, no fsync.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_data=$(mktemp -d /tmp/tessera-pg.XXXXXX)
pg_port=$(( 20000 + RANDOM % 20000 ))
pg_user=$(id -un)
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres "$pg_data"; pg_user=postgres; fi
run_pg "$pg_bin/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$pg_data" -w -l "$pg_data/server.log" \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_data -c fsync=off" start >/dev/null
cleanup() { run_pg "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_data"; }
trap cleanup EXIT
export TESSERA_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
export TESSERA_CHROMIUM="${TESSERA_CHROMIUM:-$(command -v chromium)}"
echo "test.sh: PostgreSQL on 127.0.0.1:$pg_port (as $pg_user), Chromium at $TESSERA_CHROMIUM"

dotnet build Tessera.slnx -c Release -warnaserror -nologo -v:q

passed=0; failed=0; skipped=0; status=0
for project in tests/*/*.csproj; do
  log=$(mktemp)
  if ! dotnet test "$project" -c Release --no-build --nologo 2>&1 | tee "$log"; then status=1; fi
  line=$(grep -E '(Passed|Failed)!  - Failed:' "$log" | tail -n 1 || true)
  if [ -z "$line" ]; then echo "test.sh: no result from $project"; status=1; fi
  f=$(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$line"); p=$(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$line"); s=$(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$line")
  failed=$((failed + ${f:-0})); passed=$((passed + ${p:-0})); skipped=$((skipped + ${s:-0}))
  rm -f "$log"
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
