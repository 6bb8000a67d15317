import Foundation
import Hummingbird
import RapportCommunity
import RapportStore

/// The community over the API (desk users' tokens): `GET /api/v1/community/ideas?sort=votes|revenue|customers`
/// (the product team's ranking), `POST /api/v1/community/ideas/{id}/status` (supervisors), the moderation queue
/// `GET /api/v1/community/moderation` with `POST …/{id}/approve` and `…/{id}/reject`, and
/// `POST /api/v1/community/members/{id}/block`.
struct CommunityAPIController {
    let community: CommunityServices
    var actions: CommunityActions { community.actions }

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        let moderators = api.requiring(.supervisor)
        api.requiring(.analyst).get("community/ideas", use: ranking)
        moderators.post("community/ideas/:id/status", use: setStatus)
        moderators.get("community/moderation", use: queue)
        moderators.post("community/moderation/:id/approve", use: approve)
        moderators.post("community/moderation/:id/reject", use: reject)
        moderators.post("community/moderation/:id/edit", use: edit)
        moderators.post("community/members/:id/block", use: block)
    }

    struct Idea: Encodable, Sendable {
        var id: Int64
        var title: String
        var status: String
        var votes: Int
        var revenue: Double
        var customers: Int
        var memberId: Int64
        var createdAt: Date
    }

    struct Ideas: ResponseEncodable, Sendable { var items: [Idea] }

    static let rankingSorts: [IdeaRanking.Sort] = [.votes, .revenue, .customers, .newest, .status]

    @Sendable func ranking(_ request: Request, context: AppRequestContext) async throws -> Ideas {
        let raw = request.uri.queryParameters.get("sort") ?? "votes"
        guard let sort = IdeaRanking.Sort(rawValue: raw), Self.rankingSorts.contains(sort) else {
            throw DeskError(
                .badRequest, "invalid_sort", "sort must be votes, revenue, customers, newest or status", field: "sort")
        }
        let ideas = try await actions.ranking(sort: sort, by: try context.requireUser())
        return Ideas(
            items: ideas.map {
                Idea(
                    id: $0.post.id, title: $0.post.title ?? "", status: ($0.post.status ?? .open).rawValue,
                    votes: $0.post.votes, revenue: $0.revenue, customers: $0.customers, memberId: $0.post.memberID,
                    createdAt: $0.post.createdAt)
            })
    }

    struct StatusBody: Decodable {
        var status: String
        /// Required: missing is refused like empty, naming the field.
        var response: String?
        var duplicateOf: Int64?
    }

    struct StatusAnswer: ResponseEncodable, Sendable {
        var id: Int64
        var status: String
        var previous: String
        var notified: Int
        var votesMoved: Int
    }

    @Sendable func setStatus(_ request: Request, context: AppRequestContext) async throws -> StatusAnswer {
        let user = try context.requireUser()
        let body = try await APIInput.decode(StatusBody.self, request, context)
        let id = try APIInput.pathID(context)
        let result = try await actions.setStatus(
            ideaID: id, .init(status: body.status, response: body.response ?? "", duplicateOf: body.duplicateOf),
            by: user,
            address: context.clientAddress)
        return StatusAnswer(
            id: id, status: body.status, previous: result.previous.rawValue, notified: result.notified,
            votesMoved: result.votesMoved)
    }

    struct QueueItem: Encodable, Sendable {
        var id: Int64
        var kind: String
        var title: String?
        var body: String
        var memberId: Int64
        var reason: String
        var parentId: Int64?
        /// Members who reported it (reason `reported`).
        var reports: Int
        var createdAt: Date
    }

    struct Queue: ResponseEncodable, Sendable { var items: [QueueItem] }

    @Sendable func queue(_ request: Request, context: AppRequestContext) async throws -> Queue {
        let items = try await actions.moderationQueue(by: try context.requireUser())
        return Queue(
            items: items.map {
                QueueItem(
                    id: $0.post.id, kind: $0.post.kind.rawValue, title: $0.post.title, body: $0.post.body,
                    memberId: $0.post.memberID, reason: $0.post.holdReason?.rawValue ?? "pending",
                    parentId: $0.post.parentID, reports: $0.reports, createdAt: $0.post.createdAt)
            })
    }

    struct Decided: ResponseEncodable, Sendable {
        var id: Int64
        var state: String
        var reason: String?
    }

    @Sendable func approve(_ request: Request, context: AppRequestContext) async throws -> Decided {
        let post = try await actions.approve(
            postID: try APIInput.pathID(context), by: try context.requireUser(), address: context.clientAddress)
        return Decided(id: post.id, state: post.state.rawValue, reason: nil)
    }

    struct ReasonBody: Decodable { var reason: String }

    @Sendable func reject(_ request: Request, context: AppRequestContext) async throws -> Decided {
        let user = try context.requireUser()
        let body = try await APIInput.decode(ReasonBody.self, request, context)
        let post = try await actions.reject(
            postID: try APIInput.pathID(context), reason: body.reason, by: user, address: context.clientAddress)
        return Decided(id: post.id, state: post.state.rawValue, reason: post.rejectionReason)
    }

    struct EditBody: Decodable {
        var title: String?
        var body: String
    }

    struct Edited: ResponseEncodable, Sendable {
        var id: Int64
        var title: String?
        var body: String
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext) async throws -> Edited {
        let user = try context.requireUser()
        let input = try await APIInput.decode(EditBody.self, request, context)
        let post = try await actions.edit(
            postID: try APIInput.pathID(context), title: input.title, body: input.body, by: user,
            address: context.clientAddress)
        return Edited(id: post.id, title: post.title, body: post.body)
    }

    struct BlockBody: Decodable { var reason: String? }

    struct Blocked: ResponseEncodable, Sendable {
        var memberId: Int64
        var blocked: Bool
    }

    @Sendable func block(_ request: Request, context: AppRequestContext) async throws -> Blocked {
        let user = try context.requireUser()
        let body = try await APIInput.decode(BlockBody.self, request, context)
        let id = try APIInput.pathID(context)
        try await actions.block(memberID: id, reason: body.reason, by: user, address: context.clientAddress)
        return Blocked(memberId: id, blocked: true)
    }
}
