import Foundation
import Hummingbird
import RapportDesk
import RapportStore

/// What agents record on a customer's profile: consent flags and tags, from the profile page and
/// the API. Agents and above write; analysts only read.
struct CustomerEditsController {
    let desk: DeskServices

    func addPages(to pages: RouterGroup<AppRequestContext>) {
        pages.post("customers/:id/consent", use: consentForm)
        pages.post("customers/:id/tags", use: tagsForm)
    }

    func addAPI(to api: RouterGroup<AppRequestContext>) {
        api.post("customers/:id/consent", use: consent)
        api.put("customers/:id/tags", use: tags)
    }

    // MARK: Shared checks

    private func setConsent(
        purpose raw: String, granted: Bool, source: String, customerID: Int64, user: User, recorder: String
    ) async throws -> ConsentFlags {
        guard let purpose = ConsentPurpose(rawValue: raw) else {
            let known = ConsentPurpose.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError(.badRequest, "invalid_purpose", "purpose must be one of \(known)")
        }
        let source = source.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !source.isEmpty, source.count <= 200 else {
            throw APIError(
                .badRequest, "invalid_source",
                "say how the customer expressed it (1–200 characters), e.g. 'asked in chat'")
        }
        guard
            let flags = try await desk.customers.setConsent(
                purpose, granted: granted, source: source, customerID: customerID, by: recorder, userID: user.id)
        else { throw APIError(.notFound, "not_found", "no customer \(customerID)") }
        return flags
    }

    private func setTags(_ tags: [String], customerID: Int64) async throws -> [String] {
        guard tags.count <= 50, tags.allSatisfy({ $0.count <= 50 && !$0.contains(",") }) else {
            throw APIError(.badRequest, "invalid_tags", "at most 50 tags of at most 50 characters, without commas")
        }
        guard let stored = try await desk.customers.setTags(tags, customerID: customerID) else {
            throw APIError(.notFound, "not_found", "no customer \(customerID)")
        }
        return stored
    }

    private func agent(_ context: AppRequestContext) throws -> User {
        try RoleMiddleware.require(.agent, context)
        return context.user!
    }

    // MARK: Pages

    struct ConsentFormInput: Decodable, CSRFProtected {
        var purpose: String
        var answer: String
        var source: String
        var _csrf: String?
    }

    @Sendable func consentForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try agent(context)
        let form = try await WebForm.decode(ConsentFormInput.self, request, context)
        guard form.answer == "granted" || form.answer == "refused" else {
            throw APIError(.badRequest, "invalid_answer", "answer must be granted or refused")
        }
        let id = try APIInput.pathID(context)
        _ = try await setConsent(
            purpose: form.purpose, granted: form.answer == "granted", source: form.source, customerID: id, user: user,
            recorder: "agent:\(user.id)")
        return Response.redirect(to: "/customers/\(id)#consent", type: .normal)
    }

    struct TagsFormInput: Decodable, CSRFProtected {
        var tags: String
        var _csrf: String?
    }

    @Sendable func tagsForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try agent(context)
        let form = try await WebForm.decode(TagsFormInput.self, request, context)
        let id = try APIInput.pathID(context)
        _ = try await setTags(form.tags.split(separator: ",").map(String.init), customerID: id)
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
        let user = try agent(context)
        let input = try await APIInput.decode(ConsentInput.self, request, context)
        let flags = try await setConsent(
            purpose: input.purpose, granted: input.granted, source: input.source,
            customerID: try APIInput.pathID(context), user: user, recorder: "api:user:\(user.id)")
        return ConsentBody(consent: flags.records)
    }

    struct TagsInput: Decodable { var tags: [String] }
    struct TagsBody: ResponseEncodable, Sendable { var tags: [String] }

    /// `PUT /api/v1/customers/{id}/tags` `{"tags": ["vip", "churn-risk"]}`
    @Sendable func tags(_ request: Request, context: AppRequestContext) async throws -> TagsBody {
        _ = try agent(context)
        let input = try await APIInput.decode(TagsInput.self, request, context)
        return TagsBody(tags: try await setTags(input.tags, customerID: try APIInput.pathID(context)))
    }
}
