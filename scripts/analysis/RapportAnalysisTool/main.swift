import Foundation
import RapportAnalysis

// Evaluation and benchmark helper for RapportAnalysis; see ANALYSIS.md for the commands.
let args = CommandLine.arguments.dropFirst()
switch args.first {
case "eval-sentiment":
    SentimentEval.run(directory: args.dropFirst().first ?? "/work/shared/data/sentiment-dev")
case "score-tsv":
    SentimentEval.scoreTSV(args.dropFirst().first!)
case "score":
    for text in args.dropFirst() { print(SentimentScorer().score(text), text) }
default:
    print("usage: RapportAnalysisTool eval-sentiment [DIR] | score-tsv FILE | score TEXT…")
}
