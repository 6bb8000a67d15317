import Foundation
import Hummingbird
import RapportStore

/// The audit log's filters as the page and the API take them: `user` (an id), `action` (`user.disable`, or a
/// family: `user`), `since` and `until` (a day `2026-12-01` or an ISO 8601 time; `until` a day means its end).
struct AuditQuery: Sendable, Equatable {
    var filter = AuditLog.Filter()
    /// The values as sent, to fill the page's form again.
    var user = ""
    var action = ""
    var since = ""
    var until = ""

    static func parse(_ parameters: Parameters) throws -> AuditQuery {
        func value(_ name: String) -> String { (parameters.get(name) ?? "").trimmingCharacters(in: .whitespaces) }
        var query = AuditQuery(
            user: value("user"), action: value("action"), since: value("since"), until: value("until"))
        if !query.user.isEmpty {
            guard let id = Int64(query.user) else {
                throw DeskError(.badRequest, "invalid_user", "user must be a user's id", field: "user")
            }
            query.filter.userID = id
        }
        if !query.action.isEmpty {
            guard query.action.count <= 64,
                query.action.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._*-".contains($0)) })
            else {
                throw DeskError(
                    .badRequest, "invalid_action",
                    "action is an audit action such as user.disable or a family such as user",
                    field: "action")
            }
            query.filter.action = query.action
        }
        query.filter.since = try date(query.since, field: "since", endOfDay: false)
        query.filter.until = try date(query.until, field: "until", endOfDay: true)
        return query
    }

    /// A day (UTC) or an ISO 8601 time; nil when empty.
    private static func date(_ text: String, field: String, endOfDay: Bool) throws -> Date? {
        guard !text.isEmpty else { return nil }
        if let time = MentionFilterParser.parseDate(text) { return time }
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = TimeZone(identifier: "UTC")
        day.dateFormat = "yyyy-MM-dd"
        guard text.count == 10, let start = day.date(from: text) else {
            throw DeskError(
                .badRequest, "invalid_\(field)", "\(field) must be a day (2026-12-01) or an ISO 8601 time",
                field: field)
        }
        return endOfDay ? start.addingTimeInterval(86_400) : start
    }
}
