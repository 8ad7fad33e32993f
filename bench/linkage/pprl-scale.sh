#!/usr/bin/env bash
# An encoded two-party link at scale: two partners of N records each (bench/linkage/pprl-parties.py:
# B holds 60% of A's persons, typed differently, and 40% others) encode their extracts with
# `tessera encode` (bench/linkage/pprl-schema.json: one 1,024-bit CLK of given and family name,
# birth date and sex per record), and the hub links the CLKs alone with `tessera linkage run
# --one-to-one greedy` (blocked on MinHash bands of the CLKs). Prints encoding time, link wall
# time and peak memory (/usr/bin/time), and accuracy against the truth.
#   usage: bench/linkage/pprl-scale.sh N        (1000000 for the 1M × 1M link)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:?usage: bench/linkage/pprl-scale.sh N}
start=$((n * 2 / 5))
work=$(mktemp -d /tmp/tessera-pprl-scale.XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet publish src/Tessera.Cli -c Release -r linux-x64 -o "$work/bin" -nologo -v:q >/dev/null
tessera="$work/bin/tessera"
"$tessera" synth --people $((start + n)) --seed 5 --months 1 --out "$work/county" >/dev/null 2>&1
python3 bench/linkage/pprl-parties.py "$work/county/truth/persons.csv" "$n" "$start" "$work/parties"
head -c 48 /dev/urandom | base64 > "$work/secret.txt"
for party in a b; do
  /usr/bin/time -f "encode $party: wall %e s, peak %M KB" "$tessera" encode --schema bench/linkage/pprl-schema.json --secret-file "$work/secret.txt" \
    --input "$work/parties/$party.csv" --out "$work/$party.csv" --format csv 2>&1 >/dev/null | grep -E "^encode"
done
/usr/bin/time -f "link: wall %e s, peak %M KB" "$tessera" linkage run --input "$work/a.csv" --input "$work/b.csv" --one-to-one greedy --out "$work/out" 2>&1 | grep -E "^Done|^link"
"$tessera" linkage evaluate --clusters "$work/out/clusters.csv" --truth "$work/parties/truth.csv" | sed -n 1,2p
