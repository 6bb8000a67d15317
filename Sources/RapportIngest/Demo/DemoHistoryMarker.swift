import Foundation
import RapportStore

/// How far the demo's history got, kept as the `demo-history` row of `stream_cursors` (where pull connectors keep
/// their place), so that a second `serve --demo` on the same database resumes or skips it instead of writing it
/// twice. The anchor fixes every simulated post's time and id: a resumed part writes the same posts again, which
/// the store recognises as duplicates.
public struct DemoHistoryMarker: Codable, Equatable, Sendable {
    public static let source = "demo-history"

    /// End of the history (ms since 1970): the simulated stream of the first start begins here.
    public var anchorMS: Int64
    /// Simulated posts per second (weekly mean) of the history; the live stream keeps it.
    public var rate: Double
    /// The last `DemoHistory.detectorDays` of mentions are stored.
    public var recentWritten = false
    /// The older mentions are stored.
    public var olderWritten = false
    /// The desk's past conversations are written.
    public var deskWritten = false

    public init(anchorMS: Int64, rate: Double) {
        self.anchorMS = anchorMS
        self.rate = rate
    }

    public var anchor: Date { Date(milliseconds: anchorMS) }
    public var isComplete: Bool { recentWritten && olderWritten && deskWritten }

    public static func load(_ database: Database) async throws -> DemoHistoryMarker? {
        guard let text = try await StreamCursorStore(database: database).cursor(for: source) else { return nil }
        return try JSONDecoder().decode(DemoHistoryMarker.self, from: Data(text.utf8))
    }

    public func save(_ database: Database) async throws {
        let text = String(decoding: try JSONEncoder().encode(self), as: UTF8.self)
        try await StreamCursorStore(database: database).save(text, for: Self.source)
    }
}
