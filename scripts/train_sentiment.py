#!/usr/bin/env python3
"""Train Rapport's learned sentiment model from ../shared/data/sentiment-train/train.tsv.

Usage (from the repo root, after `swift build -c release --product rapport`):
    pip install -r scripts/requirements-sentiment.txt
    python3 scripts/train_sentiment.py [--data ../shared/data/sentiment-train/train.tsv]

Writes Sources/RapportAnalysis/SentimentModelData.swift (the weights, base64) and the test fixtures
Tests/RapportAnalysisTests/SentimentModelFixture.swift; prints held-out figures per class. The same
input gives the same files (fixed seeds, deterministic solver): compare `sha256sum` of two runs.

The same files on any machine: the model's bytes depend on the floating-point summation order of the
BLAS that scipy's L-BFGS-B calls, which OpenBLAS chooses by CPU (its kernels: AVX-512 "SkylakeX" vs AVX2
"Haswell") and by its number of threads (a dot product over the 786,000 coefficients is split in one
part per thread). So the script pins them before numpy is imported: OpenBLAS's Haswell kernels (run
on any x86-64 CPU with AVX2), exactly BLAS_THREADS BLAS threads whatever the core count, one OpenMP and
one MKL thread; and it checks the library versions against scripts/requirements-sentiment.txt and
stops on others (--any-setup: go on, with a warning; the held-out figures agree to about three
decimals, the bytes do not). The sha256 of the model bytes of the pinned setup is
docs/sentiment-model.md's and SHIPPED_SHA256 below.

Features come from the shipped tokenizer: `rapport analyze --sentiment-features` prints, per text,
the lexicon score, the feature buckets, the dense cues, the tokens and the post's form (prose or
post, which the blend is gated by). This script hashes the tokens
again the same way (FNV-style word hash, see SentimentFeatures.swift) and stops if any bucket
differs, so the Python and Swift hashing cannot drift apart silently.

Data: a stratified 15 % of train.tsv (seed 20261207) is held out and never trained on; the
regularisation strength is chosen on a further 15 % of the rest, then the model is refitted on all
of the rest. No public benchmark's test split is read.

After a change of the blend rule alone: `--fixture-only` reads the weights back from --out and rewrites
only the fixture (no training).
"""
import argparse
import base64
import hashlib
import math
import os
import platform
import struct
import subprocess
import sys

# The pinned numeric setup (see the docstring): set before numpy, scipy and scikit-learn load their BLAS and
# OpenMP runtimes, which read these variables once, at load. 2 BLAS threads (not 1) because the shipped model was
# trained with 2 (on a 2-core AVX2 machine) and this setup reproduces its bytes exactly.
BLAS_CORETYPE = "Haswell"
BLAS_THREADS = 2
os.environ["OPENBLAS_CORETYPE"] = BLAS_CORETYPE
os.environ["OPENBLAS_NUM_THREADS"] = str(BLAS_THREADS)
os.environ["OMP_NUM_THREADS"] = "1"
os.environ["MKL_NUM_THREADS"] = "1"

import numpy as np  # noqa: E402
from scipy.sparse import csr_matrix, hstack  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402
from threadpoolctl import threadpool_info, threadpool_limits  # noqa: E402

# OpenBLAS caps OPENBLAS_NUM_THREADS at the number of cores it sees (one core: one thread, other bytes); an explicit
# limit is not capped. Set once numpy's and scipy's OpenBLAS are both loaded (sklearn.linear_model loads scipy's).
_LIMITS = (threadpool_limits(limits=BLAS_THREADS, user_api="blas"), threadpool_limits(limits=1, user_api="openmp"))

# scripts/requirements-sentiment.txt, which pins these (vaderSentiment only gives the VADER row).
PINNED = {"numpy": "2.4.6", "scipy": "1.17.1", "scikit-learn": "1.9.1", "threadpoolctl": "3.8.0",
          "vaderSentiment": "3.3.2"}
