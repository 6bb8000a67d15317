/// A funnel of stages (all → relevant → attention → urgent): one centred bar per label, its width
/// proportional to the stage's value relative to the largest. It plots the first series only; negative values
/// count as 0. Each stage shows its value and its share of the first stage; the tooltip adds the conversion
/// from the previous stage. Each bar is wrapped in `<a href>` (when it has a safe link).
public struct FunnelChart: SVGChart {
    /// What to plot (stages as labels, values in the first series).
    public var data: ChartData
    /// Size and formatting.
    public var options: ChartOptions

    /// Creates a funnel chart.
    public init(data: ChartData, options: ChartOptions = ChartOptions()) {
        self.data = data
        self.options = options
    }

    /// Funnel data from stages in order, e.g. `[ChartItem(label: "All", value: 1200, link: "/mentions")…]`.
    public init(title: String, stages: [ChartItem], options: ChartOptions = ChartOptions()) {
        self.init(data: ChartData(title: title, items: stages), options: options)
    }

    /// The `<svg>` element.
    public func render() -> String {
        let stages = data.labels.count
        let summary = "Funnel chart: \(stages) stages."
        let rowHeight = 36.0
        var canvas = ChartCanvas(
            kind: "funnel", title: data.title, summary: summary, width: options.width,
            height: options.height ?? (data.isEmpty ? 160 : Int(28 + 8 + rowHeight * Double(stages) + 8)),
            options: options)
        guard let series = data.series.first, !data.isEmpty else {
            canvas.emptyMessage()
            return canvas.finish()
        }
        let texts = ChartText.labels(data.labels, options: options)
        let values = (0..<stages).map { max(0, series.value(at: $0) ?? 0) }
        let decimals = ChartText.automaticDecimals(values)
        let largest = values.max() ?? 0
        let first = values.first ?? 0
        let labelWidth = min(canvas.width * 0.3, texts.short.map { ChartText.width($0) }.max() ?? 0)
        let annotationWidth = 120.0
        let plot = PlotArea(
            left: 12 + labelWidth + 10, top: canvas.contentTop + 8, right: canvas.width - 12 - annotationWidth,
            bottom: canvas.height - 8)
        let step = plot.height / Double(stages)
        let centreX = plot.left + plot.width / 2
        let color = data.color(ofSeries: 0)
        canvas.writer.open("g", [("class", "rapport-series \(color.cssClass)"), ("fill", color.hex)])
        for stage in 0..<stages {
            let value = values[stage]
            let centreY = plot.top + (Double(stage) + 0.5) * step
            let barWidth = largest > 0 ? max(1, plot.width * value / largest) : 1
            let valueText = ChartText.value(value, format: options.valueFormat, automaticDecimals: decimals)
            let ofFirst = first > 0 ? ChartText.number(100 * value / first, decimals: 1) + "%" : "–"
            var tooltip = texts.long[stage] + ": " + valueText
            if stage > 0 {
                tooltip += " (\(ofFirst) of " + texts.long[0]
                let previous = values[stage - 1]
                if previous > 0 {
                    tooltip +=
                        ", " + ChartText.number(100 * value / previous, decimals: 1) + "% of " + texts.long[stage - 1]
                }
                tooltip += ")"
            }
            canvas.writer.element(
                "text",
                [
                    ("class", "rapport-funnel-label"), ("x", ChartText.coordinate(plot.left - 10)),
                    ("y", ChartText.coordinate(centreY + 4)), ("text-anchor", "end"), ("fill", ChartCanvas.textColor),
                ],
                text: texts.short[stage])
            let tag = canvas.writer.openPoint(link: series.link(at: stage), tooltip: tooltip, className: "rapport-bar")
            canvas.writer.empty(
                "rect",
                [
                    ("x", ChartText.coordinate(centreX - barWidth / 2)),
                    ("y", ChartText.coordinate(centreY - step * 0.4)),
                    ("width", ChartText.coordinate(barWidth)), ("height", ChartText.coordinate(step * 0.8)),
                    ("fill", color.hex), ("class", color.cssClass),
                ])
            canvas.writer.close(tag)
            canvas.writer.element(
                "text",
                [
                    ("class", "rapport-funnel-value"), ("x", ChartText.coordinate(plot.right + 8)),
                    ("y", ChartText.coordinate(centreY + 4)), ("fill", ChartCanvas.textColor),
                ],
                text: stage == 0 ? valueText : valueText + " (" + ofFirst + ")")
        }
        canvas.writer.close("g")
        canvas.writer.newline()
        return canvas.finish()
    }
}
