import Foundation
import NIOCore
import NIOPosix

/// A minimal SMTP client over SwiftNIO: one connection per message, EHLO (HELO fallback), optional AUTH PLAIN,
/// MAIL, RCPT, DATA with dot-stuffing, QUIT.
public struct SMTPClient: Sendable {
    public var configuration: SMTPConfiguration
    public var group: any EventLoopGroup

    public init(configuration: SMTPConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.configuration = configuration
        self.group = group
    }

    /// Delivers `email` and returns the server's final acceptance reply.
    public func send(_ email: ComposedEmail) async throws(SMTPError) -> SMTPReply {
        let channel: NIOAsyncChannel<SMTPReply, ByteBuffer>
        let timeout = configuration.timeout
        do {
            channel = try await ClientBootstrap(group: group)
                .connectTimeout(timeout)
                .connect(host: configuration.host, port: configuration.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let pipeline = channel.pipeline.syncOperations
                        try pipeline.addHandler(IdleStateHandler(readTimeout: timeout))
                        try pipeline.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                        try pipeline.addHandler(CloseOnIdleHandler())
                        return try NIOAsyncChannel<SMTPReply, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw .connectionFailed("\(error)")
        }
        var conversation = Conversation()
        do {
            return try await channel.executeThenClose { inbound, outbound in
                var replies = inbound.makeAsyncIterator()
                return try await conversation.run(
                    email: email, configuration: configuration, replies: &replies, outbound: outbound)
            }
        } catch let error as SMTPError {
            throw error
        } catch {
            throw .connectionLost("\(error)", afterFinalDot: conversation.finalDotWritten)
        }
    }
}

/// The command sequence, kept apart so it can note how far it got.
private struct Conversation {
    /// Set once the terminating "." is written: from then on a lost connection leaves the outcome unknown.
    var finalDotWritten = false

    mutating func run(
        email: ComposedEmail, configuration: SMTPConfiguration,
        replies: inout NIOAsyncChannelInboundStream<SMTPReply>.AsyncIterator,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) async throws -> SMTPReply {
        func next(_ command: String) async throws -> SMTPReply {
            guard let reply = try await replies.next() else {
                throw SMTPError.connectionLost(
                    "server closed the connection after \(command)", afterFinalDot: finalDotWritten)
            }
            return reply
        }
        func expect(_ command: String, _ codes: Set<Int>) async throws -> SMTPReply {
            let reply = try await next(command)
            guard codes.contains(reply.code) else { throw SMTPError.rejected(command: command, reply: reply) }
            return reply
        }
        func write(_ line: String) async throws {
            try await outbound.write(ByteBuffer(string: line))
        }

        _ = try await expect("greeting", [220])
        let helo = configuration.heloName ?? configuration.from.domain
        try await write("EHLO \(helo)\r\n")
        let ehlo = try await next("EHLO")
        if !ehlo.isPositive {
            // Old servers know only HELO (RFC 5321 §4.1.4).
            try await write("HELO \(helo)\r\n")
            _ = try await expect("HELO", [250])
        }
        if let credentials = configuration.credentials {
            let token = Data("\0\(credentials.username)\0\(credentials.password)".utf8).base64EncodedString()
            try await write("AUTH PLAIN \(token)\r\n")
            _ = try await expect("AUTH", [235])
        }
        try await write("MAIL FROM:<\(email.envelopeFrom)>\r\n")
        _ = try await expect("MAIL FROM", [250])
        for recipient in email.envelopeTo {
            try await write("RCPT TO:<\(recipient)>\r\n")
            _ = try await expect("RCPT TO", [250, 251])
        }
        try await write("DATA\r\n")
        _ = try await expect("DATA", [354])
        // The body and its terminator go out in one write; the flag is set first because once any of it
        // leaves, the server may complete the transaction.
        finalDotWritten = true
        try await write(DotStuffing.stuff(email.data))
        let accepted = try await expect("end of data", [250])
        // QUIT is a courtesy: the mail is accepted, so its failure changes nothing.
        try? await write("QUIT\r\n")
        _ = try? await replies.next()
        return accepted
    }
}
