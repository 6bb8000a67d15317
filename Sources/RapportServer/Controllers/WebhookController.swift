import Foundation
import Hummingbird
import RapportFormats

/// Platform webhooks: Meta (Page feed, Messenger, Instagram) signed with the app secret.
struct WebhookController {
    let ingest: IngestService
    let metaAppSecret: String?
    let metaVerifyToken: String?

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("meta", use: metaHandshake)
        group.post("meta", use: metaDelivery)
    }

    /// `GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…` echoes the challenge.
    @Sendable func metaHandshake(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        guard let expected = metaVerifyToken, !expected.isEmpty else {
            throw APIError(.forbidden, "not_configured", "Meta webhooks are not configured (RAPPORT_META_VERIFY_TOKEN)")
        }
        guard query["hub.mode"].map(String.init) == "subscribe" else {
            throw APIError(.badRequest, "invalid_mode", "hub.mode must be 'subscribe'")
        }
        guard let token = query["hub.verify_token"],
            constantTimeEquals(Array(String(token).utf8), Array(expected.utf8))
        else {
            throw APIError(.forbidden, "invalid_verify_token", "hub.verify_token does not match")
        }
        guard let challenge = query["hub.challenge"], !challenge.isEmpty else {
            throw APIError(.badRequest, "missing_challenge", "hub.challenge is required")
        }
        return Response(
            status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: String(challenge))))
    }

    @Sendable func metaDelivery(_ request: Request, context: AppRequestContext) async throws -> IngestService.Summary {
        guard let secret = metaAppSecret, !secret.isEmpty else {
            throw APIError(.forbidden, "not_configured", "Meta webhooks are not configured (RAPPORT_META_APP_SECRET)")
        }
        let body = Array(buffer: try await request.body.collect(upTo: context.maxUploadSize))
        do {
            try MetaSignature.verify(
                body: body, header: request.headers[.xHubSignature256], appSecret: secret)
        } catch {
            switch error {
            case .missing:
                throw APIError(.unauthorized, "missing_signature", "the X-Hub-Signature-256 header is required")
            case .malformed:
                throw APIError(
                    .unauthorized, "invalid_signature", "X-Hub-Signature-256 must be 'sha256=<64 hex digits>'")
            case .mismatch:
                throw APIError(.unauthorized, "invalid_signature", "X-Hub-Signature-256 does not match the body")
            }
        }
        return try await ingest.ingest(.meta, body: body)
    }
}
