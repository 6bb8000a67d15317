import Foundation
import RapportAnalysis

/// Per-class precision and recall of the full analyser on data/social-labelled.jsonl.
enum SocialEval {
    struct Tally {
        var tp = 0, fp = 0, fn = 0
        var precision: Double { tp + fp > 0 ? Double(tp) / Double(tp + fp) : 0 }
        var recall: Double { tp + fn > 0 ? Double(tp) / Double(tp + fn) : 0 }
    }

    static func run(path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { fatalError("cannot read \(path)") }
        let analyzer = Analyzer()
        var sentiment: [String: Tally] = [:], language: [String: Tally] = [:]
        var level: [String: Tally] = [:], intent: [String: Tally] = [:]
        var rows = 0
        var correct = (sentiment: 0, language: 0, level: 0)
        func count(_ table: inout [String: Tally], gold: String, predicted: String) {
            if gold == predicted {
                table[gold, default: Tally()].tp += 1
            } else {
                table[gold, default: Tally()].fn += 1
                table[predicted, default: Tally()].fp += 1
            }
        }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let text = object["text"] as? String
            else { continue }
            rows += 1
            let input = AnalysisInput(
                text: text, followers: object["followers"] as? Int, verified: object["verified"] as? Bool ?? false,
                reposts: object["reposts"] as? Int ?? 0, replies: object["replies"] as? Int ?? 0,
                ageMinutes: (object["age_minutes"] as? Double) ?? (object["age_minutes"] as? Int).map(Double.init),
                customerValue: (object["customer_value"] as? Double)
                    ?? (object["customer_value"] as? Int).map(Double.init))
            let a = analyzer.analyze(input)
            let gold = (
                object["sentiment"] as? String ?? "", object["lang"] as? String ?? "", object["level"] as? String ?? ""
            )
            count(&sentiment, gold: gold.0, predicted: a.sentiment.label.rawValue)
            count(&language, gold: gold.1, predicted: a.language)
            count(&level, gold: gold.2, predicted: a.level.rawValue)
            if gold.0 == a.sentiment.label.rawValue { correct.sentiment += 1 }
            if gold.1 == a.language { correct.language += 1 }
            if gold.2 == a.level.rawValue { correct.level += 1 }
            let goldIntents = Set(object["intents"] as? [String] ?? [])
            let predicted = Set(a.intents.filter { $0.confidence >= 0.45 }.map(\.name.rawValue))
            for name in Intent.Name.allCases.map(\.rawValue) {
                let g = goldIntents.contains(name), p = predicted.contains(name)
                if g && p { intent[name, default: Tally()].tp += 1 }
                if !g && p { intent[name, default: Tally()].fp += 1 }
                if g && !p { intent[name, default: Tally()].fn += 1 }
            }
        }
        print("rows: \(rows)")
        print(
            String(
                format: "accuracy: sentiment %.3f, language %.3f, level %.3f",
                Double(correct.sentiment) / Double(rows), Double(correct.language) / Double(rows),
                Double(correct.level) / Double(rows)))
        for (title, table) in [("sentiment", sentiment), ("intent", intent), ("language", language), ("level", level)] {
            print("\n\(title)\tclass\tprecision\trecall\tsupport")
            for (name, t) in table.sorted(by: { $0.key < $1.key }) {
                print(String(format: "\t%@\t%.3f\t%.3f\t%d", name, t.precision, t.recall, t.tp + t.fn))
            }
        }
    }
}
