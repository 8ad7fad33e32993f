#!/usr/bin/env bash
# Whole-process scale run of the synthetic county generator: wall time and peak memory.
# Usage: bench/synth-scale.sh [PEOPLE]   (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-1000000}
out=$(mktemp -d /tmp/tessera-synth-scale.XXXXXX)
dotnet build src/Tessera.Cli -c Release -nologo -v:q -o "$out/bin" >/dev/null
rm -rf "$out/county"
/usr/bin/time -v dotnet "$out/bin/tessera.dll" synth --people "$people" --seed 1 --out "$out/county" 2> "$out/time.txt" >/dev/null
grep -E "Elapsed \(wall clock\)|Maximum resident set size" "$out/time.txt"
du -sh "$out/county" | awk '{print "output size: " $1}'
nproc | awk '{print "cores: " $1}'
rm -rf "$out"
