import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// A local SMTP sink for end-to-end mail tests: accepts every message on 127.0.0.1 and keeps what it received
/// (envelope recipients and the DATA as sent).
final class SMTPSink: Sendable {
    struct Message: Sendable {
        var recipients: [String]
        var data: String
    }

    private let received = Mutex<[Message]>([])
    var messages: [Message] { received.withLock { $0 } }

    /// Runs the sink for the duration of `body`, which receives its port.
    func serve<T: Sendable>(_ body: @Sendable (Int) async throws -> T) async throws -> T {
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
                    try await withThrowingDiscardingTaskGroup { connections_ in
                        for try await connection in connections {
                            connections_.addTask { await self.converse(connection) }
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

    private func converse(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
        try? await connection.executeThenClose { inbound, outbound in
            func say(_ line: String) async throws { try await outbound.write(ByteBuffer(string: line + "\r\n")) }
            try await say("220 sink.test ESMTP")
            var pending: [UInt8] = []
            var inData = false
            var recipients: [String] = []
            var data = ""
            for try await chunk in inbound {
                pending += chunk.readableBytesView
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    var bytes = Array(pending[..<newline])
                    pending.removeFirst(newline + 1)
                    if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
                    let line = String(decoding: bytes, as: UTF8.self)
                    if inData {
                        if line == "." {
                            inData = false
                            let message = Message(recipients: recipients, data: data)
                            received.withLock { $0.append(message) }
                            (recipients, data) = ([], "")
                            try await say("250 queued")
                        } else {
                            data += (line.hasPrefix("..") ? String(line.dropFirst()) : line) + "\r\n"
                        }
                        continue
                    }
                    switch line.split(separator: " ").first.map({ $0.uppercased() }) ?? "" {
                    case "EHLO", "HELO": try await say("250 sink.test")
                    case "MAIL": try await say("250 ok")
                    case "RCPT":
                        recipients.append(line)
                        try await say("250 ok")
                    case "DATA":
                        inData = true
                        try await say("354 go ahead")
                    case "QUIT":
                        try await say("221 bye")
                        return
                    default: try await say("250 ok")
                    }
                }
            }
        }
    }
}
