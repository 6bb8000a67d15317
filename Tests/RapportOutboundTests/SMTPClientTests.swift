import Foundation
import NIOCore
import NIOPosix
import Testing

@testable import RapportOutbound

/// The email sender against an SMTP server running in the test on 127.0.0.1.
@Suite struct SMTPClientTests {
    static let target = EmailReplyTarget(
        recipient: EmailAddress("ana@customer.example", displayName: "Ana"), subject: "Où est ma commande ?",
        inReplyTo: "<CAB123@mail.customer.example>", references: ["<first@mail.customer.example>"])

    func sender(port: Int, credentials: (String, String)? = nil, timeout: TimeAmount = Fixtures.stubSMTPTimeout)
        -> EmailReplySender
    {
        EmailReplySender(
            configuration: SMTPConfiguration(
                host: "127.0.0.1", port: port, from: EmailAddress("support@brand.example", displayName: "Brand"),
                heloName: "rapport.brand.example", credentials: credentials, timeout: timeout),
            now: Fixtures.clock)
    }

    @Test func fullConversationDeliversAThreadedDotStuffedMessage() async throws {
        let stub = SMTPStub()
        let text = "Bonjour Ana,\n.\n.leading dot line\nÀ bientôt"
        let result = try await stub.serve { port in
            await sender(port: port).send(Fixtures.message(.email(Self.target), text: text))
        }
        #expect(result == .sent(externalID: "<outbox-42.rapport@brand.example>"))
        let transaction = try #require(await stub.transactions.first)
        #expect(transaction.commands.first == "EHLO rapport.brand.example")
        #expect(transaction.mailFrom == "MAIL FROM:<support@brand.example>")
        #expect(transaction.rcptTo == ["RCPT TO:<ana@customer.example>"])
        #expect(transaction.commands.last == "QUIT")
        #expect(transaction.auth == nil)
        // On the wire the lone "." and the leading dot were doubled, so the message did not end early.
        #expect(transaction.rawData.contains("\r\n..\r\n..leading dot line\r\n"))
        #expect(transaction.header("In-Reply-To") == "<CAB123@mail.customer.example>")
        #expect(transaction.header("References") == "<first@mail.customer.example> <CAB123@mail.customer.example>")
        #expect(transaction.header("Message-ID") == "<outbox-42.rapport@brand.example>")
        #expect(EncodedWord.decode(transaction.header("Subject") ?? "") == "Re: Où est ma commande ?")
        #expect(QuotedPrintable.decode(transaction.body) == text.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n")
    }

    @Test func authPlainIsSentWhenConfigured() async throws {
        let stub = SMTPStub()
        _ = try await stub.serve { port in
            await sender(port: port, credentials: ("relay-user", "s3cret")).send(Fixtures.message(.email(Self.target)))
        }
        let auth = try #require(await stub.transactions.first?.auth)
        #expect(auth == "PLAIN " + Data("\0relay-user\0s3cret".utf8).base64EncodedString())
    }

    @Test func fallsBackToHELO() async throws {
        let stub = SMTPStub(behaviour: .heloOnly)
        let result = try await stub.serve { port in await sender(port: port).send(Fixtures.message(.email(Self.target)))
        }
        #expect(result == .sent(externalID: "<outbox-42.rapport@brand.example>"))
        #expect(await stub.transactions.first?.commands.contains("HELO rapport.brand.example") == true)
    }

    @Test func rejectedRecipientIsPermanent() async throws {
        let stub = SMTPStub(behaviour: .reply(to: "RCPT", code: 550, text: "5.1.1 no such user"))
        let result = try await stub.serve { port in await sender(port: port).send(Fixtures.message(.email(Self.target)))
        }
        #expect(result == .permanent(reason: "email: RCPT TO refused: 550 5.1.1 no such user"))
        #expect(await stub.transactions.first?.rawData == "")
    }

    @Test func greylistingIsRetryable() async throws {
        let stub = SMTPStub(behaviour: .reply(to: "end of data", code: 451, text: "4.7.1 greylisted, try later"))
        let result = try await stub.serve { port in await sender(port: port).send(Fixtures.message(.email(Self.target)))
        }
        #expect(result == .retryable(reason: "email: end of data refused: 451 4.7.1 greylisted, try later"))
    }

    @Test func connectionLostAfterTheMessageIsNotRetriedBlindly() async throws {
        let stub = SMTPStub(behaviour: .dropAfterData)
        let result = try await stub.serve { port in await sender(port: port).send(Fixtures.message(.email(Self.target)))
        }
        guard case .permanent(let reason) = result else {
            Issue.record("expected permanent, got \(result)")
            return
        }
        #expect(reason.contains("may have accepted"))
    }

    @Test func refusedConnectionIsRetryable() async throws {
        let port = try await Fixtures.unusedPort()
        let result = await sender(port: port).send(Fixtures.message(.email(Self.target)))
        guard case .retryable(let reason, _) = result else {
            Issue.record("expected retryable, got \(result)")
            return
        }
        #expect(reason.contains("cannot connect"))
    }

    @Test func silentServerTimesOut() async throws {
        // A listener that accepts and never greets.
        let silent = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in channel.eventLoop.makeSucceededVoidFuture() }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(silent.localAddress?.port)
        let started = Date()
        let result = await sender(port: port, timeout: .milliseconds(300)).send(Fixtures.message(.email(Self.target)))
        try await silent.close().get()
        guard case .retryable = result else {
            Issue.record("expected retryable, got \(result)")
            return
        }
        // It gave up on its own 300 ms timeout, not the stub tests' 120 s default; how soon is the machine's business
        // (12 s was seen with both cores busy), so the bound only tells the two apart.
        #expect(Date().timeIntervalSince(started) < 60)
    }
}
