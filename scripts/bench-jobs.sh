#!/usr/bin/env bash
# Does `convertify batch --jobs 2` beat `--jobs 1`? Paired, alternating runs over one archive with its inputs in the
# page cache; prints each run's wall, user and sys time, the medians and the ratio jobs1/jobs2 of the wall medians.
#
#   scripts/bench-jobs.sh ARCHIVE [ROUNDS]          # ROUNDS pairs (default 5), --to md
#
# Environment: CONVERTIFY_BIN (the command to time, default the JIT build: "dotnet src/Convertify.Cli/bin/Release/
# net10.0/convertify.dll"; e.g. /tmp/par/aot/convertify for the NativeAOT binary), BENCH_TO (default md),
# BENCH_JOBS (the counts compared, default "1 2"), BENCH_WORK (scratch folder for the outputs, default
# /tmp/convertify-bench-jobs; each run writes a fresh folder), BENCH_CHURN (1: each run's outputs are deleted before
# the next run, as a user clearing the output folder between runs does; default 0: all are deleted at the end).
# After many files are deleted, ext4 scans past the recently deleted inodes on every file it makes (for up to ~6 minutes):
# BENCH_CHURN=1 measures in that state, the one in which two workers used to lose to one.
# Any DOTNET_* variable set is passed through to every run (GC experiments). The machine may be shared: CPU time
# (user+sys) is printed beside wall time, with the load average before and after.
# Needs: /usr/bin/time (Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."

archive=${1:?usage: scripts/bench-jobs.sh ARCHIVE [ROUNDS]}
rounds=${2:-5}
to=${BENCH_TO:-md}
read -r -a counts <<< "${BENCH_JOBS:-1 2}"
work=${BENCH_WORK:-/tmp/convertify-bench-jobs}
[ -e "$archive" ] || { echo "bench-jobs: no archive at $archive" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench-jobs: /usr/bin/time is missing: apt-get install -y time" >&2; exit 2; }
read -r -a bin <<< "${CONVERTIFY_BIN:-dotnet src/Convertify.Cli/bin/Release/net10.0/convertify.dll}"
mkdir -p "$work"
times="$work/times"
: > "$times"

# Inputs into the page cache: every run then reads from memory, whichever comes first.
find "$archive" -type f -exec cat {} + > /dev/null

echo "bench-jobs: ${bin[*]} batch $archive --to $to, jobs ${counts[*]}, $rounds rounds; $(nproc) cores"
echo "load before: $(uptime | sed 's/.*load average: //')"
env | grep '^DOTNET_' | sed 's/^/env: /' || true
printf '%-6s %-5s %8s %8s %8s %9s %8s\n' round jobs wall user sys user+sys rss_MB
for ((r = 1; r <= rounds; r++)); do
  # Alternate which count goes first, so a drifting load does not favour one.
  order=("${counts[@]}")
  if ((r % 2 == 0)); then
    order=(); for ((i = ${#counts[@]} - 1; i >= 0; i--)); do order+=("${counts[i]}"); done
  fi
  for j in "${order[@]}"; do
    out="$work/out-$r-$j"
    rm -rf "$out"
    sync
    /usr/bin/time -f "%e %U %S %M" -o "$work/one" "${bin[@]}" batch "$archive" --to "$to" --out "$out" --jobs "$j" --quiet
    read -r wall user sys rss < "$work/one"
    echo "$j $wall $user $sys" >> "$times"
    printf '%-6s %-5s %8s %8s %8s %9.2f %8d\n' "$r" "$j" "$wall" "$user" "$sys" "$(echo "$user + $sys" | bc)" $((rss / 1024))
    [ "${BENCH_CHURN:-0}" != 1 ] || rm -rf "$out"
  done
done
rm -rf "$work"/out-*

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
printf '%-5s %12s %12s %12s %14s\n' jobs median_wall median_user median_sys median_user+sys
declare -A wall_median
for j in "${counts[@]}"; do
  w=$(awk -v j="$j" '$1 == j { print $2 }' "$times" | median)
  u=$(awk -v j="$j" '$1 == j { print $3 }' "$times" | median)
  s=$(awk -v j="$j" '$1 == j { print $4 }' "$times" | median)
  c=$(awk -v j="$j" '$1 == j { print $3 + $4 }' "$times" | median)
  wall_median[$j]=$w
  printf '%-5s %12s %12s %12s %14s\n' "$j" "$w" "$u" "$s" "$c"
done
first=${counts[0]}
for j in "${counts[@]:1}"; do
  echo "ratio wall jobs$first/jobs$j: $(echo "scale=2; ${wall_median[$first]} / ${wall_median[$j]}" | bc)"
done
echo "load after: $(uptime | sed 's/.*load average: //')"
