import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import HummingbirdWebSocket
import Logging
import NIOCore
import RapportCore
import RapportFormats
import RapportIngest
import RapportServer
import RapportStore
import RapportTestSupport
import Synchronization
import Testing

/// Pull connectors against local servers on 127.0.0.1 that replay the fixtures.
@Suite("Pull connectors", .timeLimit(.minutes(10)))
struct PullConnectorTests {
    @Test("feed poller stores new items and uses ETag so an unchanged feed costs nothing")
    func feed() async throws {
        let rss = try fixture("feed-rss.xml")
        let router = Router()
        let hits = Mutex(0)
        router.get("feed.xml") { request, _ -> Response in
            hits.withLock { $0 += 1 }
            if request.headers[.ifNoneMatch] == "\"v1\"" { return Response(status: .notModified) }
            return Response(
                status: .ok, headers: [.contentType: "application/rss+xml", .eTag: "\"v1\""],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: rss)))
        }
        let server = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await server.test(.live) { client in
            let url = "http://127.0.0.1:\(try #require(client.port))/feed.xml"
            try await TestApp.withServices(.sqlite, rules: [("acme", "acme")]) { _, services in
                let poller = FeedPoller(url: url, logger: Logger(label: "t"), submit: submitter(services))
                let (validators, receipt) = try await poller.pollOnce()
                #expect(validators.etag == "\"v1\"")
                #expect(receipt?.storedIDs.count == 1)
                let (_, second) = try await poller.pollOnce(validators)
                #expect(second == nil)
                #expect(hits.withLock { $0 } == 2)
                let count = try await services.mentions.count()
                #expect(count == 1)
            }
        }
    }

    @Test("NDJSON stream client parses lines split across chunks, skips keep-alives, stores matches")
    func ndjsonStream() async throws {
        // Keep-alive blank lines between posts, as X sends them.
        let lines = String(decoding: try fixture("x-v2-stream.ndjson"), as: UTF8.self).split(separator: "\n")
        let body = Array(("\r\n" + lines.joined(separator: "\n\r\n")).utf8)
        let router = Router()
        router.get("2/tweets/search/stream") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody { writer in
                    // Odd chunk sizes so lines straddle chunks; the last line has no newline.
                    var index = 0
                    while index < body.count {
                        let end = min(index + 97, body.count)
                        try await writer.write(ByteBuffer(bytes: body[index..<end]))
                        index = end
                    }
                    try await writer.finish(nil)
                })
        }
        let server = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await server.test(.live) { client in
            let url = "http://127.0.0.1:\(try #require(client.port))/2/tweets/search/stream"
            try await TestApp.withServices(.sqlite) { _, services in
                let stream = NDJSONStreamClient(url: url, logger: Logger(label: "t"), submit: submitter(services))
                _ = try await stream.followOnce()
                let count = try await services.mentions.count()
                #expect(count == 2)
            }
        }
    }

    @Test("Jetstream client resumes from the last committed time_us after a disconnect")
    func jetstreamResume() async throws {
        let cursors = Mutex<[String?]>([])
        @Sendable func event(_ n: Int) -> String {
            #"{"did":"did:plc:abc","time_us":\#(1_763_626_812_000_000 + n),"kind":"commit","commit":{"rev":"r\#(n)","operation":"create","collection":"app.bsky.feed.post","rkey":"k\#(n)","record":{"$type":"app.bsky.feed.post","createdAt":"2026-11-20T08:20:12.345Z","langs":["en"],"text":"acme post \#(n)"},"cid":"c\#(n)"}}"#
        }
        let server = Application(
            router: Router(),
            server: .http1WebSocketUpgrade { request, _, _ in
                let cursor = request.path.flatMap {
                    URLComponents(string: $0)?.queryItems?.first { $0.name == "cursor" }?.value
                }
                let connection = cursors.withLock { c -> Int in
                    c.append(cursor)
                    return c.count
                }
                return .upgrade([:]) { inbound, outbound, _ in
                    // First connection: events 1–3, then silence (a dead-looking stream the client
                    // must give up on); later ones resume after the cursor: events 4–5.
                    let range = connection == 1 ? 1...3 : 4...5
                    for n in range { try await outbound.write(.text(event(n))) }
                    for try await _ in inbound {}
                }
            },
            configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await server.test(.live) { client in
            let url = "ws://127.0.0.1:\(try #require(client.port))/subscribe?wantedCollections=app.bsky.feed.post"
            try await TestApp.withServices(.sqlite) { _, services in
                let jetstream = JetstreamClient(
                    url: url, cursors: StreamCursorStore(database: services.database), idleTimeout: .milliseconds(400),
                    logger: Logger(label: "t"), submit: submitter(services))
                let first = try await jetstream.followOnce()
                let second = try await jetstream.followOnce()
                #expect(first == 3)
                #expect(second == 2)
                #expect(cursors.withLock { $0 } == [nil, "1763626812000003"])
                let count = try await services.mentions.count()
                #expect(count == 5)
            }
        }
    }
}

private func submitter(_ services: RapportServices) -> FileIngestor.Submit {
    { posts, source, rejected in try await services.pipeline.submit(posts, source: source, rejected: rejected) }
}
