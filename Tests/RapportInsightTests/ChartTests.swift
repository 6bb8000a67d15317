import Foundation
import Testing

@testable import RapportInsight

@Suite("SVG charts")
struct ChartTests {
    static let hostile = "<script>alert(1)</script>"
    static let breakout = "\"><img src=x onerror=alert(1)>"
    static let hours = (0..<4).map { Date(timeIntervalSince1970: 1_763_596_800 + Double($0) * 3600) }  // 2025-11-20

    /// Two series over four hours, every point linked; the link carries characters that must be escaped.
    static func timeData(title: String = hostile) -> ChartData {
        ChartData(
            title: title, labels: hours.map { .date($0) },
            series: [
                ChartSeries(
                    name: hostile, values: [3, 5, 2, 8],
                    links: (0..<4).map { "/mentions?q=\"><b>&hour=\($0)" }),
                ChartSeries(
                    name: breakout, values: [1, 0.5, 4, 2],
                    links: (0..<4).map { "/mentions?network=x&hour=\($0)" }),
            ])
    }

    static func categoryData() -> ChartData {
        ChartData(
            title: "Top topics", seriesName: breakout,
            items: [
                ChartItem(label: hostile, value: 120, link: "/topics/1?a=1&b=2"),
                ChartItem(label: breakout, value: 80, link: "/topics/2?a=1&b=2"),
                ChartItem(label: "billing", value: 35, link: "/topics/3?a=1&b=2"),
            ])
    }

    static func allCharts(_ time: ChartData, _ categories: ChartData) -> [any SVGChart] {
        [LineChart(data: time), StackedBarChart(data: time), BarChart(data: categories), FunnelChart(data: categories)]
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// Checks that the SVG is well-formed XML; returns the first problem, if any. (FoundationXML's parser on
    /// Linux accepts mismatched tags, hence this small checker.)
    static func xmlError(_ svg: String) -> String? { WellFormedXML.problem(in: svg) }

    @Test("Hostile titles, labels and series names render as text, and the SVG stays well-formed")
    func escapesHostileText() {
        for chart in Self.allCharts(Self.timeData(), Self.categoryData()) {
            let svg = chart.render()
            #expect(!svg.contains("<script"), "\(type(of: chart))")
            #expect(!svg.contains("<img"))
            #expect(!svg.contains("<b>"))
            #expect(
                svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || svg.contains("&lt;script&gt;alert(1)&lt;/scr"))
            #expect(Self.xmlError(svg) == nil, "\(type(of: chart)): \(Self.xmlError(svg) ?? "")")
            #expect(Self.xmlError("<svg><a></svg>") != nil)  // the parser does reject broken markup
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(svg.contains("role=\"img\""))
        }
        let bar = BarChart(data: Self.categoryData()).render()
        #expect(bar.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        let line = LineChart(data: Self.timeData()).render()
        #expect(line.contains("aria-label=\"&lt;script&gt;alert(1)&lt;/script&gt;\""))
    }

    @Test("One <a> per point, with the drill-down URL escaped")
    func oneLinkPerPoint() {
        let time = Self.timeData()
        let line = LineChart(data: time).render()
        #expect(Self.count("<a ", in: line) == 8)
        #expect(Self.count("<circle", in: line) == 8)
        #expect(Self.count("<title>", in: line) == 1 + 8 + 2)  // chart, points, legend items
        for hour in 0..<4 {
            #expect(line.contains("href=\"/mentions?q=&quot;&gt;&lt;b&gt;&amp;hour=\(hour)\""))
            #expect(line.contains("href=\"/mentions?network=x&amp;hour=\(hour)\""))
        }
        #expect(Self.count("<a ", in: StackedBarChart(data: time).render()) == 8)
        let categories = Self.categoryData()
        #expect(Self.count("<a ", in: BarChart(data: categories).render()) == 3)
        let funnel = FunnelChart(data: categories).render()
        #expect(Self.count("<a ", in: funnel) == 3)
        #expect(funnel.contains("href=\"/topics/2?a=1&amp;b=2\""))
    }

