/// A chart that renders itself as a standalone SVG document fragment (an `<svg>` element), ready to inline in
/// HTML. Rendering is a pure function of the data and options: same input, byte-identical output.
public protocol SVGChart: Sendable {
    /// The `<svg>` element.
    func render() -> String
}
