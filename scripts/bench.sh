#!/usr/bin/env bash
# End-to-end throughput of `convertify batch` against pandoc and against copying the same files.
#
#   scripts/bench.sh                 # 10,000 and 100,000 articles (about 10 minutes on 2 cores)
#   scripts/bench.sh 10000           # only the sizes named
#   scripts/bench.sh peers [N]       # only against node-html-markdown, turndown and the floor, on N articles
#                                    # (default 10132; about 5 minutes): scripts/bench/peers.sh
#
# Builds the NativeAOT CLI (or uses CONVERTIFY_BIN), scales $CONVERTIFY_CORPUS to N article files with fresh ids,
# times `convertify batch` for md, docx, xlsx and all three (peak memory from /usr/bin/time -v), times pandoc
# (one process per file, as users run it) on a sample and extrapolates its rate, times `cp -r` of the same files
# (the floor), and the single-file cold start of `convertify convert` against pandoc. Prints one table and writes
# it, with the machine it ran on, between the bench markers of docs/performance.md.
#
# Environment: CONVERTIFY_CORPUS (default ../shared/corpus), BENCH_WORK (scratch folder, default
# /tmp/convertify-bench; the scaled archives are kept there between runs), CONVERTIFY_BIN (a built convertify),
# BENCH_ISA (IlcInstructionSet of the binary the script builds: native, the default, or e.g. x86-64-v2),
# BENCH_SETTLE (seconds to wait after the last mass deletion, default 360),
# PANDOC_SAMPLE (files pandoc converts per format, default 300), COLD_RUNS (cold-start repetitions, default 30),
# BENCH_DOC (default docs/performance.md; "-" prints only).
# Needs: /usr/bin/time (Debian package `time`), pandoc, python3; hyperfine is used for the cold start when present.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

peers=0
if [ "${1:-}" = peers ]; then
  peers=1
  shift
fi
sizes=("$@")
peers_args=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
corpus=${CONVERTIFY_CORPUS:-../shared/corpus}
archive_src="$corpus/duty-machine-news"
[ -d "$archive_src/articles" ] || archive_src="$corpus"
[ -d "$archive_src/articles" ] || { echo "bench: no corpus at $corpus (set CONVERTIFY_CORPUS)" >&2; exit 2; }
work=${BENCH_WORK:-/tmp/convertify-bench}
sample=${PANDOC_SAMPLE:-300}
cold_runs=${COLD_RUNS:-30}
doc=${BENCH_DOC:-docs/performance.md}
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing: apt-get install -y time" >&2; exit 2; }
[ "$peers" = 1 ] || command -v pandoc > /dev/null || { echo "bench: pandoc is missing: apt-get install -y pandoc" >&2; exit 2; }
py=/usr/bin/python3
[ -x "$py" ] || py=python3
mkdir -p "$work"

bin=${CONVERTIFY_BIN:-}
# The binary is built for the CPU it is measured on (AVX2 and the like where present); BENCH_ISA=x86-64-v2 builds for
# any x86-64 of the last fifteen years, like the portable default of `dotnet publish`.
isa=${BENCH_ISA:-native}
isa_note=$isa
if [ -n "$bin" ]; then
  isa_note="as built by the caller (CONVERTIFY_BIN)"
fi
if [ -z "$bin" ]; then
  echo "bench: publishing the NativeAOT CLI (a few minutes)..." >&2
  dotnet publish src/Convertify.Cli -c Release -r linux-x64 -p:PublishAot=true -p:IlcInstructionSet="$isa" -o "$work/aot" > "$work/publish.log" 2>&1 \
    || { tail -n 20 "$work/publish.log" >&2; exit 1; }
  bin="$work/aot/convertify"
fi
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
[ -x "$bin" ] || { echo "bench: $bin is not executable" >&2; exit 2; }
if [ "$peers" = 1 ]; then
  CONVERTIFY_BIN=$bin BENCH_WORK=$work exec scripts/bench/peers.sh "${peers_args[@]}"
fi

load() { cut -d' ' -f1 /proc/loadavg; }
rows=()
declare -A rate

