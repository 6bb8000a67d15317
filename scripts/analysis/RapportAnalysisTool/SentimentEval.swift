import Foundation
import RapportAnalysis

/// One human-rated sentence of the VADER evaluation files.
struct RatedSentence {
    var id: String
    var mean: Double
    var text: String
    var label: Sentiment.Label { mean >= 0.2 ? .positive : mean <= -0.2 ? .negative : .neutral }
}

enum SentimentEval {
    static let files = [
        ("amazon", "amazonReviewSnippets_GroundTruth.txt"), ("movies", "movieReviewSnippets_GroundTruth.txt"),
        ("nyt", "nytEditorialSnippets_GroundTruth.txt"),
    ]

    static func load(_ path: String) -> [RatedSentence] {
        guard let data = FileManager.default.contents(atPath: path) else { fatalError("cannot read \(path)") }
        let text = String(decoding: data, as: UTF8.self)
        return text.split(whereSeparator: \.isNewline).compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let mean = Double(parts[1].trimmingCharacters(in: .whitespaces)) else { return nil }
            return RatedSentence(id: String(parts[0]), mean: mean, text: String(parts[2]))
        }
    }

    static func macroF1(_ gold: [Sentiment.Label], _ predicted: [Sentiment.Label]) -> Double {
        var total = 0.0
        for label in Sentiment.Label.allCases {
            var tp = 0.0, fp = 0.0, fn = 0.0
            for (g, p) in zip(gold, predicted) {
                if p == label && g == label { tp += 1 } else if p == label { fp += 1 } else if g == label { fn += 1 }
            }
            let precision = tp + fp > 0 ? tp / (tp + fp) : 0
            let recall = tp + fn > 0 ? tp / (tp + fn) : 0
            total += precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        }
        return total / 3
    }

    static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        return sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : 0
    }

    static func labels(_ scores: [Double], band: Double) -> [Sentiment.Label] {
        scores.map { $0 >= band ? .positive : $0 <= -band ? .negative : .neutral }
    }

    static func squash(_ raw: [Double], alpha: Double) -> [Double] {
        raw.map { max(-1, min(1, $0 / ($0 * $0 + alpha).squareRoot())) }
    }

    /// `eval-sentiment DIR`: macro-F1 and r per file with the shipped defaults, then a
    /// leave-one-file-out check of alpha and the neutral band (chosen on two files, scored on the third).
    static func run(directory: String) {
        let scorer = SentimentScorer()
        var raws: [[Double]] = []
        var golds: [[RatedSentence]] = []
        print("file\tmacroF1\tpearson_r\t(shipped defaults)")
        for (name, file) in files {
            let rows = load(directory + "/" + file)
            let raw = rows.map { scorer.rawScore($0.text) }
            raws.append(raw)
            golds.append(rows)
            let scores = rows.map { scorer.score($0.text).score }
            let f1 = macroF1(
                rows.map(\.label),
                scores.map {
                    $0 >= scorer.tuning.neutralBand
                        ? Sentiment.Label.positive : $0 <= -scorer.tuning.neutralBand ? .negative : .neutral
                })
            let r = pearson(scores, rows.map(\.mean))
            print("\(name)\t\(fmt(f1))\t\(fmt(r))")
        }
        print("\nleave-one-file-out: knobs chosen on the other two files (sum of macro-F1 + r), scored on the third")
        let texts = golds.map { $0.map(\.text) }
        var grid: [(SentimentScorer.Tuning, [[Double]])] = []
        for negativeWeight in [1.0, 1.5, 2.0, 2.5] {
            for lengthExponent in [0.0, 0.5, 0.75, 1.0] {
                for negatedNegative in [-0.5, -0.3, -0.1] {
                    var t = SentimentScorer.Tuning()
                    t.negativeWeight = negativeWeight
                    t.lengthExponent = lengthExponent
                    t.negatedNegative = negatedNegative
                    let s = SentimentScorer(tuning: t)
                    grid.append((t, texts.map { $0.map { s.rawScore($0) } }))
                }
            }
        }
        let alphas: [Double] = [1, 2, 4, 8, 15, 30, 60]
        let bands: [Double] = [0.0, 0.01, 0.02, 0.05, 0.08, 0.1, 0.15]
        func objective(_ raw: [Double], _ k: Int, _ alpha: Double, _ band: Double) -> (Double, Double) {
            let s = squash(raw, alpha: alpha)
            return (macroF1(golds[k].map(\.label), labels(s, band: band)), pearson(s, golds[k].map(\.mean)))
        }
        for held in 0..<files.count {
            var best = (score: -1.0, g: 0, alpha: 0.0, band: 0.0)
            for (g, entry) in grid.enumerated() {
                for alpha in alphas {
                    for band in bands {
                        var total = 0.0
                        for k in 0..<files.count where k != held {
                            let (f, r) = objective(entry.1[k], k, alpha, band)
                            total += f + r
                        }
                        if total > best.score { best = (total, g, alpha, band) }
                    }
                }
            }
            let (f1, r) = objective(grid[best.g].1[held], held, best.alpha, best.band)
            let t = grid[best.g].0
            print(
                "\(files[held].0)\tF1 \(fmt(f1))\tr \(fmt(r))\t(alpha \(best.alpha), band \(best.band), negW \(t.negativeWeight), lenExp \(t.lengthExponent), negNeg \(t.negatedNegative))"
            )
        }
    }

    /// `score-tsv FILE`: `id<TAB>score<TAB>label` per sentence, for scripts/eval_sentiment.py.
    static func scoreTSV(_ path: String) {
        let scorer = SentimentScorer()
        var out = ""
        for row in load(path) {
            let s = scorer.score(row.text)
            out += "\(row.id)\t\(s.score)\t\(s.label.rawValue)\n"
        }
        FileHandle.standardOutput.write(out.data(using: .utf8)!)
    }

    static func fmt(_ x: Double) -> String { String(format: "%.3f", x) }
}
