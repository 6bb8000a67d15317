import ArgumentParser
import Foundation
import RapportAnalysis
import RapportIngest

struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse JSON lines from standard input; one JSON line out per line in, in order.",
        discussion: """
            Input: {"id": …, "text": …} plus optional "followers", "verified", "lang", "network".
            Output: {"id", "sentiment": {"label", "score"}, "intents": [{"name", "confidence"}], "language",
            "topics", "influence", "level", "reasons"}, or {"id"|"line", "error"} for a bad line.
            Exit status 1 when any line failed.
            """)

    func run() async throws {
        let processor = AnalyzeLineProcessor()
        let input = FileHandle.standardInput
        let stdin = LineReader(fileHandle: input)
        var reader = stdin
        var lineNumber = 0
        var anyFailed = false
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        while let (line, _) = try reader.next() {
            lineNumber += 1
            let text = String(decoding: line, as: UTF8.self)
            if text.allSatisfy(\.isWhitespace) { continue }
            let (json, failed) = processor.process(line: text, lineNumber: lineNumber)
            anyFailed = anyFailed || failed
            out.append(contentsOf: json.utf8)
            out.append(0x0A)
            if out.count > 1 << 15 {
                FileHandle.standardOutput.write(Data(out))
                out.removeAll(keepingCapacity: true)
            }
        }
        FileHandle.standardOutput.write(Data(out))
        if anyFailed { throw ExitCode(1) }
    }
}
