import RapportAnalysis
import RapportFormats

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The loop of Sources/RapportCLI/Analyze.swift (`rapport analyze`), without ArgumentParser; in a
// function, as there, so the analyser and buffers are locals rather than globals. For timing the
// whole process without building the full `rapport` (BENCHMARKS.md): a release scratch package
// whose targets are RapportAnalysis, RapportCore, RapportFormats (linked from Sources/) and this
// executable, with Sources/RapportCLI/StandardInputLines.swift linked beside this file.
func flush(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
            let n = write(1, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                exit(1)
            }
            offset += n
        }
    }
}

func run() -> Bool {
    let analyzer = Analyzer()
    var input = StandardInputLines()
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
            flush(output.bytes)
            output.bytes.removeAll(keepingCapacity: true)
        }
    }
    flush(output.bytes)
    return anyFailed
}

exit(run() ? 1 : 0)
