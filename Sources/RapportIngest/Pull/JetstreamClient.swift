import Foundation
import HummingbirdWSClient
import Logging
import NIOCore
import NIOWebSocket
import RapportCore
import RapportFormats
import RapportStore
import ServiceLifecycle
import Synchronization

/// Follows a Bluesky Jetstream WebSocket, resuming from the last committed event's
/// `time_us` (Jetstream's `cursor` query parameter) after a disconnect or restart.
public struct JetstreamClient: Service {
    public let url: String
    let cursors: StreamCursorStore
    let submit: FileIngestor.Submit
    let logger: Logger
    /// Posts gathered before a commit.
    let batchSize: Int
    /// Jetstream never goes quiet on a healthy firehose: silence this long means a dead
    /// connection, which is closed (after committing what arrived) so `run` reconnects.
    let idleTimeout: Duration

    public init(
        url: String, cursors: StreamCursorStore, batchSize: Int = 200, idleTimeout: Duration = .seconds(60),
        logger: Logger, submit: @escaping FileIngestor.Submit
    ) {
        self.url = url
        self.cursors = cursors
        self.batchSize = batchSize
        self.idleTimeout = idleTimeout
        self.logger = logger
        self.submit = submit
    }

    var cursorKey: String { "jetstream:" + url }

    public func run() async throws {
        await Backoff.reconnecting("jetstream \(url)", logger: logger) { try await followOnce() }
    }

    /// The URL to connect to, with `cursor` set to resume after the last committed event.
    func resumeURL() async throws -> String {
        guard let cursor = try await cursors.cursor(for: cursorKey) else { return url }
        return url + (url.contains("?") ? "&" : "?") + "cursor=" + cursor
    }

    /// One connection, until the server closes it. Returns the posts submitted.
    @discardableResult
    public func followOnce() async throws -> Int {
        let target = try await resumeURL()
        let submit = self.submit
        let cursors = self.cursors
        let key = cursorKey
        let batchSize = self.batchSize
        let logger = self.logger
        let total = SubmittedPosts()
        let idleTimeout = self.idleTimeout
        try await WebSocketClient.connect(url: target, logger: logger) { inbound, outbound, _ in
            let lastActivity = Mutex(ContinuousClock.now)
            let watchdog = Task {
                while !Task.isCancelled {
                    try await Task.sleep(for: idleTimeout / 4)
                    if ContinuousClock.now - lastActivity.withLock({ $0 }) > idleTimeout {
                        try await outbound.close(.goingAway, reason: "idle")
                        return
                    }
                }
            }
            defer { watchdog.cancel() }
            var context = StreamContext()
            var batch: [IncomingPost] = []
            var rejected = 0
            var lastTime: Int64?
            var batchStarted = ContinuousClock.now
            func commit() async throws {
                guard !batch.isEmpty || rejected > 0 else { return }
                _ = try await submit(batch, "bluesky", rejected)
                await total.add(batch.count)
                batch.removeAll()
                rejected = 0
                batchStarted = ContinuousClock.now
                // Only after the commit: a crash before it replays these events.
                if let lastTime { try await cursors.save(String(lastTime), for: key) }
            }
            for try await message in inbound.messages(maxSize: 1 << 20) {
                lastActivity.withLock { $0 = ContinuousClock.now }
                guard case .text(let text) = message else { continue }
                lastTime = JetstreamTime.timeMicroseconds(text) ?? lastTime
                do {
                    if case .post(let post) = try PayloadParser.parseLine(.bluesky, Array(text.utf8), context: &context)
                    {
                        batch.append(post)
                    }
                } catch {
                    rejected += 1
                    logger.warning("jetstream: \(error)")
                }
                // Big batches under load, but nothing waits more than a quarter second.
                if batch.count >= batchSize || ContinuousClock.now - batchStarted > .milliseconds(250) {
                    try await commit()
                }
            }
            try await commit()
        }
        return await total.value
    }
}

/// Reads `time_us` without a full parse (it is the resume cursor).
enum JetstreamTime {
    static func timeMicroseconds(_ text: String) -> Int64? {
        guard let range = text.range(of: "\"time_us\":") else { return nil }
        let digits = text[range.upperBound...].prefix { $0.isNumber }
        return Int64(digits)
    }
}

/// Posts submitted over one connection (the handler closure cannot return a value).
actor SubmittedPosts {
    private(set) var value = 0
    func add(_ n: Int) { value += n }
}
