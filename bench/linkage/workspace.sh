#!/usr/bin/env bash
# `tessera link` on a workspace: a synthetic county of PEOPLE people (36 monthly deliveries of
# six sources, as `tessera demo` makes it) ingested, then linked twice (the second run must keep
# every id); prints wall time and peak memory of the second run, record-pair accuracy and family
# links against the county's truth, and family links among persons the deliveries record together.
#   usage: bench/linkage/workspace.sh PEOPLE        (20000 is the demo county)
set -euo pipefail
cd "$(dirname "$0")/../.."
people=${1:?usage: bench/linkage/workspace.sh PEOPLE}
work=$(mktemp -d /tmp/tessera-link-workspace.XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet publish src/Tessera.Cli -c Release -r linux-x64 -o "$work/bin" -nologo -v:q >/dev/null
"$work/bin/tessera" demo --workspace "$work/ws" --people "$people" --no-serve 2>/dev/null | grep -E "^Linked"
/usr/bin/time -f "wall %e s, peak %M KB" "$work/bin/tessera" link --workspace "$work/ws" --out "$work/out" 2>&1 | grep -E "^Link run|^wall"
truth="$work/ws/incoming/truth"
"$work/bin/tessera" linkage evaluate --clusters "$work/out/clusters.csv" --truth "$truth/records.csv" \
  --families "$work/out/families.csv" --relationships "$truth/relationships.csv"
python3 bench/linkage/family-recorded.py "$work/ws/incoming" "$work/out"
