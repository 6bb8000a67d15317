import Foundation
import Logging
import PostgresKit
import PostgresNIO
import SQLKit
import SQLiteKit
import Synchronization

/// A connection to Rapport's store, on SQLite or PostgreSQL, behind one interface.
///
/// SQLite has a single writer: transactions are serialised by a lock and reads
/// go to a few reader connections in turn (WAL lets them run beside the writer and
/// each other, so a page's concurrent queries use every core). PostgreSQL uses a
/// pooled `PostgresClient`.
public final class Database: Sendable {
    public let dialect: Dialect

    /// Reads map the file instead of copying pages through read(2), keep a larger page cache per connection
    /// and sort in memory: dashboard queries read thousands of rollup rows per page.
    static let sqliteReadPragmas = [
        "PRAGMA mmap_size=268435456", "PRAGMA cache_size=-16000", "PRAGMA temp_store=MEMORY",
    ]
    public let location: DatabaseLocation
    let logger: Logger
    private let backend: Backend
    private let nextReader = Atomic<Int>(0)
    static let sqliteReaders = 4

    private enum Backend: Sendable {
        case sqlite(writer: SQLiteConnection, readers: [SQLiteConnection], lock: AsyncLock)
        case postgres(client: PostgresClient, runner: Task<Void, Never>)
    }

    private init(dialect: Dialect, location: DatabaseLocation, logger: Logger, backend: Backend) {
        self.dialect = dialect
        self.location = location
        self.logger = logger
        self.backend = backend
    }

    /// Opens (creating if needed) the database. Call ``close()`` when done.
    public static func open(_ location: DatabaseLocation, logger: Logger = Logger(label: "rapport.store")) async throws
        -> Database
    {
        switch location {
        case .sqlite(let path):
            let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            do {
                // WAL + NORMAL survives a process crash (kill -9) without losing committed
                // transactions; only an OS crash or power loss could lose the last ones.
                for pragma in [
                    "PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA busy_timeout=10000",
                    "PRAGMA foreign_keys=ON",
                ] + Self.sqliteReadPragmas {
                    _ = try await writer.query(pragma)
                }
                var readers: [SQLiteConnection] = []
                do {
                    for _ in 0..<sqliteReaders {
                        let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
                        readers.append(reader)
                        for pragma in ["PRAGMA busy_timeout=10000"] + Self.sqliteReadPragmas {
                            _ = try await reader.query(pragma)
                        }
                    }
                } catch {
                    for reader in readers { try? await reader.close() }
                    throw error
                }
                return Database(
                    dialect: .sqlite, location: location, logger: logger,
                    backend: .sqlite(writer: writer, readers: readers, lock: AsyncLock()))
            } catch {
                try? await writer.close()
                throw error
            }
        case .postgres(let url):
            let configuration = try postgresConfiguration(url)
            try await probe(url, logger: logger)
            let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
            let runner = Task { await client.run() }
            let database = Database(
                dialect: .postgres, location: location, logger: logger,
                backend: .postgres(client: client, runner: runner))
            do {
                _ = try await database.read { try await $0.raw("SELECT 1").all() }
            } catch {
                await database.close()
                throw error
            }
            return database
        }
    }

    /// What a `postgres://` URL names: server, account, database and TLS mode.
    struct PostgresTarget {
        var host: String
        var port: Int
        var username: String
        var password: String?
        var database: String?
        var mode: PostgresSSLMode
    }

    static func postgresTarget(_ url: String) throws -> PostgresTarget {
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty,
            let user = components.user
        else {
            throw StoreError.invalidConfiguration("PostgreSQL URL must look like postgres://user:password@host:5432/db")
        }
        let databaseName = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        return PostgresTarget(
            host: host, port: components.port ?? 5432, username: user.removingPercentEncoding ?? user,
            password: components.password?.removingPercentEncoding,
            database: databaseName.isEmpty ? nil : databaseName, mode: try PostgresSSLMode(url: url))
    }

    static func postgresConfiguration(_ url: String) throws -> PostgresClient.Configuration {
        let target = try postgresTarget(url)
        var configuration = PostgresClient.Configuration(
            host: target.host, port: target.port, username: target.username, password: target.password,
            database: target.database, tls: try tls(target.mode))
        configuration.options.maximumConnections = 8
        return configuration
    }

