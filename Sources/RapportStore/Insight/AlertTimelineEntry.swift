import Foundation

/// One step of an alert's history: opened, updated, closed (detector), acknowledged, assigned, resolved (people).
public struct AlertTimelineEntry: Sendable, Hashable, Codable {
    public var at: Date
    public var userID: Int64?
    public var change: String
    public var detail: String

    public init(at: Date, userID: Int64?, change: String, detail: String) {
        self.at = at
        self.userID = userID
        self.change = change
        self.detail = detail
    }
}
