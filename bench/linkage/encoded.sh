#!/usr/bin/env bash
# Linkage of encoded identifiers (keyed Bloom filters) with the default model: the benchmark sets
# with their names encoded (bench/linkage/encode-clk.py) beside the plain fields, and the anonlink
# tutorial's golden whole-record CLKs alone. One markdown row per set: precision, recall, F1 and
# the median wall time of RUNS whole-process runs.
#   usage: bench/linkage/encoded.sh [RUNS]        (default 5)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
shared=${TESSERA_SHARED_DATA:-$(cd .. && pwd)/shared/data}/linkage
work=$(mktemp -d /tmp/tessera-linkage-encoded.XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet publish src/Tessera.Cli -c Release -r linux-x64 -o "$work/bin" -nologo -v:q >/dev/null
tessera="$work/bin/tessera"
python3 bench/linkage/prepare-sets.py "$shared" "$work/sets"
for set in fake_1000 febrl3 febrl4 ncvr_40; do
  mkdir -p "$work/encoded/$set"
  cp "$work/sets/$set/truth.csv" "$work/encoded/$set/"
  for f in "$work/sets/$set"/*.csv; do
    [ "$(basename "$f")" = truth.csv ] || python3 bench/linkage/encode-clk.py "$f" "$work/encoded/$set/$(basename "$f")" given_name family_name
  done
done
python3 bench/linkage/anonlink-clks.py "$shared" "$work/encoded/anonlink_clk"

echo "| set | encoded | records | precision | recall | F1 | median wall time (s) |"
echo "|---|---|---|---|---|---|---|"
for set in fake_1000 febrl3 febrl4 ncvr_40 anonlink_clk; do
  read -r records precision recall f1 median < <(bench/linkage/measure-set.sh "$tessera" "$work/encoded/$set" "$work/out/$set" "$runs")
  encoded=$([ "$set" = anonlink_clk ] && echo "whole record (clk)" || echo "given and family name")
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$set" "$encoded" "$records" "$precision" "$recall" "$f1" "$median"
done
# Two data partners who each send one record per person: one-to-one assignment.
for assignment in greedy optimal; do
  read -r records precision recall f1 median < <(bench/linkage/measure-set.sh "$tessera" "$work/encoded/anonlink_clk" "$work/out/anonlink_$assignment" "$runs" --one-to-one "$assignment")
  printf '| anonlink_clk | whole record (clk), --one-to-one %s | %s | %s | %s | %s | %s |\n' "$assignment" "$records" "$precision" "$recall" "$f1" "$median"
done
