import Foundation
import Hummingbird
import NIOCore
import RapportCore
import RapportIngest

/// `GET /api/v1/stream`: Server-Sent Events, one `mention` event per committed mention.
/// Optional filters: `rule`, `minLevel`, `network`.
struct StreamController {
    let broadcaster: MentionBroadcaster

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("stream", use: stream)
    }

    @Sendable func stream(_ request: Request, context: AppRequestContext) async throws -> Response {
        let filter = try MentionFilterParser.parse(request.uri.queryParameters)
        // Subscribe before answering, so nothing committed after the request is missed.
        let mentions = broadcaster.subscribe()
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-cache", .connection: "keep-alive"],
            body: ResponseBody { writer in
                do {
                    try await request.body.consumeWithCancellationOnInboundClose { _ in
                        try await writer.write(ByteBuffer(string: ": connected\n\n"))
                        for await mention in mentions where LiveFilter.accepts(mention, filter) {
                            let json = try encoder.encode(mention)
                            var buffer = ByteBuffer(string: "id: \(mention.id)\nevent: mention\ndata: ")
                            buffer.writeBytes(json)
                            buffer.writeString("\n\n")
                            try await writer.write(buffer)
                        }
                    }
                } catch is CancellationError {
                    // The client went away.
                }
                try await writer.finish(nil)
            })
    }
}
