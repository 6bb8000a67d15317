/// What desk pages hear about an alert: which one, what happened (`opened`, `updated`, `closed`,
/// `acknowledged`, `assigned`, `resolved`) and whose bell it rang.
public struct AlertSignal: Codable, Sendable, Hashable {
    public var alertId: Int64
    public var event: String
    /// Users notified of it (the rapid-response team, when it was raised).
    public var notified: [Int64]

    public init(alertId: Int64, event: String, notified: [Int64] = []) {
        self.alertId = alertId
        self.event = event
        self.notified = notified
    }
}
