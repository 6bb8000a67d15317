import Testing

@testable import RapportPublish

/// Mastodon's counting follows app/validators/status_length_validator.rb: graphemes, links with a protocol
/// count `characters_reserved_per_url`, `@user@domain` counts as `@user`, the content warning counts too.
@Suite("Mastodon countable length")
struct MastodonTextTests {
    @Test("a link counts as the instance says, whatever its length")
    func links() {
        let url = "https://example.com/" + String(repeating: "a", count: 200)
        #expect(MastodonText.countableLength("Read " + url) == 5 + 23)
        #expect(MastodonText.countableLength("Read " + url, limits: .init(charactersReservedPerURL: 10)) == 15)
        #expect(MastodonText.countableLength("gemini://example.org/x") == 23)
    }

    @Test("a bare domain is text")
    func bareDomain() {
        #expect(MastodonText.countableLength("example.com") == 11)
    }

    @Test("a remote mention counts only its username")
    func mentions() {
        #expect(MastodonText.countableLength("hi @alice@example.social") == 3 + 6)
        #expect(MastodonText.countableLength("hi @alice") == 9)
        #expect(MastodonText.countableText("@a.b-c@x.example ok", charactersPerURL: 23) == "@a.b-c ok")
        #expect(MastodonText.countableLength("mail bob@example.com") == 20)  // no mention after a word character
    }

    @Test("graphemes, and the content warning shares the limit")
    func graphemes() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"
        #expect(MastodonText.countableLength(family + "e\u{301}") == 2)
        #expect(MastodonText.countableLength("body", contentWarning: "cw") == 6)
        let m = MastodonText.measure(String(repeating: "a", count: 501))
        #expect(m == TextLength(network: .mastodon, limit: 500, measured: 501, unit: .graphemes))
        #expect(
            MastodonText.measure(String(repeating: "a", count: 501), limits: .init(maxCharacters: 1000)).isWithinLimit)
    }

    @Test("a path keeps Mastodon's broader characters but not a final period")
    func path() {
        #expect(MastodonText.countableLength("see https://example.com/ünïcode/@user.") == 4 + 23 + 1)
    }
}
