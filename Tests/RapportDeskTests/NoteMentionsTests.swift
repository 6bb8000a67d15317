import Foundation
import RapportDesk
import Testing

@Suite("Notes: who an @mention names")
struct NoteMentionsTests {
    let team = [
        NoteMentions.Colleague(id: 1, name: "Dana Whitfield", email: "dana.w@acme.test"),
        NoteMentions.Colleague(id: 2, name: "Sam Ortiz", email: "sam@acme.test"),
        NoteMentions.Colleague(id: 3, name: "Sam Lee", email: "slee@acme.test"),
        NoteMentions.Colleague(id: 4, name: "Danaë Roy", email: "droy@acme.test"),
    ]

    @Test("first name, email local part and joined full name all name a colleague, in any case")
    func handles() {
        #expect(NoteMentions.find(in: "@dana can you check?", among: team) == [1])
        #expect(NoteMentions.find(in: "cc @DANA.W.", among: team) == [1])
        #expect(NoteMentions.find(in: "(@DanaWhitfield)", among: team) == [1])
        #expect(NoteMentions.find(in: "@droy and @dana, then @dana again", among: team) == [4, 1])
    }

    @Test("prefixes, email addresses and ambiguous first names notify no one")
    func nonMentions() {
        #expect(NoteMentions.find(in: "@dan please", among: team).isEmpty)
        #expect(NoteMentions.find(in: "customer wrote from dana@example.org", among: team).isEmpty)
        #expect(NoteMentions.find(in: "@sam who is on shift?", among: team).isEmpty, "two Sams")
        #expect(NoteMentions.find(in: "@slee is", among: team) == [3])
        #expect(NoteMentions.find(in: "@ nobody @", among: team).isEmpty)
    }
}

@Suite("Notices: who hears about a conversation's change")
struct DeskNoticeTests {
    let at = Date(timeIntervalSince1970: 1_763_600_000)

    func event(_ change: ConversationEvent.Change, by: Performer) -> ConversationEvent {
        ConversationEvent(conversationID: 9, at: at, by: by, change: change)
    }

    @Test("a note notifies the colleagues it mentions but not its author")
    func mentions() {
        let note = Note(author: 1, text: "@sam @dana look", mentions: [1, 2, 3])
        let notices = DeskNotice.from([event(.note(note), by: .agent(1))])
        #expect(notices.map(\.recipient) == [2, 3])
        #expect(notices.allSatisfy { $0.kind == .mention && $0.actor == 1 && $0.text == "@sam @dana look" })
    }

    @Test("a colleague's assignment and an escalation notify; a rule's assignment and taking work oneself do not")
    func assignments() {
        let handed = event(.assigned(from: .nobody, to: Assignee(agent: 2)), by: .agent(1))
        let taken = event(.assigned(from: .nobody, to: Assignee(agent: 1)), by: .agent(1))
        let routed = event(.assigned(from: .nobody, to: Assignee(agent: 3)), by: .rule(4))
        let escalated = event(.escalated(to: 5, reason: "first response breached"), by: .system)
        let notices = DeskNotice.from([handed, taken, routed, escalated])
        #expect(notices.map(\.recipient) == [2, 5])
        #expect(notices.map(\.kind) == [.assigned, .escalated])
        #expect(notices[1].actor == nil)
    }
}
