#!/usr/bin/env bash
# Convertify against the fastest HTML-to-Markdown peers and the physical floor (issue 21, goals 3 and 4).
#
#   scripts/bench.sh peers [N]       # the usual way: bench.sh builds the NativeAOT binary and runs this
#   CONVERTIFY_BIN=… scripts/bench/peers.sh [N]
#
# On one archive of N articles (default 10132: the corpus repeated by scripts/scale-corpus.py), inputs in the page
# cache, in alternating rounds (each round runs every command once, the starting command rotating, so that load
# drifting on a shared machine hits all of them alike):
#   - convertify batch --to md, NativeAOT, --jobs 1 and --jobs 2;
#   - the same under the JIT (`dotnet convertify.dll`, a framework-dependent publish: what the .NET tool runs today),
#     --jobs 1 and --jobs 2;
#   - node-html-markdown and turndown (versions pinned in package-lock.json beside this script) converting the same
#     bodies in one Node process (peers.mjs: read + convert + write one .md per article);
#   - the floor: `cp -r` of the archive, and a read-only pass (`cat` of every input file to /dev/null).
# Every run is timed by /usr/bin/time (wall, user, sys, peak RSS). hyperfine is not used here: it runs all runs of
# one command before the next, so a change of load between commands would not be paired.
# Then the per-article instruction count under callgrind: a run over CALLGRIND_SAMPLE articles minus a run over one
# article, divided by the difference, for the NativeAOT binary (--jobs 1) and node-html-markdown.
#
# Environment: CONVERTIFY_BIN (NativeAOT convertify; required), CONVERTIFY_DLL (a JIT convertify.dll; default: published
# into BENCH_WORK/jit), CONVERTIFY_CORPUS, BENCH_WORK (default /tmp/convertify-bench), PEERS_ROUNDS (default 5),
# PEERS_NODE_CALLGRIND (1, the default, or 0 to skip Node under callgrind), CALLGRIND_SAMPLE (default 104, the corpus
# once), BENCH_SETTLE (as in bench.sh), BENCH_DOC (default docs/performance.md: the block between the peers markers;
# "-" prints only).
# Needs: node and npm (the packages are installed with `npm ci` into BENCH_WORK/peers-node), /usr/bin/time, valgrind.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10132}
corpus=${CONVERTIFY_CORPUS:-../shared/corpus}
archive_src="$corpus/duty-machine-news"
[ -d "$archive_src/articles" ] || archive_src="$corpus"
[ -d "$archive_src/articles" ] || { echo "peers: no corpus at $corpus (set CONVERTIFY_CORPUS)" >&2; exit 2; }
work=${BENCH_WORK:-/tmp/convertify-bench}
rounds=${PEERS_ROUNDS:-5}
sample=${CALLGRIND_SAMPLE:-104}
doc=${BENCH_DOC:-docs/performance.md}
bin=${CONVERTIFY_BIN:?peers: set CONVERTIFY_BIN to a NativeAOT convertify (scripts/bench.sh peers builds one)}
for tool in node npm valgrind /usr/bin/time; do
  command -v "$tool" > /dev/null || { echo "peers: $tool is missing" >&2; exit 2; }
