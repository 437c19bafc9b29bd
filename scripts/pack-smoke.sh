#!/usr/bin/env bash
# Proves the NuGet packages, the dotnet tool and the embedding samples work from the packed artefacts:
#  1. packs every project under src/ with a unique prerelease version into artifacts/packages;
#  2. checks each package's .nuspec (dependencies: an exporter depends only on Convertify.Core and its own
#     library; licence, readme without relative links, repository, documentation file, symbol package);
#  3. installs Convertify.Tool from that folder with `dotnet tool install --tool-path`, checks that linux-x64 got the
#     NativeAOT binary (the RID-specific package Convertify.Tool.linux-x64), converts a fixture, and runs a batch twice
#     (the second converts nothing: the state database works in the tool); then installs the portable fallback package
#     Convertify.Tool.any by its id, converts the fixture with it and checks that its assemblies are ReadyToRun, and
#     the same for Alpine's framework-dependent package Convertify.Tool.linux-musl-x64;
#  4. checks that docs/embedding.md's code blocks are the files of samples/, then builds and runs
#     samples/OneLine, samples/WordExport and samples/Embedding against the packages (not the projects).
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
# The CLI references every library but the Documents bundle and the DI package; those two reference the rest.
for entry in src/Convertify.Cli src/Convertify.Documents src/Convertify.Extensions.DependencyInjection; do
  dotnet build "$entry" "${props[@]}" -v quiet -nologo 2>&1 | grep -Ev '^\s*$' | tail -n 3
done
for project in "${projects[@]}"; do
  # For the CLI this is the tool's pointer package Convertify.Tool: it names its RID-specific packages, packed next.
  dotnet pack "$project" "${props[@]}" --no-build -o "$packages" -v quiet -nologo
done
pack_time=$(seconds "$start" "$(now)")
# The tool's implementations (Convertify.Cli.csproj, .NET 10 RID-specific tool packages): NativeAOT for linux-x64,
# the framework-dependent ReadyToRun package for linux-musl-x64 (Alpine), and the framework-dependent ReadyToRun
# fallback "any" for every other platform. Each builds for its RID.
# Their publish folders are globbed into the packages: nothing left there by an earlier build may slip in.
rm -rf src/Convertify.Cli/bin/Release/net10.0/{linux-x64,linux-musl-x64,any}/publish
start=$(now)
dotnet pack src/Convertify.Cli "${props[@]}" -r linux-x64 -o "$packages" -v quiet -nologo
aot_pack_time=$(seconds "$start" "$(now)")
start=$(now)
dotnet pack src/Convertify.Cli "${props[@]}" -r any -o "$packages" -v quiet -nologo
any_pack_time=$(seconds "$start" "$(now)")
start=$(now)
dotnet pack src/Convertify.Cli "${props[@]}" -r linux-musl-x64 -o "$packages" -v quiet -nologo
musl_pack_time=$(seconds "$start" "$(now)")
ls "$packages"
echo "packed in ${pack_time}s; the tool's linux-x64 (NativeAOT) package in ${aot_pack_time}s, its any (ReadyToRun) package in ${any_pack_time}s, its linux-musl-x64 (ReadyToRun) package in ${musl_pack_time}s"

