/// Vertical bars per time bucket (or label), each split into the series' values stacked in series order:
/// sentiment per hour, mentions per network per day.
///
/// Negative values are drawn as 0 (stacks only add up for non-negative parts); nil and zero parts draw
/// nothing. Each drawn part is a `<rect>` wrapped in `<a href>` (when it has a safe link) with a tooltip
/// "series · label: value (share of the bar)".
public struct StackedBarChart: SVGChart {
    /// What to plot.
    public var data: ChartData
    /// Size and formatting.
    public var options: ChartOptions

    /// Creates a stacked bar chart.
    public init(data: ChartData, options: ChartOptions = ChartOptions()) {
        self.data = data
        self.options = options
    }

    /// The `<svg>` element.
    public func render() -> String {
        let count = data.labels.count
        let summary = "Stacked bar chart: \(data.series.count) series over \(count) bars."
        var canvas = ChartCanvas(
            kind: "stacked-bar", title: data.title, summary: summary, width: options.width,
            height: options.height ?? 320, options: options)
        guard !data.isEmpty else {
            canvas.emptyMessage()
            return canvas.finish()
        }
        var top = canvas.contentTop
        if data.series.count > 1 {
            top = canvas.legend(data.series.indices.map { (data.series[$0].name, data.color(ofSeries: $0)) })
        }
        func part(_ series: ChartSeries, _ index: Int) -> Double { max(0, series.value(at: index) ?? 0) }
        let totals = (0..<count).map { index in data.series.reduce(0) { $0 + part($1, index) } }
        let values = data.series.flatMap { series in (0..<count).compactMap { series.value(at: $0) } }
        let decimals = ChartText.automaticDecimals(values)
        let scale = NiceScale(minimum: 0, maximum: totals.max() ?? 0)
        let tickWidth = scale.ticks.map {
            ChartText.width(ChartText.tickLabel($0, scale: scale, format: options.valueFormat))
        }.max()!
        let plot = PlotArea(
            left: 12 + tickWidth + 6, top: top + 8, right: canvas.width - 16, bottom: canvas.height - 26)
        let band = plot.width / Double(count)
        let barWidth = max(1, band * 0.72)
        let centres = (0..<count).map { plot.left + (Double($0) + 0.5) * band }
        canvas.valueAxis(scale, plot: plot, format: options.valueFormat)
        let texts = ChartText.labels(data.labels, options: options)
        canvas.categoryLabels(texts.short, positions: centres, plot: plot)

        for (seriesIndex, series) in data.series.enumerated() {
            let color = data.color(ofSeries: seriesIndex)
            canvas.writer.open("g", [("class", "rapport-series \(color.cssClass)"), ("fill", color.hex)])
            for index in 0..<count {
                let value = part(series, index)
                guard value > 0 else { continue }
                let below = data.series[..<seriesIndex].reduce(0) { $0 + part($1, index) }
                let y0 = plot.bottom - scale.position(below) * plot.height
                let y1 = plot.bottom - scale.position(below + value) * plot.height
                let share = ChartText.number(100 * value / totals[index], decimals: 1)
                let valueText = ChartText.value(value, format: options.valueFormat, automaticDecimals: decimals)
                let tooltip =
                    (series.name.isEmpty ? "" : series.name + " · ") + texts.long[index] + ": "
                    + valueText + " (\(share)%)"
                let tag = canvas.writer.openPoint(
                    link: series.link(at: index), tooltip: tooltip, className: "rapport-bar")
                canvas.writer.empty(
                    "rect",
                    [
                        ("x", ChartText.coordinate(centres[index] - barWidth / 2)), ("y", ChartText.coordinate(y1)),
                        ("width", ChartText.coordinate(barWidth)), ("height", ChartText.coordinate(y0 - y1)),
                        ("fill", color.hex), ("class", color.cssClass),
                    ])
                canvas.writer.close(tag)
            }
            canvas.writer.close("g")
            canvas.writer.newline()
        }
        return canvas.finish()
    }
}