# The model bytes this setup gives from train.tsv (sha256 79ec1040afdcd9b7…) with the default C grid (or --c 0.25):
# the shipped SentimentModelData.swift.
SHIPPED_SHA256 = "b58149725085323930ebdeb03ffacb070b73b0e6b3e0fdfc967b0c57a548a7c9"

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
CLASSES = ["negative", "neutral", "positive"]  # sklearn's (sorted) order
SEED = 20261207
DUMP_BITS = 24
M64 = (1 << 64) - 1
MENTION = 0x4D454E54494F4E31
NEGATED = 0x6E65676174656421
DENSE = 7
# The blend SentimentModel.blend applies (docs/sentiment-model.md, "Blend"), gated by the post's form, which the
# feature dump prints (SentimentModel.readsAsProse: no @mention, #hashtag, URL, "!" or "?", ends with a full stop).
# Prose: score = (lexicon + PROSE_WEIGHT × (P(pos) − P(neg))) ÷ (1 + PROSE_WEIGHT), neutral within ±PROSE_BAND.
# Other posts: the model's most probable class, but a neutral call gives way to a valenced lexicon score (|score| ≥
# LEXICON_BAND) when its margin is under NEUTRAL_MARGIN or |score| ≥ STRONG_LEXICON. Chosen among a few candidates
# (scripts/blend_candidates.py).
PROSE_WEIGHT = 0.5
PROSE_BAND = 0.03
NEUTRAL_MARGIN = 0.2
STRONG_LEXICON = 0.5
LEXICON_BAND = 0.01


def token_hash(b):
    """SentimentFeatures.tokenHash: first 16 bytes as two little-endian words, FNV-1a past 16."""
    n = len(b)
    w0 = int.from_bytes(b[:8].ljust(8, b"\0"), "little")
    w1 = int.from_bytes(b[8:16].ljust(8, b"\0"), "little")
    x = w0 ^ ((w1 * 0xC2B2AE3D27D4EB4F) & M64) ^ n
    if n > 16:
        h = 0xCBF29CE484222325
        for c in b[16:]:
            h = ((h ^ c) * 0x100000001B3) & M64
        x ^= h
    return (x * 0x9E3779B97F4A7C15) & M64


def buckets(tokens, bits):
    """SentimentFeatures.forEachBucket: each token's unigram, then the bigram ending at it."""
    out = []
    previous = 0
    for i, tok in enumerate(tokens):
        negated = tok.endswith("!")
        word = tok[:-1] if negated else tok
        h = MENTION if word == "@" else token_hash(bytes.fromhex(word))
        out.append((h ^ NEGATED if negated else h) >> (64 - bits))
        if i > 0:
            mixed = ((((previous * 0xC2B2AE3D27D4EB4F) & M64) ^ h ^ 0x5BD1E9955BD1E995) * 0x9E3779B97F4A7C15) & M64
            out.append(mixed >> (64 - bits))
        previous = h
    return out


def features(texts, command):
    """Runs the shipped feature dump over `texts`; returns lexicon scores, buckets, dense rows, tokens, and
    whether each text reads as prose (the blend's gate)."""
    out = subprocess.run(command, input="\n".join(texts) + "\n", capture_output=True, text=True, check=True).stdout
    lines = out.split("\n")[: len(texts)]
    assert len(lines) == len(texts), "feature dump: one line per text expected"
    lexicon, rows, dense, tokens, prose = [], [], [], [], []
    for line in lines:
        lex, _label, _score, bks, dns, toks, form = line.split("\t")
        prose.append(form == "prose")
        lexicon.append(float(lex))
        rows.append([int(b) for b in bks.split()] if bks else [])
        dense.append([float(x) for x in dns.split(",")])
        tokens.append(toks.split() if toks else [])
    return np.array(lexicon), rows, np.array(dense), tokens, np.array(prose, dtype=bool)


def matrix(rows, dense, bits):
    shift = DUMP_BITS - bits
    indptr, indices = [0], []
    for r in rows:
        indices.extend(b >> shift for b in r)
        indptr.append(len(indices))
    sparse = csr_matrix((np.ones(len(indices)), np.array(indices, dtype=np.int64), np.array(indptr)),
                        shape=(len(rows), 1 << bits))
    sparse.sum_duplicates()
    return hstack([sparse, csr_matrix(dense)], format="csr")


def lexicon_labels(scores, band=0.01):
    return np.array(["positive" if s >= band else "negative" if s <= -band else "neutral" for s in scores])


def report(name, gold, pred):
    """Per-class precision / recall / F1 and macro-F1, printed as a Markdown table row set."""
    f1s = []
    lines = []
    for c in CLASSES:
        tp = int(np.sum((gold == c) & (pred == c)))
        fp = int(np.sum((gold != c) & (pred == c)))
        fn = int(np.sum((gold == c) & (pred != c)))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        f1s.append(f)
        lines.append(f"| {name} | {c} | {p:.3f} | {r:.3f} | {f:.3f} | {tp + fn} |")
    macro = sum(f1s) / 3
    print("\n".join(lines))
    print(f"| {name} | **macro-F1** | | | **{macro:.3f}** | {len(gold)} |")
    return macro


