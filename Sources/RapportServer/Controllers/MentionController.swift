import Foundation
import Hummingbird
import RapportAnalysis
import RapportCore
import RapportStore

/// `GET /api/v1/mentions` (filters + cursor pagination) and `GET /api/v1/mentions/{id}`.
struct MentionController {
    let store: MentionStore
    let boundary: TeamBoundary

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("mentions", use: list)
        group.get("mentions/:id", use: show)
    }

    struct PageResponse: ResponseEncodable {
        var items: [Mention]
        var nextCursor: String?
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> PageResponse {
        let query = request.uri.queryParameters
        let filter = try await MentionFilterParser.restricted(
            try MentionFilterParser.parse(query), context, boundary: boundary)
        var limit = 50
        if let raw = query["limit"] {
            guard let value = Int(raw), (1...500).contains(value) else {
                throw APIError(.badRequest, "invalid_parameter", "limit must be a whole number from 1 to 500")
            }
            limit = value
        }
        var cursor: MentionCursor?
        if let raw = query["cursor"] {
            guard let parsed = MentionCursor(token: String(raw)) else {
                throw APIError(.badRequest, "invalid_parameter", "cursor is not one this API handed out")
            }
            cursor = parsed
        }
        let page = try await store.search(filter, limit: limit, after: cursor)
        return PageResponse(items: page.items, nextCursor: page.nextCursor?.token)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Mention {
        guard let id = context.parameters.get("id", as: Int64.self) else {
            throw APIError(.badRequest, "invalid_parameter", "mention id must be a whole number")
        }
        let mention = try await store.mentions(ids: [id]).first
        let readable: Bool
        if let mention, mention.post.origin == .owned {
            readable = try await context.seesPrivateChannels(boundary)
        } else {
            readable = mention != nil
        }
        guard let mention, readable else {
            throw APIError(.notFound, "not_found", "no mention with id \(id)")
        }
        return mention
    }
}

extension Mention: ResponseEncodable {}