# measure NAME ARTICLES RUNS COMMAND...: runs RUNS times under /usr/bin/time -v (@RUN@ in an argument becomes the run's
# number, for a fresh output folder each time) and records the median seconds, its rate and the highest peak RSS.
measure() {
  local name=$1 articles=$2 runs=$3
  shift 3
  local before walls=() rss=0
  before=$(load)
  for run in $(seq "$runs"); do
    local args=("${@//@RUN@/$run}")
    # Dirty pages of the run before are written back now, not by the kernel's flusher during this run (after 30 s).
    sync
    /usr/bin/time -v -o "$work/time.txt" "${args[@]}" > "$work/cmd.log" 2>&1 || { echo "bench: $name failed:" >&2; tail -n 20 "$work/cmd.log" >&2; exit 1; }
    walls+=("$("$py" - "$work/time.txt" <<'EOF'
import sys
for line in open(sys.argv[1]):
    if "Elapsed (wall clock)" in line:
        parts = [float(p) for p in line.rsplit(" ", 1)[1].split(":")]
        seconds = 0.0
        for p in parts:
            seconds = seconds * 60 + p
        print(f"{seconds:.2f}")
EOF
)")
    rss=$(awk -F': ' -v m="$rss" '/Maximum resident set size/ {r = $2 / 1024; printf "%.0f", (r > m ? r : m)}' "$work/time.txt")
  done
  local wall
  wall=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{ w[NR] = $1 } END { print w[int((NR + 1) / 2)] }')
  rate[$name]=$(awk -v n="$articles" -v s="$wall" 'BEGIN { printf "%.0f", n / (s > 0 ? s : 0.01) }')
  rows+=("$name|$articles|$wall|${rate[$name]}|$rss|$before")
  printf 'bench: %-28s %8s articles %8ss %8s/s %6s MB  (load %s; runs: %s)\n' "$name" "$articles" "$wall" "${rate[$name]}" "$rss" "$before" "${walls[*]}" >&2
}

# ext4 allocates new inodes slowly for a while after many files were deleted: it skips inodes freed in the last 60 s
# (360 s while their inode table block is still dirty), reading each one's deletion time first. Outputs of an earlier
# run are therefore moved aside (a rename frees nothing) and deleted only after this run's measurements, and a run
# waits until BENCH_SETTLE seconds (default 360) have passed since the last such deletion.
outs="$work/outputs"
if [ -d "$outs" ]; then
  mv "$outs" "$work/trash-$(date +%s%N)"
fi
mkdir -p "$outs"
settle=${BENCH_SETTLE:-360}
if [ -f "$work/.deleted-at" ]; then
  wait_s=$(( $(cat "$work/.deleted-at") + settle - $(date +%s) ))
  if [ "$wait_s" -gt 0 ]; then
    echo "bench: waiting ${wait_s}s for the file system to settle after the last deletion" >&2
    sleep "$wait_s"
  fi
fi
for n in "${sizes[@]}"; do
  archive="$work/archive-$n"
  if [ ! -f "$archive/.complete" ]; then
    rm -rf "$archive"
    "$py" scripts/scale-corpus.py "$archive_src" "$archive" "$n"
    touch "$archive/.complete"
  fi
  # Every run writes into a fresh folder, and nothing is deleted until all runs are done (see the settling above).
  # Short runs are at the mercy of a moment's load: up to 20,000 articles, the median of three.
  runs=1
  [ "$n" -gt 20000 ] || runs=3
  measure "copy floor (cp -r) $n" "$n" "$runs" cp -r "$archive" "$outs/copy-$n-@RUN@"
  for formats in md docx xlsx md,docx,xlsx; do
    measure "batch $formats $n" "$n" "$runs" "$bin" batch "$archive" --to "$formats" --out "$outs/$formats-$n-@RUN@" -q
  done
done

# pandoc: one process per file on the body HTML of the first $sample files of the smallest archive (the extraction
# is not timed), its rate extrapolated to the archive.
first=${sizes[0]}
bodies="$work/pandoc-bodies"
rm -rf "$bodies"
mkdir -p "$bodies" "$outs/pandoc"
"$py" - "$work/archive-$first" "$bodies" "$sample" <<'EOF'
import os, sys
archive, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(archive, "articles")) for f in fs if f.endswith(".md"))
for i, path in enumerate(files[:count]):
    text = open(path, encoding="utf-8").read()
    body = text.split("\n------\n", 1)[1].lstrip("\n") if "\n------\n" in text else text
    open(os.path.join(out, f"{i}.html"), "w", encoding="utf-8").write(body)
