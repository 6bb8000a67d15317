import Foundation
import Testing

@testable import RapportPublish

@Suite("Post validation for several accounts")
struct PostValidatorTests {
    static let targets = [
        PublishTarget(accountID: "x1", network: .x),
        PublishTarget(accountID: "bs1", network: .bluesky),
        PublishTarget(accountID: "m1", network: .mastodon(.default)),
        PublishTarget(accountID: "m2", network: .mastodon(MastodonInstanceLimits(maxCharacters: 5000))),
        PublishTarget(accountID: "fb1", network: .facebook),
        PublishTarget(accountID: "ig1", network: .instagram),
    ]

    @Test("a short post with one square JPEG is fine everywhere")
    func clean() {
        let problems = PostValidator.validate(
            text: "Spring sale: https://example.com/sale #spring",
            images: [ImageFixtures.jpeg(width: 1080, height: 1080)],
            for: Self.targets)
        #expect(problems.isEmpty)
    }

    @Test("every problem names its account, limit and measure")
    func perAccount() {
        let text = String(repeating: "a", count: 600)
        let problems = PostValidator.validate(text: text, images: [], for: Self.targets)
        #expect(
            problems == [
                TargetProblem(
                    accountID: "x1", network: .x,
                    problem: .textLimitExceeded(
                        .init(network: .x, limit: 280, measured: 600, unit: .weightedCharacters))),
                TargetProblem(
                    accountID: "bs1", network: .bluesky,
                    problem: .textLimitExceeded(.init(network: .bluesky, limit: 300, measured: 600, unit: .graphemes))),
                TargetProblem(
                    accountID: "m1", network: .mastodon,
                    problem: .textLimitExceeded(.init(network: .mastodon, limit: 500, measured: 600, unit: .graphemes))),
                TargetProblem(accountID: "ig1", network: .instagram, problem: .imageRequired),
            ])
        #expect(problems.allSatisfy { $0.problem.httpStatus == 422 })
    }

    @Test("a variant replaces the text for its account only")
    func variants() {
        let problems = PostValidator.validate(
            text: String(repeating: "a", count: 400), variants: ["x1": "short for X", "bs1": "short for Bluesky"],
            images: [ImageFixtures.png(width: 1000, height: 1000)], for: Self.targets)
        #expect(problems.map(\.accountID) == [])
    }

    @Test("images: count, size, GIF alone, format and aspect ratio per network")
    func images() {
        let big = ImageFixtures.jpeg(width: 1000, height: 1000, size: 6_000_000)
        let gif = ImageFixtures.gif(width: 100, height: 100)
        let tall = ImageFixtures.jpeg(width: 1080, height: 1920)  // 9:16, narrower than 4:5
        let webp = ImageFixtures.webpLossy(width: 100, height: 100)
        let problems = PostValidator.validate(text: "hi", images: [big, gif, tall, webp, big], for: Self.targets)
        func of(_ account: String) -> [PostProblem] { problems.filter { $0.accountID == account }.map(\.problem) }
        #expect(
            of("x1") == [
                .tooManyImages(count: 5, limit: 4), .tooLarge(imageIndex: 0, byteCount: 6_000_000, limit: 5_000_000),
                .tooLarge(imageIndex: 4, byteCount: 6_000_000, limit: 5_000_000), .gifNotAlone,
            ])
        #expect(
            of("bs1") == [
                .tooManyImages(count: 5, limit: 4), .tooLarge(imageIndex: 0, byteCount: 6_000_000, limit: 1_000_000),
                .tooLarge(imageIndex: 4, byteCount: 6_000_000, limit: 1_000_000),
            ])
        #expect(of("m1") == [.tooManyImages(count: 5, limit: 4)])
        #expect(of("fb1") == [])
        #expect(
            of("ig1") == [
                .formatNotAccepted(imageIndex: 1, format: .gif, accepted: [.png, .jpeg]),
                .aspectRatioOutOfRange(
                    imageIndex: 2, width: 1080, height: 1920, min: AspectRatio(4, 5), max: AspectRatio(191, 100)),
                .formatNotAccepted(imageIndex: 3, format: .webp, accepted: [.png, .jpeg]),
            ])
        #expect(PostProblem.tooLarge(imageIndex: 0, byteCount: 1, limit: 0).httpStatus == 413)
        #expect(PostProblem.formatNotAccepted(imageIndex: 0, format: .gif, accepted: []).httpStatus == 415)
    }

    @Test("Instagram's aspect-ratio bounds are inclusive")
    func aspectBounds() {
        for (w, h, ok) in [(1080, 1350, true), (1080, 1351, false), (1910, 1000, true), (1911, 1000, false)] {
            let problems = PostValidator.validate(
                text: "", images: [ImageFixtures.jpeg(width: w, height: h)],
                for: [PublishTarget(accountID: "ig", network: .instagram)])
            #expect(problems.isEmpty == ok, "\(w)x\(h)")
        }
    }

    @Test("unknown, empty and broken files are 415 for every account")
    func unsupported() {
        let problems = PostValidator.validate(
            text: "hi",
            images: [Data(), Data("not an image".utf8), ImageFixtures.png(width: 10, height: 10).prefix(20)],
            for: [Self.targets[0]])
        #expect(
            problems.map(\.problem) == [
                .unsupportedMedia(imageIndex: 0, reason: .empty),
                .unsupportedMedia(imageIndex: 1, reason: .unknownFormat),
                .unsupportedMedia(imageIndex: 2, reason: .corrupt(.png)),
            ])
        #expect(problems.allSatisfy { $0.problem.httpStatus == 415 })
    }

    @Test("an empty post is refused; images alone are a post")
    func empty() {
        #expect(PostValidator.validate(text: "  \n", images: [], for: [Self.targets[0]]).map(\.problem) == [.empty])
        #expect(
            PostValidator.validate(text: "", images: [ImageFixtures.png(width: 5, height: 5)], for: [Self.targets[0]])
                .isEmpty)
        #expect(
            PostValidator.validate(text: "bad \u{FFFF}", images: [], for: [Self.targets[0]]).map(\.problem) == [
                .invalidCharacters
            ])
    }

    @Test("X: a URL-heavy post fits where its raw length would not")
    func xURLs() {
        let text = (1...10).map { "https://example.com/\(String(repeating: "p", count: 50))/\($0)" }.joined(
            separator: " ")
        #expect(text.count > 500)
        #expect(XText.weightedLength(text) == 10 * 23 + 9)
        #expect(PostValidator.validate(text: text, images: [], for: [Self.targets[0]]).isEmpty)
    }

    /// Hostile texts, each ~200 KB (far above every limit, about the API's body limit) and built to defeat a
    /// naive scanner: long label chains, TLDs without domains, unbalanced parentheses, endless mentions,
    /// protocols without hosts, ZWJ chains. Keyed by name so the test log does not print the text.
    static let hostileTexts: [String: String] = [
        "label chain": String(repeating: "a.", count: 100_000),
        "TLD chain ending in a bad label": String(repeating: "a.com.", count: 34_000) + "a-",
        "TLDs without domains": String(repeating: ".com", count: 50_000),
        "unbalanced parentheses": "https://x.com/" + String(repeating: "(", count: 200_000),
        "mentions": String(repeating: "@a", count: 100_000),
        "protocols without hosts": String(repeating: "http://", count: 28_000),
        "ZWJ chain": String(repeating: "\u{1F468}\u{200D}", count: 20_000),
        "short-domain chain": String(repeating: "-a.co", count: 40_000),
    ]

    @Test("hostile text is measured in bounded time", arguments: hostileTexts.keys.sorted())
    func hostile(_ name: String) {
        let text = Self.hostileTexts[name]!
        let elapsed = ContinuousClock().measure {
            _ = PostValidator.validate(text: text, images: [], for: Self.targets)
            _ = BlueskyText.facets(in: text)
        }
        // Linear work takes well under a second here even in a debug build on a busy machine; a quadratic
        // scan would take hours.
        #expect(elapsed < .seconds(10), "\(name): \(elapsed)")
    }
}
