#!/usr/bin/env bash
# Sets up a scratch package that builds one part of Rapport without the main package's heavy dependencies
# (the module's sources are linked from this checkout, so edits show up at once), and prints its directory.
#   scripts/scratch-package.sh analysis|analyze|insight-eval|rules-bench [DIR]
# DIR defaults to .build/scratch-NAME in this checkout (ignored by git).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
name="${1:?usage: scripts/scratch-package.sh analysis|analyze|insight-eval|rules-bench [DIR]}"
dir="${2:-$repo/.build/scratch-$name}"
case "$name" in
  analysis)
    sources=(Sources/RapportAnalysis scripts/analysis/RapportAnalysisTool)
    tests=(Tests/RapportAnalysisTests) ;;
  analyze)
    sources=(Sources/RapportAnalysis Sources/RapportCore Sources/RapportFormats)
    tests=() ;;
  insight-eval)
    sources=(Sources/RapportInsight Sources/RapportSimulation scripts/insight-eval/InsightEval)
    tests=(Tests/RapportInsightTests) ;;
  rules-bench)
    sources=(Sources/RapportAnalysis Sources/RapportCore scripts/rules-bench)
    tests=(Tests/RapportCoreTests) ;;
  *) echo "unknown scratch package '$name'" >&2; exit 2 ;;
esac
mkdir -p "$dir/Sources" "$dir/Tests"
for path in "${sources[@]}"; do ln -sfn "$repo/$path" "$dir/Sources/$(basename "$path")"; done
# The analysis tool also needs the analysis benchmark: only that folder of RapportBenchmarks.
if [ "$name" = analysis ]; then ln -sfn "$repo/Sources/RapportBenchmarks/Analysis" "$dir/Sources/RapportBenchmarks"; fi
# `rapport analyze` itself: the command's two files and an entry point, in one executable target.
if [ "$name" = analyze ]; then
  mkdir -p "$dir/Sources/AnalyzeCommand"
  for file in Sources/RapportCLI/Analyze.swift Sources/RapportCLI/StandardInputLines.swift scripts/analyze/EntryPoint.swift; do
    ln -sfn "$repo/$file" "$dir/Sources/AnalyzeCommand/$(basename "$file")"
  done
fi
for path in "${tests[@]+"${tests[@]}"}"; do ln -sfn "$repo/$path" "$dir/Tests/$(basename "$path")"; done
cp "$repo/scripts/$name/Package.swift.scratch" "$dir/Package.swift"
echo "$dir"
