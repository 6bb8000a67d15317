/// How values are printed on axes, labels and tooltips. Formatting is locale-free and deterministic:
/// "." for decimals, "," between thousands, "−" never (a plain "-").
public enum ChartValueFormat: Sendable, Hashable {
    /// Integers when every value is whole, otherwise two decimals.
    case automatic
    /// A fixed number of decimals.
    case decimals(Int)
    /// Values are fractions (0.456) printed as percentages ("45.6%") with this many decimals.
    case percent(decimals: Int)
}

/// How date labels are printed (always in UTC plus `ChartOptions.utcOffsetHours`).
public enum ChartDateFormat: String, Sendable, Hashable {
    /// "2025-11-20" when every date is at midnight, "14:00" when all fall on one day, else "11-20 14:00".
    case automatic
    /// "2025-11-20".
    case date
    /// "2025-11-20 14:00".
    case dateTime
    /// "14:00".
    case time
}

/// Size and presentation of a chart. The defaults suit a dashboard card.
public struct ChartOptions: Sendable, Hashable {
    /// Width in pixels (also the viewBox width).
    public var width: Int
    /// Height in pixels; nil lets each chart choose (320 for time charts, by row count for bars and funnels).
    public var height: Int?
    /// Value formatting.
    public var valueFormat: ChartValueFormat
    /// Date label formatting.
    public var dateFormat: ChartDateFormat
    /// Fixed offset from UTC, in hours, for printing dates.
    public var utcOffsetHours: Int
    /// Message drawn when there is no data.
    public var emptyMessage: String
    /// Longest category or legend label, in characters, before it is cut with "…" (the full text stays in
    /// the tooltip).
    public var maximumLabelLength: Int

    /// Creates options.
    public init(
        width: Int = 640, height: Int? = nil, valueFormat: ChartValueFormat = .automatic,
        dateFormat: ChartDateFormat = .automatic, utcOffsetHours: Int = 0,
        emptyMessage: String = "No data for this period", maximumLabelLength: Int = 28
    ) {
        self.width = width
        self.height = height
        self.valueFormat = valueFormat
        self.dateFormat = dateFormat
        self.utcOffsetHours = utcOffsetHours
        self.emptyMessage = emptyMessage
        self.maximumLabelLength = maximumLabelLength
    }
}
