import Foundation
import Logging
import RapportStore

/// The engines every storage test runs against: SQLite always; PostgreSQL when
/// `RAPPORT_TEST_POSTGRES_URL` names a server (CI starts one).
public enum TestEngine: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite
    case postgres

    public static var available: [TestEngine] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    public static var postgresURL: String? {
        guard let url = ProcessInfo.processInfo.environment["RAPPORT_TEST_POSTGRES_URL"], !url.isEmpty else {
            return nil
        }
        return url
    }

    public var description: String { rawValue }
}

/// A fresh, migrated database for one test, removed afterwards.
public struct TestDatabase: Sendable {
    public let location: DatabaseLocation
    private let cleanup: @Sendable () async -> Void

    /// Creates an empty database on `engine`: a temporary file, or a new PostgreSQL database.
    public static func make(_ engine: TestEngine) async throws -> TestDatabase {
        let name = "rapport_t_\(UInt64.random(in: 0...UInt64.max) & 0xFFFF_FFFF_FFFF)"
        switch engine {
        case .sqlite:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let path = dir.appendingPathComponent("rapport.db").path
            return TestDatabase(location: .sqlite(path: path)) { try? FileManager.default.removeItem(at: dir) }
        case .postgres:
            guard let base = TestEngine.postgresURL, var components = URLComponents(string: base) else {
                throw StoreError.invalidConfiguration("RAPPORT_TEST_POSTGRES_URL is not set")
            }
            let admin = try await Database.open(.postgres(url: base), logger: Logger(label: "test"))
            try await admin.execute("CREATE DATABASE \(name)")
            await admin.close()
            components.path = "/" + name
            let url = components.string!
            return TestDatabase(location: .postgres(url: url)) {
                guard let admin = try? await Database.open(.postgres(url: base), logger: Logger(label: "test")) else {
                    return
                }
                try? await admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
                await admin.close()
            }
        }
    }

    init(location: DatabaseLocation, cleanup: @escaping @Sendable () async -> Void) {
        self.location = location
        self.cleanup = cleanup
    }

    /// Opens the database, migrates it, runs `body`, then closes and removes it.
    public static func with<T: Sendable>(
        _ engine: TestEngine, _ body: (Database) async throws -> T
    ) async throws -> T {
        let test = try await make(engine)
        let database = try await Database.open(test.location, logger: Logger(label: "test"))
        do {
            try await Migrator(database: database).migrate()
            let value = try await body(database)
            await database.close()
            await test.cleanup()
            return value
        } catch {
            await database.close()
            await test.cleanup()
            throw error
        }
    }

    public func remove() async { await cleanup() }
}
