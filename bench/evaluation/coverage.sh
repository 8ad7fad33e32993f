#!/usr/bin/env bash
# Coverage of the evaluations' 95% intervals over synthetic counties: for each seed, a county of
# PEOPLE people (default 20,000) through the demo pipeline (ingest, link), then each planted effect
# and each placebo evaluated; coverage.py compares every interval with the county's truth
# (truth/effects.json) and prints how often each covers.
#   usage: bench/evaluation/coverage.sh [SEEDS] [PEOPLE]      (default 5 seeds: 1..5)
set -euo pipefail
cd "$(dirname "$0")/../.."
seeds=${1:-5}
people=${2:-20000}
work=$(mktemp -d /tmp/tessera-coverage.XXXXXX)
trap 'rm -rf "$work"' EXIT

if [ -z "${TESSERA_BIN:-}" ]; then
  dotnet publish src/Tessera.Cli -c Release -r linux-x64 -o "$work/bin" -nologo -v:q >/dev/null
fi
tessera="${TESSERA_BIN:-$work/bin}/tessera"
for seed in $(seq 1 "$seeds"); do
  ws="$work/ws-$seed"
  "$tessera" demo --workspace "$ws" --people "$people" --seed "$seed" --no-serve >/dev/null
  out="$work/seed-$seed"
  mkdir -p "$out"
  cp "$ws/incoming/truth/effects.json" "$out/effects.json"
  e() { "$tessera" evaluate "$@" --workspace "$ws" --format json; }
  e dose-response --metric fp-reinvolvement-12m --dose months_of_service --bands "0-3,3+" > "$out/dosage.json"
  e dose-response --metric wioa-employment-q2 --dose exit_reason --bands "DROPPED_OUT|NO_SHOW,COMPLETED" --to 2025-03-31 > "$out/training.json"
  e before-after --metric twogen-parent-employment-after-subsidy > "$out/subsidy.json"
  e disparity --metric hmis-household-exit-to-permanent-housing --by race --reference others > "$out/disparity.json"
  e rdd --outcome cw-rereport-after-assessment-12m --score risk_score --cutoff 45 > "$out/cutoff.json"
  e rdd --outcome cw-rereport-after-assessment-12m --score risk_score --cutoff 22 > "$out/placebo-cutoff-22.json"
  e rdd --outcome cw-rereport-after-assessment-12m --score risk_score --cutoff 72 > "$out/placebo-cutoff-72.json"
  e dose-response --metric fp-reinvolvement-12m --dose provider_id --bands "FP01|FP02,FP03|FP04" > "$out/placebo-providers.json"
  e compare --metric hmis-household-exit-to-permanent-housing --participation job_training > "$out/placebo-training.json"
  e disparity --metric recidivism-rearrest-1y --by race --reference others > "$out/placebo-rearrest.json"
  rm -rf "$ws" "$ws.tessera-key"
  echo "seed $seed done" >&2
done
python3 bench/evaluation/coverage.py "$work"
