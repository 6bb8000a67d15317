import Foundation
import Logging
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

@Suite("Sign-in limiter, stored in the database")
struct SignInLimiterTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    @Test(
        "five attempts per address per window; the sixth waits until the oldest leaves it",
        arguments: TestEngine.available)
    func window(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let limiter = SignInLimiter(database: db)
            for minute in 0..<5 {
                #expect(
                    try await limiter.admit("dana@x.test", now: Self.start.addingTimeInterval(Double(minute) * 60))
                        == nil)
            }
            let later = Self.start.addingTimeInterval(10 * 60)
            #expect(
                try await limiter.admit("dana@x.test", now: later) == 5 * 60,
                "until the first attempt is 15 minutes old")
            #expect(try await limiter.admit("lee@x.test", now: later) == nil, "the limit is per address")
            // A refused attempt is not counted: once the first leaves the window, one more is allowed.
            let afterFirst = Self.start.addingTimeInterval(15 * 60 + 1)
            #expect(try await limiter.admit("dana@x.test", now: afterFirst) == nil)
            #expect(
                try await limiter.admit("dana@x.test", now: afterFirst) == 59,
                "the second attempt leaves a minute later")
            try await limiter.succeeded("dana@x.test")
            #expect(try await limiter.admit("dana@x.test", now: afterFirst) == nil, "a success starts afresh")
        }
    }

    @Test(
        "guesses sent at once cannot all pass the check: exactly five of twenty are admitted",
        arguments: TestEngine.available)
    func parallel(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let limiter = SignInLimiter(database: db)
            let admitted = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<20 { group.addTask { try await limiter.admit("dana@x.test", now: Self.start) == nil } }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(admitted == 5)
        }
    }

    @Test("two instances on one PostgreSQL share the count, even guessing in parallel")
    func sharedAcrossInstances() async throws {
        guard TestEngine.available.contains(.postgres) else { return }
        let test = try await TestDatabase.make(.postgres)
        let a = try await Database.open(test.location, logger: Logger(label: "a"))
        let b = try await Database.open(test.location, logger: Logger(label: "b"))
        try await Migrator(database: a).migrate()
        let limiters = [SignInLimiter(database: a), SignInLimiter(database: b)]
        let admitted = try await withThrowingTaskGroup(of: Bool.self) { group in
            for i in 0..<20 {
                group.addTask { try await limiters[i % 2].admit("dana@x.test", now: Self.start) == nil }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(admitted == 5)
        #expect(try await limiters[0].admit("dana@x.test", now: Self.start.addingTimeInterval(60)) == 14 * 60)
        try await limiters[1].succeeded("dana@x.test")
        #expect(try await limiters[0].admit("dana@x.test", now: Self.start.addingTimeInterval(60)) == nil)
        await a.close()
        await b.close()
        await test.remove()
    }
}
