import Foundation
import RapportCore
import Testing

@testable import RapportFormats

@Suite("X API v2 filtered stream")
struct XStreamTests {
    @Test func fixtureNormalisesEveryField() throws {
        let outcome = try Fixture.parse(.x, "x-v2-stream.ndjson")
        #expect(outcome.failures.isEmpty)
        #expect(outcome.skipped == 0)
        #expect(outcome.posts.count == 2)
        let post = try #require(outcome.posts.first)
        #expect(post.network == .x)
        #expect(post.externalID == "1851234567890123456")
        #expect(post.url == "https://x.com/samcarter/status/1851234567890123456")
        #expect(
            post.text == "@AcmeMobile three days without signal at home in #Leeds. Paying for nothing. Sort it out 😡")
        #expect(post.title == nil)
        #expect(post.language == "en")
        #expect(post.createdAt == date("2026-11-20T08:15:02.000Z"))
        #expect(post.metrics == PostMetrics(likes: 40, reposts: 12, replies: 3, quotes: 1))
        #expect(post.kind == .post)
        #expect(post.origin == .publicStream)
        #expect(post.inReplyToID == nil)
        #expect(post.threadID == "1851234567890123456")
        #expect(post.hashtags == ["Leeds"])
        #expect(post.mentionedHandles == ["AcmeMobile"])
        #expect(
            post.author
                == Author(
                    network: .x, externalID: "98765432", handle: "samcarter", displayName: "Sam Carter",
                    followers: 2_450_000, following: 310, verified: true, profileURL: "https://x.com/samcarter",
                    bio: "Broadcaster. Views my own."))
        let second = outcome.posts[1]
        #expect(second.author.handle == "priyan")
        #expect(second.author.bio == nil)
        #expect(second.hashtags.isEmpty)
        #expect(second.metrics.likes == 2)
    }

    @Test func replyUsesReferencedTweet() throws {
        let line =
            #"{"data":{"id":"2","text":"@a yes","author_id":"9","created_at":"2026-11-20T08:15:02Z","conversation_id":"1","referenced_tweets":[{"type":"quoted","id":"5"},{"type":"replied_to","id":"1"}]}}"#
        let post = try #require(try parseLine(.x, line).post)
        #expect(post.kind == .reply)
        #expect(post.inReplyToID == "1")
        #expect(post.threadID == "1")
        // No includes: the author is known by id only.
        #expect(post.author.handle == "9")
        #expect(post.url == "https://x.com/i/web/status/2")
        #expect(post.language == nil)
    }

    @Test func noteTweetGivesTheFullText() throws {
        let line =
            #"{"data":{"id":"3","text":"short…","note_tweet":{"text":"the full long text"},"author_id":"9","created_at":"2026-11-20T08:15:02Z","lang":"und"}}"#
        let post = try #require(try parseLine(.x, line).post)
        #expect(post.text == "the full long text")
        #expect(post.language == nil)
    }

    @Test func keepAliveAndErrorLinesAreNotPosts() throws {
        #expect(try parseLine(.x, "") == .blank)
        #expect(try parseLine(.x, "  \r") == .blank)
        #expect(try parseLine(.x, #"{"errors":[{"title":"operational-disconnect"}]}"#) == .skipped)
        let outcome = try parse(.x, "\n\n" + #"{"errors":[{"title":"x"}]}"# + "\n")
        #expect(outcome.posts.isEmpty)
        #expect(outcome.skipped == 1)
    }

    @Test func badLinesAreReportedWithLineNumbersAndGoodOnesKept() throws {
        let good = #"{"data":{"id":"1","text":"ok","author_id":"9","created_at":"2026-11-20T08:15:02Z"}}"#
        let doc = [
            good, "{not json", #"{"data":{"id":"2","author_id":"9","created_at":"2026-11-20T08:15:02Z"}}"#,
            #"{"data":{"id":"3","text":"t","author_id":"9","created_at":"yesterday"}}"#,
            #"{"data":{"id":4,"text":["x"],"author_id":"9","created_at":"2026-11-20T08:15:02Z"}}"#, good,
        ].joined(separator: "\r\n")
        let outcome = try parse(.x, doc)
        #expect(outcome.posts.count == 2)
        #expect(outcome.failures.map(\.location) == [.line(2), .line(3), .line(4), .line(5)])
        #expect(outcome.failures.map(\.error.code) == [.malformedJSON, .missingField, .invalidDate, .wrongType])
        #expect(outcome.failures[1].error.message.contains("data.text"))
    }

    @Test func lineErrorNamesTheLine() {
        #expect {
            _ = try PayloadParser.parseLine(.x, Array("{}".utf8), lineNumber: 42)
        } throws: { error in
            let e = error as? FormatError
            return e?.code == .missingField && e?.message.hasPrefix("line 42:") == true
        }
    }

    @Test func wholeDocumentFormatsCannotBeParsedAsLines() {
        #expect(throws: FormatError.self) { try parseLine(.meta, "{}") }
    }
}
