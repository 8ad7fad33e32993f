#!/usr/bin/env bash
# The planted effects of the synthetic county, found by the standard library: a county of PEOPLE
# people (default 50,000) with workforce, child welfare and homelessness ingested (no linkage
# needed: these metrics stay within one source), metrics computed, and the acceptance checks
# printed next to the county's truth (truth/effects.json).
#   usage: bench/metrics/planted.sh [PEOPLE]
set -euo pipefail
cd "$(dirname "$0")/../.."
people=${1:-50000}
work=$(mktemp -d /tmp/tessera-planted.XXXXXX)
trap 'rm -rf "$work"' EXIT

# TESSERA_BIN: an already published CLI folder (two benches publishing from one tree at once would collide).
if [ -z "${TESSERA_BIN:-}" ]; then
  dotnet publish src/Tessera.Cli -c Release -r linux-x64 -o "$work/bin" -nologo -v:q >/dev/null
fi
tessera="${TESSERA_BIN:-$work/bin}/tessera"
"$tessera" synth --people "$people" --seed 1 --out "$work/county" >/dev/null
"$tessera" init "$work/ws" >/dev/null
for source in workforce child_welfare homelessness; do
  for month in "$work/county/$source"/*/; do
    "$tessera" ingest --workspace "$work/ws" --source "$source" "$month" >/dev/null 2>&1
  done
done
for metric in acm-training-completion acm-referral-to-enrolment fp-reinvolvement-12m hmis-exit-to-permanent-housing; do
  "$tessera" metrics compute --workspace "$work/ws" --metric "$metric" 2>/dev/null >/dev/null
done
show() { "$tessera" metrics show "$1" --by "$2" --format csv --workspace "$work/ws"; }
show acm-training-completion provider_id > "$work/completion.csv"
show acm-referral-to-enrolment provider_id > "$work/referral.csv"
show fp-reinvolvement-12m months_of_service > "$work/dosage.csv"
show hmis-exit-to-permanent-housing project > "$work/shelter.csv"
python3 bench/metrics/planted.py "$work"
