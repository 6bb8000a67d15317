import ArgumentParser
import RapportAnalysis
import RapportFormats

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse JSON lines from standard input; one JSON line out per line in, in order.",
        discussion: """
            Input: {"id": …, "text": …} plus optional "followers", "verified", "lang", "network".
            Output: {"id", "sentiment": {"label", "score"}, "intents": [{"name", "confidence"}], "language",
            "topics", "influence", "level", "reasons"}, or {"id"|"line", "error"} for a bad line.
            Exit status 1 when any line failed.
            """)

    @Flag(
        help: .hidden  // For scripts/train_sentiment.py: plain text lines in, the sentiment model's features out.
    )
    var sentimentFeatures = false

    func run() async throws {
        // Lines are read with the formats module's JSON parser and written by hand into one
        // buffer, flushed in 64 KB writes: `JSONSerialization` cost more per line than the analysis.
        let analyzer = Analyzer()
        var input = StandardInputLines()
        if sentimentFeatures {
            try Self.writeFeatures(analyzer, &input)
            return
        }
        var output = AnalyzeOutput()
        var lineNumber = 0
        var anyFailed = false
        while let line = input.next() {
            lineNumber += 1
            if AnalyzeRequest.isBlank(line) { continue }
            // The text is analysed from the line's own bytes (or decoded escapes), not copied into a String.
            AnalyzeRequest.withDecoded(line) { request, text in
                switch request {
                case .invalid:
                    output.appendInvalidJSON(lineNumber: lineNumber)
                    anyFailed = true
                case .missingText(let id):
                    output.appendMissingText(id: id, lineNumber: lineNumber)
                    anyFailed = true
                case .request(let id, let analysisInput):
                    output.appendAnalysis(id: id, analyzer.analyze(analysisInput, utf8: text))
                }
            }
            if output.bytes.count >= 1 << 16 {
                try Self.flush(output.bytes)
                output.bytes.removeAll(keepingCapacity: true)
            }
        }
        try Self.flush(output.bytes)
        if anyFailed { throw ExitCode(1) }
    }

    /// One `Analyzer.sentimentFeatureLine` per input line (each line is the text itself).
    static func writeFeatures(_ analyzer: Analyzer, _ input: inout StandardInputLines) throws {
        var out: [UInt8] = []
        while let line = input.next() {
            out.append(contentsOf: analyzer.sentimentFeatureLine(String(decoding: line, as: UTF8.self)).utf8)
            out.append(0x0A)
            if out.count >= 1 << 16 {
                try flush(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        try flush(out)
    }

    /// Writes all of `bytes` to standard output (retrying short writes and interrupts).
    static func flush(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(1, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw ExitCode(1)
                }
                offset += n
            }
        }
    }
}
