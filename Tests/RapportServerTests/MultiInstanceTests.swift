import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import NIOHTTP1
import RapportIngest
import RapportOutbound
import RapportStore
import RapportTestSupport
import Testing

@testable import RapportServer

/// Two app instances sharing one PostgreSQL, as production runs: what one does reaches the other.
@Suite("Several instances on one PostgreSQL", .timeLimit(.minutes(10)))
struct MultiInstanceTests {
    /// Two instances on a fresh PostgreSQL database, each with its desk bus running (and the pipeline and
    /// desk worker on A only, so that A alone threads what is ingested).
    static func withTwoInstances(
        _ body: (AppConfiguration, RapportServices, RapportServices) async throws -> Void
    ) async throws {
        guard TestEngine.available.contains(.postgres) else { return }
        let test = try await TestDatabase.make(.postgres)
        var config = TestApp.configuration(test.location)
        config.secureCookies = false
        let dispatcher = OutboxDispatcher(senders: [WebChatReplySender()])
        let a = try await RapportServices.open(
            config, dispatcher: dispatcher, passwordCost: 4, alertWebhook: nil, logger: Logger(label: "a"))
        let b = try await RapportServices.open(
            config, dispatcher: dispatcher, passwordCost: 4, alertWebhook: nil, logger: Logger(label: "b"))
        _ = try await a.rules.create(name: "acme", brand: "acme", isCompetitor: false, query: "acme")
        for s in [a, b] { try await s.ruleBook.refresh() }
        let tasks = [
            Task { try await a.pipeline.run() }, Task { try await a.desk.worker.run() },
            Task { try await a.desk.bus.run() }, Task { try await b.desk.bus.run() },
        ]
        // Signals sent before an instance listens are not for it: wait until both do.
        try await eventually { a.desk.bus.isListening && b.desk.bus.isListening }
        #expect(a.desk.bus.isListening && b.desk.bus.isListening)
        do {
            try await body(config, a, b)
        } catch {
            Issue.record(error)
        }
        a.pipeline.close()
        for t in tasks {
            t.cancel()
            _ = try? await t.value
        }
        await a.database.close()
        await b.database.close()
        await test.remove()
    }

