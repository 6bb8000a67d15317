import Foundation
import RapportCore
import Testing

@testable import RapportDesk

@Suite struct IdentityTests {
    func customer(_ id: CustomerID, _ name: String?, _ identities: [Identity], verified: Bool = false) -> Customer {
        Customer(
            id: id, displayName: name,
            identities: identities.map {
                LinkedIdentity(identity: $0, verified: verified, evidence: .firstContact, linkedAt: t0)
            },
            createdAt: t0)
    }

    @Test func identitiesNormalise() {
        #expect(Identity(.x, "@DanaW") == Identity(.x, "danaw"))
        #expect(Identity(.reddit, "u/DanaW").value == "danaw")
        #expect(Identity(.phone, "+33 6 12-34-56-78").value == "+33612345678")
        #expect(Identity(.email, " Dana@Example.COM ").value == "dana@example.com")
        let author = Author(network: .bluesky, externalID: "did:plc:abc", handle: "dana.bsky.social")
        #expect(
            Identity.of(author) == [Identity(.blueskyDID, "did:plc:abc"), Identity(.blueskyHandle, "dana.bsky.social")])
    }

    @Test func emailNamingAHandleLinksToTheKnownCustomer() {
        let dana = customer(1, "Dana W", [Identity(.x, "danaw")])
        let directory = InMemoryCustomerDirectory([dana])
        let incoming = IncomingIdentity(
            identity: Identity(.email, "dana@example.com"), displayName: "Dana Whitfield",
            text: "Hello,\nMy order never arrived. I also tweeted you as @danaw. Please help!")
        let resolution = IdentityResolver.resolve(incoming, directory: directory)
        #expect(resolution.sender == .linked(1))
        #expect(resolution.merges.isEmpty)
        let link = try! #require(resolution.links.first)
        #expect(link.identity == Identity(.email, "dana@example.com"))
        #expect(link.customer == 1)
        #expect(
            link.evidence
                == .namedInMessage(by: Identity(.email, "dana@example.com"), excerpt: "I also tweeted you as @danaw"))

        let (linked, events) = try! IdentityLinker.apply(link, to: dana, at: t0)
        #expect(linked.has(Identity(.email, "dana@example.com")))
        #expect(events.map(\.change) == [.identityLinked(link.identity, link.evidence)])
    }

    @Test func emailNamingAnotherCustomersHandleMergesAutomatically() {
        let tweeter = customer(1, "Dana", [Identity(.x, "danaw")])
        let emailer = customer(2, "Dana W", [Identity(.email, "dana@example.com")])
        let directory = InMemoryCustomerDirectory([tweeter, emailer])
        let resolution = IdentityResolver.resolve(
            IncomingIdentity(identity: Identity(.email, "dana@example.com"), text: "I'm @danaw on Twitter."),
            directory: directory)
        #expect(resolution.sender == .known(2))
        #expect(resolution.merges.map(\.source) == [1])
        #expect(resolution.merges.map(\.target) == [2])
    }

    @Test func namedHandlesNeedACueForTheNetwork() {
        let found = NamedHandleExtractor.extract(
            from: "Find me as @dana@mastodon.social or u/dana_w on reddit. My Instagram is @dana.pics! Write @someone")
        #expect(
            found.compactMap(\.identity) == [
                Identity(.mastodon, "dana@mastodon.social"), Identity(.reddit, "dana_w"),
                Identity(.instagram, "dana.pics"),
            ])
        #expect(found.last?.identity == nil)
        #expect(found.last?.handle == "someone")
        // "xbox" is not a cue for X.
        #expect(NamedHandleExtractor.extract(from: "my xbox tag is @dana").first?.identity == nil)
    }

    @Test func uncuedHandleOnlySuggests() {
        let other = customer(3, "D", [Identity(.instagram, "danaw")])
        let sender = customer(2, "Dana", [Identity(.email, "dana@example.com")])
        let resolution = IdentityResolver.resolve(
            IncomingIdentity(identity: Identity(.email, "dana@example.com"), text: "you know me as @danaw"),
            directory: InMemoryCustomerDirectory([other, sender]))
        #expect(resolution.merges.isEmpty)
        #expect(resolution.links.isEmpty)
        #expect(resolution.suggestions.map(\.candidate) == [3])
    }

    @Test func sameVerifiedEmailLinksAutomatically() {
        let dana = customer(1, "Dana", [Identity(.email, "dana@example.com")], verified: true)
        let directory = InMemoryCustomerDirectory([dana])
        let chat = IncomingIdentity(identity: Identity(.webchatVisitor, "v-42"), verifiedEmails: ["DANA@example.com"])
        let resolution = IdentityResolver.resolve(chat, directory: directory)
        #expect(resolution.sender == .linked(1))
        #expect(resolution.links.map(\.evidence) == [.sameVerifiedEmail("dana@example.com")])
        // An unverified address on the customer's side is not enough.
        let unverified = InMemoryCustomerDirectory([customer(1, "Dana", [Identity(.email, "dana@example.com")])])
        #expect(IdentityResolver.resolve(chat, directory: unverified).sender == .newCustomer)
    }

    @Test func agentConfirmationAndOwnershipChecks() throws {
        let dana = customer(1, "Dana", [Identity(.x, "danaw")])
        let (linked, events) = try IdentityLinker.link(
            Identity(.phone, "+33 612"), to: dana, evidence: .agentConfirmed(5), verified: true, by: .agent(5), at: t0)
        #expect(linked.identities.last?.verified == true)
        #expect(events.first?.by == .agent(5))
        #expect(throws: IdentityError.identityOwnedByAnother(Identity(.x, "other"), owner: 2)) {
            try IdentityLinker.link(
                Identity(.x, "other"), to: dana, owner: 2, evidence: .agentConfirmed(5), by: .agent(5), at: t0)
        }
    }

    @Test func suggestionScoring() {
        let dana = customer(1, "Dana Whitfield", [Identity(.x, "danaw")])
        let sameNameSameHandle = customer(2, "dana whitfield", [Identity(.instagram, "danaw")])
        let similarHandle = customer(3, "Dana Whitfield", [Identity(.reddit, "dana_w1")])
        let nameOnly = customer(4, "Dana Whitfield", [Identity(.x, "completelydifferent")])
        let handleOnly = customer(5, "Someone Else", [Identity(.mastodon, "danaw@mastodon.social")])
        let middleName = customer(6, "Dana J. Whitfield", [Identity(.email, "danaw@example.com")])

        let (top, reasons) = MergeSuggester.score(dana, sameNameSameHandle)
        #expect(abs(top - 0.75) < 1e-9)
        #expect(
            reasons == [
                .sameDisplayName("Dana Whitfield"), .sameHandle(Identity(.x, "danaw"), Identity(.instagram, "danaw")),
            ])
        let (similar, similarReasons) = MergeSuggester.score(dana, similarHandle)
        #expect(similar > 0.35 + 0.2 && similar < 0.75)
        #expect(similarReasons.count == 2)
        #expect(MergeSuggester.score(dana, nameOnly).score == 0.35)
        #expect(MergeSuggester.score(dana, handleOnly).score == 0.4)

        let suggestions = MergeSuggester.suggestions(
            for: dana, among: [dana, sameNameSameHandle, similarHandle, nameOnly, handleOnly, middleName])
        #expect(suggestions.map(\.candidate) == [2, 6, 3])
        #expect(suggestions.allSatisfy { $0.score < 1 && !$0.reasons.isEmpty })
        #expect(suggestions[0].reasons.map(\.description).first == "same display name “Dana Whitfield”")
    }

    @Test func mergeAndUnmergeRoundTrip() throws {
        var target = customer(1, "Dana", [Identity(.x, "danaw")])
        target.facts = ["plan": .text("pro")]
        target.tags = ["vip"]
        var source = customer(2, "Dana W", [Identity(.email, "dana@example.com"), Identity(.x, "danaw")])
        source.facts = ["plan": .text("free"), "ltv": .number(120)]
        source.tags = ["vip", "beta"]
        source.firstName = "Dana"

        let merge = try CustomerMerger.merge(
            source, into: target, sourceConversations: [11, 12], by: .agent(5), at: t0)
        #expect(merge.target.has(Identity(.email, "dana@example.com")))
        #expect(merge.target.identities.count == 2)
        #expect(merge.target.facts == ["plan": .text("pro"), "ltv": .number(120)])
        #expect(merge.target.tags == ["vip", "beta"])
        #expect(merge.target.firstName == "Dana")
        #expect(merge.target.mergedFrom == [2])
        #expect(merge.source.identities.isEmpty)
        #expect(merge.source.mergedInto == 1)
        #expect(merge.record.movedIdentities == [Identity(.email, "dana@example.com")])
        #expect(merge.events.map(\.change) == [.absorbed(source: 2), .mergedInto(1)])
        #expect(throws: IdentityError.alreadyMerged(2, into: 1)) {
            try CustomerMerger.merge(merge.source, into: target, by: .agent(5), at: t0)
        }

        // Something new arrives on the merged customer before the un-merge: it stays.
        var later = merge.target
        later = try IdentityLinker.link(
            Identity(.phone, "+1 555"), to: later, evidence: .agentConfirmed(5), by: .agent(5), at: t0
        ).customer

        let undo = try CustomerMerger.unmerge(
            target: later, source: merge.source, record: merge.record, by: .agent(6), at: t0)
        #expect(undo.source == source)
        var expectedTarget = target
        expectedTarget.identities.append(later.identities.last!)
        #expect(undo.target == expectedTarget)
        #expect(undo.conversationsToReturn == [11, 12])
        #expect(undo.events.map(\.change) == [.unmerged(source: 2, target: 1), .unmerged(source: 2, target: 1)])

        #expect(throws: IdentityError.recordMismatch) {
            try CustomerMerger.unmerge(
                target: undo.target, source: undo.source, record: merge.record, by: .agent(6), at: t0)
        }
        #expect(throws: IdentityError.sameCustomer(1)) {
            try CustomerMerger.merge(target, into: target, by: .agent(5), at: t0)
        }
    }
}