class Quantised:
    """The shipped model: logits relative to neutral, hashed weights as signed bytes."""

    def __init__(self, clf, bits):
        coef = clf.coef_.astype(np.float64)
        rel = np.stack([coef[0] - coef[1], coef[2] - coef[1]])  # (negative, positive) − neutral
        hashed = rel[:, : 1 << bits]
        self.bits = bits
        self.scale = np.float32(np.abs(hashed).max() / 127.0)
        self.q = np.clip(np.rint(hashed / float(self.scale)), -127, 127).astype(np.int8)
        self.bias = np.array([clf.intercept_[0] - clf.intercept_[1], clf.intercept_[2] - clf.intercept_[1]],
                             dtype=np.float32)
        self.dense = rel[:, 1 << bits:].astype(np.float32)  # (2, DENSE)

    @classmethod
    def from_swift(cls, path):
        """The weights a previous run wrote to SentimentModelData.swift (for --fixture-only)."""
        src = open(path, encoding="utf-8").read()
        blob = base64.b64decode("".join(src.split('"""')[1].split()))
        assert blob[:4] == b"RSM1", "not a model file"
        bits, dn = struct.unpack("<II", blob[4:12])
        assert dn == DENSE
        fl = np.frombuffer(blob[12:12 + 4 * (3 + 2 * dn)], dtype="<f4")
        self = cls.__new__(cls)
        self.bits = bits
        self.scale = np.float32(fl[0])
        self.bias = np.array(fl[1:3], dtype=np.float32)
        self.dense = np.array(fl[3:], dtype=np.float32).reshape(dn, 2).T.copy()
        self.q = np.frombuffer(blob[12 + 4 * (3 + 2 * dn):], dtype=np.int8).reshape(-1, 2).T.copy()
        assert self.to_bytes() == blob
        return self

    def to_bytes(self):
        head = b"RSM1" + struct.pack("<II", self.bits, DENSE)
        floats = [self.scale, self.bias[0], self.bias[1]]
        for k in range(DENSE):
            floats += [self.dense[0, k], self.dense[1, k]]
        body = struct.pack("<" + "f" * len(floats), *[float(x) for x in floats])
        weights = np.stack([self.q[0], self.q[1]], axis=1).reshape(-1)  # bucket b: (neg, pos)
        return head + body + weights.tobytes()

    def logits(self, row, dense):
        """As SentimentModel.logits: integer sums, then the float terms in the same order."""
        shift = DUMP_BITS - self.bits
        cols = [b >> shift for b in row]
        neg = int(self.q[0, cols].astype(np.int64).sum()) if cols else 0
        pos = int(self.q[1, cols].astype(np.int64).sum()) if cols else 0
        zs = []
        for c, total in ((0, neg), (1, pos)):
            z = float(self.bias[c]) + float(self.scale) * float(total)
            s = float(self.dense[c, 0]) * dense[0]
            for k in range(1, DENSE):
                s = s + float(self.dense[c, k]) * dense[k]
            zs.append(z + s)
        return zs

    @staticmethod
    def probabilities(z):
        top = max(0.0, z[0], z[1])
        en, e0, ep = np.exp(z[0] - top), np.exp(-top), np.exp(z[1] - top)
        total = en + e0 + ep
        return en / total, e0 / total, ep / total

    def blend(self, row, dense, lexicon, prose):
        """As SentimentModel.blend (math.exp is the C library's exp, as Swift's on Linux): the label."""
        z = self.logits(row, dense)
        top = max(0.0, z[0], z[1])
        en, e0, ep = math.exp(z[0] - top), math.exp(-top), math.exp(z[1] - top)
        total = en + e0 + ep
        pn, p0, pp = en / total, e0 / total, ep / total
        return blend_label(lexicon, (pn, p0, pp), prose)

    def predict_blend(self, rows, dense, lexicon, prose):
        return np.array([self.blend(r, d, x, f) for r, d, x, f in zip(rows, dense, lexicon, prose)])

    def predict(self, rows, dense):
        out = []
        for row, d in zip(rows, dense):
            pn, p0, pp = self.probabilities(self.logits(row, d))
            out.append("negative" if pn > p0 and pn >= pp else "positive" if pp > p0 and pp > pn else "neutral")
        return np.array(out)


