#!/usr/bin/env bash
# Accuracy and speed of `tessera linkage run` with the default model on the labelled public
# benchmarks in ../shared/data/linkage and on a synthetic county. Prints one markdown table row per
# set: pairwise precision/recall/F1 (default threshold) and the median wall time of RUNS whole-
# process runs.
#   usage: bench/linkage/run.sh [RUNS] [COUNTY_PEOPLE]        (defaults 5 and 20000)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
people=${2:-20000}
shared=${TESSERA_SHARED_DATA:-$(cd .. && pwd)/shared/data}/linkage
work=$(mktemp -d /tmp/tessera-linkage-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet publish src/Tessera.Cli -c Release -r linux-x64 -o "$work/bin" -nologo -v:q >/dev/null
tessera="$work/bin/tessera"
python3 bench/linkage/prepare-sets.py "$shared" "$work/sets"
"$tessera" synth --people "$people" --seed 1 --out "$work/county-raw" >/dev/null 2>&1
python3 bench/linkage/prepare-county.py "$work/county-raw" "$work/sets/county"
cp "$work/county-raw/truth/records.csv" "$work/sets/county/truth.csv"

echo "| set | records | precision | recall | F1 | median wall time (s) |"
echo "|---|---|---|---|---|---|"
for set in fake_1000 febrl3 febrl4 rldata10000 ncvr_0 ncvr_20 ncvr_40 historical_50k county; do
  read -r records precision recall f1 median < <(bench/linkage/measure-set.sh "$tessera" "$work/sets/$set" "$work/out/$set" "$runs")
  printf '| %s | %s | %s | %s | %s | %s |\n' "$set" "$records" "$precision" "$recall" "$f1" "$median"
done
read -r namesakes merged < <(python3 bench/linkage/namesakes.py "$work/out/county/clusters.csv" "$work/county-raw/truth")
echo
echo "county: $merged of $namesakes father/Jr. namesake pairs put into one person"

