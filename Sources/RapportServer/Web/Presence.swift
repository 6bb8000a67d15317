import Foundation
import Synchronization

/// Who else has a conversation open, and who is typing in it: collision detection for agents.
/// Kept in memory per instance (a viewer is on one instance for the life of the page).
final class Presence: Sendable {
    struct Viewer: Sendable, Hashable, Codable {
        var name: String
        var typing: Bool
    }

    private struct Entry {
        var name: String
        var typingUntil: Date?
        var continuation: AsyncStream<[Viewer]>.Continuation
    }

    private let state = Mutex<[Int64: [UUID: Entry]]>([:])
    static let typingFor: TimeInterval = 6

    /// Registers a viewer; the stream yields the *other* viewers whenever they change, and the
    /// viewer leaves when the stream ends (the page closed).
    func join(conversation: Int64, name: String) -> (id: UUID, updates: AsyncStream<[Viewer]>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: [Viewer].self, bufferingPolicy: .bufferingNewest(1))
        state.withLock { $0[conversation, default: [:]][id] = Entry(name: name, continuation: continuation) }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { all in
                all[conversation]?[id] = nil
                if all[conversation]?.isEmpty == true { all[conversation] = nil }
            }
            self?.broadcast(conversation)
        }
        broadcast(conversation)
        return (id, stream)
    }

    /// Marks a viewer as typing for a few seconds.
    func typing(conversation: Int64, name: String, now: Date = Date()) {
        let changed = state.withLock { all -> Bool in
            guard let entries = all[conversation] else { return false }
            var changed = false
            for (id, entry) in entries where entry.name == name {
                all[conversation]?[id]?.typingUntil = now.addingTimeInterval(Self.typingFor)
                changed = true
            }
            return changed
        }
        if changed { broadcast(conversation) }
    }

    func viewers(of conversation: Int64, except: UUID? = nil, now: Date = Date()) -> [Viewer] {
        state.withLock { all in
            (all[conversation] ?? [:]).filter { $0.key != except }.values
                .map { Viewer(name: $0.name, typing: ($0.typingUntil ?? .distantPast) > now) }
                .sorted { $0.name < $1.name }
        }
    }

    private func broadcast(_ conversation: Int64) {
        let entries = state.withLock { $0[conversation] ?? [:] }
        for (id, entry) in entries { entry.continuation.yield(viewers(of: conversation, except: id)) }
    }
}
