import Foundation
import Hummingbird
import RapportInsight
import RapportStore

/// The satisfaction → revenue report (`/insight/revenue`, `GET /api/v1/analytics/revenue`): survey answers and
/// sentiment after engagement of the last `lookbackDays`, against the orders that followed.
struct RevenueBuilder: Sendable {
    let experience: ExperienceStore
    let orders: OrderStore

    init(database: Database) {
        experience = ExperienceStore(database: database)
        orders = OrderStore(database: database)
    }

    /// How many days of answers are read.
    static let lookbackDays = 730

    struct Report: Codable, Sendable, ResponseEncodable {
        var windowDays: Int
        var from: Date
        var to: Date
        var method: String
        var limits: [String]
        var figures: SatisfactionRevenue
    }

    static let method =
        "Each customer counts once per measure: their latest survey answer (or the mean sentiment of their messages after the first agent reply) whose follow-up window has ended. Spend = the sum of their orders in the following N days; retained = ordered at least once in them. Cohorts are compared with the unhappiest group by Welch's t-test (95 % intervals). Later spend is regressed on the score by least squares (t intervals). The elasticity is a log-log fit of later spend on the CSAT rating among customers who spent."

    /// `days` is the follow-up window (1…365).
    func build(days: Int, now: Date = Date()) async throws -> Report {
        let start = now.addingTimeInterval(-Double(Self.lookbackDays) * 86_400)
        async let answers = experience.responses(SurveyResponseFilter(start: start, end: now))
        async let traces = experience.sentimentTraces(start: start, end: now)
        async let purchases = orders.orders(start: start, end: now)
        let responses = try await answers
        func observations(_ kind: SurveyKind) -> [SatisfactionRevenue.Observation] {
            responses.filter { $0.kind == kind }.map {
                .init(customerID: $0.customerID, at: $0.answeredAt, value: Double($0.score))
            }
        }
        let after: [SatisfactionRevenue.Observation] = try await traces.compactMap { t in
            guard let reply = t.firstAgentReplyAt else { return nil }
            let later = t.customerMessages.filter { $0.at >= reply }.map(\.score)
            guard !later.isEmpty else { return nil }
            return .init(customerID: t.customerID, at: reply, value: later.reduce(0, +) / Double(later.count))
        }
        let figures = SatisfactionRevenue(
            nps: observations(.nps), csat: observations(.csat), sentimentAfter: after,
            purchases: try await purchases.map {
                .init(customerID: $0.customerID, at: $0.orderedAt, amount: $0.amount)
            },
            windowDays: days, now: now)
        return Report(
            windowDays: days, from: start, to: now, method: Self.method, limits: SatisfactionRevenue.limits,
            figures: figures)
    }

    /// Reads `days` from the query string: 90 by default, 1…365.
    static func days(_ raw: String?) throws -> Int {
        guard let raw, !raw.isEmpty else { return 90 }
        guard let days = Int(raw), (1...365).contains(days) else {
            throw APIError(.badRequest, "invalid_parameter", "days must be a whole number from 1 to 365")
        }
        return days
    }
}
