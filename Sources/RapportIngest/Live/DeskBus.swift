import Foundation
import Logging
import RapportStore
import ServiceLifecycle
import Synchronization

/// Carries the desk's live signals (conversation changes, presence) to the other instances sharing one
/// PostgreSQL, over LISTEN/NOTIFY on ``channel``.
///
/// Senders deliver their own signals locally and send them here for the others; every instance ignores the
/// echo of its own. On SQLite one process owns the database, so there is nobody to tell: nothing is sent.
/// Delivery is best effort, like the live screens it feeds: a signal sent while an instance is reconnecting
/// is lost to it (pages re-read their data on the next signal, and presence heals with the next heartbeat).
public final class DeskBus: Service, Sendable {
    /// What a signal is about; each topic has its own receivers.
    public enum Topic: String, Codable, Sendable {
        case change
        case presence
        /// A crisis alert was raised or changed (`AlertRelay`).
        case alert
    }

    public static let channel = "rapport_desk"
    /// PostgreSQL refuses NOTIFY payloads of 8000 bytes or more.
    static let maxPayload = 7_900
    static let maxQueued = 10_000

    /// Tells this instance's notifications from the others'.
    public let instanceID = UUID().uuidString
    private let database: Database
    private let logger: Logger
    private let receivers = Mutex<[Topic: [@Sendable (String) -> Void]]>([:])
    private let queue = Mutex<[Envelope.Item]>([])
    private let wake: (stream: AsyncStream<Void>, continuation: AsyncStream<Void>.Continuation)
    private let listening = Mutex(false)

    public init(database: Database, logger: Logger = Logger(label: "rapport.desk.bus")) {
        self.database = database
        self.logger = logger
        wake = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// True when other instances may share the database (PostgreSQL).
    public var isShared: Bool { database.dialect == .postgres }

    /// True while this instance follows the channel: signals sent by others from now on arrive.
    public var isListening: Bool { listening.withLock { $0 } }

    /// Registers `receiver` for the bodies other instances send on `topic`. Call before ``run()``.
    public func onReceive(_ topic: Topic, _ receiver: @escaping @Sendable (String) -> Void) {
        receivers.withLock { $0[topic, default: []].append(receiver) }
    }

    /// Queues `body` for the other instances; returns at once (``run()`` sends it). While nothing sends (the
    /// bus not running), only the newest ``maxQueued`` signals are kept.
    public func send(_ topic: Topic, _ body: String) {
        guard isShared else { return }
        queue.withLock { queue in
            if queue.count >= Self.maxQueued { queue.removeFirst(queue.count - Self.maxQueued + 1) }
            queue.append(Envelope.Item(topic: topic, body: body))
        }
        wake.continuation.yield()
    }

    /// Follows the channel and sends what is queued; on SQLite only waits for shutdown.
    public func run() async throws {
        guard isShared else {
            try? await gracefulShutdown()
            return
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.follow() }
            group.addTask { await self.deliver() }
            try? await gracefulShutdown()
            group.cancelAll()
        }
    }

    // MARK: Receiving

    private func follow() async {
        while !Task.isCancelled {
            do {
                try await database.listen(channel: Self.channel, ready: { self.listening.withLock { $0 = true } }) {
                    self.received($0)
                }
            } catch {
                if Task.isCancelled { break }
                logger.warning("desk signals from PostgreSQL interrupted: \(error); reconnecting")
            }
            listening.withLock { $0 = false }
            try? await Task.sleep(for: .seconds(1))
        }
        listening.withLock { $0 = false }
    }

    /// Hands one notification's items to their receivers, unless this instance sent it.
    func received(_ payload: String) {
        guard let envelope = try? JSONDecoder().decode(Envelope.self, from: Data(payload.utf8)) else {
            logger.warning("ignored a desk signal that is not an envelope: \(payload.prefix(80))")
            return
        }
        guard envelope.from != instanceID else { return }
        let all = receivers.withLock { $0 }
        for item in envelope.items {
            for receiver in all[item.topic] ?? [] { receiver(item.body) }
        }
    }

    // MARK: Sending

    private func deliver() async {
        for await _ in wake.stream {
            let items = queue.withLock { queue in
                defer { queue.removeAll() }
                return queue
            }
            for payload in Self.payloads(items, from: instanceID) {
                do {
                    try await database.notify(channel: Self.channel, payload: payload)
                } catch {
                    logger.warning("could not send desk signals to other instances: \(error)")
                }
            }
        }
    }

    /// Packs items into as few notifications as fit under PostgreSQL's payload limit, in order. An item too
    /// big to fit alone is dropped (bodies are small: an id, or one viewer).
    static func payloads(_ items: [Envelope.Item], from instanceID: String) -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func encode(_ items: [Envelope.Item]) -> String {
            String(decoding: (try? encoder.encode(Envelope(from: instanceID, items: items))) ?? Data(), as: UTF8.self)
        }
        // Sizes add up: the empty envelope, plus each item's own encoding and a separating comma.
        let base = encode([]).utf8.count
        var payloads: [String] = []
        var batch: [Envelope.Item] = []
        var size = base
        for item in items {
            let cost = encode([item]).utf8.count - base + 1
            guard base + cost <= maxPayload else { continue }
            if size + cost > maxPayload {
                payloads.append(encode(batch))
                batch = []
                size = base
            }
            batch.append(item)
            size += cost
        }
        if !batch.isEmpty { payloads.append(encode(batch)) }
        return payloads
    }

    /// One NOTIFY payload: who sent it and what.
    struct Envelope: Codable, Sendable {
        var from: String
        var items: [Item]

        struct Item: Codable, Sendable, Hashable {
            var topic: Topic
            var body: String
        }
    }
}
