#!/usr/bin/env bash
# Proves the NuGet packages, the dotnet tool and the embedding samples work from the packed artefacts:
#  1. packs every project under src/ with a unique prerelease version into artifacts/packages;
#  2. checks each package's .nuspec (dependencies: an exporter depends only on Convertify.Core and its own
#     library; licence, readme, repository, documentation file, symbol package);
#  3. installs Convertify.Tool from that folder with `dotnet tool install --tool-path`, converts a fixture, and runs a
#     batch twice (the second converts nothing: the state database works in the tool);
#  4. checks that docs/embedding.md's code blocks are the files of samples/, then builds and runs
#     samples/WordExport and samples/Embedding against the packages (not the projects).
# The version is new on every run, so a package left in the NuGet cache by an earlier run can never stand in for
# this run's; the script removes its own version from the cache when it ends.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
python=/usr/bin/python3
[ -x "$python" ] || python=python3

version=${CONVERTIFY_PACK_VERSION:-0.1.0-ci.$(date -u +%Y%m%d%H%M%S).$$}
packages="$root/artifacts/packages"
tool="$root/artifacts/tool"
work=$(mktemp -d)
cache=$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: //p')
cleanup() {
  rm -rf "$work"
  if [ -n "$cache" ]; then
    for d in "$cache"convertify.*/"$version"; do
      [ -d "$d" ] && rm -rf "$d"
    done
    for d in "$cache"convertify.*; do
      [ -d "$d" ] && rmdir --ignore-fail-on-non-empty "$d"
    done
  fi
  return 0
}
trap cleanup EXIT
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
step() { printf '\n--- %s\n' "$*"; }

