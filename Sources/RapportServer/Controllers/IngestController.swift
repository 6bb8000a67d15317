import Foundation
import Hummingbird
import RapportFormats
import RapportStore

/// `POST /api/v1/ingest/{format}`: any supported payload, authenticated by API token.
struct IngestController {
    let ingest: IngestService

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("ingest/:format", use: ingestPayload)
    }

    @Sendable func ingestPayload(_ request: Request, context: AppRequestContext) async throws -> IngestService.Summary {
        // Logging a call or importing posts is an agent's job; analysts only read.
        try RoleMiddleware.requireIfUser(.agent, context)
        let name = context.parameters.get("format") ?? ""
        guard let format = PayloadFormat(name: name) else {
            throw APIError(
                .notFound, "unknown_format",
                "unknown format '\(name)'; use one of: \(PayloadFormat.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        let body = Array(buffer: try await request.body.collect(upTo: context.maxUploadSize))
        guard !body.isEmpty else { throw APIError(.badRequest, "empty_body", "the request body is empty") }
        return try await ingest.ingest(format, body: body)
    }
}
