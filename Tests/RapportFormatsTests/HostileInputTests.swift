import Foundation
import RapportCore
import Testing

@testable import RapportFormats

/// Inputs a hostile or broken sender could send, through the public entry points.
@Suite("Hostile input")
struct HostileInputTests {
    static let validX = #"{"data":{"id":"1","text":"ok","author_id":"9","created_at":"2026-11-20T08:15:02Z"}}"#

    @Test(arguments: PayloadFormat.allCases)
    func garbageNeverCrashes(format: PayloadFormat) {
        let inputs: [[UInt8]] = [
            [], [0xFF, 0xFE, 0x00], Array("{".utf8), Array("[[[[".utf8), Array("<".utf8), Array("null".utf8),
            Array("From x\n\n".utf8), Array(repeating: 0x7B, count: 10_000), Array("\u{0}\u{1}".utf8),
        ]
        for input in inputs {
            // Either an outcome or a typed error: never a crash.
            _ = try? PayloadParser.parse(format, input)
        }
    }

    @Test func invalidUTF8LineIsReported() {
        var bytes = Array(Self.validX.utf8)
        bytes.insert(0xC3, at: bytes.firstIndex(of: UInt8(ascii: "k"))!)
        #expect { try PayloadParser.parseLine(.x, bytes) } throws: { ($0 as? FormatError)?.code == .invalidUTF8 }
    }

    @Test func wrongTypesAndEmptyTexts() throws {
        #expect {
            try parseLine(.x, #"{"data":"nope"}"#)
        } throws: { ($0 as? FormatError)?.code == .wrongType }
        #expect {
            try parseLine(.x, #"[1]"#)
        } throws: { ($0 as? FormatError)?.code == .wrongType }
        // An empty text is a valid (if dull) post: rules will simply not match it.
        let empty = try #require(
            try parseLine(.x, #"{"data":{"id":"1","text":"","author_id":"9","created_at":"2026-11-20T08:15:02Z"}}"#)
                .post)
        #expect(empty.text == "")
        // Huge metrics clamp instead of overflowing.
        let huge = try #require(
            try parseLine(
                .x,
                #"{"data":{"id":"1","text":"t","author_id":"9","created_at":"2026-11-20T08:15:02Z","public_metrics":{"like_count":1e300,"retweet_count":99999999999999999999}}}"#
            ).post)
        #expect(huge.metrics.likes == Int.max)
        #expect(huge.metrics.reposts == Int.max)
    }

    @Test func duplicatesAreReturnedForTheStoreToDeduplicate() throws {
        let outcome = try parse(.x, Self.validX + "\n" + Self.validX)
        #expect(outcome.posts.count == 2)
        #expect(Set(outcome.posts.map(\.externalID)).count == 1)
    }

    @Test func htmlIsMadeSafe() {
        let html = """
            <p>Hi&nbsp;there<br>line&#32;two &#x26; &#0; &#xD800; &bogus; &amp</p><script>alert("x")</script><STYLE>p{}</STYLE>\
            <p>para <a href="x" title="a>b">link</a> 1 < 2</p><!-- hidden --><ul><li>one</li><li>two</li></ul>
            """
        #expect(
            HTMLText.text(fromHTML: html)
                == "Hi there\nline two & \u{FFFD} \u{FFFD} &bogus; &amp\n\npara link 1 < 2\n\none\ntwo")
    }

    @Test func documentSizeIsBounded() {
        let limits = ParseLimits(maxDocumentBytes: 10)
        #expect {
            try PayloadParser.parse(.meta, Array(repeating: 0x20, count: 11), limits: limits)
        } throws: { ($0 as? FormatError)?.code == .documentTooLarge }
    }
}
