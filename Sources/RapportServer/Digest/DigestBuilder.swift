import Foundation
import RapportCore
import RapportIngest
import RapportInsight
import RapportStore

/// Builds the digest of a period from the same figures as the dashboard (rollups, the sample of recent
/// mentions, conversations), plus the alerts detected in the period and the survey answers.
public struct DigestBuilder: Sendable {
    let database: Database
    let dashboards: DashboardBuilder
    let alerts: AlertStore

    public init(database: Database) {
        self.database = database
        alerts = AlertStore(database: database)
        dashboards = DashboardBuilder(database: database, alerts: alerts)
    }

    /// The digest of the last complete `period` before `now`.
    public func build(_ period: DigestPeriod, now: Date = Date()) async throws -> Digest {
        let (start, end) = period.lastComplete(before: now)
        return try await build(period, start: start, end: end, now: now)
    }

    /// The digest of [start, end).
    public func build(_ period: DigestPeriod, start: Date, end: Date, now: Date = Date()) async throws -> Digest {
        func query(_ start: Date, _ end: Date) -> DashboardQuery {
            DashboardQuery(
                rangeName: "custom", range: TimeRange(start: start, end: end), ruleID: nil, brand: nil, network: nil)
        }
        let length = end.timeIntervalSince(start)
        async let current = dashboards.build(query(start, end), now: now)
        async let previous = dashboards.build(query(start.addingTimeInterval(-length), start), now: now)
        async let scores = SurveyScores.load(database, start: start, end: end)
        async let stored = alerts.list(limit: 1_000)
        let d = try await current
        let ruleMap = Dictionary(try await dashboards.rules.all().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let inPeriod = try await stored.filter { $0.detectedAt >= start && $0.detectedAt < end }
            .sorted { ($0.detectedAt, $0.id) < ($1.detectedAt, $1.id) }
            .map { AlertPayload($0, rules: ruleMap) }
        return Digest(
            period: period, start: start, end: end, volume: d.total, previousVolume: try await previous.total,
            sentiment: d.sentiment.map { .init(name: $0.name, count: $0.values.reduce(0, +)) }
                .sorted { ($1.count, $0.name) < ($0.count, $1.name) },
            funnel: d.funnel.map { .init(name: $0.name, count: $0.count) },
            topTopics: d.topTopics.map { .init(name: $0.name, count: $0.count) },
            alerts: inPeriod.map {
                .init(
                    id: $0.id, kind: $0.kind, series: AlertText.series($0), detectedAt: $0.detectedAt,
                    status: $0.status, rate: AlertText.rate(AlertEvidenceSummary($0)))
            },
            service: .init(
                conversations: d.service.conversations, responded: d.service.responded,
                responseRate: d.service.responseRate, firstResponseMedianSeconds: d.service.firstResponseMedianSeconds,
                resolutionMedianSeconds: d.service.resolutionMedianSeconds, slaCompliance: d.service.slaCompliance,
                surveys: try await scores))
    }
}
