#!/usr/bin/env python3
"""Rapport (lexicon alone, and blended with the learned model) vs VADER on the human-rated
sentiment-dev files.

Usage (from the repo root, after `swift build -c release --product rapport`):
    python3 scripts/eval_sentiment.py [--rapport .build/release/rapport] [--data ../shared/data/sentiment-dev]

Gold label: positive if mean >= 0.2, negative if mean <= -0.2, else neutral.
VADER label: compound >= 0.05 positive, <= -0.05 negative (its documented thresholds).
Rapport: `rapport analyze --sentiment-features` prints per text the lexicon's score (label: the
analyser's ±0.01 band) and the blended label and score that `rapport analyze` gives English posts.
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
    ap.add_argument("--rapport", default=os.path.join(os.path.dirname(__file__), "..", ".build", "release", "rapport"))
    ap.add_argument("--features-command", default="", help="instead of RAPPORT analyze --sentiment-features")
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "sentiment-dev"))
    args = ap.parse_args()
    vader = SentimentIntensityAnalyzer()
    command = args.features_command.split() if args.features_command else [args.rapport, "analyze",
                                                                          "--sentiment-features"]
    print(f"| file | rows | VADER F1 | VADER r | lexicon F1 | lexicon r | model F1 | model r |")
    print("|---|---|---|---|---|---|---|---|")
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
        texts = "\n".join(t for _, _, t in rows) + "\n"
        out = subprocess.run(command, input=texts, capture_output=True, text=True, check=True).stdout.split("\n")
        lex = [float(line.split("\t")[0]) for line in out[: len(rows)]]
        model_labels = [line.split("\t")[1] for line in out[: len(rows)]]
        model_scores = [float(line.split("\t")[2]) for line in out[: len(rows)]]
        print(f"| {name} | {len(rows)} | {macro_f1(gold, [label(x, 0.05) for x in v]):.3f} | {pearson(v, means):.3f} | "
              f"{macro_f1(gold, [label(x, 0.01) for x in lex]):.3f} | {pearson(lex, means):.3f} | "
              f"{macro_f1(gold, model_labels):.3f} | {pearson(model_scores, means):.3f} |")


if __name__ == "__main__":
    main()
