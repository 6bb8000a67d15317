/// A change to an alert, as emitted by `CrisisDetector`: each episode yields one `opened`, zero or more `updated`
/// (it grew markedly, or a new influential author joined) and one `closed`.
public struct AlertEvent: Sendable, Hashable {
    /// What happened to the alert.
    public enum Change: String, Sendable, Hashable, Codable {
        case opened
        case updated
        case closed
    }

    /// What happened.
    public var change: Change
    /// The alert after the change.
    public var alert: Alert

    /// Creates an event.
    public init(change: Change, alert: Alert) {
        self.change = change
        self.alert = alert
    }
}
