import Foundation
import NIOCore
import Synchronization
import Testing

@testable import RapportOutbound

/// Rapport's own notices (alerts, digests) through the SMTP stub on 127.0.0.1.
@Suite struct NoticeMailerTests {
    /// The waits the mailer asked for (it never really sleeps here).
    final class Waits: Sendable {
        let list = Mutex<[TimeInterval]>([])
        func append(_ seconds: TimeInterval) { list.withLock { $0.append(seconds) } }
        var all: [TimeInterval] { list.withLock { $0 } }
    }

    static func mailer(port: Int, waits: Waits, attempts: Int = 3) -> NoticeMailer {
        NoticeMailer(
            configuration: SMTPConfiguration(
                host: "127.0.0.1", port: port, from: EmailAddress("alerts@brand.example", displayName: "Rapport"),
                timeout: Fixtures.stubSMTPTimeout),
            recipients: NoticeMailer.parseRecipients(" ops@brand.example, lead@brand.example ,"),
            policy: RetryPolicy(maxAttempts: attempts, initialDelay: 5, maxDelay: 60, jitter: 0),
            sleep: { seconds in waits.append(seconds) }, now: Fixtures.clock)
    }

    @Test func sendsOneMessageToEveryRecipientWithAnEncodedSubject() async throws {
        let stub = SMTPStub()
        let waits = Waits()
        let failure = try await stub.serve { port in
            await Self.mailer(port: port, waits: waits).send(
                subject: "[Rapport alert] Volume spike on rule “acme”\r\nBcc: evil@x.example",
                text: "240 posts/h vs 40/h expected\n.\nTop posts: …", key: "alert-7")
        }
        #expect(failure == nil)
        let transactions = await stub.transactions
        #expect(transactions.count == 1)
        let t = try #require(transactions.first)
        #expect(t.rcptTo == ["RCPT TO:<ops@brand.example>", "RCPT TO:<lead@brand.example>"])
        #expect(t.header("To") == "<ops@brand.example>, <lead@brand.example>")
        #expect(t.header("Message-ID") == "<alert-7.rapport@brand.example>")
        #expect(t.header("Auto-Submitted") == "auto-generated")
        // The line break in the subject did not become a header.
        #expect(t.header("Bcc") == nil)
        #expect(
            EncodedWord.decode(t.header("Subject") ?? "")
                == "[Rapport alert] Volume spike on rule “acme”  Bcc: evil@x.example")
        #expect(QuotedPrintable.decode(t.body).contains("240 posts/h vs 40/h expected"))
        #expect(waits.all.isEmpty)
    }

    @Test func transientRefusalsAreRetriedWithBackoffThenGivenUp() async throws {
        let stub = SMTPStub(behaviour: .reply(to: "RCPT", code: 451, text: "try later"))
        let waits = Waits()
        let failure = try await stub.serve { port in
            await Self.mailer(port: port, waits: waits, attempts: 3).send(subject: "s", text: "t", key: "k")
        }
        #expect(failure == "email: gave up after 3 attempts")
        #expect(await stub.transactions.count == 3)
        #expect(waits.all == [5, 10])
    }

    @Test func permanentRefusalsAreNotRetried() async throws {
        let stub = SMTPStub(behaviour: .reply(to: "RCPT", code: 550, text: "no such user"))
        let waits = Waits()
        let failure = try await stub.serve { port in
            await Self.mailer(port: port, waits: waits).send(subject: "s", text: "t", key: "k")
        }
        #expect(failure?.contains("no such user") == true)
        #expect(await stub.transactions.count == 1)
        #expect(waits.all.isEmpty)
    }
}
