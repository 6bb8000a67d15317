#!/usr/bin/env python3
"""Builds the `analyze` equivalence corpus: JSON lines to pipe through
`RapportAnalysisTool analyze` before and after an optimisation, then `cmp` the outputs.

Usage: make_equiv_corpus.py CORPUS_TXT SOCIAL_JSONL SENTIMENT_DEV_DIR > equiv.jsonl
CORPUS_TXT is `RapportAnalysisTool corpus N` output (bench posts, one per line); each gets the
bench's follower count so the influence/level/reasons paths are covered too. The labelled set is
included with and without its `lang` tag (so language detection runs on it).
"""
import glob
import json
import os
import sys


def main():
    corpus, social, dev = sys.argv[1:4]
    out = sys.stdout
    with open(corpus, encoding="utf-8") as f:
        for i, line in enumerate(f):
            text = line.rstrip("\n")
            out.write(json.dumps({"id": f"b{i}", "text": text, "followers": (i % 97) * 3000}) + "\n")
    with open(social, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            out.write(json.dumps(row) + "\n")
            row.pop("lang", None)
            row["id"] = f"{row.get('id')}-nolang"
            out.write(json.dumps(row) + "\n")
    for path in sorted(glob.glob(os.path.join(dev, "*_GroundTruth.txt"))):
        name = os.path.basename(path).split("_")[0]
        with open(path, encoding="utf-8", errors="replace") as f:
            for k, line in enumerate(f):
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 3:
                    continue
                out.write(json.dumps({"id": f"{name}{k}", "text": parts[2]}) + "\n")


main()
