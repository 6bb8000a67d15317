import Logging
import ServiceLifecycle

/// Exponential reconnect delays with a cap, reset after a healthy connection.
struct Backoff: Sendable {
    var initial: Duration = .milliseconds(250)
    var maximum: Duration = .seconds(30)
    private(set) var current: Duration? = nil

    mutating func next() -> Duration {
        let value = current.map { min($0 * 2, maximum) } ?? initial
        current = value
        return value
    }

    mutating func reset() { current = nil }
}

extension Backoff {
    /// Runs `connection` until shutdown, reconnecting after each end or failure with
    /// exponential backoff; a connection that delivered posts resets the delay.
    static func reconnecting(_ name: String, logger: Logger, _ connection: () async throws -> Int) async {
        var backoff = Backoff()
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let received = try await connection()
                if received > 0 { backoff.reset() }
                logger.info("\(name) ended after \(received) posts; reconnecting")
            } catch is CancellationError {
                return
            } catch {
                logger.warning("\(name) failed: \(error); reconnecting")
            }
            guard await pause(for: backoff.next()) else { return }
        }
    }
}
