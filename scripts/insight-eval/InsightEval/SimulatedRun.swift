import Foundation
import RapportInsight
import RapportSimulation

/// Drives the detector with one simulated run, keyed by the ground-truth brand.
struct SimulatedRun {
    /// Mean posts per second over a week, all networks (brand posts are ≈ 55 % of them).
    static let rate = 2.0

    let config: SimulationConfig

    init(seed: UInt64, days: Double, incident: Incident?) {
        config = SimulationConfig(
            seed: seed, rate: Self.rate, duration: days * 86_400, seasonality: 1, incident: incident)
    }

    /// Every `opened` alert of the run, and how many brand posts were fed.
    func openedAlerts() -> (alerts: [Alert], posts: Int) {
        var detector = CrisisDetector()
        var opened: [Alert] = []
        var posts = 0
        for event in Simulator(config) {
            // Redeliveries are dropped by the pipeline's idempotent insert; chatter matches no brand rule.
            guard !event.truth.isDuplicate, let brand = event.truth.brand else { continue }
            posts += 1
            let observation = DetectorObservation(
                timestamp: event.timestamp, keys: [brand], negative: event.truth.sentiment == .negative,
                authorFollowers: event.truth.authorFollowers, postID: event.truth.externalID,
                authorID: String(event.truth.authorIndex))
            for change in detector.observe(observation) where change.change == .opened {
                opened.append(change.alert)
            }
        }
        let end = config.start.addingTimeInterval(config.duration + 3600)
        for change in detector.advance(to: end) where change.change == .opened { opened.append(change.alert) }
        return (opened, posts)
    }
}

/// Runs `count` jobs on `jobs` threads and returns their results in index order.
func parallelMap<T: Sendable>(_ count: Int, jobs: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
    let box = ResultBox<T>(count)
    DispatchQueue.concurrentPerform(iterations: min(jobs, max(count, 1))) { _ in
        while true {
            box.lock.lock()
            let index = box.next
            box.next += 1
            box.lock.unlock()
            guard index < count else { return }
            let result = body(index)
            box.lock.lock()
            box.results[index] = result
            box.lock.unlock()
        }
    }
    return box.results.map { $0! }
}

/// Results of `parallelMap`, filled under a lock.
private final class ResultBox<T>: @unchecked Sendable {
    var results: [T?]
    let lock = NSLock()
    var next = 0
    init(_ count: Int) { results = Array(repeating: nil, count: count) }
}
