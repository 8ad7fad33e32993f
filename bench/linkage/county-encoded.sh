#!/usr/bin/env bash
# The synthetic county linked twice with the default model: as plain text, and with every
# agency's names, middle name, birth date, street, phone and SSN encoded on its side into
# field-level CLKs by `tessera encode` (bench/linkage/encode-county.py; sex, city, ZIP and the wage
# year stay plain). Prints one markdown row per run: precision, recall, F1, wall time.
#   usage: bench/linkage/county-encoded.sh [PEOPLE]        (default 20000)
set -euo pipefail
cd "$(dirname "$0")/../.."
people=${1:-20000}
work=$(mktemp -d /tmp/tessera-county-encoded.XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet publish src/Tessera.Cli -c Release -r linux-x64 -o "$work/bin" -nologo -v:q >/dev/null
tessera="$work/bin/tessera"
"$tessera" synth --people "$people" --seed 1 --out "$work/county" >/dev/null 2>&1
python3 bench/linkage/prepare-county.py "$work/county" "$work/plain"
start=$(date +%s.%N)
python3 bench/linkage/encode-county.py "$tessera" "$work/plain" "$work/encoded"
encoding=$(echo "$(date +%s.%N) - $start" | bc)
for set in plain encoded; do cp "$work/county/truth/records.csv" "$work/$set/truth.csv"; done

echo "| county ($people people) | records | precision | recall | F1 | wall time (s) |"
echo "|---|---|---|---|---|---|"
for set in plain encoded; do
  read -r records precision recall f1 median < <(bench/linkage/measure-set.sh "$tessera" "$work/$set" "$work/out/$set" 1)
  printf '| %s | %s | %s | %s | %s | %s |\n' "$set" "$records" "$precision" "$recall" "$f1" "$median"
done
printf '\nencoding every source at the agencies (one tessera encode per field and file): %.1f s\n' "$encoding"
