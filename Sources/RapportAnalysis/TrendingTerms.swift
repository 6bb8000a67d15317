import Foundation

/// Terms whose frequency rises sharply in a recent window against their own baseline.
///
/// Pure and in-memory: the caller feeds timestamped texts (or term counts it already has),
/// then asks what is trending at a moment. Counts are kept per time bucket. For each term,
/// `ratio = (windowCount / window) / ((baselineCount + 1) / baseline)` — the add-one keeps a
/// brand-new term from dividing by zero while still letting it trend when it is frequent enough.
public struct TrendingTerms: Sendable {
    public struct Term: Sendable, Hashable {
        public var term: String
        public var windowCount: Int
        public var baselineCount: Int
        /// Window rate over smoothed baseline rate.
        public var ratio: Double
    }

    public let bucketSeconds: Int
    private var buckets: [Int: [String: Int]] = [:]
    private let extractor = TopicExtractor()

    public init(bucketSeconds: Int = 60) {
        self.bucketSeconds = max(1, bucketSeconds)
    }

    /// Counts the hashtags and content words of `text` (each once per text) at `date`.
    public mutating func add(text: String, at date: Date) {
        var counts: [String: Int] = [:]
        for term in extractor.terms(text) { counts[term] = 1 }
        add(counts: counts, at: date)
    }

    public mutating func add(counts: [String: Int], at date: Date) {
        let bucket = Int((date.timeIntervalSince1970 / Double(bucketSeconds)).rounded(.down))
        buckets[bucket, default: [:]].merge(counts, uniquingKeysWith: +)
    }

    /// Forgets buckets that end before `date`.
    public mutating func prune(before date: Date) {
        let limit = Int((date.timeIntervalSince1970 / Double(bucketSeconds)).rounded(.down))
        buckets = buckets.filter { $0.key >= limit }
    }

    /// Terms seen at least `minimumCount` times in `(now − window, now]` whose rate is at least
    /// `minimumRatio` times their rate over the `baseline` before the window; sharpest rise first.
    public func trending(
        at now: Date, window: TimeInterval, baseline: TimeInterval, minimumCount: Int = 5, minimumRatio: Double = 3
    ) -> [Term] {
        let nowBucket = Int((now.timeIntervalSince1970 / Double(bucketSeconds)).rounded(.down))
        let windowBuckets = max(1, Int((window / Double(bucketSeconds)).rounded()))
        let baselineBuckets = max(1, Int((baseline / Double(bucketSeconds)).rounded()))
        var recent: [String: Int] = [:]
        var before: [String: Int] = [:]
        for (bucket, counts) in buckets {
            let age = nowBucket - bucket
            if age >= 0 && age < windowBuckets {
                recent.merge(counts, uniquingKeysWith: +)
            } else if age >= windowBuckets && age < windowBuckets + baselineBuckets {
                before.merge(counts, uniquingKeysWith: +)
            }
        }
        let windowSpan = Double(windowBuckets), baselineSpan = Double(baselineBuckets)
        var out: [Term] = []
        for (term, count) in recent where count >= minimumCount {
            let old = before[term] ?? 0
            let ratio = (Double(count) / windowSpan) / (Double(old + 1) / baselineSpan)
            if ratio >= minimumRatio {
                out.append(Term(term: term, windowCount: count, baselineCount: old, ratio: ratio))
            }
        }
        return out.sorted { $0.ratio != $1.ratio ? $0.ratio > $1.ratio : $0.term < $1.term }
    }
}
