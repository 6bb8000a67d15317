import Foundation
import Hummingbird
import RapportCore
import RapportIngest
import RapportStore

/// Listening rules: `GET/POST /api/v1/rules`, `GET/PUT/DELETE /api/v1/rules/{id}`,
/// `POST /api/v1/rules/validate`. A query that does not compile is refused with its position.
struct RuleController {
    let rules: RuleStore
    let ruleBook: RuleBook

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("rules", use: list)
        group.post("rules", use: create)
        group.post("rules/validate", use: validate)
        group.get("rules/:id", use: show)
        group.put("rules/:id", use: update)
        group.delete("rules/:id", use: delete)
    }

    struct RuleInput: Decodable {
        var name: String
        var brand: String
        var query: String
        var isCompetitor: Bool?
        var enabled: Bool?
    }

    struct RuleList: ResponseEncodable {
        var items: [ListeningRule]
    }

    struct Validation: ResponseEncodable {
        var valid: Bool
        var normalized: String
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> RuleList {
        RuleList(items: try await rules.all())
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> ListeningRule {
        guard let rule = try await rules.rule(id: try id(context)) else { throw notFound(context) }
        return rule
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<ListeningRule>
    {
        try RoleMiddleware.requireIfUser(.admin, context)
        let input = try await decode(request, context)
        let rule = try await rules.create(
            name: input.name, brand: input.brand, isCompetitor: input.isCompetitor ?? false, query: input.query,
            enabled: input.enabled ?? true, by: context.auditActor)
        try await ruleBook.refresh()
        return EditedResponse(status: .created, response: rule)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> ListeningRule {
        try RoleMiddleware.requireIfUser(.admin, context)
        let input = try await decode(request, context)
        let rule = ListeningRule(
            id: try id(context), name: input.name, brand: input.brand, isCompetitor: input.isCompetitor ?? false,
            query: input.query, enabled: input.enabled ?? true)
        guard let updated = try await rules.update(rule, by: context.auditActor) else { throw notFound(context) }
        try await ruleBook.refresh()
        return updated
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.requireIfUser(.admin, context)
        guard try await rules.delete(id: try id(context), by: context.auditActor) else { throw notFound(context) }
        try await ruleBook.refresh()
        return Response(status: .noContent)
    }

    @Sendable func validate(_ request: Request, context: AppRequestContext) async throws -> Validation {
        struct Input: Decodable { var query: String }
        let input: Input
        do {
            input = try await request.decode(as: Input.self, context: context)
        } catch {
            throw APIError(.badRequest, "malformed_json", "expected {\"query\": \"…\"}")
        }
        return Validation(valid: true, normalized: try Self.compile(input.query).normalized)
    }

    private func decode(_ request: Request, _ context: AppRequestContext) async throws -> RuleInput {
        let input: RuleInput
        do {
            input = try await request.decode(as: RuleInput.self, context: context)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw error
        } catch {
            throw APIError(
                .badRequest, "malformed_json",
                "expected {\"name\", \"brand\", \"query\", \"isCompetitor\"?, \"enabled\"?}")
        }
        try Self.check(name: input.name, brand: input.brand, query: input.query)
        return input
    }

    /// What a rule must satisfy, from the API or the admin page.
    static func check(name: String, brand: String, query: String) throws {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 100 else {
            throw APIError(.unprocessableContent, "invalid_rule", "name must be 1–100 characters")
        }
        guard !brand.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError(.unprocessableContent, "invalid_rule", "brand must not be empty")
        }
        _ = try compile(query)
    }

    static func compile(_ query: String) throws -> ListeningQuery {
        do {
            return try ListeningQuery.compile(query)
        } catch {
            throw APIError(
                .unprocessableContent, "invalid_query",
                "\(error.message) at column \(error.column)\n\(error.caretDescription)",
                details: [ErrorDetail(item: error.column, code: "syntax_error", message: error.message)])
        }
    }

    private func id(_ context: AppRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else {
            throw APIError(.badRequest, "invalid_parameter", "rule id must be a whole number")
        }
        return id
    }

    private func notFound(_ context: AppRequestContext) -> APIError {
        APIError(.notFound, "not_found", "no listening rule with id \(context.parameters.get("id") ?? "?")")
    }
}

extension ListeningRule: ResponseEncodable {}
