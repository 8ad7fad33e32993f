#!/usr/bin/env bash
# Intake benchmark: whole-process ingest of a 10-column event file without direct identifiers
# and of an identity file (names, SSN, address, phone — all encrypted), with peak memory.
# Usage: bench/intake-scale.sh [EVENT_ROWS] [IDENTITY_ROWS]   (defaults 10,000,000 and 2,000,000)
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-10000000}
identities=${2:-2000000}
work=$(mktemp -d /tmp/tessera-intake-bench.XXXXXX)
trap 'rm -rf "$work" "$work.tessera-key" "$work/ws.tessera-key"' EXIT
# Published for the platform, as it is deployed (and as the other benchmarks run it): compiled ahead
# of time, so start-up is not spent compiling.
dotnet publish src/Tessera.Cli -c Release -r linux-x64 -o "$work/bin" -nologo -v:q >/dev/null
tessera() { dotnet "$work/bin/tessera.dll" "$@"; }

mkdir -p "$work/events/2024-06" "$work/people/2024-06"
awk -v n="$events" 'BEGIN { srand(7); print "event_id,person_id,event_type,event_date,provider_id,program,amount,units,status,updated_on";
  split("ENROLL EXIT SERVICE REFERRAL", t, " "); split("A C P", s, " ");
  for (i = 0; i < n; i++) printf "E%010d,P%08d,%s,2024-%02d-%02d,PR%03d,%d,%d.%02d,%d,%s,2024-06-%02d\n", i, i % 3000000, t[i % 4 + 1], i % 12 + 1, i % 28 + 1, i % 400, i % 5 + 1, i % 5000, i % 100, i % 1000, s[i % 3 + 1], i % 28 + 1 }' > "$work/events/2024-06/events.csv"
awk -v n="$identities" 'BEGIN { print "person_id,first_name,middle_name,last_name,birth_date,ssn,street,city,zip,phone";
  split("JAMES MARY ROBERT PATRICIA JOHN JENNIFER MICHAEL LINDA DAVID ELIZABETH", g, " "); split("SMITH JOHNSON WILLIAMS BROWN JONES GARCIA MILLER DAVIS RODRIGUEZ MARTINEZ", f, " ");
  for (i = 0; i < n; i++) printf "P%08d,%s,%s,%s-%d,19%02d-%02d-%02d,%03d-%02d-%04d,%d MAIN ST APT %d,RIVERTON,59%03d,555%07d\n", i, g[i % 10 + 1], g[(i / 10) % 10 + 1], f[(i / 7) % 10 + 1], i % 97, 40 + i % 60, i % 12 + 1, i % 28 + 1, 100 + i % 800, 10 + i % 89, i % 10000, i % 9999, i % 50, i % 1000, i % 10000000 }' > "$work/people/2024-06/people.csv"

tessera init "$work/ws" >/dev/null
tessera source add events --dictionary bench/intake/events.yaml --workspace "$work/ws" >/dev/null
tessera source add people --dictionary bench/intake/identity.yaml --workspace "$work/ws" >/dev/null
for source in events people; do
  rows=$([ "$source" = events ] && echo "$events" || echo "$identities")
  bytes=$(stat -c %s "$work/$source/2024-06/$source.csv")
  sync  # the previous step's writes (files, workspace) are flushed before the clock starts, not during the ingest
  /usr/bin/time -f "%e %M" -o "$work/time" dotnet "$work/bin/tessera.dll" ingest --workspace "$work/ws" --source "$source" "$work/$source/2024-06" 2>/dev/null
  read -r seconds kb < "$work/time"
  awk -v s="$source" -v r="$rows" -v b="$bytes" -v t="$seconds" -v k="$kb" 'BEGIN { printf "%s: %d rows (%.0f MB) in %.1f s = %.0f rows/s, peak RSS %.0f MB\n", s, r, b / 1e6, t, r / t, k / 1024 }'
done
