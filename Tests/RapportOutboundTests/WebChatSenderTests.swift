import Testing

@testable import RapportOutbound

@Suite struct WebChatSenderTests {
    @Test func sendingIsLocalAndTheIDIsStablePerRow() async {
        let sender = WebChatReplySender()
        let message = Fixtures.message(.webchat(sessionID: "visitor-9"))
        let first = await sender.send(message)
        #expect(first == .sent(externalID: "webchat:visitor-9:outbox-42"))
        #expect(await sender.send(message) == first)
    }

    @Test func emptyReplyIsRefused() async {
        let result = await WebChatReplySender().send(Fixtures.message(.webchat(sessionID: "v"), text: "  \n"))
        #expect(result == .permanent(reason: "web chat: empty reply"))
    }
}
