import Foundation
import RapportCore
import RapportFormats

/// Splits a byte stream into NDJSON lines and parses them, keeping a partial
/// last line for the next chunk. Bad lines are counted and logged, not fatal.
struct LineBatcher {
    let format: PayloadFormat
    var context = StreamContext()
    private var pending: [UInt8] = []
    private(set) var lineNumber = 0
    var maxLineBytes = 8 << 20

    init(format: PayloadFormat) {
        self.format = format
    }

    /// Parsed posts and failures found in `chunk` (plus what was pending).
    mutating func feed(_ chunk: some Collection<UInt8>) -> (posts: [IncomingPost], failures: [FormatError]) {
        pending.append(contentsOf: chunk)
        var posts: [IncomingPost] = []
        var failures: [FormatError] = []
        var start = 0
        while let newline = pending[start...].firstIndex(of: 0x0A) {
            lineNumber += 1
            parse(pending[start..<newline], into: &posts, failures: &failures)
            start = newline + 1
        }
        pending.removeSubrange(0..<start)
        if pending.count > maxLineBytes {
            failures.append(FormatError(.documentTooLarge, "line \(lineNumber + 1): longer than \(maxLineBytes) bytes"))
            pending.removeAll()
        }
        return (posts, failures)
    }

    /// The last line when the stream ends without a newline.
    mutating func finish() -> (posts: [IncomingPost], failures: [FormatError]) {
        var posts: [IncomingPost] = []
        var failures: [FormatError] = []
        if !pending.isEmpty {
            lineNumber += 1
            parse(pending[...], into: &posts, failures: &failures)
            pending.removeAll()
        }
        return (posts, failures)
    }

    private mutating func parse(
        _ line: ArraySlice<UInt8>, into posts: inout [IncomingPost], failures: inout [FormatError]
    ) {
        do {
            if case .post(let post) = try PayloadParser.parseLine(
                format, line, lineNumber: lineNumber, context: &context)
            {
                posts.append(post)
            }
        } catch {
            failures.append(error)
        }
    }
}