    @Test("desk changes: a conversation A's intake creates and an agent's action on A reach B's /inbox/events")
    func deskChanges() async throws {
        try await Self.withTwoInstances { config, a, b in
            let people = try await DeskTest.people(a)
            let appA = Application(router: buildRouter(config, services: a))
            let appB = Application(
                router: buildRouter(config, services: b), configuration: .init(address: .hostname("127.0.0.1", port: 0))
            )
            try await appB.test(.live) { clientB in
                let session = try await DeskTest.signIn(clientB, email: "agent@acme.test")
                var request = HTTPClientRequest(url: "http://127.0.0.1:\(try #require(clientB.port))/inbox/events")
                request.headers.add(name: "Cookie", value: session.cookie)
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
                #expect(response.status == .ok)
                var events = SSEReader(response.body.makeAsyncIterator())
                _ = try await events.next()  // ": connected"
                try await appA.test(.router) { clientA in
                    try await clientA.execute(
                        uri: "/api/v1/ingest/webchat", method: .post, headers: .auth,
                        body: DeskTest.chat("m-1", text: "My acme router keeps dropping, can you help?")
                    ) { #expect($0.status == .ok) }
                }
                let created = try #require(try await events.next(containing: "event: change"))
                #expect(created.contains(#""kind":"message""#))
                let id = try #require(try await a.desk.conversations.inbox(InboxQuery(queue: .all)).first?.id)
                #expect(created.contains(#""conversationId":\#(id)"#))
                try await appA.test(.router) { clientA in
                    try await clientA.execute(
                        uri: "/api/v1/conversations/\(id)", method: .patch,
                        headers: DeskTest.bearer(people[.supervisor]!.token),
                        body: ByteBuffer(string: #"{"priority":"urgent"}"#)
                    ) { #expect($0.status.code < 300) }
                }
                let updated = try #require(try await events.next(containing: #""kind":"updated""#))
                #expect(updated.contains(#"{"conversationId":\#(id),"kind":"updated"}"#))
            }
        }
    }

    @Test(
        "presence: viewers on one instance see viewers, typing and departures on the other; a silent instance's expire")
    func presence() async throws {
        try await Self.withTwoInstances { _, a, b in
            let ana = a.desk.presence.join(conversation: 7, name: "Ana")
            var anaSees = ana.updates.makeAsyncIterator()
            #expect(await anaSees.next() == [])
            let bo = b.desk.presence.join(conversation: 7, name: "Bo")
            var boSees = bo.updates.makeAsyncIterator()
            // Bo's arrival crosses to A; A answers with Ana, so Bo sees her without waiting for a heartbeat.
            #expect(await Self.next(&anaSees, is: [.init(name: "Bo", typing: false)]))
            #expect(await Self.next(&boSees, is: [.init(name: "Ana", typing: false)]))
            b.desk.presence.typing(conversation: 7, name: "Bo")
            #expect(await Self.next(&anaSees, is: [.init(name: "Bo", typing: true)]))
            let boPage = Task { for await _ in bo.updates {} }
            boPage.cancel()
            #expect(await Self.next(&anaSees, is: []))
            // Cy's instance goes silent without saying goodbye (a crash): A forgets Cy after the expiry.
            let cy = b.desk.presence.join(conversation: 7, name: "Cy")
            defer { withExtendedLifetime(cy) {} }  // Cy's page stays open: no goodbye is sent
            #expect(await Self.next(&anaSees, is: [.init(name: "Cy", typing: false)]))
            a.desk.presence.tick(now: Date().addingTimeInterval(5))
            #expect(a.desk.presence.viewers(of: 7, except: ana.id).map(\.name) == ["Cy"], "still within expiry")
            a.desk.presence.tick(now: Date().addingTimeInterval(Presence.expiry + 1))
            #expect(await Self.next(&anaSees, is: []))
            #expect(a.desk.presence.viewers(of: 7, except: ana.id).isEmpty)
        }
    }

    /// Reads updates until `expected` arrives (a stream keeps only the newest, so steps may merge); false
    /// when the stream ends first.
    static func next(
        _ updates: inout AsyncStream<[Presence.Viewer]>.Iterator, is expected: [Presence.Viewer]
    ) async -> Bool {
        while let viewers = await updates.next() {
            if viewers == expected { return true }
        }
        return false
    }

    @Test("sign-in limit: five failures spread over two instances lock the address on both")
    func signInLimit() async throws {
        try await Self.withTwoInstances { config, a, b in
            _ = try await DeskTest.people(a)
            let appA = Application(router: buildRouter(config, services: a))
            let appB = Application(router: buildRouter(config, services: b))
            try await appA.test(.router) { clientA in
                try await appB.test(.router) { clientB in
                    let clients = [clientA, clientB, clientA, clientB, clientA, clientB]
                    for (attempt, client) in clients.enumerated() {
                        let status = try await DeskTest.attemptSignIn(
                            client, email: "agent@acme.test", password: "wrong-password")
                        #expect(status == (attempt < 5 ? .unauthorized : .tooManyRequests), "attempt \(attempt + 1)")
                    }
                    // Locked on A as well, even with the right password; other addresses are not.
                    #expect(try await DeskTest.attemptSignIn(clientA, email: "agent@acme.test") == .tooManyRequests)
                    #expect(try await DeskTest.attemptSignIn(clientB, email: "supervisor@acme.test") == .found)
                }
            }
        }
    }
}

extension DeskTest {
    /// Posts the sign-in form once; returns the status (302 signed in, 401 wrong, 429 limited).
    static func attemptSignIn(
        _ client: any TestClientProtocol, email: String, password: String = DeskTest.password
    ) async throws -> HTTPResponse.Status {
        let page = try await client.execute(uri: "/login", method: .get)
        let token = field("_csrf", in: String(buffer: page.body)) ?? ""
        let body = "email=\(email)&password=\(password.replacingOccurrences(of: " ", with: "+"))&_csrf=\(token)"
        return try await client.execute(
            uri: "/login", method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookies(page.headers)],
            body: ByteBuffer(string: body)
        ).status
    }
}

/// Reads Server-Sent Events one block at a time.
struct SSEReader {
    var iterator: HTTPClientResponse.Body.AsyncIterator
    var pending = ""

    init(_ iterator: HTTPClientResponse.Body.AsyncIterator) {
        self.iterator = iterator
    }

    /// The next block (up to a blank line), or nil when the stream ends.
    mutating func next() async throws -> String? {
        while true {
            if let end = pending.range(of: "\n\n") {
                let block = String(pending[..<end.lowerBound])
                pending.removeSubrange(..<end.upperBound)
                return block
            }
            guard let chunk = try await iterator.next() else { return nil }
            pending += String(buffer: chunk)
        }
    }

    /// The next block containing `text`, skipping others (keep-alive comments).
    mutating func next(containing text: String) async throws -> String? {
        while let block = try await next() {
            if block.contains(text) { return block }
        }
        return nil
    }
}
