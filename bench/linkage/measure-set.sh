#!/usr/bin/env bash
# Links one prepared set folder (its CSV inputs beside truth.csv) RUNS times with the default model
# and prints "records precision recall F1 median-seconds" on one line. Shared by run.sh and
# encoded.sh.
#   usage: bench/linkage/measure-set.sh TESSERA SET_DIR OUT_DIR RUNS [OPTION …]
# Options after RUNS go to `tessera linkage run` (e.g. --one-to-one greedy).
set -euo pipefail
tessera=$1 folder=$2 out=$3 runs=$4
shift 4
inputs=("$@")
for f in "$folder"/*.csv; do
  [ "$(basename "$f")" = truth.csv ] || inputs+=(--input "$f")
done
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s.%N)
  "$tessera" linkage run "${inputs[@]}" --out "$out" >/dev/null 2>&1
  times+=("$(echo "$(date +%s.%N) - $start" | bc)")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
records=$(($(wc -l < "$folder/truth.csv") - 1))
read -r _ precision recall f1 _ < <("$tessera" linkage evaluate --clusters "$out/clusters.csv" --truth "$folder/truth.csv" | sed -n 2p)
printf '%s %s %s %s %.2f\n' "$records" "$precision" "$recall" "$f1" "$median"
