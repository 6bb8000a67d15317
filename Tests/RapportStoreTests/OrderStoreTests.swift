import Foundation
import RapportStore
import RapportTestSupport
import SQLKit
import Testing

@Suite("Orders: CSV import, idempotence, survey answers")
struct OrderStoreTests {
    @Test("the CSV reader reports every bad line with its number and gives no orders")
    func csvProblems() throws {
        let text = """
            customer_email,order_id,ordered_at,amount,currency\r
            dana@example.org,A-1,2026-03-01T10:00:00Z,49.90,eur\r
            not-an-email,A-2,2026-03-01,10,EUR\r
            sam@example.org,A-3,yesterday,-4,EURO\r
            sam@example.org,A-1,2026-03-02,5,EUR\r
            "quoted, ""name""@example.org",A-4,2026-03-02,5,EUR,extra\r

            """
        guard case .failure(let error) = OrderCSV.parse(text) else {
            Issue.record("a file with bad lines was accepted")
            return
        }
        let lines = error.problems.map(\.line)
        #expect(Set(lines) == [3, 4, 5, 6])
        #expect(error.problems.contains { $0.line == 4 && $0.message.contains("ordered_at 'yesterday'") })
        #expect(error.problems.contains { $0.line == 4 && $0.message.contains("amount '-4'") })
        #expect(error.problems.contains { $0.line == 4 && $0.message.contains("currency 'EURO'") })
        #expect(error.problems.contains { $0.line == 5 && $0.message.contains("already appears on line 2") })
        #expect(error.problems.contains { $0.line == 6 && $0.message.contains("expected 5 fields, found 6") })
    }

    @Test("the header must name the documented columns")
    func header() {
        for (text, message) in [
            ("order_id,ordered_at,amount,currency\n", "exactly one of customer_email"),
            ("customer_id,customer_email,order_id,ordered_at,amount,currency\n", "exactly one of"),
            ("customer_id,order_id,ordered_at,amount\n", "missing column 'currency'"),
            ("customer_id,order_id,ordered_at,amount,currency,price\n", "unknown column 'price'"),
            ("", "empty file"),
            ("customer_id,order_id,ordered_at,amount,currency\n1,\"A-1,2026-03-01,5,EUR\n", "not closed"),
        ] {
            guard case .failure(let error) = OrderCSV.parse(text) else {
                Issue.record("accepted: \(text)")
                continue
            }
            #expect(error.description.contains(message), "\(text): \(error)")
        }
        // Quoted fields, CRLF, a BOM and a blank last line are fine.
        let ok = OrderCSV.parse(
            "\u{FEFF}customer_id,order_id,ordered_at,amount,currency\r\n7,\"A,1\",2026-03-01,5,usd\r\n\r\n")
        guard case .success(let orders) = ok else {
            Issue.record("refused a valid file")
            return
        }
        #expect(orders.count == 1)
        #expect(orders[0].orderID == "A,1")
        #expect(orders[0].currency == "USD")
        #expect(orders[0].customer == .id(7))
        #expect(orders[0].line == 2)
    }

    @Test(
        "orders resolve customers by id or email, refuse unknown ones whole, and ignore repeats",
        arguments: TestEngine.available)
    func record(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let seed = ExperienceSeedWriter(database: db)
            let at = Date(timeIntervalSince1970: 1_770_000_000)
            let dana = try await seed.customer(name: "Dana", email: "Dana@Example.org", at: at)
            let store = OrderStore(database: db)
            let first = [
                NewOrder(
                    line: 2, customer: .email("dana@example.org"), orderID: "A-1", orderedAt: at, amount: 49.9,
                    currency: "EUR"),
                NewOrder(
                    line: 3, customer: .id(dana), orderID: "A-2", orderedAt: at.addingTimeInterval(60), amount: 10,
                    currency: "EUR"),
            ]
            #expect(try await store.record(first) == OrderImportResult(inserted: 2, duplicates: 0))
            // Same file again: nothing new.
            #expect(try await store.record(first) == OrderImportResult(inserted: 0, duplicates: 2))
            // One unknown customer refuses the whole batch, naming its line.
            let mixed = [
                NewOrder(line: 2, customer: .id(dana), orderID: "A-3", orderedAt: at, amount: 1, currency: "EUR"),
                NewOrder(
                    line: 3, customer: .email("nobody@example.org"), orderID: "A-4", orderedAt: at, amount: 1,
                    currency: "EUR"),
                NewOrder(
                    line: 4, customer: .handle("@ghost"), orderID: "A-5", orderedAt: at, amount: 1, currency: "EUR"),
            ]
            await #expect(throws: OrderImportError.self) { try await store.record(mixed) }
            do {
                _ = try await store.record(mixed)
            } catch let error as OrderImportError {
                #expect(error.problems.map(\.line) == [3, 4])
                #expect(error.problems[0].message.contains("nobody@example.org"))
            }
            let stored = try await store.orders(customerID: dana)
            #expect(stored.map(\.orderID) == ["A-2", "A-1"])
            #expect(stored.last?.amount == 49.9)
            #expect(try await store.orders(start: at, end: at.addingTimeInterval(30)).map(\.orderID) == ["A-1"])
        }
    }

    @Test("survey answers are read by period, kind, team and score range", arguments: TestEngine.available)
    func responses(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let seed = ExperienceSeedWriter(database: db)
            let at = Date(timeIntervalSince1970: 1_770_000_000)
            let customer = try await seed.customer(name: "Sam <b>", email: "sam@example.org", at: at)
            for (i, (kind, score, team)) in [
                (SurveyKind.nps, 10, Int64?(1)), (.nps, 3, 2), (.csat, 5, 1), (.csat, 2, nil),
            ]
            .enumerated() {
                _ = try await seed.answeredSurvey(
                    kind: kind, score: score, customerID: customer, network: "email", teamID: team, agentID: nil,
                    sentAt: at, answeredAt: at.addingTimeInterval(Double(i) * 60))
            }
            await #expect(throws: StoreError.self) {
                try await seed.answeredSurvey(
                    kind: .csat, score: 9, customerID: customer, network: "x", teamID: nil, agentID: nil, sentAt: at,
                    answeredAt: at)
            }
            let store = ExperienceStore(database: db)
            let all = try await store.responses(.init(start: at, end: at.addingTimeInterval(3_600)))
            #expect(all.map(\.score) == [10, 3, 5, 2])
            #expect(all[0].customerName == "Sam <b>")
            let teamOne = try await store.responses(.init(start: at, end: at.addingTimeInterval(3_600), teamID: 1))
            #expect(teamOne.map(\.score) == [10, 5])
            let promoters = try await store.responses(
                .init(start: at, end: at.addingTimeInterval(3_600), kind: .nps, scores: 9...10))
            #expect(promoters.map(\.score) == [10])
            // The period is half-open: the last answer (at +180 s) is outside [at, at + 180 s).
            #expect(try await store.responses(.init(start: at, end: at.addingTimeInterval(180))).count == 3)
        }
    }
}
