#!/usr/bin/env python3
"""Turns the bench corpus (one text per line) into `rapport analyze` input for the whole-process
comparison in BENCHMARKS.md: {"id": i, "text": …, "followers": (i % 97) × 3000} per line, the
followers the analysis benchmark gives the same posts (json.dumps defaults: non-ASCII written as
\\u escapes).

Usage:
    RapportAnalysisTool corpus 1000000 > corpus1m.txt   (or: rapport bench analyze --dump-corpus corpus1m.txt)
    python3 scripts/analysis/make_analyze_jsonl.py corpus1m.txt > in1m.jsonl
    head -20000 in1m.jsonl > in20k.jsonl
"""
import json
import sys

with open(sys.argv[1], encoding="utf-8") as src:
    out = sys.stdout
    for i, line in enumerate(src):
        out.write(json.dumps({"id": i, "text": line.rstrip("\n"), "followers": (i % 97) * 3000}) + "\n")
