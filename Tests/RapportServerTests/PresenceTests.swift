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
}
