import Foundation
import RapportInsight
import RapportSimulation

/// Runs without any incident: every alert is a false alarm.
struct FalseAlarmStudy {
    let weeks: Int
    let seeds: [UInt64]
    let jobs: Int

    func run() {
        let clock = ContinuousClock.now
        let weeks = self.weeks
        let results = parallelMap(seeds.count, jobs: jobs) { [seeds] index in
            SimulatedRun(seed: seeds[index], days: Double(weeks) * 7, incident: nil).openedAlerts()
        }
        let keys = SimulationConfig().brands.map(\.name)
        let keyWeeks = Double(keys.count * weeks * seeds.count)
        print("## False alarms: no incident, \(seeds.count) seeds × \(weeks) weeks × \(keys.count) brand keys\n")
        print(
            "rate \(SimulatedRun.rate) posts/s, seasonality 1; \(results.map(\.posts).reduce(0, +)) brand posts fed\n")
        print("| key | volume_spike | negative_surge | amplification | per key-week |")
        print("|---|---|---|---|---|")
        let all = results.flatMap(\.alerts)
        for key in keys {
            let mine = all.filter { $0.key == key }
            let counts = AlertKind.allCases.map { kind in mine.filter { $0.kind == kind }.count }
            let perWeek = Double(mine.count) / Double(weeks * seeds.count)
            print("| \(key) | \(counts[0]) | \(counts[1]) | \(counts[2]) | \(String(format: "%.2f", perWeek)) |")
        }
        let counts = AlertKind.allCases.map { kind in all.filter { $0.kind == kind }.count }
        print(
            "| **all** | \(counts[0]) | \(counts[1]) | \(counts[2]) | "
                + "**\(String(format: "%.3f", Double(all.count) / keyWeeks))** |")
        for alert in all.sorted(by: { $0.detectedAt < $1.detectedAt }) {
            print(
                "  - \(alert.kind.rawValue) \(alert.key) at \(alert.detectedAt): "
                    + "\(alert.evidence.observedCount) vs \(String(format: "%.1f", alert.evidence.expectedCount)) "
                    + "over \(Int(alert.evidence.windowSeconds / 60)) min, "
                    + "neg \(String(format: "%.2f", alert.evidence.negativeShare)) vs "
                    + "\(String(format: "%.2f", alert.evidence.baselineNegativeShare)), "
                    + "p \(String(format: "%.2g", alert.evidence.pValue)), "
                    + "seasonal \(alert.evidence.seasonalBaseline)")
        }
        print("\n(\(ContinuousClock.now - clock))\n")
    }
}
