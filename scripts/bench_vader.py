#!/usr/bin/env python3
"""Time vaderSentiment on the benchmark's own posts and print its rate (and the ratio).

Usage:
    RapportAnalysisTool corpus 1000000 > corpus.txt
    python3 scripts/bench_vader.py corpus.txt [--limit N] [--rapport-rate TEXTS_PER_S]

One text per line. VADER is slow, so --limit times only the first N texts (its rate per text
is flat); the rate is what is compared. Runs on one core (pure Python).
"""
import argparse
import sys
import time

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

ap = argparse.ArgumentParser()
ap.add_argument("corpus", nargs="?", default="-")
ap.add_argument("--limit", type=int, default=0)
ap.add_argument("--rapport-rate", type=float, default=0.0)
args = ap.parse_args()
src = sys.stdin if args.corpus == "-" else open(args.corpus, encoding="utf-8")
texts = [line.rstrip("\n") for line in src]
if args.limit:
    texts = texts[: args.limit]
analyzer = SentimentIntensityAnalyzer()
start = time.perf_counter()
cpu_start = time.process_time()
for t in texts:
    analyzer.polarity_scores(t)
elapsed = time.perf_counter() - start
cpu = time.process_time() - cpu_start
rate = len(texts) / elapsed
cpu_rate = len(texts) / cpu
# CPU time is what to compare on a shared machine: wall time includes waiting for other jobs.
print(f"vaderSentiment: {len(texts)} texts in {elapsed:.2f} s wall: {rate:.0f} texts/s on one core")
print(f"vaderSentiment: {len(texts)} texts in {cpu:.2f} s CPU: {cpu_rate:.0f} texts/s on one core")
if args.rapport_rate:
    print(f"Rapport {args.rapport_rate:.0f} texts/s / VADER {cpu_rate:.0f} texts/s (CPU) = {args.rapport_rate / cpu_rate:.1f}x")
