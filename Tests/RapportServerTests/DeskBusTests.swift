import Foundation
import Testing

@testable import RapportIngest

@Suite("Desk bus: signals between instances")
struct DeskBusTests {
    typealias Item = DeskBus.Envelope.Item

    @Test("signals are packed in order into as few notifications as PostgreSQL's 8000-byte limit allows")
    func packing() throws {
        let items = (0..<2_000).map { Item(topic: $0.isMultiple(of: 3) ? .presence : .change, body: "\($0):updated") }
        let payloads = DeskBus.payloads(items, from: "instance-a")
        #expect(payloads.count > 1)
        #expect(payloads.allSatisfy { $0.utf8.count < 8_000 })
        let envelopes = try payloads.map { try JSONDecoder().decode(DeskBus.Envelope.self, from: Data($0.utf8)) }
        #expect(envelopes.allSatisfy { $0.from == "instance-a" })
        #expect(envelopes.flatMap(\.items) == items)
        // Each notification is full: adding the next one's first item would not fit.
        for (full, next) in zip(envelopes, envelopes.dropFirst()) {
            #expect(DeskBus.payloads(full.items + [next.items[0]], from: "instance-a").count == 2)
        }
    }

    @Test("an item too big for any notification is dropped; the others still go")
    func oversized() {
        let huge = Item(topic: .presence, body: String(repeating: "x", count: 9_000))
        let small = Item(topic: .change, body: "1:message")
        let payloads = DeskBus.payloads([small, huge, small], from: "a")
        #expect(payloads.count == 1)
        #expect(payloads.first?.contains("1:message") == true)
        #expect(payloads.first?.contains("xxxx") == false)
    }

    @Test("a change survives its crossing")
    func changeSignal() {
        let change = DeskChange(conversationID: 42, kind: .customerMessage)
        #expect(DeskChange(signal: change.signal) == change)
        #expect(DeskChange(signal: "42") == nil)
        #expect(DeskChange(signal: "x:updated") == nil)
        #expect(DeskChange(signal: "42:exploded") == nil)
    }
}
