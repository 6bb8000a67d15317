import Foundation
import RapportCore

/// mbox files: messages separated by `From ` envelope lines at the start of a line.
///
/// Body lines that were escaped as `>From ` (mboxrd: any number of `>`) lose one `>`.
/// Each message is one item for failures, numbered from 1.
enum MboxParser {
    static func parse(_ raw: UnsafeRawBufferPointer, receivedAt: Date, limits: ParseLimits) -> ParseOutcome {
        var splitter = MboxSplitter()
        var outcome = ParseOutcome()
        var item = 0
        func handle(_ message: [UInt8]) {
            item += 1
            do {
                if let post = try EmailParser.parse(message[...], receivedAt: receivedAt, limits: limits) {
                    outcome.posts.append(post)
                } else {
                    outcome.skipped += 1
                }
            } catch {
                outcome.failures.append(ItemFailure(location: .item(item), error: error))
            }
        }
        var start = 0
        while start < raw.count {
            var end = start
            while end < raw.count, raw[end] != 0x0A { end += 1 }
            let lineEnd = min(end + 1, raw.count)
            if let message = splitter.append(line: raw[start..<lineEnd]) { handle(message) }
            start = lineEnd
        }
        if let message = splitter.finish() { handle(message) }
        return outcome
    }
}

/// Incremental mbox splitting, for callers that stream a large mbox line by line.
///
/// Feed each line (with its line break) to ``append(line:)``; it returns a complete
/// message (envelope line removed, `>From ` unescaped) whenever the next one starts.
/// Call ``finish()`` at the end for the last message. Give each message to
/// `PayloadParser.parse(.email, …)`.
public struct MboxSplitter: Sendable {
    private var current: [UInt8] = []
    private var inMessage = false

    public init() {}

    public mutating func append(line: some Collection<UInt8>) -> [UInt8]? {
        if line.starts(with: Self.envelope) {
            let finished = inMessage ? current : nil
            current.removeAll(keepingCapacity: true)
            inMessage = true
            return finished
        }
        guard inMessage || !line.allSatisfy({ $0 == 0x0A || $0 == 0x0D }) else { return nil }
        inMessage = true
        // `>From `, `>>From `…: drop one `>`.
        if line.first == UInt8(ascii: ">") {
            let unquoted = line.drop { $0 == UInt8(ascii: ">") }
            if unquoted.starts(with: Self.envelope) {
                current.append(contentsOf: line.dropFirst())
                return nil
            }
        }
        current.append(contentsOf: line)
        return nil
    }

    public mutating func finish() -> [UInt8]? {
        defer {
            current = []
            inMessage = false
        }
        return inMessage && !current.isEmpty ? current : nil
    }

    private static let envelope: [UInt8] = Array("From ".utf8)
}
