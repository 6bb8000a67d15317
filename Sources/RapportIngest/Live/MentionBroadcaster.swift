import Foundation
import Logging
import RapportCore
import RapportStore
import ServiceLifecycle

/// Fans committed mentions out to live subscribers (the SSE stream).
///
/// On SQLite the pipeline publishes directly after each commit. On PostgreSQL
/// every instance instead follows LISTEN/NOTIFY (``run()``), so a mention stored
/// through one instance reaches the subscribers of all of them.
public final class MentionBroadcaster: Service, Sendable {
    private let fanOut = FanOut<Mention>()
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
    public func subscribe(buffer: Int = 1_000) -> AsyncStream<Mention> { fanOut.subscribe(buffer: buffer) }

    public var subscriberCount: Int { fanOut.subscriberCount }

    /// Delivers mentions to every subscriber.
    public func publish(_ mentions: [Mention]) { fanOut.publish(mentions) }

    /// Called by the pipeline after a commit.
    public func committed(_ mentions: [Mention]) {
        if publishesLocally { publish(mentions) }
    }

    /// Follows other instances' commits on PostgreSQL; returns at once on SQLite.
    public func run() async throws {
        guard database.dialect == .postgres else {
            try? await gracefulShutdown()
            fanOut.finishAll()
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
        fanOut.finishAll()
    }
}
