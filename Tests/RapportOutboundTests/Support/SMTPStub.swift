import Foundation
import NIOCore
import NIOPosix

/// A tiny SMTP server on 127.0.0.1 for the tests: speaks enough RFC 5321 for one transaction per connection
/// and records the envelope and the DATA exactly as received (still dot-stuffed).
actor SMTPStub {
    /// What the server saw in one connection.
    struct Transaction: Sendable {
        var commands: [String] = []
        var ehlo: String?
        var auth: String?
        var mailFrom: String?
        var rcptTo: [String] = []
        /// DATA as it came over the wire, CRLF line ends, dot-stuffing still applied, terminator excluded.
        var rawData: String = ""
        var quit = false

        /// DATA with dot-stuffing undone: the message as the relay would store it.
        var message: String {
            rawData.components(separatedBy: "\r\n")
                .map { $0.hasPrefix("..") ? String($0.dropFirst()) : $0 }
                .joined(separator: "\r\n")
        }

        /// A header's value, unfolded.
        func header(_ name: String) -> String? {
            let head = message.components(separatedBy: "\r\n\r\n").first ?? ""
            let unfolded = head.replacingOccurrences(of: "\r\n ", with: " ")
            for line in unfolded.components(separatedBy: "\r\n") {
                let parts = line.split(separator: ":", maxSplits: 1)
                if parts.count == 2, parts[0].lowercased() == name.lowercased() {
                    return parts[1].trimmingCharacters(in: .whitespaces)
                }
            }
            return nil
        }

        /// The body after the blank line.
        var body: String {
            let parts = message.components(separatedBy: "\r\n\r\n")
            return parts.dropFirst().joined(separator: "\r\n\r\n")
        }
    }

    /// How the server misbehaves, to test failure handling.
    enum Behaviour: Sendable {
        case accept
        /// Answers this code to the given command (`RCPT`, `DATA`, `end of data`, …).
        case reply(to: String, code: Int, text: String)
        /// Closes the connection after receiving the end of DATA, without answering.
        case dropAfterData
        /// Rejects EHLO with 502 so the client falls back to HELO.
        case heloOnly
    }

    private(set) var transactions: [Transaction] = []
    private let behaviour: Behaviour

    init(behaviour: Behaviour = .accept) { self.behaviour = behaviour }

    private func record(_ transaction: Transaction) { transactions.append(transaction) }

    /// Runs the server for the duration of `body`, which receives its port.
    nonisolated func serve<T: Sendable>(_ body: @Sendable (Int) async throws -> T) async throws -> T {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let port = server.channel.localAddress?.port ?? 0
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await server.executeThenClose { connections in
                    try await withThrowingDiscardingTaskGroup { connectionGroup in
                        for try await connection in connections {
                            connectionGroup.addTask { await self.converse(connection) }
                        }
                    }
                }
            }
            defer { server.channel.close(promise: nil) }
            let result = try await body(port)
            server.channel.close(promise: nil)
            try await group.waitForAll()
            return result
        }
    }

    private nonisolated func converse(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
        var transaction = Transaction()
        try? await connection.executeThenClose { inbound, outbound in
            func say(_ line: String) async throws { try await outbound.write(ByteBuffer(string: line + "\r\n")) }
            func failure(for command: String) -> (Int, String)? {
                if case .reply(let target, let code, let text) = behaviour, target == command { return (code, text) }
                return nil
            }
            try await say("220 stub.test ESMTP ready")
            var pending: [UInt8] = []
            var inData = false
            for try await chunk in inbound {
                pending += chunk.readableBytesView
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    var lineBytes = Array(pending[..<newline])
                    pending.removeFirst(newline + 1)
                    if lineBytes.last == UInt8(ascii: "\r") { lineBytes.removeLast() }
                    let line = String(decoding: lineBytes, as: UTF8.self)
                    if inData {
                        if line == "." {
                            inData = false
                            if case .dropAfterData = behaviour { return }
                            if let (code, text) = failure(for: "end of data") {
                                try await say("\(code) \(text)")
                            } else {
                                try await say("250 2.0.0 queued as STUB1")
                            }
                        } else {
                            transaction.rawData += line + "\r\n"
                        }
                        continue
                    }
                    transaction.commands.append(line)
                    let verb = line.split(separator: " ").first.map { $0.uppercased() } ?? ""
                    let name = verb == "MAIL" ? "MAIL" : verb == "RCPT" ? "RCPT" : verb
                    if let (code, text) = failure(for: name) {
                        try await say("\(code) \(text)")
                        continue
                    }
                    switch verb {
                    case "EHLO":
                        if case .heloOnly = behaviour {
                            try await say("502 5.5.2 command not recognised")
                        } else {
                            transaction.ehlo = String(line.dropFirst(5))
                            try await say("250-stub.test greets you")
                            try await say("250-8BITMIME")
                            try await say("250-AUTH PLAIN")
                            try await say("250 SIZE 1048576")
                        }
                    case "HELO":
                        transaction.ehlo = String(line.dropFirst(5))
                        try await say("250 stub.test")
                    case "AUTH":
                        transaction.auth = String(line.dropFirst(5))
                        try await say("235 2.7.0 authenticated")
                    case "MAIL":
                        transaction.mailFrom = line
                        try await say("250 2.1.0 ok")
                    case "RCPT":
                        transaction.rcptTo.append(line)
                        try await say("250 2.1.5 ok")
                    case "DATA":
                        inData = true
                        try await say("354 end with <CRLF>.<CRLF>")
                    case "QUIT":
                        transaction.quit = true
                        try await say("221 2.0.0 bye")
                        return
                    default:
                        try await say("500 5.5.1 unknown command")
                    }
                }
            }
        }
        await record(transaction)
    }
}
