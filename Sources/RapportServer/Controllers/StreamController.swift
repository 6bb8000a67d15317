import Foundation
import Hummingbird
import NIOCore
import RapportCore
import RapportIngest

/// `GET /api/v1/stream`: Server-Sent Events, one `mention` event per committed mention.
/// Optional filters: `rule`, `minLevel`, `network`.
struct StreamController {
    let broadcaster: MentionBroadcaster
    let boundary: TeamBoundary

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("stream", use: stream)
    }

    @Sendable func stream(_ request: Request, context: AppRequestContext) async throws -> Response {
        let filter = try await MentionFilterParser.restricted(
            try MentionFilterParser.parse(request.uri.queryParameters), context, boundary: boundary)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        // Subscribed (once admitted) before answering, so nothing committed after the request is missed.
        return try ServerSentEvents.response(request, guard: context.streamGuard, broadcaster.subscribe()) { mention in
            guard LiveFilter.accepts(mention, filter) else { return nil }
            var buffer = ByteBuffer(string: "id: \(mention.id)\nevent: mention\ndata: ")
            buffer.writeBytes(try encoder.encode(mention))
            buffer.writeString("\n\n")
            return buffer
        }
    }
}
