import Foundation
import SQLKit

/// The rapid-response team: the desk users named (by email) in the alert settings, and the bell notices they
/// get when an alert is raised.
public struct AlertTeamStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The enabled users with these emails (case-insensitive), by name.
    public func members(emails: [String]) async throws -> [User] {
        let wanted = Set(emails.map { $0.lowercased() })
        guard !wanted.isEmpty else { return [] }
        return try await database.read { db in
            try await db.raw("SELECT * FROM users WHERE disabled = 0 ORDER BY name, id").all()
                .map(UserStore.decode)
                .filter { wanted.contains($0.email.lowercased()) }
        }
    }

    /// Rings the bell of each user in `userIDs` (an `alert` notification without a conversation).
    public func notify(userIDs: [Int64], text: String, at date: Date = Date()) async throws {
        guard !userIDs.isEmpty else { return }
        try await database.transaction { db in
            for id in userIDs {
                try await db.raw(
                    """
                    INSERT INTO notifications (user_id, at_ms, kind, conversation_id, actor_id, text)
                    SELECT id, \(bind: date.millisecondsSince1970), 'alert', NULL, NULL, \(bind: text)
                    FROM users WHERE id = \(bind: id) AND disabled = 0
                    """
                ).run()
            }
        }
    }
}