projects=(src/*/*.csproj)
step "Pack ${#projects[@]} projects as $version"
rm -rf "$packages" "$tool"
mkdir -p "$packages"
start=$(now)
props=(-c Release "-p:Version=$version" -p:ContinuousIntegrationBuild=true)
# The CLI references every library but the Documents bundle, which references the rest.
for entry in src/Convertify.Cli src/Convertify.Documents; do
  dotnet build "$entry" "${props[@]}" -v quiet -nologo 2>&1 | grep -Ev '^\s*$' | tail -n 3
done
for project in "${projects[@]}"; do
  dotnet pack "$project" "${props[@]}" --no-build -o "$packages" -v quiet -nologo
done
ls "$packages"
pack_time=$(seconds "$start" "$(now)")
echo "packed in ${pack_time}s"

step "Check package metadata and dependencies"
"$python" - "$packages" "$version" "$root" <<'PY'
import sys, zipfile, pathlib, xml.etree.ElementTree as ET
folder, version, root = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3].encode()
# Each package's allowed dependencies: Core none; an exporter Core and its own third-party library; the tool none
# (a tool package carries its dependencies inside).
expected = {
    "Convertify.Core": set(),
    "Convertify.Archive": {"Convertify.Core", "AngleSharp"},
    "Convertify.Markdown": {"Convertify.Core", "YamlDotNet"},
    "Convertify.Markdown.Reader": {"Convertify.Core", "Markdig", "YamlDotNet"},
    "Convertify.Word": {"Convertify.Core", "DocumentFormat.OpenXml"},
    "Convertify.Excel": {"Convertify.Core", "DocumentFormat.OpenXml", "EPPlus"},
    # The state database: the system's SQLite through Microsoft.Data.Sqlite (no native library in the package).
    "Convertify.Batch": {"Convertify.Core", "Microsoft.Data.Sqlite.Core", "SQLitePCLRaw.provider.sqlite3"},
    # The one-reference bundle: reader + offline document writers (no EPPlus).
    "Convertify.Documents": {"Convertify.Core", "Convertify.Archive", "Convertify.Markdown", "Convertify.Word"},
    "Convertify.Tool": set(),
}
problems = []
found = {}
for nupkg in sorted(folder.glob("*.nupkg")):
    with zipfile.ZipFile(nupkg) as z:
        names = z.namelist()
        nuspec = next(n for n in names if n.endswith(".nuspec") and "/" not in n)
        meta = ET.fromstring(z.read(nuspec)).find("{*}metadata")
        get = lambda tag: meta.find("{*}" + tag)
        pid = get("id").text
        found[pid] = nupkg
        deps = {d.get("id") for d in meta.findall(".//{*}dependency")}
        if pid not in expected:
            problems.append(f"{pid}: a package this script does not know; add its allowed dependencies")
            continue
        if deps != expected[pid]:
            problems.append(f"{pid}: depends on {sorted(deps)}, expected {sorted(expected[pid])}")
        for dep in meta.findall(".//{*}dependency"):
            if dep.get("id").startswith("Convertify.") and dep.get("version") != version:
                problems.append(f"{pid}: depends on {dep.get('id')} {dep.get('version')}, not {version}")
        if get("version").text != version:
            problems.append(f"{pid}: version {get('version').text}")
        lic = get("license")
        if lic is None or lic.get("type") != "expression" or lic.text != "MIT":
            problems.append(f"{pid}: licence is not the MIT expression")
        readme = get("readme")
        if readme is None or readme.text not in names:
            problems.append(f"{pid}: no packed README")
        if not (get("description").text or "").strip():
            problems.append(f"{pid}: no description")
        repo = get("repository")
        if repo is None or repo.get("type") != "git":
            problems.append(f"{pid}: no git repository metadata")
        if pid == "Convertify.Excel" and "LGPL" not in get("description").text:
            problems.append(f"{pid}: description does not mention EPPlus's LGPL")
        if pid == "Convertify.Tool":
            types = {t.get("name") for t in meta.findall(".//{*}packageType")}
            if "DotnetTool" not in types or not any(n.endswith("/DotnetToolSettings.xml") for n in names):
                problems.append(f"{pid}: not a dotnet tool package")
        else:
            if f"lib/net10.0/{pid}.dll" not in names or f"lib/net10.0/{pid}.xml" not in names:
                problems.append(f"{pid}: lib/net10.0 lacks the assembly or its XML documentation")
        if not (folder / f"{pid}.{version}.snupkg").exists():
            problems.append(f"{pid}: no symbol package")
        else:
            # Deterministic, relocatable builds: no path of this machine inside the assemblies or their symbols.
            with zipfile.ZipFile(folder / f"{pid}.{version}.snupkg") as symbols:
                binaries = [(n, z.read(n)) for n in names if n.endswith(".dll")] + \
                           [(n, symbols.read(n)) for n in symbols.namelist() if n.endswith(".pdb")]
            for name, data in binaries:
                if root in data:
                    problems.append(f"{pid}: {name} contains the build path {root.decode()}")
        size = nupkg.stat().st_size
        snupkg = folder / f"{pid}.{version}.snupkg"
        print(f"  {pid:<20} {size / 1024:8.1f} KiB  (+ snupkg {snupkg.stat().st_size / 1024 if snupkg.exists() else 0:6.1f} KiB)  deps: {', '.join(sorted(deps)) or '-'}")
for pid in expected.keys() - found.keys():
    problems.append(f"{pid}: not packed")
for p in problems:
    print("PROBLEM " + p)
sys.exit(1 if problems else 0)
PY

step "Install the tool from the local folder and convert a fixture"
fixture=fixtures/articles/voa/1090001.md
start=$(now)
dotnet tool install Convertify.Tool --tool-path "$tool" --add-source "$packages" --version "$version" | tail -n 1
"$tool/convertify" --version
"$tool/convertify" formats
"$tool/convertify" convert "$fixture" --to md > "$work/tool.md"
golden=fixtures/expected/md/${fixture#fixtures/articles/}
if [ -f "$golden" ]; then
  cmp -s "$golden" "$work/tool.md" || { echo "tool's Markdown differs from $golden"; diff "$golden" "$work/tool.md" | head -20; exit 1; }
  echo "convert --to md: equals $golden"
fi
"$tool/convertify" convert "$fixture" --to docx -o "$work/tool.docx"
"$python" -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert "word/document.xml" in z.namelist(); print("convert --to docx:", sys.argv[1].rsplit("/", 1)[1], z.fp.seek(0, 2), "bytes")' "$work/tool.docx"
"$tool/convertify" batch fixtures --to md --out "$work/tool-batch" --quiet
"$tool/convertify" batch fixtures --to md --out "$work/tool-batch" --quiet
grep -q '"converted": 0,' "$work/tool-batch/convertify-report.json" || { echo "the tool's batch re-run converted something again"; exit 1; }
echo "batch and its re-run: nothing converted twice (state in $work/tool-batch/.convertify/state.db)"
echo "tool installed and run in $(seconds "$start" "$(now)")s"

step "docs/embedding.md code blocks equal the sample files"
"$python" - <<'PY'
import pathlib, re, sys
doc = pathlib.Path("docs/embedding.md").read_text(encoding="utf-8")
# A block is marked by an HTML comment naming its file on the line before the fence.
blocks = re.findall(r"<!-- file: (\S+) -->\n```[a-z]*\n(.*?)```\n", doc, re.S)
problems = []
seen = set()
for path, code in blocks:
    seen.add(path)
    file = pathlib.Path(path)
    if not file.is_file():
        problems.append(f"{path}: named in docs/embedding.md but missing")
    elif file.read_text(encoding="utf-8") != code:
        problems.append(f"{path}: differs from its block in docs/embedding.md")
for file in sorted(pathlib.Path("samples/Embedding").glob("*.cs")):
    if file.name != "Program.cs" and file.as_posix() not in seen:
        problems.append(f"{file.as_posix()}: not shown in docs/embedding.md")
if len(blocks) < 4:
    problems.append(f"only {len(blocks)} marked code blocks in docs/embedding.md")
for p in problems:
    print("PROBLEM " + p)
print(f"{len(blocks)} code blocks checked")
sys.exit(1 if problems else 0)
PY

step "Build and run the samples against the packages"
sample_props=(-c Release "-p:ConvertifyVersion=$version" -nologo -v quiet)
for sample in WordExport Embedding; do
  dotnet build "samples/$sample" "${sample_props[@]}" 2>&1 | grep -Ev '^\s*$' | tail -n 2
  # The samples must use packages, never this repository's projects.
  assets="samples/$sample/obj/project.assets.json"
  if grep -q '"type": "project"' "$assets"; then echo "samples/$sample references a project"; exit 1; fi
  grep -q "\"Convertify.Core/$version\"" "$assets" || { echo "samples/$sample did not restore Convertify.Core $version"; exit 1; }
done
start=$(now)
dotnet samples/WordExport/bin/Release/net10.0/WordExport.dll "$fixture" "$work/sample.docx"
word_time=$(seconds "$start" "$(now)")
"$python" -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert "word/document.xml" in z.namelist()' "$work/sample.docx"
if "$python" -c 'import docx' 2>/dev/null; then
  "$python" -c 'import sys, docx; d = docx.Document(sys.argv[1]); print("python-docx reads", len(d.paragraphs), "paragraphs")' "$work/sample.docx"
fi
start=$(now)
dotnet samples/Embedding/bin/Release/net10.0/Embedding.dll fixtures "$work/embedding"
embedding_time=$(seconds "$start" "$(now)")
echo "pack smoke: packages, tool and samples ok (pack ${pack_time}s, WordExport run ${word_time}s, Embedding run ${embedding_time}s)"
