import Foundation
import Hummingbird
import RapportIngest
import RapportStore

/// `GET /api/v1/stats`: per-source counters (received, stored, duplicate, filtered, rejected).
struct StatsController {
    let store: MentionStore
    let pipeline: IngestPipeline

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("stats", use: stats)
    }

    struct SourceCounts: Codable {
        var received, stored, duplicate, filtered, rejected: Int
    }

    struct Stats: ResponseEncodable {
        var mentions: Int
        var pending: Int
        var sources: [String: SourceCounts]
    }

    @Sendable func stats(_ request: Request, context: AppRequestContext) async throws -> Stats {
        let counters = try await store.counters()
        return Stats(
            mentions: try await store.count(), pending: pipeline.pendingPosts,
            sources: counters.mapValues {
                SourceCounts(
                    received: $0.received, stored: $0.stored, duplicate: $0.duplicate, filtered: $0.filtered,
                    rejected: $0.rejected)
            })
    }
}
