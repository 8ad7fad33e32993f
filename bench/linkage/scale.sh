#!/usr/bin/env bash
# Scale of `tessera linkage run`: a synthetic county of PEOPLE people over 12 months (about 1.45
# person records per person, six sources) linked end to end; prints wall time, peak memory
# (/usr/bin/time) and accuracy against the county's truth, then the ceiling any linker could reach
# on the same records (ceiling.py).
#   usage: bench/linkage/scale.sh PEOPLE        (700000 gives about one million records)
set -euo pipefail
cd "$(dirname "$0")/../.."
people=${1:?usage: bench/linkage/scale.sh PEOPLE}
work=$(mktemp -d /tmp/tessera-linkage-scale.XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet publish src/Tessera.Cli -c Release -r linux-x64 -o "$work/bin" -nologo -v:q >/dev/null
"$work/bin/tessera" synth --people "$people" --seed 3 --months 12 --out "$work/county" >/dev/null 2>&1
python3 bench/linkage/prepare-county.py "$work/county" "$work/inputs"
inputs=()
for f in "$work/inputs"/*.csv; do inputs+=(--input "$f"); done
echo "records: $(($(cat "$work/inputs"/*.csv | wc -l) - $(ls "$work/inputs"/*.csv | wc -l)))"
/usr/bin/time -f "wall %e s, peak %M KB" "$work/bin/tessera" linkage run "${inputs[@]}" --out "$work/out" 2>&1 | grep -E "^Done|^wall"
"$work/bin/tessera" linkage evaluate --clusters "$work/out/clusters.csv" --truth "$work/county/truth/records.csv" | sed -n 1,2p
read -r namesakes merged < <(python3 bench/linkage/namesakes.py "$work/out/clusters.csv" "$work/county/truth")
echo "father/Jr. namesake pairs put into one person: $merged of $namesakes"
python3 bench/linkage/ceiling.py "$work/county" "$work/inputs" | sed -n '2,4p'
