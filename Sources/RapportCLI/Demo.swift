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
    static let rules = DemoScenario.rules

    /// Simulated posts per second (weekly mean) of the demo's history and live stream.
    static let defaultRate = DemoScenario.defaultRate

    /// The rapid-response team whose bells ring on an alert: `RAPPORT_ALERT_TEAM` when set, else the demo's
    /// "Rapid response" team (the supervisor and the agent).
    static func alertTeam(configured: [String]) -> [String] {
        return configured.isEmpty ? ["supervisor@rapport.demo", "agent@rapport.demo"] : configured
    }

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

/// Feeds the simulator's live stream through the pipeline, each post when its time comes (posts dated before now,
/// from a `start` in the past, go at once).
struct DemoStream: Service {
    let pipeline: IngestPipeline
    let rate: Double
    let start: Date
    let logger: Logger

    func run() async throws {
        let config = DemoScenario.live(start: start, rate: rate)
        let clock = ContinuousClock()
        let began = clock.now
        let offset = Date().timeIntervalSince(start)
        for event in Simulator(config) {
            if Task.isShuttingDownGracefully || Task.isCancelled { return }
            let due = began + .milliseconds(Int64((event.timestamp.timeIntervalSince(config.start) - offset) * 1000))
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
