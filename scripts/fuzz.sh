#!/usr/bin/env bash
# Coverage-guided fuzzing with AFL++ and SharpFuzz (docs/robustness.md, "Coverage-guided fuzzing").
# Usage: scripts/fuzz.sh DURATION [TARGET]
#   DURATION  seconds of afl-fuzz in all (-V); with TARGET omitted it is split evenly over the targets, run in turn
#   TARGET    archive | html | md | docx | xlsx (default: all five)
# Publishes fuzz/Convertify.Fuzz, instruments the Convertify assemblies (not the BCL, not third-party libraries),
# seeds each target from fixtures/ (never the corpus), runs one afl-fuzz at a time, prints the figures from
# fuzzer_stats, replays every saved crash and hang outside AFL and exits 1 if any crash or confirmed hang was found.
# Output: artifacts/fuzz/ (FUZZ_OUT to change). The CsCheck fuzz tests run with scripts/fuzz-generated.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

duration=${1:?usage: scripts/fuzz.sh DURATION [TARGET]}
all_targets=(archive html md docx xlsx)
if [ $# -ge 2 ]; then targets=("$2"); else targets=("${all_targets[@]}"); fi
per_target=$(( duration / ${#targets[@]} ))
[ "$per_target" -ge 5 ] || { echo "fuzz.sh: DURATION too short for ${#targets[@]} target(s) (at least 5 s each)"; exit 2; }

out=${FUZZ_OUT:-$root/artifacts/fuzz}
publish=$out/publish        # as built: used to replay findings (instrumented code needs AFL's shared memory)
instrumented=$out/bin       # a copy with the Convertify assemblies instrumented, run by afl-fuzz
command -v afl-fuzz >/dev/null || { echo "fuzz.sh: afl-fuzz not found (Debian package afl++)"; exit 2; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
mkdir -p "$out"
dotnet publish fuzz/Convertify.Fuzz -c Release -o "$publish" > "$out/publish.log" 2>&1 \
  || { tail -n 30 "$out/publish.log"; echo "fuzz.sh: publish failed"; exit 1; }
rm -rf "$instrumented"
cp -r "$publish" "$instrumented"
for assembly in Core Archive Markdown Word Excel; do
  dotnet tool run sharpfuzz "$instrumented/Convertify.$assembly.dll" >/dev/null
done

# dotnet itself is not instrumented (SKIP_BIN_CHECK); a container's core_pattern may pipe to a program
# (MISSING_CRASHES); other jobs share the cores (NO_AFFINITY); the runtime starts slowly (FORKSRV_INIT_TMOUT).
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 \
       AFL_NO_AFFINITY=1 AFL_FORKSRV_INIT_TMOUT=60000
failed=0
summary=()
for target in "${targets[@]}"; do
  work=$out/$target
  rm -rf "$work"
  mkdir -p "$work"
  dotnet "$publish/Convertify.Fuzz.dll" seeds "$target" "$root/fixtures" "$work/seeds"
  echo "=== afl-fuzz $target for ${per_target} s (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  afl-fuzz -i "$work/seeds" -o "$work/findings" -x fuzz/Convertify.Fuzz/html.dict -t 10000 -m none -V "$per_target" \
    -- dotnet "$instrumented/Convertify.Fuzz.dll" "$target" > "$work/afl.log" 2>&1 \
    || { tail -n 30 "$work/afl.log"; echo "fuzz.sh: afl-fuzz $target failed (log: $work/afl.log)"; exit 1; }
  stats=$work/findings/default/fuzzer_stats
  stat() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
  crashes=$(stat saved_crashes); hangs=$(stat saved_hangs)
  line="$target: execs $(stat execs_done), $(stat execs_per_sec) execs/s, corpus $(stat corpus_count) (found $(stat corpus_found)), edges $(stat edges_found), crashes $crashes, hangs $hangs, $(stat run_time) s"
  # The harness throws (an AFL crash) when a warm execution takes over 2 s; afl-fuzz's -t 10000 catches endless
  # loops and leaves room for a child restarted after a crash, which pays the runtime's start-up and JIT inside it.
  # Replay outside AFL in a warmed-up process: a crash or hang counts when it fails again there (or kills the replay).
  findings=()
  while IFS= read -r -d '' f; do findings+=("$f"); done < <(find "$work/findings/default/crashes" "$work/findings/default/hangs" -type f -name 'id:*' -print0 2>/dev/null | sort -z)
  if [ ${#findings[@]} -gt 0 ]; then
    set +e
    timeout 300 dotnet "$publish/Convertify.Fuzz.dll" "$target" "${findings[@]}" > "$work/replay.txt" 2>&1
    replay=$?
    set -e
    cat "$work/replay.txt"
    confirmed=$(grep -c '^FAIL' "$work/replay.txt" || true)
    line="$line; replayed: $confirmed of ${#findings[@]} fail outside AFL"
    if [ "$replay" -gt 1 ]; then line="$line (the replay itself died or hung: exit $replay)"; confirmed=$((confirmed + 1)); fi
    [ "$confirmed" -eq 0 ] || failed=1
  fi
  echo "$line"
  summary+=("$line")
done
echo "=== fuzz.sh summary (load: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%s\n' "${summary[@]}"
if [ "$failed" -ne 0 ]; then
  echo "fuzz.sh: crashes or hangs found; inputs under $out/<target>/findings/default/{crashes,hangs}"
  exit 1
fi
