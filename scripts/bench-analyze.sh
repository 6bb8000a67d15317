#!/usr/bin/env bash
# `rapport bench analyze` and vaderSentiment on the very same posts, with the ratio (thread CPU time).
# Usage: scripts/bench-analyze.sh [COUNT] [VADER_LIMIT]   (needs: pip install vaderSentiment; a release build)
set -euo pipefail
count="${1:-1000000}"
vader_limit="${2:-100000}"
cd "$(dirname "$0")/.."
swift build -c release --product rapport >/dev/null
corpus="$(mktemp)"
trap 'rm -f "$corpus"' EXIT
.build/release/rapport bench analyze --count "$count" --dump-corpus "$corpus" >/dev/null
out="$(.build/release/rapport bench analyze --count "$count")"
echo "$out"
rate="$(echo "$out" | sed -n 's/.*thread CPU, \([0-9]*\) texts\/s.*/\1/p')"
python3 scripts/bench_vader.py "$corpus" --limit "$vader_limit" --rapport-rate "$rate"
