import Foundation
import RapportInsight
import RapportSimulation

/// Injects one incident per run, on day 8 (a warm weekly profile), and measures when it is detected.
struct IncidentStudy {
    let seeds: [UInt64]
    let jobs: Int

    static let brands = ["Acme Mobile", "Vandelay Air"]
    static let multipliers: [Double] = [2, 3, 5, 8]
    /// Hours of the day (UTC = audience time) at which incidents start: night, morning ramp, afternoon, peak;
    /// deliberately not on bucket boundaries (03:02:24, 09:33:00, 14:06:36, 19:46:48).
    static let startHours: [Double] = [3.04, 9.55, 14.11, 19.78]
    static let duration = 3600.0
    static let days = 8.5

    struct Case: Sendable {
        var brand: String
        var multiplier: Double
        var hour: Double
        var seed: UInt64
    }

    struct Outcome: Sendable {
        var `case`: Case
        /// Delay of the first alert of each kind on the incident's key, nil when missed.
        var delays: [AlertKind: Double]
        /// Alerts on other keys, or before the incident started.
        var falseAlarms: Int
        /// What those were.
        var others: [String]
    }

    func run() {
        let clock = ContinuousClock.now
        var cases: [Case] = []
        for brand in Self.brands {
            for multiplier in Self.multipliers {
                for hour in Self.startHours {
                    for seed in seeds {
                        cases.append(Case(brand: brand, multiplier: multiplier, hour: hour, seed: seed))
                    }
                }
            }
        }
        let outcomes = parallelMap(cases.count, jobs: jobs) { [cases] index in Self.evaluate(cases[index]) }
        report(outcomes)
        print("\n(\(ContinuousClock.now - clock))\n")
    }

    static func evaluate(_ item: Case) -> Outcome {
        let start = 7 * 86_400 + item.hour * 3600
        let incident = Incident(
            brand: item.brand, start: start, duration: duration, volumeMultiplier: item.multiplier)
        let run = SimulatedRun(seed: item.seed, days: days, incident: incident)
        let alerts = run.openedAlerts().alerts
        let startDate = run.config.start.addingTimeInterval(start)
        let horizon = startDate.addingTimeInterval(duration + 3600)
        var delays: [AlertKind: Double] = [:]
        var falseAlarms = 0
        var others: [String] = []
        for alert in alerts {
            if alert.key == item.brand, alert.detectedAt >= startDate, alert.detectedAt <= horizon {
                if delays[alert.kind] == nil { delays[alert.kind] = alert.detectedAt.timeIntervalSince(startDate) }
            } else {
                falseAlarms += 1
                let offset = alert.detectedAt.timeIntervalSince(startDate) / 60
                others.append("\(alert.kind.rawValue) \(alert.key) \(String(format: "%+.0f", offset)) min")
            }
        }
        return Outcome(case: item, delays: delays, falseAlarms: falseAlarms, others: others)
    }

    private func report(_ outcomes: [Outcome]) {
        print(
            "## Incidents: one per run on day 8, \(Int(Self.duration / 60)) min, 85 % negative, influencer at +10 min\n"
        )
        print(
            "start hours (UTC = audience time): \(Self.startHours.map { String($0) }.joined(separator: ", ")); seeds \(seeds)\n"
        )
        print(
            "| key | multiplier | detected | first alert: median | p90 | max | volume median | negative median | amplification median |"
        )
        print("|---|---|---|---|---|---|---|---|---|")
        for brand in Self.brands {
            for multiplier in Self.multipliers {
                let mine = outcomes.filter { $0.case.brand == brand && $0.case.multiplier == multiplier }
                let first = mine.compactMap { $0.delays.values.min() }
                let perKind = AlertKind.allCases.map { kind in mine.compactMap { $0.delays[kind] } }
                func minutes(_ values: [Double], _ q: Double) -> String {
                    guard !values.isEmpty else { return "—" }
                    let sorted = values.sorted()
                    let index = min(sorted.count - 1, Int((q * Double(sorted.count - 1)).rounded(.up)))
                    return String(format: "%.1f min", sorted[index] / 60)
                }
                func kindMedian(_ values: [Double]) -> String {
                    "\(minutes(values, 0.5)) (\(values.count)/\(mine.count))"
                }
                print(
                    "| \(brand) | \(Int(multiplier))× | \(first.count)/\(mine.count) | \(minutes(first, 0.5)) | "
                        + "\(minutes(first, 0.9)) | \(minutes(first, 1)) | \(kindMedian(perKind[0])) | "
                        + "\(kindMedian(perKind[1])) | \(kindMedian(perKind[2])) |")
            }
        }
        let falseAlarms = outcomes.map(\.falseAlarms).reduce(0, +)
        let keyWeeks = Double(outcomes.count) * Self.days / 7 * 6
        print(
            "\nAlerts elsewhere (other keys, or the incident key outside the incident): \(falseAlarms) over "
                + "\(String(format: "%.1f", keyWeeks)) key-weeks (\(String(format: "%.3f", Double(falseAlarms) / keyWeeks)) per key-week)"
        )
        for outcome in outcomes {
            let d = AlertKind.allCases.map { kind in outcome.delays[kind].map { String(format: "%.0f", $0 / 60) } ?? "-"
            }
            print(
                "  - \(outcome.case.brand) \(Int(outcome.case.multiplier))× at \(outcome.case.hour)h seed \(outcome.case.seed): volume \(d[0]) neg \(d[1]) amp \(d[2]) min; other alerts \(outcome.falseAlarms) \(outcome.others)"
            )
        }
    }
}