def blend_label(lexicon, p, prose):
    """SentimentModel.blend's label from the lexicon score and the probabilities (negative, neutral, positive)."""
    pn, p0, pp = p
    if prose:
        score = (lexicon + PROSE_WEIGHT * (pp - pn)) / (1 + PROSE_WEIGHT)
        return "positive" if score >= PROSE_BAND else "negative" if score <= -PROSE_BAND else "neutral"
    if pn > p0 and pn >= pp:
        return "negative"
    if pp > p0 and pp > pn:
        return "positive"
    if abs(lexicon) >= LEXICON_BAND and (p0 - max(pn, pp) < NEUTRAL_MARGIN or abs(lexicon) >= STRONG_LEXICON):
        return "positive" if lexicon > 0 else "negative"
    return "neutral"


def swift_string(name, text):
    chunks = [text[i:i + 100] for i in range(0, len(text), 100)]
    return f'    static let {name} = """\n' + "\n".join(chunks) + '\n"""\n'


def numeric_setup(allow_other):
    """Prints the versions and BLAS the script runs with; stops (or, with --any-setup, warns) unless they are the
    pinned ones."""
    from importlib import metadata
    versions = {}
    for name in PINNED:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    pools = threadpool_info()
    blas = [p for p in pools if p["user_api"] == "blas"]
    openmp = [p for p in pools if p["user_api"] == "openmp"]
    print(f"numeric setup: Python {platform.python_version()} on {platform.machine()}; "
          + ", ".join(f"{k} {v or 'missing'}" for k, v in versions.items()) + "; BLAS: "
          + "; ".join(f"{p['internal_api']} {p.get('version')} ({p.get('architecture')} kernels, "
                      f"{p['num_threads']} threads)" for p in blas)
          + "; OpenMP: " + (", ".join(f"{p['num_threads']} thread(s)" for p in openmp) or "none"))
    problems = [f"{k} {v or 'missing'} (pinned: {PINNED[k]})" for k, v in versions.items()
                if v != PINNED[k] and k != "vaderSentiment"]
    if versions["vaderSentiment"] not in (None, PINNED["vaderSentiment"]):
        problems.append(f"vaderSentiment {versions['vaderSentiment']} (pinned: 3.3.2; only the VADER row)")
    if platform.machine().lower() not in ("x86_64", "amd64"):
        problems.append(f"{platform.machine()} is not x86-64 (OpenBLAS's {BLAS_CORETYPE} kernels are x86-64's)")
    if not blas:
        problems.append("no BLAS found by threadpoolctl")
    for p in blas:
        if p["internal_api"] != "openblas":
            problems.append(f"BLAS {p['internal_api']} (the pinned wheels bring OpenBLAS)")
        elif (p.get("architecture") or "").lower() != BLAS_CORETYPE.lower():
            problems.append(f"OpenBLAS runs {p.get('architecture')} kernels, not {BLAS_CORETYPE} (does the CPU lack AVX2?)")
        if p["num_threads"] != BLAS_THREADS:
            problems.append(f"{p['prefix']} runs {p['num_threads']} threads, not {BLAS_THREADS}")
    if not problems:
        return True
    message = ("not the pinned numeric setup (pip install -r scripts/requirements-sentiment.txt, on x86-64):\n  "
               + "\n  ".join(problems))
    if not allow_other:
        sys.exit(message + "\nThe model bytes may differ from the recorded ones. --any-setup goes on anyway.")
    bar = "!" * 100
    print(f"{bar}\nWARNING: {message}\nThe model written will NOT be byte-identical to the shipped one "
          f"(sha256 {SHIPPED_SHA256[:8]}…); held-out figures usually agree to about three decimals.\n{bar}",
          file=sys.stderr, flush=True)
    return False


