/// The plotting rectangle of a chart, in SVG user units.
struct PlotArea {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double
    var width: Double { right - left }
    var height: Double { bottom - top }
}

/// The parts every chart shares: the `<svg>` element with its accessible name, background, title, legend,
/// value axis, category labels and the empty-data message.
struct ChartCanvas {
    static let textColor = "#333333"
    static let gridColor = "#E5E5E5"
    static let axisColor = "#999999"

    var writer = SVGWriter()
    let width: Double
    let height: Double
    let options: ChartOptions

    /// Opens the `<svg>` and draws background and title. `kind` names the chart type in classes ("line").
    init(kind: String, title: String, summary: String, width: Int, height: Int, options: ChartOptions) {
        self.width = Double(max(width, 120))
        self.height = Double(max(height, 80))
        self.options = options
        let w = ChartText.coordinate(self.width)
        let h = ChartText.coordinate(self.height)
        writer.open(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("width", w), ("height", h), ("viewBox", "0 0 \(w) \(h)"),
                ("role", "img"), ("aria-label", title.isEmpty ? summary : title),
                ("class", "rapport-chart rapport-\(kind)-chart"), ("font-family", "system-ui, sans-serif"),
                ("font-size", "11"),
            ])
        writer.newline()
        writer.element("title", text: title)
        writer.element("desc", text: summary)
        writer.newline()
        writer.empty("rect", [("class", "rapport-chart-background"), ("width", w), ("height", h), ("fill", "#FFFFFF")])
        writer.newline()
        if !title.isEmpty {
            writer.element(
                "text",
                [
                    ("class", "rapport-chart-title"), ("x", "12"), ("y", "18"), ("font-size", "13"),
                    ("font-weight", "600"), ("fill", Self.textColor),
                ],
                text: ChartText.truncate(title, to: Int((self.width - 24) / 7.8)))
            writer.newline()
        }
    }

    /// y below the title.
    var contentTop: Double { 28 }

    /// Draws a wrapping legend from `contentTop`; returns the y below it.
    mutating func legend(_ entries: [(name: String, color: ChartColor)]) -> Double {
        var x = 12.0
        var y = contentTop
        writer.open("g", [("class", "rapport-legend")])
        for entry in entries {
            let text = ChartText.truncate(entry.name, to: options.maximumLabelLength)
            let itemWidth = 14 + ChartText.width(text) + 16
            if x > 12, x + itemWidth > width - 12 {
                x = 12
                y += 16
            }
            writer.open("g", [("class", "rapport-legend-item")])
            writer.element("title", text: entry.name)
            writer.empty(
                "rect",
                [
                    ("class", entry.color.cssClass), ("x", ChartText.coordinate(x)), ("y", ChartText.coordinate(y)),
                    ("width", "10"), ("height", "10"), ("fill", entry.color.hex),
                ])
            writer.element(
                "text",
                [("x", ChartText.coordinate(x + 14)), ("y", ChartText.coordinate(y + 9)), ("fill", Self.textColor)],
                text: text)
            writer.close("g")
            x += itemWidth
        }
        writer.close("g")
        writer.newline()
        return y + 16
    }

    /// The centred "no data" message.
    mutating func emptyMessage() {
        writer.element(
            "text",
            [
                ("class", "rapport-chart-empty"), ("x", ChartText.coordinate(width / 2)),
                ("y", ChartText.coordinate(height / 2)), ("text-anchor", "middle"), ("fill", "#777777"),
            ],
            text: options.emptyMessage)
        writer.newline()
    }

    /// Horizontal grid lines and tick labels of a vertical value axis.
    mutating func valueAxis(_ scale: NiceScale, plot: PlotArea, format: ChartValueFormat) {
        writer.open("g", [("class", "rapport-axis rapport-value-axis")])
        for tick in scale.ticks {
            let position = plot.bottom - scale.position(tick) * plot.height
            let y = ChartText.coordinate(position)
            let isBase = tick == 0 || (scale.lower > 0 && tick == scale.lower)
            writer.empty(
                "line",
                [
                    ("x1", ChartText.coordinate(plot.left)), ("x2", ChartText.coordinate(plot.right)), ("y1", y),
                    ("y2", y), ("stroke", isBase ? Self.axisColor : Self.gridColor),
                ])
            writer.element(
                "text",
                [
                    ("x", ChartText.coordinate(plot.left - 6)), ("y", ChartText.coordinate(position + 4)),
                    ("text-anchor", "end"), ("fill", Self.textColor),
                ],
                text: ChartText.tickLabel(tick, scale: scale, format: format))
        }
        writer.close("g")
        writer.newline()
    }

    /// Vertical grid lines and tick labels of a horizontal value axis (bar charts).
    mutating func horizontalValueAxis(_ scale: NiceScale, plot: PlotArea, format: ChartValueFormat) {
        writer.open("g", [("class", "rapport-axis rapport-value-axis")])
        for tick in scale.ticks {
            let x = ChartText.coordinate(plot.left + scale.position(tick) * plot.width)
            writer.empty(
                "line",
                [
                    ("x1", x), ("x2", x), ("y1", ChartText.coordinate(plot.top)),
                    ("y2", ChartText.coordinate(plot.bottom)),
                    ("stroke", tick == 0 ? Self.axisColor : Self.gridColor),
                ])
            writer.element(
                "text",
                [
                    ("x", x), ("y", ChartText.coordinate(plot.bottom + 14)), ("text-anchor", "middle"),
                    ("fill", Self.textColor),
                ],
                text: ChartText.tickLabel(tick, scale: scale, format: format))
        }
        writer.close("g")
        writer.newline()
    }

    /// Category labels under the plot at the given x positions, thinned so they do not overlap.
    mutating func categoryLabels(_ labels: [String], positions: [Double], plot: PlotArea) {
        guard !labels.isEmpty else { return }
        let widest = labels.map { ChartText.width($0) }.max() ?? 0
        let room = positions.count > 1 ? abs(positions[1] - positions[0]) : plot.width
        let every = max(1, Int(((widest + 8) / max(room, 1)).rounded(.up)))
        writer.open("g", [("class", "rapport-axis rapport-category-axis")])
        for (index, label) in labels.enumerated() where index % every == 0 {
            writer.element(
                "text",
                [
                    ("x", ChartText.coordinate(positions[index])), ("y", ChartText.coordinate(plot.bottom + 16)),
                    ("text-anchor", "middle"), ("fill", Self.textColor),
                ],
                text: label)
        }
        writer.close("g")
        writer.newline()
    }

    /// Closes the `<svg>` and returns the markup.
    mutating func finish() -> String {
        writer.close("svg")
        writer.newline()
        return writer.output
    }
}
