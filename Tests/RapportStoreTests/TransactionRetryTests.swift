import Foundation
import RapportStore
import RapportTestSupport
import SQLKit
import Testing

@Suite("Transactions: a deadlock aborts one side, which runs again")
struct TransactionRetryTests {
    @Test(
        "two transactions updating two rows in opposite orders both commit",
        .enabled(if: TestEngine.available.contains(.postgres)))
    func deadlockRetried() async throws {
        try await TestDatabase.with(.postgres) { db in
            try await db.execute("CREATE TABLE counters (id BIGINT PRIMARY KEY, n BIGINT NOT NULL)")
            try await db.execute("INSERT INTO counters VALUES (1, 0), (2, 0)")
            let attempts = Attempts()
            // Each locks its first row, waits until the other has too, then wants the other's row.
            let started = Attempts()
            func increment(first: Int64, second: Int64) async throws {
                try await db.transaction { sql in
                    await attempts.add()
                    try await sql.raw("UPDATE counters SET n = n + 1 WHERE id = \(bind: first)").run()
                    await started.add()
                    for _ in 0..<100 where await started.count < 2 { try await Task.sleep(for: .milliseconds(10)) }
                    try await sql.raw("UPDATE counters SET n = n + 1 WHERE id = \(bind: second)").run()
                }
            }
            async let a: Void = increment(first: 1, second: 2)
            async let b: Void = increment(first: 2, second: 1)
            _ = try await (a, b)
            let counts = try await db.read { sql in
                try await sql.raw("SELECT n FROM counters ORDER BY id").all().map {
                    try $0.decode(column: "n", as: Int64.self)
                }
            }
            #expect(counts == [2, 2], "both increments committed exactly once")
            #expect(await attempts.count == 3, "one side was aborted by the deadlock and ran again")
        }
    }

    actor Attempts {
        var count = 0
        func add() { count += 1 }
    }
}