EOF
measure "pandoc -t gfm (sample)" "$sample" 1 bash -c 'for f in "$1"/*.html; do pandoc --sandbox -f html -t gfm "$f" -o "$2/$(basename "$f" .html).md"; done' _ "$bodies" "$outs/pandoc"
# Debian's pandoc 2.17 cannot find its docx template under --sandbox ("Could not find data file data/data/docx/..."),
# so -t docx runs without it but in a network namespace of its own (unshare -n): image downloads fail at once, as
# under --sandbox, and no request leaves the machine.
if unshare -n true 2> /dev/null; then
  measure "pandoc -t docx (sample)" "$sample" 1 bash -c 'for f in "$1"/*.html; do unshare -n pandoc -f html -t docx "$f" -o "$2/$(basename "$f" .html).docx" 2> /dev/null; done' _ "$bodies" "$outs/pandoc"
else
  echo "bench: unshare -n is not permitted here; pandoc -t docx is not measured" >&2
  rate["pandoc -t docx (sample)"]=0
fi

# Cold start: one typical article (the median-size corpus file) to Markdown.
typical=$("$py" - "$archive_src" <<'EOF'
import os, sys
root = os.path.join(sys.argv[1], "articles")
files = sorted((os.path.getsize(os.path.join(d, f)), os.path.join(d, f)) for d, _, fs in os.walk(root) for f in fs if f.endswith(".md"))
print(files[len(files) // 2][1])
EOF
)
"$py" - "$typical" "$work/typical.html" <<'EOF'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(text.split("\n------\n", 1)[1].lstrip("\n"))
EOF
cold_load=$(load)
cold() {  # cold NAME COMMAND: mean milliseconds over $cold_runs runs
  if command -v hyperfine > /dev/null; then
    hyperfine -N --warmup 3 --runs "$cold_runs" --export-json "$work/cold.json" "$2" > /dev/null 2>&1
    "$py" -c 'import json, sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["mean"] * 1000))' "$work/cold.json"
  else
    for _ in 1 2 3; do bash -c "$2" > /dev/null 2>&1; done
    local start end
    start=$(date +%s%N)
    for _ in $(seq "$cold_runs"); do bash -c "exec $2" > /dev/null 2>&1; done
    end=$(date +%s%N)
    awk -v d=$((end - start)) -v n="$cold_runs" 'BEGIN { printf "%.1f", d / n / 1e6 }'
  fi
}
cold_ours=$(cold convertify "$bin convert $typical --to md -o $work/cold.md")
cold_pandoc=$(cold pandoc "pandoc --sandbox -f html -t gfm $work/typical.html -o $work/cold-pandoc.md")
echo "bench: cold start convertify ${cold_ours} ms, pandoc ${cold_pandoc} ms (load $cold_load)" >&2

# The table.
table="$work/table.md"
{
  echo "| run | articles | seconds | articles/s | peak RSS (MB) | × pandoc | ÷ copy time | load before |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  for row in "${rows[@]}"; do
    IFS='|' read -r name articles wall r rss before <<< "$row"
    n=${name##* }
    ratio_p="" ratio_c=""
    case $name in
      "batch md "*|"batch md,docx,xlsx "*) ratio_p=$(awk -v a="$r" -v b="${rate["pandoc -t gfm (sample)"]}" 'BEGIN { printf "%.0f×", a / b }') ;;
      "batch docx "*) ratio_p=$(awk -v a="$r" -v b="${rate["pandoc -t docx (sample)"]}" 'BEGIN { if (b > 0) printf "%.0f×", a / b; else printf "n/a" }') ;;
    esac
    case $name in
      "batch "*) ratio_c=$(awk -v a="${rate["copy floor (cp -r) $n"]}" -v b="$r" 'BEGIN { printf "%.1f", a / b }') ;;
    esac
    echo "| $name | $articles | $wall | $r | $rss | $ratio_p | $ratio_c | $before |"
  done
  echo
  # Flat in archive size: what each article beyond the smallest archive added to the peak.
  if [ ${#sizes[@]} -gt 1 ]; then
    small=${sizes[0]} large=${sizes[${#sizes[@]} - 1]}
    growth=()
    for formats in md docx md,docx,xlsx; do
      a=$(printf '%s\n' "${rows[@]}" | awk -F'|' -v n="batch $formats $small" '$1 == n { print $5 }')
      b=$(printf '%s\n' "${rows[@]}" | awk -F'|' -v n="batch $formats $large" '$1 == n { print $5 }')
      growth+=("$formats $(awk -v a="$a" -v b="$b" -v d=$((large - small)) 'BEGIN { printf "%+.0f bytes", (b - a) * 1048576 / d }')")
    done
    echo "Peak memory per article added, $small → $large articles: $(IFS=';'; echo "${growth[*]}" | sed 's/;/, /g') (peak RSS difference ÷ article difference; a flat run stays within the few MB of noise between runs, about ±50 bytes per article here, but a run of a second or two ends before the GC has grown its budgets to the level a longer run keeps from its first seconds on, so a short smallest run makes this overstate growth: docs/performance.md item 14; the catalogue in md,docx,xlsx keeps its rows and is not meant to be flat)."
    echo
  fi
  echo "Cold start, one typical article ($(basename "$(dirname "$typical")")/$(basename "$typical"), $(stat -c %s "$typical") bytes) to Markdown, mean of $cold_runs runs$(command -v hyperfine > /dev/null && echo " (hyperfine -N, 3 warm-ups)"): convertify (NativeAOT) **${cold_ours} ms**, pandoc **${cold_pandoc} ms** (load $cold_load)."
} > "$table"

# Whether the kernel drops idle file pages on its own (DAMON's pageout scheme, as on the VM this was written on): then
# inputs not read within that time come from disk again, and the runs measure reading them too.
page_cache_note() {
  local note="" k s aggr age
  for k in /sys/kernel/mm/damon/admin/kdamonds/*/; do
    [ "$(cat "$k/state" 2> /dev/null)" = on ] || continue
    for s in "$k"contexts/*/schemes/*/; do
      [ "$(cat "$s/action" 2> /dev/null)" = pageout ] || continue
      aggr=$(cat "$s/../../monitoring_attrs/intervals/aggr_us")
      age=$(cat "$s/access_pattern/age/min")
      note="DAMON pages out memory idle for about $((aggr * age / 1000000)) s, so inputs not read within that time are read from disk again."
    done
  done
  echo "${note:-no DAMON pageout scheme running; inputs read earlier stay in the page cache as memory allows.}"
}
machine="$work/machine.md"
{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') at commit $(git rev-parse --short HEAD 2>/dev/null || echo '?') with \`scripts/bench.sh ${sizes[*]}\`."
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) memory,"
  echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end (other processes shared the cores: see the load column)."
  echo "Page cache: $(page_cache_note)"
  echo "convertify: $("$bin" --version 2>/dev/null | head -n 1) ($(file -b "$bin" 2>/dev/null | cut -d, -f1-2 || echo binary), NativeAOT, instruction set: $isa_note); pandoc $(pandoc --version | head -n 1 | cut -d' ' -f2)."
  echo "Pandoc converts $sample files per format (the body HTML of the first $sample articles, extracted beforehand and not timed; \`pandoc --sandbox -f html -t gfm\`, and \`unshare -n pandoc -f html -t docx\` because Debian's pandoc cannot find its docx template under --sandbox; one process per file); its articles/s is that sample's rate, extrapolated. The copy floor is \`cp -r\` of the same archive folder, its inputs in the page cache as much as for the batch runs (see Page cache). Ratios: × pandoc = our articles/s ÷ pandoc's; ÷ copy time = our time ÷ the copy's time for the same archive."
} > "$machine"

cat "$machine" "$table"

if [ "$doc" != "-" ]; then
  "$py" - "$doc" "$machine" "$table" <<'EOF'
import os, sys
doc, machine, table = sys.argv[1:4]
begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
block = begin + "\n" + open(machine).read() + "\n" + open(table).read() + end
text = open(doc).read() if os.path.exists(doc) else "# Performance\n\n" + begin + "\n" + end + "\n"
if begin in text and end in text:
    text = text[:text.index(begin)] + block + text[text.index(end) + len(end):]
else:
    text = text.rstrip("\n") + "\n\n" + block + "\n"
open(doc, "w").write(text)
EOF
  echo "bench: wrote $doc" >&2
fi

# Outputs of earlier runs, moved aside at the start, are deleted now that nothing is measured; the next run waits for
# the file system to settle after this.
if compgen -G "$work/trash-*" > /dev/null; then
  echo "bench: deleting the outputs of earlier runs" >&2
  rm -rf "$work"/trash-*
  date +%s > "$work/.deleted-at"
fi
