import Foundation
import Hummingbird
import RapportDesk
import RapportStore

/// What agents record on a customer's profile: consent flags and tags, from the profile page and
/// the API. Both are adapters over `DeskActions` (agents and above write; analysts only read).
struct CustomerEditsController {
    let desk: DeskServices
    var actions: DeskActions { desk.actions }

    func addPages(to pages: RouterGroup<AppRequestContext>) {
        let agents = pages.requiring(.agent)
        agents.post("customers/:id/consent", use: consentForm)
        agents.post("customers/:id/tags", use: tagsForm)
    }

    func addAPI(to api: RouterGroup<AppRequestContext>) {
        let agents = api.requiring(.agent)
        agents.post("customers/:id/consent", use: consent)
        agents.put("customers/:id/tags", use: tags)
    }

    // MARK: Pages

    struct ConsentFormInput: Decodable, CSRFProtected {
        var purpose: String
        var answer: String
        var source: String
        var _csrf: String?
    }

    @Sendable func consentForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await WebForm.decode(ConsentFormInput.self, request, context)
        guard form.answer == "granted" || form.answer == "refused" else {
            throw DeskError.invalid("invalid_answer", field: "answer", "answer must be granted or refused")
        }
        let id = try APIInput.pathID(context)
        _ = try await actions.setConsent(
            customerID: id, purpose: form.purpose, granted: form.answer == "granted", source: form.source,
            recorder: "agent:\(user.id)", by: user)
        return Response.redirect(to: "/customers/\(id)#consent", type: .normal)
    }

    struct TagsFormInput: Decodable, CSRFProtected {
        var tags: String
        var _csrf: String?
    }

    @Sendable func tagsForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await WebForm.decode(TagsFormInput.self, request, context)
        let id = try APIInput.pathID(context)
        _ = try await actions.setTags(customerID: id, form.tags.split(separator: ",").map(String.init), by: user)
        return Response.redirect(to: "/customers/\(id)", type: .normal)
    }

    // MARK: API

    struct ConsentInput: Decodable {
        var purpose: String
        var granted: Bool
        var source: String
    }

    struct ConsentBody: ResponseEncodable, Sendable {
        var consent: [String: ConsentRecord]
    }

    /// `POST /api/v1/customers/{id}/consent` `{"purpose": "surveys", "granted": false, "source": "asked in chat"}`
    @Sendable func consent(_ request: Request, context: AppRequestContext) async throws -> ConsentBody {
        let user = try context.requireUser()
        let input = try await APIInput.decode(ConsentInput.self, request, context)
        let flags = try await actions.setConsent(
            customerID: try APIInput.pathID(context), purpose: input.purpose, granted: input.granted,
            source: input.source, recorder: "api:user:\(user.id)", by: user)
        return ConsentBody(consent: flags.records)
    }

    struct TagsInput: Decodable { var tags: [String] }
    struct TagsBody: ResponseEncodable, Sendable { var tags: [String] }

    /// `PUT /api/v1/customers/{id}/tags` `{"tags": ["vip", "churn-risk"]}`
    @Sendable func tags(_ request: Request, context: AppRequestContext) async throws -> TagsBody {
        let user = try context.requireUser()
        let input = try await APIInput.decode(TagsInput.self, request, context)
        return TagsBody(tags: try await actions.setTags(customerID: try APIInput.pathID(context), input.tags, by: user))
    }
}
