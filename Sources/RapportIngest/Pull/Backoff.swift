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
