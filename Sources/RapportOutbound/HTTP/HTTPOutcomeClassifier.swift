import Foundation

/// Turns an ``HTTPExchange`` into a ``SendResult`` with the rules every network shares.
///
/// - 2xx: sent, if the platform's id can be read from the body.
/// - 408, 425, 429, 5xx: retryable, with the wait the platform asked for.
/// - 401, 403: permanent ("check the credentials").
/// - other 4xx: permanent, with the platform's own error text.
/// - transport error: retryable when nothing was sent; when the outcome is unknown, retryable only if the
///   platform deduplicates by idempotency key, otherwise permanent so a person checks before resending.
enum HTTPOutcomeClassifier {
    static func classify(
        _ exchange: HTTPExchange,
        network: String,
        deduplicates: Bool,
        now: Date,
        externalID: (Data) -> String?
    ) -> SendResult {
        switch exchange {
        case .notSent(let reason):
            return .retryable(reason: "\(network): \(reason)")
        case .outcomeUnknown(let reason):
            if deduplicates {
                return .retryable(reason: "\(network): \(reason)")
            }
            return .permanent(
                reason: "\(network): \(reason); the reply may have been posted, so it is not retried automatically "
                    + "(check the conversation, then resend by hand)")
        case .response(let response):
            return classify(response, network: network, now: now, externalID: externalID)
        }
    }

    static func classify(
        _ response: HTTPResponseSnapshot,
        network: String,
        now: Date,
        externalID: (Data) -> String?
    ) -> SendResult {
        let detail = errorText(response.body)
        let reason = "\(network): HTTP \(response.status)" + (detail.map { ": \($0)" } ?? "")
        switch response.status {
        case 200..<300:
            if let id = externalID(response.body), !id.isEmpty {
                return .sent(externalID: id)
            }
            // Accepted but unreadable: posting again could duplicate it, so stop here and show it.
            return .permanent(reason: "\(network): HTTP \(response.status) without a readable id in the answer")
        case 408, 425, 429, 500..<600:
            return .retryable(reason: reason, retryAfter: RetryAfterHeader.delay(in: response, now: now))
        case 401, 403:
            return .permanent(reason: reason + " (check the account's credentials and permissions)")
        default:
            return .permanent(reason: reason)
        }
    }

    /// The platform's own error message, from the shapes used by X (`detail`, `title`), Meta (`error.message`),
    /// Mastodon (`error`) and Bluesky (`error` + `message`); else the start of the body.
    static func errorText(_ body: Data) -> String? {
        if let object = JSONValue.object(body) {
            if let nested = object["error"] as? [String: Any], let message = nested["message"] as? String {
                return message
            }
            let error = object["error"] as? String
            let message =
                (object["detail"] as? String) ?? (object["message"] as? String) ?? (object["title"] as? String)
            switch (error, message) {
            case let (error?, message?): return "\(error): \(message)"
            case let (error?, nil): return error
            case let (nil, message?): return message
            default: break
            }
        }
        let text = String(decoding: body.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
