/// One labelled value with an optional link, for single-series charts (bars, funnel).
public struct ChartItem: Sendable, Hashable {
    /// The category.
    public var label: String
    /// The value.
    public var value: Double
    /// Drill-down URL.
    public var link: String?

    /// Creates an item.
    public init(label: String, value: Double, link: String? = nil) {
        self.label = label
        self.value = value
        self.link = link
    }
}
