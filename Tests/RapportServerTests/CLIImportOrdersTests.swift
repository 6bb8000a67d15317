import Foundation
import RapportStore
import Testing

@Suite("rapport import orders", .enabled(if: FileManager.default.isExecutableFile(atPath: rapportExecutable)))
struct CLIImportOrdersTests {
    @Test("bad lines are reported as FILE:LINE with exit 1 and nothing stored; a good file imports once")
    func importOrders() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rapport-orders-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("r.db").path
        #expect(try runRapport(["migrate", "--database", db]).status == 0)
        let database = try await Database.open(try DatabaseLocation(db))
        let dana = try await ExperienceSeedWriter(database: database).customer(
            name: "Dana", email: "dana@example.org", at: Date())
        await database.close()

        let bad = dir.appendingPathComponent("bad.csv")
        try """
        customer_email,order_id,ordered_at,amount,currency
        dana@example.org,A-1,2026-03-01T10:00:00Z,49.90,EUR
        dana@example.org,A-2,2026-03-01,ten,EUR
        ghost@example.org,A-3,2026-03-02,5,EUR

        """.write(to: bad, atomically: true, encoding: .utf8)
        let refused = try runRapport(["import", "orders", "--database", db, bad.path])
        #expect(refused.status == 1)
        #expect(refused.err.contains("\(bad.path):3: amount 'ten' is not a non-negative number"))
        #expect(refused.err.contains("nothing imported"))
        // Line 4's unknown customer is only found once the file parses: fix line 3 and it is reported.
        try String(contentsOf: bad, encoding: .utf8).replacingOccurrences(of: ",ten,", with: ",10,").write(
            to: bad, atomically: true, encoding: .utf8)
        let unknown = try runRapport(["import", "orders", "--database", db, bad.path])
        #expect(unknown.status == 1)
        #expect(unknown.err.contains("\(bad.path):4: no customer with email ghost@example.org"))

        let good = dir.appendingPathComponent("good.csv")
        try """
        customer_id,order_id,ordered_at,amount,currency
        \(dana),A-1,2026-03-01T10:00:00Z,49.90,EUR
        \(dana),"A-2, gift",2026-03-01,10,eur

        """.write(to: good, atomically: true, encoding: .utf8)
        let first = try runRapport(["import", "orders", "--database", db, good.path])
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out.contains("imported 2 orders (0 already stored)"))
        let again = try runRapport(["import", "orders", "--database", db, good.path])
        #expect(again.out.contains("imported 0 orders (2 already stored)"))
        let reopened = try await Database.open(try DatabaseLocation(db))
        let stored = try await OrderStore(database: reopened).orders(customerID: dana)
        await reopened.close()
        #expect(stored.map(\.orderID).sorted() == ["A-1", "A-2, gift"])
    }
}
