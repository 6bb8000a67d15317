import Foundation
import Logging
import RapportFormats
import RapportIngest
import RapportServer
import RapportSimulation
import RapportStore
import ServiceLifecycle

/// What `serve --demo` sets up: the simulator's brands as listening rules and an API token.
enum Demo {
    static let rules: [(name: String, brand: String, competitor: Bool, query: String)] = [
        ("acme-brand", "acme", false, "acme OR @AcmeMobile OR #acme OR \"acme mobile\""),
        ("acme-outage", "acme", false, "(acme OR @AcmeMobile) AND (outage OR \"no signal\" OR down OR \"no data\")"),
        ("globex", "globex", true, "globex OR @Globex OR #globex"),
        ("initech", "initech", true, "initech OR @initech OR #initech"),
        ("umbrella", "umbrella", true, "\"umbrella energy\" OR @UmbrellaEnergy OR #umbrellaenergy"),
        ("hooli", "hooli", true, "hooli OR @hooli OR #hooli"),
        ("vandelay", "vandelay", true, "vandelay OR @VandelayAir OR #vandelay"),
    ]

    /// Creates the demo rules (when absent) and a fresh token; returns the token.
    static func seed(_ services: RapportServices, configuration: inout AppConfiguration) async throws -> String {
        let existing = Set(try await services.rules.all().map(\.name))
        for rule in rules where !existing.contains(rule.name) {
            _ = try await services.rules.create(
                name: rule.name, brand: rule.brand, isCompetitor: rule.competitor, query: rule.query)
        }
        try await services.ruleBook.refresh()
        let token = APITokens.generate()
        _ = try await services.tokens.create(name: "demo", tokenHash: APITokens.hash(token))
        if configuration.metaAppSecret == nil { configuration.metaAppSecret = "demo-meta-secret" }
        if configuration.metaVerifyToken == nil { configuration.metaVerifyToken = "demo-verify-token" }
        return token
    }
}

/// Feeds the simulator's live stream (timestamps = now) through the pipeline.
struct DemoStream: Service {
    let pipeline: IngestPipeline
    let rate: Double
    let logger: Logger

    func run() async throws {
        var config = SimulationConfig(
            seed: UInt64(Date().timeIntervalSince1970), start: Date(), rate: rate, duration: 365 * 86_400,
            seasonality: 0)
        config.incident = Incident(
            brand: "Acme Mobile", topicWords: ["outage", "no signal"], start: 120, duration: 300, volumeMultiplier: 6,
            negativeShare: 0.85)
        let clock = ContinuousClock()
        let began = clock.now
        for event in Simulator(config) {
            if Task.isShuttingDownGracefully || Task.isCancelled { return }
            let due = began + .milliseconds(Int64(event.timestamp.timeIntervalSince(config.start) * 1000))
            try? await clock.sleep(until: due)
            guard let format = PayloadFormat(name: event.format) else { continue }
            do {
                let outcome = try PayloadParser.parse(format, Array(event.payload.utf8))
                _ = try await pipeline.submit(outcome.posts, source: format.rawValue, rejected: outcome.failures.count)
            } catch {
                logger.debug("demo event skipped: \(error)")
            }
        }
    }
}