    @Test("Links with a script scheme are dropped; the point keeps its tooltip")
    func unsafeLinksAreDropped() {
        let links = [
            "javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,x",
            "https://example.com/a?b=1&c=2",
        ]
        let data = ChartData(
            title: "t", labels: links.indices.map { .text("l\($0)") },
            series: [ChartSeries(name: "s", values: links.map { _ in 1 }, links: links)])
        let svg = BarChart(data: data).render()
        #expect(Self.count("<a ", in: svg) == 1)
        #expect(svg.contains("href=\"https://example.com/a?b=1&amp;c=2\""))
        #expect(!svg.lowercased().contains("script:"))
        #expect(!svg.contains("data:text"))
        #expect(Self.count("<title>", in: svg) == 1 + links.count)
        #expect(SVGWriter.safeLink("/mentions?id=1") == "/mentions?id=1")
        #expect(SVGWriter.safeLink("mentions/1:2") == "mentions/1:2")
        #expect(SVGWriter.safeLink("vbscript:x") == nil)
        #expect(SVGWriter.safeLink("  ") == nil)
    }

    @Test("Empty data renders the no-data message, for every chart type")
    func emptyData() {
        let empties = [
            ChartData(title: "Volume", labels: [], series: []),
            ChartData(title: "Volume", labels: ["a", "b"], series: []),
            ChartData(title: "Volume", labels: ["a", "b"], series: [ChartSeries(name: "x", values: [nil, .nan])]),
        ]
        for data in empties {
            for chart in Self.allCharts(data, data) {
                let svg = chart.render()
                #expect(svg.contains(">No data for this period</text>"), "\(type(of: chart))")
                #expect(!svg.contains("<a "))
                #expect(svg.contains("role=\"img\"") && svg.contains("aria-label=\"Volume\""))
                #expect(Self.xmlError(svg) == nil)
            }
        }
        let custom = LineChart(data: empties[0], options: ChartOptions(emptyMessage: "Rien <ici>")).render()
        #expect(custom.contains(">Rien &lt;ici&gt;</text>"))
    }

    @Test("A single point is drawn as a lone marker, without a path")
    func singlePoint() {
        let data = ChartData(
            title: "One", labels: [.date(Self.hours[0])],
            series: [ChartSeries(name: "all", values: [42], links: ["/m"])])
        let line = LineChart(data: data).render()
        #expect(Self.count("<circle", in: line) == 1)
        #expect(!line.contains("<path"))
        #expect(line.contains("<title>all · 2025-11-20: 42</title>"))
        #expect(Self.count("<a ", in: StackedBarChart(data: data).render()) == 1)
        #expect(Self.xmlError(line) == nil)
    }

    @Test("Nil values break the line")
    func gaps() {
        let data = ChartData(
            title: "Sentiment", labels: Self.hours.map { .date($0) },
            series: [ChartSeries(name: "mean", values: [0.2, nil, -0.4, 0.1])])
        let svg = LineChart(data: data).render()
        #expect(Self.count("<circle", in: svg) == 3)
        #expect(svg.contains(" M"))  // a second sub-path after the gap
        #expect(svg.contains("<title>mean · 2025-11-20 02:00 UTC: -0.40</title>"))
    }

    @Test("Output is deterministic and locale-free")
    func deterministic() {
        let data = Self.timeData(title: "Volume")
        #expect(LineChart(data: data).render() == LineChart(data: data).render())
        #expect(ChartText.number(1234.5, decimals: 1) == "1,234.5")
        #expect(ChartText.number(-0.004, decimals: 2) == "0.00")
        #expect(ChartText.number(-1_234_567.891, decimals: 2) == "-1,234,567.89")
        #expect(ChartText.coordinate(12.50) == "12.5")
        #expect(ChartText.coordinate(-0.001) == "0")
        #expect(ChartText.value(0.4567, format: .percent(decimals: 1), automaticDecimals: 0) == "45.7%")
    }

