#!/usr/bin/env python3
"""Rapport vs VADER, side by side, on the human-rated sentiment-dev files.

Usage (from the repo root, after building the scratch package, see docs/analysis.md):
    python3 scripts/eval_sentiment.py --rapport .build/scratch-analysis/.build/release/RapportAnalysisTool \
        [--data ../shared/data/sentiment-dev]

Gold label: positive if mean >= 0.2, negative if mean <= -0.2, else neutral.
VADER label: compound >= 0.05 positive, <= -0.05 negative (its documented thresholds).
Rapport label: as printed by `RapportAnalysisTool score-tsv` (the shipped analyser).
"""
import argparse
import math
import os
import subprocess

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

FILES = [("amazon", "amazonReviewSnippets_GroundTruth.txt"),
         ("movies", "movieReviewSnippets_GroundTruth.txt"),
         ("nyt", "nytEditorialSnippets_GroundTruth.txt")]


def label(x, band):
    return "positive" if x >= band else "negative" if x <= -band else "neutral"


def macro_f1(gold, pred):
    total = 0.0
    for c in ("positive", "neutral", "negative"):
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        total += 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return total / 3


def pearson(x, y):
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rapport", required=True, help="path to the built RapportAnalysisTool")
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "sentiment-dev"))
    args = ap.parse_args()
    vader = SentimentIntensityAnalyzer()
    print(f"{'file':8} {'rows':>6} | {'VADER F1':>8} {'VADER r':>8} | {'Rapport F1':>10} {'Rapport r':>9}")
    for name, fname in FILES:
        path = os.path.join(args.data, fname)
        rows = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\r\n").split("\t", 2)
                if len(parts) == 3:
                    rows.append((parts[0], float(parts[1]), parts[2]))
        gold = [label(m, 0.2) for _, m, _ in rows]
        means = [m for _, m, _ in rows]
        v = [vader.polarity_scores(t)["compound"] for _, _, t in rows]
        out = subprocess.run([args.rapport, "score-tsv", path], capture_output=True, text=True, check=True).stdout
        scored = {}
        for line in out.splitlines():
            i, s, lab = line.split("\t")
            scored[i] = (float(s), lab)
        r_scores = [scored[i][0] for i, _, _ in rows]
        r_labels = [scored[i][1] for i, _, _ in rows]
        print(f"{name:8} {len(rows):>6} | {macro_f1(gold, [label(x, 0.05) for x in v]):>8.3f} {pearson(v, means):>8.3f} | "
              f"{macro_f1(gold, r_labels):>10.3f} {pearson(r_scores, means):>9.3f}")


if __name__ == "__main__":
    main()
