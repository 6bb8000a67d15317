#!/usr/bin/env python3
"""The `rapport analyze` job done in Python with vaderSentiment, for the whole-process comparison:
JSON lines in ({"id", "text", …}), one JSON line out per line ({"id", "sentiment": {"label",
"score"}}), in order.

Usage (one core, CPU time of the whole process):
    taskset -c 0 /usr/bin/time -f "%U user %S sys" python3 scripts/bench_vader_jsonl.py < in.jsonl > /dev/null
"""
import json
import sys

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

analyzer = SentimentIntensityAnalyzer()
out = sys.stdout
for line in sys.stdin:
    if not line.strip():
        continue
    row = json.loads(line)
    score = analyzer.polarity_scores(row["text"])["compound"]
    label = "positive" if score >= 0.05 else "negative" if score <= -0.05 else "neutral"
    out.write(json.dumps({"id": row.get("id"), "sentiment": {"label": label, "score": round(score, 3)}}) + "\n")
