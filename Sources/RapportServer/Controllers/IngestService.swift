import Foundation
import HTTPTypes
import Hummingbird
import RapportCore
import RapportFormats
import RapportIngest

/// Turns a delivery's bytes into stored mentions and the HTTP answer, for every
/// HTTP way in (webhooks and the ingest API).
struct IngestService: Sendable {
    let pipeline: IngestPipeline

    /// What an ingest call answers: counts plus one entry per bad item.
    struct Summary: ResponseEncodable {
        var received: Int
        var stored: Int
        var duplicates: Int
        var filtered: Int
        var skipped: Int
        var rejected: [ErrorDetail]
        var ids: [Int64]
    }

    /// Character sets are the parsers' business: JSON must be UTF-8 (checked strictly there),
    /// while email and XML may declare ISO-8859-1 or Windows-1252.
    func ingest(_ format: PayloadFormat, body: [UInt8]) async throws -> Summary {
        let outcome: ParseOutcome
        do {
            outcome = try PayloadParser.parse(format, body)
        } catch {
            let status: HTTPResponse.Status = error.code == .documentTooLarge ? .contentTooLarge : .badRequest
            throw APIError(status, error.code.rawValue, error.message)
        }
        let rejected = outcome.failures.map(Self.detail)
        if outcome.posts.isEmpty && !rejected.isEmpty {
            throw APIError(
                .unprocessableContent, "no_valid_items", "none of the \(rejected.count) items could be used",
                details: rejected)
        }
        let receipt: IngestReceipt
        do {
            receipt = try await pipeline.submit(outcome.posts, source: format.rawValue, rejected: rejected.count)
        } catch let error as IngestError {
            switch error {
            case .saturated(let seconds):
                throw APIError(
                    .serviceUnavailable, "saturated", "ingestion is saturated; retry after \(seconds) s",
                    headers: [.retryAfter: String(seconds)])
            case .shuttingDown:
                throw APIError(
                    .serviceUnavailable, "shutting_down", "the server is shutting down; retry shortly",
                    headers: [.retryAfter: "5"])
            }
        }
        return Summary(
            received: outcome.posts.count + rejected.count, stored: receipt.storedIDs.count,
            duplicates: receipt.duplicates, filtered: receipt.filtered, skipped: outcome.skipped, rejected: rejected,
            ids: receipt.storedIDs)
    }

    static func detail(_ failure: ItemFailure) -> ErrorDetail {
        switch failure.location {
        case .line(let n): ErrorDetail(line: n, code: failure.error.code.rawValue, message: failure.error.message)
        case .item(let n): ErrorDetail(item: n, code: failure.error.code.rawValue, message: failure.error.message)
        }
    }
}