step "Check package metadata and dependencies"
"$python" - "$packages" "$version" "$root" <<'PY'
import re, sys, zipfile, pathlib, xml.etree.ElementTree as ET
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
    # Hosting: Core and the DI abstractions only (the host brings the container).
    "Convertify.Extensions.DependencyInjection": {"Convertify.Core", "Microsoft.Extensions.DependencyInjection.Abstractions"},
    "Convertify.Tool": set(),
    # The tool's RID-specific packages, named by the pointer package Convertify.Tool (.NET 10 tool packages).
    "Convertify.Tool.linux-x64": set(),
    "Convertify.Tool.linux-musl-x64": set(),
    "Convertify.Tool.any": set(),
}
# Where each RID-specific tool package keeps its command: the NativeAOT executable, or the portable assembly.
tool_rid_entry = {
    "Convertify.Tool.linux-x64": "tools/any/linux-x64/convertify",
    "Convertify.Tool.linux-musl-x64": "tools/net10.0/linux-musl-x64/convertify.dll",
    "Convertify.Tool.any": "tools/net10.0/any/convertify.dll",
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
        else:
            # The package page resolves no relative link or image (each project's PACKAGE.md, packed as README.md).
            page = re.sub(r"`[^`\n]*`", "", re.sub(r"(?ms)^```.*?^```", "", z.read(readme.text).decode("utf-8")))
            targets = re.findall(r"\]\(\s*<?([^)\s>]*)", page) + re.findall(r"(?m)^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)", page) \
                + re.findall(r"(?i)\b(?:src|href)\s*=\s*[\"']([^\"']*)[\"']", page)
            relative = [t for t in targets if not re.match(r"(?i)(https?://|mailto:)", t)]
            if relative:
                problems.append(f"{pid}: its README links relative targets {relative}")
        if not (get("description").text or "").strip():
            problems.append(f"{pid}: no description")
        repo = get("repository")
        if repo is None or repo.get("type") != "git":
            problems.append(f"{pid}: no git repository metadata")
        if pid == "Convertify.Excel" and "LGPL" not in get("description").text:
            problems.append(f"{pid}: description does not mention EPPlus's LGPL")
        types = {t.get("name") for t in meta.findall(".//{*}packageType")}
        settings = [n for n in names if n.endswith("/DotnetToolSettings.xml")]
        if pid == "Convertify.Tool":
            if "DotnetTool" not in types or not settings:
                problems.append(f"{pid}: not a dotnet tool package")
            else:
                # The pointer package: names the RID-specific packages and holds no implementation.
                listed = {e.get("RuntimeIdentifier"): e.get("Id") for e in ET.fromstring(z.read(settings[0])).iter()
                          if e.tag == "RuntimeIdentifierPackage"}
                if listed != {rid: f"{pid}.{rid}" for rid in ("linux-x64", "linux-musl-x64", "any")}:
                    problems.append(f"{pid}: its DotnetToolSettings.xml names {listed}, not the linux-x64, linux-musl-x64 and any packages")
                if any(n.endswith((".dll", "/convertify")) for n in names):
                    problems.append(f"{pid}: the pointer package holds an implementation")
        elif pid in tool_rid_entry:
            if types != {"DotnetToolRidPackage"} or not settings:
                problems.append(f"{pid}: not a RID-specific tool package (types {sorted(types)})")
            if tool_rid_entry[pid] not in names:
                problems.append(f"{pid}: lacks {tool_rid_entry[pid]}")
            if pid.endswith("linux-x64") and any(n.endswith(".dll") for n in names):
                problems.append(f"{pid}: holds assemblies beside the NativeAOT binary")
        else:
            if f"lib/net10.0/{pid}.dll" not in names or f"lib/net10.0/{pid}.xml" not in names:
                problems.append(f"{pid}: lib/net10.0 lacks the assembly or its XML documentation")
        # The tool's pointer package holds no code and its NativeAOT package no managed code: no symbol packages.
        if pid in ("Convertify.Tool", "Convertify.Tool.linux-x64"):
            pass
        elif not (folder / f"{pid}.{version}.snupkg").exists():
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
install_time=$(seconds "$start" "$(now)")
"$tool/convertify" --version
# On linux-x64 the pointer package must have brought the NativeAOT package: one native executable in the tool store,
# no assemblies, no runtimeconfig and no apphost beside it.
mapfile -t commands < <(find "$tool/.store" -path '*/tools/*' -name convertify -type f)
[ "${#commands[@]}" -eq 1 ] || { echo "expected one installed convertify executable, found: ${commands[*]:-none}"; exit 1; }
native=${commands[0]}
case "$native" in */convertify.tool.linux-x64/*/tools/any/linux-x64/convertify) ;; *) echo "installed from an unexpected package: $native"; exit 1 ;; esac
if [ -n "$(find "$(dirname "$native")" -name '*.dll' -o -name '*.runtimeconfig.json')" ]; then
  echo "assemblies beside the installed command: not the NativeAOT package"; ls "$(dirname "$native")"; exit 1
fi
header=$(readelf -h "$native")
grep -q 'Type: *EXEC' <<< "$header" && grep -q 'Machine: *Advanced Micro Devices X86-64' <<< "$header" \
  || { echo "$native is not an x86-64 executable"; exit 1; }
# An apphost would look for hostfxr to start a runtime; NativeAOT code lives in the binary's __managedcode section.
# (readelf's output is read whole first: with pipefail, grep -q leaving early would fail readelf on a broken pipe.)
sections=$(readelf -S -W "$native")
grep -q '__managedcode' <<< "$sections" || { echo "$native has no NativeAOT code section"; exit 1; }
if grep -qa 'libhostfxr.so' "$native"; then echo "$native is an apphost, not the NativeAOT binary"; exit 1; fi
# The command on the tool path is a symbolic link to that binary (an executable tool needs no shim).
[ "$(readlink -f "$tool/convertify")" = "$(readlink -f "$native")" ] || { echo "$tool/convertify does not lead to $native"; exit 1; }
echo "installed in ${install_time}s: the NativeAOT binary ($(du -m "$native" | cut -f1) MB, ${native#"$tool/"})"
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

# A framework-dependent tool package's command: runs on dotnet, converts the fixture as the golden file says, and
# every assembly is ReadyToRun. check_framework_dependent PACKAGE FOLDER (the folder holding convertify.dll).
check_framework_dependent() {
  local package=$1 folder=$2
  grep -q 'Runner="dotnet"' "$folder/DotnetToolSettings.xml" || { echo "$package's command does not run on dotnet"; exit 1; }
  dotnet "$folder/convertify.dll" --version
  dotnet "$folder/convertify.dll" convert "$fixture" --to md > "$work/$package.md"
  if [ -f "$golden" ]; then
    cmp -s "$golden" "$work/$package.md" || { echo "$package's Markdown differs from $golden"; exit 1; }
    echo "$package convert --to md: equals $golden"
  fi
  "$python" - "$folder" "$package" <<'PY'
# ReadyToRun: an IL assembly whose CLI header has a ManagedNativeHeader (the R2R header); crossgen2 marks the machine
# field with the target OS (x64 0x8664 XOR Linux 0x7B79 = 0xFD1D). Every assembly of ours and of our packages must be
# precompiled; resource assemblies (no code) are not.
import pathlib, struct, sys
def ready_to_run(path):
    data = path.read_bytes()
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    machine, sections = struct.unpack_from("<HH", data, pe + 4)
    optional_size = struct.unpack_from("<H", data, pe + 20)[0]
    optional = pe + 24
    directories = optional + (96 if struct.unpack_from("<H", data, optional)[0] == 0x10B else 112)
    cli_rva = struct.unpack_from("<I", data, directories + 14 * 8)[0]
    for i in range(sections):
        size, address, raw_size, raw = struct.unpack_from("<IIII", data, optional + optional_size + 40 * i + 8)
        if address <= cli_rva < address + max(size, raw_size):
            native_header_size = struct.unpack_from("<I", data, cli_rva - address + raw + 68)[0]
            return native_header_size > 0, machine
    return False, machine
folder, package = pathlib.Path(sys.argv[1]), sys.argv[2]
assemblies = sorted(p for p in folder.glob("*.dll"))
missing = []
for path in assemblies:
    r2r, machine = ready_to_run(path)
    if not r2r or machine != 0xFD1D:
        missing.append(f"{path.name} (machine {machine:#x})")
for name in missing:
    print("PROBLEM not ReadyToRun for linux-x64: " + name)
print(f"{len(assemblies) - len(missing)} of {len(assemblies)} assemblies of {package} are ReadyToRun (x64 Linux code, IL kept for other platforms)")
sys.exit(1 if missing or not assemblies else 0)
PY
}

step "The portable fallback Convertify.Tool.any: installed explicitly, runs on dotnet, compiled ReadyToRun"
# dotnet tool install picks this package only on a platform without a package of its own (not linux-x64; --arch
# cannot force it here: the SDK makes launchers only for win/osx RIDs), so it is installed by its own id.
fallback="$root/artifacts/tool-any"
rm -rf "$fallback"
start=$(now)
dotnet tool install Convertify.Tool.any --tool-path "$fallback" --add-source "$packages" --version "$version" | tail -n 1
fallback_install_time=$(seconds "$start" "$(now)")
mapfile -t assemblies < <(find "$fallback/.store" -path '*/tools/net10.0/any/convertify.dll')
[ "${#assemblies[@]}" -eq 1 ] || { echo "expected one installed convertify.dll, found: ${assemblies[*]:-none}"; exit 1; }
"$fallback/convertify" --version
echo "fallback installed in ${fallback_install_time}s"
check_framework_dependent Convertify.Tool.any "$(dirname "${assemblies[0]}")"

step "Alpine's Convertify.Tool.linux-musl-x64: runs on dotnet, compiled ReadyToRun"
# On linux-musl-x64 the pointer package names this one (checked above); without it the RID graph would give Alpine
# the glibc NativeAOT binary. dotnet tool install accepts a RID-specific package only on its own RID, so on this glibc
# machine the package is unpacked and its assembly run with dotnet, as the installed command would be there.
musl="$work/linux-musl-x64"
mkdir -p "$musl"
"$python" -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$packages/Convertify.Tool.linux-musl-x64.$version.nupkg" "$musl"
check_framework_dependent Convertify.Tool.linux-musl-x64 "$musl/tools/net10.0/linux-musl-x64"

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
for sample in OneLine WordExport Embedding; do
  dotnet build "samples/$sample" "${sample_props[@]}" 2>&1 | grep -Ev '^\s*$' | tail -n 2
  # The samples must use packages, never this repository's projects.
  assets="samples/$sample/obj/project.assets.json"
  if grep -q '"type": "project"' "$assets"; then echo "samples/$sample references a project"; exit 1; fi
  grep -q "\"Convertify.Core/$version\"" "$assets" || { echo "samples/$sample did not restore Convertify.Core $version"; exit 1; }
done
start=$(now)
dotnet samples/OneLine/bin/Release/net10.0/OneLine.dll "$fixture"
oneline_time=$(seconds "$start" "$(now)")
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
echo "pack smoke: packages, tool and samples ok (pack ${pack_time}s, tool's NativeAOT pack ${aot_pack_time}s, ReadyToRun packs ${any_pack_time}s (any) and ${musl_pack_time}s (linux-musl-x64), tool install ${install_time}s and fallback ${fallback_install_time}s, OneLine run ${oneline_time}s, WordExport run ${word_time}s, Embedding run ${embedding_time}s)"
