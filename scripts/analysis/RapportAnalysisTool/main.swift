import Foundation
import RapportAnalysis
import RapportBenchmarks

// Evaluation and benchmark helper for RapportAnalysis; see docs/analysis.md for the commands.
let args = Array(CommandLine.arguments.dropFirst())
switch args.first {
case "eval-sentiment":
    // The human-rated sentiment-dev files are not in the repository: name their directory.
    guard args.count > 1 else {
        FileHandle.standardError.write(Data("usage: RapportAnalysisTool eval-sentiment DIRECTORY\n".utf8))
        exit(2)
    }
    SentimentEval.run(directory: args[1])
case "score-tsv":
    SentimentEval.scoreTSV(args[1])
case "score":
    for text in args.dropFirst() { print(SentimentScorer().score(text), text) }
case "analyze":
    // Same contract as `rapport analyze`: JSON lines in, JSON lines out, exit 1 if any failed.
    let processor = AnalyzeLineProcessor()
    var failed = false
    var n = 0
    while let line = readLine() {
        n += 1
        let (json, bad) = processor.process(line: line, lineNumber: n)
        failed = failed || bad
        print(json)
    }
    exit(failed ? 1 : 0)
case "features":
    let analyzer = Analyzer()
    while let line = readLine() { print(analyzer.sentimentFeatureLine(line)) }
case "corpus":
    for text in AnalysisBenchmark.corpus(count: Int(args[1]) ?? 1_000_000) { print(text) }
case "bench":
    let count = args.count > 1 ? Int(args[1]) ?? 1_000_000 : 1_000_000
    let result = AnalysisBenchmark.run(count: count) { done in
        FileHandle.standardError.write("\(done) posts\n".data(using: .utf8)!)
    }
    print(
        String(
            format: "analyzed %d posts (%.1f MB) in %.2f s wall: %.0f texts/s on one core",
            result.count, Double(result.bytes) / 1e6, result.seconds, result.textsPerSecond))
    print(
        String(
            format: "analyzed %d posts in %.2f s thread CPU: %.0f texts/s on one core",
            result.count, result.cpuSeconds, result.cpuTextsPerSecond))
    print(
        "levels:",
        result.levels.sorted { $0.key < $1.key }.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: " "))
case "eval-social":
    SocialEval.run(path: args.count > 1 ? args[1] : "data/social-labelled.jsonl")
default:
    print(
        "usage: RapportAnalysisTool eval-sentiment [DIR] | score-tsv FILE | score TEXT… | analyze | corpus N | bench N | eval-social FILE"
    )
}
