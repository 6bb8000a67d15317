import Foundation
import RapportIngest
import ServiceLifecycle
import Synchronization

/// Who else has a conversation open, and who is typing in it: collision detection for agents.
///
/// A viewer's page is held by one instance for its life. Each instance keeps its own viewers and tells the
/// others over the ``DeskBus`` when one joins, types or leaves, and every ``heartbeat`` that its viewers are
/// still there. Viewers heard of from other instances are forgotten when their instance has been silent
/// for ``expiry``, so the viewers of an instance that crashed disappear without anyone saying goodbye.
public final class Presence: Service, Sendable {
    struct Viewer: Sendable, Hashable, Codable {
        var name: String
        var typing: Bool
    }

    /// What instances tell each other about one viewer.
    struct Note: Sendable, Hashable, Codable {
        enum Event: String, Sendable, Codable {
            /// Joined, or still there (heartbeat).
            case here
            case typing
            case left
        }

        var conversation: Int64
        var viewer: String
        var name: String
        var event: Event
        var typing = false
    }

    private struct Local {
        var name: String
        var typingUntil: Date?
        var continuation: AsyncStream<[Viewer]>.Continuation
    }

    private struct Remote {
        var name: String
        var typingUntil: Date?
        var expires: Date
    }

    private struct State {
        var local: [Int64: [UUID: Local]] = [:]
        var remote: [Int64: [String: Remote]] = [:]
        var lastTick = Date.distantPast
    }

    private let state = Mutex(State())
    private let bus: DeskBus?
    static let typingFor: TimeInterval = 6
    static let heartbeat: TimeInterval = 10
    /// Three heartbeats missed.
    static let expiry: TimeInterval = 30

    /// `bus` connects the instances; without one, presence is this instance's alone.
    init(bus: DeskBus? = nil) {
        self.bus = bus
        bus?.onReceive(.presence) { [weak self] body in
            guard let note = try? JSONDecoder().decode(Note.self, from: Data(body.utf8)) else { return }
            self?.receive(note)
        }
    }

    /// Registers a viewer; the stream yields the *other* viewers whenever they change, and the
    /// viewer leaves when the stream ends (the page closed).
    func join(conversation: Int64, name: String) -> (id: UUID, updates: AsyncStream<[Viewer]>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: [Viewer].self, bufferingPolicy: .bufferingNewest(1))
        state.withLock { $0.local[conversation, default: [:]][id] = Local(name: name, continuation: continuation) }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { s in
                s.local[conversation]?[id] = nil
                if s.local[conversation]?.isEmpty == true { s.local[conversation] = nil }
            }
            self?.tell(Note(conversation: conversation, viewer: id.uuidString, name: name, event: .left))
            self?.broadcast(conversation)
        }
        tell(Note(conversation: conversation, viewer: id.uuidString, name: name, event: .here))
        broadcast(conversation)
        return (id, stream)
    }

    /// Marks a viewer as typing for a few seconds.
    func typing(conversation: Int64, name: String, now: Date = Date()) {
        let ids = state.withLock { s -> [UUID] in
            let ids = (s.local[conversation] ?? [:]).filter { $0.value.name == name }.map(\.key)
            for id in ids { s.local[conversation]?[id]?.typingUntil = now.addingTimeInterval(Self.typingFor) }
            return ids
        }
        guard !ids.isEmpty else { return }
        for id in ids {
            tell(Note(conversation: conversation, viewer: id.uuidString, name: name, event: .typing, typing: true))
        }
        broadcast(conversation)
    }

    func viewers(of conversation: Int64, except: UUID? = nil, now: Date = Date()) -> [Viewer] {
        state.withLock { s in
            let local = (s.local[conversation] ?? [:]).filter { $0.key != except }.values
                .map { Viewer(name: $0.name, typing: ($0.typingUntil ?? .distantPast) > now) }
            let remote = (s.remote[conversation] ?? [:]).values
                .map { Viewer(name: $0.name, typing: ($0.typingUntil ?? .distantPast) > now) }
            return (local + remote).sorted { ($0.name, $0.typing ? 1 : 0) < ($1.name, $1.typing ? 1 : 0) }
        }
    }

    // MARK: Other instances

    /// A note from another instance. A viewer heard of for the first time gets this instance's viewers of
    /// the same conversation in answer, so a page opened on a new instance sees the others at once.
    func receive(_ note: Note, now: Date = Date()) {
        let isNew = state.withLock { s -> Bool in
            let known = s.remote[note.conversation]?[note.viewer]
            switch note.event {
            case .left:
                s.remote[note.conversation]?[note.viewer] = nil
                if s.remote[note.conversation]?.isEmpty == true { s.remote[note.conversation] = nil }
                return false
            case .here, .typing:
                s.remote[note.conversation, default: [:]][note.viewer] = Remote(
                    name: note.name,
                    typingUntil: note.typing ? now.addingTimeInterval(Self.typingFor) : known?.typingUntil,
                    expires: now.addingTimeInterval(Self.expiry))
                return known == nil
            }
        }
        if isNew { announce(conversation: note.conversation, now: now) }
        // A plain heartbeat changes nothing a page shows.
        if isNew || note.typing || note.event == .left { broadcast(note.conversation, now: now) }
    }

    /// The heartbeat: tells the others this instance's viewers are still there, forgets remote viewers whose
    /// instance went silent, and refreshes pages whose list changed (a viewer expired, someone stopped typing).
    func tick(now: Date = Date()) {
        let changed = state.withLock { s -> Set<Int64> in
            var changed = Set<Int64>()
            for (conversation, viewers) in s.remote {
                let alive = viewers.filter { $0.value.expires > now }
                if alive.count != viewers.count { changed.insert(conversation) }
                s.remote[conversation] = alive.isEmpty ? nil : alive
                if viewers.values.contains(where: { Self.lapsed($0.typingUntil, after: s.lastTick, by: now) }) {
                    changed.insert(conversation)
                }
            }
            for (conversation, viewers) in s.local
            where viewers.values.contains(where: { Self.lapsed($0.typingUntil, after: s.lastTick, by: now) }) {
                changed.insert(conversation)
            }
            s.lastTick = now
            return changed
        }
        for conversation in state.withLock({ Array($0.local.keys) }) { announce(conversation: conversation, now: now) }
        for conversation in changed { broadcast(conversation, now: now) }
    }

    /// Heartbeats until shutdown.
    public func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while true {
                try await Task.sleep(for: .seconds(Self.heartbeat))
                self.tick()
            }
        }
    }

    private static func lapsed(_ until: Date?, after last: Date, by now: Date) -> Bool {
        guard let until else { return false }
        return until > last && until <= now
    }

    /// Tells the other instances about every local viewer of `conversation`.
    private func announce(conversation: Int64, now: Date) {
        guard bus != nil else { return }
        let notes = state.withLock { s in
            (s.local[conversation] ?? [:]).map { id, viewer in
                let typing = (viewer.typingUntil ?? .distantPast) > now
                return Note(
                    conversation: conversation, viewer: id.uuidString, name: viewer.name,
                    event: typing ? .typing : .here, typing: typing)
            }
        }
        for note in notes { tell(note) }
    }

    private func tell(_ note: Note) {
        guard let bus, let data = try? JSONEncoder().encode(note) else { return }
        bus.send(.presence, String(decoding: data, as: UTF8.self))
    }

    private func broadcast(_ conversation: Int64, now: Date = Date()) {
        let entries = state.withLock { $0.local[conversation] ?? [:] }
        for (id, entry) in entries { entry.continuation.yield(viewers(of: conversation, except: id, now: now)) }
    }
}
