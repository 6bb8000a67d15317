import Foundation
import Hummingbird
import Metrics
import NIOCore
import Prometheus
import RapportStore

/// `/health` (database reachable) and `/metrics` (Prometheus text format).
struct HealthController {
    let database: Database

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("health", use: health)
        group.get("metrics", use: metrics)
    }

    struct Health: ResponseEncodable {
        var status: String
        var database: String
    }

    @Sendable func health(_ request: Request, context: AppRequestContext) async throws -> Health {
        do {
            try await database.execute("SELECT 1")
            return Health(status: "ok", database: database.dialect.rawValue)
        } catch {
            throw APIError(.serviceUnavailable, "database_unavailable", "the database does not answer")
        }
    }

    @Sendable func metrics(_ request: Request, context: AppRequestContext) async throws -> Response {
        var buffer: [UInt8] = []
        RapportMetrics.registry.emit(into: &buffer)
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: buffer)))
    }
}

/// The Prometheus registry behind swift-metrics; bootstrapped once by `serve`.
public enum RapportMetrics {
    public static let registry = PrometheusCollectorRegistry()

    public static func bootstrap() {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    }
}
