import RapportAnalysis
import RapportCommunity
import Testing

@Suite struct ModerationScreenTests {
    static let analyzer = Analyzer()

    static func hold(_ text: String, trusted: Bool = true) -> ModerationScreen.HoldReason? {
        ModerationScreen.hold(
            .init(text: text, authorTrusted: trusted, analysis: analyzer.analyze(AnalysisInput(text: text))))
    }

    @Test func trustedMembersPlainPostIsPublished() {
        #expect(Self.hold("Please add a dark mode to the app, my eyes hurt at night") == nil)
    }

    @Test func firstPostWaits() {
        #expect(Self.hold("Please add a dark mode to the app", trusted: false) == .firstPost)
    }

    @Test func linksWaitEvenFromTrustedMembers() {
        #expect(Self.hold("Great idea, details at https://example.com/dark") == .link)
        #expect(Self.hold("see cheap-pills.shop") == .link)
    }

    @Test func spamWaits() {
        #expect(Self.hold("Make money fast!!! whatsapp me +44 7700 900123") == .spam)
        #expect(Self.hold("#win #free #prize #giveaway #crypto #follow check my profile") == .spam)
        #expect(Self.hold("BUYYYYYYYYYYYYYY NOW") == .spam)
    }

    @Test func abuseWaitsAndComesFirst() {
        #expect(Self.hold("Only an idiot would want this") == .abuse)
        #expect(Self.hold("go kill yourself https://x.com", trusted: false) == .abuse)
        // Whole words only: "Scunthorpe" and "diet" are fine.
        #expect(Self.hold("Deliveries to Scunthorpe are late, and the diet plan is missing") == nil)
    }
}