@Suite("Consent flags")
struct ConsentTests {
    @Test("surveys are allowed until refused; marketing and quotes need a yes")
    func defaults() {
        var flags = ConsentFlags()
        #expect(flags.allows(.surveys))
        #expect(!flags.allows(.marketingEmail))
        #expect(!flags.allows(.publicQuotes))
        flags[.surveys] = ConsentRecord(granted: false, at: Date(), recordedBy: "agent:1", source: "asked in chat")
        flags[.marketingEmail] = ConsentRecord(granted: true, at: Date(), recordedBy: "import", source: "newsletter")
        #expect(!flags.allows(.surveys))
        #expect(flags.allows(.marketingEmail))
    }

    @Test("merging two profiles keeps the customer's latest answer per purpose")
    func merge() {
        let old = Date(timeIntervalSince1970: 1_000)
        let new = Date(timeIntervalSince1970: 2_000)
        var a = ConsentFlags()
        var b = ConsentFlags()
        a[.surveys] = ConsentRecord(granted: false, at: new, recordedBy: "agent:1", source: "chat")
        b[.surveys] = ConsentRecord(granted: true, at: old, recordedBy: "agent:2", source: "phone")
        b[.marketingEmail] = ConsentRecord(granted: true, at: old, recordedBy: "import", source: "form")
        let merged = a.merged(with: b)
        #expect(merged[.surveys]?.granted == false)
        #expect(merged[.marketingEmail]?.granted == true)
        #expect(b.merged(with: a) == merged)
    }
}