done
py=/usr/bin/python3
[ -x "$py" ] || py=python3
mkdir -p "$work"
work=$(cd "$work" && pwd)
# One run at a time per scratch folder: a run still deleting its outputs would slow the next one's writes.
exec 9> "$work/.peers.lock"
flock -n 9 || { echo "peers: another run is using $work (it may still be deleting its outputs)" >&2; exit 2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# The peers, installed from the lock file; reinstalled only when the lock file changed.
node_dir="$work/peers-node"
if ! cmp -s scripts/bench/package-lock.json "$node_dir/package-lock.json" || [ ! -d "$node_dir/node_modules" ]; then
  echo "peers: npm ci (node-html-markdown, turndown)" >&2
  rm -rf "$node_dir"
  mkdir -p "$node_dir"
  cp scripts/bench/package.json scripts/bench/package-lock.json "$node_dir/"
  (cd "$node_dir" && npm ci --no-audit --no-fund --ignore-scripts > npm.log 2>&1) || { cat "$node_dir/npm.log" >&2; exit 1; }
fi
cp scripts/bench/peers.mjs "$node_dir/"
peers="$node_dir/peers.mjs"
nhm_version=$(node -p 'require(process.argv[1]).version' "$node_dir/node_modules/node-html-markdown/package.json")
turndown_version=$(node -p 'require(process.argv[1]).version' "$node_dir/node_modules/turndown/package.json")

dll=${CONVERTIFY_DLL:-}
if [ -z "$dll" ]; then
  echo "peers: publishing the JIT (framework-dependent) CLI..." >&2
  dotnet publish src/Convertify.Cli -c Release -o "$work/jit" > "$work/publish-jit.log" 2>&1 \
    || { tail -n 20 "$work/publish-jit.log" >&2; exit 1; }
  dll="$work/jit/convertify.dll"
fi

scaled() {  # scaled COUNT: the archive of COUNT articles, made once and kept
  local archive="$work/archive-$1"
  if [ ! -f "$archive/.complete" ]; then
    rm -rf "$archive"
    "$py" scripts/scale-corpus.py "$archive_src" "$archive" "$1"
    touch "$archive/.complete"
  fi
  echo "$archive"
}
archive=$(scaled "$n")
articles=$(find "$archive/articles" -type f -name '*.md' | wc -l)

# Outputs are moved aside before each run and deleted only at the end (see bench.sh on ext4 and mass deletion).
outs="$work/peers-out"
trash="$work/trash-peers-$(date +%s%N)"
mkdir -p "$trash"
[ ! -d "$outs" ] || mv "$outs" "$trash/earlier"
mkdir -p "$outs"
settle=${BENCH_SETTLE:-360}
if [ -f "$work/.deleted-at" ]; then
  wait_s=$(( $(cat "$work/.deleted-at") + settle - $(date +%s) ))
  if [ "$wait_s" -gt 0 ]; then
    echo "peers: waiting ${wait_s}s for the file system to settle after the last deletion (BENCH_SETTLE)" >&2
    sleep "$wait_s"
  fi
fi

names=("cat (read only)" "cp -r" "AOT --jobs 1" "AOT --jobs 2" "JIT --jobs 1" "JIT --jobs 2" "node-html-markdown" "turndown")
run_once() {  # run_once INDEX ROUND: times names[INDEX] once, writing into a fresh folder; appends "index wall user sys rss"
  local out="$outs/$1" args
  [ ! -d "$out" ] || mv "$out" "$trash/$1-$2"
  case $1 in
    0) args=(bash -c 'find "$1" -type f -exec cat {} + > /dev/null' _ "$archive") ;;
    1) args=(cp -r "$archive" "$out") ;;
    2) args=("$bin" batch "$archive" --to md --out "$out" -q --jobs 1) ;;
    3) args=("$bin" batch "$archive" --to md --out "$out" -q --jobs 2) ;;
    4) args=(dotnet "$dll" batch "$archive" --to md --out "$out" -q --jobs 1) ;;
    5) args=(dotnet "$dll" batch "$archive" --to md --out "$out" -q --jobs 2) ;;
    6) args=(node "$peers" nhm "$archive" "$out") ;;
    7) args=(node "$peers" turndown "$archive" "$out") ;;
  esac
  sync
  /usr/bin/time -f '%e %U %S %M' -o "$work/peers-time.txt" "${args[@]}" > "$work/peers-cmd.log" 2>&1 \
    || { echo "peers: ${names[$1]} failed:" >&2; tail -n 20 "$work/peers-cmd.log" >&2; exit 1; }
  echo "$1 $(tail -n 1 "$work/peers-time.txt")" >> "$work/peers-samples.txt"
}

