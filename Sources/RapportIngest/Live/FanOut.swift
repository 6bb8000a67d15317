import Synchronization

/// Delivers values to every current subscriber. A slow subscriber loses its oldest undelivered
/// values beyond its buffer rather than holding memory.
public final class FanOut<Element: Sendable>: Sendable {
    private struct State: Sendable {
        var subscribers: [UInt64: AsyncStream<Element>.Continuation] = [:]
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// A stream of the values published from now on.
    public func subscribe(buffer: Int = 1_000) -> AsyncStream<Element> {
        let (stream, continuation) = AsyncStream.makeStream(of: Element.self, bufferingPolicy: .bufferingNewest(buffer))
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

    public func publish(_ values: [Element]) {
        let subscribers = state.withLock { Array($0.subscribers.values) }
        for continuation in subscribers {
            for value in values { continuation.yield(value) }
        }
    }

    /// Ends every subscription (shutdown).
    public func finishAll() {
        let subscribers = state.withLock { s in
            defer { s.subscribers.removeAll() }
            return Array(s.subscribers.values)
        }
        for c in subscribers { c.finish() }
    }
}
