import Foundation

extension ChartData {
    /// Time-chart data from rollup series: one label per bucket, one chart series per line.
    ///
    /// `colors` picks a colour per series name (e.g. `ChartColor.sentiment`); `link` builds the drill-down URL
    /// of a point from its series name and its bucket's time range (return nil for no link).
    public init(
        title: String, rollup: RollupSeries, colors: (String) -> ChartColor? = { _ in nil },
        link: (_ series: String, _ bucket: TimeRange) -> String? = { _, _ in nil }
    ) {
        let ranges = rollup.bucketStarts.map {
            TimeRange(start: $0, end: rollup.granularity.nextBucket(after: $0))
        }
        self.init(
            title: title, labels: rollup.bucketStarts.map { .date($0) },
            series: rollup.lines.map { line in
                ChartSeries(
                    name: line.name, values: line.values.map { Double($0) },
                    links: ranges.map { link(line.name, $0) }, color: colors(line.name))
            })
    }
}
