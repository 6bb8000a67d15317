import Foundation
import Testing

@testable import RapportInsight

@Suite("Rollups and re-bucketing")
struct RollupTests {
    /// 2025-11-20T00:00:00Z, a Thursday.
    static let thursday = Date(timeIntervalSince1970: 1_763_596_800)
    static func at(_ hours: Double) -> Date { thursday.addingTimeInterval(hours * 3600) }

    @Test("Timestamps bucket to the UTC hour; days and weeks align on midnight and Monday")
    func bucketing() {
        #expect(hourBucketStart(Self.at(13.99)) == Self.at(13))
        #expect(hourBucketStart(Self.at(-0.5)) == Self.at(-1))
        #expect(Granularity.day.bucketStart(of: Self.at(23.5)) == Self.thursday)
        #expect(Granularity.week.bucketStart(of: Self.at(30)) == Self.at(-3 * 24))  // Monday 2025-11-17
        #expect(Granularity.week.bucketStart(of: Self.at(-3 * 24)) == Self.at(-3 * 24))
        #expect(Granularity.day.bucketStart(of: Self.at(1), utcOffsetHours: -5) == Self.at(-19))
        #expect(Granularity.hour.bucketStart(of: Self.at(1.5), utcOffsetHours: 3) == Self.at(1))
        #expect(RollupKey(timestamp: Self.at(5.25), brand: "acme").hourStart == Self.at(5))
    }

    @Test("Counters add, retract and merge by key")
    func counting() {
        var first = RollupCounter()
        first.add(RollupKey(timestamp: Self.at(0.1), brand: "acme", network: "x"))
        first.add(RollupKey(timestamp: Self.at(0.9), brand: "acme", network: "x"), count: 2)
        first.add(RollupKey(timestamp: Self.at(1.2), brand: "acme", network: "reddit"))
        var second = RollupCounter()
        second.add(RollupKey(timestamp: Self.at(0.5), brand: "acme", network: "x"), count: 4)
        second.add(RollupKey(timestamp: Self.at(1.0), brand: "acme", network: "reddit"), count: -1)
        let merged = first.merging(second)
        #expect(merged.total == 7)
        #expect(merged.counts.count == 1)  // the reddit key went back to 0 and was removed
        #expect(merged.counts[RollupKey(timestamp: Self.at(0), brand: "acme", network: "x")] == 7)
        #expect(first.merging(second) == second.merging(first))
        #expect(merged.sortedRows.map(\.count) == [7])
        #expect(first.totals(by: .network) == ["x": 3, "reddit": 1])
        #expect(first.filter { $0.network == "reddit" }.total == 1)
    }

    @Test("Hourly rollups re-bucket into days over a range, with zeros for empty buckets")
    func rebucketDays() {
        var counter = RollupCounter()
        counter.add(RollupKey(timestamp: Self.at(1), network: "x"), count: 5)
        counter.add(RollupKey(timestamp: Self.at(23), network: "x"), count: 2)
        counter.add(RollupKey(timestamp: Self.at(49), network: "reddit"), count: 4)
        counter.add(RollupKey(timestamp: Self.at(49), network: "x"), count: 1)
        counter.add(RollupKey(timestamp: Self.at(200), network: "x"), count: 100)  // outside the range
        let range = TimeRange(start: Self.thursday, end: Self.at(4 * 24))
        let series = counter.timeSeries(by: .network, over: range, granularity: .day)
        #expect(series.bucketStarts == [0, 24, 48, 72].map { Self.at($0) })
        #expect(series.lines.map(\.name) == ["x", "reddit"])
        #expect(series.lines[0].values == [7, 0, 1, 0])
        #expect(series.lines[1].values == [0, 0, 4, 0])
        #expect(series.totals == [7, 0, 5, 0])
        let total = counter.timeSeries(by: nil, over: range, granularity: .day)
        #expect(total.lines.map(\.name) == ["All"] && total.lines[0].values == [7, 0, 5, 0])
        let empty = RollupCounter().timeSeries(by: nil, over: range, granularity: .day)
        #expect(empty.lines.count == 1 && empty.lines[0].values == [0, 0, 0, 0])
        #expect(RollupCounter().timeSeries(by: .network, over: range, granularity: .day).lines.isEmpty)
    }

    @Test("Weekly buckets start on Monday and may begin before the range; hourly fills every hour")
    func rebucketWeeksAndHours() {
        var counter = RollupCounter()
        counter.add(RollupKey(timestamp: Self.at(2), sentiment: "negative"), count: 3)
        counter.add(RollupKey(timestamp: Self.at(5 * 24), sentiment: "negative"), count: 2)  // Tuesday 25th
        let range = TimeRange(start: Self.thursday, end: Self.at(14 * 24))
        let weeks = counter.timeSeries(by: .sentiment, over: range, granularity: .week)
        #expect(weeks.bucketStarts == [-72, 96, 264].map { Self.at(Double($0)) })
        #expect(weeks.lines[0].values == [3, 2, 0])
        let hours = counter.timeSeries(
            by: .sentiment, over: TimeRange(start: Self.thursday, end: Self.at(6)), granularity: .hour)
        #expect(hours.lines[0].values == [0, 0, 3, 0, 0, 0])
    }

    @Test("Beyond the series limit the smallest lines are summed into Other")
    func otherLine() {
        var counter = RollupCounter()
        for (network, count) in [("x", 10), ("reddit", 5), ("youtube", 3), ("mastodon", 1)] {
            counter.add(RollupKey(timestamp: Self.at(0), network: network), count: count)
        }
        let range = TimeRange(start: Self.thursday, end: Self.at(1))
        let series = counter.timeSeries(by: .network, over: range, granularity: .hour, maximumSeries: 3)
        #expect(series.lines.map(\.name) == ["x", "reddit", "Other"])
        #expect(series.lines.map(\.total) == [10, 5, 4])
    }

    @Test("Generic re-bucketing sums values in range and fills zeros; ranges list their buckets")
    func genericRebucket() {
        let range = TimeRange(start: Self.at(0), end: Self.at(3 * 24))
        let values: [(Date, Double)] = [(Self.at(1), 1.5), (Self.at(2), 2), (Self.at(50), 4), (Self.at(-1), 9)]
        #expect(range.rebucket(values, into: .day) == [3.5, 0, 4])
        #expect(TimeRange(start: Self.at(1), end: Self.at(1)).bucketStarts(.hour).isEmpty)
        #expect(TimeRange(start: Self.at(1.5), end: Self.at(3)).bucketStarts(.hour) == [Self.at(1), Self.at(2)])
        let last = TimeRange.lastHours(24, endingAt: Self.at(10.5))
        #expect(last.end == Self.at(11) && last.start == Self.at(-13) && last.bucketStarts(.hour).count == 24)
    }
}