    @Test("Dates print in UTC, shortened on the axis")
    func dates() {
        let days = [Date(timeIntervalSince1970: 1_763_596_800), Date(timeIntervalSince1970: 1_763_683_200)]
        let dayTexts = ChartText.labels(days.map { .date($0) }, options: ChartOptions())
        #expect(dayTexts.short == ["2025-11-20", "2025-11-21"])
        let hourTexts = ChartText.labels(Self.hours.map { .date($0) }, options: ChartOptions())
        #expect(hourTexts.short == ["00:00", "01:00", "02:00", "03:00"])
        #expect(hourTexts.long[3] == "2025-11-20 03:00 UTC")
        let spanning = ChartText.labels(
            [.date(Self.hours[1]), .date(days[1].addingTimeInterval(3600))], options: ChartOptions())
        #expect(spanning.short == ["11-20 01:00", "11-21 01:00"])
        let shifted = ChartText.labels([.date(Self.hours[0])], options: ChartOptions(utcOffsetHours: -5))
        #expect(shifted.long == ["2025-11-19 19:00 UTC-5"])
        #expect(CivilTime(Date(timeIntervalSince1970: 951_782_400)).dateText == "2000-02-29")
        #expect(CivilTime.iso8601(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
    }

    @Test("Nice scales use 1-2-2.5-5 steps that cover the data")
    func niceScale() {
        let scale = NiceScale(minimum: 0, maximum: 87)
        #expect(scale.lower == 0 && scale.upper == 100 && scale.step == 20)
        #expect(scale.ticks == [0, 20, 40, 60, 80, 100])
        let small = NiceScale(minimum: -0.4, maximum: 0.2)
        #expect(small.lower <= -0.4 && small.upper >= 0.2 && small.decimals >= 1)
        let flat = NiceScale(minimum: 0, maximum: 0)
        #expect(flat.upper > flat.lower)
    }

    @Test("Long labels are cut with an ellipsis; full text stays in the tooltip")
    func truncation() {
        let long = String(repeating: "é", count: 40)
        let data = ChartData(title: "t", items: [ChartItem(label: long, value: 3)])
        let svg = BarChart(data: data, options: ChartOptions(maximumLabelLength: 10)).render()
        #expect(svg.contains(">" + String(repeating: "é", count: 9) + "…</text>"))
        #expect(svg.contains("<title>" + long + ": 3</title>"))
    }

    @Test("Rollup series become time-chart data with per-bucket links")
    func rollupChartData() {
        var counter = RollupCounter()
        counter.add(RollupKey(timestamp: Self.hours[0], network: "x", sentiment: "negative"), count: 3)
        counter.add(RollupKey(timestamp: Self.hours[2], network: "reddit", sentiment: "positive"), count: 5)
        let range = TimeRange(start: Self.hours[0], end: Self.hours[3].addingTimeInterval(3600))
        let series = counter.timeSeries(by: .sentiment, over: range, granularity: .hour)
        let data = ChartData(
            title: "Sentiment per hour", rollup: series, colors: ChartColor.sentiment,
            link: { name, bucket in "/mentions?sentiment=\(name)&from=\(Int(bucket.start.timeIntervalSince1970))" })
        #expect(data.labels.count == 4)
        #expect(data.series.map(\.name) == ["positive", "negative"])
        #expect(data.series[0].color == .green && data.series[1].color == .red)
        let svg = StackedBarChart(data: data).render()
        #expect(Self.count("<a ", in: svg) == 2)
        #expect(svg.contains("href=\"/mentions?sentiment=negative&amp;from=1763596800\""))
        #expect(svg.contains("fill=\"#D55E00\""))
    }
}
