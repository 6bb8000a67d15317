import Foundation
import Hummingbird
import NIOCore

/// A `text/event-stream` response over a live stream; ends when the client goes away.
enum ServerSentEvents {
    /// `frame` turns a value into one event (`event:`/`data:` lines), or nil to skip it.
    static func response<Value: Sendable>(
        _ request: Request, _ values: AsyncStream<Value>, frame: @escaping @Sendable (Value) throws -> ByteBuffer?
    ) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-cache", .connection: "keep-alive"],
            body: ResponseBody { writer in
                do {
                    try await request.body.consumeWithCancellationOnInboundClose { _ in
                        try await writer.write(ByteBuffer(string: ": connected\n\n"))
                        for await value in values {
                            if let buffer = try frame(value) { try await writer.write(buffer) }
                        }
                    }
                } catch is CancellationError {
                    // The client went away.
                }
                try await writer.finish(nil)
            })
    }
}
