import Foundation

/// An x label (time bucket or category).
public enum ChartLabel: Sendable, Hashable, ExpressibleByStringLiteral {
    /// A category name (a topic, a language, a funnel stage), shown as is (escaped).
    case text(String)
    /// A time bucket, formatted in UTC (or `ChartOptions.utcOffsetHours`) by `ChartOptions.dateFormat`.
    case date(Date)

    /// A text label.
    public init(stringLiteral value: String) { self = .text(value) }
}

/// What a chart plots: a title, x labels (time buckets or categories) and series of values over them.
public struct ChartData: Sendable, Hashable {
    /// Chart title; also the accessible name (`aria-label`).
    public var title: String
    /// The x labels (time buckets for line and stacked-bar charts; categories for bars; stages for a funnel).
    public var labels: [ChartLabel]
    /// The series, drawn and listed in the legend in this order.
    public var series: [ChartSeries]

    /// Creates chart data.
    public init(title: String, labels: [ChartLabel], series: [ChartSeries]) {
        self.title = title
        self.labels = labels
        self.series = series
    }

    /// Single-series data from labelled items (top topics, language mix, share of voice, funnel stages).
    public init(title: String, seriesName: String = "", items: [ChartItem], color: ChartColor? = nil) {
        self.init(
            title: title, labels: items.map { .text($0.label) },
            series: [
                ChartSeries(name: seriesName, values: items.map(\.value), links: items.map(\.link), color: color)
            ])
    }

    /// True when there is nothing to draw: no label, no series, or no finite value.
    public var isEmpty: Bool {
        !series.contains { series in labels.indices.contains { series.value(at: $0) != nil } }
    }

    /// The colour of the series at `index`.
    func color(ofSeries index: Int) -> ChartColor { series[index].color ?? .automatic(index) }
}
