#!/usr/bin/env bash
# The whole standard metric library on a synthetic county: PEOPLE people, 36 monthly deliveries of
# six sources ingested into a fresh workspace and linked, then `tessera metrics compute` timed
# (wall time and peak memory) — on the embedded engine (DuckDB), or on PostgreSQL when
# TESSERA_BENCH_POSTGRES holds a connection string to an empty database.
#   usage: bench/metrics/library.sh PEOPLE [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
people=${1:?usage: bench/metrics/library.sh PEOPLE [WORK_DIR]}
work=${2:-$(mktemp -d /tmp/tessera-metrics-bench.XXXXXX)}
mkdir -p "$work"

# TESSERA_BIN: an already published CLI folder (two benches publishing from one tree at once would collide).
if [ -z "${TESSERA_BIN:-}" ]; then
  dotnet publish src/Tessera.Cli -c Release -r linux-x64 -o "$work/bin" -nologo -v:q >/dev/null
fi
tessera="${TESSERA_BIN:-$work/bin}/tessera"
"$tessera" synth --people "$people" --seed 1 --out "$work/county" >/dev/null
rows=$(find "$work/county" -name '*.csv' -not -path '*/truth/*' -exec cat {} + | wc -l)
echo "county: $people people, $rows CSV rows outside HMIS exports"
"$tessera" init "$work/ws" ${TESSERA_BENCH_POSTGRES:+--database "$TESSERA_BENCH_POSTGRES"} >/dev/null
start=$(date +%s)
for source in benefits child_care child_welfare corrections homelessness workforce; do
  for month in "$work/county/$source"/*/; do
    # A delivery that fails is retried once (an ingest is atomic and re-sending is recognised).
    "$tessera" ingest --workspace "$work/ws" --source "$source" "$month" >/dev/null 2>&1 ||
      "$tessera" ingest --workspace "$work/ws" --source "$source" "$month" >/dev/null
  done
done
echo "ingest: $(( $(date +%s) - start )) s"
/usr/bin/time -f "link: wall %e s, peak %M KB" "$tessera" link --workspace "$work/ws" 2>&1 >/dev/null | grep -E "^link"
/usr/bin/time -f "metrics compute: wall %e s, peak %M KB" "$tessera" metrics compute --workspace "$work/ws" 2>&1 | grep -E "population row|^metrics compute|computed|skipped"
