import Foundation
import HTTPTypes
import Hummingbird
import RapportDesk
import RapportIngest
import RapportStore

/// Surveys: the customer's one-question page (no sign-in; the link's token is the key), share links
/// for promoters, and `POST /api/v1/surveys` to send one after a purchase or any other moment.
struct SurveyController {
    let renderer: WebRenderer
    let desk: DeskServices
    let configuration: AppConfiguration

    func addRoutes(to router: Hummingbird.Router<AppRequestContext>, api: RouterGroup<AppRequestContext>) {
        router.get("survey/:token", use: page)
        router.post("survey/:token", use: answer)
        router.get("survey/:token/share/:network", use: share)
        api.post("surveys", use: send)
        api.get("customers/:id/surveys", use: list)
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        guard let survey = try await desk.surveys.survey(tokenHash: APITokens.hash(token)) else {
            return message("This survey link is not valid.", status: .notFound, context)
        }
        if survey.answeredAt != nil { return message("You have already answered. Thank you!", status: .ok, context) }
        if survey.expiresAt < Date() { return message("This survey has expired.", status: .gone, context) }
        return renderer.html("survey", questionView(survey, token: token, error: nil, context))
    }

    private func questionView(_ survey: Survey, token: String, error: String?, _ context: AppRequestContext)
        -> SurveyPage
    {
        .question(survey, token: token, error: error, chrome: PageChrome("Your opinion", "survey", context))
    }

    struct AnswerForm: Decodable {
        var score: Int?
        var comment: String?
    }

    @Sendable func answer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let form = try? await URLEncodedFormDecoder().decode(AnswerForm.self, from: request, context: context)
        let comment = form?.comment?.trimmingCharacters(in: .whitespacesAndNewlines).prefix(2_000).description
        let result = try await desk.surveys.answer(
            tokenHash: APITokens.hash(token), score: form?.score ?? -1,
            comment: comment?.isEmpty == false ? comment : nil)
        switch result {
        case .notFound: return message("This survey link is not valid.", status: .notFound, context)
        case .expired: return message("This survey has expired.", status: .gone, context)
        case .alreadyAnswered: return message("You have already answered. Thank you!", status: .conflict, context)
        case .invalidScore(let range):
            guard let survey = try await desk.surveys.survey(tokenHash: APITokens.hash(token)) else {
                return message("This survey link is not valid.", status: .notFound, context)
            }
            return renderer.html(
                "survey",
                questionView(
                    survey, token: token, error: "Pick a score from \(range.lowerBound) to \(range.upperBound).",
                    context),
                status: .badRequest)
        case .answered(let survey):
            if let followUp = survey.followupConversationID { desk.worker.changed(followUp) }
            let view = SurveyPage.thanks(survey, token: token, chrome: PageChrome("Thank you", "survey", context))
            return renderer.html("survey", view)
        }
    }

    /// Records the share (the customer becomes an advocate) and sends them to the network's composer.
    @Sendable func share(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let network = context.parameters.get("network") ?? ""
        guard let url = ShareLinks.url(network, text: ShareLinks.defaultText, link: configuration.publicBaseURL) else {
            throw APIError(.notFound, "unknown_network", "no share link for '\(network)'")
        }
        guard try await desk.surveys.survey(tokenHash: APITokens.hash(token))?.answeredAt != nil else {
            throw APIError(.notFound, "not_found", "this survey link is not valid")
        }
        try await desk.surveys.recordShare(tokenHash: APITokens.hash(token), network: network)
        return Response.redirect(to: url, type: .found)
    }

    private func message(_ text: String, status: HTTPResponse.Status, _ context: AppRequestContext) -> Response {
        let view = SurveyPage.message(text, chrome: PageChrome("Survey", "survey", context))
        return renderer.html("survey", view, status: status)
    }

    struct SendInput: Decodable {
        var customerId: Int64
        var kind: String
        var conversationId: Int64?
    }

    struct Sent: ResponseEncodable, Sendable { var link: String }

    /// `POST /api/v1/surveys` (agent+): e.g. an NPS after a purchase. The link is returned so an
    /// integration can send it itself when no conversation is given.
    @Sendable func send(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<Sent> {
        try RoleMiddleware.require(.agent, context)
        let input = try await APIInput.decode(SendInput.self, request, context)
        guard let kind = SurveyKind(rawValue: input.kind) else {
            throw APIError(.badRequest, "invalid_kind", "kind must be csat or nps")
        }
        guard let consent = try await desk.customers.consent(customerID: input.customerId) else {
            throw APIError(.notFound, "not_found", "no customer \(input.customerId)")
        }
        guard consent.allows(.surveys) else {
            throw APIError(.conflict, "no_consent", "customer \(input.customerId) asked not to receive surveys")
        }
        do {
            let link = try await desk.sendSurvey(
                kind, customerID: input.customerId, conversationID: input.conversationId)
            desk.worker.wake()
            return EditedResponse(status: .created, response: Sent(link: link))
        } catch StoreError.notFound(let what) {
            throw APIError(.notFound, "not_found", "no \(what)")
        }
    }

    struct Items: ResponseEncodable, Sendable { var items: [Survey] }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Items {
        try RoleMiddleware.require(.analyst, context)
        return Items(items: try await desk.surveys.surveys(customerID: try APIInput.pathID(context)))
    }
}

/// Pre-filled share links for happy customers.
enum ShareLinks {
    static let networks: [(key: String, label: String)] = [
        ("x", "X"), ("facebook", "Facebook"), ("linkedin", "LinkedIn"), ("bluesky", "Bluesky"),
        ("mastodon", "Mastodon"),
    ]
    static let defaultText = "Great service today, thank you!"

    static func url(_ network: String, text: String, link: String) -> String? {
        func q(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
        switch network {
        case "x": return "https://x.com/intent/post?text=\(q(text))&url=\(q(link))"
        case "facebook": return "https://www.facebook.com/sharer/sharer.php?u=\(q(link))&quote=\(q(text))"
        case "linkedin": return "https://www.linkedin.com/sharing/share-offsite/?url=\(q(link))"
        case "bluesky": return "https://bsky.app/intent/compose?text=\(q(text + " " + link))"
        case "mastodon": return "https://mastodonshare.com/?text=\(q(text))&url=\(q(link))"
        default: return nil
        }
    }
}
