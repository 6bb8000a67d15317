import Foundation
import RapportCore
import RapportFormats

/// `rapport ingest`: streams a file through the parser into the pipeline in batches,
/// recording every rejected line or item with its position.
public struct FileIngestor: Sendable {
    /// Running totals, also the final summary.
    public struct Summary: Sendable, Hashable {
        public var read = 0
        public var stored = 0
        public var duplicates = 0
        public var filtered = 0
        public var skipped = 0
        public var rejected: [String] = []
        public var bytesRead = 0
        public var totalBytes = 0
    }

    public typealias Submit =
        @Sendable ([IncomingPost], _ source: String, _ rejected: Int) async throws -> IngestReceipt

    let submit: Submit
    let batchSize: Int
    /// The largest whole document (JSON, XML, .eml) read into memory.
    let maxDocumentBytes: Int
    /// Batches handed to the pipeline but not yet committed: while one is triaged or
    /// stored, the next is parsed (both cores busy), and memory stays bounded.
    let maxInFlight: Int

    public init(
        batchSize: Int = 2_000, maxDocumentBytes: Int = 64 << 20, maxInFlight: Int = 2, submit: @escaping Submit
    ) {
        self.submit = submit
        self.batchSize = batchSize
        self.maxDocumentBytes = maxDocumentBytes
        self.maxInFlight = max(1, maxInFlight)
    }

    /// Submissions in flight, collected in order into the summary.
    private final class InFlight: @unchecked Sendable {
        // Touched only by the ingesting task.
        var tasks: [(count: Int, task: Task<IngestReceipt, any Error>)] = []
    }

    /// Ingests one file. `progress` is called after each batch.
    public func ingest(
        path: String, format: PayloadFormat, progress: @Sendable (Summary) -> Void = { _ in }
    ) async throws -> Summary {
        var summary = Summary()
        let inFlight = InFlight()
        defer { for (_, task) in inFlight.tasks { task.cancel() } }
        summary.totalBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if format.isLineDelimited {
            try await ingestLines(path: path, format: format, summary: &summary, inFlight: inFlight, progress: progress)
        } else if format == .mbox {
            try await ingestMbox(path: path, summary: &summary, inFlight: inFlight, progress: progress)
        } else {
            guard summary.totalBytes <= maxDocumentBytes else {
                throw FormatError(
                    .documentTooLarge,
                    "\(path) is \(summary.totalBytes) bytes; documents over \(maxDocumentBytes) bytes must be split")
            }
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            summary.bytesRead = data.count
            let outcome = try PayloadParser.parse(format, data, limits: ParseLimits(maxDocumentBytes: maxDocumentBytes))
            try await record(outcome, source: format.rawValue, summary: &summary, inFlight: inFlight) { "\($0)" }
        }
        try await settleAll(inFlight, into: &summary)
        progress(summary)
        return summary
    }

    private func ingestLines(
        path: String, format: PayloadFormat, summary: inout Summary, inFlight: InFlight,
        progress: @Sendable (Summary) -> Void
    ) async throws {
        var reader = try LineReader(path: path)
        defer { reader.close() }
        var context = StreamContext()
        var batch: [IncomingPost] = []
        var batchRejected = 0
        var lineNumber = 0
        while let (line, tooLong) = try reader.next() {
            lineNumber += 1
            if tooLong {
                summary.rejected.append("line \(lineNumber): line_too_long: longer than \(reader.maxLineBytes) bytes")
                batchRejected += 1
                continue
            }
            do {
                switch try PayloadParser.parseLine(format, line, lineNumber: lineNumber, context: &context) {
                case .post(let post): batch.append(post)
                case .skipped: summary.skipped += 1
                case .blank: break
                }
            } catch {
                // The parser already prefixes "line N: "; keep one position, first.
                let prefix = "line \(lineNumber): "
                let message =
                    error.message.hasPrefix(prefix) ? String(error.message.dropFirst(prefix.count)) : error.message
                summary.rejected.append("\(prefix)\(error.code.rawValue): \(message)")
                batchRejected += 1
            }
            if batch.count >= batchSize {
                try await flush(
                    &batch, rejected: &batchRejected, source: format.rawValue, summary: &summary, inFlight: inFlight)
                summary.bytesRead = reader.bytesRead
                progress(summary)
            }
        }
        try await flush(
            &batch, rejected: &batchRejected, source: format.rawValue, summary: &summary, inFlight: inFlight)
        summary.bytesRead = reader.bytesRead
    }

