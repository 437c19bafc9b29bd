#!/usr/bin/env bash
# Publishes the CLI as a NativeAOT binary and runs the end-to-end fixture conversions with it:
# every fixture to Markdown (compared with the golden file) and to .docx, inspect, formats, a catalogue, a batch
# and its incremental re-run (SQLite linked in: no library beside the binary), and the exit code and stderr of a bad input.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${AOT_OUT:-artifacts/aot}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet publish src/Convertify.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$out" 2>&1 | tail -n 3
bin="$out/convertify"
test -x "$bin"
# The server GC is linked in only when the CLI project names it correctly (ServerGarbageCollection).
if command -v nm > /dev/null && [ -f "$out/convertify.dbg" ]; then
  # grep -c reads all of nm's output (grep -q would stop early, and nm's SIGPIPE fails the pipeline under pipefail).
  svr=$(nm -C "$out/convertify.dbg" | grep -c 'SVR::gc_heap' || true)
  [ "$svr" -gt 0 ] || { echo "the NativeAOT binary was linked without the server GC"; exit 1; }
fi

version=$("$bin" --version)
echo "$version"
case "$version" in *"; native linux-"*) ;; *) echo "the NativeAOT binary's --version does not say native: $version"; exit 1 ;; esac
"$bin" formats
count=0
while IFS= read -r -d '' input; do
  rel=${input#fixtures/articles/}
  "$bin" convert "$input" --to md -o "$work/md/$rel"
  golden="fixtures/expected/md/$rel"
  if [ -f "$golden" ]; then
    cmp -s "$golden" "$work/md/$rel" || { echo "AOT Markdown differs from $golden"; diff "$golden" "$work/md/$rel" | head -20; exit 1; }
  fi
  "$bin" convert "$input" --to docx -o "$work/docx/${rel%.md}.docx"
  "$bin" inspect "$input" > "$work/inspect.json"
  count=$((count + 1))
done < <(find fixtures/articles -name '*.md' -print0 | sort -z)
test "$count" -gt 0 || { echo "no fixtures found"; exit 1; }
find fixtures/articles -name '*.md' -print0 | sort -z | xargs -0 "$bin" convert --to xlsx -o "$work/catalog.xlsx"
test -s "$work/catalog.xlsx"

"$bin" batch fixtures --to md,docx,xlsx --out "$work/batch" --quiet
for golden in $(cd fixtures/expected/md && find . -name '*.md' ! -name 'showcase.md'); do
  cmp -s "fixtures/expected/md/$golden" "$work/batch/articles/$golden" || { echo "AOT batch Markdown differs for $golden"; exit 1; }
done
test -s "$work/batch/catalog.xlsx" && test -s "$work/batch/convertify-report.json"
# One file: SQLite is the system's, linked in, so no native library sits beside the binary.
so=$(find "$out" -maxdepth 1 -name '*.so*' | head -n 1)
test -z "$so" || { echo "the publish folder holds a native library: $so"; exit 1; }
ldd "$bin" | grep -c libsqlite3 > /dev/null || { echo "the NativeAOT binary is not linked to the system's libsqlite3"; exit 1; }
test -s "$work/batch/.convertify/state.db"
"$bin" batch fixtures --to md,docx,xlsx --out "$work/batch" --quiet
grep -q '"converted": 0,' "$work/batch/convertify-report.json" || { echo "a re-run of the AOT batch converted something again"; exit 1; }
grep -q '"unchanged": [1-9]' "$work/batch/convertify-report.json" || { echo "a re-run of the AOT batch reported nothing unchanged"; exit 1; }

# The other readers under NativeAOT: a feed's items, and Markdown we wrote read back byte for byte.
"$bin" convert fixtures/feeds/rss2.xml --to md -o "$work/feed/"
feed_items=$(find "$work/feed" -name '*.md' | wc -l)
test "$feed_items" -gt 1 || { echo "the AOT feed conversion wrote $feed_items file(s)"; exit 1; }
feed_json=$("$bin" inspect fixtures/feeds/atom.xml)
grep -q '^\[' <<< "$feed_json" || { echo "AOT inspect of a feed is not a JSON array"; exit 1; }
while IFS= read -r -d '' written; do
  "$bin" convert "$written" --to md -o "$work/again.md"
  cmp -s "$written" "$work/again.md" || { echo "AOT Markdown round trip differs for $written"; diff "$written" "$work/again.md" | head -20; exit 1; }
  "$bin" convert "$written" --to docx -o "$work/again.docx"
done < <(find "$work/md" -name '*.md' -print0)
"$bin" convert fixtures/markdown/hugo-post.md --to docx -o "$work/hugo.docx"

printf '' > "$work/empty.md"
set +e
"$bin" convert "$work/empty.md" --to md -o "$work/empty.out.md" 2> "$work/stderr.txt"
code=$?
set -e
test "$code" -eq 1 || { echo "bad input exited $code, expected 1"; exit 1; }
test "$(wc -l < "$work/stderr.txt")" -eq 1 || { echo "bad input printed more than one line:"; cat "$work/stderr.txt"; exit 1; }
grep -q "empty.md" "$work/stderr.txt"
test ! -e "$work/empty.out.md"
echo "AOT smoke: $count fixtures converted to md and docx and read back from md, $feed_items feed items, catalogue written, bad input rejected ($(cat "$work/stderr.txt"))"
