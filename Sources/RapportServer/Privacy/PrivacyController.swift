import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RapportStore

/// Data-subject rights and retention, for administrators only (401 without a user, 403 for other roles):
/// `GET /api/v1/customers/{id}/export`, `POST /api/v1/customers/{id}/erase`, and
/// `GET`/`PUT /api/v1/admin/retention`. Every call is audited with the caller and their address.
struct PrivacyController {
    let exporter: CustomerExporter
    let eraser: CustomerEraser
    let settings: RetentionSettingsStore
    /// The periods the environment sets (`RAPPORT_RETENTION_PUBLIC_DAYS`, `RAPPORT_RETENTION_AUDIT_DAYS`).
    let environment: RetentionPolicy

    init(database: Database, environment: RetentionPolicy) {
        exporter = CustomerExporter(database: database)
        eraser = CustomerEraser(database: database)
        settings = RetentionSettingsStore(database: database)
        self.environment = environment
    }

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("customers/:id/export", use: export)
        api.post("customers/:id/erase", use: erase)
        api.get("admin/retention", use: retention)
        api.put("admin/retention", use: setRetention)
    }

    @Sendable func export(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<CustomerExport>
    {
        try RoleMiddleware.require(.admin, context)
        let id = try APIInput.pathID(context)
        guard
            let document = try await exporter.export(
                customerID: id, by: context.user?.id, from: Self.origin(request, context))
        else { throw APIError(.notFound, "not_found", "no customer \(id)") }
        return EditedResponse(
            headers: [.contentDisposition: "attachment; filename=\"customer-\(id).json\""], response: document)
    }

    /// 200 with the counts; on a customer erased before, 200 with `alreadyErased: true` and nothing changed.
    @Sendable func erase(_ request: Request, context: AppRequestContext) async throws -> ErasureReport {
        try RoleMiddleware.require(.admin, context)
        let id = try APIInput.pathID(context)
        guard
            let report = try await eraser.erase(
                customerID: id, by: context.user?.id, from: Self.origin(request, context))
        else { throw APIError(.notFound, "not_found", "no customer \(id)") }
        return report
    }

    struct Retention: ResponseEncodable, Sendable {
        /// What the environment sets, what administrators stored, and what applies.
        var environment: RetentionPolicy
        var overrides: RetentionPolicy
        var effective: RetentionPolicy
    }

    @Sendable func retention(_ request: Request, context: AppRequestContext) async throws -> Retention {
        try RoleMiddleware.require(.admin, context)
        let overrides = try await settings.overrides()
        return Retention(
            environment: environment, overrides: overrides, effective: environment.overridden(by: overrides))
    }

    /// `{"publicMentionDays": 90, "auditDays": 0}`: days, 0 for "keep forever", null or absent to follow the
    /// environment again.
    @Sendable func setRetention(_ request: Request, context: AppRequestContext) async throws -> Retention {
        try RoleMiddleware.require(.admin, context)
        let input = try await APIInput.decode(RetentionPolicy.self, request, context)
        do {
            try await settings.setOverrides(input, by: context.user?.id, from: Self.origin(request, context))
        } catch let error as StoreError {
            throw APIError(.badRequest, "invalid_retention", error.description)
        }
        return try await retention(request, context: context)
    }

    /// Where the call came from, for the audit log: the peer's address and the API token's name.
    static func origin(_ request: Request, _ context: AppRequestContext) -> String {
        var parts = ["address \(context.clientAddress ?? "unknown")"]
        if let token = context.tokenName { parts.append("token \(token.prefix(64))") }
        return parts.joined(separator: ", ")
    }
}

extension CustomerExport: ResponseEncodable {}
extension ErasureReport: ResponseEncodable {}
extension RetentionPolicy: ResponseEncodable {}
