import Foundation
import SQLKit

extension Database {
    /// Rewrites the one `health_probe` row: throws when the database can no longer write.
    public func probeWrite(now: Date = Date()) async throws {
        try await transaction { db in
            try await db.raw(
                """
                INSERT INTO health_probe (id, checked_ms) VALUES (1, \(bind: now.millisecondsSince1970))
                ON CONFLICT (id) DO UPDATE SET checked_ms = excluded.checked_ms
                """
            ).run()
        }
    }
}
