import Foundation
import Hummingbird
import Metrics
import NIOCore
import Prometheus
import RapportStore

/// `/health` (database reachable) and `/metrics` (Prometheus text format).
struct HealthController {
    let database: Database
    /// When set, `/metrics` answers only `Authorization: Bearer <token>` (RAPPORT_METRICS_TOKEN).
    var metricsToken: String? = nil

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("health", use: health)
        group.get("metrics", use: metrics)
    }

    struct Health: ResponseEncodable {
        var status: String
        var database: String
        var writable: Bool
    }

    /// Reads and writes: a database that answers but cannot write (disk full, read-only) is not healthy.
    @Sendable func health(_ request: Request, context: AppRequestContext) async throws -> Health {
        do {
            try await database.execute("SELECT 1")
        } catch {
            throw APIError(.serviceUnavailable, "database_unavailable", "the database does not answer")
        }
        do {
            try await database.probeWrite()
        } catch {
            throw APIError(.serviceUnavailable, "database_read_only", "the database answers but cannot write")
        }
        return Health(status: "ok", database: database.dialect.rawValue, writable: true)
    }

    @Sendable func metrics(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let metricsToken, !metricsToken.isEmpty {
            let sent = request.headers[.authorization].map { String($0.dropFirst("Bearer ".count)) } ?? ""
            guard request.headers[.authorization]?.hasPrefix("Bearer ") == true,
                constantTimeEquals(Array(sent.utf8), Array(metricsToken.utf8))
            else {
                throw APIError(
                    .unauthorized, "missing_token", "/metrics needs 'Authorization: Bearer <RAPPORT_METRICS_TOKEN>'")
            }
        }
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
