#!/usr/bin/env bash
# Long fuzz run: every fuzz test runs for SECONDS (default 600) from a random seed (or SEED), and the figures
# of each test are appended to fuzz-figures.txt. Failing inputs are saved under $TMPDIR/convertify-fuzz-failures;
# minimise them into fixtures/regressions/ (your own bytes) and rerun. Usage: scripts/fuzz-generated.sh [SECONDS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
export CONVERTIFY_FUZZ_SECONDS=${1:-600}
export CONVERTIFY_FUZZ_SEED=${2:-random}
export CONVERTIFY_FUZZ_FIGURES=${CONVERTIFY_FUZZ_FIGURES:-$PWD/fuzz-figures.txt}
export CONVERTIFY_CORPUS=${CONVERTIFY_CORPUS:-$PWD/../shared/corpus}
dotnet test tests/Convertify.Robustness.Tests -c Release \
  --filter "FullyQualifiedName~NeverCrashesTests|FullyQualifiedName~FrontMatterTests|FullyQualifiedName~OutputFolderTests|FullyQualifiedName~ImageEmbeddingFuzzTests"
echo "figures: $CONVERTIFY_FUZZ_FIGURES"
