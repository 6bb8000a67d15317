import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A fake platform API on 127.0.0.1: records every request and answers from a script, so the senders are
/// checked against the documented request format without leaving the machine.
actor PlatformStub {
    /// One request as the platform would see it.
    struct Recorded: Sendable {
        var method: String
        /// Path without the query string.
        var path: String
        var query: String?
        /// Header values by lower-cased name.
        var headers: [String: String]
        var body: Data

        /// The body parsed as a JSON object.
        var json: [String: Any] {
            ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:]
        }

        /// The body parsed as `application/x-www-form-urlencoded`.
        var form: [String: String] {
            var fields: [String: String] = [:]
            for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                let decode = { (s: String) in s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? s }
                fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
            }
            return fields
        }
    }

    /// A scripted answer; `dropConnection` closes the socket without answering (outcome unknown).
    struct Reply: Sendable {
        var status: Int = 200
        var headers: [String: String] = [:]
        var body: String = "{}"
        var dropConnection = false

        static func json(_ status: Int, _ body: String, headers: [String: String] = [:]) -> Reply {
            Reply(
                status: status, headers: headers.merging(["Content-Type": "application/json"]) { a, _ in a }, body: body
            )
        }
        static let drop = Reply(dropConnection: true)
    }

    private(set) var requests: [Recorded] = []
    private var scripts: [String: [Reply]] = [:]

    /// Answers for `path`, in order; the last one is repeated once the others are used.
    func script(_ path: String, _ replies: [Reply]) { scripts[path] = replies }

    func requests(to path: String) -> [Recorded] { requests.filter { $0.path == path } }

    fileprivate func handle(_ request: Recorded) -> Reply {
        requests.append(request)
        guard var queue = scripts[request.path], let first = queue.first else {
            return .json(404, #"{"error":"no script for \#(request.path)"}"#)
        }
        if queue.count > 1 {
            queue.removeFirst()
            scripts[request.path] = queue
        }
        return first
    }

    /// Runs an HTTP/1.1 server for the duration of `body`, which receives its base URL (`http://127.0.0.1:PORT`).
    nonisolated func serve<T: Sendable>(_ body: @Sendable (String) async throws -> T) async throws -> T {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
                        wrappingChannelSynchronously: channel)
                }
            }
        let port = server.channel.localAddress?.port ?? 0
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await server.executeThenClose { connections in
                    try await withThrowingDiscardingTaskGroup { connectionGroup in
                        for try await connection in connections {
                            connectionGroup.addTask { try? await self.answer(connection) }
                        }
                    }
                }
            }
            defer { server.channel.close(promise: nil) }
            let result = try await body("http://127.0.0.1:\(port)")
            server.channel.close(promise: nil)
            try await group.waitForAll()
            return result
        }
    }

    /// One request per connection, answered with `Connection: close`, so no connection outlives the test.
    private nonisolated func answer(_ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>)
        async throws
    {
        try await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            var body = ByteBuffer()
            for try await part in inbound {
                switch part {
                case .head(let requestHead):
                    head = requestHead
                case .body(var chunk):
                    body.writeBuffer(&chunk)
                case .end:
                    guard let head else { return }
                    let parts = head.uri.split(separator: "?", maxSplits: 1).map(String.init)
                    var headers: [String: String] = [:]
                    for (name, value) in head.headers { headers[name.lowercased()] = value }
                    let recorded = Recorded(
                        method: head.method.rawValue, path: parts[0], query: parts.count > 1 ? parts[1] : nil,
                        headers: headers, body: Data(body.readableBytesView))
                    let reply = await self.handle(recorded)
                    if reply.dropConnection { return }
                    var responseHeaders = HTTPHeaders(Array(reply.headers))
                    responseHeaders.replaceOrAdd(name: "Content-Length", value: "\(reply.body.utf8.count)")
                    responseHeaders.replaceOrAdd(name: "Connection", value: "close")
                    try await outbound.write(
                        .head(
                            HTTPResponseHead(
                                version: .http1_1, status: HTTPResponseStatus(statusCode: reply.status),
                                headers: responseHeaders)))
                    try await outbound.write(.body(.byteBuffer(ByteBuffer(string: reply.body))))
                    try await outbound.write(.end(nil))
                    return
                }
            }
        }
    }
}
