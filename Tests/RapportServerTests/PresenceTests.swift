import Foundation
import Testing

@testable import RapportServer

@Suite("Collision detection")
struct PresenceTests {
    @Test("each viewer sees the others, who types, and who left")
    func viewers() async throws {
        let presence = Presence()
        let ana = presence.join(conversation: 7, name: "Ana")
        var anaUpdates = ana.updates.makeAsyncIterator()
        #expect(await anaUpdates.next() == [])
        let bo = presence.join(conversation: 7, name: "Bo")
        #expect(await anaUpdates.next() == [Presence.Viewer(name: "Bo", typing: false)])
        presence.typing(conversation: 7, name: "Bo")
        #expect(await anaUpdates.next() == [Presence.Viewer(name: "Bo", typing: true)])
        #expect(presence.viewers(of: 7, except: bo.id) == [Presence.Viewer(name: "Ana", typing: false)])
        #expect(presence.viewers(of: 8).isEmpty, "other conversations are separate")
        // Bo closes the page: his stream ends and Ana sees him leave.
        let boPage = Task { for await _ in bo.updates {} }
        boPage.cancel()
        #expect(await anaUpdates.next() == [])
    }

    @Test("viewers on other instances: joined, typing, left, and forgotten when their instance goes silent")
    func remoteViewers() async throws {
        let presence = Presence()
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        let ana = presence.join(conversation: 7, name: "Ana")
        var anaUpdates = ana.updates.makeAsyncIterator()
        #expect(await anaUpdates.next() == [])
        presence.receive(Presence.Note(conversation: 7, viewer: "b-1", name: "Bo", event: .here), now: start)
        #expect(await anaUpdates.next() == [Presence.Viewer(name: "Bo", typing: false)])
        presence.receive(
            Presence.Note(conversation: 7, viewer: "b-1", name: "Bo", event: .typing, typing: true), now: start)
        #expect(presence.viewers(of: 7, except: ana.id, now: start) == [Presence.Viewer(name: "Bo", typing: true)])
        #expect(await anaUpdates.next() == [Presence.Viewer(name: "Bo", typing: true)])
        // The typing flag lapses: the next heartbeat tells the page.
        presence.tick(now: start.addingTimeInterval(Presence.typingFor + 1))
        #expect(await anaUpdates.next() == [Presence.Viewer(name: "Bo", typing: false)])
        // Heartbeats keep Bo; silence beyond the expiry forgets him.
        presence.receive(
            Presence.Note(conversation: 7, viewer: "b-1", name: "Bo", event: .here), now: start.addingTimeInterval(20))
        presence.tick(now: start.addingTimeInterval(20 + Presence.expiry - 1))
        #expect(presence.viewers(of: 7, except: ana.id).map(\.name) == ["Bo"])
        presence.tick(now: start.addingTimeInterval(20 + Presence.expiry + 1))
        #expect(await anaUpdates.next() == [])
        // A goodbye removes a viewer at once; other conversations are untouched.
        presence.receive(Presence.Note(conversation: 7, viewer: "c-1", name: "Cy", event: .here), now: start)
        presence.receive(Presence.Note(conversation: 8, viewer: "c-2", name: "Cy", event: .here), now: start)
        #expect(await anaUpdates.next() == [Presence.Viewer(name: "Cy", typing: false)])
        presence.receive(Presence.Note(conversation: 7, viewer: "c-1", name: "Cy", event: .left), now: start)
        #expect(await anaUpdates.next() == [])
        #expect(presence.viewers(of: 8, now: start).map(\.name) == ["Cy"])
    }
}
