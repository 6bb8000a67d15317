import Foundation
import Logging
import RapportStore
import RapportTestSupport
import Testing

/// The schema every migration together makes on an empty database, against a checked-in copy per engine
/// (`Schema/sqlite.sql`, `Schema/postgres.sql`). A change to a released migration, or to the SQL it ran, shows
/// here; a new migration updates the copy: `RAPPORT_UPDATE_SNAPSHOTS=1 swift test --filter SchemaSnapshotTests`.
@Suite("Schema snapshots")
struct SchemaSnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Schema")
    static var updating: Bool { ProcessInfo.processInfo.environment["RAPPORT_UPDATE_SNAPSHOTS"] == "1" }

    @Test("migrating an empty database gives the checked-in schema", arguments: TestEngine.available)
    func schema(engine: TestEngine) async throws {
        let actual = try await TestDatabase.with(engine) { try await SchemaDescription.lines($0) }
        let file = Self.folder.appendingPathComponent("\(engine.rawValue).sql")
        let text =
            "-- The schema after every migration, as SchemaDescription reads it (generated; see "
            + "SchemaSnapshotTests).\n" + actual.joined(separator: "\n") + "\n"
        if Self.updating {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let stored = try #require(
            try? String(contentsOf: file, encoding: .utf8),
            "no \(file.path): run with RAPPORT_UPDATE_SNAPSHOTS=1 to write it")
        let expected = stored.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().map(String.init)
            .filter { !$0.isEmpty }
        #expect(
            expected == actual,
            """
            the \(engine) schema differs from \(file.lastPathComponent) (- expected, + actual); if the change is \
            intended, run with RAPPORT_UPDATE_SNAPSHOTS=1:
            \(SchemaDescription.diff(expected: expected, actual: actual))
            """)
    }

    @Test("the schema diff names the lines that differ")
    func diffIsReadable() {
        let diff = SchemaDescription.diff(
            expected: ["table a", "  column id INTEGER", "  column name TEXT"],
            actual: ["table a", "  column id INTEGER", "  column name TEXT NOT NULL"])
        #expect(diff == "-   column name TEXT  (expected line 3)\n+   column name TEXT NOT NULL  (actual line 3)")
    }
}
