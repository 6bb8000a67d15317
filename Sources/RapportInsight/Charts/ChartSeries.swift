/// One series: a name, one value per x label, and optionally one drill-down link per value.
public struct ChartSeries: Sendable, Hashable {
    /// Series name (user data: it is escaped when rendered).
    public var name: String
    /// One value per label of the chart; nil (or a non-finite value) means no value there.
    public var values: [Double?]
    /// Drill-down URL per value, same positions as `values` (shorter arrays and nil mean no link). Relative
    /// URLs and http(s) URLs are kept; any other scheme (javascript:, data:…) is dropped.
    public var links: [String?]
    /// The series colour; nil takes the palette's next colour.
    public var color: ChartColor?

    /// Creates a series.
    public init(name: String, values: [Double?], links: [String?] = [], color: ChartColor? = nil) {
        self.name = name
        self.values = values
        self.links = links
        self.color = color
    }

    /// The finite value at `index`, if any.
    func value(at index: Int) -> Double? {
        guard values.indices.contains(index), let value = values[index], value.isFinite else { return nil }
        return value
    }

    /// The link at `index`, if any.
    func link(at index: Int) -> String? {
        links.indices.contains(index) ? links[index] : nil
    }
}