    /// mbox: split by `MboxSplitter` as lines stream in; each message is parsed as an email.
    private func ingestMbox(
        path: String, summary: inout Summary, inFlight: InFlight, progress: @Sendable (Summary) -> Void
    ) async throws {
        var reader = try LineReader(path: path)
        defer { reader.close() }
        var splitter = MboxSplitter()
        var messageNumber = 0
        var lineNumber = 0
        var messageLine = 0
        func handle(_ message: [UInt8], _ summary: inout Summary) async throws {
            messageNumber += 1
            let location = "message \(messageNumber) (line \(messageLine))"
            do {
                let outcome = try PayloadParser.parse(.email, message)
                try await record(outcome, source: "email", summary: &summary, inFlight: inFlight) { _ in location }
            } catch let error as FormatError {
                summary.rejected.append("\(location): \(error.code.rawValue): \(error.message)")
                var none: [IncomingPost] = []
                var one = 1
                try await flush(&none, rejected: &one, source: "email", summary: &summary, inFlight: inFlight)
            }
            summary.bytesRead = reader.bytesRead
            progress(summary)
        }
        while let (line, _) = try reader.next() {
            lineNumber += 1
            if let message = splitter.append(line: line + [0x0A]) { try await handle(message, &summary) }
            if line.starts(with: Array("From ".utf8)) { messageLine = lineNumber }
        }
        if let message = splitter.finish() { try await handle(message, &summary) }
    }

    private func record(
        _ outcome: ParseOutcome, source: String, summary: inout Summary, inFlight: InFlight,
        location: (ItemFailure.Location) -> String
    ) async throws {
        for failure in outcome.failures {
            summary.rejected.append(
                "\(location(failure.location)): \(failure.error.code.rawValue): \(failure.error.message)")
        }
        summary.skipped += outcome.skipped
        var posts = outcome.posts
        var rejected = outcome.failures.count
        while !posts.isEmpty || rejected > 0 {
            var chunk = Array(posts.prefix(batchSize))
            posts.removeFirst(chunk.count)
            try await flush(&chunk, rejected: &rejected, source: source, summary: &summary, inFlight: inFlight)
        }
    }

    private func flush(
        _ batch: inout [IncomingPost], rejected: inout Int, source: String, summary: inout Summary,
        inFlight: InFlight
    ) async throws {
        guard !batch.isEmpty || rejected > 0 else { return }
        let posts = batch
        let bad = rejected
        let submit = self.submit
        inFlight.tasks.append((posts.count + bad, Task { try await submit(posts, source, bad) }))
        batch.removeAll(keepingCapacity: true)
        rejected = 0
        while inFlight.tasks.count >= maxInFlight { try await settleOldest(inFlight, into: &summary) }
    }

    private func settleOldest(_ inFlight: InFlight, into summary: inout Summary) async throws {
        let (count, task) = inFlight.tasks.removeFirst()
        let receipt = try await task.value
        summary.read += count
        summary.stored += receipt.storedIDs.count
        summary.duplicates += receipt.duplicates
        summary.filtered += receipt.filtered
    }

    private func settleAll(_ inFlight: InFlight, into summary: inout Summary) async throws {
        while !inFlight.tasks.isEmpty { try await settleOldest(inFlight, into: &summary) }
    }
}
