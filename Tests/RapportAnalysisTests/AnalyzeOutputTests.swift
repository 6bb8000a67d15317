import Testing

@testable import RapportAnalysis

@Suite struct AnalyzeOutputTests {
    let analyzer = Analyzer()

    private func line(_ id: AnalyzeID, _ a: PostAnalysis) -> String {
        var out = AnalyzeOutput()
        out.appendAnalysis(id: id, a)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    @Test func bytesEqualTheStringEncoderOnTheBenchmarkPosts() {
        for (k, text) in AnalysisBenchmark.corpus(count: 3_000).enumerated() {
            let a = analyzer.analyze(AnalysisInput(text: text, followers: (k % 97) * 3000))
            #expect(line(.string("b\(k)"), a) == AnalyzeLineProcessor.encode(id: "\"b\(k)\"", a) + "\n")
        }
    }

    @Test func numbersKeepThreeDecimalsInShortestForm() {
        for x in [0, 1, -1, 0.5, -0.341, 0.0004, -0.0004, 0.0005, 0.9999, -0.12, 0.1, 0.07, 2.5, -1e-9] {
            var out = AnalyzeOutput()
            out.appendNumber(x)
            #expect(String(decoding: out.bytes, as: UTF8.self) == AnalyzeLineProcessor.number(x), "\(x)")
        }
    }

    @Test func stringsAndIDsAreEscapedAsBefore() {
        for s in ["", "plain", "a\"b\\c\n\r\t", "\u{1}\u{1f}\u{7f}", "ünïcödé 😀 日本語"] {
            var out = AnalyzeOutput()
            out.appendQuoted(s)
            #expect(String(decoding: out.bytes, as: UTF8.self) == AnalyzeLineProcessor.quote(s))
        }
        var out = AnalyzeOutput()
        out.appendID(.int(-42))
        out.appendID(.double(1.5))
        out.appendID(.none)
        out.appendID(.int(Int.min))
        #expect(String(decoding: out.bytes, as: UTF8.self) == "-421.5null\(Int.min)")
    }

    @Test func errorLinesNameTheIDOrTheLine() {
        var out = AnalyzeOutput()
        out.appendInvalidJSON(lineNumber: 7)
        out.appendMissingText(id: .string("x9"), lineNumber: 3)
        out.appendMissingText(id: .none, lineNumber: 4)
        let expected = [
            processorLine("{not json", 7), processorLine(#"{"id": "x9"}"#, 3), processorLine(#"{"id": null}"#, 4),
        ]
        #expect(String(decoding: out.bytes, as: UTF8.self) == expected.map { $0 + "\n" }.joined())
    }

    private func processorLine(_ line: String, _ n: Int) -> String {
        AnalyzeLineProcessor().process(line: line, lineNumber: n).json
    }
}
