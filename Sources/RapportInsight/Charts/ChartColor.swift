/// The fixed chart palette: colour-blind-safe hues after Okabe & Ito, each readable on white. Series take
/// them in order unless a series names one (e.g. green / grey / red for positive / neutral / negative).
///
/// Every drawn mark carries both a `fill`/`stroke` attribute (so the SVG stands alone) and the class
/// `rapport-series-N`, N being `paletteIndex`, so a stylesheet can restyle the palette.
public enum ChartColor: Int, Sendable, Hashable, Codable, CaseIterable {
    case blue, orange, green, red, purple, sky, grey, brown

    /// Hex RGB.
    public var hex: String {
        switch self {
        case .blue: "#0072B2"
        case .orange: "#E69F00"
        case .green: "#009E73"
        case .red: "#D55E00"
        case .purple: "#CC79A7"
        case .sky: "#56B4E9"
        case .grey: "#7A7A7A"
        case .brown: "#8C564B"
        }
    }

    /// Position in the palette, used in the CSS class.
    public var paletteIndex: Int { rawValue }

    /// The CSS class of marks in this colour.
    public var cssClass: String { "rapport-series-\(rawValue)" }

    /// The colour of the `index`-th series when none is named (the palette repeats after 8 series).
    public static func automatic(_ index: Int) -> ChartColor {
        allCases[((index % allCases.count) + allCases.count) % allCases.count]
    }

    /// The conventional colour of a sentiment label: positive green, negative red, anything else grey.
    public static func sentiment(_ label: String) -> ChartColor {
        switch label.lowercased() {
        case "positive": .green
        case "negative": .red
        default: .grey
        }
    }
}
