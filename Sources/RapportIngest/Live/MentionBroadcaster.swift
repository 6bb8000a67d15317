import Foundation
import Logging
import RapportCore
import RapportStore
import ServiceLifecycle
import Synchronization

/// Fans committed mentions out to live subscribers (the SSE stream).
///
/// On SQLite the pipeline publishes directly after each commit. On PostgreSQL
/// every instance instead follows LISTEN/NOTIFY (``run()``), so a mention stored
/// through one instance reaches the subscribers of all of them.
public final class MentionBroadcaster: Service, Sendable {
    private struct State: Sendable {
        var subscribers: [UInt64: AsyncStream<Mention>.Continuation] = [:]
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())
    private let store: MentionStore
    private let database: Database
    private let logger: Logger

    public init(database: Database, logger: Logger = Logger(label: "rapport.live")) {
        self.database = database
        self.store = MentionStore(database: database)
        self.logger = logger
    }

    /// True when commits must be published by the committing process itself.
    public var publishesLocally: Bool { database.dialect == .sqlite }

    /// A stream of mentions committed from now on. A slow subscriber loses the
    /// oldest undelivered mentions beyond `buffer` rather than holding memory.
    public func subscribe(buffer: Int = 1_000) -> AsyncStream<Mention> {
        let (stream, continuation) = AsyncStream.makeStream(of: Mention.self, bufferingPolicy: .bufferingNewest(buffer))
        let id = state.withLock { s in
            s.nextID += 1
            s.subscribers[s.nextID] = continuation
            return s.nextID
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    public var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// Delivers mentions to every subscriber.
    public func publish(_ mentions: [Mention]) {
        let subscribers = state.withLock { Array($0.subscribers.values) }
        for continuation in subscribers {
            for mention in mentions { continuation.yield(mention) }
        }
    }

    /// Called by the pipeline after a commit.
    public func committed(_ mentions: [Mention]) {
        if publishesLocally { publish(mentions) }
    }

    /// Follows other instances' commits on PostgreSQL; returns at once on SQLite.
    public func run() async throws {
        guard database.dialect == .postgres else {
            try? await gracefulShutdown()
            finishAll()
            return
        }
        await withGracefulShutdownHandler {
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                do {
                    guard let ids = database.committedMentionIDs() else { return }
                    for try await batch in ids.cancelOnGracefulShutdown() {
                        publish(try await store.mentions(ids: batch))
                    }
                } catch {
                    logger.warning("live feed from PostgreSQL interrupted: \(error); reconnecting")
                    try? await Task.sleep(for: .seconds(1))
                }
            }
        } onGracefulShutdown: {
        }
        finishAll()
    }

    private func finishAll() {
        let subscribers = state.withLock { s in
            defer { s.subscribers.removeAll() }
            return Array(s.subscribers.values)
        }
        for c in subscribers { c.finish() }
    }
}
