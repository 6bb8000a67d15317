import Foundation
import RapportSimulation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Payload shapes")
struct PayloadShapeTests {
    static let events = SimulationTestSupport.run(
        SimulationConfig(seed: 41, rate: 20, duration: 600, duplicateShare: 0.02))
    typealias S = SimulationTestSupport

    private func payloads(_ network: SimulatedNetwork) -> [[String: Any]] {
        Self.events.filter { $0.truth.network == network }.compactMap { S.json($0.payload) }
    }

    @Test func everyJSONPayloadParses() {
        for event in Self.events where !["email", "rss"].contains(event.format) {
            #expect(S.json(event.payload) != nil, "\(event.format): \(event.payload)")
            #expect(!event.payload.contains("\n"))
        }
    }

    @Test func xStreamLines() {
        let lines = payloads(.x)
        #expect(lines.count > 500)
        for line in lines {
            #expect(S.value(line, ["data", "id"]) is String)
            #expect(S.value(line, ["data", "text"]) is String)
            #expect(
                S.value(line, ["data", "author_id"]) as? String == S.value(line, ["includes", "users", 0, "id"])
                    as? String)
            #expect(S.value(line, ["data", "created_at"]) is String)
            #expect(S.value(line, ["data", "public_metrics", "like_count"]) is Int)
            #expect(S.value(line, ["includes", "users", 0, "username"]) is String)
            #expect(S.value(line, ["includes", "users", 0, "public_metrics", "followers_count"]) is Int)
            #expect(S.value(line, ["matching_rules"]) is [Any])
        }
        let onTopic = Self.events.filter {
            $0.truth.network == .x && $0.truth.brand != nil && $0.truth.intent != .noise
        }
        let tagged = onTopic.filter { S.value(S.json($0.payload), ["matching_rules", 0, "tag"]) is String }
        #expect(Double(tagged.count) > 0.9 * Double(onTopic.count))
    }

    @Test func xMentionEntitiesPointAtTheHandle() {
        for event in Self.events where event.truth.network == .x {
            let json = S.json(event.payload)
            guard let text = S.value(json, ["data", "text"]) as? String,
                let mentions = S.value(json, ["data", "entities", "mentions"]) as? [[String: Any]]
            else { continue }
            let scalars = Array(text.unicodeScalars)
            for mention in mentions {
                let start = mention["start"] as! Int
                let end = mention["end"] as! Int
                var slice = String.UnicodeScalarView()
                slice.append(contentsOf: scalars[start..<end])
                #expect(String(slice) == "@" + (mention["username"] as! String))
            }
        }
    }

    @Test func jetstreamCommits() {
        for line in payloads(.bluesky) {
            #expect((S.value(line, ["did"]) as? String)?.hasPrefix("did:plc:") == true)
            #expect(S.value(line, ["time_us"]) is Int)
            #expect(S.value(line, ["kind"]) as? String == "commit")
            #expect(S.value(line, ["commit", "operation"]) as? String == "create")
            #expect(S.value(line, ["commit", "collection"]) as? String == "app.bsky.feed.post")
            #expect((S.value(line, ["commit", "rkey"]) as? String)?.count == 13)
            #expect(S.value(line, ["commit", "record", "$type"]) as? String == "app.bsky.feed.post")
            #expect(S.value(line, ["commit", "record", "text"]) is String)
            #expect(S.value(line, ["commit", "record", "createdAt"]) is String)
        }
    }

    @Test func metaWebhooks() {
        for body in payloads(.facebookComment) {
            #expect(S.value(body, ["object"]) as? String == "page")
            let value = S.value(body, ["entry", 0, "changes", 0, "value"])
            #expect(S.value(body, ["entry", 0, "changes", 0, "field"]) as? String == "feed")
            #expect(S.value(value, ["item"]) as? String == "comment")
            #expect(S.value(value, ["verb"]) as? String == "add")
            #expect(S.value(value, ["comment_id"]) is String)
            #expect(S.value(value, ["message"]) is String)
            #expect(S.value(value, ["from", "name"]) is String)
            #expect(S.value(value, ["created_time"]) is Int)
        }
        for body in payloads(.messenger) {
            #expect(S.value(body, ["object"]) as? String == "page")
            let message = S.value(body, ["entry", 0, "messaging", 0])
            #expect(S.value(message, ["sender", "id"]) is String)
            #expect(S.value(message, ["recipient", "id"]) as? String == S.value(body, ["entry", 0, "id"]) as? String)
            #expect(S.value(message, ["timestamp"]) is Int)
            #expect(S.value(message, ["message", "mid"]) is String)
            #expect(S.value(message, ["message", "text"]) is String)
        }
        for body in payloads(.instagramComment) {
            #expect(S.value(body, ["object"]) as? String == "instagram")
            let value = S.value(body, ["entry", 0, "changes", 0, "value"])
            #expect(S.value(body, ["entry", 0, "changes", 0, "field"]) as? String == "comments")
            #expect(S.value(value, ["id"]) is String)
            #expect(S.value(value, ["text"]) is String)
            #expect(S.value(value, ["from", "username"]) is String)
            #expect(S.value(value, ["media", "id"]) is String)
        }
        #expect(Self.events.filter { $0.truth.network.format == "meta" }.allSatisfy { $0.format == "meta" })
    }

    @Test func redditListings() {
        for body in payloads(.reddit) {
            #expect(S.value(body, ["kind"]) as? String == "Listing")
            let comment = S.value(body, ["data", "children", 0])
            #expect(S.value(comment, ["kind"]) as? String == "t1")
            #expect(S.value(comment, ["data", "id"]) is String)
            #expect(S.value(comment, ["data", "body"]) is String)
            #expect(S.value(comment, ["data", "author"]) is String)
            #expect(S.value(comment, ["data", "created_utc"]) is Double)
            #expect((S.value(comment, ["data", "permalink"]) as? String)?.hasPrefix("/r/") == true)
        }
    }

    @Test func mastodonStatuses() {
        for status in payloads(.mastodon) {
            #expect(S.value(status, ["id"]) is String)
            #expect(S.value(status, ["created_at"]) is String)
            let content = S.value(status, ["content"]) as? String ?? ""
            #expect(content.hasPrefix("<p>") && content.hasSuffix("</p>"))
            #expect(S.value(status, ["account", "username"]) is String)
            #expect(S.value(status, ["account", "followers_count"]) is Int)
            #expect(S.value(status, ["url"]) is String)
        }
    }

    @Test func webChatMessages() {
        for message in payloads(.webchat) {
            for key in ["session_id", "message_id", "text", "sent_at"] { #expect(message[key] is String) }
            #expect(S.value(message, ["visitor", "id"]) is String)
            #expect(S.value(message, ["visitor", "name"]) is String)
            #expect(ISO8601DateFormatter.withFractions.date(from: message["sent_at"] as! String) != nil)
        }
    }

    @Test func emails() {
        let emails = Self.events.filter { $0.format == "email" }
        #expect(!emails.isEmpty)
        for email in emails {
            let parts = email.payload.components(separatedBy: "\r\n\r\n")
            #expect(parts.count >= 2)
            let headers = parts[0].components(separatedBy: "\r\n")
            for name in ["From: ", "To: ", "Subject: ", "Date: ", "Message-ID: <", "Content-Type: text/plain"] {
                #expect(headers.contains { $0.hasPrefix(name) }, "\(name) missing")
            }
            #expect(headers.contains("Message-ID: " + email.truth.externalID))
        }
    }

    @Test func rssFeeds() {
        let feeds = Self.events.filter { $0.format == "rss" }
        #expect(!feeds.isEmpty)
        for feed in feeds {
            let parser = XMLParser(data: Data(feed.payload.utf8))
            #expect(parser.parse(), "\(feed.payload)")
            #expect(feed.payload.contains("<guid isPermaLink=\"false\">" + feed.truth.externalID + "</guid>"))
            #expect(feed.payload.contains("<pubDate>"))
        }
    }
}

extension ISO8601DateFormatter {
    static var withFractions: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
