import Foundation
import RapportInsight
import RapportStore

/// The customer's mood over time, drawn as SVG by the insight module's line chart.
enum SentimentSparkline {
    static func svg(_ points: [SentimentPoint]) -> String {
        let data = ChartData(
            title: "Mean sentiment per day",
            labels: points.map { .date($0.day) },
            series: [ChartSeries(name: "Sentiment (−1…1)", values: points.map { $0.meanScore })])
        return LineChart(
            data: data,
            options: ChartOptions(
                width: 560, height: 180, valueFormat: .decimals(2), dateFormat: .date,
                emptyMessage: "No rated messages yet")
        ).render()
    }
}