: > "$work/peers-samples.txt"
load_before=$(load)
echo "peers: $articles articles, $rounds rounds of ${#names[@]} commands (load $load_before)" >&2
# Inputs into the page cache, the binaries and the runtime's files too: one untimed pass of the read-only floor.
find "$archive" -type f -exec cat {} + > /dev/null
for round in $(seq "$rounds"); do
  for k in $(seq 0 $((${#names[@]} - 1))); do
    i=$(( (k + round - 1) % ${#names[@]} ))
    run_once "$i" "$round"
  done
  echo "peers: round $round done (load $(load))" >&2
done
load_after=$(load)

# Instructions per article under callgrind: a run over $sample articles minus a run over one, per article added.
small=$(scaled 1)
big=$(scaled "$sample")
instructions() {  # instructions NAME COMMAND...: total instructions executed (all threads)
  local name=$1
  shift
  rm -rf "$work/callgrind"
  mkdir -p "$work/callgrind"
  timeout 600 valgrind --tool=callgrind --smc-check=all-non-file --callgrind-out-file="$work/callgrind/out.%p" "$@" \
    > "$work/callgrind.log" 2>&1 || { echo "peers: $name under callgrind failed or took over 10 minutes" >&2; return 1; }
  cat "$work/callgrind"/out.* | awk '/^summary:/ { s += $2 } END { print s }'
}
per_article() {  # per_article NAME COMMAND-WITH-@ARCHIVE@-AND-@OUT@...
  local name=$1 a b
  shift
  local one=("${@//@ARCHIVE@/$small}") many=("${@//@ARCHIVE@/$big}")
  one=("${one[@]//@OUT@/$outs/callgrind-1}")
  many=("${many[@]//@OUT@/$outs/callgrind-$sample}")
  rm -rf "$outs/callgrind-1" "$outs/callgrind-$sample"
  a=$(instructions "$name" "${one[@]}") && b=$(instructions "$name" "${many[@]}") || { echo "not measured (the run under callgrind failed)"; return; }
  awk -v a="$a" -v b="$b" -v d=$((sample - 1)) 'BEGIN { printf "%.2f", (b - a) / d / 1e6 }'
}
# Valgrind 3.19 knows no AVX-512 and cannot read the DWARF 5 of convertify.dbg: callgrind runs a binary built for
# x86-64-v3 (AVX2), copied without its .dbg. Under valgrind the GC cannot reserve its usual 256 GB of address space
# for regions: DOTNET_GCRegionRange makes it 4 GB.
cg_bin=${CALLGRIND_BIN:-}
if [ -z "$cg_bin" ]; then
  cg_dir="$work/aot-callgrind"
  if [ "$(cat "$cg_dir/.commit" 2> /dev/null)" != "$(git rev-parse HEAD 2> /dev/null)" ] || [ ! -x "$cg_dir/convertify" ]; then
    echo "peers: publishing the NativeAOT CLI for x86-64-v3, for callgrind (a few minutes)..." >&2
    dotnet publish src/Convertify.Cli -c Release -r linux-x64 -p:PublishAot=true -p:IlcInstructionSet=x86-64-v3 -o "$cg_dir" \
      > "$work/publish-callgrind.log" 2>&1 || { tail -n 20 "$work/publish-callgrind.log" >&2; exit 1; }
    git rev-parse HEAD > "$cg_dir/.commit" 2> /dev/null || true
  fi
  cg_bin="$cg_dir/convertify"
fi
mkdir -p "$work/callgrind-bin"
cp "$cg_bin" "$work/callgrind-bin/convertify"
echo "peers: callgrind (NativeAOT x86-64-v3, $sample articles)" >&2
ir_aot=$(DOTNET_GCRegionRange=100000000 per_article aot "$work/callgrind-bin/convertify" batch @ARCHIVE@ --to md --out @OUT@ -q --jobs 1)
ir_nhm="skipped (PEERS_NODE_CALLGRIND=0)"
if [ "${PEERS_NODE_CALLGRIND:-1}" = 1 ]; then
  echo "peers: callgrind (node-html-markdown, $sample articles; Node is slow under valgrind)" >&2
  ir_nhm=$(per_article nhm node "$peers" nhm @ARCHIVE@ @OUT@)
fi

block="$work/peers-block.md"
"$py" - "$work/peers-samples.txt" "$articles" "$ir_aot" "$ir_nhm" "${names[@]}" > "$work/peers-table.md" <<'EOF'
import statistics, sys
samples, articles, ir_aot, ir_nhm, names = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5:]
runs = {i: [] for i in range(len(names))}
for line in open(samples):
    i, wall, user, sys_, rss = line.split()
    runs[int(i)].append((float(wall), float(user), float(sys_), int(rss)))
med = {}
print("| command | wall median (s) | runs (s) | CPU median, user+sys (s) | user / sys (s) | articles/s (wall) | articles per CPU-second | peak RSS (MB) |")
print("|---|---:|---|---:|---:|---:|---:|---:|")
for i, name in enumerate(names):
    r = runs[i]
    wall = statistics.median(x[0] for x in r)
    cpu = statistics.median(x[1] + x[2] for x in r)
    user = statistics.median(x[1] for x in r)
    sys_ = statistics.median(x[2] for x in r)
    med[name] = (wall, cpu)
    print(f"| {name} | {wall:.2f} | {' '.join(f'{x[0]:.2f}' for x in r)} | {cpu:.2f} | {user:.2f} / {sys_:.2f} | {articles / wall:,.0f} | {articles / cpu:,.0f} | {max(x[3] for x in r) / 1024:.0f} |")
print()
print("Ratios, Convertify ÷ peer: throughput by wall median (peer's seconds ÷ ours), and by CPU time (user+sys) in brackets. Targets (issue 21): AOT ≥ 3× node-html-markdown, the installed tool ≥ 2×.")
print()
peers = ["node-html-markdown", "turndown"]
print("| Convertify | " + " | ".join(f"÷ {p}" for p in peers) + " | ÷ cp -r time | ÷ cat time |")
print("|---|" + "---:|" * (len(peers) + 2))
for ours in ["AOT --jobs 1", "AOT --jobs 2", "JIT --jobs 1", "JIT --jobs 2"]:
    w, c = med[ours]
    cells = [f"{med[p][0] / w:.2f}× ({med[p][1] / c:.2f}×)" for p in peers]
    cells += [f"{w / med[f][0]:.1f}" for f in ["cp -r", "cat (read only)"]]
    print(f"| {ours} | " + " | ".join(cells) + " |")
print()
def millions(v):
    return f"**{v} M**" if v.replace(".", "", 1).isdigit() else v
print(f"Instructions per article (callgrind, all threads; a run over the sample minus a run over one article, per article added): NativeAOT `batch --to md --jobs 1` {millions(ir_aot)}; node-html-markdown {millions(ir_nhm)}.")
EOF
{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') at commit $(git rev-parse --short HEAD 2>/dev/null || echo '?') with \`scripts/bench.sh peers $n\` ($rounds alternating rounds)."
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')); load average $load_before before, $load_after after the timed rounds (other processes shared the cores: compare CPU time)."
  echo "Archive: $articles articles ($(du -sm "$archive/articles" | cut -f1) MB), the corpus repeated; inputs in the page cache (one untimed read first). $("$bin" --version 2>/dev/null | head -n 1) (NativeAOT, and the JIT build run by \`dotnet convertify.dll\`, .NET $(dotnet --version)); node $(node --version), node-html-markdown $nhm_version, turndown $turndown_version; callgrind sample: $sample articles."
  echo
  cat "$work/peers-table.md"
} > "$block"
cat "$block"

if [ "$doc" != "-" ]; then
  "$py" - "$doc" "$block" <<'EOF'
import sys
doc, block = sys.argv[1:3]
begin, end = "<!-- peers:begin -->", "<!-- peers:end -->"
text = open(doc).read()
new = begin + "\n" + open(block).read() + end
if begin in text and end in text:
    text = text[:text.index(begin)] + new + text[text.index(end) + len(end):]
else:
    text = text.rstrip("\n") + "\n\n## Issue 21: peers and the floor\n\n" + new + "\n"
open(doc, "w").write(text)
EOF
  echo "peers: wrote $doc" >&2
fi

echo "peers: deleting the outputs" >&2
rm -rf "$trash" "$outs"
date +%s > "$work/.deleted-at"
