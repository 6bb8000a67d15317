import Foundation

/// Locale-free, deterministic formatting of numbers, dates and labels for charts.
enum ChartText {
    /// `value` with exactly `decimals` decimals, "," between thousands when `grouping`, "-" for negatives.
    static func number(_ value: Double, decimals: Int, grouping: Bool = true) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "-∞") }
        let decimals = min(max(0, decimals), 9)
        let factor = pow(10, Double(decimals))
        let scaled = (abs(value) * factor).rounded()
        guard scaled < 9e15 else { return value.description }
        let integer = UInt64(scaled)
        let unit = UInt64(factor)
        let whole = String(integer / unit)
        var text = grouping ? group(whole) : whole
        if decimals > 0 {
            let fraction = String(integer % unit)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return integer == 0 || value > 0 ? text : "-" + text
    }

    /// An SVG coordinate: at most two decimals, trailing zeros dropped.
    static func coordinate(_ value: Double) -> String {
        var text = number(value, decimals: 2, grouping: false)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    private static func group(_ digits: String) -> String {
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return result
    }

    /// A value in the chart's format; `automaticDecimals` is what `.automatic` resolved to for this chart.
    static func value(_ value: Double, format: ChartValueFormat, automaticDecimals: Int) -> String {
        switch format {
        case .automatic: number(value, decimals: automaticDecimals)
        case .decimals(let decimals): number(value, decimals: decimals)
        case .percent(let decimals): number(value * 100, decimals: decimals) + "%"
        }
    }

    /// 0 when every value is whole, else 2.
    static func automaticDecimals(_ values: [Double]) -> Int {
        values.allSatisfy { $0 == $0.rounded() } ? 0 : 2
    }

    /// Tick label decimals: enough for the step, and for percentages two fewer.
    static func tickLabel(_ value: Double, scale: NiceScale, format: ChartValueFormat) -> String {
        switch format {
        case .percent: number(value * 100, decimals: max(0, scale.decimals - 2)) + "%"
        default: number(value, decimals: scale.decimals)
        }
    }

    /// Short axis texts and long tooltip texts for the chart's labels.
    static func labels(_ labels: [ChartLabel], options: ChartOptions) -> (short: [String], long: [String]) {
        let offset = options.utcOffsetHours
        let dates = labels.compactMap { label -> Date? in if case .date(let date) = label { date } else { nil } }
        let fields = dates.map { CivilTime($0, offsetHours: offset) }
        var format = options.dateFormat
        if format == .automatic {
            if fields.allSatisfy({ $0.hour == 0 && $0.minute == 0 }) {
                format = .date
            } else if Set(fields.map { "\($0.year)-\($0.month)-\($0.day)" }).count <= 1 {
                format = .time
            } else {
                format = .dateTime
            }
        }
        let zone = offset == 0 ? "UTC" : (offset > 0 ? "UTC+\(offset)" : "UTC\(offset)")
        var short: [String] = []
        var long: [String] = []
        for label in labels {
            switch label {
            case .text(let text):
                short.append(truncate(text, to: options.maximumLabelLength))
                long.append(text)
            case .date(let date):
                let f = CivilTime(date, offsetHours: offset)
                let day = f.dateText
                let time = f.timeText
                switch format {
                case .date:
                    short.append(day)
                    long.append(day)
                case .time:
                    short.append(time)
                    long.append("\(day) \(time) \(zone)")
                default:
                    short.append(
                        options.dateFormat == .dateTime ? "\(day) \(time)" : "\(day.suffix(5)) \(time)")
                    long.append("\(day) \(time) \(zone)")
                }
            }
        }
        return (short, long)
    }

    /// At most `length` characters (grapheme clusters), the last replaced by "…" when cut.
    static func truncate(_ text: String, to length: Int) -> String {
        let length = max(1, length)
        guard text.count > length else { return text }
        return String(text.prefix(length - 1)) + "…"
    }

    /// Rough rendered width of `text` at `fontSize` (average glyph ≈ 0.6 em).
    static func width(_ text: String, fontSize: Double = 11) -> Double { Double(text.count) * fontSize * 0.6 }
}
