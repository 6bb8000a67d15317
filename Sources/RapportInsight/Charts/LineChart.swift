/// Lines over time buckets (or any ordered labels), one per series: volume by network, sentiment trend.
///
/// The value axis starts at 0 unless values are negative, with nice ticks. Every value is a marker wrapped in
/// `<a href>` (when it has a safe link) with a `<title>` tooltip "series · label: value". A nil value breaks
/// the line; a series with a single value is a lone marker. A legend is drawn for two or more series.
public struct LineChart: SVGChart {
    /// What to plot.
    public var data: ChartData
    /// Size and formatting.
    public var options: ChartOptions

    /// Creates a line chart.
    public init(data: ChartData, options: ChartOptions = ChartOptions()) {
        self.data = data
        self.options = options
    }

    /// The `<svg>` element.
    public func render() -> String {
        let count = data.labels.count
        let summary = "Line chart: \(data.series.count) series over \(count) points."
        var canvas = ChartCanvas(
            kind: "line", title: data.title, summary: summary, width: options.width, height: options.height ?? 320,
            options: options)
        guard !data.isEmpty else {
            canvas.emptyMessage()
            return canvas.finish()
        }
        var top = canvas.contentTop
        if data.series.count > 1 {
            top = canvas.legend(data.series.indices.map { (data.series[$0].name, data.color(ofSeries: $0)) })
        }
        let values = data.series.flatMap { series in (0..<count).compactMap { series.value(at: $0) } }
        let scale = NiceScale(minimum: min(0, values.min()!), maximum: max(0, values.max()!))
        let decimals = ChartText.automaticDecimals(values)
        let tickWidth = scale.ticks.map {
            ChartText.width(ChartText.tickLabel($0, scale: scale, format: options.valueFormat))
        }.max()!
        let plot = PlotArea(
            left: 12 + tickWidth + 6, top: top + 8, right: canvas.width - 16, bottom: canvas.height - 26)
        let texts = ChartText.labels(data.labels, options: options)
        // Inset the first and last points so their centred labels stay inside the chart.
        let inset = min(plot.width / 4, max(4, (texts.short.map { ChartText.width($0) }.max() ?? 0) / 2 - 4))
        let xs = (0..<count).map { index in
            count == 1
                ? plot.left + plot.width / 2
                : plot.left + inset + Double(index) * (plot.width - 2 * inset) / Double(count - 1)
        }
        canvas.valueAxis(scale, plot: plot, format: options.valueFormat)
        canvas.categoryLabels(texts.short, positions: xs, plot: plot)
        func y(_ value: Double) -> Double { plot.bottom - scale.position(value) * plot.height }

        for (seriesIndex, series) in data.series.enumerated() {
            let color = data.color(ofSeries: seriesIndex)
            canvas.writer.open("g", [("class", "rapport-series \(color.cssClass)")])
            var path = ""
            var previous = false
            for index in 0..<count {
                guard let value = series.value(at: index) else {
                    previous = false
                    continue
                }
                path +=
                    (previous ? " L" : (path.isEmpty ? "M" : " M"))
                    + ChartText.coordinate(xs[index]) + " " + ChartText.coordinate(y(value))
                previous = true
            }
            if path.contains("L") {
                canvas.writer.empty(
                    "path",
                    [
                        ("d", path), ("fill", "none"), ("stroke", color.hex), ("stroke-width", "2"),
                        ("stroke-linejoin", "round"),
                    ])
            }
            for index in 0..<count {
                guard let value = series.value(at: index) else { continue }
                let valueText = ChartText.value(value, format: options.valueFormat, automaticDecimals: decimals)
                let tooltip = (series.name.isEmpty ? "" : series.name + " · ") + texts.long[index] + ": " + valueText
                let tag = canvas.writer.openPoint(
                    link: series.link(at: index), tooltip: tooltip, className: "rapport-point")
                canvas.writer.empty(
                    "circle",
                    [
                        ("cx", ChartText.coordinate(xs[index])), ("cy", ChartText.coordinate(y(value))), ("r", "3.5"),
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
