/// Horizontal bars, one row per label (top topics, language mix, share of voice); with several series, the
/// row holds one thinner bar per series (grouped). Bars start at 0 and may be negative. The value is printed
/// at the end of each bar; each bar is wrapped in `<a href>` (when it has a safe link) with a tooltip.
///
/// With `height` nil the chart grows with the rows (about 22 px per bar).
public struct BarChart: SVGChart {
    /// What to plot.
    public var data: ChartData
    /// Size and formatting.
    public var options: ChartOptions

    /// Creates a horizontal bar chart.
    public init(data: ChartData, options: ChartOptions = ChartOptions()) {
        self.data = data
        self.options = options
    }

    /// The `<svg>` element.
    public func render() -> String {
        let rows = data.labels.count
        let seriesCount = max(1, data.series.count)
        let summary = "Bar chart: \(rows) categories, \(data.series.count) series."
        let legendRows = data.series.count > 1 ? 1 : 0
        let barHeight = seriesCount == 1 ? 16.0 : 12.0
        let rowHeight = barHeight * Double(seriesCount) + 8
        let automaticHeight = Int(28 + Double(legendRows) * 18 + 8 + rowHeight * Double(max(rows, 1)) + 24)
        var canvas = ChartCanvas(
            kind: "bar", title: data.title, summary: summary, width: options.width,
            height: options.height ?? (data.isEmpty ? 160 : automaticHeight), options: options)
        guard !data.isEmpty else {
            canvas.emptyMessage()
            return canvas.finish()
        }
        var top = canvas.contentTop
        if data.series.count > 1 {
            top = canvas.legend(data.series.indices.map { (data.series[$0].name, data.color(ofSeries: $0)) })
        }
        let texts = ChartText.labels(data.labels, options: options)
        let values = data.series.flatMap { series in (0..<rows).compactMap { series.value(at: $0) } }
        let decimals = ChartText.automaticDecimals(values)
        let scale = NiceScale(minimum: min(0, values.min()!), maximum: max(0, values.max()!))
        let labelWidth = min(canvas.width * 0.35, (texts.short.map { ChartText.width($0) }.max() ?? 0))
        let valueWidth =
            (values.map {
                ChartText.width(ChartText.value($0, format: options.valueFormat, automaticDecimals: decimals))
            }.max() ?? 0) + 8
        let plot = PlotArea(
            left: 12 + labelWidth + 8, top: top + 8, right: canvas.width - 12 - valueWidth,
            bottom: canvas.height - 24)
        canvas.horizontalValueAxis(scale, plot: plot, format: options.valueFormat)
        let step = plot.height / Double(max(rows, 1))
        let thickness = min(barHeight, (step - 4) / Double(seriesCount))
        func x(_ value: Double) -> Double { plot.left + scale.position(value) * plot.width }

        canvas.writer.open("g", [("class", "rapport-axis rapport-category-axis")])
        for row in 0..<rows {
            let centre = plot.top + (Double(row) + 0.5) * step
            canvas.writer.element(
                "text",
                [
                    ("x", ChartText.coordinate(plot.left - 8)), ("y", ChartText.coordinate(centre + 4)),
                    ("text-anchor", "end"), ("fill", ChartCanvas.textColor),
                ],
                text: texts.short[row])
        }
        canvas.writer.close("g")
        canvas.writer.newline()

        for (seriesIndex, series) in data.series.enumerated() {
            let color = data.color(ofSeries: seriesIndex)
            canvas.writer.open("g", [("class", "rapport-series \(color.cssClass)"), ("fill", color.hex)])
            for row in 0..<rows {
                guard let value = series.value(at: row) else { continue }
                let groupTop = plot.top + Double(row) * step + (step - thickness * Double(seriesCount)) / 2
                let y = groupTop + Double(seriesIndex) * thickness
                let x0 = x(min(0, value))
                let x1 = x(max(0, value))
                let valueText = ChartText.value(value, format: options.valueFormat, automaticDecimals: decimals)
                let tooltip = (series.name.isEmpty ? "" : series.name + " · ") + texts.long[row] + ": " + valueText
                let tag = canvas.writer.openPoint(
                    link: series.link(at: row), tooltip: tooltip, className: "rapport-bar")
                canvas.writer.empty(
                    "rect",
                    [
                        ("x", ChartText.coordinate(x0)), ("y", ChartText.coordinate(y)),
                        ("width", ChartText.coordinate(max(x1 - x0, 0.5))),
                        ("height", ChartText.coordinate(max(thickness - 1, 1))), ("fill", color.hex),
                        ("class", color.cssClass),
                    ])
                canvas.writer.close(tag)
                canvas.writer.element(
                    "text",
                    [
                        ("class", "rapport-bar-value"), ("x", ChartText.coordinate(x(max(0, value)) + 4)),
                        ("y", ChartText.coordinate(y + thickness / 2 + 3.5)), ("fill", ChartCanvas.textColor),
                    ],
                    text: valueText)
            }
            canvas.writer.close("g")
            canvas.writer.newline()
        }
        return canvas.finish()
    }
}
