#!/usr/bin/env bash
# `rapport bench analyze` (release build): Rapport's rate, then vaderSentiment's on the first
# VADER_LIMIT of the very same posts, and the ratio (thread CPU time), in one run.
# Usage: scripts/bench-analyze.sh [COUNT] [VADER_LIMIT]   (needs: pip install vaderSentiment)
# scripts/bench_vader.py times VADER alone on a corpus dumped with --dump-corpus.
set -euo pipefail
count="${1:-1000000}"
vader_limit="${2:-100000}"
cd "$(dirname "$0")/.."
swift build -c release --product rapport >/dev/null
.build/release/rapport bench analyze --count "$count" --vader-count "$vader_limit"
