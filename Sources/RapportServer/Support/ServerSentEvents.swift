import Foundation
import Hummingbird
import NIOCore

/// A `text/event-stream` response over a live stream; ends when the client goes away.
enum ServerSentEvents {
    /// A stream under `guard`: refused with 429 beyond the caller's or the server's cap, and ended when the caller's
    /// session or token stops being valid (checked every ``StreamGuard/recheck``). `values` is evaluated only once
    /// the stream is admitted, so a refused caller leaves no subscription (or presence) behind.
    static func response<Value: Sendable>(
        _ request: Request, guard streamGuard: StreamGuard?, _ values: @autoclosure () -> AsyncStream<Value>,
        frame: @escaping @Sendable (Value) throws -> ByteBuffer?
    ) throws -> Response {
        guard let streamGuard else { return response(request, values(), frame: frame) }
        guard let lease = streamGuard.limiter.acquire(streamGuard.key) else {
            throw APIError(
                .tooManyRequests, "too_many_streams",
                "too many live streams are open (at most \(streamGuard.limiter.perUser) per user); close one first",
                headers: [.retryAfter: "30"])
        }
        // Values and periodic re-checks in one sequence, so the loop below notices a revoked session between events.
        let (merged, input) = AsyncStream<Value?>.makeStream(bufferingPolicy: .bufferingNewest(256))
        let values = values()
        let forward = Task {
            for await value in values { input.yield(value) }
            input.finish()
        }
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: StreamGuard.recheck)
                input.yield(nil)
            }
        }
        let checked = AsyncStream<Value> { continuation in
            let consumer = Task {
                for await item in merged {
                    if let value = item {
                        continuation.yield(value)
                    } else if !(await streamGuard.stillAllowed()) {
                        break
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in
                consumer.cancel()
                forward.cancel()
                ticker.cancel()
                input.finish()
                lease.release()
            }
        }
        return response(request, checked, frame: frame)
    }

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