    /// The TLS settings of `mode` (nil: no TLS); reads the root certificate file of `verify-ca`/`verify-full`.
    static func tlsConfiguration(_ mode: PostgresSSLMode) throws -> TLSConfiguration? {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable:
            return nil
        case .prefer, .require:
            // As libpq: encrypted, but the certificate is not checked (verify-ca/verify-full do that).
            tls.certificateVerification = .none
        case .verifyCA:
            tls.certificateVerification = .noHostnameVerification
        case .verifyFull:
            tls.certificateVerification = .fullVerification
        }
        if let root = mode.rootCertificate {
            do {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(root))
            } catch {
                throw StoreError.invalidConfiguration("sslrootcert \(root) could not be read as PEM: \(error)")
            }
        }
        return tls
    }

    /// PostgresNIO's pool setting for `mode`.
    static func tls(_ mode: PostgresSSLMode) throws -> PostgresClient.Configuration.TLS {
        guard let tls = try tlsConfiguration(mode) else { return .disable }
        return mode == .prefer ? .prefer(tls) : .require(tls)
    }

    /// Connects once outside the pool, which would retry a refused connection quietly: a server that refuses
    /// (no TLS under `require`, a bad certificate, a wrong password) is reported at start with its cause.
    static func probe(_ url: String, logger: Logger) async throws {
        let target = try postgresTarget(url)
        let tls: PostgresConnection.Configuration.TLS
        if let configuration = try tlsConfiguration(target.mode) {
            let context = try NIOSSLContext(configuration: configuration)
            tls = target.mode == .prefer ? .prefer(context) : .require(context)
        } else {
            tls = .disable
        }
        let configuration = PostgresConnection.Configuration(
            host: target.host, port: target.port, username: target.username, password: target.password,
            database: target.database, tls: tls)
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
            try await connection.close()
        } catch {
            var reason = String(reflecting: error)
            if let error = error as? PSQLError {
                if error.code == .sslUnsupported {
                    reason = "the server does not accept TLS connections"
                } else if let message = error.serverInfo?[.message] {
                    reason = message
                } else if let underlying = error.underlying {
                    reason = "\(error.code): \(underlying)"
                }
            }
            throw StoreError.invalidConfiguration(
                "could not connect to PostgreSQL at \(target.host):\(target.port) with sslmode=\(target.mode.name): "
                    + reason)
        }
    }

    /// Runs read-only work.
    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite(_, let readers, _):
            let turn = nextReader.wrappingAdd(1, ordering: .relaxed).oldValue
            return try await body(readers[abs(turn % readers.count)].sql(queryLogLevel: nil))
        case .postgres(let client, _):
            return try await client.withConnection { try await body($0.sql(queryLogLevel: nil)) }
        }
    }

    /// Runs `body` in one transaction: all of it commits, or none of it.
    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite(let writer, _, let lock):
            return try await lock.withLock {
                try await Self.runTransaction(on: writer.sql(queryLogLevel: nil), begin: "BEGIN IMMEDIATE", body)
            }
        case .postgres(let client, _):
            // Rows locked in different orders by concurrent transactions (the desk intake's batches of
            // conversations, customers and thread keys) can deadlock; PostgreSQL aborts one of them. Its work is
            // undone, so it runs again, a bounded number of times.
            var attempt = 1
            while true {
                do {
                    return try await client.withConnection {
                        try await Self.runTransaction(on: $0.sql(queryLogLevel: nil), begin: "BEGIN", body)
                    }
                } catch  where Self.isRetryable(error) && attempt < Self.transactionAttempts {
                    logger.warning("transaction aborted by PostgreSQL (\(String(reflecting: error))); retrying")
                    attempt += 1
                }
            }
        }
    }

    /// Attempts of a PostgreSQL transaction aborted by a deadlock or a serialization failure.
    static let transactionAttempts = 4

    /// Whether `error` is PostgreSQL aborting a transaction that may simply run again: a deadlock (40P01) or
    /// a serialization failure (40001).
    public static func isRetryable(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError, let code = error.serverInfo?[.sqlState] else { return false }
        return code == "40P01" || code == "40001"
    }

    private static func runTransaction<T>(
        on db: any SQLDatabase, begin: String, _ body: (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await db.raw(SQLQueryString(begin)).run()
        do {
            let value = try await body(db)
            try await db.raw("COMMIT").run()
            return value
        } catch {
            try? await db.raw("ROLLBACK").run()
            throw error
        }
    }

    /// On PostgreSQL, ids of mentions committed by any instance, as they commit
    /// (LISTEN/NOTIFY). Nil on SQLite, where one process owns the file.
    public func committedMentionIDs() -> AsyncThrowingStream<[Int64], any Error>? {
        guard dialect == .postgres else { return nil }
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    try await self.listen(channel: MentionStore.notifyChannel) { payload in
                        let ids = payload.split(separator: ",").compactMap { Int64($0) }
                        if !ids.isEmpty { continuation.yield(ids) }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// On PostgreSQL, follows `channel` (LISTEN) on a connection of its own: `ready` is called once the
    /// server has confirmed the LISTEN (notifications sent from then on arrive), then `receive` with each
    /// payload, until the task is cancelled or the connection fails (which throws). Returns at once on SQLite.
    public func listen(
        channel: String, ready: @Sendable () -> Void = {}, receive: @Sendable (String) async -> Void
    ) async throws {
        guard case .postgres(let client, _) = backend else { return }
        try await client.withConnection { connection in
            try await connection.listen(on: channel) { notifications in
                ready()
                for try await notification in notifications { await receive(notification.payload) }
            }
        }
    }

    /// On PostgreSQL, sends `payload` (at most 8000 bytes) to every connection listening on `channel`, at
    /// once (outside any transaction). Does nothing on SQLite.
    public func notify(channel: String, payload: String) async throws {
        guard dialect == .postgres else { return }
        _ = try await read { try await $0.raw("SELECT pg_notify(\(bind: channel), \(bind: payload))").all() }
    }

    /// Closes connections. SQLite connections must be closed before they are released.
    public func close() async {
        switch backend {
        case .sqlite(let writer, let readers, _):
            // Not cancellable: a connection left open asserts when released.
            await Task.detached {
                for reader in readers { try? await reader.close() }
                try? await writer.close()
            }.value
        case .postgres(_, let runner):
            runner.cancel()
            _ = await runner.value
        }
    }
}

extension Database {
    /// Runs one statement outside any transaction (administration: CREATE DATABASE, VACUUM…).
    public func execute(_ sql: String) async throws {
        _ = try await read { try await $0.raw(SQLQueryString(sql)).all() }
    }
}