def main():
    global args_data
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data", "sentiment-train", "train.tsv"))
    ap.add_argument("--rapport", default=os.path.join(ROOT, ".build", "release", "rapport"))
    ap.add_argument("--features-command", default="", help="instead of RAPPORT analyze --sentiment-features")
    ap.add_argument("--bits", type=int, default=18)
    ap.add_argument("--c", type=float, default=0.0,
                    help="regularisation strength; default: the best of 0.25 and 1.0 on the inner validation part")
    ap.add_argument("--out", default=os.path.join(ROOT, "Sources", "RapportAnalysis", "SentimentModelData.swift"))
    ap.add_argument("--fixture", default=os.path.join(ROOT, "Tests", "RapportAnalysisTests",
                                                      "SentimentModelFixture.swift"))
    ap.add_argument("--fixture-only", action="store_true",
                    help="no training: read the weights from --out and rewrite only the test fixture (after a change "
                         "of the blend rule)")
    ap.add_argument("--any-setup", action="store_true",
                    help="go on (with a warning) when the library versions, CPU or BLAS are not the pinned ones")
    args = ap.parse_args()
    pinned = numeric_setup(args.any_setup)
    command = args.features_command.split() if args.features_command else [args.rapport, "analyze",
                                                                          "--sentiment-features"]

    labels, texts = [], []
    with open(args.data, encoding="utf-8") as f:
        for line in f:
            label, text = line.rstrip("\n").split("\t", 1)
            labels.append(label)
            texts.append(text)
    labels = np.array(labels)
    print(f"train.tsv: {len(texts)} rows, sha256 {hashlib.sha256(open(args.data, 'rb').read()).hexdigest()[:16]}")

    lexicon, rows, dense, tokens, prose = features(texts, command)
    print(f"features: {sum(len(r) for r in rows)} buckets over {len(rows)} texts", flush=True)
    mismatches = sum(1 for r, t in zip(rows, tokens) if buckets(t, DUMP_BITS) != r)
    if mismatches:
        sys.exit(f"hashing differs between Python and Swift on {mismatches} texts")
    print(f"hashing: Python's buckets equal Swift's on all {len(texts)} texts")

    idx = np.arange(len(texts))
    fit_idx, held_idx = train_test_split(idx, test_size=0.15, stratify=labels, random_state=SEED)
    inner_fit, inner_val = train_test_split(fit_idx, test_size=0.15, stratify=labels[fit_idx], random_state=SEED)
    if args.fixture_only:
        model = Quantised.from_swift(args.out)
        print(f"weights read from {args.out}: sha256 {hashlib.sha256(model.to_bytes()).hexdigest()}")
        print(f"\nHeld-out part of train.tsv (15 %, stratified, seed {SEED}):\n")
        print("| analyser | class | precision | recall | F1 | support |\n|---|---|---|---|---|---|")
        gold = labels[held_idx]
        report("model", gold, model.predict([rows[i] for i in held_idx], dense[held_idx]))
        report("blend", gold, model.predict_blend([rows[i] for i in held_idx], dense[held_idx], lexicon[held_idx],
                                                  prose[held_idx]))
        args_data = args.data
        write_fixture(args.fixture, model, texts, labels, held_idx, rows, dense, tokens, lexicon, prose)
        return
    X = matrix(rows, dense, args.bits)

    def fit(train_rows, c):
        clf = LogisticRegression(C=c, max_iter=1000, solver="lbfgs", tol=1e-4)
        clf.fit(X[train_rows], labels[train_rows])
        return clf

    best = (0.0, args.c) if args.c else None
    for c in () if args.c else (0.25, 1.0):
        model = Quantised(fit(inner_fit, c), args.bits)
        pred = model.predict([rows[i] for i in inner_val], dense[inner_val])
        f1 = np.mean([_f1(labels[inner_val], pred, k) for k in CLASSES])
        print(f"C={c}: inner validation macro-F1 {f1:.4f}")
        if best is None or f1 > best[0] + 1e-9:
            best = (f1, c)
    c = best[1]
    model = Quantised(fit(fit_idx, c), args.bits)
    print(f"chosen C={c}; {args.bits} bits, {int(np.count_nonzero(model.q))} non-zero weights")

    print(f"\nHeld-out part of train.tsv (15 %, stratified, seed {SEED}):\n")
    print("| analyser | class | precision | recall | F1 | support |\n|---|---|---|---|---|---|")
    gold = labels[held_idx]
    report("lexicon", gold, lexicon_labels(lexicon[held_idx]))
    report("model", gold, model.predict([rows[i] for i in held_idx], dense[held_idx]))
    report("blend", gold, model.predict_blend([rows[i] for i in held_idx], dense[held_idx], lexicon[held_idx],
                                              prose[held_idx]))
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        vader = SentimentIntensityAnalyzer()
        report("VADER", gold, lexicon_labels([vader.polarity_scores(texts[i])["compound"] for i in held_idx], 0.05))
    except ImportError:
        print("(vaderSentiment not installed: no VADER row)")

    blob = model.to_bytes()
    encoded = base64.b64encode(blob).decode()
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("// Generated by scripts/train_sentiment.py from train.tsv: do not edit. " +
                f"{len(blob)} bytes, sha256 {hashlib.sha256(blob).hexdigest()}.\n")
        f.write("enum SentimentModelData {\n" + swift_string("base64", encoded) + "}\n")
    digest = hashlib.sha256(blob).hexdigest()
    print(f"\nwrote {args.out}: model {len(blob)} bytes, sha256 {digest}")
    if digest == SHIPPED_SHA256:
        print("model bytes: identical to the shipped model recorded in docs/sentiment-model.md")
    else:
        print(f"model bytes: DIFFERENT from the recorded shipped model (sha256 {SHIPPED_SHA256}): "
              + ("expected, the numeric setup is not the pinned one" if not pinned else
                 "with the pinned setup, so the input (train.tsv, the features, --c, --bits) or the code changed; "
                 "if that is meant, record the new sha256 here (SHIPPED_SHA256) and in docs/sentiment-model.md"))
    args_data = args.data
    write_fixture(args.fixture, model, texts, labels, held_idx, rows, dense, tokens, lexicon, prose)


