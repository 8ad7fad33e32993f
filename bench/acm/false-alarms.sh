#!/usr/bin/env bash
# How often active contract management raises alerts on providers whose figures are only noise:
# the demo county (PEOPLE people, default 20,000; three years, contracts over the last two) built
# with five seeds, every contract's alerts listed, and the alerts that are not the planted change
# (WF03's referral-to-enrolment collapse) counted per contract-year. The issue's ceiling is 1.
#   usage: bench/acm/false-alarms.sh [PEOPLE]
set -euo pipefail
cd "$(dirname "$0")/../.."
people=${1:-20000}
work=$(mktemp -d /tmp/tessera-alarms.XXXXXX)
trap 'rm -rf "$work"' EXIT

if [ -z "${TESSERA_BIN:-}" ]; then
  dotnet publish src/Tessera.Cli -c Release -r linux-x64 -o "$work/bin" -nologo -v:q >/dev/null
fi
tessera="${TESSERA_BIN:-$work/bin}/tessera"
for seed in 1 2 3 4 5; do
  "$tessera" demo --no-serve --people "$people" --seed "$seed" --workspace "$work/ws$seed" >/dev/null 2>&1
  "$tessera" contracts list --workspace "$work/ws$seed" | wc -l > "$work/contracts$seed"
  "$tessera" acm alerts --format csv --workspace "$work/ws$seed" > "$work/alerts$seed.csv"
done
python3 - "$work" <<'PY'
import csv, sys, os
work = sys.argv[1]
total_alerts = total_years = 0
for seed in range(1, 6):
    contracts = int(open(os.path.join(work, f"contracts{seed}")).read().split()[0])
    rows = list(csv.DictReader(open(os.path.join(work, f"alerts{seed}.csv"))))
    planted = [r for r in rows if r["provider"] == "WF03" and r["metric"].startswith("acm-referral-to-enrolment")]
    noise = len(rows) - len(planted)
    years = contracts * 2
    by_rule = {}
    for r in rows:
        if r not in planted:
            by_rule[r["rule"]] = by_rule.get(r["rule"], 0) + 1
    print(f"seed {seed}: {contracts} contracts, {noise} alerts on noise ({noise / years:.3f} per contract-year), {len(planted)} on the planted collapse; by rule {by_rule}")
    total_alerts += noise
    total_years += years
print(f"all seeds: {total_alerts} alerts over {total_years} contract-years = {total_alerts / total_years:.3f} per provider-year (ceiling 1)")
PY