def _f1(gold, pred, c):
    tp = np.sum((gold == c) & (pred == c))
    fp = np.sum((gold != c) & (pred == c))
    fn = np.sum((gold == c) & (pred != c))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def write_fixture(path, model, texts, labels, held_idx, rows, dense, tokens, lexicon, prose):
    """A few held-out texts with the buckets and probabilities Python computed (for the Swift
    equality test), and 1,000 held-out rows (for the quality test). Both come only from the
    MIT-licensed financial news source: the SemEval tweets may not be redistributed, and the
    Kaggle set's licence is unknown (SOURCES.md)."""
    mit = mit_texts(os.path.dirname(os.path.abspath(args_data)))
    candidates = [i for i in held_idx if texts[i] in mit]
    rng = np.random.RandomState(SEED)
    sample = sorted(rng.choice(candidates, size=min(1000, len(candidates)), replace=False).tolist())
    probes = [i for i in sample if 3 <= len(tokens[i]) and "\\" not in texts[i] and '"""' not in texts[i]][:12]
    lines = ["// Generated by scripts/train_sentiment.py: do not edit.",
             "// Held-out rows of train.tsv (never trained on) with what the training script computed.",
             "enum SentimentModelFixture {",
             "    /// (text, model buckets, negative, neutral, positive) from the script's own hashing and weights.",
             "    static let probes: [(String, [Int], Double, Double, Double)] = ["]
    shift = DUMP_BITS - model.bits
    for i in probes:
        p = model.probabilities(model.logits(rows[i], dense[i]))
        bks = ", ".join(str(b >> shift) for b in buckets(tokens[i], DUMP_BITS))
        lines.append(f"        ({swift_literal(texts[i])}, [{bks}], {float(p[0])!r}, {float(p[1])!r}, {float(p[2])!r}),")
    lines.append("    ]")
    lines.append("    /// The blended label of each `heldOut` row as the script computes it: -, 0 or +.")
    marks = {"negative": "-", "neutral": "0", "positive": "+"}
    lines.append('    static let blendLabels = "' + "".join(marks[model.blend(rows[i], dense[i], lexicon[i], prose[i])] for i in sample) + '"')
    lines.append("    /// `label<TAB>text` lines: held-out rows from the financial news source (MIT).")
    body = "\n".join(f"{labels[i]}\t{texts[i]}" for i in sample)
    lines.append('    static let heldOut = #"""\n' + body + '\n"""#')
    lines.append("}")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {path}: {len(probes)} probes, {len(sample)} held-out rows")


def mit_texts(directory):
    """The financial news texts, cleaned as train.tsv's were (SOURCES.md)."""
    import csv
    import html
    out = set()
    for name in ("sent_train.csv", "sent_valid.csv"):
        path = os.path.join(directory, "twitter-financial-news", name)
        with open(path, encoding="utf-8", newline="") as f:
            for row in list(csv.reader(f))[1:]:
                text = html.unescape(row[0]) if "&" in row[0] else row[0]
                out.add(" ".join(text.replace("\u2028", " ").replace("\u2029", " ").split()))
    return out


def swift_literal(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


if __name__ == "__main__":
    main()
